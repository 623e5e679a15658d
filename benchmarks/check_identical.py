"""Are two builds' results identical? Dumps every document model, summary and keyphrase list.

The texts are the BBC News Summary articles, the FNC-1 training bodies and the DUC-2001
articles. ``benchmarks/cpp/dump_results`` writes, per document, its paragraphs, sentences
(with flags), tokens (kind, term id, stem id, stopword flag), term and stem tables, the default
summary, a 60-word summary and the default keyphrases (scores to 17 digits). Save the dump of
one build, then compare another build's dump with it byte for byte:

    cmake -S . -B build/bench -G Ninja -DSYNOPSIS_BUILD_BENCHMARKS=ON && cmake --build build/bench
    python benchmarks/check_identical.py --save /tmp/before.txt       # on the old build
    python benchmarks/check_identical.py --against /tmp/before.txt    # on the new build

Exit status 1 and the first differing document when they differ. ``--write-texts FILE`` writes
the BBC and FNC-1 texts in the form benchmarks/cpp/segment_floor reads.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import REPO_ROOT, load_jsonl, make_parser

CORPORA = (("summ/bbc_news_summary.jsonl", "article"), ("stance/fnc1_train_bodies.jsonl", "body"),
           ("keywords/duc2001.jsonl", "text"))


def corpus_texts(data: Path, limit: int | None) -> list[str]:
    texts = []
    for relative, field in CORPORA:
        texts.extend(row[field] for row in load_jsonl(data, relative, limit))
    return texts


def write_texts(texts: list[str], path: Path) -> None:
    if any("\x1e" in text for text in texts):
        sys.exit("error: a text contains the separator byte 0x1E")
    path.write_bytes("\x1e".join(texts).encode("utf-8"))


def documents(dump: bytes) -> list[bytes]:
    return [b"# document" + part for part in dump.split(b"# document")[1:]]


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--binary", type=Path, default=REPO_ROOT / "build" / "bench" / "dump_results",
                        help="the dump_results program (default: %(default)s)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the dump to this file")
    group.add_argument("--against", type=Path, help="compare the dump with this saved one")
    group.add_argument("--write-texts", type=Path,
                       help="only write the BBC and FNC-1 texts, joined by 0x1E (segment_floor's input)")
    args = parser.parse_args()

    if args.write_texts:
        texts = []
        for relative, field in CORPORA[:2]:
            texts.extend(row[field] for row in load_jsonl(args.data, relative, args.limit))
        write_texts(texts, args.write_texts)
        return

    texts = corpus_texts(args.data, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.bin"
        write_texts(texts, texts_file)
        dump = subprocess.run([str(args.binary), str(texts_file)], check=True, stdout=subprocess.PIPE).stdout
    digest = hashlib.sha256(dump).hexdigest()
    print(f"{len(texts)} documents, dump of {len(dump):,} bytes, sha256 {digest}")
    if args.save:
        args.save.write_bytes(dump)
        return
    saved = args.against.read_bytes()
    if saved == dump:
        print("identical")
        return
    for i, (old, new) in enumerate(zip(documents(saved), documents(dump))):
        if old != new:
            old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
            line = next((k for k, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b),
                        min(len(old_lines), len(new_lines)))
            saved_line = old_lines[line] if line < len(old_lines) else b"(end)"
            new_line = new_lines[line] if line < len(new_lines) else b"(end)"
            sys.exit(f"document {i} differs at its line {line}:\n  saved: {saved_line!r}\n"
                     f"  now:   {new_line!r}")
    sys.exit("the dumps differ in length")


if __name__ == "__main__":
    main()
