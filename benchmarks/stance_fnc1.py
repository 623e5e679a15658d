"""Stance detection on FNC-1 (headline, body) pairs: FNC score, macro-F1, per-class F1, speed.

Data: stance/fnc1_train_bodies.jsonl and stance/fnc1_train_stances.jsonl (the FNC-1 training
set; its separate competition test set is not part of the shared data). The bodies are
shuffled with a fixed seed and split 80/20 (``--seed``, ``--train-fraction``); every pair goes
with its body, so no body is on both sides. ``--limit N`` keeps the first N bodies.

Scores on the held-out pairs:
* FNC relative score: +0.25 when related/unrelated is right, +0.75 more when a related pair's
  exact label (agree, disagree, discuss) is right, divided by the best possible score
  (always predicting "unrelated" earns about 0.4 of it);
* macro-F1 over the four classes, F1 per class, and a confusion matrix per system;
* training seconds (feature extraction included) and prediction pairs/second.

Systems:
(a) the official FNC-1 baseline recipe, re-implemented from its description with
    scikit-learn: word-overlap (Jaccard of word sets), refuting-word indicators, polarity
    parities, and "hand" co-occurrence features (headline words, character n-grams and word
    n-grams found in the body and in its first 255 characters), fed to
    GradientBoostingClassifier(n_estimators=200). The recipe lemmatises with WordNet, an NLTK
    download; Porter stems stand in for the lemmas here.
(b) TF-IDF vectors of headline and body plus their cosine, LogisticRegression.
(c) synopsis zero-shot: StanceTagger(target=headline, scheme="fnc").tag(body).label, one
    tagger per distinct headline.
(d), (e) synopsis.StanceClassifier(model="logistic") and (model="mlp"), fit on the training
    pairs [(headline, body)] and their labels;
(f) synopsis.StanceClassifier() with its defaults (model="auto", features="auto": the model
    and feature set with the best macro-F1 on the 10% it holds out of the training pairs).
(g) for each --encoder given (tfidf, minilm-int8, a model folder, a StaticEncoder file; see
    _common.load_encoder): with "zeroshot" among --systems, the zero-shot tagger with that encoder for relevance, its
    related_threshold fitted on --fit-pairs training pairs (the threshold on document
    relevance that maximises their FNC score; each encoder's cosines have their own scale);
    with "default" among --systems and a semantic encoder, also StanceClassifier(encoder=...)
    (its defaults plus the encoder's text vectors as features).

Example:
    python benchmarks/stance_fnc1.py
    python benchmarks/stance_fnc1.py --limit 300 --systems tfidf,zeroshot
    python benchmarks/stance_fnc1.py --limit 400 --systems zeroshot --encoder tfidf --encoder minilm-int8
    python benchmarks/stance_fnc1.py --systems default --encoder minilm-int8
"""

from __future__ import annotations

import random
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from _common import add_encoder_option, load_encoder, load_jsonl, make_parser, markdown_table

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = {"agree", "disagree", "discuss"}
Pair = tuple[str, str]  # (headline, body)


# --- data --------------------------------------------------------------------------------
def load_split(data_dir, limit: int | None, seed: int, train_fraction: float):
    bodies = {row["body_id"]: row["body"]
              for row in load_jsonl(data_dir, "stance/fnc1_train_bodies.jsonl", limit)}
    stances = [row for row in load_jsonl(data_dir, "stance/fnc1_train_stances.jsonl")
               if row["body_id"] in bodies]
    body_ids = sorted(bodies)
    random.Random(seed).shuffle(body_ids)
    train_ids = set(body_ids[: int(round(train_fraction * len(body_ids)))])

    def pairs(rows):
        rows = list(rows)
        return [(row["headline"], bodies[row["body_id"]]) for row in rows], [row["stance"] for row in rows]

    train = pairs(row for row in stances if row["body_id"] in train_ids)
    test = pairs(row for row in stances if row["body_id"] not in train_ids)
    return train, test, len(train_ids), len(bodies) - len(train_ids)


