"""The bad-input catalogue: whatever a scraper hands over, every public function returns
a correct result or raises a clear ValueError / TypeError. Nothing crashes, hangs or
returns garbage (every result is checked against the structural promises of the API)."""

from __future__ import annotations

import ctypes
import ctypes.util
import pickle
import time

import pytest

import synopsis as sy

REPLACEMENT = "\ufffd"


def check_document(doc, text: str | None = None) -> None:
    """The promises every Document keeps: str offsets, order, trimming, containment."""
    full = doc.text
    if text is not None:
        assert full == text
    prev_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i
        assert prev_end <= s.start < s.end <= len(full)
        assert full[s.start:s.end] == s.text
        assert s.text == s.text.strip() or not s.text[0].isspace() and not s.text[-1].isspace()
        prev_end = s.end
    sentences = doc.sentences
    prev_end = 0
    for t in doc.tokens:
        assert prev_end <= t.start < t.end <= len(full)
        assert full[t.start:t.end] == t.text
        s = sentences[t.sentence]
        assert s.start <= t.start and t.end <= s.end
        assert t.kind in ("word", "number", "punctuation", "symbol")
        prev_end = t.end
    for p in doc.paragraphs:
        assert full[p.start:p.end] == p.text
        first, last = p.sentences
        assert 0 <= first < last <= len(sentences)
    assert doc.title is None or doc.title == sentences[0].text
    assert len(doc) == len(sentences)
    repr(doc)


def segment(text, **kw):
    doc = sy.segment(text, **kw)
    check_document(doc)
    return doc


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize(
    "bad",
    [
        b"\xc0\xaf",  # overlong "/"
        b"\xc1\xbf",  # overlong, two bytes
        b"\xe0\x80\xaf",  # overlong, three bytes
        b"\xf0\x80\x80\xaf",  # overlong, four bytes
        b"\xed\xa0\x80",  # UTF-16 surrogate encoded in UTF-8 (CESU)
        b"\xed\xbf\xbf",
        b"\xf4\x90\x80\x80",  # above U+10FFFF
        b"\xf5\x80\x80\x80",
        b"\xfe",
        b"\xff",
        b"\x80",  # lone continuation byte
        b"\xe2\x82",  # truncated sequence
    ],
    ids=lambda b: b.hex(),
)
def test_invalid_utf8_bytes_name_the_offset(bad):
    with pytest.raises(ValueError, match=r"not valid UTF-8.*byte offset 3"):
        sy.segment(b"ok " + bad + b" tail.")
    doc = segment(b"ok " + bad + b" tail.", errors="replace")
    assert REPLACEMENT in doc.text and doc.text.startswith("ok ")


def test_truncated_sequence_at_the_very_end():
    with pytest.raises(ValueError, match="byte offset 5"):
        sy.segment("Euro \u20ac".encode()[:-1])


def test_bytearray_is_accepted_like_bytes():
    doc = segment(bytearray("Grüße aus Köln. Bis bald.".encode()), language="de")
    assert [s.text for s in doc.sentences] == ["Grüße aus Köln.", "Bis bald."]


def test_lone_surrogate_in_str():
    text = "Broken \ud800 surrogate. Fine."
    with pytest.raises(ValueError, match="lone surrogate at index 7"):
        sy.segment(text)
    doc = segment(text, errors="replace")
    assert "\ud800" not in doc.text and len(doc.sentences) == 2


def test_surrogate_pair_written_as_two_code_points_is_rejected():
    with pytest.raises(ValueError, match="lone surrogate at index 0"):
        sy.segment("\ud83d\ude00 smile.")


def test_unknown_errors_mode():
    with pytest.raises(ValueError, match='errors must be "strict" or "replace"'):
        sy.segment("Text.", errors="ignore")


def test_nul_bytes_are_kept_as_text():
    text = "First\x00one. Second\x00\x00one."
    doc = segment(text)
    assert doc.text == text
    assert [s.text for s in doc.sentences] == ["First\x00one.", "Second\x00\x00one."]


