"""``to_dict()``, ``to_frame()`` and ``_repr_html_`` for the result classes.

The result classes are defined in C++ (bound with pybind11) or in the feature
modules; :func:`attach` adds these methods to whichever of them exist, without
replacing a method a class already defines. Field lists come from each class's
properties, so a field added to a class shows up in its dict and frame.
"""

from __future__ import annotations

import enum
import sys
from typing import Any, Dict, Iterable, List, Optional

from . import display

# Properties left out of to_dict() because they are large or derived: tokens are
# reachable through Document.to_frame("tokens"), prose is a filter of sentences.
_SKIP = {"Document": {"tokens", "prose"}, "Summary": {"document", "source"},
         "StanceResult": {"document", "source"}}


def _properties(cls: type) -> List[str]:
    names: List[str] = []
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return names


def plain(value: Any) -> Any:
    """Converts a result (and what it contains) to dicts, lists, str and numbers.

    Example:
        >>> import synopsis as sy
        >>> from synopsis._results import plain
        >>> plain(sy.segment("One. Two.").sentences[1])["text"]
        'Two.'
    """
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return value
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            return value.tolist()
        if isinstance(value, numpy.generic):
            return value.item()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if type(value).__module__.startswith("synopsis"):
        return object_dict(value)
    members = getattr(type(value), "__members__", None)  # pybind11 enums
    if members is not None:
        return str(getattr(value, "name", value))
    return value


def object_dict(obj: Any, skip: Iterable[str] = ()) -> Dict[str, Any]:
    """The public properties of a synopsis object as a plain dict."""
    skipped = set(skip) | _SKIP.get(type(obj).__name__, set())
    out: Dict[str, Any] = {}
    for name in _properties(type(obj)):
        if name in skipped:
            continue
        out[name] = plain(getattr(obj, name))
    if not out and hasattr(obj, "__dict__"):
        out = {k: plain(v) for k, v in vars(obj).items() if not k.startswith("_") and k not in skipped}
    return out


def frame(rows: List[Dict[str, Any]], columns: Optional[List[str]] = None) -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("to_frame() needs pandas: pip install pandas") from None
    return pandas.DataFrame(rows, columns=columns)


def _row(obj: Any) -> Dict[str, Any]:
    return {k: v for k, v in object_dict(obj).items() if not isinstance(v, (list, dict)) or k in ("cues", "offsets")}


# --- Document -----------------------------------------------------------------------------

def document_to_dict(self: Any) -> Dict[str, Any]:
    """The document as plain data: text, language, title, paragraphs and sentences.

    Example:
        >>> import synopsis as sy
        >>> sy.segment("One. Two.").to_dict()["sentences"][0]["text"]
        'One.'
    """
    return object_dict(self)


def document_to_frame(self: Any, level: str = "sentences") -> Any:
    """One row per sentence (or per token / paragraph with ``level=``), as a pandas DataFrame.

    Example:
        >>> import synopsis as sy
        >>> sy.segment("One. Two.").to_frame()["text"].tolist()
        ['One.', 'Two.']
    """
    if level not in ("sentences", "tokens", "paragraphs"):
        raise ValueError(f"level must be 'sentences', 'tokens' or 'paragraphs', got {level!r}")
    items = getattr(self, level)
    rows = [_row(x) for x in items]
    columns = _properties(type(items[0])) if items else None
    if columns:
        columns = [c for c in columns if rows and c in rows[0]]
    return frame(rows, columns)


# --- Summary ------------------------------------------------------------------------------

def summary_to_dict(self: Any) -> Dict[str, Any]:
    """The summary as plain data: its text and its sentences with scores and offsets.

    Example:
        >>> import synopsis as sy
        >>> d = sy.summarize("Rates rose. Stocks fell. Bonds were flat.", sentences=1).to_dict()
        >>> sorted(d)
        ['sentences', 'summary']
    """
    out = object_dict(self)
    out["text"] = str(self)
    return out


def summary_to_frame(self: Any) -> Any:
    """One row per chosen sentence (index, text, start, end, score) as a DataFrame.

    Example:
        >>> import synopsis as sy
        >>> sy.summarize("Rates rose. Stocks fell. Bonds were flat.", sentences=2).to_frame().shape[0]
        2
    """
    return frame([_row(s) for s in self.sentences])


# --- StanceResult -------------------------------------------------------------------------

def stance_to_dict(self: Any) -> Dict[str, Any]:
    """The stance result as plain data: label, scores and per-sentence details.

    Example:
        >>> import synopsis as sy
        >>> sorted(sy.StanceTagger("the plan").tag("The plan works, officials said.").to_dict())[:1]
        ['label']
    """
    return object_dict(self)


def stance_to_frame(self: Any) -> Any:
    """One row per sentence (text, label, relevance, cues, attribution) as a DataFrame.

    Example:
        >>> import synopsis as sy
        >>> r = sy.StanceTagger("the plan").tag("The plan works. It rained.")
        >>> r.to_frame().shape[0] == len(r.sentences)
        True
    """
    return frame([_row(s) for s in self.sentences])


# --- keyphrases ---------------------------------------------------------------------------

def keywords_to_frame(keywords: Iterable[Any]) -> Any:
    """A keyphrase list as a DataFrame, one row per phrase (phrase, score, count, ...).

    Example:
        >>> import synopsis as sy
        >>> from synopsis import keywords_to_frame
        >>> df = keywords_to_frame(sy.keywords("The central bank raised rates. The central bank waits.", top=3))
        >>> "phrase" in df.columns
        True
    """
    return frame([_row(k) for k in keywords])


def keywords_to_dict(keywords: Iterable[Any]) -> List[Dict[str, Any]]:
    """A keyphrase list as a list of plain dicts."""
    return [object_dict(k) for k in keywords]


def _generic_to_dict(self: Any) -> Dict[str, Any]:
    """The object's public properties as a plain dict."""
    return object_dict(self)


def _set(cls: Any, name: str, fn: Any) -> None:
    if cls is None or name in vars(cls):
        return
    try:
        setattr(cls, name, fn)
    except (AttributeError, TypeError):  # a class that refuses new attributes keeps its own
        pass


def attach() -> None:
    """Adds to_dict / to_frame / _repr_html_ to the result classes that exist."""
    import synopsis

    def cls(name: str) -> Any:
        value = getattr(synopsis, name, None)
        return value if isinstance(value, type) else None

    document = cls("Document")
    _set(document, "_repr_html_", lambda self: display.document_html(self))
    _set(document, "to_dict", document_to_dict)
    _set(document, "to_frame", document_to_frame)
    for name in ("Sentence", "Token", "Paragraph", "Keyword", "SummarySentence", "StanceSentence", "Attribution",
                 "AttributedSentence"):
        _set(cls(name), "to_dict", _generic_to_dict)
    summary = cls("Summary")
    _set(summary, "_repr_html_", lambda self: display.summary_html(self))
    _set(summary, "to_dict", summary_to_dict)
    _set(summary, "to_frame", summary_to_frame)
    stance = cls("StanceResult")
    _set(stance, "_repr_html_", lambda self: display.stance_html(self))
    _set(stance, "to_dict", stance_to_dict)
    _set(stance, "to_frame", stance_to_frame)
    keywords = cls("Keywords") or cls("KeywordList")
    if keywords is not None:
        _set(keywords, "_repr_html_", lambda self: display.keywords_html(self))
        _set(keywords, "to_dict", lambda self: keywords_to_dict(self))
        _set(keywords, "to_frame", lambda self: keywords_to_frame(self))
