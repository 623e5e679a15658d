"""Extractive summaries: the Pythonic face of the C++ summariser.

The core (``synopsis._core``) segments, encodes, builds the sentence graph, ranks and
selects; this module checks arguments, builds :class:`Summary` objects, adds the reusable
:class:`Summarizer`, progress bars for batches, and the ``summarize`` CLI command.
"""

from __future__ import annotations

import argparse
import math
import numbers
from typing import Any, Iterator

from . import _core, cli

METHODS: tuple[str, ...] = tuple(_core.SUMMARIZE_METHODS)
ENCODERS: tuple[str, ...] = tuple(_core.ENCODER_NAMES)

# Tuning knobs accepted as keywords, with the kind of value each takes.
_TUNING: dict[str, type] = {
    "use_title": bool,
    "query_weight": float,
    "title_weight": float,
    "damping": float,
    "tolerance": float,
    "max_iterations": int,
    "lexrank_threshold": float,
    "lambda1": float,
    "lambda2": float,
    "beta": float,
    "position_weight": float,
    "graph_dense_limit": int,
    "graph_top_k": int,
}


class _DefaultSentences(int):
    """The default budget of 3 sentences, distinguishable from an explicit ``sentences=3``:
    with ``ratio=`` or ``words=`` alone, the default count no longer applies."""

    def __repr__(self) -> str:
        return "3"


_DEFAULT_SENTENCES = _DefaultSentences(3)


class SummarySentence:
    """A chosen sentence: ``text == summary.text[start:end]``; ``index`` is its position in
    ``synopsis.segment(text).sentences``; ``score`` is its ranking score in [0, 1].

    Example:
        >>> import synopsis as sy
        >>> s = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).sentences[0]
        >>> s.text == sy.segment("Rain fell. The river rose. Shops closed.").sentences[s.index].text
        True
    """

    __slots__ = ("index", "text", "start", "end", "score")

    def __init__(self, index: int, text: str, start: int, end: int, score: float):
        self.index, self.text, self.start, self.end, self.score = index, text, start, end, score

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"SummarySentence({self.index}, {shown!r}, start={self.start}, end={self.end}, score={self.score:.3f})"

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SummarySentence):
            return NotImplemented
        return (self.index, self.text, self.start, self.end, self.score) == (
            other.index, other.text, other.start, other.end, other.score)

    def __reduce__(self):
        return (SummarySentence, (self.index, self.text, self.start, self.end, self.score))

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "start": self.start, "end": self.end, "score": self.score}

    to_dict = as_dict


