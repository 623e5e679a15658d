"""Extractive summary quality on BBC News Summary: ROUGE-1/2/L F1 against the reference.

Data: summ/bbc_news_summary.jsonl (2,225 articles). The ``article`` field is the body only:
the headline is a separate ``title`` field and is *not* the first line of ``article`` (the
original BBC text files start with it). Every system gets the same input, the ``article``
text (paragraphs separated by blank lines); ``--with-title`` prepends the title as its own
first paragraph for every system instead.

Reference: the ``summary`` field, one extracted sentence per line. Budget: k = the number of
reference sentences, given to every system as a sentence count, except summa, whose
summarizer takes ``ratio`` or ``words``: it gets words = the reference's word count (it
adds its best sentences while that brings the total closer to the target), which lands a
little under k (6.97 sentences against 7.79 on average); the "sent/doc" column shows what
each system actually returned.

Scoring: ROUGE F1 with rouge-score's tokenizer and Porter stemming (as RougeScorer(...,
use_stemmer=True)), averaged over documents, x100; summaries and references are their
sentences joined with newlines. ROUGE-1/2 come from rouge-score itself. ROUGE-L (rougeL) is
rouge-score's formula over an equivalent bit-parallel LCS length, because rouge-score's
pure-Python LCS table would take about an hour for the full run; the LCS length is unique,
so the numbers are the same. ROUGE-L is one LCS over the whole texts, so it depends on
sentence order, and the reference lines are NOT in article order (only 63 of the 2,225
references are): it penalises every system that returns sentences in document order.
``--lsum`` adds ROUGE-Lsum (union LCS per reference sentence, insensitive to that order),
computed by rouge-score itself, which is slow.

Systems: synopsis.summarize for method pacsum/textrank/lexrank x encoder tfidf/bm25/lsa (and
each --encoder given, e.g. --encoder minilm-int8 for the TransformerEncoder), and method lead; LEAD-k with a plain regex splitter; sumy TextRank, LexRank, LSA and Luhn
(English Snowball stemmer and stop words; sumy's default tokenizer needs NLTK's downloaded
Punkt model, so it gets an offline tokenizer: pysbd sentences + NLTK's NLTKWordTokenizer
words, see _common.OfflineSumyTokenizer); summa.summarizer.summarize.

Run time: the peers alone take about 4-5 minutes over all 2,225 articles on an idle core
(sumy's pysbd-based parsing about 70 s, each sumy summarizer about 25 s more, summa about
20 s, scoring under 10 s per system); on a heavily loaded two-core machine, 15 minutes.

Example:
    python benchmarks/summarize_quality.py
    python benchmarks/summarize_quality.py --limit 200 --sumy-sentences regex
    python benchmarks/summarize_quality.py --limit 300 --no-sumy --encoder minilm-int8
"""

from __future__ import annotations

import time
from functools import lru_cache
from statistics import mean
from typing import Callable

from _common import (
    OfflineSumyTokenizer, add_encoder_option, load_encoder, load_jsonl, make_parser, markdown_table,
    regex_sentences, sumy_document, sumy_summarizers,
)

Summarizer = Callable[[str, dict], list[str]]  # (text, article row) -> summary sentences

SYNOPSIS_METHODS = ("pacsum", "textrank", "lexrank")
SYNOPSIS_ENCODERS = ("tfidf", "bm25", "lsa")


def reference_sentences(row: dict) -> list[str]:
    return [line.strip() for line in row["summary"].split("\n") if line.strip()]


def synopsis_systems(probe_text: str, encoders: list[str] = ()) -> dict[str, Summarizer]:
    """synopsis configurations; one the package rejects (ValueError) is reported and skipped."""
    from synopsis import summarize

    def system(**options) -> Summarizer:
        def run(text: str, row: dict) -> list[str]:
            summary = summarize(text, sentences=row["k"], **options)
            return [sentence.text for sentence in summary.sentences]
        return run

    configurations = {
        f"synopsis {method} + {encoder}": {"method": method, "encoder": encoder}
        for method in SYNOPSIS_METHODS
        for encoder in SYNOPSIS_ENCODERS
    }
    for spec in encoders:
        encoder = load_encoder(spec)
        for method in SYNOPSIS_METHODS:
            configurations[f"synopsis {method} + {spec.rstrip('/').split('/')[-1]}"] = {"method": method, "encoder": encoder}
    configurations["synopsis lead"] = {"method": "lead"}
    systems = {}
    for name, options in configurations.items():
        try:
            summarize(probe_text, sentences=3, **options)
        except ValueError as error:
            print(f"{name} not available: {error}")
            continue
        systems[name] = system(**options)
    return systems


def lead_k(text: str, row: dict) -> list[str]:
    return regex_sentences(text)[: row["k"]]


def summa_words() -> Summarizer:
    from summa.summarizer import summarize  # imported here so its import time is not timed

    return lambda text, row: summarize(text, words=row["ref_words"], split=True)


def run_system(run: Summarizer, texts: list[str], rows: list[dict]) -> tuple[list[list[str]], float]:
    start = time.perf_counter()
    outputs = [run(text, row) for text, row in zip(texts, rows)]
    return outputs, time.perf_counter() - start


