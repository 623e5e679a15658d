"""HTML input: the text a reader sees, its structure, and offsets back into the HTML."""

import pickle
from html.parser import HTMLParser
import subprocess
import sys

import pytest

import synopsis as sy

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Floods close schools in the valley | Valley News</title>
<style>body { color: red }</style><script>window.track("page");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<p>Heavy rain flooded the valley on Monday, and the river rose two metres overnight.</p>
<h2>Schools &amp; shops</h2>
<p>Schools in  the   three towns closed early, officials said. Shops
stayed open &ndash; but few customers came.</p>
<ul><li>Northtown: closed until Friday</li><li>Southtown: open on Wednesday</li></ul>
<p>Read more in <a href="/a">our flood guide</a> and <a href="/b">the forecast</a>.</p>
<div hidden>Hidden teaser text.</div><p style="display:none">Invisible.</p>
</article>
<aside>Advertisement: buy boots</aside>
<footer>&copy; 2026 Valley News</footer>
</body></html>"""


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def covers(html: str, start: int, end: int, text: str) -> bool:
    """Is text (whitespace aside) the text of html[start:end], markup and entities read?"""
    parser = _TextOf()
    parser.feed(html[start:end])
    parser.close()
    return " ".join("".join(parser.parts).split()) == " ".join(text.split())


def test_blocks_headings_and_dropped_parts():
    doc = sy.segment(PAGE)
    assert doc.format == "html" and doc.source == PAGE
    assert doc.title == "Floods close schools in the valley"
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "Floods close schools in the valley"
    assert "Schools & shops" in texts
    assert "Schools in the three towns closed early, officials said." in texts
    assert "Northtown: closed until Friday" in texts and "Southtown: open on Wednesday" in texts
    heading = doc.sentences[texts.index("Schools & shops")]
    assert heading.is_heading and not heading.is_prose
    for dropped in ("window.track", "color: red", "Home", "Advertisement", "2026", "Hidden teaser", "Invisible"):
        assert dropped not in doc.text, dropped
    # Blocks are paragraphs, list items lines of their own.
    assert "\n\nNorthtown: closed until Friday\nSouthtown" in doc.text


def test_link_density_of_paragraphs():
    doc = sy.segment(PAGE)
    by_text = {p.text: p.link_density for p in doc.paragraphs}
    linked = by_text["Read more in our flood guide and the forecast."]
    assert 0.5 < linked < 1.0
    assert by_text["Heavy rain flooded the valley on Monday, and the river rose two metres overnight."] == 0.0
    assert all(p.link_density == 0.0 for p in sy.segment("Plain text with <a>no</a> links.").paragraphs)


def test_sentence_and_token_offsets_point_into_the_html():
    doc = sy.segment(PAGE)
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert covers(PAGE, s.source_start, s.source_end, s.text), (s.text, PAGE[s.source_start:s.source_end])
    entity = next(s for s in doc.sentences if s.text == "Schools & shops")
    assert PAGE[entity.source_start:entity.source_end] == "Schools &amp; shops"
    dash = next(s for s in doc.sentences if s.text.startswith("Shops stayed"))
    assert "&ndash;" in PAGE[dash.source_start:dash.source_end]
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text
        assert covers(PAGE, t.source_start, t.source_end, t.text)


def test_offsets_are_str_indices_with_non_ascii_text():
    html = "<p>Ça coûte 5&nbsp;€ — très cher.</p><p>Ещё одно предложение здесь.</p>"
    doc = sy.segment(html)
    assert [s.text for s in doc.sentences] == ["Ça coûte 5\u00a0€ — très cher.", "Ещё одно предложение здесь."]
    assert html[doc.sentences[0].source_start:doc.sentences[0].source_end] == "Ça coûte 5&nbsp;€ — très cher."
    assert html[doc.sentences[1].source_start:doc.sentences[1].source_end] == "Ещё одно предложение здесь."


@pytest.mark.parametrize("middle", ["&notit; &amp; more", "&notit;&amp; more", "&notit;\r\nmore", "AT&T&amp; more"])
def test_offsets_hold_after_a_reference_without_semicolon(middle):
    html = f"<p>Tom {middle} text. Second sentence here.</p>"
    first, second = sy.segment(html, format="html").sentences
    assert html[first.source_start:first.source_end] == f"Tom {middle} text."
    assert html[second.source_start:second.source_end] == "Second sentence here."


def test_plain_text_offsets_equal_its_own():
    text = "One sentence here. Another one there."
    doc = sy.segment(text)
    assert doc.format == "text" and doc.source == text
    for s in doc.sentences:
        assert (s.source_start, s.source_end) == (s.start, s.end)


def test_auto_detection_both_ways():
    assert sy.segment("<p>A paragraph.</p>").format == "html"
    assert sy.segment("  \n<!-- saved --><div>x</div>").format == "html"
    assert sy.segment("\ufeff<html><body>Hi.</body></html>").text == "Hi."
    for text in ("I <3 cats. x < y.", "<notatag> stays", "Price <b>bold</b> in the middle.", "<3 hearts"):
        doc = sy.segment(text)
        assert doc.format == "text" and doc.text == text
    assert sy.segment("<p>A paragraph.</p>", format="text").text == "<p>A paragraph.</p>"
    assert sy.segment("Not a page, <b>but</b> read as one.", format="html").text == "Not a page, but read as one."


def test_bad_format_names_the_choices():
    with pytest.raises(ValueError, match='format must be "auto", "text" or "html", got "markdown"'):
        sy.segment("x", format="markdown")
    with pytest.raises(ValueError, match='"auto", "text" or "html"'):
        sy.segment_batch(["x"], format="HTML")
    with pytest.raises(ValueError, match='"auto", "text" or "html"'):
        sy.summarize("x", format="htm")
    with pytest.raises(ValueError, match='"auto", "text" or "html"'):
        sy.keywords("x", format="xml")
    with pytest.raises(ValueError, match='"auto", "text" or "html"'):
        sy.StanceTagger("rates", format="page")
    with pytest.raises(TypeError):
        sy.segment("x", format=1)


def test_every_entry_point_reads_html():
    summary = sy.summarize(PAGE, sentences=2)
    assert summary.source == PAGE
    for s in summary.sentences:
        assert summary.text[s.start:s.end] == s.text
        assert covers(PAGE, s.source_start, s.source_end, s.text)
        assert "<" not in s.text
    assert summary.document.format == "html"
    batch = sy.summarize_batch([PAGE, "Plain text. Two sentences here."], sentences=1, n_jobs=2)
    assert [s.source_start for s in batch[0].sentences] == [s.source_start for s in summary.sentences[:1]]
    assert batch[0].source == PAGE
    assert batch[1].source == batch[1].text
    assert sy.Summarizer(format="text").summarize(PAGE).document.format == "text"

    phrases = [k.phrase for k in sy.keywords(PAGE, top=5)]
    assert phrases and not any("track" in p or "color" in p for p in phrases)
    assert [k.phrase for k in sy.keywords_batch([PAGE], top=5)[0]] == phrases

    tagger = sy.StanceTagger("the valley flooded")
    result = tagger.tag(PAGE)
    assert all("<" not in s.text for s in result.sentences)
    assert [r.label for r in tagger.tag_batch([PAGE, PAGE], n_jobs=2)] == [result.label] * 2
    assert sy.StanceTagger("the valley flooded", format="html").format == "html"

    docs = sy.segment_batch([PAGE, "<p>x</p>"], format="text")
    assert [d.format for d in docs] == ["text", "text"]
    assert [len(a) for a in (sy.attributions(PAGE), sy.segment(PAGE).sentences)] == [len(sy.segment(PAGE).sentences)] * 2


def test_pandas_accessor_forwards_format():
    pd = pytest.importorskip("pandas")
    series = pd.Series([PAGE, "<p>Plain.</p>"])
    assert [d.format for d in series.synopsis.segment(format="text")] == ["text", "text"]
    assert [d.format for d in series.synopsis.segment()] == ["html", "html"]


def test_results_pickle_with_their_source():
    doc = sy.segment(PAGE)
    again = pickle.loads(pickle.dumps(doc))
    assert again.format == "html" and again.source == PAGE and again.text == doc.text
    assert pickle.loads(pickle.dumps(doc.sentences[2])).to_dict() == doc.sentences[2].to_dict()
    assert pickle.loads(pickle.dumps(doc.tokens[3])).to_dict() == doc.tokens[3].to_dict()
    summary = sy.summarize(PAGE, sentences=2)
    copy = pickle.loads(pickle.dumps(summary))
    assert copy == summary and copy.source == PAGE
    assert [s.source_start for s in copy.sentences] == [s.source_start for s in summary.sentences]
    assert copy.document.format == "html"


def test_malformed_html_and_huge_nesting():
    doc = sy.segment("<p>First <b>bold <i>both</b> italic?</p><p>Unclosed <div>block", format="html")
    assert "First bold both italic?" in doc.text and "block" in doc.text
    for broken in ("<", "&", "<p><", "<!--", "</p></p>", "<table><td>cell", "<a href='x", "<p>&#xFFFFFF;&#0;</p>"):
        sy.segment(broken, format="html")
    deep = "<div>" * 5000 + "Deep text here." + "</div>" * 3
    d = sy.segment(deep)
    assert [s.text for s in d.sentences] == ["Deep text here."]
    assert deep[d.sentences[0].source_start:d.sentences[0].source_end] == "Deep text here."
    with pytest.raises(ValueError, match=r'nests elements more than 10000 deep \(at byte offset 60000\).*format "text"'):
        sy.segment("<span>" * 100000 + "x")
    assert sy.segment("<span>" * 100000 + "x", format="text").format == "text"


def test_invalid_utf8_with_errors_replace():
    data = "<p>Caf\u00e9 ".encode() + b"\xff\xfe" + " here.</p>".encode()
    with pytest.raises(ValueError, match="byte offset 9"):
        sy.segment(data)
    doc = sy.segment(data, errors="replace")
    assert doc.format == "html" and doc.text == "Caf\u00e9 \ufffd\ufffd here."
    s = doc.sentences[0]
    assert doc.source[s.source_start:s.source_end] == "Caf\u00e9 \ufffd\ufffd here."
    assert sy.summarize(data, errors="replace").source == doc.source
    with pytest.raises(ValueError, match="lone surrogate"):
        sy.segment("<p>\ud800</p>")
    assert sy.segment("<p>\ud800 x.</p>", errors="replace").text == "\ufffd x."


def test_cli_format_in(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    run = [sys.executable, "-m", "synopsis"]
    out = subprocess.run(run + ["segment", "--format-in", "html", "--format", "json", str(page)],
                         capture_output=True, text=True, check=True).stdout
    assert "window.track" not in out and "Schools & shops" in out
    out = subprocess.run(run + ["segment", "--format-in", "text", str(page)], capture_output=True, text=True,
                         check=True).stdout
    assert "<title>" in out
    out = subprocess.run(run + ["summarize", "--format-in", "html", "--sentences", "1", str(page)],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() and "<" not in out
    for command in (["keywords"], ["stance", "--target", "floods"]):
        subprocess.run(run + command + ["--format-in", "html", str(page)], capture_output=True, check=True)
    bad = subprocess.run(run + ["segment", "--format-in", "pdf", str(page)], capture_output=True, text=True)
    assert bad.returncode == 2 and "auto" in bad.stderr and "html" in bad.stderr


def test_keyphrases_of_a_page_are_highlighted_in_the_text_a_reader_sees():
    for found in (sy.keywords(PAGE, top=5), sy.keywords_batch([PAGE], top=5)[0]):
        html = found._repr_html_()
        assert "<mark" in html
        assert "&lt;" not in html  # no markup of the page shows, highlighted or not
        text = found.text.text
        for k in found:
            for a, b in k.offsets:  # each occurrence is the phrase (up to its inflection), not markup
                assert text[a:b].lower()[:3] == k.phrase.lower()[:3], (text[a:b], k.phrase)



@pytest.mark.parametrize("names_it", [
    '<meta property="og:site_name" content="Daily Courier">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Daily Courier"}}</script>',
    "",  # the copyright line in the footer names it
])
def test_a_page_title_that_names_the_site_is_no_headline(names_it):
    page = (f"<html><head><title>Daily Courier</title>{names_it}</head><body>"
            "<p>Heavy rain flooded the valley on Monday, and the river rose two metres overnight.</p>"
            "<p>Crews worked through the night to pump water from the main roads.</p>"
            "<footer><p>&copy; 2024 Daily Courier. All rights reserved.</p></footer></body></html>")
    doc = sy.segment(page)
    assert doc.title is None
    assert "Daily Courier" not in {k.phrase for k in sy.keywords(page, 10)}
    headline = page.replace("<title>Daily Courier</title>", "<title>Valley Floods After Storm | Daily Courier</title>")
    assert sy.segment(headline).title == "Valley Floods After Storm"


def test_a_publisher_name_with_json_escapes_names_the_site():
    # JSON-LD writes non-ASCII letters as \uXXXX: "L'\u00c9cho" is the site's name "L'Écho".
    page = ("<html><head><title>L'Écho du Val</title>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": "L\'\\u00c9cho du Val"}'
            "</script></head><body>"
            "<p>La rivière est sortie de son lit lundi et a inondé une centaine de maisons dans la vallée.</p>"
            "<p>Les pompiers ont travaillé toute la nuit pour dégager les routes principales.</p></body></html>")
    doc = sy.segment(page)
    assert doc.title is None
    assert all("Écho" not in k.phrase for k in sy.keywords(page, 10))
