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


def test_resolve_jobs():
    assert _batch.resolve_jobs(1) == 1
    assert _batch.resolve_jobs(-1) >= 1
