"""The batch adapter: input shapes in, matching shapes out, progress bars."""

import numpy as np
import pytest

import synopsis as sy
from synopsis import _batch, _progress

TEXTS = ["One. Two.", "Three.", "Four. Five. Six."]


def lengths(result):
    return [None if d is None else len(d.sentences) for d in result]


@pytest.mark.parametrize("make", [list, tuple, np.array, lambda t: np.array(t, dtype=object), iter])
def test_sequences_give_lists(make):
    out = sy.segment_batch(make(TEXTS))
    assert isinstance(out, list)
    assert lengths(out) == [2, 1, 3]


def test_series_keeps_index_and_name():
    pd = pytest.importorskip("pandas")
    s = pd.Series(TEXTS, index=[10, 20, 30], name="body")
    out = sy.segment_batch(s)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [10, 20, 30] and out.name == "body"
    assert lengths(out) == [2, 1, 3]


def test_series_missing_values_give_none():
    pd = pytest.importorskip("pandas")
    s = pd.Series(["One. Two.", None, float("nan"), pd.NA, "Three."], dtype=object)
    assert lengths(sy.segment_batch(s)) == [2, None, None, None, 1]


def test_string_dtype_series():
    pd = pytest.importorskip("pandas")
    s = pd.Series(["One. Two.", None], dtype="string")
    assert lengths(sy.segment_batch(s)) == [2, None]


def test_empty_inputs():
    assert sy.segment_batch([]) == []
    pd = pytest.importorskip("pandas")
    assert len(sy.segment_batch(pd.Series([], dtype=object))) == 0


def test_results_match_single_calls():
    assert [d.to_dict() for d in sy.segment_batch(TEXTS, n_jobs=2)] == [sy.segment(t).to_dict() for t in TEXTS]


def test_single_text_is_a_type_error():
    with pytest.raises(TypeError, match="single text"):
        sy.segment_batch("One. Two.")


def test_bad_inputs():
    with pytest.raises(ValueError, match="1-D"):
        sy.segment_batch(np.array([["a", "b"]]))
    with pytest.raises(TypeError, match="dtype"):
        sy.segment_batch(np.arange(3))
    with pytest.raises(TypeError):
        sy.segment_batch(42)
    with pytest.raises(TypeError):
        sy.segment_batch(["fine", 3])
    with pytest.raises(ValueError, match="n_jobs"):
        sy.segment_batch(TEXTS, n_jobs=0)


def test_progress_bar_is_drawn_in_chunks(capsys):
    pytest.importorskip("tqdm")
    calls = []

    def batch(texts):
        calls.append(len(texts))
        return [t.upper() for t in texts]

    texts = [f"t{i}" for i in range(300)]
    out = _batch.run_batch(batch, texts, progress=True, n_jobs=1, desc="demo")
    assert out == [t.upper() for t in texts]
    assert len(calls) > 1 and sum(calls) == 300
    err = capsys.readouterr().err
    assert "demo" in err and "300/300" in err


def test_progress_off_is_one_call(capsys):
    calls = []
    _batch.run_batch(lambda xs: calls.append(len(xs)) or xs, ["a"] * 50, progress=False)
    assert calls == [50]
    assert capsys.readouterr().err == ""


def test_progress_auto_is_off_in_tests():
    assert _progress.is_interactive() is False
    assert _progress.wants_progress(None) is False
    assert _progress.wants_progress(False) is False


def test_resolve_threads():
    assert sy._core.resolve_threads(1) == 1
    assert sy._core.resolve_threads(-1) >= 1
    with pytest.raises(ValueError, match="n_jobs"):
        sy._core.resolve_threads(0)


ARTICLES = ["Rates rose on Monday. Analysts expect more rises. The bank said inflation is too high.",
            "Stocks fell in Tokyo. Bonds rallied. The yen was flat.",
            ""]


def feature_batches():
    """(name, batch function, per-text function, plain view) for every batch function."""
    out = [("segment", sy.segment_batch, sy.segment, lambda d: d.to_dict())]
    out.append(("summarize", lambda t, **k: sy.summarize_batch(t, sentences=1, **k),
                lambda t: sy.summarize(t, sentences=1), lambda s: s.to_dict()))
    out.append(("keywords", lambda t, **k: sy.keywords_batch(t, top=3, **k),
                lambda t: sy.keywords(t, top=3), lambda ks: [k.to_dict() for k in ks]))
    out.append(("stance", lambda t, **k: sy.stance_batch(t, target="interest rates", **k),
                lambda t: sy.StanceTagger("interest rates").tag(t), lambda r: r.to_dict()))
    return out