# --- scores ------------------------------------------------------------------------------
def fnc_relative_score(gold: list[str], predicted: list[str]) -> float:
    score = best = 0.0
    for g, p in zip(gold, predicted):
        best += 1.0 if g in RELATED else 0.25
        if (g in RELATED) == (p in RELATED):
            score += 0.25
            if g in RELATED and g == p:
                score += 0.75
    return score / best


def scores(gold: list[str], predicted: list[str]) -> dict:
    from sklearn.metrics import confusion_matrix, f1_score

    per_class = f1_score(gold, predicted, labels=list(LABELS), average=None, zero_division=0)
    return {
        "fnc": fnc_relative_score(gold, predicted),
        "macro_f1": float(np.mean(per_class)),
        "per_class": dict(zip(LABELS, per_class)),
        "confusion": confusion_matrix(gold, predicted, labels=list(LABELS)),
    }


# --- (a) the FNC-1 baseline recipe ---------------------------------------------------------
REFUTING_WORDS = ("fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope",
                  "doubt", "doubts", "bogus", "debunk", "pranks", "retract")
CHAR_GRAM_SIZES = (2, 4, 8, 16)
WORD_GRAM_SIZES = (2, 3, 4, 5, 6)
INTRO_CHARS = 255
_WORD = re.compile(r"\w+")


class BaselineFeatures:
    """Hand-made pair features of the FNC-1 baseline recipe (40 columns)."""

    def __init__(self):
        from nltk.stem import PorterStemmer
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        self._stop_words = ENGLISH_STOP_WORDS
        self._stem = lru_cache(maxsize=None)(PorterStemmer().stem)
        self._texts: dict[str, dict] = {}

    def _prepare(self, text: str) -> dict:
        """Tokens and derived views of a headline or body, computed once per distinct text."""
        cached = self._texts.get(text)
        if cached is None:
            words = _WORD.findall(text.lower())
            joined = " ".join(words)
            intro_words = _WORD.findall(text[:INTRO_CHARS].lower())
            cached_set = set(words)
            cached = {
                "words": words,
                "stems": {self._stem(word) for word in words},
                "joined": joined,
                "intro": " ".join(intro_words),
                "word_set": cached_set,
                "intro_set": set(intro_words),
                "refuting": [word in cached_set for word in REFUTING_WORDS],
            }
            self._texts[text] = cached
        return cached

    def pair(self, headline: str, body: str) -> list[float]:
        h, b = self._prepare(headline), self._prepare(body)
        union = h["stems"] | b["stems"]
        overlap = len(h["stems"] & b["stems"]) / len(union) if union else 0.0
        polarity = [sum(h["refuting"]) % 2, sum(b["refuting"]) % 2]
        content = [w for w in h["words"] if w not in self._stop_words]
        cooccurrence = [
            sum(w in b["word_set"] for w in h["words"]), sum(w in b["intro_set"] for w in h["words"]),
            sum(w in b["word_set"] for w in content), sum(w in b["intro_set"] for w in content),
        ]
        char_grams = []
        for n in CHAR_GRAM_SIZES:
            grams = {h["joined"][i:i + n] for i in range(len(h["joined"]) - n + 1)}
            char_grams += [sum(g in b["joined"] for g in grams), sum(g in b["intro"] for g in grams)]
        word_grams = []
        for n in WORD_GRAM_SIZES:
            grams = {" ".join(h["words"][i:i + n]) for i in range(len(h["words"]) - n + 1)}
            # pad with spaces so that a gram matches whole words only
            word_grams += [sum(f" {g} " in f" {b['joined']} " for g in grams),
                           sum(f" {g} " in f" {b['intro']} " for g in grams)]
        return [overlap, *map(float, h["refuting"]), *polarity, *cooccurrence, *char_grams, *word_grams]

    def transform(self, pairs: list[Pair]) -> np.ndarray:
        return np.array([self.pair(headline, body) for headline, body in pairs], dtype=np.float64)


class FncBaseline:
    def __init__(self, seed: int):
        from sklearn.ensemble import GradientBoostingClassifier

        self.features = BaselineFeatures()
        self.model = GradientBoostingClassifier(n_estimators=200, random_state=seed)

    def fit(self, pairs: list[Pair], labels: list[str]) -> "FncBaseline":
        self.model.fit(self.features.transform(pairs), labels)
        return self

    def predict(self, pairs: list[Pair]) -> list[str]:
        return list(self.model.predict(self.features.transform(pairs)))


