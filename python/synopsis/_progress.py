"""Progress bars for batch calls: tqdm when it is installed, nothing otherwise.

``progress=None`` (the default of every batch function) means "auto": a bar in an
interactive session (a Python prompt or a Jupyter kernel), none in scripts, tests and
pipelines. ``progress=True`` asks for a bar wherever tqdm is installed; ``False`` never
shows one.
"""

from __future__ import annotations

import sys
from typing import Any, Optional


def is_interactive() -> bool:
    """True at a Python prompt (``sys.ps1``) or inside a Jupyter/IPython kernel.

    Example:
        >>> from synopsis._progress import is_interactive
        >>> isinstance(is_interactive(), bool)
        True
    """
    if hasattr(sys, "ps1") or bool(getattr(sys.flags, "interactive", 0)):
        return True
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        return ipython.get_ipython() is not None
    except Exception:  # an IPython that cannot answer is not a session we can draw in
        return False


def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except Exception:
        return False
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def wants_progress(progress: Optional[bool]) -> bool:
    """Resolves ``progress`` (True, False or None for auto) against what is installed.

    Example:
        >>> from synopsis._progress import wants_progress
        >>> wants_progress(False)
        False
    """
    if progress is None:
        progress = is_interactive()
    if not progress:
        return False
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self) -> "_NoBar":
        return self

    def __exit__(self, *exc: Any) -> None:
        pass


def _bar_class() -> Any:
    if _in_notebook():
        try:
            import ipywidgets  # noqa: F401
            from tqdm.notebook import tqdm as notebook_bar
            return notebook_bar
        except ImportError:
            pass
    from tqdm.std import tqdm as text_bar
    return text_bar


def progress_bar(total: int, progress: Optional[bool], desc: str = "") -> Any:
    """A tqdm bar over ``total`` items, or an object with the same update/close when off.

    In Jupyter the widget bar is used when ipywidgets is installed, the text bar otherwise.

    Example:
        >>> from synopsis._progress import progress_bar
        >>> with progress_bar(3, progress=False) as bar:
        ...     bar.update(3)
    """
    if not wants_progress(progress):
        return _NoBar()
    bar_class = _bar_class()
    return bar_class(total=total, desc=desc or None, unit="text", leave=True, dynamic_ncols=True)