def run_sumy(texts: list[str], rows: list[dict], splitter: str) -> dict[str, tuple[list, float]]:
    """Parse each article once with the offline tokenizer, then run every sumy summarizer.

    The parse time (sentences and words) is added to each summarizer's time, as each would
    pay it alone.
    """
    tokenizer = OfflineSumyTokenizer(splitter)
    print(f"sumy tokenizer: {tokenizer.description}")
    start = time.perf_counter()
    documents = [sumy_document(text, tokenizer) for text in texts]
    for document in documents:
        for sentence in document.sentences:
            sentence.words  # sumy tokenizes words lazily; do it here, inside the parse time
    parse_seconds = time.perf_counter() - start
    results = {}
    for name, summarizer in sumy_summarizers().items():
        start = time.perf_counter()
        outputs = [
            [str(sentence) for sentence in summarizer(document, row["k"])]
            for document, row in zip(documents, rows)
        ]
        results[f"sumy {name}"] = (outputs, parse_seconds + time.perf_counter() - start)
    return results


class CachedStemTokenizer:
    """rouge-score's own tokenizer (``use_stemmer=True``) with the Porter stems memoised.

    Same tokens as RougeScorer(use_stemmer=True); stemming every word again for every
    system is most of the scoring time otherwise.
    """

    def __init__(self):
        from nltk.stem import porter

        self.stem = lru_cache(maxsize=None)(porter.PorterStemmer().stem)  # what rouge-score uses

    def tokenize(self, text: str) -> list[str]:
        from rouge_score import tokenize

        return tokenize.tokenize(text, self)


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Allison-Dix / Hyyro).

    rouge-score fills the full dynamic-programming table in Python, about 0.1 s for a BBC
    summary pair; the length, which is all ROUGE-L needs, is the same.
    """
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    row = (1 << len(a)) - 1
    for token in b:
        matched = row & masks.get(token, 0)
        row = (row + matched) | (row - matched)
    return len(a) - bin(row & ((1 << len(a)) - 1)).count("1")


class RougeF1:
    """ROUGE-1/2 from rouge-score; ROUGE-L with rouge-score's formula over ``lcs_length``;
    ROUGE-Lsum (optional, slow) from rouge-score."""

    def __init__(self, lsum: bool):
        from rouge_score import rouge_scorer

        self.tokenizer = CachedStemTokenizer()
        self.ngrams = rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=self.tokenizer)
        self.lsum = rouge_scorer.RougeScorer(["rougeLsum"], tokenizer=self.tokenizer) if lsum else None

    def __call__(self, reference: str, prediction: str) -> dict[str, float]:
        result = {key: value.fmeasure for key, value in self.ngrams.score(reference, prediction).items()}
        ref_tokens, pred_tokens = self.tokenizer.tokenize(reference), self.tokenizer.tokenize(prediction)
        lcs = lcs_length(ref_tokens, pred_tokens) if ref_tokens and pred_tokens else 0
        result["rougeL"] = 2 * lcs / (len(ref_tokens) + len(pred_tokens)) if lcs else 0.0
        if self.lsum is not None:
            result["rougeLsum"] = self.lsum.score(reference, prediction)["rougeLsum"].fmeasure
        return result


def score(rouge: RougeF1, outputs: list[list[str]], rows: list[dict]) -> dict[str, float]:
    per_document = [rouge(row["summary"], "\n".join(sentences)) for sentences, row in zip(outputs, rows)]
    result = {key: 100 * mean(doc[key] for doc in per_document) for key in per_document[0]}
    result["sentences"] = mean(len(sentences) for sentences in outputs)
    return result


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--with-title", action="store_true",
                        help="prepend the title as the first paragraph for every system")
    parser.add_argument("--sumy-sentences", choices=("pysbd", "regex"), default="pysbd",
                        help="sentence splitter inside sumy's offline tokenizer")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy systems")
    parser.add_argument("--lsum", action="store_true",
                        help="also report ROUGE-Lsum (rouge-score's own code: about 0.1 s per summary)")
    add_encoder_option(parser)
    args = parser.parse_args()

    rows = load_jsonl(args.data, "summ/bbc_news_summary.jsonl", args.limit)
    for row in rows:
        row["k"] = len(reference_sentences(row))
        row["ref_words"] = len(row["summary"].split())
        row["summary"] = "\n".join(reference_sentences(row))
    texts = [f"{row['title']}\n\n{row['article']}" if args.with_title else row["article"] for row in rows]
    print(f"{len(rows)} articles; budget k = reference sentences (mean {mean(r['k'] for r in rows):.2f}); "
          f"input: article {'with' if args.with_title else 'without'} title\n")

    results: dict[str, tuple[list, float]] = {}
    systems: dict[str, Summarizer] = {**synopsis_systems(texts[0], args.encoder), "LEAD-k (regex splitter)": lead_k,
                                      "summa (words = reference words)": summa_words()}
    for name, run in systems.items():
        results[name] = run_system(run, texts, rows)
        print(f"  {name}: {results[name][1]:.1f} s")
    if not args.no_sumy:
        for name, result in run_sumy(texts, rows, args.sumy_sentences).items():
            results[name] = result
            print(f"  {name}: {result[1]:.1f} s (including parsing)")

    rouge = RougeF1(lsum=args.lsum)
    keys = ["rouge1", "rouge2", "rougeL"] + (["rougeLsum"] if args.lsum else [])
    table = []
    for name, (outputs, seconds) in results.items():
        scores = score(rouge, outputs, rows)
        table.append([name, *(f"{scores[key]:.2f}" for key in keys),
                      f"{scores['sentences']:.2f}", f"{seconds:.1f}"])
    table.sort(key=lambda row: -float(row[1]))
    headers = ["system", "ROUGE-1", "ROUGE-2", "ROUGE-L"] + (["ROUGE-Lsum"] if args.lsum else [])
    print()
    print(markdown_table(headers + ["sent/doc", "seconds"], table))

if __name__ == "__main__":
    main()
