"""Summary quality on lead-biased news (CNN/DailyMail highlights) and on BBC News Summary.

News set: summ/cnndm_validation.jsonl, 1,000 CNN/DailyMail validation articles with their
editor-written highlights (built by benchmarks/cnndm_validation.py, which names the source and
proves the split). It is cut in two fixed halves by line number: even lines are the
development half (``--split dev``, used for tuning), odd lines the held-out half
(``--split heldout``, the reported numbers). Budget: 3 sentences. The articles have no headline.

BBC: summ/bbc_news_summary.jsonl (2,225 articles, extractive references), budget = the
reference's sentence count as in benchmarks/summarize_quality.py (``--bbc-sentences 3`` for the
news budget); ``--bbc-limit 500`` gives its development subset (the first 500).

Scoring: rouge-score with Porter stemming, F1 x100 averaged over documents: ROUGE-1, ROUGE-2
and ROUGE-Lsum (summary and reference sentences joined by newlines; union LCS per reference
sentence, so sentence order does not matter).

Systems: LEAD-3 by synopsis (``method="lead"``: the first prose sentences) and by a plain regex
splitter; the synopsis default (``sy.summarize(text, sentences=k)``); summa TextRank (every
sentence scored with ``ratio=1``, the k best kept in document order); sumy TextRank (English
Snowball stemmer and stop words, the offline tokenizer of _common.py). ``--configs FILE`` adds
synopsis configurations: a JSON object mapping a name to summarize() keyword options; with
``--no-peers`` only those and the two LEAD baselines run (the tuning loop). ``--encoder`` (repeatable;
see _common.load_encoder) adds the synopsis default with that encoder (e.g. minilm-int8).

Examples:
    python benchmarks/news_quality.py --split heldout
    python benchmarks/news_quality.py --split dev --no-peers --no-bbc --configs study.json
    python benchmarks/news_quality.py --split dev --no-peers --no-bbc --encoder minilm-int8
"""

from __future__ import annotations

import json
import time
from statistics import mean
from typing import Callable

from _common import OfflineSumyTokenizer, add_encoder_option, load_encoder, load_jsonl, make_parser, markdown_table, regex_sentences, sumy_document
from summarize_quality import CachedStemTokenizer

Summarizer = Callable[[str, int], list[str]]  # (text, budget in sentences) -> summary sentences
NEWS_FILE = "summ/cnndm_validation.jsonl"
BBC_FILE = "summ/bbc_news_summary.jsonl"


def news_rows(data_dir, split: str, limit: int | None) -> list[dict]:
    rows = load_jsonl(data_dir, NEWS_FILE)
    half = rows[0::2] if split == "dev" else rows[1::2]
    half = half[:limit] if limit else half
    return [{"text": r["article"], "reference": r["highlights"], "k": 3} for r in half]


def bbc_rows(data_dir, limit: int | None, budget: int | None) -> list[dict]:
    rows = []
    for r in load_jsonl(data_dir, BBC_FILE, limit):
        lines = [line.strip() for line in r["summary"].split("\n") if line.strip()]
        rows.append({"text": r["article"], "reference": "\n".join(lines), "k": budget or len(lines)})
    return rows


def synopsis_system(**options) -> Summarizer:
    import synopsis as sy

    def run(text: str, k: int) -> list[str]:
        return [s.text for s in sy.summarize(text, sentences=k, **options).sentences]
    return run


def lead_regex(text: str, k: int) -> list[str]:
    return regex_sentences(text)[:k]


def summa_textrank(text: str, k: int) -> list[str]:
    from summa.summarizer import summarize

    scored = summarize(text, ratio=1.0, split=True, scores=True)  # every sentence, document order
    best = sorted(range(len(scored)), key=lambda i: -scored[i][1])[:k]
    return [scored[i][0] for i in sorted(best)]


def sumy_textrank() -> Summarizer:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = OfflineSumyTokenizer("pysbd")
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return lambda text, k: [str(s) for s in summarizer(sumy_document(text, tokenizer), k)]


class Rouge:
    def __init__(self):
        from rouge_score import rouge_scorer

        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], tokenizer=CachedStemTokenizer())

    def __call__(self, outputs: list[list[str]], rows: list[dict]) -> dict[str, float]:
        per_doc = [self.scorer.score(row["reference"], "\n".join(sentences)) for sentences, row in zip(outputs, rows)]
        result = {key: 100 * mean(doc[key].fmeasure for doc in per_doc) for key in per_doc[0]}
        result["sentences"] = mean(len(sentences) for sentences in outputs)
        return result


def evaluate(systems: dict[str, Summarizer], rows: list[dict], title: str) -> None:
    rouge = Rouge()
    table = []
    for name, run in systems.items():
        start = time.perf_counter()
        outputs = [run(row["text"], row["k"]) for row in rows]
        seconds = time.perf_counter() - start
        scores = rouge(outputs, rows)
        table.append([name, f"{scores['rouge1']:.2f}", f"{scores['rouge2']:.2f}", f"{scores['rougeLsum']:.2f}",
                      f"{scores['sentences']:.2f}", f"{seconds:.1f}"])
        print(f"  {name}: {seconds:.1f} s", flush=True)
    table.sort(key=lambda row: -float(row[1]))
    print(f"\n{title}\n")
    print(markdown_table(["system", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "sent/doc", "seconds"], table))
    print(flush=True)


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--split", choices=("dev", "heldout"), default="heldout",
                        help="half of the news set: dev (even lines, for tuning) or heldout (odd lines)")
    parser.add_argument("--configs", help="JSON file: {name: {summarize options}} to add as systems")
    parser.add_argument("--no-peers", action="store_true", help="skip summa and sumy")
    parser.add_argument("--no-bbc", action="store_true", help="skip BBC News Summary")
    parser.add_argument("--no-news", action="store_true", help="skip the news set")
    parser.add_argument("--bbc-sentences", type=int, default=None,
                        help="BBC budget in sentences (default: the reference's sentence count)")
    parser.add_argument("--bbc-limit", type=int, default=None, help="first N BBC articles (default: all)")
    add_encoder_option(parser)
    args = parser.parse_args()

    systems: dict[str, Summarizer] = {
        "LEAD-3 (regex splitter)": lead_regex,
        "synopsis lead": synopsis_system(method="lead"),
        "synopsis default": synopsis_system(),
    }
    if args.configs:
        with open(args.configs, encoding="utf-8") as handle:
            for name, options in json.load(handle).items():
                systems[name] = synopsis_system(**options)
    for spec in args.encoder:
        systems[f"synopsis default, encoder {spec.rstrip('/').split('/')[-1]}"] = synopsis_system(encoder=load_encoder(spec))
    if not args.no_peers:
        systems["summa TextRank"] = summa_textrank
        systems["sumy TextRank"] = sumy_textrank()

    if not args.no_news:
        rows = news_rows(args.data, args.split, args.limit)
        evaluate(systems, rows, f"CNN/DailyMail validation, {args.split} half: {len(rows)} articles, 3 sentences")
    if not args.no_bbc:
        rows = bbc_rows(args.data, args.bbc_limit, args.bbc_sentences)
        bbc = {name: run for name, run in systems.items() if not name.startswith("LEAD")}
        bbc["LEAD-k (regex splitter)"] = lead_regex
        evaluate(bbc, rows, f"BBC News Summary: {len(rows)} articles, "
                 + (f"{args.bbc_sentences} sentences" if args.bbc_sentences else "k = reference sentences"))


if __name__ == "__main__":
    main()