def test_byte_order_mark_at_start_and_inside():
    doc = segment("\ufeffHello there. General\ufeff Kenobi.")
    assert doc.sentences[0].text == "Hello there."
    assert doc.sentences[0].start == 1
    doc = segment("\ufeffHello there.".encode())
    assert doc.sentences[0].start == 1


def test_byte_order_mark_after_a_word_stays_out_of_the_token():
    # Found by fuzz_segment: "0\ufeff" was one token reaching past its sentence's end.
    doc = segment(b"er ArieKr T\xde\x050\xef\xbb\xbf", language="ro", errors="replace")
    assert doc.tokens[-1].text == "0"
    doc = segment("A word\ufeff and another\ufeff\ufeff.")
    assert [t.text for t in doc.tokens] == ["A", "word", "and", "another"]


def test_control_characters():
    text = "Alarm\x07 rang. Escape \x1b[31mred\x1b[0m text.\x7f End\x01. Form\x0cfeed\x0bvtab."
    doc = segment(text)
    assert len(doc.sentences) >= 3


def test_carriage_returns_as_line_ends():
    doc = segment("Headline\r\n\r\nFirst line of prose here.\r\nSecond line here.\rThird.")
    assert doc.sentences[0].text == "Headline"
    assert all("\r" not in s.text[-1:] for s in doc.sentences)


def test_right_to_left_text_and_bidi_controls():
    doc = segment("\u202bذهب الولد إلى المدرسة.\u202c هل رأيته؟ نعم.", language="ar")
    assert len(doc.sentences) == 3
    doc = segment("הילד הלך לבית הספר. האם ראית אותו? כן.", language="he")
    assert len(doc.sentences) == 3
    segment("\u202eevil\u202c override. \u200fmark\u200e here. \u2066isolate\u2069.")


def test_combining_marks():
    doc = segment("Ze\u0301\u0301\u0301\u0308\u0308 said it\u0327\u0327. Then\u0300 left.")
    assert len(doc.sentences) == 2
    assert doc.tokens[0].text == "Ze\u0301\u0301\u0301\u0308\u0308"
    segment("\u0301\u0301\u0301 starts with marks.")
    segment("\u0301" * 10000)


def test_zero_width_joiners_and_emoji():
    doc = segment("The family \U0001f469\u200d\U0001f469\u200d\U0001f467 smiled. Flags \U0001f1fa\U0001f1f8 waved.")
    assert len(doc.sentences) == 2
    segment("\u200d\u200d\u200d")
    segment("zero\u200bwidth\u200bspace. word\u2060joiner.")


def test_astral_characters_keep_str_offsets():
    text = "𝔗𝔥𝔢 𝔢𝔫𝔡. 🙂🙂 Next one. 𠜎𠜱 done."
    doc = segment(text)
    assert len(doc.sentences) == 3


def test_mixed_scripts_in_one_text():
    segment("English. Ελληνικά. Русский. العربية. हिन्दी। 日本語。 한국어. ไทย")


# ---------------------------------------------------------------- shapes and sizes

def test_empty_text():
    doc = segment("")
    assert doc.sentences == [] and doc.tokens == [] and doc.paragraphs == [] and doc.title is None
    assert segment(b"").sentences == []


@pytest.mark.parametrize("text", [" ", "\n\n\n", " \t\r\n\f\v", "\u00a0\u3000\u2028\u2029\u200b", "\ufeff"])
def test_only_whitespace(text):
    assert segment(text).sentences == []


@pytest.mark.parametrize("text", ["...!!!???", ";;;,,,:::---", "\u2026\u3002\uff01\u061f\u0964", "\"\"''(()))]]}}", ". . . ."])
def test_only_punctuation(text):
    doc = segment(text)
    assert all(t.kind != "word" for t in doc.tokens)


