"""False positives of the page-furniture rules on clean news text.

The BBC News Summary articles are clean text: every sentence the furniture rules flag there
(a boilerplate kind other than the layout kinds "navigation" and "repeated") is a false
positive. The FNC-1 bodies were scraped and still carry some furniture ("Advertisement",
"RELATED:", photo credits, embedded tweets, a few reader comments), so the share flagged there
is an upper bound on the false positives: read the printed sample to tell them apart. The
script prints the share of sentences flagged per data set and per kind, and a sample of them.

Example:
    python benchmarks/furniture_clean_text.py
    python benchmarks/furniture_clean_text.py --limit 300 --sample 40
"""

from __future__ import annotations

from collections import Counter

import synopsis as sy
from _common import load_jsonl, make_parser

LAYOUT_KINDS = {None, "navigation", "repeated"}


def measure(name: str, texts: list[str], sample: int) -> None:
    docs = sy.segment_batch(texts)
    total = 0
    kinds: Counter[str] = Counter()
    flagged = []
    for doc in docs:
        total += len(doc.sentences)
        for s in doc.sentences:
            if s.boilerplate_kind not in LAYOUT_KINDS:
                kinds[s.boilerplate_kind] += 1
                flagged.append((s.boilerplate_kind, s.text))
    share = 100 * len(flagged) / total if total else 0.0
    print(f"{name}: {len(docs)} texts, {total} sentences, {len(flagged)} flagged as furniture ({share:.3f}%)")
    for kind, n in kinds.most_common():
        print(f"  {kind:14s} {n}")
    if sample:
        step = max(1, len(flagged) // sample)
        for kind, text in flagged[::step][:sample]:
            print(f"    [{kind}] {text[:120]}")
    print()


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--sample", type=int, default=25, help="flagged sentences to print per data set")
    args = parser.parse_args()
    bbc = load_jsonl(args.data, "summ/bbc_news_summary.jsonl", args.limit)
    fnc = load_jsonl(args.data, "stance/fnc1_train_bodies.jsonl", args.limit)
    measure("BBC News Summary articles", [row["article"] for row in bbc], args.sample)
    measure("FNC-1 bodies", [row["body"] for row in fnc], args.sample)


if __name__ == "__main__":
    main()
