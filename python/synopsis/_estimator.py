"""``synopsis.StanceClassifier``: the core's trainable stance model with the scikit-learn contract.

Learning, inference, label handling and the model file run in the C++ core
(``synopsis._core.StanceModel``); this module adapts inputs (lists of pairs, DataFrames) and
implements ``get_params``/``set_params``/``fit``/``predict``/``predict_proba``/``score``/
``classes_`` without importing scikit-learn, so the estimator works in ``Pipeline`` and
``cross_val_score`` when scikit-learn is installed, and without it otherwise.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

import numpy as np

from . import _core

# The core's defaults, read once: the estimator's parameters are the model's options plus the
# encoder and n_jobs.
_DEFAULTS: dict[str, Any] = _core.StanceModel().options
_PARAMS = (*_DEFAULTS, "encoder", "n_jobs")


def _pairs(X: Any) -> tuple[list, list]:
    """(targets, texts) from a list of pairs, an (n, 2) array, or a DataFrame with target/text."""
    columns = getattr(X, "columns", None)
    if columns is not None:
        if "target" not in columns or "text" not in columns:
            raise ValueError("a DataFrame X needs the columns 'target' and 'text'")
        return list(X["target"]), list(X["text"])
    if isinstance(X, (str, bytes)):
        raise TypeError("X must be a sequence of (target, text) pairs, not a single string")
    try:
        rows = list(X)
    except TypeError:
        raise TypeError("X must be a sequence of (target, text) pairs or a DataFrame") from None
    targets, texts = [], []
    for i, row in enumerate(rows):
        try:
            target, text = row
        except (TypeError, ValueError):
            raise ValueError(f"X[{i}] is not a (target, text) pair") from None
        targets.append(target)
        texts.append(text)
    return targets, texts


class StanceClassifier:
    """Stance of (target, text) pairs, learnt from labelled pairs (any label set of str or of int,
    e.g. FNC-1's agree / disagree / discuss / unrelated).

    String labels are case-insensitive and come back lowercase, the convention of the whole
    stance API (``StanceTagger`` labels are lowercase too): trained on "FAVOR", the model
    predicts "favor". Give scikit-learn scorers lowercase ``y``; ``score`` lowercases it itself.

    Parameters
    ----------
    model : "auto" (the default: both below trained on the same split, the one with the better
        macro-F1 on the held-out pairs kept), "mlp" (one hidden layer, ReLU) or "logistic"
        (multinomial logistic regression).
    hidden_units : width of the MLP's hidden layer.
    hash_bits : 2**hash_bits hashed TF-IDF buckets for each of target and text.
    max_epochs, batch_size, learning_rate, l2 : Adam mini-batch training.
    validation_fraction, patience : early stopping on a held-out fraction (0 disables it); the
        held-out pairs also judge ``"auto"``. When most targets have few pairs (median under 15)
        whole targets are held out.
    class_weight : "sqrt" (square root of balanced), "balanced" or "none".
    seed : fixes the split, the initialisation and the batch order.
    language : language of the texts (segmentation, stopwords, stems).
    features : "auto" (the default: the feature set with the best macro-F1 on the held-out
        ``validation_fraction`` of the training pairs, among those below), "words" (hashed
        TF-IDF of target and text stems plus the pair features: overlap, cues, relevance),
        "ngrams" (also the text's word 1-3-grams and character 2-5-grams) or "target_ngrams"
        (also those n-grams per target: learns what signals a stance towards each target even
        when the text never names it). "auto" tries the n-gram sets when the median text is at
        most 1,000 bytes (tweets, comments, sentences) and at least 50 pairs are held out.
        ``features_`` tells the choice after fit.
    ngram_bits : 2**ngram_bits hashed buckets for each n-gram block.
    per_target : one model per target seen in training (at least 30 pairs with two or more
        labels), plus one over all pairs for the other targets.
    encoder : None (the default) or a semantic encoder, ``TransformerEncoder`` or
        ``StaticEncoder``: its text vectors become features too (target-text cosine and the
        relevance profile by meaning, the text's lean towards statements for and against the
        target, the text's vector and its element-wise product with the target's). The model
        file records which encoder it was (name, dimension, its vector of a probe sentence) but
        not the encoder itself: give it again to ``load``/``from_bytes``. Pickles keep it (a
        TransformerEncoder pickles as its folder path).
    n_jobs : threads for feature extraction and prediction (-1: all cores).

    The defaults are the core's (``StanceClassifierOptions`` in ``synopsis/classifier.hpp``).

    Example
    -------
    >>> import synopsis as sy
    >>> X = [("rates rise", "Rates rose, the bank said."), ("rates rise", "It rained.")] * 4
    >>> clf = sy.StanceClassifier(model="logistic").fit(X, ["agree", "unrelated"] * 4)
    >>> clf.classes_.tolist()
    ['agree', 'unrelated']
    """

    _estimator_type = "classifier"

    def __init__(
        self,
        model: str = _DEFAULTS["model"],
        hidden_units: int = _DEFAULTS["hidden_units"],
        hash_bits: int = _DEFAULTS["hash_bits"],
        max_epochs: int = _DEFAULTS["max_epochs"],
        batch_size: int = _DEFAULTS["batch_size"],
        learning_rate: float = _DEFAULTS["learning_rate"],
        l2: float = _DEFAULTS["l2"],
        validation_fraction: float = _DEFAULTS["validation_fraction"],
        patience: int = _DEFAULTS["patience"],
        class_weight: str = _DEFAULTS["class_weight"],
        seed: int = _DEFAULTS["seed"],
        language: str = _DEFAULTS["language"],
        features: str = _DEFAULTS["features"],
        ngram_bits: int = _DEFAULTS["ngram_bits"],
        per_target: bool = _DEFAULTS["per_target"],
        encoder: Any = None,
        n_jobs: int = -1,
    ) -> None:
        self.model = model
        self.hidden_units = hidden_units
        self.hash_bits = hash_bits
        self.max_epochs = max_epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.l2 = l2
        self.validation_fraction = validation_fraction
        self.patience = patience
        self.class_weight = class_weight
        self.seed = seed
        self.language = language
        self.features = features
        self.ngram_bits = ngram_bits
        self.per_target = per_target
        self.encoder = encoder
        self.n_jobs = n_jobs

    # -- scikit-learn parameter protocol -------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> "StanceClassifier":
        for name, value in params.items():
            if name not in _PARAMS:
                raise ValueError(f"invalid parameter {name!r} for StanceClassifier; valid: {', '.join(_PARAMS)}")
            setattr(self, name, value)
        return self

    def __sklearn_tags__(self):  # scikit-learn >= 1.6 asks estimators for their tags
        from sklearn.utils import ClassifierTags, Tags, TargetTags

        tags = Tags(estimator_type="classifier", target_tags=TargetTags(required=True),
                    classifier_tags=ClassifierTags())
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.non_deterministic = False
        return tags

    def __sklearn_clone__(self) -> "StanceClassifier":
        return type(self)(**self.get_params())

    def __repr__(self) -> str:
        defaults = {**_DEFAULTS, "encoder": None, "n_jobs": -1}
        changed = [f"{k}={v!r}" for k, v in self.get_params().items() if v is not defaults[k] and v != defaults[k]]
        return f"StanceClassifier({', '.join(changed)})"

    # -- learning ------------------------------------------------------------------------
    def fit(self, X: Any, y: Sequence[Any]) -> "StanceClassifier":
        """Learns from pairs X (list of (target, text), or DataFrame with target/text) and labels y
        (all str or all int)."""
        targets, texts = _pairs(X)
        labels = y.tolist() if hasattr(y, "tolist") else list(y)
        options = {name: getattr(self, name) for name in _DEFAULTS}
        model = _core.StanceModel(**options, encoder=self.encoder)
        self.training_report_ = model.fit(targets, texts, labels, n_jobs=self.n_jobs)
        self._model = model
        return self

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self._fitted().classes)

    @property
    def features_(self) -> str:
        """The feature set the fitted model uses (the choice when ``features="auto"``)."""
        return self._fitted().options["features"]

    def _fitted(self) -> Any:
        model = getattr(self, "_model", None)
        if model is None:
            raise _not_fitted_error()
        return model

    def predict_proba(self, X: Any) -> np.ndarray:
        """(n, len(classes_)) class probabilities, float32."""
        model = self._fitted()
        targets, texts = _pairs(X)
        return model.predict_proba(targets, texts, n_jobs=self.n_jobs)

    def predict(self, X: Any) -> np.ndarray:
        """The most probable label of each pair, as an array of the training labels' type."""
        model = self._fitted()
        targets, texts = _pairs(X)
        return np.asarray(model.predict(targets, texts, n_jobs=self.n_jobs), dtype=self.classes_.dtype)

    def score(self, X: Any, y: Sequence[Any], sample_weight: Any = None) -> float:
        """Mean accuracy, as scikit-learn classifiers report it."""
        # str labels are case-insensitive: the model predicts them lowercase
        gold = np.asarray([v.lower() if isinstance(v, str) else v for v in y])
        correct = (self.predict(X) == gold).astype(float)
        if sample_weight is None:
            return float(correct.mean()) if len(correct) else 0.0
        w = np.asarray(sample_weight, dtype=float)
        return float((correct * w).sum() / w.sum())

    # -- persistence: the core's model file, which carries the options and the labels -------
    def to_bytes(self) -> bytes:
        """The model's versioned binary form (options, labels, weights, checksum)."""
        return self._fitted().to_bytes()

    @classmethod
    def _from_model(cls, model: Any, encoder: Any) -> "StanceClassifier":
        if encoder is not None:
            model.set_encoder(encoder)
        elif model.text_vectors is not None:
            need = model.text_vectors
            raise ValueError(f"this stance model reads text vectors from a {need['encoder']!r} encoder of dimension "
                             f"{need['dimension']}: pass it as encoder=")
        self = cls(**model.options, encoder=encoder)
        self._model = model
        return self

    @classmethod
    def from_bytes(cls, data: bytes, encoder: Any = None) -> "StanceClassifier":
        """Reads to_bytes() output; ValueError for corrupt or foreign data. A model trained with
        an encoder needs the same one here (ValueError otherwise)."""
        return cls._from_model(_core.StanceModel.from_bytes(data), encoder)

    def save(self, path: str | os.PathLike) -> None:
        """Writes the model to a file, atomically (an interrupted save leaves the old file)."""
        self._fitted().save(path)

    @classmethod
    def load(cls, path: str | os.PathLike, encoder: Any = None) -> "StanceClassifier":
        """Reads a model written by save(); ValueError for a corrupt or foreign file. A model
        trained with an encoder needs the same one here (ValueError otherwise)."""
        return cls._from_model(_core.StanceModel.load(path), encoder)

    def __getstate__(self) -> dict:
        state: dict[str, Any] = {"params": self.get_params()}
        if getattr(self, "_model", None) is not None:
            state["model"] = self.to_bytes()
            state["training_report"] = getattr(self, "training_report_", None)
        return state

    def __setstate__(self, state: dict) -> None:
        StanceClassifier.__init__(self, **state["params"])
        if "model" in state:
            self._model = _core.StanceModel.from_bytes(state["model"])
            if self.encoder is not None:
                self._model.set_encoder(self.encoder)
            if state.get("training_report") is not None:
                self.training_report_ = state["training_report"]


def _not_fitted_error() -> Exception:
    try:
        from sklearn.exceptions import NotFittedError
    except ImportError:  # scikit-learn is optional
        return ValueError("this StanceClassifier is not fitted yet: call fit first")
    return NotFittedError("this StanceClassifier is not fitted yet: call fit first")
