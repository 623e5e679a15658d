"""Segmentation throughput: synopsis.segment against sentence splitters and a bare ICU chain.

Measured: megabytes of UTF-8 input per second, single thread, over the BBC News Summary
articles (field ``article``) and the FNC-1 training bodies (field ``body``). Each system
runs over the whole corpus; the best of ``--repeat`` passes is reported (repeats stop early
once a system has used ``--budget`` seconds). The systems do different amounts of work:

* synopsis.segment builds the whole document model (paragraphs, sentences, tokens with
  NFKC-casefold normalisation, stems, heading/boilerplate flags);
* ICU chain (PyICU): sentence BreakIterator, then a word BreakIterator over each sentence,
  keeping word-like tokens and normalising each with ICU's NFKC_Casefold Normalizer2 -
  roughly the minimum a Python user would write to get sentences + normalised tokens
  from ICU (plain ``en`` locale, no abbreviation suppressions);
* pysbd, blingfire ``text_to_sentences`` and NLTK Punkt split sentences only. Punkt runs
  as an *untrained* ``PunktSentenceTokenizer()`` because its trained English model is an
  NLTK data download, which is not available offline.

The "synopsis is" column is synopsis MB/s divided by the system's MB/s.

Example:
    python benchmarks/segment.py              # full corpora (~8.7 MB)
    python benchmarks/segment.py --limit 200  # first 200 documents of each corpus
"""

from __future__ import annotations

import time
from typing import Callable

from _common import load_jsonl, make_parser, markdown_table, ratio

Segmenter = Callable[[str], tuple[int, int | None]]  # text -> (sentences, tokens or None)


def synopsis_system() -> Segmenter:
    from synopsis import segment

    def run(text: str) -> tuple[int, int]:
        doc = segment(text, language="en")
        return len(doc.sentences), len(doc.tokens)

    return run


def icu_system() -> Segmenter | None:
    try:
        import icu
    except ImportError:
        print("PyICU unavailable (pip install PyICU needs libicu-dev); ICU chain skipped")
        return None
    locale = icu.Locale("en")
    sentences = icu.BreakIterator.createSentenceInstance(locale)
    words = icu.BreakIterator.createWordInstance(locale)
    normalizer = icu.Normalizer2.getNFKCCasefoldInstance()
    word_none = 0  # UBRK_WORD_NONE: spaces, punctuation, symbols

    def run(text: str) -> tuple[int, int]:
        # Offsets from ICU are UTF-16 units, so slice ICU's own UnicodeString.
        utext = icu.UnicodeString(text)
        sentences.setText(utext)
        n_sentences = n_tokens = 0
        start = sentences.first()
        for end in sentences:
            sentence = utext[start:end]
            words.setText(sentence)
            word_start = words.first()
            for word_end in words:
                if words.getRuleStatus() != word_none:
                    normalizer.normalize(sentence[word_start:word_end])
                    n_tokens += 1
                word_start = word_end
            n_sentences += 1
            start = end
        return n_sentences, n_tokens

    return run


def pysbd_system() -> Segmenter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: (len(segmenter.segment(text)), None)


def blingfire_system() -> Segmenter:
    import blingfire

    return lambda text: (len(blingfire.text_to_sentences(text).split("\n")), None)


def punkt_system() -> Segmenter:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()  # untrained: the trained model is a download
    return lambda text: (len(tokenizer.tokenize(text)), None)


def measure(run: Segmenter, texts: list[str], repeat: int, budget: float):
    """Best-of-N seconds over the corpus, plus the sentence and token counts."""
    best = float("inf")
    spent = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        counts = [run(text) for text in texts]
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        if spent > budget:
            break
    n_sentences = sum(c[0] for c in counts)
    n_tokens = None if counts and counts[0][1] is None else sum(c[1] for c in counts)
    return best, n_sentences, n_tokens


def main() -> None:
    parser = make_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="passes per system (best is kept)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="stop repeating a system once it has used this many seconds")
    args = parser.parse_args()

    bbc = [row["article"] for row in load_jsonl(args.data, "summ/bbc_news_summary.jsonl", args.limit)]
    fnc = [row["body"] for row in load_jsonl(args.data, "stance/fnc1_train_bodies.jsonl", args.limit)]
    texts = bbc + fnc
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"corpus: {len(bbc)} BBC articles + {len(fnc)} FNC-1 bodies = {megabytes:.2f} MB UTF-8\n")

    systems = {
        "synopsis.segment (document model)": synopsis_system(),
        "ICU chain (PyICU: sentences + words + NFKC_Casefold)": icu_system(),
        "pysbd (sentences)": pysbd_system(),
        "blingfire text_to_sentences": blingfire_system(),
        "NLTK Punkt, untrained (sentences)": punkt_system(),
    }
    results = {}
    for name, run in systems.items():
        if run is None:
            continue
        seconds, n_sentences, n_tokens = measure(run, texts, args.repeat, args.budget)
        results[name] = (megabytes / seconds, n_sentences, n_tokens)
        print(f"  {name}: {megabytes / seconds:.2f} MB/s")

    ours = results.get("synopsis.segment (document model)", (None,))[0]
    rows = [
        (name, f"{mbps:.2f}", n_sentences, n_tokens, ratio(ours, mbps))
        for name, (mbps, n_sentences, n_tokens) in sorted(results.items(), key=lambda kv: -kv[1][0])
    ]
    for name, run in systems.items():
        if run is None:
            rows.append((name, "n/a", None, None, "n/a"))
    print()
    print(markdown_table(["system", "MB/s", "sentences", "tokens", "synopsis is"], rows))


if __name__ == "__main__":
    main()
