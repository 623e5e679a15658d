"""StanceClassifier(encoder=...): text vectors from a semantic encoder as features."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import synopsis as sy
from synopsis._core import StanceModel
from test_transformer import make_tiny_model
from test_transformer import minilm as minilm_folder  # noqa: F401 (a fixture: the model folder, or a skip)

# Opinions about targets in two vocabularies: the model learns from the first and is asked
# about the second, whose words it never saw; only meaning links the two.
SEEN = {
    "favor": ["wonderful", "excellent", "great", "superb", "brilliant", "fantastic", "marvellous", "splendid",
              "terrific", "admirable", "outstanding", "delightful"],
    "against": ["terrible", "awful", "horrible", "dreadful", "appalling", "atrocious", "disgraceful", "abysmal",
                "lousy", "rotten", "shameful", "pathetic"],
}
UNSEEN = {
    "favor": ["magnificent", "superior", "first-rate", "exceptional", "lovely", "praiseworthy"],
    "against": ["deplorable", "vile", "wretched", "shoddy", "disastrous", "woeful"],
}
TARGETS = ["the new park", "the tax cut", "remote work", "the bike lanes", "the merger", "school uniforms"]


def pairs(words: dict) -> tuple[list, list]:
    X, y = [], []
    for label, adjectives in words.items():
        for t in TARGETS:
            for adjective in adjectives:
                X.append((t, f"In my view {t} is {adjective}."))
                y.append(label)
    return X, y


@pytest.fixture(scope="module")
def minilm(minilm_folder):
    return sy.TransformerEncoder(minilm_folder)


@pytest.fixture(scope="module")
def static(tmp_path_factory):
    """A StaticEncoder distilled from a tiny random BERT: vectors without meaning, quickly."""
    tiny = sy.TransformerEncoder(make_tiny_model(tmp_path_factory.mktemp("tiny")))
    return sy.StaticEncoder.distill(tiny, ["the storm hit the coast.", "rain on monday"] * 5, dimensions=8)


@pytest.fixture(scope="module")
def trained(minilm):
    X, y = pairs(SEEN)
    options = dict(model="logistic", features="words", validation_fraction=0.0)
    words = sy.StanceClassifier(**options).fit(X, y)
    meaning = sy.StanceClassifier(**options, encoder=minilm).fit(X, y)
    return words, meaning


def test_text_vectors_carry_opinions_to_words_never_seen(trained):
    words, meaning = trained
    X, y = pairs(UNSEEN)
    assert meaning.score(X, y) >= 0.75
    assert meaning.score(X, y) >= words.score(X, y) + 0.2
    assert meaning._model.text_vectors == {"encoder": "transformer", "dimension": 384}
    assert words._model.text_vectors is None


def test_model_files_need_the_encoder_again(trained, minilm, tmp_path):
    _, meaning = trained
    X, _ = pairs(UNSEEN)
    expected = meaning.predict_proba(X)
    path = tmp_path / "stance.model"
    meaning.save(path)
    with pytest.raises(ValueError, match="'transformer' encoder of dimension 384: pass it as encoder="):
        sy.StanceClassifier.load(path)
    back = sy.StanceClassifier.load(path, encoder=minilm)
    assert back.encoder is minilm
    np.testing.assert_array_equal(back.predict_proba(X), expected)
    np.testing.assert_array_equal(sy.StanceClassifier.from_bytes(meaning.to_bytes(), encoder=minilm).predict_proba(X),
                                  expected)
    # The core model loaded alone says what it needs when asked to predict.
    core = StanceModel.from_bytes(meaning.to_bytes())
    with pytest.raises(ValueError, match="'transformer' encoder of dimension 384"):
        core.predict_proba(["the merger"], ["Great news."])


def test_another_encoder_is_refused(trained, minilm, static):
    words, meaning = trained
    with pytest.raises(ValueError, match="'transformer' encoder of dimension 384, not a 'static' encoder"):
        sy.StanceClassifier.from_bytes(meaning.to_bytes(), encoder=static)
    with pytest.raises(ValueError, match="reads no text vectors"):
        sy.StanceClassifier.from_bytes(words.to_bytes(), encoder=minilm)
    for lexical in ("tfidf", sy.TfidfEncoder()):
        with pytest.raises(TypeError, match="TransformerEncoder or a StaticEncoder"):
            sy.StanceClassifier(encoder=lexical).fit(*pairs(SEEN))


def test_pickles_keep_the_encoder(trained):
    _, meaning = trained
    X, _ = pairs(UNSEEN)
    back = pickle.loads(pickle.dumps(meaning))
    assert back.encoder is not None and back.encoder.path == meaning.encoder.path
    np.testing.assert_allclose(back.predict_proba(X), meaning.predict_proba(X), atol=1e-6)
    core = pickle.loads(pickle.dumps(meaning._model))
    np.testing.assert_allclose(core.predict_proba(*zip(*X)), meaning.predict_proba(X), atol=1e-6)
    unfitted = pickle.loads(pickle.dumps(sy.StanceClassifier(encoder=meaning.encoder)))
    assert unfitted.encoder.path == meaning.encoder.path
    assert "encoder=TransformerEncoder(" in repr(meaning)


def test_static_encoder_vectors_work_too(static, tmp_path):
    X, y = pairs(SEEN)
    clf = sy.StanceClassifier(model="logistic", features="words", validation_fraction=0.0, max_epochs=60,
                              learning_rate=0.01, encoder=static).fit(X, y)
    assert clf._model.text_vectors == {"encoder": "static", "dimension": 8}
    assert clf.score(X, y) >= 0.9
    static.save(tmp_path / "static.bin")
    again = sy.StaticEncoder.load(tmp_path / "static.bin")
    back = sy.StanceClassifier.from_bytes(clf.to_bytes(), encoder=again)
    np.testing.assert_array_equal(back.predict_proba(X), clf.predict_proba(X))
