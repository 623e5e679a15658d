"""Build the English document-frequency table the TF-IDF keyphrase methods use without fit().

The table counts, for each candidate-phrase key (stems joined by spaces, exactly as
``KeywordExtractor.fit`` computes them), how many documents of a news corpus contain it, and
keeps the keys found in at least ``--min-df`` documents (a key missing from the table counts as
found in none). It is written to cpp/data/keywords/df_en.txt and compiled into the core.

Corpus: the 1,000 CNN/DailyMail validation articles of the news development set
(benchmarks/cnndm_validation.py writes them to ../shared/data/summ/cnndm_validation.jsonl; source
hillaryke/rag-optimization-cnn-dailymail@03d05440, articles of the CNN/DailyMail data set 3.0.0 of
Hermann et al. 2015 and See et al. 2017, released under the Apache-2.0 licence per its data card).
Only counts of stemmed phrases leave the corpus; no text does.

Rebuild the table whenever candidate extraction or stemming changes (the keys must match):
    python scripts/build_df_table.py ../shared/data/summ/cnndm_validation.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import synopsis as sy

OUTPUT = Path(__file__).resolve().parent.parent / "cpp" / "data" / "keywords" / "df_en.txt"

HEADER = """\
# Document frequencies of keyphrase candidate keys (Snowball English stems joined by spaces) in
# {documents} news articles: the CNN/DailyMail validation articles of synopsis's news development
# set (CNN/DailyMail data set 3.0.0, Hermann et al. 2015 and See et al. 2017; Apache-2.0 per its
# data card). Keys found in fewer than {min_df} articles are left out. Counts only, no text.
# Built by scripts/build_df_table.py; do not edit by hand. Format: the first entry is
# "documents<TAB>N", then "key<TAB>count", sorted by key.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSONL file with one article a line")
    parser.add_argument("--field", default="article", help="JSON field holding the text (default: %(default)s)")
    parser.add_argument("--min-df", type=int, default=2, help="smallest count kept (default: %(default)s)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="table to write (default: %(default)s)")
    args = parser.parse_args()

    with args.corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)[args.field] for line in handle if line.strip()]
    extractor = sy.KeywordExtractor(language="en").fit(texts)
    table = extractor.document_frequency
    kept = sorted((key, count) for key, count in table.items() if count >= args.min_df and "\t" not in key and not key.startswith("#"))
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(documents=len(texts), min_df=args.min_df))
        out.write(f"documents\t{len(texts)}\n")
        out.writelines(f"{key}\t{count}\n" for key, count in kept)
    print(f"{len(texts)} documents, {len(table)} keys, {len(kept)} kept (count >= {args.min_df}) -> {args.output}")


if __name__ == "__main__":
    main()