# --- (b) TF-IDF + logistic regression -----------------------------------------------------
class TfidfLogReg:
    def __init__(self, seed: int):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(stop_words="english", max_features=20000, sublinear_tf=True)
        self.model = LogisticRegression(max_iter=2000, random_state=seed)

    def _features(self, pairs: list[Pair]):
        from scipy.sparse import csr_matrix, hstack

        # vectorise each distinct text once; rows are L2-normalised, so the dot is the cosine
        texts = list(dict.fromkeys(text for pair in pairs for text in pair))
        index = {text: i for i, text in enumerate(texts)}
        matrix = self.vectorizer.transform(texts)
        heads = matrix[[index[h] for h, _ in pairs]]
        bodies = matrix[[index[b] for _, b in pairs]]
        cosine = np.asarray(heads.multiply(bodies).sum(axis=1))
        return hstack([heads, bodies, csr_matrix(cosine)]).tocsr()

    def fit(self, pairs: list[Pair], labels: list[str]) -> "TfidfLogReg":
        self.vectorizer.fit(list(dict.fromkeys(text for pair in pairs for text in pair)))
        self.model.fit(self._features(pairs), labels)
        return self

    def predict(self, pairs: list[Pair]) -> list[str]:
        return list(self.model.predict(self._features(pairs)))


# --- (c-e) synopsis ------------------------------------------------------------------------
class SynopsisZeroShot:
    def __init__(self, tagger_class):
        self._tagger_class = tagger_class

    def fit(self, pairs, labels):
        return self  # zero-shot: nothing to learn

    def predict(self, pairs: list[Pair]) -> list[str]:
        taggers = {}
        labels = []
        for headline, body in pairs:
            if headline not in taggers:
                taggers[headline] = self._tagger_class(target=headline, scheme="fnc")
            labels.append(taggers[headline].tag(body).label)
        return labels


class SynopsisZeroShotFitted:
    """The zero-shot tagger with a given encoder, its related threshold fitted on training pairs."""

    def __init__(self, tagger_class, encoder, fit_pairs: int, seed: int):
        self._tagger_class, self._encoder = tagger_class, encoder
        self._fit_pairs, self._seed = fit_pairs, seed
        self.threshold = 0.0

    def _tag(self, pairs: list[Pair]) -> list[tuple[float, str]]:
        taggers, out = {}, []
        for headline, body in pairs:
            if headline not in taggers:  # threshold 0: every pair is related; the fitted one decides
                taggers[headline] = self._tagger_class(target=headline, scheme="fnc", encoder=self._encoder,
                                                       related_threshold=0.0)
            result = taggers[headline].tag(body)
            related = max((label for label in result.labels if label != "unrelated"), key=result.scores.get)
            out.append((result.relevance, related))
        return out

    def fit(self, pairs: list[Pair], labels: list[str]):
        sample = random.Random(self._seed).sample(range(len(pairs)), min(self._fit_pairs, len(pairs)))
        tagged = self._tag([pairs[i] for i in sample])
        gold = [labels[i] for i in sample]
        candidates = sorted({round(relevance, 3) for relevance, _ in tagged})
        self.threshold = max(candidates, key=lambda t: fnc_relative_score(
            gold, [label if relevance >= t else "unrelated" for relevance, label in tagged]))
        return self

    def predict(self, pairs: list[Pair]) -> list[str]:
        return [label if relevance >= self.threshold else "unrelated" for relevance, label in self._tag(pairs)]


