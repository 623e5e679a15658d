import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import synopsis as sy

TABLE = pathlib.Path(__file__).resolve().parents[2] / "cpp" / "data" / "keywords" / "df_en.txt"

OIL = (
    "Oil Spill Off Alaska\n\n"
    "Millions of gallons of crude oil spilled when the tanker Exxon Valdez ran aground in Prince "
    "William Sound. The oil spill reached the sound on Saturday.\n\n"
    "Crews said cleanup efforts were too slow. The spill is the biggest oil spill in U.S. history, "
    "and crude oil now covers the beaches of Prince William Sound."
)


def stems(keywords):
    return [k.stem for k in keywords]


@pytest.mark.parametrize("method", sy._core.KEYWORD_METHODS)
def test_every_method_returns_ranked_phrases_with_valid_offsets(method):
    found = sy.keywords(OIL, top=5, method=method)
    assert 0 < len(found) <= 5
    scores = [k.score for k in found]
    assert scores == sorted(scores, reverse=True)
    for k in found:
        assert k.count == len(k.offsets) >= 1
        assert k.offsets == sorted(k.offsets)
        for (_, end), (start, _) in zip(k.offsets, k.offsets[1:]):
            assert end <= start  # occurrences do not overlap
        # the phrase is its most frequent surface form; other occurrences may differ in case
        # or inflection ("oil spills")
        assert k.phrase in [OIL[a:b] for a, b in k.offsets]


def test_oil_article_phrases():
    found = [k.phrase.lower() for k in sy.keywords(OIL, top=6)]
    assert "oil spill" in found
    assert "crude oil" in found
    assert "prince william sound" in found


def test_seed_article_reads_as_a_person_would_pick(seed_article):
    found = [k.phrase for k in sy.keywords(seed_article, top=10)]
    joined = " | ".join(found).lower()
    assert "csto" in joined and "armenia" in joined and "security" in joined
    # navigation lines and the headlines of other articles are boilerplate, never candidates
    for phrase in found:
        assert "summary" not in phrase.lower() and "dumplings" not in phrase.lower()


def test_offsets_are_str_indices_with_non_ascii_text():
    text = "Der Ölpreis fällt. Der Ölpreis steigt wieder – Ölpreis und Börse."
    found = sy.keywords(text, language="de", top=3)
    assert found
    for k in found:
        for start, end in k.offsets:
            assert text[start:end].lower() == k.phrase.lower()


def test_stem_equal_phrases_are_one_keyword():
    text = "Oil spills are bad for birds. The oil spill was big. Another oil spill was found near oil spills."
    found = sy.keywords(text, top=10)
    keys = stems(found)
    assert len(keys) == len(set(keys))
    spill = next(k for k in found if k.stem == sy.keywords("oil spill", top=1)[0].stem)
    assert spill.count == 4


def test_subsumed_phrases_are_dropped_and_dedup_none_keeps_them():
    text = ("Regional security matters. The regional security forum met. Security forces waited. "
            "Security is costly. Regional security experts spoke about security.")
    default = sy.keywords(text, top=10)
    for i, a in enumerate(default):
        for b in default[:i]:  # no phrase is a contiguous part of a better one
            assert f" {a.stem} " not in f" {b.stem} "
    none = sy.keywords(text, top=10, dedup="none")
    assert len(stems(none)) >= len(stems(default))


def test_candidates_respect_stopwords_punctuation_and_sentences():
    text = "Prices rose. Markets fell, bonds rallied; gold-mining shares jumped."
    found = sy.keywords(text, top=20, method="tfidf", heuristics=False)
    phrases = {k.phrase for k in found}
    assert "Prices rose" in phrases  # one sentence, no delimiter
    assert not any("rose Markets" in p for p in phrases)  # sentence boundary
    assert not any("," in p or ";" in p for p in phrases)  # punctuation delimits
    assert "gold-mining shares jumped" in phrases  # a hyphen joins a word


