"""HTML rendering of results, and escaping of the text in it."""

from types import SimpleNamespace as NS

import pytest

import synopsis as sy
from synopsis import display

HOSTILE = 'Breaking <script>alert("x")</script> news & more.\n\nThe body says <b>so</b>. It ends.'


def test_document_html_escapes_and_flags(seed_article):
    doc = sy.segment(seed_article)
    html = doc._repr_html_()
    assert "font-weight:bold" in html  # the title
    assert "(boilerplate: navigation)" in html and "color:#9a9a9a" in html
    assert doc.title in html.replace("&#x27;", "'")


def test_text_is_escaped():
    doc = sy.segment(HOSTILE)
    for html in (doc._repr_html_(), display.keywords_html([NS(phrase="news", score=1.0, count=1)], text=HOSTILE)):
        assert "<script>" not in html and "<b>so" not in html
        assert "&lt;script&gt;" in html and "&amp;" in html


def test_summary_html_without_source_lists_sentences():
    s = NS(sentences=[NS(text="A <i>b</i>.", score=0.5, index=1, start=0, end=10),
                      NS(text="C.", score=0.1, index=4, start=11, end=13)])
    html = display.summary_html(s)
    assert "<ol" in html and "A &lt;i&gt;b&lt;/i&gt;." in html
    assert "rank 1 of 2" in html


def test_summary_html_highlights_in_the_article():
    doc = sy.segment(HOSTILE)
    chosen = doc.sentences[2]
    s = NS(sentences=[NS(text=chosen.text, score=0.7, index=chosen.index, start=chosen.start, end=chosen.end)])
    html = display.summary_html(s, document=doc)
    assert "rgba(255,196,0,0.85)" in html  # the best sentence is shaded darkest
    assert "It ends." in html and "&lt;script&gt;" in html


def test_keywords_html_uses_offsets_or_finds_phrases():
    text = "The central bank met. Central  banks elsewhere waited."
    with_offsets = display.keywords_html([NS(phrase="central bank", score=0.5, count=1, offsets=[(4, 16)])], text=text)
    assert with_offsets.count("<mark") == 2  # table + one occurrence
    found = display.keywords_html([NS(phrase="central bank", score=0.5, count=1)], text=text)
    assert found.count("<mark") == 2  # "Central  banks" is not the phrase
    assert "<table" in display.keywords_html([NS(phrase="x", score=0.1, count=1)])


def test_stance_html_colours_attribution_and_hedges():
    r = NS(label="disagree", scores={"agree": 0.2, "disagree": 0.8}, target="the <plan>",
           sentences=[NS(text="The plan fails, critics said.", label="disagree", relevance=0.9,
                         cues=[NS(kind="refute", text="fails")], attribution="critics"),
                      NS(text="It may work.", label="discuss", relevance=0.5,
                         cues=[NS(kind="hedge", text="may")], attribution=None)])
    html = display.stance_html(r)
    assert "#f8cccc" in html and "#dbe6fb" in html
    assert "says: critics" in html and "hedged" in html and "underline dotted" in html
    assert "the &lt;plan&gt;" in html


def test_show_wraps_anything():
    out = display.show(sy.segment("One. Two."))
    assert out._repr_html_().startswith("<div")
    assert "HTML(" in repr(out)


def test_large_document_is_capped():
    doc = sy.segment("\n\n".join(f"Paragraph number {i} is here." for i in range(5000)))
    html = doc._repr_html_()
    assert "more characters not shown" in html
    assert len(html) < 40 * display.MAX_CHARS


def test_real_results_render():
    text = "Rates rose sharply on Monday. Stocks fell. The central bank said rates would stay high."
    html = sy.summarize(text, sentences=1)._repr_html_()
    assert "Summary" in html
    assert "<mark" in display.keywords_html(sy.keywords(text, top=3), text=text)
    assert "StanceResult" in sy.StanceTagger("rates").tag(text)._repr_html_()


def test_keyword_lists_render_in_their_text():
    text = "Oil spill off Alaska. The oil spill spread. Crews fought the <b>spill</b>."
    for source in (text, text.encode(), sy.segment(text)):
        kws = sy.keywords(source, top=3)
        for html in (kws._repr_html_(), display.show(kws)._repr_html_()):
            assert html.count("<mark") > len(kws)  # the table, and the phrases in the text
            assert "&lt;b&gt;" in html and "<b>" not in html
