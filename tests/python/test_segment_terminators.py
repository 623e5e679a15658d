"""Paragraphs that end in any sentence terminator read as prose.

The heading test once knew fewer terminators than the sentence rules: a text whose
paragraphs end in U+FF0E, U+1362 or U+2047 had every sentence flagged as a heading,
and summarize() returned nothing.  Each case builds three prose paragraphs of
ordinary words, each ending in one terminator, and checks that none is flagged and
that a summary finds them.
"""

import unicodedata

import pytest

import synopsis as sy

# Code points with Sentence_Terminal=Yes, as ranges, from Unicode 15.0 PropList.txt
# (the Unicode version of ICU 72, whose copy of that file the core reads).
STERM_RANGES = [
    (0x0021, 0x0021), (0x002E, 0x002E), (0x003F, 0x003F), (0x0589, 0x0589),
    (0x061D, 0x061F), (0x06D4, 0x06D4), (0x0700, 0x0702), (0x07F9, 0x07F9),
    (0x0837, 0x0837), (0x0839, 0x0839), (0x083D, 0x083E), (0x0964, 0x0965),
    (0x104A, 0x104B), (0x1362, 0x1362), (0x1367, 0x1368), (0x166E, 0x166E),
    (0x1735, 0x1736), (0x1803, 0x1803), (0x1809, 0x1809), (0x1944, 0x1945),
    (0x1AA8, 0x1AAB), (0x1B5A, 0x1B5B), (0x1B5E, 0x1B5F), (0x1B7D, 0x1B7E),
    (0x1C3B, 0x1C3C), (0x1C7E, 0x1C7F), (0x203C, 0x203D), (0x2047, 0x2049),
    (0x2E2E, 0x2E2E), (0x2E3C, 0x2E3C), (0x2E53, 0x2E54), (0x3002, 0x3002),
    (0xA4FF, 0xA4FF), (0xA60E, 0xA60F), (0xA6F3, 0xA6F3), (0xA6F7, 0xA6F7),
    (0xA876, 0xA877), (0xA8CE, 0xA8CF), (0xA92F, 0xA92F), (0xA9C8, 0xA9C9),
    (0xAA5D, 0xAA5F), (0xAAF0, 0xAAF1), (0xABEB, 0xABEB), (0xFE52, 0xFE52),
    (0xFE56, 0xFE57), (0xFF01, 0xFF01), (0xFF0E, 0xFF0E), (0xFF1F, 0xFF1F),
    (0xFF61, 0xFF61), (0x10A56, 0x10A57), (0x10F55, 0x10F59), (0x10F86, 0x10F89),
    (0x11047, 0x11048), (0x110BE, 0x110C1), (0x11141, 0x11143), (0x111C5, 0x111C6),
    (0x111CD, 0x111CD), (0x111DE, 0x111DF), (0x11238, 0x11239), (0x1123B, 0x1123C),
    (0x112A9, 0x112A9), (0x1144B, 0x1144C), (0x115C2, 0x115C3), (0x115C9, 0x115D7),
    (0x11641, 0x11642), (0x1173C, 0x1173E), (0x11944, 0x11944), (0x11946, 0x11946),
    (0x11A42, 0x11A43), (0x11A9B, 0x11A9C), (0x11C41, 0x11C42), (0x11EF7, 0x11EF8),
    (0x11F43, 0x11F44), (0x16A6E, 0x16A6F), (0x16AF5, 0x16AF5), (0x16B37, 0x16B38),
    (0x16B44, 0x16B44), (0x16E98, 0x16E98), (0x1BC9F, 0x1BC9F), (0x1DA88, 0x1DA88),
]
# The ATerm full stops of UAX #29 (U+2024 is not Sentence_Terminal).
ATERM = [0x002E, 0x2024, 0xFE52, 0xFF0E]

TERMINATORS = sorted({c for lo, hi in STERM_RANGES for c in range(lo, hi + 1)} | set(ATERM))

# Closing punctuation from this Python's Unicode database: close brackets (Pe) and
# final quotes (Pf) may stand after the terminator.
CLOSERS = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) in ("Pe", "Pf")]


def prose_ending_in(end):
    return (
        f"The council approved the new budget for schools and roads on Tuesday{end}\n\n"
        f"Members said the plan would help families across the whole region{end}\n\n"
        f"Work on the first projects is expected to begin early next year{end}\n"
    )


def assert_prose(text):
    doc = sy.segment(text)
    assert len(doc.sentences) == 3
    assert [(s.is_heading, s.is_boilerplate) for s in doc.sentences] == [(False, False)] * 3
    assert doc.title is None
    assert sy.summarize(text, sentences=2).sentences


def code_point_id(c):
    return f"U+{c:04X}"


def char_id(text):
    return "+".join(f"U+{ord(c):04X}" for c in text)


def test_the_terminator_list_is_sentence_punctuation():
    assert len(TERMINATORS) == 155
    for c in TERMINATORS:
        category = unicodedata.category(chr(c))
        # Scripts newer than this Python's Unicode database read as unassigned.
        assert category in ("Po", "Cn"), code_point_id(c)


@pytest.mark.parametrize("end", ["\uFF0E", "\u1362", "\u2047"], ids=char_id)
def test_paragraphs_once_taken_for_headings(end):
    assert_prose(prose_ending_in(end))


@pytest.mark.parametrize("code_point", TERMINATORS, ids=code_point_id)
def test_every_sentence_terminator_ends_prose(code_point):
    assert_prose(prose_ending_in(chr(code_point)))


@pytest.mark.parametrize("closer", CLOSERS, ids=char_id)
@pytest.mark.parametrize("terminator", ["\uFF0E", "\u1362", "\u2047", "."], ids=char_id)
def test_closing_punctuation_may_follow_the_terminator(terminator, closer):
    assert_prose(prose_ending_in(terminator + closer))


@pytest.mark.parametrize("end", ["", ",", ":", "\u2014", "\u201C"], ids=["none", "comma", "colon", "dash", "open-quote"])
def test_other_endings_stay_headings(end):
    doc = sy.segment(prose_ending_in(end))
    assert [s.is_heading for s in doc.sentences] == [True] * 3
