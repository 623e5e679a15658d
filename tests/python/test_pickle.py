"""Every public object pickles and crosses process boundaries."""

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import synopsis as sy

TEXT = ("Central Bank Raises Rates\n\n"
        "The central bank raised interest rates on Monday, officials said. "
        "Analysts had expected the move. Markets may fall further, some traders warned.\n\n"
        "Inflation remains high across the region.")
TEXTS = [TEXT, "Stocks fell. Bonds rose. The dollar was flat.", "Café prices in Zürich rose 5% — again."]


def public_objects():
    doc = sy.segment(TEXT)
    objects = {"Document": doc, "Sentence": doc.sentences[1], "Token": doc.tokens[3],
               "Paragraph": doc.paragraphs[1]}
    summary = sy.summarize(TEXT, sentences=2)
    objects["Summary"] = summary
    objects["Summary.sentences[0]"] = summary.sentences[0]
    kws = sy.keywords(TEXT, top=5)
    objects["keywords"] = kws
    objects["Keyword"] = kws[0]
    tagger = sy.StanceTagger("interest rates")
    result = tagger.tag(TEXT)
    objects["StanceTagger"] = tagger
    objects["StanceResult"] = result
    objects["StanceResult.sentences[0]"] = result.sentences[0]
    X = [("rates rise", TEXT), ("rates rise", "Stocks fell."), ("cats", TEXT), ("cats", "Stocks fell.")] * 3
    y = ["agree", "discuss", "unrelated", "unrelated"] * 3
    objects["StanceClassifier"] = sy.StanceClassifier().fit(X, y)
    return objects


def state(obj):
    """A comparable view of an object: its plain data, or its behaviour for models."""
    name = type(obj).__name__
    if name == "StanceTagger":
        return state(obj.tag(TEXT))
    if name == "StanceClassifier":
        return [str(label) for label in obj.predict([("rates rise", TEXT), ("cats", "Stocks fell.")])]
    if isinstance(obj, list):
        return [state(x) for x in obj]
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return repr(obj)


OBJECTS = public_objects()


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_pickle_round_trip(name):
    obj = OBJECTS[name]
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(back) is type(obj)
        assert state(back) == state(obj)
        assert repr(back) == repr(obj)


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_repr_is_readable(name):
    text = repr(OBJECTS[name])
    assert "object at 0x" not in text and len(text) < 2000


def _segment_dict(text):
    return sy.segment(text).to_dict()


def _features(text):
    out = {"segment": sy.segment(text).to_dict()}
    out["summary"] = sy.summarize(text, sentences=1).to_dict()
    out["keywords"] = [k.to_dict() for k in sy.keywords(text, top=3)]
    out["stance"] = sy.StanceTagger("rates").tag(text).to_dict()
    return out


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_process_pool_gives_local_results(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        assert list(pool.map(_features, TEXTS)) == [_features(t) for t in TEXTS]
        # Results travel back by pickle, and objects travel in.
        docs = list(pool.map(sy.segment, TEXTS))
        assert [d.to_dict() for d in docs] == [sy.segment(t).to_dict() for t in TEXTS]
        assert list(pool.map(_doc_len, docs)) == [len(d) for d in docs]


def _doc_len(doc):
    return len(doc.sentences)


def test_repr_of_long_non_ascii_text():
    # Each of these cuts a long text short; the cut must not split a UTF-8 sequence.
    for text in ("é" * 100 + ". Next one.", "a" + "€" * 100 + ". Next one.", "ab" + "😀" * 100 + ". Next."):
        doc = sy.segment(text)
        assert repr(doc.sentences[0]).endswith("...', start=0, end=%d)" % doc.sentences[0].end)
        assert "..." in repr(doc.paragraphs[0])
        assert "..." in repr(sy.StanceTagger("é").tag(text).sentences[0])
        assert "..." in repr(sy.attributions(text)[0])