def test_only_boilerplate():
    doc = segment("Home\nWorld\nSport\nShare this article\nHome\nWorld\nSport\n")
    assert doc.prose == []


def test_numbers_only():
    doc = segment("1 2 3. 4.5 6,7 8. 9 10 11. 2024. 2025. 3.14159 -1 +2 1e10")
    assert doc.tokens and all(t.kind == "number" for t in doc.tokens if t.text[0].isdigit())


def test_one_megabyte_token():
    token = "x" * (1 << 20)
    doc = segment(f"Start {token} end.")
    assert len(doc.sentences) == 1
    assert [len(t.text) for t in doc.tokens] == [5, 1 << 20, 3]


def test_hundred_thousand_one_word_sentences():
    doc = segment("Yes. " * 100_000)
    assert len(doc.sentences) == 100_000
    assert doc.sentences[-1].text == "Yes."


def test_hundred_thousand_lines_take_linear_time():
    def seconds(lines: int) -> float:
        start = time.perf_counter()
        doc = sy.segment("Word\n" * lines)
        assert len(doc.sentences) == lines
        doc = sy.segment("word and\n" * lines + "end.")
        assert len(doc.sentences) == 1
        return time.perf_counter() - start

    small = seconds(10_000)
    big = seconds(100_000)
    # Linear: about 10 times as long; it used to be quadratic (about 100 times).
    assert big < 30 * small + 0.5, (small, big)
    check_document(sy.segment("Word\n" * 1000))


def test_twenty_megabytes_without_punctuation():  # about 2.5 s
    text = ("word another thing " * 1_100_000)[:20_000_000]
    doc = sy.segment(text)
    assert len(doc.sentences) == 1
    s = doc.sentences[0]
    assert s.start == 0 and s.end == len(text.rstrip())


def test_two_megabytes_on_one_line_of_many_sentences():
    text = "A short sentence here. " * 90_000
    doc = sy.segment(text)
    assert len(doc.sentences) == 90_000
    assert doc.sentences[-1].end == len(text) - 1


def test_deeply_nested_brackets_and_quotes():
    segment("(" * 5000 + "inside." + ")" * 5000)
    segment("\"'«" * 3000 + "Quoted." + "»'\"" * 3000)


def test_list_marker_lookalikes():
    segment("1. 2. 3. 4. 5. 6. 7. 8. 9. 10. " * 200)
    segment("a) b) c) d) (1) (2) (3) i. ii. iii. " * 200)
    segment("\u2022 " * 5000)


def test_html_leftovers():
    doc = segment("<div class='nav'>Home</div>\n<p>The council met on Tuesday.&nbsp;It voted.</p>\n<script>var x = 1;</script>")
    assert len(doc.sentences) >= 3


# ---------------------------------------------------------------- languages

def _icu_language_codes() -> list[str]:
    """Every locale ICU reports as available (uloc_getAvailable), read from libicuuc."""
    path = ctypes.util.find_library("icuuc") or "libicuuc.so"
    lib = ctypes.CDLL(path)
    for suffix in [""] + [f"_{v}" for v in range(80, 50, -1)]:
        count = getattr(lib, "uloc_countAvailable" + suffix, None)
        if count is not None:
            get = getattr(lib, "uloc_getAvailable" + suffix)
            get.restype = ctypes.c_char_p
            get.argtypes = [ctypes.c_int32]
            return sorted({get(i).decode() for i in range(count())})
    raise RuntimeError("ICU's uloc_getAvailable not found")


def test_every_icu_locale_segments():
    codes = _icu_language_codes()
    assert len(codes) > 100 and "en_US" in codes and "hy" in codes
    text = "Hello world. Ünïcödé text here! 今天天气很好。Done?"
    for code in codes:
        doc = segment(text, language=code)
        assert len(doc.sentences) >= 2, code
        assert doc.language == code


