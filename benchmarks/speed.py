"""Speed of synopsis against its peers, in one run: same process, same texts.

* segment: synopsis.segment_batch over the BBC articles and FNC-1 bodies (MB/s of UTF-8 input;
  documents are built, their sentence and token objects are made lazily on access);
* summarize, 3 sentences, text in and summary out (segmentation included), on the first
  ``--limit`` BBC articles: synopsis.summarize_batch against sumy TextRank (PlaintextParser
  parsing with the offline tokenizer of _common.OfflineSumyTokenizer, regex sentences) and
  summa.summarizer.summarize;
* keywords, default method, top 10, on the same articles: synopsis.keywords_batch against YAKE
  (English, n=3, top 10); also synopsis with method="positionrank" (the default before
  "positiontfidf"), so a change of default is measured against the old one in the same run;
* summarize in small batches: the same articles in calls of 10 (each call starts its threads
  afresh, so this shows what per-thread state costs when it is not handed on).

Single-core figures are CPU time (``time.process_time``, which counts every thread of the
process) with n_jobs=1, the best of ``--repeat`` runs for synopsis and one run for the slow peers;
the shared machine's load disturbs them less than wall clock. "synopsis is" = the peer's CPU
time divided by synopsis's. Scaling: wall clock of n_jobs=-1 (all cores) against n_jobs=1.

The peers are Python packages: pip install sumy summa yake nltk.

Example:
    python benchmarks/speed.py                  # 300 articles
    python benchmarks/speed.py --limit 100 --repeat 3
"""

from __future__ import annotations

import os
import time
from typing import Callable

from _common import (OfflineSumyTokenizer, best_seconds, load_jsonl, make_parser, markdown_table, sumy_document,
                     sumy_summarizers)


def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    return best_seconds(run, repeat, time.process_time)


def wall_seconds(run: Callable[[], object], repeat: int) -> float:
    return best_seconds(run, repeat, time.perf_counter)


def peers(n_sentences: int) -> dict[str, dict[str, Callable[[list[str]], list]]]:
    from summa.summarizer import summarize as summa_summarize
    import yake

    tokenizer = OfflineSumyTokenizer("regex")
    textrank = sumy_summarizers(["TextRank"])["TextRank"]
    extractor = yake.KeywordExtractor(lan="en", n=3, top=10)
    return {
        "summarize": {
            "sumy TextRank (parse + summarize)":
                lambda texts: [textrank(sumy_document(t, tokenizer), n_sentences) for t in texts],
            "summa summarize": lambda texts: [summa_summarize(t, split=True) for t in texts],
        },
        "keywords": {"YAKE (en, n=3, top 10)": lambda texts: [extractor.extract_keywords(t) for t in texts]},
    }


def main() -> None:
    parser = make_parser(__doc__, default_limit=300)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each synopsis timing (best kept)")
    parser.add_argument("--sentences", type=int, default=3, help="summary length (default 3)")
    args = parser.parse_args()

    import synopsis as sy

    bbc = [row["article"] for row in load_jsonl(args.data, "summ/bbc_news_summary.jsonl")]
    fnc = [row["body"] for row in load_jsonl(args.data, "stance/fnc1_train_bodies.jsonl")]
    corpus = bbc + fnc
    texts = bbc[: args.limit] if args.limit else bbc
    cores = os.cpu_count() or 1
    megabytes = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    print(f"segment: {len(corpus)} BBC + FNC-1 texts, {megabytes:.1f} MB; "
          f"summarize and keywords: {len(texts)} BBC articles; {cores} cores\n")

    def segment(n_jobs: int) -> Callable[[], object]:
        return lambda: sy.segment_batch(corpus, n_jobs=n_jobs, progress=False)

    def summarize(n_jobs: int) -> Callable[[], object]:
        return lambda: sy.summarize_batch(texts, n_jobs=n_jobs, progress=False, sentences=args.sentences)

    def keywords(n_jobs: int) -> Callable[[], object]:
        return lambda: sy.keywords_batch(texts, n_jobs=n_jobs, progress=False, top=10)

    ours = {"segment": segment, "summarize": summarize, "keywords": keywords}
    for run in ours.values():
        run(1)()  # warm-up: per-thread tables, ICU data
    cpu = {task: cpu_seconds(run(1), args.repeat) for task, run in ours.items()}
    small_batches = cpu_seconds(
        lambda: [sy.summarize_batch(texts[i:i + 10], n_jobs=1, progress=False, sentences=args.sentences)
                 for i in range(0, len(texts), 10)], args.repeat)
    positionrank = cpu_seconds(
        lambda: sy.keywords_batch(texts, n_jobs=1, progress=False, top=10, method="positionrank"), args.repeat)

    rows = [("segment_batch, BBC + FNC-1", "synopsis", f"{megabytes / cpu['segment']:.1f} MB/s",
             f"{cpu['segment'] / len(corpus) * 1e3:.3f}", "")]
    for task, systems in peers(args.sentences).items():
        rows.append((f"{task}_batch", "synopsis", f"{len(texts) / cpu[task]:.1f} docs/s",
                     f"{cpu[task] / len(texts) * 1e3:.3f}", "1.0x"))
        if task == "summarize":
            rows.append((task, "synopsis, small batches (calls of 10)", f"{len(texts) / small_batches:.1f} docs/s",
                         f"{small_batches / len(texts) * 1e3:.3f}", f"{small_batches / cpu[task]:.1f}x"))
        if task == "keywords":
            rows.append((task, "synopsis method=positionrank", f"{len(texts) / positionrank:.1f} docs/s",
                         f"{positionrank / len(texts) * 1e3:.3f}", f"{positionrank / cpu[task]:.1f}x"))
        for name, peer in systems.items():
            seconds = cpu_seconds(lambda: peer(texts), 1)
            rows.append((task, name, f"{len(texts) / seconds:.1f} docs/s", f"{seconds / len(texts) * 1e3:.3f}",
                         f"{seconds / cpu[task]:.1f}x"))
    print("One core, CPU time:\n")
    print(markdown_table(["task", "system", "rate", "ms per document", "synopsis is"], rows))

    scaling = []
    for task, run in ours.items():
        one, all_cores = wall_seconds(run(1), args.repeat), wall_seconds(run(-1), args.repeat)
        scaling.append((task, f"{one:.3f}", f"{all_cores:.3f}", f"{one / all_cores:.2f}x"))
    print(f"\nScaling, wall clock, n_jobs=1 against n_jobs=-1 ({cores} cores):\n")
    print(markdown_table(["task", "1 core s", f"{cores} cores s", "speed-up"], scaling))


if __name__ == "__main__":
    main()
