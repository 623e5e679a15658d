"""No bound class can be used in a state its constructor did not make.

pickle's NEWOBJ opcode calls ``cls.__new__(cls)`` and nothing else, so a 30-byte pickle
builds an object whose C++ value was never constructed. Every attribute, method, operator
and argument position must refuse it with TypeError/ValueError. The probing runs in a
subprocess, so a segfault fails the test instead of killing pytest.
"""

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(r'''
    import copy, inspect, pickle, sys
    import synopsis as sy
    from synopsis import _core

    ALLOWED = (TypeError, ValueError)
    ARGUMENTS = [(), ("One. Two.",), (0,), (["One. Two."],), ("a", "One. Two."), (["a"], ["One. Two."], ["x"])]
    problems = []

    def check(label, fn):
        try:
            fn()
        except ALLOWED:
            pass
        except BaseException as exc:  # anything else is a bug: report it
            problems.append(f"{label}: {type(exc).__name__}: {exc}")

    def empty(name):
        return pickle.loads(b"\x80\x02csynopsis._core\n" + name.encode() + b"\n)\x81.")

    bound = sorted(name for name, value in vars(_core).items()
                   if isinstance(value, type) and type(value).__name__ == "pybind11_type")
    assert len(bound) >= 20, bound
    for name in bound:
        cls = getattr(_core, name)
        obj = empty(name)
        for attr in sorted(dir(cls)):
            static = inspect.getattr_static(cls, attr)
            if isinstance(static, staticmethod) or attr in (
                    "__class__", "__new__", "__init_subclass__", "__subclasshook__", "__init__", "__setstate__",
                    # object's generic attribute access, with made-up names: AttributeError is right
                    "__getattribute__", "__setattr__", "__delattr__", "__dir__", "__format__"):
                continue
            label = f"{name}.{attr}"
            try:
                value = getattr(obj, attr)
            except ALLOWED:
                continue
            except BaseException as exc:
                problems.append(f"{label}: {type(exc).__name__}: {exc}")
                continue
            if callable(value) and not isinstance(value, type):
                for args in ARGUMENTS:
                    check(f"{label}{args!r}", lambda: value(*args))
        for op, fn in {"len": len, "iter": lambda o: list(iter(o)), "repr": repr, "str": str,
                       "eq": lambda o: o == o, "bool": bool, "dumps": pickle.dumps, "copy": copy.copy,
                       "deepcopy": copy.deepcopy, "getitem": lambda o: o[0]}.items():
            check(f"{op}({name})", lambda: fn(obj))

    # As an argument, directly or inside a list, of the functions that take bound objects.
    doc, tfidf = empty("Document"), empty("TfidfEncoder")
    for label, fn in {
        "segment_batch": lambda: sy.segment_batch([doc]),
        "keywords(doc)": lambda: sy.keywords(doc),
        "keywords_batch": lambda: sy.keywords_batch([doc]),
        "embed(doc)": lambda: sy.embed(doc),
        "embed(encoder)": lambda: sy.embed(["One."], encoder=tfidf),
        "Summarizer(encoder)": lambda: sy.Summarizer(encoder=tfidf),
        "TfidfEncoder().fit([doc])": lambda: sy.TfidfEncoder().fit([doc]),
        "AttributedSentence state": lambda: empty("AttributedSentence").__setstate__(
            (0, 0, 4, "One.", empty("Attribution"), [], [], False, False, False)),
        "StanceResult state": lambda: empty("StanceResult").__setstate__(
            ("agree", ["agree"], [1.0], 0.5, [empty("StanceSentence")])),
        "Summary == empty": lambda: sy.summarize("One. Two.") == empty("Summary"),
    }.items():
        check(label, fn)

    # The mechanism leaves constructed objects alone.
    assert len(pickle.loads(pickle.dumps(sy.segment("One. Two.")))) == 2
    print("\n".join(problems) if problems else "ok")
    sys.exit(1 if problems else 0)
''')


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_the_30_byte_pickle_from_the_report_raises_instead_of_crashing():
    done = run("import pickle\n"
               "d = pickle.loads(b'\\x80\\x02csynopsis._core\\nDocument\\n)\\x81.')\n"
               "try:\n    len(d.sentences)\nexcept TypeError as e:\n    print('TypeError', e)\n")
    assert done.returncode == 0, done.stderr
    assert "TypeError" in done.stdout and "never initialised" in done.stdout


def test_every_bound_class_refuses_an_unconstructed_instance_everywhere():
    done = run(PROBE)
    assert done.returncode == 0, f"rc={done.returncode}\n{done.stdout}\n{done.stderr}"
    assert done.stdout.strip() == "ok"


def test_every_pickle_protocol_round_trips_without_aborting():
    # Protocols 0 and 1 used to call pybind11's base __new__, which aborted the process.
    done = run("import pickle, synopsis as sy\n"
               "objs = [sy.segment('One. Two.'), sy.summarize('One. Two.'), sy.keywords('Oil fell.')[0],\n"
               "        sy.TfidfEncoder(), sy.StanceTagger('x').tag('One.')]\n"
               "for p in range(pickle.HIGHEST_PROTOCOL + 1):\n"
               "    for o in objs:\n"
               "        assert repr(pickle.loads(pickle.dumps(o, protocol=p))) == repr(o)\n"
               "print('ok')\n")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
