"""Keyphrase extraction on news: F1@5 and F1@10 (stemmed exact match) and documents/second.

Data (``--dataset``, all read from ../shared/data/keywords/; see its README for sources):
- ``duc2001`` (default): 307 English news articles with reader-assigned keyphrases, 8.1 per
  article (Wan and Xiao 2008). Systems read the ``text`` field only (the ``headline`` field is
  separate, absent for 12 documents, and not part of ``text``).
- ``110_pt_bn_kp``: 110 Portuguese broadcast-news stories with crowd-assigned keyphrases, 24.4
  per story (Marujo et al. 2011, the KPCrowd-style collection of the 500N-KPCrowd authors; read
  as data from LIAAD/KeywordExtractor-Datasets@8cd1e18a).
- ``wikinews_fr``: 100 French Wikinews articles with reader-assigned keyphrases, 10.8 each
  (Bougouin et al. 2013; same repository; Wikinews text CC BY 2.5).
- ``all``: the three in turn.
Every system is told the data set's language (synopsis ``language=``, YAKE ``lan``, summa
``language``).

Matching, the usual protocol: a phrase is lowercased, split on whitespace, each word stripped
of surrounding punctuation and stemmed (NLTK's PorterStemmer for English, its Snowball stemmer
for Portuguese and French; no data files needed),
and the words re-joined; a prediction is correct when its normalised string equals a
normalised gold phrase. Predictions are de-duplicated after normalisation, then cut at k.
Per document: P@k = correct / predictions kept (at most k), R@k = correct / gold phrases
(all of them, including those that never occur in the text), F1 their harmonic mean;
the table shows the mean over documents, x100.

Systems (each asked for 10 phrases once; F1@5 uses the first five):
synopsis.keywords with method textrank, singlerank, positionrank, topicrank,
multipartiterank, tfidf and embedrank (a method the package does not know is reported and
skipped); embedrank once more with each --encoder given (e.g. --encoder minilm-int8);
FirstPhrases (synopsis's candidate phrases in order of first
occurrence, the headline-first position baseline); YAKE (yake.KeywordExtractor, English
defaults, n=3); summa.keywords.keywords (TextRank
words merged into phrases, split=True, in its score order). Speed: documents/second over
the same run, single thread; "vs YAKE" is the system's docs/s divided by YAKE's.

Example:
    python benchmarks/keywords_quality.py
    python benchmarks/keywords_quality.py --dataset all
    python benchmarks/keywords_quality.py --dataset 110_pt_bn_kp --limit 50
    python benchmarks/keywords_quality.py --encoder minilm-int8 --encoder ../shared/data/encoders/minilm_static_256.syn
"""

from __future__ import annotations

import time
from pathlib import Path
from statistics import mean
from typing import Callable

from _common import add_encoder_option, load_encoder, load_jsonl, make_parser, markdown_table, ratio

Extractor = Callable[[str], list[str]]  # text -> ranked phrases
TOP = 10
SYNOPSIS_METHODS = ("textrank", "singlerank", "positionrank", "topicrank", "multipartiterank", "tfidf", "embedrank")
_PUNCTUATION = ".,;:!?\"'`()[]{}"


DATASETS = {  # name: (file, language code, language name for NLTK/summa)
    "duc2001": ("keywords/duc2001.jsonl", "en", "english"),
    "110_pt_bn_kp": ("keywords/110_pt_bn_kp.jsonl", "pt", "portuguese"),
    "wikinews_fr": ("keywords/wikinews_fr.jsonl", "fr", "french"),
}


class PhraseNormalizer:
    def __init__(self, language: str = "english"):
        from nltk.stem import PorterStemmer, SnowballStemmer

        self._stem = PorterStemmer().stem if language == "english" else SnowballStemmer(language).stem
        self._cache: dict[str, str] = {}

    def __call__(self, phrase: str) -> str:
        if phrase not in self._cache:
            words = (word.strip(_PUNCTUATION) for word in phrase.lower().split())
            self._cache[phrase] = " ".join(self._stem(word) for word in words if word)
        return self._cache[phrase]


def prf_at(predicted: list[str], gold: set[str], k: int) -> tuple[float, float, float]:
    top = predicted[:k]
    correct = sum(phrase in gold for phrase in top)
    precision = correct / len(top) if top else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
    return precision, recall, f1


def unique(phrases: list[str]) -> list[str]:
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))


