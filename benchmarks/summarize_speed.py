"""Summarisation throughput on BBC News Summary: documents per second, text in, summary out.

Every system gets the raw ``article`` text and returns ``--sentences`` sentences (default 3),
so each timing covers the whole pipeline (splitting, tokenising, graph, ranking):

* synopsis.summarize_batch(texts, n_jobs=1) and n_jobs=-1 (all cores), default method and
  encoder, and a plain Python loop over synopsis.summarize;
* sumy TextRank (English Snowball stemmer and stop words) including PlaintextParser
  parsing with the offline tokenizer of _common.OfflineSumyTokenizer; its sentence splitter
  defaults to the regex splitter here (pysbd, the closer match to trained Punkt, is about
  ten times slower and would dominate sumy's time: ``--sumy-sentences pysbd``);
* summa.summarizer.summarize with its default ratio=0.2 (its cost is the sentence graph
  and PageRank, which do not depend on the output length).

Slow peers can run on the first ``--peer-limit`` documents; their documents/second are then
measured on that subset and compared as rates (the table says how many documents each
system saw). "synopsis (1 core) is" = synopsis n_jobs=1 docs/s divided by the system's.

Example:
    python benchmarks/summarize_speed.py
    python benchmarks/summarize_speed.py --peer-limit 300
"""

from __future__ import annotations

import os
import time
from typing import Callable

from _common import (
    OfflineSumyTokenizer, load_jsonl, make_parser, markdown_table, ratio, sumy_document,
    sumy_summarizers,
)

BatchRun = Callable[[list[str]], list]  # texts -> one summary per text


def synopsis_systems(n_sentences: int) -> dict[str, BatchRun]:
    systems = {}
    from synopsis import summarize, summarize_batch

    systems["synopsis summarize_batch n_jobs=1"] = (
        lambda texts: summarize_batch(texts, n_jobs=1, sentences=n_sentences))
    systems[f"synopsis summarize_batch n_jobs=-1 ({os.cpu_count()} cores)"] = (
        lambda texts: summarize_batch(texts, n_jobs=-1, sentences=n_sentences))
    systems["synopsis summarize, Python loop"] = (
        lambda texts: [summarize(text, sentences=n_sentences) for text in texts])
    return systems


def sumy_textrank(n_sentences: int, splitter: str) -> BatchRun:
    tokenizer = OfflineSumyTokenizer(splitter)
    print(f"sumy tokenizer: {tokenizer.description}")
    summarizer = sumy_summarizers(["TextRank"])["TextRank"]
    return lambda texts: [summarizer(sumy_document(text, tokenizer), n_sentences) for text in texts]


def summa_summarizer() -> BatchRun:
    from summa.summarizer import summarize

    return lambda texts: [summarize(text, split=True) for text in texts]


def docs_per_second(run: BatchRun, texts: list[str]) -> float:
    start = time.perf_counter()
    outputs = run(texts)
    elapsed = time.perf_counter() - start
    assert len(outputs) == len(texts)
    return len(texts) / elapsed


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--sentences", type=int, default=3, help="summary length (default 3)")
    parser.add_argument("--peer-limit", type=int, default=None,
                        help="run sumy and summa on the first N of the documents only")
    parser.add_argument("--sumy-sentences", choices=("pysbd", "regex"), default="regex",
                        help="sentence splitter inside sumy's offline tokenizer")
    args = parser.parse_args()

    texts = [row["article"] for row in load_jsonl(args.data, "summ/bbc_news_summary.jsonl", args.limit)]
    peer_texts = texts[: args.peer_limit] if args.peer_limit else texts
    print(f"{len(texts)} BBC articles ({len(peer_texts)} for the peers), "
          f"{args.sentences} sentences each\n")

    runs = [(name, run, texts) for name, run in synopsis_systems(args.sentences).items()]
    runs.append(("sumy TextRank (parse + summarize)", sumy_textrank(args.sentences, args.sumy_sentences),
                 peer_texts))
    runs.append(("summa summarize", summa_summarizer(), peer_texts))

    results = []
    for name, run, subset in runs:
        rate = docs_per_second(run, subset)
        results.append((name, len(subset), rate))
        print(f"  {name}: {rate:.1f} docs/s on {len(subset)} documents")

    ours = next((rate for name, _, rate in results if name == "synopsis summarize_batch n_jobs=1"), None)
    print()
    print(markdown_table(
        ["system", "documents", "docs/s", "synopsis (1 core) is"],
        [(name, n, f"{rate:.1f}", ratio(ours, rate)) for name, n, rate in results],
    ))


if __name__ == "__main__":
    main()
