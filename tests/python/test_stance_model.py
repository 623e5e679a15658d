"""The compiled stance model, synopsis._core.StanceModel: labels, model files, pickling and
how its errors surface in Python."""

import os
import pathlib
import pickle
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from synopsis._core import StanceModel

TARGETS = ["volcano erupts near village", "bank raises interest rates", "team wins the final"] * 4
TEXTS = ["Officials confirmed the volcano erupts near the village.",
         "The bank denied raising rates; the story is a hoax.",
         "The weather was mild all week."] * 4
NAMES = ["agree", "disagree", "unrelated"] * 4


def small(**options) -> StanceModel:
    return StanceModel(**{"model": "logistic", "hash_bits": 8, "max_epochs": 3, **options})


@pytest.fixture(scope="module")
def fitted() -> StanceModel:
    m = small()
    m.fit(TARGETS, TEXTS, NAMES, n_jobs=1)
    return m


def test_string_labels_come_back_sorted_and_as_given(fitted):
    assert fitted.fitted and fitted.classes == ["agree", "disagree", "unrelated"]
    p = fitted.predict_proba(TARGETS, TEXTS)
    assert p.dtype == np.float32 and p.shape == (len(TARGETS), 3)
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    predicted = fitted.predict(TARGETS, TEXTS)
    assert predicted == [fitted.classes[j] for j in np.argmax(p, axis=1)]


def test_integer_labels_stay_integers_and_sort_numerically():
    m = small()
    report = m.fit(TARGETS, TEXTS, np.array([10, -3, 9] * 4))
    assert report["epochs"] >= 1
    assert m.classes == [-3, 9, 10] and all(type(c) is int for c in m.classes)
    assert all(type(v) is int for v in m.predict(TARGETS[:3], TEXTS[:3]))
    m.fit(TARGETS, TEXTS, [np.int8(2), 1, np.uint64(3)] * 4)
    assert m.classes == [1, 2, 3]
    assert StanceModel.from_bytes(m.to_bytes()).classes == [1, 2, 3]


@pytest.mark.parametrize("labels", [
    [True, False, True], [1.0, 2.0, 3.0], [None, "a", "b"], [("a",), ("b",), ("c",)], ["a", 1, "b"], [1, "a", 2],
    [b"a", b"b", b"c"], [np.bool_(True), np.bool_(False), np.bool_(True)], [np.float32(1), 2, 3],
])
def test_labels_of_other_or_mixed_kinds_are_type_errors(labels):
    with pytest.raises(TypeError, match="labels must be all str or all int"):
        small().fit(TARGETS[:3], TEXTS[:3], labels)


def test_bad_training_sets_are_value_errors(fitted):
    m = small()
    with pytest.raises(ValueError, match="two distinct labels"):
        m.fit(TARGETS, TEXTS, ["same"] * len(TARGETS))
    with pytest.raises(ValueError, match="same length"):
        m.fit(TARGETS, TEXTS, ["a", "b"])
    with pytest.raises(ValueError, match="same length"):
        m.fit(TARGETS, TEXTS[:-1], NAMES)
    with pytest.raises(ValueError, match="64 bits"):
        m.fit(TARGETS[:2], TEXTS[:2], [2**70, 1])
    with pytest.raises(TypeError):
        m.fit(TARGETS[:2], TEXTS[:2], "ab")
    with pytest.raises(ValueError, match="n_jobs"):
        m.fit(TARGETS, TEXTS, NAMES, n_jobs=0)
    assert not m.fitted


def test_invalid_text_is_refused_not_replaced(fitted):
    with pytest.raises(ValueError):
        small().fit(["\ud800"] + TARGETS[1:], TEXTS, NAMES)
    with pytest.raises(ValueError):
        small().fit(TARGETS, [b"\xff\xfe"] + TEXTS[1:], NAMES)
    with pytest.raises(ValueError):
        fitted.predict_proba(["target"], ["text \udcff"])
    with pytest.raises(ValueError):
        fitted.predict(["target"], [b"\xc3"])


def test_a_failed_fit_keeps_the_previous_model(fitted):
    m = small()
    m.fit(TARGETS, TEXTS, NAMES)
    before = m.to_bytes()
    with pytest.raises(ValueError):
        m.fit(TARGETS, TEXTS, ["one"] * len(TARGETS))
    assert m.to_bytes() == before


@pytest.mark.parametrize("options", [
    {"l2": float("inf")}, {"l2": 1e30}, {"l2": float("nan")}, {"learning_rate": 1e6}, {"learning_rate": float("inf")},
    {"learning_rate": float("nan")}, {"learning_rate": 0.0}, {"validation_fraction": float("nan")},
    {"max_epochs": 10**6}, {"batch_size": 0}, {"patience": 0}, {"hidden_units": 0}, {"hash_bits": 30},
])
def test_options_that_would_make_an_unusable_model_are_refused(options):
    with pytest.raises(ValueError, match=next(iter(options))):
        StanceModel(**options)


