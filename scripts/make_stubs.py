"""Regenerates python/synopsis/_core.pyi from the built module.

    pip install pybind11-stubgen && python scripts/make_stubs.py

pybind11-stubgen writes the stub; the replacements below give the precise types that the
bindings return as plain lists or objects. tests/python/test_stubs.py checks the result
against the module with mypy's stubtest.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
TARGET = REPO / "python" / "synopsis" / "_core.pyi"

HEADER = '''"""Stubs for the compiled module synopsis._core (written by scripts/make_stubs.py, checked
against the module by tests/python/test_stubs.py).
"""
'''

# (class or None for module level, old signature fragment, new one)
REFINEMENTS = [
    ("Document", "def paragraphs(self) -> list:", "def paragraphs(self) -> list[Paragraph]:"),
    ("Document", "def prose(self) -> list:", "def prose(self) -> list[Sentence]:"),
    ("Document", "def sentences(self) -> list:", "def sentences(self) -> list[Sentence]:"),
    ("Document", "def title(self) -> typing.Any:", "def title(self) -> str | None:"),
    ("Keyword", "def offsets(self) -> list:", "def offsets(self) -> list[tuple[int, int]]:"),
    ("StanceResult", "def scores(self) -> dict:", "def scores(self) -> dict[str, float]:"),
    (None, "def segment(text: typing.Any,", "def segment(text: str | bytes,"),
    (None, "ENCODER_NAMES: list = ", "ENCODER_NAMES: list[str] = "),
    (None, "SUMMARIZE_METHODS: list = ", "SUMMARIZE_METHODS: list[str] = "),
    (None, "KEYWORD_METHODS: list = ", "KEYWORD_METHODS: list[str] = "),
]


def refine(stub: str) -> str:
    stub = re.sub(r'\A""".*?"""\n', HEADER, stub, flags=re.S)
    stub = re.sub(r"^__all__: list\[str\] = .*\n", "", stub, flags=re.M)
    stub = re.sub(r"^__version__: str = .*$", "__version__: str", stub, flags=re.M)
    stub = stub.replace("def _repr_html_(self):", "def _repr_html_(self) -> str:")
    # A class that defines __eq__ is unhashable; mypy wants that said without an assignment.
    stub = stub.replace("__hash__: typing.ClassVar[None] = None",
                        "__hash__: typing.ClassVar[None]  # type: ignore[assignment]")
    stub = re.sub(r"def __eq__\(self, arg0: \w+\) -> bool:", "def __eq__(self, other: object) -> bool:", stub)
    stub = stub.replace("def __reduce__(self) -> tuple[..., tuple[list]]:",
                        "def __reduce__(self) -> tuple[typing.Any, tuple[list[Token]]]:")
    for cls, old, new in REFINEMENTS:
        if cls is None:
            if old not in stub:
                raise SystemExit(f"not in the generated stub: {old}")
            stub = stub.replace(old, new)
            continue
        match = re.search(rf"^class {cls}\b.*?(?=^class |^def |\Z)", stub, flags=re.S | re.M)
        if match is None or old not in match.group(0):
            raise SystemExit(f"not in the generated stub of {cls}: {old}")
        stub = stub[:match.start()] + match.group(0).replace(old, new) + stub[match.end():]
    return stub


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "pybind11_stubgen", "synopsis._core", "-o", out], check=True)
        generated = pathlib.Path(out, "synopsis", "_core.pyi").read_text(encoding="utf-8")
    TARGET.write_text(refine(generated), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
