import json
import math
import pickle
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import synopsis as sy
from synopsis import cli

ARTICLE = (
    "Flood Barrier Approved After Two-Year Debate\n\n"
    "Skip to content\nShare this article\n\n"
    "The city council voted on Tuesday to fund a flood barrier along the river. "
    "The barrier will protect about 11,000 homes from floods. "
    "Opponents said the barrier would cut the district off from the river. "
    "The council will hold a hearing on the barrier design in January.\n\n"
    "Residents who lived through the floods were relieved. "
    "“We lost everything,” said Maria Chen, a retired teacher from the district.\n\n"
    "Share this article\nRelated Stories\nPrevious Article\nNext Article\n"
)

METHODS = ["pacsum", "textrank", "lexrank", "lead"]
ENCODERS = ["tfidf", "bm25", "bm25+", "lsa"]


def check_summary(text, summary):
    assert summary.text == text
    doc = sy.segment(text)
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(indices)
    for s in summary.sentences:
        assert text[s.start:s.end] == s.text
        assert doc.sentences[s.index].is_prose
        assert 0.0 <= s.score <= 1.0


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("encoder", ENCODERS)
def test_budget_order_offsets(method, encoder):
    summary = sy.summarize(ARTICLE, sentences=3, method=method, encoder=encoder)
    assert len(summary.sentences) == 3
    check_summary(ARTICLE, summary)
    assert str(summary) == " ".join(s.text for s in summary.sentences)


def test_offsets_are_str_indices_with_non_ascii():
    text = "Café prices rose — again. Crème brûlée costs €9 now. 東京 prices fell. Zoë said so."
    summary = sy.summarize(text, sentences=2)
    check_summary(text, summary)


@pytest.mark.parametrize("words", [8, 20, 35, 60])
def test_word_budget_never_exceeded(words):
    summary = sy.summarize(ARTICLE, words=words)
    assert summary.sentences
    assert sum(len(s.text.split()) for s in summary.sentences) <= words


def test_ratio_budget():
    assert len(sy.summarize(ARTICLE, ratio=0.5).sentences) == 3  # round(0.5 * 6)
    assert len(sy.summarize(ARTICLE, ratio=0.01).sentences) == 1
    assert len(sy.summarize(ARTICLE, ratio=1.0).sentences) == 6
    # explicit sentences and ratio: both hold
    assert len(sy.summarize(ARTICLE, sentences=2, ratio=1.0).sentences) == 2


def test_short_and_empty_texts():
    assert len(sy.summarize("").sentences) == 0
    assert str(sy.summarize("Previous Article\nNext Article\n")) == ""
    assert len(sy.summarize("Just one sentence here.").sentences) == 1
    assert len(sy.summarize("One sentence here. And another one there.", sentences=5).sentences) == 2


def test_seed_article_boilerplate_never_chosen(seed_article):
    doc = sy.segment(seed_article)
    prose = {s.index for s in doc.prose}
    for method in METHODS:
        for encoder in ENCODERS:
            for k in (1, 3, 5):
                summary = sy.summarize(seed_article, sentences=k, method=method, encoder=encoder)
                assert len(summary.sentences) == min(k, len(prose))
                assert {s.index for s in summary.sentences} <= prose
                for s in summary.sentences:
                    assert "Get a summary" not in s.text and "Previous Article" not in s.text
                check_summary(seed_article, summary)


def test_query_personalises():
    summary = sy.summarize(ARTICLE, sentences=1, method="textrank", query="Maria Chen teacher")
    assert "Maria Chen" in summary.sentences[0].text


def test_diversity_drops_a_near_duplicate():
    text = ("The storm hit the coast on Monday night. The storm hit the coast on Monday. "
            "Schools stayed closed across the region. Power returned to most homes by Wednesday.")
    plain = sy.summarize(text, sentences=2, method="textrank").indices
    diverse = sy.summarize(text, sentences=2, method="textrank", diversity=0.9).indices
    assert plain == [0, 1]
    assert diverse != [0, 1]


