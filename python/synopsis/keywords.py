"""Keyphrases: ``synopsis.keywords``, ``keywords_batch`` and ``KeywordExtractor``.

The ranking methods live in the C++ core; this module re-exports them and adds the
``python -m synopsis keywords`` command.

>>> import synopsis as sy
>>> [k.phrase for k in sy.keywords("An oil spill off Alaska. The oil spill reached the coast.", top=2)]
['oil spill', 'Alaska']
"""

from __future__ import annotations

import argparse
from typing import Any, Optional

from . import _core, cli
from ._core import Keyword, KeywordExtractor

__all__ = ["Keyword", "KeywordExtractor", "Keywords", "keywords", "keywords_batch"]


class Keywords(list):
    """The keyphrases of one text, best first: a ``list`` of :class:`Keyword` that also
    knows its text, so that Jupyter shows the phrases highlighted in it.

    ``to_frame()`` gives a DataFrame (phrase, score, count, ...), ``to_dict()`` a list of dicts.

    Example:
        >>> import synopsis as sy
        >>> kws = sy.keywords("Oil spill off Alaska. The oil spill spread.", top=2)
        >>> list(kws.to_frame().columns[:3]), len(kws)
        (['phrase', 'score', 'stem'], 2)
    """

    def __init__(self, keywords: Any = (), text: Any = None) -> None:
        super().__init__(keywords)
        self.text = text

    def __repr__(self) -> str:
        return f"Keywords({list.__repr__(self)})"

    def _repr_html_(self) -> str:
        from .display import keywords_html

        source = self.text
        if hasattr(source, "sentences"):
            return keywords_html(self, document=source)
        if isinstance(source, (bytes, bytearray)):
            source = bytes(source).decode("utf-8", errors="replace")
        return keywords_html(self, text=source)

    def to_dict(self) -> list:
        """The keyphrases as a list of plain dicts."""
        return [k.to_dict() for k in self]

    def to_frame(self) -> Any:
        """The keyphrases as a pandas DataFrame, one row per phrase."""
        from ._results import keywords_to_frame

        return keywords_to_frame(self)


def keywords(text: Any, top: int = 10, *, method: str = "positionrank", language: str = "en",
             window: Optional[int] = None, max_words: int = 4, dedup: str = "subsumed", damping: float = 0.85,
             heuristics: bool = True, errors: str = "strict") -> Keywords:
    return Keywords(_core.keywords(text, top, method=method, language=language, window=window, max_words=max_words,
                                   dedup=dedup, damping=damping, heuristics=heuristics, errors=errors), text)


def keywords_batch(texts: Any, n_jobs: int = -1, *, progress: Optional[bool] = None, **options: Any) -> Any:
    """keywords() for many texts on the C++ thread pool, with the GIL released.

    Arguments:
        texts: a list, tuple, 1-D numpy array or pandas Series of texts (str, bytes or Document).
        n_jobs: worker threads; -1 every core, -2 all but one. Results are the same for any n_jobs.
        progress: True shows a tqdm bar (when tqdm is installed), False none; the default
            shows one only in an interactive session.
        **options: those of :func:`keywords` (top, method, language, window, max_words, ...).

    Returns:
        list[Keywords], or for a Series a Series of Keywords with the same index.

    Example:
        >>> import synopsis as sy
        >>> texts = ["Oil spill off Alaska. The oil spill spread.", "Rates rose. The central bank acted."]
        >>> [len(found) for found in sy.keywords_batch(texts, top=1)]
        [1, 1]
    """
    from ._batch import run_batch

    def batch(part: list) -> list:
        return [Keywords(found, text) for found, text in zip(_core.keywords_batch(part, n_jobs, **options), part)]

    return run_batch(batch, texts, progress=progress, n_jobs=n_jobs, desc="keywords")


# The options are documented once, in the core's docstring (after its signature line).
keywords.__doc__ = (_core.keywords.__doc__ or "").split("\n", 1)[-1].strip("\n") + """

    Returns a :class:`Keywords` list, which renders in Jupyter with the phrases highlighted in the text.
"""

METHODS = ("positionrank", "textrank", "singlerank", "topicrank", "multipartiterank", "tfidf")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--top", type=int, default=10, help="phrases per input (default: 10)")
    parser.add_argument("--method", choices=METHODS, default="positionrank",
                        help="ranking method (default: positionrank)")
    parser.add_argument("--window", type=int, default=None,
                        help="co-occurrence window in tokens (default: the method's own)")
    parser.add_argument("--max-words", type=int, default=4, help="longest phrase in words (default: 4)")


def _keywords(args: argparse.Namespace, text: str) -> dict:
    found = keywords(text, top=args.top, method=args.method, language=args.language,
                     window=args.window, max_words=args.max_words)
    return {"keywords": [k.to_dict() for k in found]}


def _keywords_text(result: dict) -> str:
    return "\n".join(f"{k['score']:8.4f}  {k['count']:3d}  {k['phrase']}" for k in result["keywords"])


cli.register("keywords", "keyphrases, best first (score, count, phrase)", _add_arguments, _keywords,
             _keywords_text)
