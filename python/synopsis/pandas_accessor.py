"""The ``Series.synopsis`` accessor: synopsis on a pandas column without glue.

``import synopsis`` does not import pandas. When pandas is already imported the
accessor is registered at once; otherwise it is registered the moment pandas is
first imported (a one-shot import hook), so either import order works::

    import pandas as pd
    import synopsis
    df = pd.DataFrame({"text": ["Prices rose. Analysts expect more.", "It rained."]})
    df.text.synopsis.segment()                 # Series of Document, same index
    df.text.synopsis.summarize(sentences=1)    # Series of Summary
    df.text.synopsis.keywords(top=5)           # Series of keyphrase lists
    df.text.synopsis.stance(target="prices")   # Series of StanceResult

Each method takes the options of the batch function it calls (``n_jobs``,
``progress``, ...). Missing values (None, NaN) give None.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from typing import Any

ACCESSOR = "synopsis"


def _feature(name: str) -> Any:
    import synopsis

    return getattr(synopsis, name)


class SynopsisAccessor:
    """``series.synopsis``: batch calls over a Series of texts, keeping its index.

    Example:
        >>> import pandas as pd
        >>> import synopsis
        >>> s = pd.Series(["One. Two.", None], index=["a", "b"])
        >>> s.synopsis.segment().map(lambda d: None if d is None else len(d))
        a    2.0
        b    NaN
        dtype: float64
    """

    def __init__(self, series: Any) -> None:
        self._series = series

    def __repr__(self) -> str:
        return f"<synopsis accessor on a Series of {len(self._series)} texts>"

    def segment(self, **options: Any) -> Any:
        """A Series of Document; options as for :func:`synopsis.segment_batch`.

        Example:
            >>> import pandas as pd, synopsis
            >>> pd.Series(["One. Two."]).synopsis.segment()[0].sentences[1].text
            'Two.'
        """
        return _feature("segment_batch")(self._series, **options)

    def summarize(self, **options: Any) -> Any:
        """A Series of Summary; options as for :func:`synopsis.summarize_batch`.

        ``.map(str)`` turns the result into summary texts.

        Example:
            >>> import pandas as pd, synopsis
            >>> s = pd.Series(["Rates rose. Stocks fell. Bonds were flat."])
            >>> len(s.synopsis.summarize(sentences=1)[0].sentences)
            1
        """
        return _feature("summarize_batch")(self._series, **options)

    def keywords(self, **options: Any) -> Any:
        """A Series of keyphrase lists; options as for :func:`synopsis.keywords_batch`.

        Example:
            >>> import pandas as pd, synopsis
            >>> s = pd.Series(["The central bank raised rates. The central bank meets again."])
            >>> len(s.synopsis.keywords(top=3)[0]) <= 3
            True
        """
        return _feature("keywords_batch")(self._series, **options)

    def stance(self, target: str, **options: Any) -> Any:
        """A Series of StanceResult toward ``target``; options as for :class:`synopsis.StanceTagger`.

        Example:
            >>> import pandas as pd, synopsis
            >>> s = pd.Series(["Officials said the plan works."])
            >>> s.synopsis.stance(target="the plan")[0].label in synopsis.StanceTagger("x").labels
            True
        """
        return _feature("stance_batch")(self._series, target=target, **options)


def register() -> bool:
    """Registers ``Series.synopsis`` (once); False when pandas is not installed.

    Example:
        >>> from synopsis.pandas_accessor import register
        >>> register()
        True
    """
    try:
        import pandas
    except ImportError:
        return False
    if isinstance(getattr(pandas.Series, ACCESSOR, None), type) or ACCESSOR in getattr(pandas.Series, "_accessors", ()):
        return True
    pandas.api.extensions.register_series_accessor(ACCESSOR)(SynopsisAccessor)
    return True


class _RegisterAfterPandas(importlib.abc.MetaPathFinder):
    """Finds nothing itself; wraps the loader of ``pandas`` so that the accessor is
    registered right after pandas has finished importing, then removes itself."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != "pandas":
            return None
        self._remove()
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            try:
                register()
            except Exception:  # never break `import pandas` because of the accessor
                pass

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec

    def _remove(self) -> None:
        try:
            sys.meta_path.remove(self)
        except ValueError:
            pass


def install() -> None:
    """Registers now if pandas is imported, else when it is (called by ``import synopsis``)."""
    if "pandas" in sys.modules:
        register()
        return
    if not any(isinstance(f, _RegisterAfterPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _RegisterAfterPandas())
