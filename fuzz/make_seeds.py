"""Writes the seed corpora in fuzz/corpus/<target>/ (run from anywhere; idempotent).

Seeds are small on purpose: short texts of our own in several scripts, the bundled
example article whole, truncated and with bytes flipped, and a few broken encodings.
Each fuzz target reads its options from the first bytes (see fuzz/fuzz_input.hpp and the
target's own header comment), so every seed starts with an option prefix.
"""

from __future__ import annotations

import hashlib
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent
REPO = ROOT.parent

# Index into fuzz::Input::language()'s list of codes.
CODES = ["en", "de", "fr", "es", "it", "pt", "pt-BR", "nl", "sv", "da", "no", "fi", "ru", "uk", "pl",
         "cs", "tr", "el", "hy", "ar", "he", "fa", "hi", "th", "ja", "zh", "zh-Hant-TW", "ko", "vi",
         "id", "hu", "ro", "et", "lt", "ga", "eu", "ca", "sr_Latn", "xx", "qaa", "EN", "en_US_POSIX"]

TEXTS = {
    "en": "Mr. J. R. Smith met Dr. Lee in the U.S. Senate at 5 p.m. on Monday. They talked... "
          "\"Is it over?\" she asked. (Nobody knew.) 1. First point 2. Second point\n\nThe End",
    "de": "Am 3. Oktober 2024 kam Herr Dr. Müller nach Berlin. Er sagte: „Das ist z. B. gut.“ "
          "Danach ging er heim.",
    "fr": "« Je pars demain. » Il est parti. M. Dupont l'a vu à 8 h. Voilà !",
    "ru": "Г-н Иванов приехал в 9 ч. утра. Он сказал: «Всё в порядке». Т. е. ничего нового.",
    "hy": "Բարեւ: Ինչպե՞ս ես: Ես լավ եմ։",
    "ar": "ذهب الولد إلى المدرسة. هل رأيته؟ نعم، رأيته.",
    "he": "הילד הלך לבית הספר. האם ראית אותו? כן.",
    "hi": "राम घर गया। वह खुश था। क्या तुम आओगे?",
    "th": "วันนี้อากาศดีมาก ฉันไปตลาด แล้วกลับบ้าน",
    "ja": "今日は晴れです。明日は雨でしょう！本当ですか？",
    "zh": "今天天气很好。我们去公园吧！你觉得呢？",
    "ko": "오늘은 날씨가 좋다. 내일은 비가 온다? 그렇다!",
    "el": "Ο κ. Παπαδόπουλος ήρθε. Τι έγινε; Τίποτα.",
    "tr": "Ahmet Bey 3. kata çıktı. Sonra eve döndü! Neden?",
}

ODD = [
    b"",
    b" \n\t\r\n  \n",
    b"...!!!???;;;",
    b"1 2 3 4 5 6 7 8 9 10. 11. 12.",
    b"Home\nWorld\nSport\nHome\nWorld\nSport\n",
    b"\xef\xbb\xbfBOM first. Then text.",
    b"bad \xc0\xaf overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 too high \xff end.",
    b"nul\x00byte. ctl\x01\x02\x1b[0m text.",
    "zwj 👩‍👩‍👧 family. rtl \u202eevil\u202c. combining e\u0301\u0301\u0301.".encode(),
    b"\xe2\x80\xa2 one \xe2\x80\xa2 two \xe2\x80\xa2 three",
    b"a. x b. y c. z (1) first (2) second",
    b"word " * 40,
    b"x" * 300,
]


def write(target: str, name: str, data: bytes) -> None:
    out = ROOT / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(data)


def segment_seeds() -> list[bytes]:
    seeds = []
    for code, text in TEXTS.items():
        seeds.append(bytes([CODES.index(code), 0]) + text.encode())
    article = (REPO / "examples" / "news_article.txt").read_bytes()
    seeds.append(b"\x00\x00" + article)
    rng = random.Random(7)
    for cut in (1, 97, 400, 1001):
        seeds.append(b"\x00\x00" + article[:cut])
    for k in range(4):
        data = bytearray(article[: 300 + 200 * k])
        for _ in range(8):
            data[rng.randrange(len(data))] = rng.randrange(256)
        seeds.append(bytes([k, 1]) + bytes(data))
    for i, odd in enumerate(ODD):
        seeds.append(bytes([i % len(CODES), i % 2]) + odd)
    # Raw (malformed and unusual) language codes: 0xF0 then the code up to '|'.
    for code in (b"", b"e", b"toolong", b"en-", b"en--US", b"x-private", b"\xff\xfe", b"de-DE-1996"):
        seeds.append(b"\xf0" + code + b"|\x00" + TEXTS["de"].encode()[:60])
    return seeds


def _texts() -> list[tuple[int, bytes]]:
    article = (REPO / "examples" / "news_article.txt").read_bytes()
    out = [(CODES.index(code), text.encode()) for code, text in TEXTS.items()]
    out += [(0, article), (0, article[:700]), (0, b""), (0, b"Word. " * 30), (0, b"Home\nWorld\nHome\n")]
    return out


