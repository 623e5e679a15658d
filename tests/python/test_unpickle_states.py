"""Malformed pickled states are refused, never trusted.

From a fixed seed, thousands of states are derived from the real states of every picklable
class (a field replaced by a value of another type, a negative or huge number, NaN or an
infinity, a lone surrogate, garbage nested in a list; fields dropped or added). Each must
give TypeError or ValueError, or, when the mutation happens to be harmless, an object that
works. Runs in a subprocess so that a crash fails the test.
"""

import subprocess
import sys
import textwrap

import pytest

FUZZ = textwrap.dedent(r'''
    import math, pickle, random, sys
    import synopsis as sy

    TEXT = ("Central Bank Raises Rates\n\nThe central bank raised rates on Monday, officials said. "
            "Analysts expected the move (Source: Reuters). Markets may fall, traders warned.\n\nCafé prices rose 5%.")
    doc = sy.segment(TEXT)
    tagger = sy.StanceTagger("interest rates")
    stance = tagger.tag(TEXT)
    summary = sy.summarize(TEXT, sentences=2)
    attributed = sy.attributions(TEXT)[2]
    extractor = sy.KeywordExtractor(method="tfidf").fit([TEXT, "Rates rose."])
    samples = [doc, doc.sentences[1], doc.tokens[3], doc.paragraphs[1], summary, summary.sentences[0],
               sy.Summarizer(sentences=2), sy.keywords(TEXT)[0], extractor, sy.KeywordExtractor(),
               tagger, stance, stance.sentences[1], attributed, attributed.attribution,
               sy.TfidfEncoder().fit([TEXT, "Rates rose."]), sy.Bm25Encoder(), sy.LsaEncoder()]

    def empty(cls):
        return cls.__new__(cls)

    def garbage(rng, depth=0):
        choices = [-1, -2**70, 2**31, 2**64, 2**70, math.nan, math.inf, -math.inf, 1.5, -0.5, True, None, "",
                   "\ud800", "x" * 50, b"bytes", [], (), {}, object(), [None], ("a", 1), {"k": math.nan},
                   empty(sy.Document), empty(sy.Attribution)]
        if depth < 2 and rng.random() < 0.2:
            return [garbage(rng, depth + 1) for _ in range(rng.randrange(4))]
        return rng.choice(choices)

    def paths(value, prefix=()):
        """Every position in a state: tuple/list items and dict values."""
        yield prefix
        if isinstance(value, (tuple, list)):
            for i, item in enumerate(value):
                yield from paths(item, prefix + (i,))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, prefix + (key,))

    def replace(value, path, new):
        if not path:
            return new
        head, rest = path[0], path[1:]
        if isinstance(value, dict):
            return {**value, head: replace(value[head], rest, new)}
        items = list(value)
        items[head] = replace(items[head], rest, new)
        return type(value)(items)

    def mutate(rng, state):
        where = rng.choice(list(paths(state)))
        target = state
        for step in where:
            target = target[step]
        kind = rng.random()
        if isinstance(target, (tuple, list)) and kind < 0.15:  # a field dropped or added
            items = list(target)
            if items and rng.random() < 0.5:
                del items[rng.randrange(len(items))]
            else:
                items.insert(rng.randrange(len(items) + 1), garbage(rng))
            return replace(state, where, type(target)(items))
        if isinstance(target, int) and not isinstance(target, bool) and kind < 0.5:
            return replace(state, where, rng.choice([-1, -target - 1, target + 10**6, 2**63, 2**70]))
        if isinstance(target, float) and kind < 0.5:
            return replace(state, where, rng.choice([math.nan, math.inf, -1.0, 2.0]))
        return replace(state, where, garbage(rng))

    def use(obj):
        repr(obj)
        if hasattr(obj, "to_dict"):
            obj.to_dict()
        pickle.loads(pickle.dumps(obj))

    rng = random.Random(20240611)
    rounds = int(sys.argv[1])
    problems, refused, accepted = [], 0, 0
    for sample in samples:
        cls = type(sample)
        state = sample.__reduce_ex__(2)[2]
        for _ in range(rounds):
            bad = mutate(rng, state)
            obj = empty(cls)
            try:
                obj.__setstate__(bad)
            except (TypeError, ValueError):
                refused += 1
                continue
            except BaseException as exc:
                problems.append(f"{cls.__name__} {bad!r:.200}: {type(exc).__name__}: {exc}")
                continue
            accepted += 1
            try:
                use(obj)
            except (TypeError, ValueError):
                pass
            except BaseException as exc:
                problems.append(f"{cls.__name__} accepted {bad!r:.200} but then: {type(exc).__name__}: {exc}")
    print(f"refused={refused} accepted={accepted}")
    print("\n".join(problems[:20]))
    sys.exit(1 if problems or refused < 4 * accepted else 0)
''')