def build_systems(names: set[str], seed: int, encoders: list[str] = (), fit_pairs: int = 1000
                  ) -> dict[str, Callable[[], object]]:
    """System factories, in table order; synopsis entries only when the package has them."""
    systems: dict[str, Callable[[], object]] = {}
    if "baseline" in names:
        systems["FNC-1 baseline recipe (GBDT, 200 trees)"] = lambda: FncBaseline(seed)
    if "tfidf" in names:
        systems["TF-IDF + cosine, LogisticRegression"] = lambda: TfidfLogReg(seed)
    from synopsis import StanceClassifier, StanceTagger

    if "zeroshot" in names:
        systems["synopsis StanceTagger zero-shot"] = lambda: SynopsisZeroShot(StanceTagger)
    for model in ("logistic", "mlp"):
        if model in names:
            systems[f"synopsis StanceClassifier({model})"] = lambda model=model: StanceClassifier(model=model)
    if "default" in names:
        systems["synopsis StanceClassifier(), the default"] = StanceClassifier
    for spec in encoders:
        encoder = load_encoder(spec)
        if "zeroshot" in names:
            systems[f"synopsis StanceTagger zero-shot, encoder {Path(spec).name}, threshold fitted"] = (
                lambda encoder=encoder: SynopsisZeroShotFitted(StanceTagger, encoder, fit_pairs, seed))
        if "default" in names and not isinstance(encoder, str):  # text vectors: semantic encoders only
            systems[f"synopsis StanceClassifier(encoder={Path(spec).name})"] = (
                lambda encoder=encoder: StanceClassifier(encoder=encoder))
    return systems


def run(factory, train, test) -> dict:
    system = factory()
    start, cpu = time.perf_counter(), time.process_time()
    system.fit(*train)
    train_seconds = time.perf_counter() - start
    train_cpu = time.process_time() - cpu
    start = time.perf_counter()
    predicted = list(system.predict(test[0]))
    predict_seconds = time.perf_counter() - start
    result = scores(test[1], predicted)
    result["train_s"] = train_seconds
    result["train_cpu_s"] = train_cpu
    result["pairs_per_s"] = len(test[0]) / predict_seconds
    return result


def confusion_table(matrix) -> str:
    return markdown_table(["gold \\ predicted", *LABELS],
                          [(label, *map(int, row)) for label, row in zip(LABELS, matrix)])


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--seed", type=int, default=1, help="seed of the body split and the models")
    parser.add_argument("--train-fraction", type=float, default=0.8)
    parser.add_argument("--systems", default="baseline,tfidf,zeroshot,logistic,mlp,default",
                        help="comma-separated subset of baseline,tfidf,zeroshot,logistic,mlp,default")
    parser.add_argument("--fit-pairs", type=int, default=1000,
                        help="training pairs the --encoder systems fit their related threshold on")
    add_encoder_option(parser)
    args = parser.parse_args()

    train, test, n_train_bodies, n_test_bodies = load_split(args.data, args.limit, args.seed,
                                                            args.train_fraction)
    print(f"split by body (seed {args.seed}): train {n_train_bodies} bodies / {len(train[0])} pairs, "
          f"test {n_test_bodies} bodies / {len(test[0])} pairs")
    print("test labels: " + ", ".join(f"{label} {test[1].count(label)}" for label in LABELS))
    print(f"always 'unrelated' scores {fnc_relative_score(test[1], ['unrelated'] * len(test[1])):.3f}\n")

    results = {}
    for name, factory in build_systems(set(args.systems.split(",")), args.seed, args.encoder,
                                       args.fit_pairs).items():
        results[name] = run(factory, train, test)
        r = results[name]
        print(f"  {name}: FNC {r['fnc']:.3f}, macro-F1 {r['macro_f1']:.3f}, "
              f"train {r['train_s']:.1f} s ({r['train_cpu_s']:.1f} s CPU), {r['pairs_per_s']:.0f} pairs/s")

    print()
    print(markdown_table(
        ["system", "FNC score", "macro-F1", *(f"F1 {label}" for label in LABELS), "train s", "pairs/s"],
        [(name, f"{r['fnc']:.3f}", f"{r['macro_f1']:.3f}",
          *(f"{r['per_class'][label]:.3f}" for label in LABELS),
          f"{r['train_s']:.1f}", f"{r['pairs_per_s']:,.0f}")
         for name, r in results.items()],
    ))
    for name, r in results.items():
        print(f"\nConfusion matrix, {name}:\n")
        print(confusion_table(r["confusion"]))


if __name__ == "__main__":
    main()
