"""The input/output adapter shared by every batch function.

A batch function takes a list, tuple, 1-D numpy array of str (or bytes), a pandas
Series, or any other iterable of texts, and returns the results in a matching
structure: a list for everything but a Series, and for a Series a Series with the same
index and name. In a Series, missing values (None, NaN, pandas.NA) give None.

The work itself is done by a function over a plain ``list`` of texts (usually a C++
batch call that runs on the core's thread pool with the GIL released). When a progress
bar is shown, the list is cut into chunks so that the bar moves while the pool works.
"""

from __future__ import annotations

import math
import operator
import sys
from typing import Any, Callable, List, Optional, Sequence, Tuple, TypeVar

from ._core import resolve_threads, segment_batch as _core_segment_batch
from ._progress import progress_bar, wants_progress

R = TypeVar("R")

Restore = Callable[[List[Any]], Any]


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


def _is_series(obj: Any) -> bool:
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(obj, pandas.Series)


def _is_dataframe(obj: Any) -> bool:
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(obj, pandas.DataFrame)


def _is_ndarray(obj: Any) -> bool:
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(obj, numpy.ndarray)


def split_input(texts: Any) -> Tuple[List[Any], List[int], Restore]:
    """Turns a batch input into (texts to process, their positions, restore).

    ``restore(results)`` takes one result per processed text and gives the output
    structure, with None at the positions that were missing.

    Example:
        >>> from synopsis._batch import split_input
        >>> todo, where, restore = split_input(("a", "b"))
        >>> restore([len(t) for t in todo])
        [1, 1]
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            "expected a collection of texts (list, tuple, numpy array or pandas Series), "
            "got a single text; call the single-text function instead"
        )
    # Iterating these gives their keys or column names, not texts: refuse rather than
    # process the wrong strings.
    if _is_dataframe(texts):
        raise TypeError("expected a collection of texts, got a pandas DataFrame (iterating it gives its column "
                        "names); pass one column, df[col]")
    if isinstance(texts, dict):
        raise TypeError("expected a collection of texts, got a dict (iterating it gives its keys); "
                        "pass dict.values(), or a pandas Series to keep the keys")
    if _is_series(texts):
        pandas = sys.modules["pandas"]
        values = list(texts.array)
        where = [i for i, v in enumerate(values) if not _is_missing(v)]
        index, name, n = texts.index, texts.name, len(values)

        def restore_series(results: List[Any]) -> Any:
            out: List[Any] = [None] * n
            for i, r in zip(where, results):
                out[i] = r
            return pandas.Series(out, index=index, name=name, dtype=object)

        return [values[i] for i in where], where, restore_series
    if _is_ndarray(texts):
        if texts.ndim != 1:
            raise ValueError(f"expected a 1-D array of texts, got an array of shape {texts.shape}; "
                             "flatten it with .ravel() or pass one column")
        if texts.dtype.kind not in "USO":
            raise TypeError(f"expected an array of str (dtype str, bytes or object), got dtype {texts.dtype}")
        values = texts.tolist()
    elif isinstance(texts, (list, tuple)):
        values = list(texts)
    else:
        try:
            values = list(texts)
        except TypeError:
            raise TypeError(
                f"expected a list, tuple, numpy array or pandas Series of texts, got {type(texts).__name__}"
            ) from None
    where = list(range(len(values)))
    return values, where, list


def threads(n_jobs: Any) -> int:
    """The thread count n_jobs asks for, by the core's rule (:func:`resolve_threads`).

    Every batch function calls this first, so a bad n_jobs fails the same way in each, with
    or without a progress bar and even for an empty input.

    Example:
        >>> from synopsis._batch import threads
        >>> threads(2)
        2
    """
    if isinstance(n_jobs, bool):
        raise TypeError("n_jobs must be an int, got bool")
    try:
        n_jobs = operator.index(n_jobs)
    except TypeError:
        raise TypeError(f"n_jobs must be an int, got {type(n_jobs).__name__}") from None
    try:
        return resolve_threads(n_jobs)
    except TypeError:  # beyond a C int
        raise ValueError(f"n_jobs must be a small whole number of threads, got {n_jobs}") from None


def chunk_size(n: int, n_jobs: int) -> int:
    """Chunk length for a progress bar: about 50 updates, each a few texts per thread."""
    return max(4 * resolve_threads(n_jobs), math.ceil(n / 50), 1)


def run_batch(
    batch: Callable[[List[Any]], Sequence[R]],
    texts: Any,
    *,
    progress: Optional[bool] = None,
    n_jobs: int = -1,
    desc: str = "",
) -> Any:
    """Runs ``batch`` (a function over a list of texts) on any batch input.

    Arguments:
        batch: takes a list of texts, returns one result per text, in order.
        texts: list, tuple, 1-D numpy array, pandas Series or iterable of texts.
        progress: True for a tqdm bar, False for none, None for one only in an
            interactive session (needs tqdm; silently off without it).
        n_jobs: the thread count the batch uses; sets the chunk length of the bar.
        desc: the bar's label.

    Returns:
        A list of results, or a Series with the input's index when given a Series.

    Example:
        >>> from synopsis._batch import run_batch
        >>> run_batch(lambda xs: [x.upper() for x in xs], ["a", "b"], progress=False)
        ['A', 'B']
    """
    threads(n_jobs)
    todo, _, restore = split_input(texts)
    if not wants_progress(progress) or len(todo) == 0:
        return restore(list(batch(todo)))
    step = chunk_size(len(todo), n_jobs)
    results: List[Any] = []
    with progress_bar(len(todo), True, desc) as bar:
        for begin in range(0, len(todo), step):
            part = todo[begin:begin + step]
            results.extend(batch(part))
            bar.update(len(part))
    return restore(results)


def segment_batch(
    texts: Any,
    *,
    n_jobs: int = -1,
    progress: Optional[bool] = None,
    **options: Any,
) -> Any:
    """Segments many texts on the core's thread pool (the GIL is released).

    Arguments:
        texts: list, tuple, 1-D numpy array or pandas Series of str (or UTF-8 bytes).
        n_jobs: threads; -1 uses every core. Results are the same for any n_jobs.
        progress: True for a tqdm bar, None for one in interactive sessions only.
        **options: language, format, errors, as for :func:`synopsis.segment`.

    Returns:
        list of Document, or a Series of Document with the input's index.

    Example:
        >>> import synopsis as sy
        >>> [len(d.sentences) for d in sy.segment_batch(["One. Two.", "Three."])]
        [2, 1]
    """
    return run_batch(lambda part: _core_segment_batch(part, n_jobs=n_jobs, **options), texts, progress=progress,
                     n_jobs=n_jobs, desc="segment")