def run(code, *args, timeout=60):
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def test_random_malformed_states_are_refused_and_never_crash():
    done = run(FUZZ, 150)
    assert done.returncode == 0, f"rc={done.returncode}\n{done.stdout}\n{done.stderr[-3000:]}"


CASES = {
    "StanceResult: more labels than scores": (
        "r = sy.StanceTagger('rates').tag('Rates rose.'); s = r.__reduce_ex__(2)[2]",
        "(s[0], s[1] + ['extra'], s[2], s[3], s[4])"),
    "StanceResult: a NaN score": (
        "r = sy.StanceTagger('rates').tag('Rates rose.'); s = r.__reduce_ex__(2)[2]",
        "(s[0], s[1], [float('nan')] * len(s[2]), s[3], s[4])"),
    "Keyword: a negative offset": ("r = sy.keywords('Oil prices fell. Oil rose.')[0]", "('oil', 1.0, [(-1, 3)], 'oil')"),
    "Keyword: an offset past 2**64": ("r = sy.keywords('Oil fell.')[0]", "('oil', 1.0, [(0, 2**70)], 'oil')"),
    "Keyword: a span that ends before it starts": ("r = sy.keywords('Oil fell.')[0]", "('oil', 1.0, [(5, 2)], 'oil')"),
    "Keyword: an infinite score": ("r = sy.keywords('Oil fell.')[0]", "('oil', float('inf'), [(0, 3)], 'oil')"),
    "Sentence: a span that does not hold its text": ("r = sy.segment('One. Two.').sentences[0]",
                                                     "(0, 0, 40, 0, 'One.', False, False, 'none', 0, 40)"),
    "Token: an unknown kind": ("r = sy.segment('One.').tokens[0]", "(0, 3, 0, 'One', 'one', 'one', 'verb', False, 0, 3)"),
    "Paragraph: sentences that end before they begin": ("r = sy.segment('One.').paragraphs[0]",
                                                        "(0, 0, 4, 3, 1, 'One.', 0.0)"),
    "TfidfEncoder: a frequency above the documents": ("r = sy.TfidfEncoder()",
                                                      "((True, True, True), ({'oil': 5}, 2))"),
    "Bm25Encoder: b outside [0, 1]": ("r = sy.Bm25Encoder()", "((1.2, 7.0, 0.0, 0.25), ({}, 0))"),
    "Bm25Encoder: a NaN k1": ("r = sy.Bm25Encoder()", "((float('nan'), 0.75, 0.0, 0.25), ({}, 0))"),
    "LsaEncoder: negative dimensions": ("r = sy.LsaEncoder()", "((-3, 7), ({}, 0))"),
    "Summary: a sentence past the text": ("r = sy.summarize('One. Two.')", "('One. Two.', [(0, 0, 99, 0.5, 0, 99)], 'en', None)"),
    "SummarySentence: a text longer than its span": ("r = sy.summarize('One. Two.').sentences[0]",
                                                     "(0, 'One.', 0, 2, 0.5, 0, 2)"),
    "StanceTagger: a threshold of NaN": ("r = sy.StanceTagger('x')",
                                         "('x', 'fnc', 'tfidf', 'en', float('nan'), 0.1, 'auto', False)"),
    "KeywordExtractor: a count above n_documents": ("r = sy.KeywordExtractor()",
                                                    "(r.get_params(), {'oil': 9}, 2)"),
    "Attribution: a source without a span": ("r = sy.attributions('He left (Source: AP).')[0].attribution",
                                             "('AP', None, None, 'parenthetical', 'Source', 'Source:', False)"),
    "Sentence: a source span that ends before it starts": ("r = sy.segment('One. Two.').sentences[0]",
                                                           "(0, 0, 4, 0, 'One.', False, False, 'none', 9, 2)"),
    "Sentence: a boilerplate flag without its kind": ("r = sy.segment('One. Two.').sentences[0]",
                                                      "(0, 0, 4, 0, 'One.', False, True, 'none', 0, 4)"),
    "Paragraph: a link density above 1": ("r = sy.segment('One.').paragraphs[0]", "(0, 0, 4, 0, 1, 'One.', 1.5)"),
    "Document: a format that does not exist": ("r = sy.segment('One.')", "('One.', 'en', 'pdf')"),
    "Document: a language that is not text": ("r = sy.segment('One.')", "('One.', '\\ud800', 'text')"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_specific_malformed_state_is_a_value_or_type_error(case):
    setup, state = CASES[case]
    code = (f"import synopsis as sy\n{setup}\ns = locals().get('s')\nbad = {state}\nobj = type(r).__new__(type(r))\n"
            "try:\n    obj.__setstate__(bad)\nexcept (TypeError, ValueError) as e:\n    print('refused', e)\n")
    done = run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused"), done.stdout
    assert "fields" not in done.stdout, f"refused for its length, not for {case!r}: {done.stdout}"
