"""``synopsis.summarize`` and ``summarize_batch``: calls of the core's :class:`Summarizer`.

The core checks every option (``Summarizer``'s constructor) and does all the work; this
module adds batch inputs (lists, arrays, pandas Series) and progress bars.
"""

from __future__ import annotations

from typing import Any

from ._batch import run_batch
from ._core import Summarizer, Summary


def summarize(text: Any, sentences: int | None = None, *, embeddings: Any = None, **options: Any) -> Summary:
    return Summarizer(sentences=sentences, **options).summarize(text, embeddings=embeddings)


def summarize_batch(texts: Any, n_jobs: int = -1, progress: bool | None = None, **options: Any) -> Any:
    """Summaries of many texts on the core's thread pool (the GIL is released).

    Arguments:
        texts: a list, tuple, 1-D numpy array or pandas Series of texts (str or UTF-8 bytes).
        n_jobs: worker threads; -1 every core, -2 all but one. Results are the same for any n_jobs.
        progress: True shows a tqdm bar (when tqdm is installed), False none; the default
            shows one only in an interactive session.
        **options: those of :class:`Summarizer` (the options of :func:`summarize`).

    Returns:
        list[Summary], or for a Series a Series of Summary with the same index (None where
        the Series has a missing value).

    Example:
        >>> import synopsis as sy
        >>> out = sy.summarize_batch(["Rain fell. The river rose. Shops closed.", "One line."], sentences=1)
        >>> [len(s) for s in out]
        [1, 1]
    """
    if "embeddings" in options:
        raise TypeError("summarize_batch does not take embeddings; call summarize() per text")
    summarizer = Summarizer(**options)
    return run_batch(lambda part: summarizer.summarize_batch(part, n_jobs=n_jobs), texts, progress=progress,
                     n_jobs=n_jobs, desc="summarize")


summarize.__doc__ = """Extractive summary of a text: ``Summarizer(**options).summarize(text)``.

    Arguments:
        text: the article (str or UTF-8 bytes); headings and boilerplate lines (page furniture)
            are never chosen; readers' comments only with include_comments=True.
        sentences: at most this many sentences; None: 3, unless ratio or words is given.
        embeddings: optional numpy array (n, d), one row per sentence of
            synopsis.segment(text).sentences, replacing the encoder (cosine similarity).
        **options: ratio, words, method, encoder, query, diversity, language, format, errors,
            include_comments and the tuning knobs, as documented on :class:`Summarizer`.

    Returns:
        Summary: .sentences (each .text .start .end .index .score, in document order);
        str(summary) is the summary text.

    Example:
        >>> import synopsis as sy
        >>> text = "Rain fell all day. The river rose fast. Shops closed early. The river burst its banks."
        >>> len(sy.summarize(text, sentences=2).sentences)
        2
"""