@pytest.mark.parametrize("code", ["xx", "qaa", "zzz", "tlh", "en-Latn-US-x-private", "EN", "en_US_POSIX", "pt-BR", "zh-Hant-TW"])
def test_unknown_or_unusual_well_formed_codes_segment(code):
    doc = segment("One sentence here. Another one.", language=code)
    assert len(doc.sentences) == 2


@pytest.mark.parametrize("code", ["", "e", "english", "en-", "en--US", "-en", "en US", "1a", "en-123456789", "én", "en\x00", "x" * 1000])
def test_malformed_language_codes_raise(code):
    with pytest.raises(ValueError, match="language must be a code"):
        sy.segment("Text.", language=code)
    with pytest.raises(ValueError, match="language must be a code"):
        sy.stopwords(code)


def test_error_message_for_huge_code_is_bounded():
    with pytest.raises(ValueError) as info:
        sy.segment("Text.", language="q" * 100_000)
    assert len(str(info.value)) < 200


def test_stopwords_of_unknown_language_is_empty():
    assert sy.stopwords("xx") == []
    assert "the" in sy.stopwords("EN-us")


# ---------------------------------------------------------------- types

@pytest.mark.parametrize("value", [None, 42, 3.5, ["a", "b"], {"text": "x"}, memoryview(b"abc"), object()],
                         ids=lambda v: type(v).__name__)
def test_text_of_wrong_type(value):
    with pytest.raises(TypeError, match="text must be str or bytes"):
        sy.segment(value)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["en"], object()], ids=lambda v: type(v).__name__)
def test_language_of_wrong_type(value):
    with pytest.raises(TypeError):
        sy.segment("Text.", language=value)
    with pytest.raises(TypeError):
        sy.stopwords(value)


def test_bytes_language_and_errors_read_as_ascii():
    # pybind11 converts bytes to std::string: b"de" means "de", never something else.
    a = sy.segment("Am 3. Oktober kam er. Dann ging er.", language=b"de", errors=b"strict")
    b = sy.segment("Am 3. Oktober kam er. Dann ging er.", language="de", errors="strict")
    assert [s.text for s in a.sentences] == [s.text for s in b.sentences]
    with pytest.raises(ValueError, match="language must be a code"):
        sy.segment("Text.", language=b"\xff\xfe")


@pytest.mark.parametrize("code", ["\u65e5" * 20, "en-" + "\u65e5" * 20, "\U0001f600" * 12])
def test_error_message_echoing_a_long_non_ascii_code_is_decodable(code):
    # Cut at 40 bytes in the middle of a character, the message was not UTF-8 and Python
    # raised UnicodeDecodeError instead of a clear ValueError.
    with pytest.raises(ValueError, match="language must be a code") as info:
        sy.segment("Text.", language=code)
    assert type(info.value) is ValueError


@pytest.mark.parametrize("value", [None, 1, ["strict"]], ids=lambda v: type(v).__name__)
def test_errors_of_wrong_type(value):
    with pytest.raises(TypeError):
        sy.segment("Text.", errors=value)


def test_language_must_be_a_keyword():
    with pytest.raises(TypeError):
        sy.segment("Text.", "en")


def test_str_subclass_is_text():
    class Article(str):
        pass

    doc = segment(Article("A subclass. Still text."))
    assert len(doc.sentences) == 2


def test_pickle_round_trip_of_odd_text():
    text = "\ufeff\x00Null and BOM.\u202e Reversed. \U0001f469\u200d\U0001f467 ok."
    doc = sy.segment(text)
    back = pickle.loads(pickle.dumps(doc))
    assert back.text == doc.text
    assert [(s.start, s.end) for s in back.sentences] == [(s.start, s.end) for s in doc.sentences]


@pytest.mark.parametrize("state", [("only one",), ("a", "en", "extra"), ("bad \udc80", "en"), (None, "en"),
                                   ("Text.", "not a code"), ("Text.", None), (b"\xff", "en")],
                         ids=["short", "long", "surrogate", "none-text", "bad-code", "none-code", "bad-bytes"])