def summarize_seeds() -> list[bytes]:
    # language, method, encoder, sentences, ratio, words, diversity, query_weight,
    # title_weight, position_weight, use_title; "query|"; text  (see fuzz_summarize.cpp)
    seeds = []
    for i, (lang, text) in enumerate(_texts()):
        method, encoder = i % 4, i % 4
        seeds.append(bytes([lang, method, encoder, 3, 0, 0, 0, 4, 2, 0, 1]) + b"|" + text)
        seeds.append(bytes([lang, (i + 1) % 4, (i + 2) % 4, 0, 2, 40, 8, 4, 2, 4, 0]) + b"flood barrier|" + text)
    seeds.append(bytes([0, 0, 0, 0, 16, 0, 16, 16, 16, 16, 1]) + b"|" + _texts()[-5][1])  # NaN everywhere
    return seeds


def keywords_seeds() -> list[bytes]:
    # language, method, top, window, damping, cluster_threshold, alpha, dedup, max_words,
    # flags; text  (see fuzz_keywords.cpp)
    seeds = []
    for i, (lang, text) in enumerate(_texts()):
        seeds.append(bytes([lang, i % 6, 10, 0, 6, 5, 9, i % 3, 4, 3]) + text)
    seeds.append(bytes([0, 3, 0xF0, 0xF3, 16, 16, 16, 0, 0xF2, 0]) + _texts()[-5][1])
    return seeds


def stance_seeds() -> list[bytes]:
    # language, scheme, related_threshold, sentence_threshold; "target|"; text
    seeds = []
    targets = [b"flood barrier", b"the council", b"Berlin", b"\xe4\xbb\x8a\xe5\xa4\xa9", b"", b"Mr."]
    for i, (lang, text) in enumerate(_texts()):
        seeds.append(bytes([lang, i % 2, 1, 1]) + targets[i % len(targets)] + b"|" + text)
    seeds.append(bytes([0, 0, 16, 17]) + b"flood|" + _texts()[-5][1])
    return seeds


def stance_model_seeds() -> list[bytes]:
    """A small fitted model (via the installed package), whole, truncated and flipped."""
    try:
        import synopsis._core as core
    except ImportError:
        return []
    model = core.StanceModel(model="mlp", hidden_units=2, hash_bits=4, max_epochs=2, validation_fraction=0.0)
    targets = ["flood barrier", "council vote", "flood barrier", "council vote"] * 3
    texts = ["The barrier will protect homes.", "The vote was not held.", "It is a hoax, officials said.",
             "Reports say the vote passed."] * 3
    model.fit(targets, texts, ["agree", "disagree", "discuss", "agree"] * 3)
    logistic = core.StanceModel(model="logistic", hash_bits=4, max_epochs=1, validation_fraction=0.0)
    logistic.fit(targets, texts, ["favor", "against"] * 6)
    # format 3: n-gram blocks salted per target, and a model per target
    per_target = core.StanceModel(model="logistic", features="target_ngrams", per_target=True, hash_bits=4,
                                  ngram_bits=4, max_epochs=1, validation_fraction=0.0)
    per_target.fit(targets * 3, texts * 3, [0, 1, 2, 1] * 9)
    seeds = []
    rng = random.Random(11)
    for blob in (bytes(model.to_bytes()), bytes(logistic.to_bytes()), bytes(per_target.to_bytes())):
        payload = blob[20:-8]
        seeds += [b"\x00" + blob, b"\x01" + payload, b"\x00" + blob[:-9], b"\x01" + payload[: len(payload) // 2]]
        for _ in range(3):
            flipped = bytearray(payload)
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
            seeds.append(b"\x01" + bytes(flipped))
    seeds += [b"\x00SYNSTNC\x00", b"\x00" + b"\x00" * 40, b"\x01"]
    return seeds


PAGES = [
    b"<!DOCTYPE html><html><head><title>Flood barrier opens - Valley News</title><style>p{}</style>"
    b"<script>track('x')</script></head><body><nav><a href=/>Home</a></nav><article><h1>Barrier opens</h1>"
    b"<p>The barrier opened on Monday &amp; held, officials said.</p><h2>Costs</h2><p>It cost &pound;5m"
    b"&#x2014;more than <a href=/plan>planned</a>.</p><ul><li>one</li><li>two</li></ul><pre> a\n  b</pre>"
    b"<p hidden>x</p><div aria-hidden=true>y</div><span style='display:none'>z</span></article>"
    b"<footer>&copy; 2026</footer></body></html>",
    b"<p>First <b>bold <i>both</b> italic?<p>Unclosed <div>block<table><td>cell<tr>row</table>",
    b"<main><p>Main&notit; &unknown; AT&T &#0; &#x110000; &#99999999999;</p></main>",
    b"\xef\xbb\xbf<?xml version='1.0'?>\n<html><body>XHTML\r\nline\rbreaks</body></html>",
    b"<!-- saved --><title>Site | A long headline</title><p>Body text.</p>",
    b"<div>" * 200 + b"deep" + b"<b>" * 50,
    b"<p>bad \xff\xfe bytes</p>",
    b"I <3 cats; x < y and <b> is not at the start.",
]


def html_seeds() -> list[bytes]:
    # language, flags (bit 0: errors replace, bit 1: format auto); page  (see fuzz_html.cpp)
    return [bytes([i % 3, i % 4]) + page for i, page in enumerate(PAGES)]


def main() -> None:
    for target, seeds in [("fuzz_html", html_seeds()), ("fuzz_segment", segment_seeds()), ("fuzz_summarize", summarize_seeds()),
                          ("fuzz_keywords", keywords_seeds()), ("fuzz_stance", stance_seeds()),
                          ("fuzz_stance_model_load", stance_model_seeds())]:
        for data in seeds:
            write(target, hashlib.sha1(data).hexdigest()[:16], data)


if __name__ == "__main__":
    main()