@pytest.mark.parametrize("name,batch,one,view", feature_batches(), ids=[f[0] for f in feature_batches()])
def test_every_batch_function_takes_every_shape(name, batch, one, view):
    expected = [view(one(t)) for t in ARTICLES]
    for shape in (list, tuple, np.array):
        out = batch(shape(ARTICLES), progress=False)
        assert isinstance(out, list) and [view(r) for r in out] == expected
    pd = pytest.importorskip("pandas")
    series = pd.Series(ARTICLES + [None], index=list("wxyz"), name="body")
    out = batch(series, progress=False)
    assert isinstance(out, pd.Series) and list(out.index) == list("wxyz") and out.name == "body"
    assert [view(r) for r in out[:3]] == expected and out["z"] is None
    assert [view(r) for r in batch(ARTICLES * 40, progress=True)] == expected * 40


@pytest.mark.parametrize("name,batch,one,view", feature_batches(), ids=[f[0] for f in feature_batches()])
def test_accessor_matches_batch(name, batch, one, view):
    pd = pytest.importorskip("pandas")
    series = pd.Series(ARTICLES, index=[3, 1, 2])
    accessor = {"segment": lambda s: s.synopsis.segment(),
                "summarize": lambda s: s.synopsis.summarize(sentences=1),
                "keywords": lambda s: s.synopsis.keywords(top=3),
                "stance": lambda s: s.synopsis.stance(target="interest rates")}[name]
    out = accessor(series)
    assert list(out.index) == [3, 1, 2]
    assert [view(r) for r in out] == [view(one(t)) for t in ARTICLES]


def test_results_to_frame():
    pd = pytest.importorskip("pandas")
    text = ARTICLES[0]
    assert list(sy.segment(text).to_frame("tokens").columns[:3]) == ["text", "start", "end"]
    assert list(sy.summarize(text, sentences=2).to_frame().columns) == ["index", "text", "start", "end", "score",
                                                                            "source_start", "source_end"]
    frame = sy.keywords(text, top=3).to_frame()
    assert isinstance(frame, pd.DataFrame) and "phrase" in frame.columns and len(frame) <= 3
    result = sy.StanceTagger("interest rates").tag(text)
    frame = result.to_frame()
    assert len(frame) == len(result.sentences) and {"label", "relevance", "text"} <= set(frame.columns)
    assert result.to_dict()["label"] == result.label


def test_import_does_not_import_pandas():
    import subprocess
    import sys

    code = ("import sys, synopsis; assert 'pandas' not in sys.modules, 'pandas imported';"
            "import pandas as pd; print(hasattr(pd.Series(['a']), 'synopsis'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True"


# Every batch function checks n_jobs first and the same way (the core's resolve_threads),
# with or without a progress bar and for an empty input too.
BATCH_FUNCTIONS = {
    "segment_batch": lambda texts, **kw: sy.segment_batch(texts, **kw),
    "summarize_batch": lambda texts, **kw: sy.summarize_batch(texts, **kw),
    "keywords_batch": lambda texts, **kw: sy.keywords_batch(texts, **kw),
    "stance_batch": lambda texts, **kw: sy.stance_batch(texts, "rates", **kw),
}


@pytest.mark.parametrize("name", sorted(BATCH_FUNCTIONS))
@pytest.mark.parametrize("texts", [[], ["Rates rose. Bonds fell."]], ids=["empty", "one"])
@pytest.mark.parametrize("progress", [False, True])
@pytest.mark.parametrize("n_jobs, error", [(None, TypeError), (1.5, TypeError), ("2", TypeError), (True, TypeError),
                                           (0, ValueError), (-10**6, ValueError), (2**40, ValueError)])
def test_every_batch_function_validates_n_jobs_alike(name, texts, progress, n_jobs, error):
    with pytest.raises(error, match="n_jobs"):
        BATCH_FUNCTIONS[name](texts, n_jobs=n_jobs, progress=progress)


@pytest.mark.parametrize("name", sorted(BATCH_FUNCTIONS))
def test_a_dict_is_refused_rather_than_its_keys_processed(name):
    with pytest.raises(TypeError, match=r"dict\.values\(\)"):
        BATCH_FUNCTIONS[name]({"id": "Rates rose. Bonds fell."}, progress=False)


@pytest.mark.parametrize("name", sorted(BATCH_FUNCTIONS))
def test_a_dataframe_is_refused_rather_than_its_column_names_processed(name):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"text": ["Rates rose. Bonds fell."]})
    with pytest.raises(TypeError, match=r"df\[col\]"):
        BATCH_FUNCTIONS[name](frame, progress=False)
