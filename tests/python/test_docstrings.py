"""Every public function and class documents itself with an example, and the examples run."""

import doctest
import importlib
import inspect

import pytest

import synopsis as sy

# Every module of the package, the compiled core included.
MODULES = ["synopsis", "synopsis._core", "synopsis._batch", "synopsis._estimator", "synopsis._keywords",
           "synopsis._progress", "synopsis._stance", "synopsis._summarize", "synopsis.cli", "synopsis.display",
           "synopsis.pandas_accessor"]


def public_callables():
    """Public functions, and the classes written in Python (the compiled classes document
    themselves in the binding, their methods and the functions that create them carry the
    examples)."""
    for name in sorted(sy.__all__):
        obj = getattr(sy, name)
        if name.startswith("_") or not callable(obj):
            continue
        if isinstance(obj, type) and obj.__module__ == "synopsis._core":
            continue
        yield name, obj


@pytest.mark.parametrize("name", [n for n, _ in public_callables()])
def test_public_callable_has_an_example(name):
    doc = inspect.getdoc(getattr(sy, name)) or ""
    assert ">>>" in doc, f"synopsis.{name} has no example in its docstring"


def doctests():
    finder = doctest.DocTestFinder(exclude_empty=True)
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for test in finder.find(module, module_name):
            if test.examples:
                yield test


TESTS = {t.name: t for t in doctests()}


def test_every_module_has_examples():
    modules = {name.rsplit(".", 1)[0] for name in TESTS} | {name for name in TESTS}
    for module_name in ("synopsis._core", "synopsis._summarize", "synopsis._keywords", "synopsis._stance"):
        assert any(name.startswith(module_name + ".") for name in modules), f"{module_name} has no doctest"


@pytest.mark.parametrize("name", sorted(TESTS))
def test_docstring_examples_run(name):
    pytest.importorskip("pandas")
    test = TESTS[name]
    test.globs = {"synopsis": sy, **test.globs}
    report = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=report.append, clear_globs=False)
    if runner.summarize(verbose=False).failed:
        pytest.fail("".join(report))