def test_unpickling_a_forged_state_is_refused(state):
    # What pickle.loads does with a Document's state: __new__, then __setstate__.
    cls = sy.Document
    with pytest.raises((ValueError, TypeError)):
        cls.__new__(cls).__setstate__(state)


# ---------------------------------------------------------------- summarize

ARTICLE_SENTENCES = (
    "The council approved the flood barrier on Tuesday. The barrier will protect 11,000 homes. "
    "Opponents said the wall cuts the district off from the river. Construction starts in 2027. "
    "Residents were mostly relieved. The mayor called the vote a promise kept."
)


def check_summary(summary, text: str) -> None:
    doc = sy.segment(text)
    prose = {s.index for s in doc.prose}
    prev = -1
    for s in summary.sentences:
        assert s.index in prose and s.index > prev
        assert text[s.start:s.end] == s.text
        assert 0.0 <= s.score <= 1.0
        prev = s.index


@pytest.mark.parametrize("budget", [dict(sentences=0, ratio=None, words=None), dict(sentences=-1), dict(ratio=0.0),
                                    dict(ratio=-0.5), dict(ratio=float("nan")), dict(ratio=1.5), dict(ratio=float("inf")),
                                    dict(words=-3)],
                         ids=lambda b: repr(b))
def test_summarize_bad_budgets_raise_value_error(budget):
    with pytest.raises(ValueError):
        sy.summarize(ARTICLE_SENTENCES, **budget)


def test_summarize_none_budgets_mean_the_default_of_three_sentences():
    assert len(sy.summarize(ARTICLE_SENTENCES, sentences=None, ratio=None, words=None)) == 3


@pytest.mark.parametrize("budget", [dict(sentences=10**9), dict(words=2**31 - 1), dict(ratio=1.0), dict(sentences=1, words=1)],
                         ids=lambda b: repr(b))
def test_summarize_huge_and_tiny_budgets_give_valid_summaries(budget):
    summary = sy.summarize(ARTICLE_SENTENCES, **budget)
    check_summary(summary, ARTICLE_SENTENCES)
    assert 1 <= len(summary.sentences) <= 6


@pytest.mark.parametrize("budget", [dict(sentences=10**30), dict(words=2**64), dict(words=10**12), dict(sentences=2.5),
                                    dict(sentences="3"),
                                    dict(ratio="0.2"), dict(words=True)], ids=lambda b: repr(b))
def test_summarize_budgets_of_wrong_type_or_beyond_any_integer(budget):
    # 10**30 used to escape as RuntimeError ("Unable to cast") from the binding.
    with pytest.raises((ValueError, TypeError)):
        sy.summarize(ARTICLE_SENTENCES, **budget)


@pytest.mark.parametrize("option", [dict(method="nope"), dict(method=None), dict(encoder="word2vec"), dict(encoder=42),
                                    dict(diversity=float("nan")), dict(diversity=-1), dict(diversity=2),
                                    dict(language="not a code"), dict(language=None), dict(query=42),
                                    dict(query="lone \ud800"), dict(damping=float("nan")), dict(max_iterations=-1),
                                    dict(no_such_option=1)],
                         ids=lambda o: repr(o))
def test_summarize_bad_options_raise(option):
    with pytest.raises((ValueError, TypeError)):
        sy.summarize(ARTICLE_SENTENCES, **option)


@pytest.mark.parametrize("text", ["", "   \n\n ", "...!!!", "Home\nWorld\nHome\nWorld", "1 2 3 4 5"])
def test_summarize_texts_without_prose(text):
    summary = sy.summarize(text)
    check_summary(summary, text)
    assert str(summary) == "" or len(summary.sentences) >= 1


