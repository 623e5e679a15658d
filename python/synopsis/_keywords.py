"""``synopsis.keywords`` and ``keywords_batch``: calls of the core's :class:`KeywordExtractor`.

The core checks the options and ranks the phrases; this module adds the :class:`Keywords`
result list, batch inputs (lists, arrays, pandas Series) and progress bars.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from ._batch import run_batch
from ._core import KeywordExtractor, segment, segment_batch
from .display import keywords_html


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

    def __init__(self, keywords: Iterable[Any] = (), text: Any = None) -> None:
        super().__init__(keywords)
        self.text = text

    def __repr__(self) -> str:
        return f"Keywords({list.__repr__(self)})"

    def _repr_html_(self) -> str:
        return keywords_html(self)

    def to_dict(self) -> list:
        """The keyphrases as a list of plain dicts."""
        return [k.to_dict() for k in self]

    def to_json(self) -> str:
        """to_dict() as a JSON string."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False)

    def to_frame(self) -> Any:
        """The keyphrases as a pandas DataFrame, one row per phrase."""
        try:
            import pandas
        except ImportError:
            raise ImportError("to_frame() needs pandas: pip install pandas") from None
        return pandas.DataFrame(self.to_dict(), columns=["phrase", "score", "stem", "count", "offsets"])


def keywords_to_frame(keywords: Iterable[Any]) -> Any:
    """A keyphrase list as a DataFrame, one row per phrase (phrase, score, count, ...).

    Example:
        >>> import synopsis as sy
        >>> df = sy.keywords_to_frame(sy.keywords("The central bank raised rates. The central bank waits.", top=3))
        >>> "phrase" in df.columns
        True
    """
    return Keywords(keywords).to_frame()


def _reading(extractor: Any) -> dict:
    """How the extractor reads its texts, as segment() takes it."""
    params = extractor.get_params()
    return {name: params[name] for name in ("language", "format", "errors")}


def keywords(text: Any, top: Optional[int] = None, **options: Any) -> Keywords:
    extractor = KeywordExtractor(top=top, **options)
    if isinstance(text, (str, bytes)):
        # The offsets index the text the document holds (for HTML, the text a reader sees):
        # the list keeps that document, so highlighting marks the right characters.
        text = segment(text, **_reading(extractor))
    return Keywords(extractor.extract(text), text)


def keywords_batch(texts: Any, n_jobs: int = -1, *, progress: Optional[bool] = None, **options: Any) -> Any:
    """keywords() for many texts on the core's thread pool, with the GIL released.

    Arguments:
        texts: a list, tuple, 1-D numpy array or pandas Series of texts (str, bytes or Document).
        n_jobs: worker threads; -1 every core, -2 all but one. Results are the same for any n_jobs.
        progress: True shows a tqdm bar (when tqdm is installed), False none; the default
            shows one only in an interactive session.
        **options: those of :class:`KeywordExtractor` (top, method, language, format, window, ...).

    Returns:
        list[Keywords], or for a Series a Series of Keywords with the same index.

    Example:
        >>> import synopsis as sy
        >>> texts = ["Oil spill off Alaska. The oil spill spread.", "Rates rose. The central bank acted."]
        >>> [len(found) for found in sy.keywords_batch(texts, top=1)]
        [1, 1]
    """
    extractor = KeywordExtractor(**options)

    def batch(part: list) -> list:
        if all(isinstance(text, (str, bytes)) for text in part):
            part = segment_batch(part, n_jobs=n_jobs, **_reading(extractor))
        return [Keywords(found, text) for found, text in zip(extractor.extract_batch(part, n_jobs), part)]

    return run_batch(batch, texts, progress=progress, n_jobs=n_jobs, desc="keywords")


keywords.__doc__ = """The keyphrases of a text, best first: ``KeywordExtractor(**options).extract(text)``.

    Candidates are runs of content words inside one sentence of prose or the headline
    (stopwords, punctuation and sentence ends delimit them; boilerplate lines never count, and
    readers' comments only with include_comments=True),
    matched by their stems; the method ranks them.

    Arguments:
        text: str, UTF-8 bytes, or a Document from synopsis.segment.
        top: how many phrases to return (None: the default, 10).
        **options: method, language, format, window, max_words, dedup, damping, heuristics,
            include_comments, idf, errors,
            as documented on :class:`KeywordExtractor`.

    Returns:
        Keywords: a list of Keyword (.phrase, .score, .count, .offsets, .stem), which renders
        in Jupyter with the phrases highlighted in the text.

    Example:
        >>> import synopsis as sy
        >>> text = "An oil spill off Alaska. The oil spill reached the coast."
        >>> [k.phrase for k in sy.keywords(text, top=2)]
        ['oil spill', 'Alaska']
"""
