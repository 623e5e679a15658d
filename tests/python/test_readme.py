"""The README's Python examples run, so that they cannot rot.

Every fenced block marked ```python is executed, in order, in one namespace (a later
block may use names an earlier one defined), from the repository root. A block whose
first line is ``# not run`` is skipped (for fragments that need data or a cluster).
"""

import os
import pathlib
import re

import pytest

import synopsis as sy

REPO = pathlib.Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)


def python_blocks(path):
    text = path.read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 2
        code = match.group(1)
        if code.lstrip().startswith("# not run"):
            continue
        blocks.append((line, code))
    return blocks


DOCS = [REPO / "README.md"] + sorted((REPO / "docs").glob("*.md"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_python_blocks_run(path, monkeypatch):
    blocks = python_blocks(path)
    if not blocks:
        pytest.skip(f"{path.name} has no python blocks")
    monkeypatch.chdir(REPO)
    namespace = {"__name__": f"readme_{path.stem}"}
    for line, code in blocks:
        try:
            exec(compile(code, f"{path.name}:{line}", "exec"), namespace)
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] == "synopsis":  # our own package must import
                raise AssertionError(f"{path.name}, block at line {line} failed: {exc!r}\n{code}") from exc
            pytest.skip(f"{path.name}, block at line {line} needs {exc.name}, which is not installed")
        except Exception as exc:
            raise AssertionError(f"{path.name}, block at line {line} failed: {exc!r}\n{code}") from exc


def test_readme_has_examples():
    assert len(python_blocks(REPO / "README.md")) >= 2