@pytest.mark.parametrize("value", [None, 42, ["a"], b"\xff bad"], ids=lambda v: repr(v)[:12])
def test_summarize_text_of_wrong_type_or_encoding(value):
    with pytest.raises((ValueError, TypeError)):
        sy.summarize(value)


def test_summarize_pathological_texts():
    for text in ["Yes. " * 20_000, "x" * (1 << 20) + ".", ("word " * 50 + ". ") * 200, "\u202e" + ARTICLE_SENTENCES,
                 ARTICLE_SENTENCES.replace(" ", "\u200d ")]:
        for method in ("pacsum", "textrank", "lexrank", "lead"):
            check_summary(sy.summarize(text, sentences=3, method=method), text)


@pytest.mark.parametrize("n_jobs", [0, "2", None, 2.5])
def test_summarize_batch_bad_n_jobs(n_jobs):
    with pytest.raises((ValueError, TypeError)):
        sy.summarize_batch([ARTICLE_SENTENCES], n_jobs=n_jobs)


def test_summarize_batch_bad_items_raise():
    with pytest.raises((ValueError, TypeError)):
        sy.summarize_batch([ARTICLE_SENTENCES, None])
    with pytest.raises(ValueError):
        sy.summarize_batch([ARTICLE_SENTENCES, b"\xff"])
    with pytest.raises(TypeError):
        sy.summarize_batch(ARTICLE_SENTENCES)  # a str is not a list of texts
    assert sy.summarize_batch([]) == []


# ---------------------------------------------------------------- keywords

def check_keywords(result, text: str, top: int) -> None:
    assert len(result) <= top
    scores = [k.score for k in result]
    assert scores == sorted(scores, reverse=True)
    for k in result:
        assert k.phrase and k.count >= 1 and len(k.offsets) == k.count
        for a, b in k.offsets:
            assert 0 <= a < b <= len(text)


@pytest.mark.parametrize("option", [dict(top=0), dict(top=-1), dict(top=float("nan")), dict(top="3"), dict(top=10**30),
                                    dict(method="nope"), dict(method=None), dict(window=-2), dict(max_words=0),
                                    dict(max_words=-1), dict(damping=float("nan")), dict(damping=1.5),
                                    dict(dedup="maybe"), dict(language="??"), dict(errors="ignore")],
                         ids=lambda o: repr(o))
def test_keywords_bad_options_raise(option):
    with pytest.raises((ValueError, TypeError)):
        sy.keywords(ARTICLE_SENTENCES, **option)


@pytest.mark.parametrize("method", ["textrank", "singlerank", "positionrank", "topicrank", "multipartiterank", "tfidf"])
def test_keywords_of_hostile_texts(method):
    for text in ["", " \n ", "...", "the of and a to in", "1 2 3 4", "x" * (1 << 18), "Oil. " * 5000,
                 "\u202e\u200d\ufeff", "Alpha beta\u0301\u0301 gamma. Alpha beta gamma."]:
        check_keywords(sy.keywords(text, top=5, method=method), text, 5)


def test_keywords_huge_top_returns_every_candidate():
    result = sy.keywords(ARTICLE_SENTENCES, top=10**9)
    check_keywords(result, ARTICLE_SENTENCES, 10**9)
    assert len(result) >= 5


@pytest.mark.parametrize("value", [None, 42, ["a"], b"\xff bad"], ids=lambda v: repr(v)[:12])
def test_keywords_text_of_wrong_type_or_encoding(value):
    with pytest.raises((ValueError, TypeError)):
        sy.keywords(value)


def test_keywords_batch_bad_arguments():
    with pytest.raises((ValueError, TypeError)):
        sy.keywords_batch([ARTICLE_SENTENCES], n_jobs=0)
    with pytest.raises((ValueError, TypeError)):
        sy.keywords_batch([ARTICLE_SENTENCES, None])
    assert sy.keywords_batch([]) == []


# ---------------------------------------------------------------- stance

