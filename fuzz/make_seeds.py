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


def main() -> None:
    for data in segment_seeds():
        write("fuzz_segment", hashlib.sha1(data).hexdigest()[:16], data)


if __name__ == "__main__":
    main()
