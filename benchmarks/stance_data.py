"""Build the stance development sets beyond FNC-1 under ``../shared/data/stance/``.

Every set is read from a public GitHub repository snapshot (a bare git directory, by default
the local mirror ``/work/.mirror/<owner>+<name>/repo``; ``--mirror DIR`` points elsewhere)
at a fixed commit, and written as JSONL with the fields ``target, text, label, split``.
Labels are lowercase (``favor``, ``against``, ``none``), the convention of the synopsis
stance API. Splits are the ones the files come in: ``train`` to fit, ``dev`` to choose
settings, ``test`` held out (the benchmark reports on ``test`` only).

Sets (all from chuchun8/CKD @ c6ec3a92ff7ac3360d2e28c17944bb586d676855, the code release of
Li and Caragea, "Distilling Calibrated Knowledge for Stance Detection", Findings of ACL 2023;
the repository states no licence: research use, never shipped with the package):

* ``covid19_stance.jsonl`` -- COVID-19 stance tweets (Glandt, Khanal, Li, Caragea and
  Caragea, ACL 2021), ``data/covid19/raw_{train,val,test}_all_onecol.csv``: 6,133 tweets,
  four targets (face masks, fauci, school closures, stay at home orders), favor / against /
  none. Train 4,533, dev 800, test 800. The short-text set.
* ``pstance.jsonl`` -- P-Stance (Li, Sosea, Sawant, Nair, Inkpen and Caragea, Findings of
  ACL 2021), ``data/pstance/raw_{train,val,test}_all_onecol.csv``: 21,574 tweets, three
  targets (Donald Trump, Joe Biden, Bernie Sanders), favor / against only.
* ``ukp_argmin.jsonl`` -- UKP Sentential Argument Mining corpus (Stab, Miller, Schiller,
  Rai and Gurevych, EMNLP 2018), ``data/argmin/raw_{train,val,test}_all_onecol.csv``:
  25,492 sentences from web documents (news, editorials, blogs, debate portals found by
  search), eight topics, argument for (favor) / against / no argument (none). The
  cross-domain set: topic/sentence pairs from many outlets, none of them FNC-1's.

No public English headline/body news stance set other than FNC-1, its source Emergent and the
ARC corpus (both excluded here) was found with its text in a repository: STANDER and the UKP
Snopes corpus are distributed as URLs or on request. ``perspectrum.jsonl`` (already in the
shared data) is the second cross-domain set.

Example:
    python benchmarks/stance_data.py
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from pathlib import Path

from _common import DEFAULT_DATA

REPOSITORY = "chuchun8/CKD"
COMMIT = "c6ec3a92ff7ac3360d2e28c17944bb586d676855"
SETS = {  # output file -> folder in the repository
    "covid19_stance.jsonl": "data/covid19",
    "pstance.jsonl": "data/pstance",
    "ukp_argmin.jsonl": "data/argmin",
}
SPLITS = {"train": "train", "val": "dev", "test": "test"}
LABELS = {"FAVOR": "favor", "AGAINST": "against", "NONE": "none"}


def read_csv(git_dir: Path, path: str) -> list[dict]:
    raw = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{COMMIT}:{path}"],
                         check=True, capture_output=True).stdout
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def build(git_dir: Path, folder: str) -> list[dict]:
    rows = []
    for name, split in SPLITS.items():
        for row in read_csv(git_dir, f"{folder}/raw_{name}_all_onecol.csv"):
            text = " ".join(row["Tweet"].split())
            if not text:
                continue
            rows.append({"target": row["Target 1"].strip(), "text": text,
                         "label": LABELS[row["Stance 1"].strip().upper()], "split": split})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror/chuchun8+CKD/repo"),
                        help="bare git directory of github.com/chuchun8/CKD")
    parser.add_argument("--out", type=Path, default=DEFAULT_DATA / "stance")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, folder in SETS.items():
        rows = build(args.mirror, folder)
        with (args.out / filename).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {s: sum(r["split"] == s for r in rows) for s in SPLITS.values()}
        print(f"{filename}: {len(rows)} rows {counts}, targets {sorted({r['target'] for r in rows})}")


if __name__ == "__main__":
    main()
