"""Build the stance development sets beyond FNC-1 under ``../shared/data/stance/``.

Every set is read from a public GitHub repository snapshot (a bare git directory, by default
the local mirror ``/work/.mirror/<owner>+<name>/repo``; ``--mirrors DIR`` points elsewhere)
at a fixed commit, and written as JSONL with the fields ``target, text, label, split``.
Labels are lowercase (``favor``, ``against``, ``none``), the convention of the synopsis
stance API. Splits are the ones the files come in: ``train`` to fit, ``dev`` to choose
settings, ``test`` held out (the benchmark reports on ``test`` only).

Short-text and argument sets (all from chuchun8/CKD @ c6ec3a92ff7ac3360d2e28c17944bb586d676855,
the code release of Li and Caragea, "Distilling Calibrated Knowledge for Stance Detection",
Findings of ACL 2023; the repository states no licence: research use, never shipped with the
package):

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
  search), eight topics, argument for (favor) / against / no argument (none).

The news set:

* ``gwsd.jsonl`` -- the Global Warming Stance Dataset (Luo, Card and Jurafsky, "Detecting
  Stance in Media on Global Warming", Findings of EMNLP 2020), yiweiluo/GWStance @
  7c448113a598830d3577615f48fdeab2383147ca, ``GWSD.tsv``; no licence is stated in the
  repository (research use). Sentences from US news articles on climate change (opinion
  clauses of 56K articles from left- and right-leaning outlets), each rated by eight
  annotators for its stance towards one claim, "Global warming is a serious concern"; the
  label is the most probable of the authors' inferred label distribution (columns ``agree``,
  ``disagree``, ``neutral``), read as favor / against / none. The five screening sentences
  shown in every batch (no inferred distribution) are left out; a sentence rated in more than
  one batch is kept once, in the held-out test set when one of its ratings was there, else
  its first rating. Splits: ``in_held_out_test`` is the authors' test set (200 sentences:
  agree 76, disagree 39, neutral 85); the other 1,842 distinct sentences are ``train``
  (1,667) and ``dev`` (175: one in ten by CRC-32 of the sentence). 2,042 sentences in all,
  favor 773, against 397, none 872. This is claim / news-sentence stance from outlets other
  than FNC-1's, with FNC-1's related labels in all but name (agree / disagree / neutral).

The zero-shot set:

* ``vast.jsonl`` -- VAST, Varied Stance Topics (Allaway and McKeown, "Zero-Shot Stance
  Detection: A Dataset and Model using Generalized Topic Representations", EMNLP 2020):
  comments on New York Times "Room for Debate" articles, each paired with topics (thousands
  of them), pro / con / neutral read as favor / against / none; the field ``zero_shot`` is
  true for topics not seen in VAST's training split (its ``seen?`` = 0). The authors'
  repository (emilyallaway/zero-shot-stance @ e7c4775182b184730f350995f8260579c9e066fe) lists
  ``data/VAST/vast_{train,dev,test}.csv``, but its snapshot here lacks all three (files of
  4 MiB and more are not kept), so dev and test come from a four-column copy (``Tweet,
  Target 1, Stance 1, seen?`` = post, topic, label, seen?) in PQH-hub/GLMCL_stance_detection
  @ a8330808e2a6e49b33e4fc4e8d464a884c3768bc, ``vast_{dev,test}.csv`` (2,062 and 3,006 rows,
  the sizes the VAST paper gives; 1,460 test rows with zero-shot topics, as in the paper).
  No training split is reachable, so VAST serves the zero-shot tagger and the models trained
  on other data. No licence is stated in either repository (research use).

Candidates checked for a headline/body or claim/article news set other than FNC-1 (its
source Emergent and the ARC corpus are excluded) and why each fails here:

* STANDER (Conforti et al., Findings of EMNLP 2020, M&A news): distributed as URLs on
  request; the article texts of its four mergers are in fm-chen/Summer-Project-Note
  (``src/newsArticles.csv``: date, outlet, title, article, summary, merger) but without the
  stance labels, which only the official release has.
* UKP Snopes corpus (Hanselowski et al., CoNLL 2019): on request.
* NewsClaims (blender-nlp/NewsClaims, affirm / refute stance of claims in news): the data is
  on Google Drive, not in the repository.
* AraStance (Tariq60/arastance, Arabic claim/article pairs with FNC-1 labels): the snapshot
  lacks its ``data/{train,dev,test}.jsonl`` (4 MiB and more); the Arabic corpus of Baly et
  al. (NAACL 2018) was not found in a repository either.
* CHeeSE (mediatechnologycenter/CHeeSE, German news articles against debate questions): the
  data is a download from ETH's site, not in the repository.
* COVID-Fact (asaakyan/covidfact): claims are Reddit post titles with evidence sentences from
  their (mostly scientific) sources, and every refuted claim is a machine-made word swap of a
  supported one: a fact-verification set, not stance in news.
* ClaimDiff (kaistAI/ClaimDiff): pairs of claims from two outlets labelled for whether one
  strengthens or weakens the other, not for stance.
* VacStance (same format as GWSD, Covid-19 vaccine news sentences): its ``vacstance.tsv`` is
  described in a README found in the index but no repository holding it was found.

Example:
    python benchmarks/stance_data.py
    python benchmarks/stance_data.py --sets gwsd,vast
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import zlib
from pathlib import Path
from typing import Callable

from _common import DEFAULT_DATA

CKD = ("chuchun8/CKD", "c6ec3a92ff7ac3360d2e28c17944bb586d676855")
GWSD = ("yiweiluo/GWStance", "7c448113a598830d3577615f48fdeab2383147ca")
VAST_COPY = ("PQH-hub/GLMCL_stance_detection", "a8330808e2a6e49b33e4fc4e8d464a884c3768bc")
CKD_SPLITS = {"train": "train", "val": "dev", "test": "test"}
LABELS = {"FAVOR": "favor", "AGAINST": "against", "NONE": "none"}
GWSD_TARGET = "Global warming is a serious concern"
GWSD_LABELS = {"agree": "favor", "disagree": "against", "neutral": "none"}
DEV_EVERY = 10  # one non-test GWSD sentence in ten is dev


def read_text(mirrors: Path, source: tuple[str, str], path: str) -> str:
    """One file of a repository snapshot at the set's fixed commit."""
    repository, commit = source
    git_dir = mirrors / repository.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        raise SystemExit(f"error: no snapshot of {repository} at {git_dir} (pass --mirrors DIR)")
    raw = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
                         check=True, capture_output=True).stdout
    return raw.decode("utf-8")