def test_user_embeddings():
    doc = sy.segment(ARTICLE)
    emb = np.random.default_rng(0).normal(size=(len(doc.sentences), 8))
    summary = sy.summarize(ARTICLE, sentences=2, embeddings=emb)
    assert len(summary.sentences) == 2
    check_summary(ARTICLE, summary)
    with pytest.raises(ValueError, match="one row per sentence"):
        sy.summarize(ARTICLE, embeddings=emb[:3])
    with pytest.raises(ValueError, match="2-D"):
        sy.summarize(ARTICLE, embeddings=np.zeros(len(doc.sentences)))


@pytest.mark.parametrize("kwargs, match", [
    ({"sentences": -1}, "sentences"),
    ({"sentences": 0}, "sentences"),
    ({"ratio": -0.2}, "ratio"),
    ({"ratio": math.nan}, "ratio"),
    ({"ratio": 1.5}, "ratio"),
    ({"words": -5}, "words"),
    ({"diversity": math.nan}, "diversity"),
    ({"diversity": 2.0}, "diversity"),
    ({"method": "magic"}, "pacsum"),
    ({"encoder": "bert"}, "tfidf"),
    ({"damping": 1.5}, "damping"),
    ({"lambda1": math.inf}, "lambda1"),
    ({"lede_share": 1.5}, "lede_share"),
    ({"lede_lambda1": math.nan}, "lede_lambda1"),
    ({"lede_position_weight": -1.0}, "lede_position_weight"),
])
def test_bad_options_raise_value_error(kwargs, match):
    with pytest.raises(ValueError, match=match):
        sy.summarize(ARTICLE, **kwargs)


def test_unknown_method_lists_allowed_values():
    with pytest.raises(ValueError) as info:
        sy.summarize(ARTICLE, method="magic")
    for name in METHODS:
        assert name in str(info.value)


@pytest.mark.parametrize("kwargs", [
    {"sentences": 2.5}, {"sentences": "3"}, {"sentences": True}, {"ratio": "0.2"},
    {"method": 3}, {"encoder": 3}, {"query": 5}, {"no_such_option": 1},
])
def test_wrong_types_raise_type_error(kwargs):
    with pytest.raises(TypeError):
        sy.summarize(ARTICLE, **kwargs)


def test_text_must_be_text():
    with pytest.raises(TypeError):
        sy.summarize(42)
    with pytest.raises(ValueError, match="UTF-8"):
        sy.summarize(b"caf\xff")
    assert sy.summarize("Bytes work too. They do.".encode()).text == "Bytes work too. They do."


def test_batch_identical_for_any_n_jobs():
    texts = [ARTICLE, "", "One line only.", ARTICLE.replace("river", "sea")] * 10
    one = sy.summarize_batch(texts, n_jobs=1, sentences=2)
    two = sy.summarize_batch(texts, n_jobs=2, sentences=2)
    every = sy.summarize_batch(texts, n_jobs=-1, sentences=2)
    assert one == two == every
    assert one[0] == sy.summarize(ARTICLE, sentences=2)
    assert len(sy.summarize_batch([], n_jobs=2)) == 0
    with pytest.raises(ValueError):
        sy.summarize_batch(texts, n_jobs=0)
    with pytest.raises(TypeError):
        sy.summarize_batch("not a list")


def test_batch_with_progress_matches():
    texts = [ARTICLE] * 300
    assert sy.summarize_batch(texts, progress=True, sentences=1) == sy.summarize_batch(texts, sentences=1)


def test_summarizer_reusable_and_picklable():
    s = sy.Summarizer(sentences=2, method="lexrank", encoder="bm25", diversity=0.3)
    first = s.summarize(ARTICLE)
    clone = pickle.loads(pickle.dumps(s))
    assert clone == s
    assert clone.summarize(ARTICLE) == first
    assert s.summarize_batch([ARTICLE, ARTICLE], n_jobs=2) == [first, first]
    assert pickle.loads(pickle.dumps(first)) == first
    with pytest.raises(ValueError, match="pacsum"):
        sy.Summarizer(method="nope")