def test_bytes_round_trip_and_format_version(fitted):
    data = fitted.to_bytes()
    assert data[:8] == b"SYNSTNC\0" and int.from_bytes(data[8:12], "little") == StanceModel.format_version == 4
    for form in (data, bytearray(data), memoryview(data)):
        back = StanceModel.from_bytes(form)
        assert back.classes == fitted.classes and back.options == fitted.options
        assert np.array_equal(back.predict_proba(TARGETS, TEXTS), fitted.predict_proba(TARGETS, TEXTS))
    with pytest.raises(ValueError, match="not fitted"):
        small().to_bytes()
    with pytest.raises(TypeError):
        StanceModel.from_bytes("a str is not bytes")


def test_corrupt_data_says_what_is_wrong(fitted):
    data = fitted.to_bytes()
    cases = {
        b"PK\x03\x04 a zip file": "bad magic",
        data[:10]: "truncated header",
        data[:-1]: "truncated or padded",
        data + b"\0": "truncated or padded",
        data[:8] + (99).to_bytes(4, "little") + data[12:]: "version 99",
        data[:40] + bytes([data[40] ^ 0x10]) + data[41:]: "checksum",
        data[:-1] + bytes([data[-1] ^ 1]): "checksum",
    }
    for bad, message in cases.items():
        with pytest.raises(ValueError, match=message):
            StanceModel.from_bytes(bad)


def test_every_truncation_is_a_value_error(fitted):
    data = fitted.to_bytes()
    for n in range(0, len(data), max(1, len(data) // 300)):
        with pytest.raises(ValueError):
            StanceModel.from_bytes(data[:n])


def test_files_save_load_and_os_errors(fitted, tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"an older file")
    fitted.save(path)
    fitted.save(str(path))
    assert StanceModel.load(path).classes == fitted.classes
    assert StanceModel.load(str(path)).to_bytes() == fitted.to_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.bin"]  # no temporary left
    with pytest.raises(FileNotFoundError, match="absent.bin"):
        StanceModel.load(tmp_path / "absent.bin")
    with pytest.raises(FileNotFoundError, match="folder.bin"):
        fitted.save(tmp_path / "no" / "folder.bin")
    with pytest.raises(IsADirectoryError):
        StanceModel.load(tmp_path)
    (tmp_path / "bad.bin").write_bytes(b"SYNSTNC\0 not really")
    with pytest.raises(ValueError, match="bad.bin"):
        StanceModel.load(tmp_path / "bad.bin")
    with pytest.raises(ValueError, match="not fitted"):
        small().save(tmp_path / "unfitted.bin")


SAVE_FOREVER = """
import sys
from synopsis._core import StanceModel
m = StanceModel.load(sys.argv[1])
print("ready", flush=True)
while True:
    m.save(sys.argv[1])
"""


def test_killing_a_save_never_loses_the_model(tmp_path):
    """SIGKILL at arbitrary points of repeated saves: the file always loads whole."""
    m = StanceModel(model="mlp", hash_bits=14, hidden_units=32, max_epochs=1)  # a file of some MB
    m.fit(TARGETS, TEXTS, NAMES)
    path = tmp_path / "model.bin"
    m.save(path)
    expected = m.to_bytes()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for delay in (0.05, 0.13, 0.21, 0.37):
        child = subprocess.Popen([sys.executable, "-c", SAVE_FOREVER, str(path)], stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert StanceModel.load(path).to_bytes() == expected
    # A killed save may leave its temporary file; never the model file half written.
    assert (tmp_path / "model.bin").exists()


def test_pickle_fitted_and_unfitted(fitted):
    for m in (fitted, small(l2=0.5, seed=7)):
        back = pickle.loads(pickle.dumps(m))
        assert back.fitted == m.fitted and back.classes == m.classes and back.options == m.options


@pytest.mark.parametrize("state", [b"junk", {"l2": float("inf")}, {"nope": 1}, {"l2": "x"}, {1: 2}, 42, None, [1]])
def test_bad_pickle_states_raise_and_leave_an_unusable_object(state):
    m = StanceModel.__new__(StanceModel)
    with pytest.raises(ValueError):
        m.__setstate__(state)
    for use in (lambda: m.fitted, lambda: m.classes, lambda: m.options, lambda: m.to_bytes(),
                lambda: m.predict(["a"], ["b"]), lambda: m.fit(TARGETS, TEXTS, NAMES), lambda: pickle.dumps(m)):
        with pytest.raises(TypeError, match="never initialised"):
            use()


def test_path_like_objects_are_accepted(fitted, tmp_path):
    fitted.save(pathlib.PurePath(tmp_path / "m.bin").__fspath__())
    assert StanceModel.load(os.fsencode(tmp_path / "m.bin")).classes == fitted.classes