def build_ckd(mirrors: Path, folder: str) -> list[dict]:
    rows = []
    for name, split in CKD_SPLITS.items():
        table = csv.DictReader(io.StringIO(read_text(mirrors, CKD, f"{folder}/raw_{name}_all_onecol.csv")))
        for row in table:
            text = " ".join(row["Tweet"].split())
            if not text:
                continue
            rows.append({"target": row["Target 1"].strip(), "text": text,
                         "label": LABELS[row["Stance 1"].strip().upper()], "split": split})
    return rows


def build_gwsd(mirrors: Path) -> list[dict]:
    table = csv.DictReader(io.StringIO(read_text(mirrors, GWSD, "GWSD.tsv")), delimiter="\t")
    chosen: dict[str, dict] = {}  # sentence -> its row; a held-out test rating wins
    for row in table:
        if not row["agree"]:  # a screening sentence: no inferred label distribution
            continue
        text = " ".join(row["sentence"].split())
        in_test = row["in_held_out_test"] == "True"
        if text and (text not in chosen or (in_test and chosen[text]["split"] != "test")):
            probabilities = {name: float(row[name]) for name in GWSD_LABELS}
            if in_test:
                split = "test"
            else:
                split = "dev" if zlib.crc32(text.encode("utf-8")) % DEV_EVERY == 0 else "train"
            chosen[text] = {"target": GWSD_TARGET, "text": text,
                            "label": GWSD_LABELS[max(probabilities, key=probabilities.get)],
                            "split": split, "guid": row["guid"]}
    return list(chosen.values())


def build_vast(mirrors: Path) -> list[dict]:
    rows = []
    for split in ("dev", "test"):
        for row in csv.DictReader(io.StringIO(read_text(mirrors, VAST_COPY, f"vast_{split}.csv"))):
            text = " ".join(row["Tweet"].split())
            if text:
                rows.append({"target": row["Target 1"].strip(), "text": text,
                             "label": LABELS[row["Stance 1"].strip().upper()], "split": split,
                             "zero_shot": row["seen?"].strip() == "0"})
    return rows


SETS: dict[str, tuple[str, Callable[[Path], list[dict]]]] = {  # name -> (output file, builder)
    "covid19": ("covid19_stance.jsonl", lambda mirrors: build_ckd(mirrors, "data/covid19")),
    "pstance": ("pstance.jsonl", lambda mirrors: build_ckd(mirrors, "data/pstance")),
    "argmin": ("ukp_argmin.jsonl", lambda mirrors: build_ckd(mirrors, "data/argmin")),
    "gwsd": ("gwsd.jsonl", build_gwsd),
    "vast": ("vast.jsonl", build_vast),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder of repository snapshots, <owner>+<name>/repo each (default: %(default)s)")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    parser.add_argument("--out", type=Path, default=DEFAULT_DATA / "stance")
    args = parser.parse_args()
    names = args.sets.split(",")
    unknown = sorted(set(names) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        filename, build = SETS[name]
        rows = build(args.mirrors)
        with (args.out / filename).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts = {s: sum(r["split"] == s for r in rows) for s in ("train", "dev", "test")}
        labels = {label: sum(r["label"] == label for r in rows) for label in ("favor", "against", "none")}
        targets = sorted({r["target"] for r in rows})
        shown = targets if len(targets) <= 8 else f"{len(targets)} targets"
        print(f"{filename}: {len(rows)} rows {counts}, labels {labels}, targets {shown}")


if __name__ == "__main__":
    main()