def synopsis_systems(probe_text: str, language: str) -> dict[str, Extractor]:
    from synopsis import keywords

    systems = {"synopsis default": lambda text: [kw.phrase for kw in keywords(text, top=TOP, language=language)]}
    for method in SYNOPSIS_METHODS:
        try:
            keywords(probe_text, top=TOP, method=method, language=language)
        except ValueError as error:
            print(f"synopsis.keywords(method={method!r}) not available: {error}")
            continue
        systems[f"synopsis {method}"] = (
            lambda text, method=method: [kw.phrase for kw in keywords(text, top=TOP, method=method, language=language)])
    return systems


def first_phrases(language: str) -> Extractor:
    """FirstPhrases: synopsis's candidate phrases in order of first occurrence (a position
    baseline, as pke's FirstPhrases): what a keyphrase method must beat on news."""
    from synopsis import keywords

    def extract(text: str) -> list[str]:
        candidates = keywords(text, top=1 << 30, method="tfidf", dedup="none", language=language)
        firsts = sorted((min(start for start, _end in kw.offsets), kw.phrase) for kw in candidates)
        return [phrase for _start, phrase in firsts[:TOP]]
    return extract


def yake_system(language: str) -> Extractor:
    import yake

    extractor = yake.KeywordExtractor(lan=language, n=3, top=TOP)
    return lambda text: [phrase for phrase, _score in extractor.extract_keywords(text)]


def summa_system(language: str) -> Extractor:
    from summa import keywords

    return lambda text: keywords.keywords(text, split=True, language=language)[:TOP]


def evaluate(extract: Extractor, documents: list[dict], normalize: PhraseNormalizer) -> dict[str, float]:
    extract(documents[0]["text"])  # warm-up: tables loaded on first use are not timed
    start = time.perf_counter()
    outputs = [extract(doc["text"]) for doc in documents]
    seconds = time.perf_counter() - start
    scores = {"F1@5": [], "F1@10": [], "P@10": [], "R@10": []}
    for phrases, doc in zip(outputs, documents):
        predicted = unique([normalize(phrase) for phrase in phrases])
        gold = {normalize(phrase) for phrase in doc["keyphrases"]}
        scores["F1@5"].append(prf_at(predicted, gold, 5)[2])
        p10, r10, f10 = prf_at(predicted, gold, 10)
        scores["F1@10"].append(f10)
        scores["P@10"].append(p10)
        scores["R@10"].append(r10)
    result = {key: 100 * mean(values) for key, values in scores.items()}
    result["docs/s"] = len(documents) / seconds
    return result


def run(name: str, args) -> None:
    relative, code, language = DATASETS[name]
    documents = load_jsonl(args.data, relative, args.limit)
    n_gold = mean(len(doc["keyphrases"]) for doc in documents)
    print(f"{name}: {len(documents)} documents ({code}), {n_gold:.1f} gold keyphrases each on average\n")
    normalize = PhraseNormalizer(language)

    systems = {**synopsis_systems(documents[0]["text"], code), "FirstPhrases (synopsis candidates)": first_phrases(code),
               f"YAKE ({code}, n=3)": yake_system(code), "summa keywords": summa_system(language)}
    from synopsis import keywords

    for spec in args.encoder:
        encoder = load_encoder(spec)
        systems[f"synopsis embedrank, encoder {Path(spec).name}"] = (
            lambda text, encoder=encoder: [kw.phrase for kw in keywords(text, top=TOP, method="embedrank",
                                                                          encoder=encoder, language=code)])
    results = {}
    for system, extract in systems.items():
        results[system] = evaluate(extract, documents, normalize)
        print(f"  {system}: F1@10 {results[system]['F1@10']:.2f}, {results[system]['docs/s']:.1f} docs/s")

    yake_rate = results[f"YAKE ({code}, n=3)"]["docs/s"]
    rows = [
        (system, f"{r['F1@5']:.2f}", f"{r['F1@10']:.2f}", f"{r['P@10']:.2f}", f"{r['R@10']:.2f}",
         f"{r['docs/s']:.1f}", ratio(r["docs/s"], yake_rate))
        for system, r in sorted(results.items(), key=lambda kv: -kv[1]["F1@10"])
    ]
    print()
    print(markdown_table(["system", "F1@5", "F1@10", "P@10", "R@10", "docs/s", "vs YAKE"], rows))
    print()


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="duc2001",
                        help="keyphrase set (default: %(default)s)")
    add_encoder_option(parser)
    args = parser.parse_args()
    for name in DATASETS if args.dataset == "all" else [args.dataset]:
        run(name, args)


if __name__ == "__main__":
    main()
