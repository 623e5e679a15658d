import json
import os
import pickle
import subprocess
import sys

import numpy as np
import pytest

import synopsis as sy


TARGET = "Shark spotted in the city canal"


def toy_pairs(repeats=4):
    topics = ["volcano erupts near village", "bank raises interest rates", "team wins the championship final",
              "new vaccine approved by regulator"]
    X, y = [], []
    for r in range(repeats):
        for i, topic in enumerate(topics):
            other = topics[(i + 1) % len(topics)]
            X.append((topic, f"Officials confirmed that the {topic} today. Reports verified it, case {r}."))
            y.append("agree")
            X.append((topic, f"Officials denied that the {topic}; the story is a hoax and fake, case {r}."))
            y.append("disagree")
            X.append((topic, f"The {other} dominated the news, case {r}."))
            y.append("unrelated")
    return X, y


SMALL = dict(hash_bits=10, max_epochs=40, validation_fraction=0.0, learning_rate=0.01, n_jobs=2)


# -- attribution ---------------------------------------------------------------------------------


def test_seed_article_parenthetical_attributions_and_hedge(seed_article):
    text = seed_article
    found = []
    reportedly = None
    for s in sy.attributions(text):
        assert text[s.start:s.end] == s.text
        for a in s.sources:
            if a.kind == "parenthetical":
                assert text[a.start:a.end] == a.source
                found.append((a.label, a.source))
        if s.text.startswith("Reportedly,"):
            reportedly = s
    assert found == [
        ("Source", "official statements, attribution in briefing"),
        ("Attribution", "policy discussions, regional security analysts"),
        ("Source", "official statements, ICC commentary, attribution in briefing"),
        ("Analysis", "regional security forums, policy think tanks, attribution in briefing"),
        ("Commentary", "regional security experts, attribution in briefing"),
        ("Observation", "international law scholars, attribution in briefing"),
    ]
    assert reportedly is not None and reportedly.hedged and reportedly.reported
    assert ("hedge", "Reportedly", reportedly.start, reportedly.start + 10) in reportedly.cues


def test_attribution_spans_are_str_offsets():
    text = "Café owners said the rents doubled, according to the city’s own figures."
    s = sy.attributions(text)[0]
    assert s.reported
    kinds = {a.kind: a.source for a in s.sources}
    assert kinds["reporting_verb"] == "Café owners"
    assert kinds["according_to"] == "the city’s own figures"
    for a in s.sources:
        assert text[a.start:a.end] == a.source
    for kind, cue, start, end in s.cues:
        assert text[start:end] == cue


def test_negation_and_asserted():
    s = sy.attributions("The bridge is not closed.")[0]
    assert s.negated and not s.reported and s.attribution.source is None


# -- zero-shot tagger ----------------------------------------------------------------------------


def test_tagger_labels_clear_examples():
    tagger = sy.StanceTagger(TARGET)
    assert tagger.tag("The central bank raised interest rates by a quarter point on Tuesday.").label == "unrelated"
    r = tagger.tag("Officials said the photo of a shark in the city canal is a hoax. The shark picture was fake "
                   "and doctored; police denied any shark was spotted in the canal.")
    assert r.label == "disagree"
    assert set(r.scores) == {"agree", "disagree", "discuss", "unrelated"}
    assert abs(sum(r.scores.values()) - 1) < 1e-4
    r = tagger.tag("A shark was reportedly spotted in the city canal, according to social media posts. "
                   "Residents claim the shark may have come from the harbour, but it is unconfirmed.")
    assert r.label == "discuss"
    best = max(r.sentences, key=lambda s: s.relevance)
    assert best.relevance > 0.2 and best.hedged
    assert any(kind == "hedge" for kind, *_ in best.cues)


def test_tagger_semeval_and_sentence_fields():
    tagger = sy.StanceTagger("climate change is real", scheme="semeval")
    r = tagger.tag("Scientists confirmed again that climate change is real and proven by evidence.")
    assert r.label == "favor"
    assert tagger.tag("He denied that climate change is real, calling it a hoax and a myth.").label == "against"
    s = r.sentences[0]
    assert (s.text, s.start) == (r.sentences[0].text, 0)
    assert s.attribution.source is None or isinstance(s.attribution.source, str)


def test_tagger_semeval_reads_opinions_about_an_unnamed_target():
    masks = sy.StanceTagger("face masks", scheme="semeval")
    # the target in another form: a hashtag holds "mask"
    r = masks.tag("Please #WearAMask, it is the responsible thing to do and it keeps everyone safe.")
    assert r.label == "favor" and r.relevance > 0.1
    # no word of the target at all, but praise or blame of what it stands for
    lockdown = sy.StanceTagger("stay at home orders", scheme="semeval")
    assert lockdown.tag("This lockdown is tyranny, a useless and unconstitutional overreach.").label == "against"
    # negation flips praise: "not safe" blames
    assert masks.tag("Masks are not safe and not effective.").label == "against"
    # nothing said for or against
    assert masks.tag("The train to Leeds leaves at nine from platform four.").label == "none"
    # the fnc scheme is unchanged by the opinion words
    assert sy.StanceTagger("face masks").tag("The train to Leeds leaves at nine.").label == "unrelated"