@pytest.mark.parametrize("args", [dict(target=""), dict(target="   "), dict(target="..."), dict(target=None),
                                  dict(target=42), dict(target="x", scheme="nope"), dict(target="x", scheme=None),
                                  dict(target="x", language="??"),
                                  dict(target="flood", related_threshold=float("nan")),
                                  dict(target="flood", sentence_threshold=float("inf")),
                                  dict(target="flood", related_threshold=-1.0)],
                         ids=lambda a: repr(a)[:40])
def test_stance_tagger_bad_arguments_raise(args):
    target = args.pop("target")
    with pytest.raises((ValueError, TypeError)):
        sy.StanceTagger(target, **args)


def check_stance(result) -> None:
    assert result.label in result.labels
    scores = result.scores.values() if isinstance(result.scores, dict) else result.scores
    scores = list(scores)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert abs(sum(scores) - 1.0) < 1e-3


@pytest.mark.parametrize("scheme", ["fnc", "semeval"])
def test_stance_of_hostile_texts(scheme):
    tagger = sy.StanceTagger("flood barrier", scheme=scheme)
    for text in ["", " ", "...", "flood " * 20_000, "Not not not a hoax, not.", "\u202e flood barrier \ufeff",
                 "x" * (1 << 18), ARTICLE_SENTENCES]:
        check_stance(tagger.tag(text))


@pytest.mark.parametrize("value", [None, 42, b"\xff bad"], ids=lambda v: repr(v)[:12])
def test_stance_tag_of_wrong_type_or_encoding(value):
    with pytest.raises((ValueError, TypeError)):
        sy.StanceTagger("flood barrier").tag(value)


@pytest.fixture(scope="module")
def small_classifier():
    X = [("flood barrier", "The barrier will protect homes."), ("council vote", "The vote was not held."),
         ("flood barrier", "It is a hoax, officials said."), ("council vote", "Reports say the vote passed.")] * 4
    y = ["agree", "disagree", "discuss", "agree"] * 4
    return sy.StanceClassifier(model="mlp", hidden_units=4, hash_bits=6, max_epochs=2, validation_fraction=0.0,
                               n_jobs=1).fit(X, y)


