"""``synopsis.StanceClassifier``: the core's trainable stance model with the scikit-learn contract.

Learning and inference run in the C++ core (``synopsis._core.StanceModel``); this module adapts
inputs (lists of pairs, DataFrames) and implements ``get_params``/``set_params``/``fit``/
``predict``/``predict_proba``/``score``/``classes_`` without importing scikit-learn, so the
estimator works in ``Pipeline`` and ``cross_val_score`` when scikit-learn is installed, and
without it otherwise.
"""

from __future__ import annotations

import json
import os
from typing import Any, Sequence

import numpy as np

from . import _core

_PARAMS = (
    "model",
    "hidden_units",
    "hash_bits",
    "max_epochs",
    "batch_size",
    "learning_rate",
    "l2",
    "validation_fraction",
    "patience",
    "class_weight",
    "seed",
    "language",
    "n_jobs",
)


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
    """Stance of (target, text) pairs, learnt from labelled pairs (any label set, e.g. FNC-1's).

    Parameters
    ----------
    model : "mlp" (one hidden layer, ReLU) or "logistic" (multinomial logistic regression).
    hidden_units : width of the MLP's hidden layer.
    hash_bits : 2**hash_bits hashed TF-IDF buckets for each of target and text.
    max_epochs, batch_size, learning_rate, l2 : Adam mini-batch training.
    validation_fraction, patience : early stopping on a held-out fraction (0 disables it).
    class_weight : "sqrt" (square root of balanced), "balanced" or "none".
    seed : fixes the split, the initialisation and the batch order.
    language : language of the texts (segmentation, stopwords, stems).
    n_jobs : threads for feature extraction and prediction (-1: all cores).

    Example
    -------
    >>> clf = StanceClassifier(model="logistic").fit(pairs, labels)     # doctest: +SKIP
    >>> clf.predict([("Armenia leaves the CSTO", article)])             # doctest: +SKIP
    """

    _estimator_type = "classifier"

    def __init__(
        self,
        model: str = "mlp",
        hidden_units: int = 64,
        hash_bits: int = 14,
        max_epochs: int = 15,
        batch_size: int = 128,
        learning_rate: float = 2e-3,
        l2: float = 1e-6,
        validation_fraction: float = 0.1,
        patience: int = 3,
        class_weight: str = "sqrt",
        seed: int = 0,
        language: str = "en",
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
        defaults = type(self)().get_params()
        changed = [f"{k}={v!r}" for k, v in self.get_params().items() if v != defaults[k]]
        return f"StanceClassifier({', '.join(changed)})"

    # -- learning ------------------------------------------------------------------------
    def _new_model(self) -> Any:
        return _core.StanceModel(
            model=self.model,
            hidden_units=int(self.hidden_units),
            hash_bits=int(self.hash_bits),
            max_epochs=int(self.max_epochs),
            batch_size=int(self.batch_size),
            learning_rate=float(self.learning_rate),
            l2=float(self.l2),
            validation_fraction=float(self.validation_fraction),
            patience=int(self.patience),
            class_weight=str(self.class_weight),
            seed=int(self.seed),
            language=str(self.language),
        )

    def fit(self, X: Any, y: Sequence[Any]) -> "StanceClassifier":
        """Learns from pairs X (list of (target, text), or DataFrame with target/text) and labels y."""
        targets, texts = _pairs(X)
        y = list(y.tolist() if hasattr(y, "tolist") else y)
        if len(y) != len(targets):
            raise ValueError(f"X has {len(targets)} pairs but y has {len(y)} labels")
        if not y:
            raise ValueError("cannot fit on an empty training set")
        classes = np.unique(np.asarray(y, dtype=object).astype(str))
        if len(classes) < 2:
            raise ValueError("fit needs at least two distinct labels")
        index = {c: i for i, c in enumerate(classes)}
        labels = [index[str(v)] for v in y]
        model = self._new_model()
        self.training_report_ = model.fit(targets, texts, labels, [str(c) for c in classes], n_jobs=int(self.n_jobs))
        self._model = model
        self._class_values = self._original_values(y, classes)
        return self

    @staticmethod
    def _original_values(y: list, classes: np.ndarray) -> np.ndarray:
        """classes_ in the label type the user gave (str labels stay str, ints stay ints)."""
        first: dict[str, Any] = {}
        for v in y:
            first.setdefault(str(v), v)
        return np.asarray([first[c] for c in classes])

    @property
    def classes_(self) -> np.ndarray:
        self._check_fitted()
        return self._class_values

    def _check_fitted(self) -> None:
        if getattr(self, "_model", None) is None:
            raise _not_fitted_error()

    def predict_proba(self, X: Any) -> np.ndarray:
        """(n, len(classes_)) class probabilities."""
        self._check_fitted()
        targets, texts = _pairs(X)
        if not targets:
            return np.zeros((0, len(self._class_values)), dtype=np.float32)
        return self._model.predict_proba(targets, texts, n_jobs=int(self.n_jobs))

    def predict(self, X: Any) -> np.ndarray:
        proba = self.predict_proba(X)
        return self._class_values[np.argmax(proba, axis=1)] if len(proba) else self._class_values[:0]

    def score(self, X: Any, y: Sequence[Any], sample_weight: Any = None) -> float:
        """Mean accuracy, as scikit-learn classifiers report it."""
        pred = self.predict(X)
        truth = np.asarray(list(y))
        correct = (pred.astype(str) == truth.astype(str)).astype(float)
        if sample_weight is None:
            return float(correct.mean()) if len(correct) else 0.0
        w = np.asarray(sample_weight, dtype=float)
        return float((correct * w).sum() / w.sum())

    # -- persistence -----------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The model's versioned binary form (with the label values and n_jobs)."""
        self._check_fitted()
        meta = json.dumps({"classes": self._class_values.tolist(), "n_jobs": self.n_jobs}).encode("utf-8")
        return _MAGIC + len(meta).to_bytes(4, "little") + meta + self._model.to_bytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "StanceClassifier":
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("from_bytes expects bytes")
        data = bytes(data)
        if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
            raise ValueError("not a synopsis StanceClassifier file (bad magic bytes)")
        n = int.from_bytes(data[len(_MAGIC) : len(_MAGIC) + 4], "little")
        start = len(_MAGIC) + 4
        try:
            meta = json.loads(data[start : start + n].decode("utf-8"))
            values = meta["classes"]
        except (ValueError, KeyError, TypeError):
            raise ValueError("corrupt StanceClassifier file: bad header") from None
        model = _core.StanceModel.from_bytes(data[start + n :])
        if len(values) != len(model.classes) or [str(v) for v in values] != list(model.classes):
            raise ValueError("corrupt StanceClassifier file: class list mismatch")
        opts = _options_of(model)
        self = cls(**opts, n_jobs=meta.get("n_jobs", -1))
        self._model = model
        self._class_values = np.asarray(values)
        return self

    def save(self, path: str | os.PathLike) -> None:
        """Writes the model to a file (see to_bytes)."""
        data = self.to_bytes()
        with open(path, "wb") as fh:
            fh.write(data)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "StanceClassifier":
        """Reads a model written by save(); ValueError for a corrupt or foreign file."""
        with open(path, "rb") as fh:
            return cls.from_bytes(fh.read())

    def __getstate__(self) -> dict:
        state: dict[str, Any] = {"params": self.get_params()}
        if getattr(self, "_model", None) is not None:
            state["model"] = self.to_bytes()
            state["training_report"] = getattr(self, "training_report_", None)
        return state

    def __setstate__(self, state: dict) -> None:
        StanceClassifier.__init__(self, **state["params"])
        if "model" in state:
            fitted = type(self).from_bytes(state["model"])
            self._model = fitted._model
            self._class_values = fitted._class_values
            if state.get("training_report") is not None:
                self.training_report_ = state["training_report"]


_MAGIC = b"SYNSTCLF"


def _options_of(model: Any) -> dict:
    """Hyperparameters stored in a C++ model's serialised form."""
    return dict(getattr(model, "options", {}))


def _not_fitted_error() -> Exception:
    try:
        from sklearn.exceptions import NotFittedError
    except ImportError:  # scikit-learn is optional
        return ValueError("this StanceClassifier is not fitted yet: call fit first")
    return NotFittedError("this StanceClassifier is not fitted yet: call fit first")