def test_tagger_batch_and_errors():
    tagger = sy.StanceTagger(TARGET)
    out = tagger.tag_batch(["A shark in the city canal was spotted.", "Rates rose."], n_jobs=2)
    assert [r.label for r in out][1] == "unrelated"
    with pytest.raises(ValueError, match="scheme"):
        sy.StanceTagger(TARGET, scheme="imdb")
    with pytest.raises(ValueError, match="encoder"):
        sy.StanceTagger(TARGET, encoder="word2vec")
    with pytest.raises(TypeError):
        tagger.tag(42)


# -- classifier ----------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["mlp", "logistic"])
def test_classifier_fits_toy_data(model):
    X, y = toy_pairs()
    clf = sy.StanceClassifier(model=model, **SMALL).fit(X, y)
    assert list(clf.classes_) == ["agree", "disagree", "unrelated"]
    assert clf.score(X, y) >= 0.95
    proba = clf.predict_proba(X)
    assert proba.shape == (len(X), 3) and np.allclose(proba.sum(axis=1), 1, atol=1e-4)


def test_classifier_dataframe_and_params():
    pd = pytest.importorskip("pandas")
    X, y = toy_pairs(2)
    df = pd.DataFrame(X, columns=["target", "text"])
    clf = sy.StanceClassifier(**SMALL).fit(df, pd.Series(y))
    assert len(clf.predict(df)) == len(df)
    assert clf.get_params()["hash_bits"] == 10
    assert clf.set_params(hidden_units=8).hidden_units == 8
    with pytest.raises(ValueError, match="invalid parameter"):
        clf.set_params(trees=3)
    with pytest.raises(ValueError, match="target"):
        clf.fit(pd.DataFrame({"a": ["x"], "b": ["y"]}), ["agree"])


def test_classifier_in_sklearn_pipeline_and_cross_val_score():
    sklearn = pytest.importorskip("sklearn")
    from sklearn.base import clone
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    X, y = toy_pairs(4)
    pipe = Pipeline([("pairs", FunctionTransformer(lambda rows: [tuple(r) for r in rows])),
                     ("stance", sy.StanceClassifier(**SMALL))])
    scores = cross_val_score(pipe, X, y, cv=3)
    assert scores.shape == (3,) and scores.mean() > 0.8
    assert clone(sy.StanceClassifier(hidden_units=7)).hidden_units == 7
    assert sklearn.base.is_classifier(sy.StanceClassifier())


def test_classifier_save_load_pickle(tmp_path):
    X, y = toy_pairs(2)
    clf = sy.StanceClassifier(model="logistic", **SMALL).fit(X, y)
    path = tmp_path / "model.bin"
    clf.save(path)
    back = sy.StanceClassifier.load(path)
    np.testing.assert_allclose(back.predict_proba(X), clf.predict_proba(X), rtol=1e-5)
    assert back.get_params()["model"] == "logistic"
    clone = pickle.loads(pickle.dumps(clf))
    np.testing.assert_allclose(clone.predict_proba(X), clf.predict_proba(X), rtol=1e-5)
    # unfitted estimators pickle too
    assert pickle.loads(pickle.dumps(sy.StanceClassifier(seed=3))).seed == 3


