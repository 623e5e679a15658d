"""``synopsis.stance_batch``: the core's zero-shot :class:`StanceTagger` over batch inputs.

The tagger, its results and attribution are bound from the core; this module adds batch
inputs (lists, arrays, pandas Series) and progress bars.
"""

from __future__ import annotations

from typing import Any

from ._batch import run_batch
from ._core import StanceTagger


def stance_batch(texts: Any, target: str, *, n_jobs: int = -1, progress: bool | None = None,
                 **tagger_options: Any) -> Any:
    """Zero-shot stance of many texts toward one target, on the C++ thread pool.

    Arguments:
        texts: a list, tuple, 1-D numpy array or pandas Series of texts.
        target: the claim or topic, as for :class:`StanceTagger`.
        n_jobs: worker threads; -1 every core.
        progress: True shows a tqdm bar (when tqdm is installed); the default shows one only
            in an interactive session.
        **tagger_options: scheme, encoder, language, format, related_threshold, sentence_threshold,
            include_comments, as for :class:`StanceTagger`, and errors, as for ``StanceTagger.tag``.

    Returns:
        list[StanceResult], or for a Series a Series of StanceResult with the same index.

    Example:
        >>> import synopsis as sy
        >>> [r.label for r in sy.stance_batch(["The moon landing was faked, he claimed.", "It rained."],
        ...                                   target="the moon landing was faked")][1]
        'unrelated'
    """
    tag_options = {"errors": tagger_options.pop("errors")} if "errors" in tagger_options else {}
    tagger = StanceTagger(target, **tagger_options)
    return run_batch(lambda part: tagger.tag_batch(part, n_jobs=n_jobs, **tag_options), texts, progress=progress, n_jobs=n_jobs,
                     desc="stance")