def test_fitted_encoder_pickles_and_summarises():
    corpus = [ARTICLE, "Markets fell on Monday. Prices of oil rose.", "The council met again."]
    enc = sy.TfidfEncoder().fit(corpus)
    assert enc.is_fitted and enc.n_documents == 3
    restored = pickle.loads(pickle.dumps(enc))
    assert restored.n_documents == 3
    a = sy.embed(ARTICLE, encoder=enc)
    b = sy.embed(ARTICLE, encoder=restored)
    np.testing.assert_array_equal(a, b)
    s = sy.Summarizer(sentences=2, encoder=enc)
    assert pickle.loads(pickle.dumps(s)).summarize(ARTICLE) == s.summarize(ARTICLE)
    for cls in (sy.Bm25Encoder, sy.LsaEncoder):
        e = cls().fit(corpus)
        np.testing.assert_array_equal(sy.embed(ARTICLE, encoder=e),
                                      sy.embed(ARTICLE, encoder=pickle.loads(pickle.dumps(e))))


@pytest.mark.parametrize("encoder", ENCODERS)
def test_embed_shapes_and_norms(encoder):
    sentences = ["The river flooded the town.", "The town council met.", "Volunteers filled sandbags."]
    x = sy.embed(sentences, encoder=encoder)
    assert x.dtype == np.float32 and x.shape[0] == 3
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, rtol=1e-4)
    assert sy.embed(sy.segment(ARTICLE), encoder=encoder).shape[0] == len(sy.segment(ARTICLE).sentences)
    assert sy.embed(ARTICLE, encoder=encoder).shape[0] == len(sy.segment(ARTICLE).sentences)


def test_embed_errors():
    with pytest.raises(TypeError):
        sy.embed(42)
    with pytest.raises(ValueError, match="tfidf"):
        sy.embed(["a b"], encoder="nope")
    with pytest.raises(TypeError):
        sy.embed(["a b"], encoder=3.5)


def test_summary_document_and_html():
    summary = sy.summarize(ARTICLE, sentences=2)
    assert summary.document.text == ARTICLE
    html = summary._repr_html_()
    assert html.count("<mark") == 2


def test_cli_summarize(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["summarize", str(path), "--sentences", "2"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2 and all(line in ARTICLE for line in out)
    assert cli.main(["summarize", str(path), str(path), "--words", "30", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["file"] == str(path)
    assert sum(len(s["text"].split()) for s in record["sentences"]) <= 30
    assert cli.main(["summarize", str(path), "--method", "lead", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sentences"][0]["index"] == 3
    assert cli.main(["summarize", str(path), "--ratio", "-1"]) == 2
    assert "ratio" in capsys.readouterr().err


@pytest.mark.slow
def test_long_document_memory_is_bounded():
    """100,000 sentences summarise with a sparse top-k graph: peak RSS growth well under 1 GB."""
    script = textwrap.dedent("""
        import random, resource, sys
        import synopsis as sy
        rng = random.Random(0)
        vocab = [f"w{i}" for i in range(20000)]
        text = " ".join(" ".join(rng.choice(vocab) for _ in range(12)).capitalize() + "."
                        for _ in range(100000))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        s = sy.summarize(text, sentences=5)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert len(s.sentences) == 5
        assert len(sy.segment(text)) >= 100000
        print((after - before) * 1024)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    growth = int(out.stdout.strip().splitlines()[-1])
    assert growth < 600 * 1024 * 1024, f"peak RSS grew by {growth / 2**20:.0f} MiB"


def test_lede_sized_budgets_take_the_lede_setting():
    topics = ["river", "council", "barrier", "homes", "hearing", "floods"]
    text = " ".join(f"Sentence {i} is about the {topics[i % 6]} and the {topics[(i * 5 + 1) % 6]}."
                    for i in range(30))
    assert len(sy.segment(text).prose) == 30

    def chosen(**options):
        return [s.index for s in sy.summarize(text, **options).sentences]

    d = sy.Summarizer().get_params()
    # 3 of 30 sentences is under lede_share (0.2): the lede setting
    assert chosen(sentences=3) == chosen(sentences=3, lede_share=0.0, lambda1=d["lede_lambda1"],
                                         position_weight=d["lede_position_weight"])
    # 10 of 30 is not: the coverage setting
    assert chosen(sentences=10) == chosen(sentences=10, lede_share=0.0)