def test_classifier_rejects_corrupt_and_foreign_files(tmp_path):
    X, y = toy_pairs(1)
    clf = sy.StanceClassifier(model="logistic", **SMALL).fit(X, y)
    data = clf.to_bytes()
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0xFF
    (tmp_path / "bad.bin").write_bytes(bytes(bad))
    with pytest.raises(ValueError, match="corrupt"):
        sy.StanceClassifier.load(tmp_path / "bad.bin")
    (tmp_path / "short.bin").write_bytes(data[:-20])
    with pytest.raises(ValueError):
        sy.StanceClassifier.load(tmp_path / "short.bin")
    (tmp_path / "foreign.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(ValueError, match="magic"):
        sy.StanceClassifier.load(tmp_path / "foreign.bin")


def test_classifier_errors():
    with pytest.raises(ValueError):
        sy.StanceClassifier(model="forest").fit(*toy_pairs(1))
    with pytest.raises(Exception, match="not fitted"):
        sy.StanceClassifier().predict([("a", "b")])
    with pytest.raises(ValueError, match="two distinct"):
        sy.StanceClassifier().fit([("a", "b")], ["agree"])
    with pytest.raises(TypeError):
        sy.StanceClassifier().fit("not pairs", ["agree"])


def test_classifier_on_fnc1_subset(shared_data):
    with open(shared_data / "stance" / "fnc1_train_bodies.jsonl", encoding="utf-8") as fh:
        bodies = {r["body_id"]: r["body"] for r in map(json.loads, fh)}
    with open(shared_data / "stance" / "fnc1_train_stances.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(1500), fh)]
    train = [r for r in rows if r["body_id"] % 5]
    test = [r for r in rows if r["body_id"] % 5 == 0]
    clf = sy.StanceClassifier(hash_bits=12, max_epochs=5, n_jobs=2)
    clf.fit([(r["headline"], bodies[r["body_id"]]) for r in train], [r["stance"] for r in train])
    pred = clf.predict([(r["headline"], bodies[r["body_id"]]) for r in test])
    gold = np.array([r["stance"] for r in test])
    related_ok = ((pred == "unrelated") == (gold == "unrelated")).mean()
    assert related_ok > 0.85


def test_classifier_string_labels_come_back_lowercase():
    X, y = toy_pairs(2)
    upper = [label.upper() for label in y]
    clf = sy.StanceClassifier(model="logistic", **SMALL).fit(X, upper)
    assert list(clf.classes_) == ["agree", "disagree", "unrelated"]  # as the tagger's labels
    assert set(clf.predict(X)) <= {"agree", "disagree", "unrelated"}
    assert clf.score(X, upper) == clf.score(X, y) >= 0.9
    with pytest.raises(ValueError, match="differ only in case"):
        sy.StanceClassifier(**SMALL).fit(X[:2], ["Agree", "agree"])


@pytest.mark.parametrize("options", [dict(features="ngrams"), dict(features="target_ngrams"),
                                     dict(features="target_ngrams", per_target=True)])
def test_classifier_ngram_features_and_per_target_round_trip(options, tmp_path):
    X, y = toy_pairs(3)
    clf = sy.StanceClassifier(model="logistic", ngram_bits=10, **SMALL, **options).fit(X, y)
    assert clf.features_ == options["features"]
    X_new = X + [("a target never seen in training", "Officials confirmed it today.")]
    proba = clf.predict_proba(X_new)
    assert np.allclose(proba.sum(axis=1), 1, atol=1e-4)
    assert clf.score(X, y) >= 0.9
    clf.save(tmp_path / "m.bin")
    for back in (sy.StanceClassifier.load(tmp_path / "m.bin"), pickle.loads(pickle.dumps(clf))):
        np.testing.assert_allclose(back.predict_proba(X_new), proba, rtol=1e-5)
        assert back.get_params()["per_target"] == options.get("per_target", False)


def test_classifier_auto_chooses_on_short_texts(shared_data):
    """features="auto" and model="auto" name their choice; on real tweets it is a choice among
    the candidates, made on the held-out part of the training pairs only."""
    path = shared_data / "stance" / "covid19_stance.jsonl"
    if not path.is_file():
        pytest.skip("benchmarks/stance_data.py builds the COVID-19 stance set")
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    train = [r for r in rows if r["split"] == "train"][:1200]
    clf = sy.StanceClassifier(max_epochs=3, ngram_bits=12, n_jobs=2)
    clf.fit([(r["target"], r["text"]) for r in train], [r["label"] for r in train])
    assert clf.features_ in {"words", "ngrams", "target_ngrams"}
    assert clf.training_report_["model"] in {"mlp", "logistic"}
    assert clf._model.options["features"] == clf.features_
    assert 0 < clf.training_report_["validation_macro_f1"] <= 1
    tried = clf.training_report_["candidates"]
    assert {(c["model"], c["features"]) for c in tried} == {
        (m, f) for m in ("mlp", "logistic") for f in ("words", "ngrams", "target_ngrams")}
    best = max(c["validation_macro_f1"] for c in tried)
    assert clf.training_report_["validation_macro_f1"] == pytest.approx(best)
    with pytest.raises(ValueError, match="features must be"):
        sy.StanceClassifier(features="chars").fit(*toy_pairs(1))
    with pytest.raises(ValueError, match="ngram_bits"):
        sy.StanceClassifier(ngram_bits=30).fit(*toy_pairs(1))


# -- command line --------------------------------------------------------------------------------


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "synopsis", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_cli_stance_zero_shot(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Police denied that a shark was spotted in the city canal, calling the photo a hoax.",
                 encoding="utf-8")
    out = run_cli("stance", "--target", TARGET, "--format", "json", str(f))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["label"] == "disagree"
    assert run_cli("stance", str(f)).returncode == 2  # --target is required


def test_cli_stance_train_and_predict(tmp_path):
    X, y = toy_pairs(3)
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps({"target": t, "text": x, "label": l}) for (t, x), l in zip(X, y)),
                    encoding="utf-8")
    model = tmp_path / "model.bin"
    out = run_cli("stance-train", str(data), "-o", str(model), "--model", "logistic", "--max-epochs", "30")
    assert out.returncode == 0, out.stderr
    assert model.exists()
    text = tmp_path / "t.txt"
    text.write_text(X[1][1], encoding="utf-8")
    out = run_cli("stance", "--target", X[1][0], "--model", str(model), "--format", "json", str(text))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["label"] in {"agree", "disagree", "unrelated"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"target": "a"}\n', encoding="utf-8")
    out = run_cli("stance-train", str(bad), "-o", str(tmp_path / "m2.bin"))
    assert out.returncode == 2 and "missing field" in out.stderr
