import json
import pickle
import subprocess
import sys

import pytest

import synopsis as sy


def test_seed_article_title_boilerplate_and_prose(seed_article):
    doc = sy.segment(seed_article)
    assert doc.title.startswith("Armenia, CSTO, and Western Engagement")
    flagged = {s.text for s in doc.sentences if not s.is_prose}
    for line in ["No time to read?", "Get a summary", "Previous Article", "Next Article",
                 "Foça’s Jellyfish Impact Reframes Coastal Tourism in the Aegean",
                 "Healthier Choices When Eating Dumplings"]:
        assert line in flagged
    nav = [s for s in doc.sentences if s.text in ("No time to read?", "Get a summary")]
    assert len(nav) == 4 and all(s.is_boilerplate for s in nav)
    prose = doc.prose
    # Six paragraphs of prose: 2 + 2 + 3 + 2 + 3 + 3 sentences.
    assert len(prose) == 15
    assert prose[0].text.startswith("In a posture that aligns")
    assert prose[-1].text.endswith("(Observation: international law scholars, attribution in briefing).")
    assert all(s.text[-1] in ".)" for s in prose)


def test_example_article_is_segmented(example_article):
    doc = sy.segment(example_article)
    assert doc.title == "City Council Approves Riverside Flood Barrier After Two-Year Debate"
    texts = [s.text for s in doc.prose]
    assert "According to the city's engineering office, the design was reviewed by the U.S. Army Corps of Engineers in March." in texts
    assert "A public hearing on the final design is scheduled for Jan. 14 at 6 p.m. at City Hall." in texts
    flagged = [s.text for s in doc.sentences if s.is_boilerplate]
    assert "Share this article" in flagged and "Next Article" in flagged
    assert "Heat Wave Strains Regional Power Grid" in flagged


def test_offsets_are_str_indices_with_non_ascii():
    text = "Ереван — столица. Երևանը գեղեցիկ է։ 🙂 Café au lait, s'il vous plaît. Done."
    doc = sy.segment(text)
    assert len(doc.sentences) >= 3
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    for p in doc.paragraphs:
        assert text[p.start:p.end] == p.text


def test_tokens_normalise_and_stem():
    doc = sy.segment("The Governments were GOVERNING.")
    words = [(t.text, t.norm, t.stem, t.is_stopword) for t in doc.tokens]
    assert words[0] == ("The", "the", "the", True)
    assert words[1][1:3] == ("governments", "govern")
    assert words[3][1] == "governing"


@pytest.mark.parametrize("language", ["de", "fr", "es", "it", "pt", "nl", "ru", "sv", "tr", "hy", "da", "fi"])
def test_languages_have_stopwords_and_segment(language):
    assert len(sy.stopwords(language)) > 20
    doc = sy.segment("Alpha beta. Gamma delta.", language=language)
    assert len(doc.sentences) == 2


def test_german_and_russian_stems():
    assert [t.stem for t in sy.segment("Häuser", language="de").tokens] == ["haus"]
    assert sy.segment("книгами", language="ru").tokens[0].stem == "книг"


def test_empty_and_blank():
    for text in ["", "   ", "\n\n\t"]:
        doc = sy.segment(text)
        assert doc.sentences == [] and doc.tokens == [] and doc.title is None


def test_bytes_input_and_invalid_utf8():
    assert [s.text for s in sy.segment("Hi there. Bye now.".encode()).sentences] == ["Hi there.", "Bye now."]
    with pytest.raises(ValueError, match="byte offset 6"):
        sy.segment(b"Hello \xff world.")
    doc = sy.segment(b"Hello \xff world.", errors="replace")
    assert doc.sentences[0].text == "Hello \ufffd world."


def test_lone_surrogate_and_wrong_types():
    with pytest.raises(ValueError, match="lone surrogate at index 3"):
        sy.segment("abc\ud800def")
    for bad in [None, 42, 3.5, ["text"]]:
        with pytest.raises(TypeError, match="text must be str or bytes"):
            sy.segment(bad)
    with pytest.raises(ValueError, match="language must be a code"):
        sy.segment("Text.", language="no such language")
    with pytest.raises(ValueError, match="errors must be"):
        sy.segment("Text.", errors="ignore")


def test_large_inputs_do_not_break():
    doc = sy.segment("word " * 200_000)  # 1 MB without punctuation
    assert len(doc.sentences) == 1 and len(doc.tokens) == 200_000
    token = "x" * 1_000_000
    doc = sy.segment(token)
    assert doc.sentences[0].text == token


def test_nul_and_mixed_scripts():
    text = "Start\x00middle. Москва. 北京是首都。 مرحبا بالعالم. 🙂🙂 End."
    doc = sy.segment(text)
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    assert len(doc.sentences) >= 4


def test_document_pickles():
    doc = sy.segment("One sentence. Another one.")
    again = pickle.loads(pickle.dumps(doc))
    assert [s.text for s in again.sentences] == [s.text for s in doc.sentences]


def test_repr_is_readable():
    doc = sy.segment("Title line\n\nA sentence here.")
    assert repr(doc).startswith("Document(title='Title line'")
    assert "heading" in repr(doc.sentences[0])


def test_cli_segment_formats(tmp_path, example_article):
    path = tmp_path / "a.txt"
    path.write_text(example_article, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "synopsis", "segment", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    record = json.loads(out)
    assert record["title"].startswith("City Council")
    out = subprocess.run([sys.executable, "-m", "synopsis", "segment"], input="One. Two.",
                         capture_output=True, text=True, check=True).stdout
    assert "One." in out and "Two." in out


def test_cli_bad_input_exits_nonzero(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc \xff def")
    proc = subprocess.run([sys.executable, "-m", "synopsis", "segment", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "byte offset 4" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "synopsis", "segment", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