class Summary:
    """An extractive summary of ``text``.

    ``sentences`` are in document order; ``str(summary)`` is the summary text (the sentences
    joined by spaces); ``document`` is the segmented source text. In Jupyter a Summary shows
    the article with the chosen sentences highlighted (shaded by score); ``to_dict()`` and
    ``to_frame()`` give plain data.

    Example:
        >>> import synopsis as sy
        >>> summary = sy.summarize("Rain fell. The river rose. Shops closed. The river burst its banks.", sentences=2)
        >>> len(summary), str(summary) == " ".join(s.text for s in summary.sentences)
        (2, True)
    """

    __slots__ = ("text", "sentences", "language", "_document")

    def __init__(self, text: str, sentences: list[SummarySentence], language: str = "en"):
        self.text = text
        self.sentences = sentences
        self.language = language
        self._document: _core.Document | None = None

    @property
    def document(self) -> "_core.Document":
        """The segmented source text (computed on first use)."""
        document = self._document
        if document is None:
            document = self._document = _core.segment(self.text, language=self.language)
        return document

    @property
    def indices(self) -> list[int]:
        return [s.index for s in self.sentences]

    def __str__(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[SummarySentence]:
        return iter(self.sentences)

    def __getitem__(self, i: int) -> SummarySentence:
        return self.sentences[i]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Summary):
            return NotImplemented
        return self.text == other.text and self.sentences == other.sentences

    def __repr__(self) -> str:
        return f"Summary({len(self.sentences)} sentences, {sum(len(s.text.split()) for s in self.sentences)} words)"

    def __reduce__(self):
        return (Summary, (self.text, self.sentences, self.language))

    def _repr_html_(self) -> str:
        from .display import summary_html

        return summary_html(self)

    def as_dict(self) -> dict[str, Any]:
        return {"summary": str(self), "sentences": [s.as_dict() for s in self.sentences]}

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain data: ``{"summary": text, "sentences": [{index, text, start, end, score}]}``.

        Example:
            >>> import synopsis as sy
            >>> d = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).to_dict()
            >>> sorted(d), sorted(d["sentences"][0])
            (['sentences', 'summary'], ['end', 'index', 'score', 'start', 'text'])
        """
        return self.as_dict()

    def to_frame(self) -> Any:
        """One row per chosen sentence (index, text, start, end, score) as a pandas DataFrame.

        Example:
            >>> import synopsis as sy
            >>> sy.summarize("Rain fell. The river rose. Shops closed.", sentences=2).to_frame().shape
            (2, 5)
        """
        from ._results import frame

        return frame([s.as_dict() for s in self.sentences], ["index", "text", "start", "end", "score"])


# --- argument checking ------------------------------------------------------------------

def _type_name(value: object) -> str:
    return type(value).__name__


_INT_MAX = 2**31 - 1


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, got {_type_name(value)}")
    number = int(value)
    if number < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {number}")
    if number > _INT_MAX:  # the core takes C integers; no document has more units anyway
        raise ValueError(f"{name} must be <= {_INT_MAX}, got {number}")
    return number


def _check_float(name: str, value: object, low: float, high: float, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {_type_name(value)}")
    value = float(value)
    if math.isnan(value) or value > high or value < low or (low_open and value == low):
        bracket = "(" if low_open else "["
        raise ValueError(f"{name} must be in {bracket}{low:g}, {high:g}], got {value}")
    return value


def _options(sentences: Any = _DEFAULT_SENTENCES, ratio: Any = None, words: Any = None,
             method: Any = "pacsum", encoder: Any = "tfidf", query: Any = None, diversity: Any = 0.0,
             language: Any = "en", **tuning: Any) -> dict[str, Any]:
    """Checks summarize options and returns the dict the core takes."""
    if not isinstance(method, str):
        raise TypeError(f"method must be a str, one of {', '.join(map(repr, METHODS))}; got {_type_name(method)}")
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; use one of {', '.join(map(repr, METHODS))}")
    if isinstance(encoder, str):
        if encoder not in ENCODERS:
            raise ValueError(f"unknown encoder {encoder!r}; use one of {', '.join(map(repr, ENCODERS))} "
                             "or an Encoder object")
    elif not isinstance(encoder, _core.Encoder):
        raise TypeError(f"encoder must be a name ({', '.join(map(repr, ENCODERS))}) or a synopsis Encoder, "
                        f"got {_type_name(encoder)}")
    explicit_count = sentences is not None and not isinstance(sentences, _DefaultSentences)
    if ratio is not None or words is not None:
        count = _check_int("sentences", sentences, 1) if explicit_count else 0
    elif sentences is None:
        raise ValueError("no budget: give sentences, ratio or words")
    else:
        count = _check_int("sentences", sentences, 1)
    if query is not None and not isinstance(query, str):
        raise TypeError(f"query must be a str or None, got {_type_name(query)}")
    if not isinstance(language, str):
        raise TypeError(f"language must be a str, got {_type_name(language)}")
    options: dict[str, Any] = {
        "method": method,
        "encoder": encoder,
        "sentences": count,
        "ratio": _check_float("ratio", ratio, 0.0, 1.0, low_open=True) if ratio is not None else 0.0,
        "words": _check_int("words", words, 1) if words is not None else 0,
        "diversity": _check_float("diversity", diversity, 0.0, 1.0),
        "query": query or None,
        "language": language,
    }
    for key, value in tuning.items():
        kind = _TUNING.get(key)
        if kind is None:
            raise TypeError(f"unexpected option {key!r}; tuning options are {', '.join(sorted(_TUNING))}")
        if kind is bool:
            if not isinstance(value, bool):
                raise TypeError(f"{key} must be a bool, got {_type_name(value)}")
        elif kind is int:
            value = _check_int(key, value, 1)
        else:
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError(f"{key} must be a number, got {_type_name(value)}")
            value = float(value)
            if not math.isfinite(value):
                raise ValueError(f"{key} must be a finite number, got {value}")
        options[key] = value
    return options


def _text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"text is not valid UTF-8: invalid byte sequence at byte offset {exc.start}") from None
    raise TypeError(f"text must be str or bytes, got {_type_name(text)}")


def _build(text: str, rows: list, language: str) -> Summary:
    return Summary(text, [SummarySentence(i, text[s:e], s, e, score) for i, s, e, score in rows], language)


# --- public API ---------------------------------------------------------------------------

def summarize(text: str, sentences: int | None = _DEFAULT_SENTENCES, *, ratio: float | None = None,
              words: int | None = None, method: str = "pacsum", encoder: Any = "tfidf",
              query: str | None = None, diversity: float = 0.0, language: str = "en",
              embeddings: Any = None, **tuning: Any) -> Summary:
    """Extractive summary of a text.

    Arguments:
        text: the article (str or UTF-8 bytes); headings and boilerplate lines are never chosen.
        sentences: at most this many sentences (default 3; ignored when only ratio or
            words is given).
        ratio: at most round(ratio * prose sentences) sentences, at least 1; in (0, 1].
        words: at most this many words (whitespace-separated); when no sentence fits, the
            best one is returned alone.
        method: "pacsum" (position-aware directed centrality, the default, made for news),
            "textrank" (PageRank), "lexrank" (thresholded PageRank), or "lead" (the first
            sentences).
        encoder: "tfidf", "bm25", "bm25+", "lsa", or an Encoder (e.g. a fitted TfidfEncoder).
        query: rank toward this text (personalised ranking); without it the headline, when
            the text has one, pulls lightly.
        diversity: 0..1, the MMR weight against redundancy with sentences already chosen.
        language: language code for segmentation, stopwords and stems.
        embeddings: optional numpy array (n, d), one row per sentence of
            synopsis.segment(text).sentences, replacing the encoder (cosine similarity).
        **tuning: use_title, query_weight, title_weight, damping, tolerance, max_iterations,
            lexrank_threshold, lambda1, lambda2, beta (PacSum), position_weight,
            graph_dense_limit, graph_top_k.

    Returns:
        Summary: .sentences (each .text .start .end .index .score, in document order);
        str(summary) is the summary text.

    Example:
        >>> import synopsis as sy
        >>> text = "Rain fell all day. The river rose fast. Shops closed early. The river burst its banks."
        >>> len(sy.summarize(text, sentences=2).sentences)
        2
    """
    options = _options(sentences, ratio, words, method, encoder, query, diversity, language, **tuning)
    text = _text(text)
    return _build(text, _core._summarize(text, options, embeddings), language)


def summarize_batch(texts: Any, n_jobs: int = -1, progress: bool | None = None, **options: Any) -> Any:
    """Summaries of many texts on a C++ thread pool (the GIL is released).

    Arguments:
        texts: a list, tuple, 1-D numpy array or pandas Series of texts (str or UTF-8 bytes).
        n_jobs: worker threads; -1 every core, -2 all but one. Results are the same for any n_jobs.
        progress: True shows a tqdm bar (when tqdm is installed), False none; the default
            shows one only in an interactive session.
        **options: those of :func:`summarize` (except embeddings).

    Returns:
        list[Summary], or for a Series a Series of Summary with the same index (None where
        the Series has a missing value).

    Example:
        >>> import synopsis as sy
        >>> out = sy.summarize_batch(["Rain fell. The river rose. Shops closed.", "One line."], sentences=1)
        >>> [len(s) for s in out]
        [1, 1]
    """
    from ._batch import run_batch

    if isinstance(n_jobs, bool) or not isinstance(n_jobs, numbers.Integral):
        raise TypeError(f"n_jobs must be an int, got {_type_name(n_jobs)}")
    if n_jobs == 0:
        raise ValueError("n_jobs must not be 0: use a positive count, or -1 for every core")
    if "embeddings" in options:
        raise TypeError("summarize_batch does not take embeddings; call summarize() per text")
    if isinstance(texts, (str, bytes)):
        raise TypeError("summarize_batch takes an iterable of texts, not a single str; use summarize()")
    checked = _options(**options)
    language = checked["language"]

    def batch(part: list) -> list[Summary]:
        items = [_text(t) for t in part]
        return [_build(t, rows, language) for t, rows in zip(items, _core._summarize_batch(items, checked, int(n_jobs)))]

    return run_batch(batch, texts, progress=progress, n_jobs=int(n_jobs), desc="summarize")


class Summarizer:
    """A configured summariser: ``Summarizer(**options).summarize(text)``.

    Options are those of :func:`summarize`, checked once here. Summarizers are picklable (a
    fitted encoder travels with them) and safe to share between threads.

    Example:
        >>> import synopsis as sy
        >>> s = sy.Summarizer(sentences=1, method="textrank")
        >>> len(s.summarize("Rain fell. The river rose. Shops closed.").sentences)
        1
    """

    def __init__(self, **options: Any):
        if "embeddings" in options:
            raise TypeError("embeddings belong to one text: pass them to Summarizer.summarize")
        self._options = dict(options)
        self._checked = _options(**options)

    @property
    def options(self) -> dict[str, Any]:
        return dict(self._options)

    def summarize(self, text: str, embeddings: Any = None) -> Summary:
        text = _text(text)
        return _build(text, _core._summarize(text, self._checked, embeddings), self._checked["language"])

    def summarize_batch(self, texts: Any, n_jobs: int = -1, progress: bool | None = None) -> Any:
        return summarize_batch(texts, n_jobs=n_jobs, progress=progress, **self._options)

    __call__ = summarize

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self._options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        Summarizer.__init__(self, **state["options"])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Summarizer):
            return NotImplemented
        return self._checked == other._checked

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"Summarizer({shown})"


# --- command line -------------------------------------------------------------------------

def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sentences", type=int, default=None, help="at most this many sentences (default 3)")
    parser.add_argument("--ratio", type=float, default=None, help="at most this share of the sentences")
    parser.add_argument("--words", type=int, default=None, help="at most this many words")
    parser.add_argument("--method", default="pacsum", choices=METHODS)
    parser.add_argument("--encoder", default="tfidf", choices=ENCODERS)
    parser.add_argument("--query", default=None, help="rank toward this text")
    parser.add_argument("--diversity", type=float, default=0.0, help="0..1, MMR weight against redundancy")


def _handle(args: argparse.Namespace, text: str) -> dict:
    sentences = args.sentences
    if sentences is None:
        sentences = None if (args.ratio is not None or args.words is not None) else 3
    if sentences is None:
        budget = {"ratio": args.ratio, "words": args.words}
    else:
        budget = {"sentences": sentences, "ratio": args.ratio, "words": args.words}
    summary = summarize(text, **budget, method=args.method, encoder=args.encoder, query=args.query,
                        diversity=args.diversity, language=args.language)
    return summary.as_dict()


def _format(result: dict) -> str:
    return "\n".join(s["text"] for s in result["sentences"])


cli.register("summarize", "extractive summary (--sentences/--ratio/--words, --method, --encoder, --query)",
             _add_arguments, _handle, _format)
