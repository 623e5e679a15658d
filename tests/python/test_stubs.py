"""The .pyi stubs match the compiled module (mypy's stubtest) and the package type-checks."""

import pathlib
import re
import subprocess
import sys

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "python" / "synopsis"

# pybind11 classes have the pybind11_type metaclass, and classes bound without a
# constructor report `(self, /, *args, **kwargs)` at runtime; neither belongs in a stub.
PYBIND11_NOISE = [
    re.compile(r" is inconsistent, metaclass differs$"),
    re.compile(r"\.__init__ is inconsistent, stub does not have \*{1,2}(args|kwargs) parameter"),
]


def run(*args):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=300)


def test_py_typed_and_stub_ship_with_the_package():
    import synopsis

    here = pathlib.Path(synopsis.__file__).parent
    assert (here / "py.typed").exists()
    assert (here / "_core.pyi").exists()


def test_stubtest():
    pytest.importorskip("mypy")
    out = run("mypy.stubtest", "synopsis._core", "--concise")
    errors = [line for line in out.stdout.splitlines()
              if line.strip() and not any(p.search(line) for p in PYBIND11_NOISE)]
    assert not errors, "stubs differ from synopsis._core:\n" + "\n".join(errors) + "\n" + out.stderr


def test_package_type_checks():
    pytest.importorskip("mypy")
    out = run("mypy", "--ignore-missing-imports", "--no-error-summary", "-p", "synopsis")
    assert out.returncode == 0, out.stdout + out.stderr