def test_numbers_alone_are_not_keyphrases():
    text = "In 1990, 240,000 barrels spilled. The 1990 census counted 5 people and 987-foot tankers."
    found = sy.keywords(text, top=20, method="tfidf")
    for k in found:
        assert any(ch.isalpha() for ch in k.phrase)
    assert "987-foot tankers" in {k.phrase for k in found}


def test_max_words_bounds_phrase_length():
    text = "The European Central Bank Governing Council Monetary Policy Committee met."
    assert all(len(k.phrase.split()) <= 3 for k in sy.keywords(text, max_words=3))


def test_empty_and_stopword_only_texts_give_no_keywords():
    assert sy.keywords("") == []
    assert sy.keywords("   \n ") == []
    assert sy.keywords("and the of it is") == []


def test_accepts_bytes_and_documents():
    doc = sy.segment(OIL)
    assert sy.keywords(OIL.encode()) == sy.keywords(OIL) == sy.keywords(doc)


def test_batch_is_deterministic_for_any_thread_count(shared_data):
    lines = (shared_data / "keywords" / "duc2001.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines[:24]]
    texts = [row["text"] for row in rows]
    for method in ("positionrank", "multipartiterank"):
        expected = [sy.keywords(t, method=method) for t in texts]
        for n_jobs in (1, 2, 3, 4):
            assert sy.keywords_batch(texts, n_jobs=n_jobs, method=method) == expected


def test_bad_options_raise_value_error_naming_allowed_values():
    with pytest.raises(ValueError, match="textrank, singlerank, positionrank, topicrank, multipartiterank, tfidf, positiontfidf, embedrank"):
        sy.keywords(OIL, method="rake")
    with pytest.raises(ValueError, match="none, subsumed, overlap"):
        sy.keywords(OIL, dedup="some")
    with pytest.raises(ValueError, match="top"):
        sy.keywords(OIL, top=0)
    with pytest.raises(ValueError, match="window"):
        sy.keywords(OIL, window=1)
    with pytest.raises(ValueError, match="max_words"):
        sy.keywords(OIL, max_words=0)
    with pytest.raises(ValueError, match="damping"):
        sy.keywords(OIL, damping=1.5)
    with pytest.raises(ValueError, match="n_jobs"):
        sy.keywords_batch([OIL], n_jobs=0)
    with pytest.raises(ValueError):
        sy.keywords(OIL, language="not a language!")
    with pytest.raises(ValueError, match="byte offset"):
        sy.keywords(b"caf\xe9 prices")


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        sy.keywords(42)
    with pytest.raises(TypeError):
        sy.keywords(OIL, top="ten")
    with pytest.raises(TypeError):
        sy.keywords(OIL, method=None)
    with pytest.raises(TypeError):
        sy.keywords_batch(OIL)
    with pytest.raises(TypeError):
        sy.keywords_batch([OIL, 3])


def test_extractor_is_reusable_and_picklable():
    ex = sy.KeywordExtractor(top=4, method="singlerank", window=6)
    assert ex.extract(OIL) == sy.keywords(OIL, top=4, method="singlerank", window=6)
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.get_params() == ex.get_params()
    assert clone.extract(OIL) == ex.extract(OIL)
    assert ex.extract_batch([OIL, OIL], n_jobs=2) == [ex.extract(OIL)] * 2
    assert "singlerank" in repr(ex)


def test_keyword_objects_pickle_and_convert():
    k = sy.keywords(OIL, top=1)[0]
    assert pickle.loads(pickle.dumps(k)) == k
    d = k.to_dict()
    assert d["phrase"] == k.phrase and d["count"] == k.count and d["offsets"] == k.offsets
    assert k.phrase in repr(k)


def test_tfidf_fit_uses_corpus_frequencies():
    corpus = ["Oil prices were high in Alaska.", "Oil prices are low in Texas.", "Oil prices were flat in Ohio."]
    text = "Oil prices were high. Exxon Valdez spilled oil. Then Exxon Valdez sailed."
    ex = sy.KeywordExtractor(method="tfidf", top=3).fit(corpus)
    assert ex.is_fitted and ex.n_documents == 3
    assert ex.document_frequency[sy.keywords("oil prices", top=1)[0].stem] == 3
    top = ex.extract(text)[0]
    assert top.phrase == "Exxon Valdez"  # frequent in the corpus ranks lower
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.extract(text) == ex.extract(text)
    assert clone.document_frequency == ex.document_frequency

    table = sy.KeywordExtractor(method="tfidf", top=3, document_frequency={"Oil prices": 3}, n_documents=3)
    assert table.extract(text)[0].phrase == "Exxon Valdez"
    with pytest.raises(ValueError, match="n_documents"):
        sy.KeywordExtractor(method="tfidf", document_frequency={"oil": 1})


def test_default_is_position_weighted_tfidf_with_the_bundled_english_table():
    assert sy.KeywordExtractor().get_params()["method"] == "positiontfidf"
    assert sy.KeywordExtractor().get_params()["idf"] == "bundled"
    assert sy.keywords(OIL) == sy.keywords(OIL, method="positiontfidf", idf="bundled")
    # The same counts and places for a word news uses in most articles and a rare one: the
    # bundled table ranks the rare one first; the document's own sentences cannot tell them apart.
    text = "Police and zeppelin. Zeppelin and police."
    bundled = sy.keywords(text, method="tfidf")
    by_sentences = sy.keywords(text, method="tfidf", idf="document")
    assert [k.stem for k in bundled] == ["zeppelin", "polic"] and bundled[0].score > bundled[1].score
    assert [k.stem for k in by_sentences] == ["polic", "zeppelin"]  # a tie: the first seen first
    assert by_sentences[0].score == by_sentences[1].score
    # Languages without a bundled table use the document's sentences either way.
    french = "Le gouvernement a présenté un budget. Le budget prévoit des économies."
    assert sy.keywords(french, language="fr") == sy.keywords(french, language="fr", idf="document")
    with pytest.raises(ValueError, match="bundled, document"):
        sy.KeywordExtractor(idf="corpus")


def test_positiontfidf_prefers_the_phrase_seen_first():
    text = " ".join(["Early harbour news."] + ["Filler words appear here."] * 120 + ["Late harbour news."]
                    + ["Early harbour news.", "Late harbour news."])
    position = {k.phrase: k.score for k in sy.keywords(text, top=50, method="positiontfidf", dedup="none")}
    plain = {k.phrase: k.score for k in sy.keywords(text, top=50, method="tfidf", dedup="none")}
    assert plain["Early harbour news"] == plain["Late harbour news"]
    assert position["Early harbour news"] > position["Late harbour news"]


def test_bundled_table_matches_candidate_extraction(shared_data):
    """cpp/data/keywords/df_en.txt must hold the keys fit() computes today: rebuild it with
    scripts/build_df_table.py when candidate extraction or stemming changes."""
    path = shared_data / "summ" / "cnndm_validation.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found (benchmarks/cnndm_validation.py builds it)")
    texts = [json.loads(line)["article"] for line in path.read_text(encoding="utf-8").splitlines()]
    fitted = sy.KeywordExtractor().fit(texts).document_frequency
    expected = {key: count for key, count in fitted.items() if count >= 2 and not key.startswith("#")}
    lines = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[0] == ["documents", str(len(texts))]
    assert {key: int(count) for key, count in lines[1:]} == expected


def test_cli_keywords_json_and_text(tmp_path):
    path = tmp_path / "oil.txt"
    path.write_text(OIL, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "synopsis", "keywords", str(path), "--top", "3", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert len(result["keywords"]) == 3
    first = result["keywords"][0]
    assert set(first) == {"phrase", "score", "count", "offsets", "stem"}
    text = subprocess.run([sys.executable, "-m", "synopsis", "keywords", "--method", "textrank"], input=OIL,
                          capture_output=True, text=True, check=True).stdout
    assert "oil" in text.lower()
    bad = subprocess.run([sys.executable, "-m", "synopsis", "keywords", "--method", "rake"], input=OIL,
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "positionrank" in bad.stderr