def test_stance_model_truncated_at_every_length_is_refused(small_classifier):
    blob = small_classifier.to_bytes()
    assert type(small_classifier.from_bytes(blob)).__name__ == "StanceClassifier"
    for cut in sorted({0, 1, 7, 8, 12, 20, len(blob) // 3, len(blob) // 2, len(blob) - 9, len(blob) - 1}):
        with pytest.raises(ValueError):
            sy.StanceClassifier.from_bytes(blob[:cut])


def test_stance_model_with_flipped_bits_is_refused(small_classifier):
    blob = bytearray(small_classifier.to_bytes())
    for pos in range(0, len(blob), max(1, len(blob) // 40)):
        bad = bytearray(blob)
        bad[pos] ^= 0x10
        try:
            model = sy.StanceClassifier.from_bytes(bytes(bad))
        except ValueError:
            continue
        # A flip that still loads (e.g. in an unchecked wrapper field) must still predict sanely.
        proba = model.predict_proba([("flood barrier", "The barrier works.")])
        assert abs(float(proba.sum()) - 1.0) < 1e-3


@pytest.mark.parametrize("data", [b"", b"garbage", b"SYNSTNC\x00" + b"\x00" * 40, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
                                  b"PK\x03\x04" + b"\x00" * 100], ids=["empty", "garbage", "zero-header", "png", "zip"])
def test_foreign_model_files_are_refused(data, tmp_path):
    with pytest.raises(ValueError):
        sy.StanceClassifier.from_bytes(data)
    path = tmp_path / "model.bin"
    path.write_bytes(data)
    with pytest.raises(ValueError):
        sy.StanceClassifier.load(path)


@pytest.mark.parametrize("data", [None, "text", 42, [1, 2]], ids=lambda v: type(v).__name__)
def test_model_bytes_of_wrong_type(data):
    with pytest.raises(TypeError):
        sy.StanceClassifier.from_bytes(data)


def test_classifier_bad_training_data():
    clf = sy.StanceClassifier(max_epochs=1, n_jobs=1)
    with pytest.raises((ValueError, TypeError)):
        clf.fit([("a", "b")], ["x", "y"])  # mismatched lengths
    with pytest.raises((ValueError, TypeError)):
        clf.fit([("a", "b"), ("c", "d")], ["x", "x"])  # one class
    with pytest.raises((ValueError, TypeError)):
        clf.fit([None, ("c", "d")], ["x", "y"])
    # Invalid UTF-8 and lone surrogates are refused here as by every other entry point.
    with pytest.raises(ValueError, match="UTF-8"):
        clf.fit([("a", b"\xff"), ("c", "d")], ["x", "y"])
    with pytest.raises(ValueError, match="surrogate"):
        clf.fit([("a", "b\ud800"), ("c", "d")], ["x", "y"])
    with pytest.raises((ValueError, TypeError)):
        sy.StanceClassifier(hash_bits=99).fit([("a", "b"), ("c", "d")], ["x", "y"])
    with pytest.raises((ValueError, TypeError)):
        sy.StanceClassifier(learning_rate=float("nan")).fit([("a", "b"), ("c", "d")], ["x", "y"])


# A language that is not text is a ValueError at every entry point (one shared conversion).
LANGUAGE_ENTRY_POINTS = {
    "segment": lambda language: sy.segment("One.", language=language),
    "segment_batch": lambda language: sy.segment_batch(["One."], language=language, progress=False),
    "attributions": lambda language: sy.attributions("One.", language=language),
    "stopwords": lambda language: sy.stopwords(language),
    "embed": lambda language: sy.embed(["One."], language=language),
    "encode": lambda language: sy.TfidfEncoder().encode(["One."], language=language),
    "fit": lambda language: sy.TfidfEncoder().fit(["One."], language=language),
    "summarize": lambda language: sy.summarize("One.", language=language),
    "Summarizer": lambda language: sy.Summarizer(language=language),
    "keywords": lambda language: sy.keywords("One.", language=language),
    "KeywordExtractor": lambda language: sy.KeywordExtractor(language=language),
    "StanceTagger": lambda language: sy.StanceTagger("x", language=language),
    "stance_batch": lambda language: sy.stance_batch(["One."], "x", language=language, progress=False),
}


@pytest.mark.parametrize("entry", sorted(LANGUAGE_ENTRY_POINTS))
def test_a_language_with_a_lone_surrogate_is_a_value_error(entry):
    with pytest.raises(ValueError, match="language"):
        LANGUAGE_ENTRY_POINTS[entry]("\ud800")


@pytest.mark.parametrize("call, wrong, right", [
    (lambda **k: sy.summarize(ARTICLE_SENTENCES, **k), "num_sentences", "sentences"),
    (lambda **k: sy.summarize_batch([ARTICLE_SENTENCES], **k), "methd", "method"),
    (lambda **k: sy.Summarizer(**k), "ratios", "ratio"),
    (lambda **k: sy.keywords(ARTICLE_SENTENCES, **k), "top_n", "top"),
    (lambda **k: sy.KeywordExtractor(**k), "max_word", "max_words"),
])
def test_unknown_options_name_the_closest_option(call, wrong, right):
    with pytest.raises(TypeError, match=f"no option '{wrong}'; did you mean '{right}'"):
        call(**{wrong: 1})


def test_replace_substitutes_u_fffd_for_lone_surrogates_one_for_one():
    text = "Hello \ud800 world. Prices rose."
    doc = sy.segment(text, errors="replace")
    assert doc.text == "Hello \ufffd world. Prices rose."
    assert sy.summarize(text, errors="replace", sentences=1).text == doc.text
    assert [r.label for r in sy.stance_batch([text], target="prices", errors="replace")]
