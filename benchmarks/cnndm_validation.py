"""Build the lead-biased news development set: CNN/DailyMail validation articles with highlights.

Source of the articles: hillaryke/rag-optimization-cnn-dailymail at commit
03d05440507618d6bec073b46543696e5a47df20, file data/collection/cnn_dailymail_validation_subset.csv
(MIT licence for the repository; the articles are CNN and Daily Mail copyright, distributed for
research as the CNN/DailyMail data set of Hermann et al. 2015 / See et al. 2017, version 3.0.0,
non-anonymised). It holds 1,000 rows with columns article, highlights, id.

Proof of split: in CNN/DailyMail 3.0.0 an article's id is the SHA-1 of its URL, and the official
split is given by the URL lists of abisee/cnn-dailymail at commit
b15ad0a2db0d407a84b8ca9b5731e1f1c4bd24b9 (url_lists/all_val.txt, all_test.txt; MIT). This
script hashes both lists and keeps a row only when its id is the hash of a validation URL and of
no test URL, so no test-split article can enter the set (all 1,000 rows pass).

Output: one JSONL line per article, ``{"id", "article", "highlights"}``; ``highlights`` holds the
editor-written bullet points, one per line, with the data set's " ." endings tidied to ".".
The articles have no paragraph breaks (the data set joined them).

Example:
    git -C MIRROR show 03d0544:data/collection/cnn_dailymail_validation_subset.csv > val.csv
    git -C URLS show b15ad0a:url_lists/all_val.txt > all_val.txt
    git -C URLS show b15ad0a:url_lists/all_test.txt > all_test.txt
    python benchmarks/cnndm_validation.py val.csv all_val.txt all_test.txt \\
        -o ../shared/data/summ/cnndm_validation.jsonl
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path


def url_hashes(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as handle:
        return {hashlib.sha1(line.strip().encode("utf-8")).hexdigest() for line in handle if line.strip()}


def tidy_highlights(text: str) -> str:
    """One highlight a line, " ." at the end of a line turned into "."."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(re.sub(r"\s+\.$", ".", line) for line in lines if line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", type=Path, help="cnn_dailymail_validation_subset.csv")
    parser.add_argument("val_urls", type=Path, help="url_lists/all_val.txt")
    parser.add_argument("test_urls", type=Path, help="url_lists/all_test.txt")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSONL file to write")
    args = parser.parse_args()

    validation, test = url_hashes(args.val_urls), url_hashes(args.test_urls)
    if not validation or not test:
        sys.exit("error: a URL list is empty; pass url_lists/all_val.txt and url_lists/all_test.txt")
    csv.field_size_limit(1 << 24)
    kept = dropped = 0
    seen: set[str] = set()
    with args.csv.open(encoding="utf-8", newline="") as source, args.output.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(source):
            identifier = row["id"].strip()
            if identifier not in validation or identifier in test or identifier in seen:
                dropped += 1
                continue
            seen.add(identifier)
            record = {"id": identifier, "article": row["article"].strip(),
                      "highlights": tidy_highlights(row["highlights"])}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            kept += 1
    print(f"{kept} validation articles written to {args.output}; {dropped} rows dropped "
          f"(not provably validation, or repeated)")


if __name__ == "__main__":
    main()
