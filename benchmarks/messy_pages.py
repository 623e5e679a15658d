"""Messy pages: news articles wrapped in the furniture of real web pages, and what it does.

Scraped news rarely comes clean. This benchmark wraps known articles (BBC News Summary and
FNC-1 bodies from ../shared/data) in page templates written for it (benchmarks/messy_pages/:
13 site layouts, furniture in English, German, French, Spanish and Russian): cookie banners,
navigation, bylines, timestamps, share bars, photo captions, "Advertisement" slots, READ MORE
links and related lists inside and after the article, newsletter and paywall prompts, reader
comments with handles and relative times, copyright footers. Every page exists in two forms
made by one builder: HTML (doctype, head with title, styles and JSON-LD, nav, article with h1,
figure/figcaption, aside, comment section, footer, scripts) and the plain text a scraper's
get_text() gives of its body (one block a line). The builder records which characters of
each form are article text (headline, body) and which furniture of which kind, so every
sentence synopsis returns is labelled by its offsets.

Measures, per form and per template language: boilerplate precision/recall/F1 per sentence
(furniture = positive, predicted = Sentence.is_boilerplate), the share of furniture kept out
of prose (boilerplate or heading), recall and kind agreement per furniture kind; the share of
default summaries (sy.summarize) with a furniture sentence; the share of top-10 keyphrase lists
(sy.keywords(text, 10)) with a phrase that occurs only in furniture; title recovery
(doc.title equals the headline); ROUGE-1/2/L F1 of the page's summary against the summary of
the clean article and against the BBC reference. On FNC-1 pairs: how often the zero-shot
StanceTagger's label on the page differs from its label on the clean body, and how often
removing the comments alone restores it (the comments drove the change). Peers (sumy
TextRank, summa) run on the text form for contrast when they are installed.

New API is used when the installed synopsis has it, and the output says so: per-sentence
``boilerplate_kind`` (kind agreement), ``format="html"`` on segment/summarize/keywords (the
HTML form; without it the HTML tables are not produced), and ``source_start``/``source_end``
on sentences (HTML offsets; without them sentences are located in the HTML by their words).

Real pages (optional): ``--real-pages DIR`` reads a checkout of
scrapinghub/article-extraction-benchmark (181 saved news pages with the article body as
ground truth; see the README section "Messy pages" for the commit and licence). Its pages are
not copied into this repository.

Example:
    python benchmarks/messy_pages.py                 # the default sample, a few minutes
    python benchmarks/messy_pages.py --quick         # a small sample
    python benchmarks/messy_pages.py --check         # labelling consistency, exits 1 on error
    python benchmarks/messy_pages.py --real-pages /path/to/article-extraction-benchmark
"""

from __future__ import annotations

import bisect
import gzip
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from statistics import mean
from typing import Iterable, Sequence

from _common import load_jsonl, make_parser, markdown_table

TEMPLATE_DIR = Path(__file__).resolve().parent / "messy_pages"
ARTICLE_KINDS = ("headline", "standfirst", "body")
FURNITURE_KINDS = ("consent", "nav", "byline", "timestamp", "share", "caption", "advert", "related",
                   "newsletter", "paywall", "comment", "footer")
LANGUAGES = ("en", "de", "fr", "es", "ru")
SEED = 2024

# Names another classifier may give each furniture kind; a predicted boilerplate_kind counts
# as right when it is the kind itself or one of these.
KIND_ALIASES = {
    "consent": {"cookie", "cookies", "privacy", "gdpr"},
    "nav": {"navigation", "menu", "breadcrumb"},
    "byline": {"author", "credit"},
    "timestamp": {"dateline", "date", "time"},
    "share": {"social", "sharing", "follow"},
    "caption": {"credit", "photo", "image", "figure"},
    "advert": {"ad", "ads", "advertisement", "sponsored", "promo"},
    "related": {"read_more", "readmore", "recommended", "link", "links", "teaser"},
    "newsletter": {"subscribe", "subscription", "signup", "promo"},
    "paywall": {"subscribe", "subscription", "promo"},
    "comment": {"comments", "user_comment"},
    "footer": {"legal", "copyright", "terms"},
}


# --- the page model --------------------------------------------------------------------

@dataclass(frozen=True)
class Article:
    id: str
    title: str | None          # FNC-1 bodies have none: their pages carry no headline
    paragraphs: tuple[str, ...]
    reference: str | None = None  # BBC reference summary, one sentence a line

    @property
    def clean_text(self) -> str:
        """The article without furniture: headline (when it has one) and paragraphs."""
        return "\n\n".join(((self.title,) if self.title else ()) + self.paragraphs)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Page:
    form: str                  # "text" or "html"
    content: str
    spans: tuple[Span, ...]    # sorted, disjoint; the characters of every visible text piece
    article: Article
    template: str
    language: str              # of the template's furniture; articles are English

    def label(self, start: int, end: int) -> tuple[str | None, bool]:
        """The kind covering most of content[start:end] and whether article and furniture
        text both occur in it; (None, False) when no labelled text is inside."""
        overlap: Counter = Counter()
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        for span in self.spans[first:]:
            if span.start >= end:
                break
            covered = min(end, span.end) - max(start, span.start)
            if covered > 0:
                overlap[span.kind] += covered
        if not overlap:
            return None, False
        article = any(kind in ARTICLE_KINDS for kind in overlap)
        return overlap.most_common(1)[0][0], article and len(overlap.keys() - set(ARTICLE_KINDS)) > 0

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [span.start for span in self.spans]
            object.__setattr__(self, "_starts_cache", cached)
        return cached

    def text_of(self, kinds: Iterable[str]) -> str:
        wanted = set(kinds)
        return "\n".join(self.content[s.start:s.end] for s in self.spans if s.kind in wanted)


# Tags that start a new line in get_text-like output (the builder and the converter share
# this set, so the text form is exactly what the converter makes of the HTML form).
BLOCK_TAGS = frozenset(
    "address article aside blockquote br button dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr label li main nav ol p section summary table "
    "td th tr ul".split())
HIDDEN_TAGS = frozenset({"head", "script", "style", "noscript", "template", "svg"})


class PageBuilder:
    """Writes an HTML page and its get_text() form side by side, recording for every piece
    of visible text where it lies in each form and what it is."""

    def __init__(self, gap: str, drop: frozenset = frozenset()):
        self.gap = gap
        self.drop = drop
        self._html: list[str] = []
        self._html_length = 0
        self._text: list[str] = []
        self._text_length = 0
        self.html_spans: list[Span] = []
        self.text_spans: list[Span] = []
        self._line_has_text = False

    def markup(self, fragment: str) -> None:
        self._html.append(fragment)
        self._html_length += len(fragment)

    def open(self, tag: str, **attributes: str | None) -> None:
        rendered = "".join(
            f" {name.rstrip('_').replace('_', '-')}" + ("" if value is None else f'="{html.escape(value)}"')
            for name, value in attributes.items())
        self.markup(f"<{tag}{rendered}>")
        if tag in BLOCK_TAGS:
            self._line_has_text = False

    def close(self, tag: str) -> None:
        self.markup(f"</{tag}>\n" if tag in BLOCK_TAGS else f"</{tag}>")
        if tag in BLOCK_TAGS:
            self._line_has_text = False

    def hidden(self, tag: str, body: str, **attributes: str | None) -> None:
        """An element whose content is never visible (script, style)."""
        self.open(tag, **attributes)
        self.markup(body.replace("</", "<\\/"))
        self.close(tag)

    def text(self, content: str, kind: str) -> None:
        content = " ".join(content.split())
        if not content or kind in self.drop:
            return
        if self._line_has_text:
            self.markup(" ")
            self._append_text(" ")
        elif self._text_length:
            self._append_text(self.gap)
        escaped = html.escape(content, quote=False)
        self.html_spans.append(Span(self._html_length, self._html_length + len(escaped), kind))
        self.markup(escaped)
        self.text_spans.append(Span(self._text_length, self._text_length + len(content), kind))
        self._append_text(content)
        self._line_has_text = True

    def head_text(self, content: str, kind: str) -> None:
        """Text only the HTML form has (the head's title)."""
        escaped = html.escape(content, quote=False)
        self.html_spans.append(Span(self._html_length, self._html_length + len(escaped), kind))
        self.markup(escaped)

    def element(self, tag: str, content: str, kind: str, **attributes: str | None) -> None:
        self.open(tag, **attributes)
        self.text(content, kind)
        self.close(tag)

    def _append_text(self, fragment: str) -> None:
        self._text.append(fragment)
        self._text_length += len(fragment)

    def pages(self, article: Article, template: dict) -> tuple[Page, Page]:
        def page(form: str, content: list[str], spans: list[Span]) -> Page:
            return Page(form, "".join(content), tuple(spans), article, template["name"],
                        template["language"])
        return page("text", self._text, self.text_spans), page("html", self._html, self.html_spans)


class TextOfHtml(HTMLParser):
    """The visible text of an HTML page, one block a line, as a scraper's get_text() with
    scripts, styles and the head removed gives it: whitespace runs collapse to one space and
    block elements (BLOCK_TAGS) end lines."""

    def __init__(self, gap: str = "\n"):
        super().__init__(convert_charrefs=True)
        self.gap = gap
        self.lines: list[str] = []
        self._line: list[str] = []
        self._space = False
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self._hidden += 1
        if tag in BLOCK_TAGS:
            self._end_line()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._end_line()

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1
        if tag in BLOCK_TAGS:
            self._end_line()

    def handle_data(self, data):
        if self._hidden:
            return
        words = data.split()
        if not words:
            self._space = self._space or bool(data)
            return
        if self._line and (self._space or data[0].isspace()):
            self._line.append(" ")
        self._line.append(" ".join(words))
        self._space = data[-1].isspace()

    def _end_line(self):
        if self._line:
            self.lines.append("".join(self._line))
        self._line = []
        self._space = False

    def text(self) -> str:
        self._end_line()
        return self.gap.join(self.lines)


def html_to_text(markup: str, gap: str = "\n") -> str:
    parser = TextOfHtml(gap)
    parser.feed(markup)
    parser.close()
    return parser.text()


# --- templates and furniture -----------------------------------------------------------

def load_templates(directory: Path = TEMPLATE_DIR) -> tuple[list[dict], dict[str, dict]]:
    templates = json.loads((directory / "templates.json").read_text(encoding="utf-8"))
    furniture = {language: json.loads((directory / f"{language}.json").read_text(encoding="utf-8"))
                 for language in LANGUAGES}
    for template in templates:
        if template["language"] not in furniture:
            raise ValueError(f"template {template['name']}: no furniture file for {template['language']!r}")
    return templates, furniture


_TOPIC_STOP = frozenset("the a an and or of to in on for at by with from as is are was were be "
                        "has have had it its this that new says say said after over into".split())


def topic_of(article: Article) -> str:
    """A name or noun from the headline (or the first sentence) for comments to mention."""
    source = article.title or article.paragraphs[0].split(". ")[0]
    words = [w.strip(".,:;'\"!?()") for w in source.split()]
    names = [w for w in words[1:] if w[:1].isupper() and len(w) > 3 and w.lower() not in _TOPIC_STOP]
    if names:
        return names[0]
    content = [w for w in words if len(w) > 3 and w.lower() not in _TOPIC_STOP]
    return max(content, key=len) if content else "this"


class Filler:
    """Fills a template's slots with furniture drawn from its language's pools."""

    def __init__(self, rng: random.Random, pools: dict, site: str, article: Article,
                 related: Sequence[str]):
        self.rng, self.pools, self.site = rng, pools, site
        self.topic = topic_of(article)
        self.related = list(related)
        self.year = rng.randint(2019, 2025)
        self._decks: dict[str, list] = {}

    def deal(self, key: str, pool: Sequence[str]) -> str:
        """The next of a shuffled pool, so that a page repeats a piece only after using all."""
        deck = self._decks.setdefault(key, [])
        if not deck:
            deck.extend(pool)
            self.rng.shuffle(deck)
        return deck.pop()

    def pick(self, key: str, count: int | None = None):
        pool = self.pools[key]
        return self.rng.choice(pool) if count is None else self.rng.sample(pool, min(count, len(pool)))

    def format(self, pattern: str) -> str:
        values = {
            "site": lambda: self.site, "year": lambda: self.year, "topic": lambda: self.topic,
            "n": lambda: self.rng.randint(2, 480), "number": lambda: self.rng.randint(1000000, 9999999),
            "city": lambda: self.pick("cities"), "credit": lambda: self.pick("photo_credits"),
            "author": lambda: self.pick("authors"), "role": lambda: self.pick("roles"),
            "rel": lambda: self.pick("relative_times"), "date": self.date,
            "time": lambda: f"{self.rng.randint(6, 23):02}:{self.rng.randint(0, 59):02}",
            "headline": self.headline, "user": self.handle,
        }
        names = sorted(set(re.findall(r"{(\w+)", pattern)))
        return pattern.format(**{name: values[name]() for name in names})

    def date(self) -> str:
        month = self.rng.randint(1, 12)
        return self.rng.choice(self.pools["date_formats"]).format(
            day=self.rng.randint(1, 28), mon=month, month=self.pools["months"][month - 1], year=self.year)

    def headline(self) -> str:
        if self.pools["headlines"]:
            return self.deal("headlines", self.pools["headlines"])
        return self.rng.choice(self.related)

    def handle(self) -> str:
        name = self.pick("first_names")
        word = self.pick("handle_words")
        initial = self.pick("first_names")[0]  # in the script of the language
        style = self.rng.randrange(6)
        if style == 0:
            return f"{name}_{initial}"
        if style == 1:
            return f"{name.lower()}{self.rng.randint(1950, 2005)}"
        if style == 2:
            return f"{word}_{self.rng.randint(1, 999)}"
        if style == 3:
            return f"{name} {initial}."
        if style == 4:
            return f"{word.capitalize()}{name}"
        return f"{word}{self.rng.randint(10, 99)}"


def _containers(semantic: bool) -> dict[str, tuple[str, dict]]:
    if semantic:
        return {"consent": ("dialog", {"open": None, "aria_label": "Cookie consent"}),
                "nav": ("nav", {"aria_label": "Main"}), "article": ("article", {}),
                "related": ("aside", {"class_": "related"}), "share": ("div", {"class_": "share-tools"}),
                "comments": ("section", {"id": "comments"}), "footer": ("footer", {}),
                "promo": ("aside", {"class_": "promo"}), "main": ("main", {})}
    return {"consent": ("div", {"id": "cmp-banner", "class_": "overlay"}),
            "nav": ("div", {"class_": "menu top-bar"}), "article": ("div", {"class_": "post-body"}),
            "related": ("div", {"class_": "sidebar widget"}), "share": ("div", {"class_": "social"}),
            "comments": ("div", {"id": "disqus_thread"}), "footer": ("div", {"class_": "site-footer"}),
            "promo": ("div", {"class_": "box"}), "main": ("div", {"id": "content"})}


OPTIONAL_SLOT_SKIP = 0.15  # a page of a template leaves out each furniture slot this often
ARTICLE_SLOTS = frozenset({"headline", "byline", "timestamp", "meta", "figure", "body"})


def make_page(article: Article, template: dict, pools: dict, related: Sequence[str],
              seed: int = SEED, drop: frozenset = frozenset()) -> tuple[Page, Page]:
    """The text and HTML forms of ``article`` in ``template``. The same arguments always give
    the same pages; ``drop`` leaves out the text of some kinds and changes nothing else."""
    rng = random.Random(f"{seed}|{template['name']}|{article.id}")
    fill = Filler(rng, pools, template["site"], article, related)
    box = _containers(template["semantic"])
    b = PageBuilder(template["gap"], drop)
    language = template["language"]
    title = article.title

    b.markup(f'<!DOCTYPE html>\n<html lang="{language}">\n')
    b.open("head")
    b.markup('<meta charset="utf-8">\n<title>')
    if title:
        b.head_text(f"{title} | {template['site']}", "headline")
    else:
        b.head_text(template["site"], "nav")
    b.markup("</title>\n")
    b.markup('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    b.hidden("style", "body{font-family:Georgia,serif}.ad-slot{min-height:250px}.comment{margin:1em 0}")
    b.hidden("script", json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                                   "headline": title or "", "publisher": template["site"]}),
             type="application/ld+json")
    b.close("head")
    b.open("body", class_="article-page")

    layout = template["layout"]
    article_first = next(i for i, slot in enumerate(layout) if slot in ARTICLE_SLOTS)
    article_last = max(i for i, slot in enumerate(layout) if slot in ARTICLE_SLOTS)
    for position, slot in enumerate(layout):
        if position == article_first:
            b.open(box["main"][0], **box["main"][1])
            b.open(box["article"][0], **box["article"][1])
        if slot in ("headline", "body") or rng.random() >= OPTIONAL_SLOT_SKIP:
            _SLOTS[slot](b, fill, template, box, article)
        if position == article_last:
            b.close(box["article"][0])
            b.close(box["main"][0])
    b.hidden("script", "window.dataLayer=window.dataLayer||[];dataLayer.push({event:'pageview'});")
    b.close("body")
    b.markup("</html>\n")
    return b.pages(article, template)


def _consent(b, fill, template, box, article):
    consent = fill.pools["consent"]
    b.open(box["consent"][0], **box["consent"][1])
    if fill.rng.random() < 0.6:
        b.element("h2", fill.rng.choice(consent["titles"]), "consent")
    b.element("p", fill.rng.choice(consent["messages"]), "consent")
    for button in fill.rng.sample(consent["buttons"], fill.rng.randint(2, 3)):
        b.element("button", button, "consent", type="button")
    b.close(box["consent"][0])


def _nav(b, fill, template, box, article):
    nav = fill.pools["nav"]
    b.open(box["nav"][0], **box["nav"][1])
    for extra in fill.rng.sample(nav["extras"], fill.rng.randint(1, 3)):
        b.element("div", extra, "nav")
    items = fill.rng.sample(nav["items"], fill.rng.randint(5, 10))
    b.open("ul")
    for item in items:
        b.open("li")
        b.element("a", item, "nav", href="/" + re.sub(r"\W+", "-", item.lower()))
        b.close("li")
    b.close("ul")
    b.close(box["nav"][0])


def _headline(b, fill, template, box, article):
    if article.title:
        b.element("h1", article.title, "headline")


def _byline(b, fill, template, box, article):
    b.element("div", fill.format(fill.pick("byline")), "byline", class_="byline")


def _timestamp(b, fill, template, box, article):
    b.open("div", class_="dateline")
    b.element("time", fill.format(fill.pick("timestamp")), "timestamp", datetime=f"{fill.year}-01-01")
    b.close("div")


def _meta(b, fill, template, box, article):
    """Byline and timestamp on one line."""
    b.open("div", class_="meta")
    b.element("span", fill.format(fill.pick("byline")), "byline", class_="author")
    b.element("time", fill.format(fill.pick("timestamp")), "timestamp")
    b.close("div")


def _share(b, fill, template, box, article):
    share = fill.pools["share"]
    b.open(box["share"][0], **box["share"][1])
    b.element("span" if not template["semantic"] else "h3", fill.rng.choice(share["labels"]), "share")
    targets = fill.rng.sample(share["targets"], fill.rng.randint(2, 5))
    if template["semantic"]:
        b.open("ul")
        for target in targets:
            b.open("li")
            b.element("a", target, "share", href="#share")
            b.close("li")
        b.close("ul")
    else:
        for target in targets:
            b.element("a", target, "share", href="#share")
    b.close(box["share"][0])


def _figure(b, fill, template, box, article):
    b.open("figure")
    b.markup('<img src="/media/lead.jpg" alt="">')
    b.element("figcaption", fill.format(fill.pick("caption")), "caption")
    b.close("figure")


def _advert(b, fill, template, box, article):
    b.open("div", class_="ad-slot")
    b.element("span", fill.pick("advert"), "advert")
    b.hidden("script", "googletag.cmd.push(function(){googletag.display('ad-slot');});")
    b.close("div")


def _readmore(b, fill, template, box, article):
    b.open("p", class_="read-more")
    b.element("a", fill.format(fill.pick("readmore")), "related", href="/related")
    b.close("p")


def _body(b, fill, template, box, article):
    """The paragraphs, with captions, adverts and READ MORE links between them."""
    inserts: dict[int, list] = defaultdict(list)
    gaps = len(article.paragraphs) - 1
    for kind, render in (("caption", _figure), ("advert", _advert), ("readmore", _readmore)):
        low, high = template["inline"][kind]
        for _ in range(fill.rng.randint(low, high) if gaps > 0 else 0):
            inserts[fill.rng.randint(1, gaps)].append(render)
    for index, paragraph in enumerate(article.paragraphs):
        for render in inserts.get(index, ()):
            render(b, fill, template, box, article)
        b.element(template["paragraph"], paragraph, "body")


def _promo(kind: str):
    def render(b, fill, template, box, article):
        lines = fill.pick(kind)
        b.open(box["promo"][0], class_=kind)
        b.element("h3", lines[0], kind)
        for line in lines[1:]:
            short = len(line.split()) <= 4
            b.element("button" if short else "p", line, kind)
        b.close(box["promo"][0])
    return render


def _related(b, fill, template, box, article):
    b.open(box["related"][0], **box["related"][1])
    b.element("h2", fill.format(fill.pick("related_headers")), "related")
    b.open("ul")
    for _ in range(fill.rng.randint(3, 6)):
        b.open("li")
        b.element("a", fill.headline(), "related", href="/story")
        b.close("li")
    b.close("ul")
    b.close(box["related"][0])


def _comment(b, fill, depth: int = 0):
    b.open("div", class_="comment reply" if depth else "comment")
    meta = fill.format(fill.pick("comment_meta"))
    for line in meta.split("\n"):
        b.element("div", line, "comment", class_="comment-meta")
    sentences = [fill.deal("comment_texts", fill.pools["comment_texts"])
                 for _ in range(fill.rng.choice((1, 1, 1, 2, 2, 3)))]
    b.element("p", " ".join(fill.format(s) for s in sentences), "comment")
    for action in fill.rng.sample(fill.pools["comment_actions"][:-1], fill.rng.randint(0, 2)):
        b.element("button", fill.format(action), "comment", type="button")
    if depth == 0 and fill.rng.random() < 0.2:
        _comment(b, fill, depth + 1)
    b.close("div")


def _comments(b, fill, template, box, article):
    low, high = template["comments"]
    count = fill.rng.randint(low, high)
    if count == 0:
        return
    b.open(box["comments"][0], **box["comments"][1])
    header = fill.pick("comments_header")
    b.element("h2", header.format(n=count + fill.rng.randint(0, 40)), "comment")
    for _ in range(count):
        _comment(b, fill)
    if fill.rng.random() < 0.5:
        b.element("button", fill.pools["comment_actions"][-1], "comment", type="button")
    b.close(box["comments"][0])


def _footer(b, fill, template, box, article):
    b.open(box["footer"][0], **box["footer"][1])
    lines = fill.pick("footer", fill.rng.randint(3, 7))
    for line in lines:
        b.element("div", fill.format(line), "footer")
    b.close(box["footer"][0])


_SLOTS = {"consent": _consent, "nav": _nav, "headline": _headline, "byline": _byline,
          "timestamp": _timestamp, "meta": _meta, "share": _share, "figure": _figure, "body": _body,
          "paywall": _promo("paywall"), "newsletter": _promo("newsletter"), "related": _related,
          "comments": _comments, "footer": _footer}


# --- articles --------------------------------------------------------------------------

def paragraphs_of(text: str) -> tuple[str, ...]:
    return tuple(" ".join(line.split()) for line in text.split("\n") if line.strip())


def sample_bbc(data: Path, count: int, seed: int = SEED) -> tuple[list[Article], list[str]]:
    """A seeded sample of BBC articles, and every BBC title (for related lists)."""
    rows = load_jsonl(data, "summ/bbc_news_summary.jsonl")
    chosen = random.Random(seed).sample(range(len(rows)), min(count, len(rows)))
    articles = [Article(rows[i]["id"], " ".join(rows[i]["title"].split()), paragraphs_of(rows[i]["article"]),
                        rows[i]["summary"]) for i in sorted(chosen)]
    return articles, [" ".join(row["title"].split()) for row in rows]


def sample_fnc(data: Path, count: int, pairs_per_body: int,
               seed: int = SEED) -> tuple[list[Article], dict[str, list[tuple[str, str]]]]:
    """A seeded sample of FNC-1 bodies that have related headlines, and for each up to
    ``pairs_per_body`` (headline, gold stance) pairs, related ones first."""
    bodies = {row["body_id"]: row["body"] for row in load_jsonl(data, "stance/fnc1_train_bodies.jsonl")}
    pairs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in load_jsonl(data, "stance/fnc1_train_stances.jsonl"):
        pairs[row["body_id"]].append((row["headline"], row["stance"]))
    eligible = sorted(b for b, p in pairs.items() if b in bodies and any(s != "unrelated" for _, s in p))
    rng = random.Random(seed)
    chosen = sorted(rng.sample(eligible, min(count, len(eligible))))
    articles, selected = [], {}
    for body_id in chosen:
        article = Article(f"fnc-{body_id}", None, paragraphs_of(bodies[body_id]))
        related = [p for p in pairs[body_id] if p[1] != "unrelated"]
        unrelated = [p for p in pairs[body_id] if p[1] == "unrelated"]
        rng.shuffle(related)
        rng.shuffle(unrelated)
        selected[article.id] = (related + unrelated)[:pairs_per_body]
        articles.append(article)
    return articles, selected


def wrap(articles: Sequence[Article], templates: Sequence[dict], pools: dict, titles: Sequence[str],
         per_article: int) -> list[tuple[Page, Page]]:
    """Each article in ``per_article`` templates, rotating so that every template gets about
    the same number of articles."""
    return [wrap_one(article, templates[(i * per_article + j) % len(templates)], pools, titles)
            for i, article in enumerate(articles) for j in range(per_article)]


def wrap_one(article: Article, template: dict, pools: dict, titles: Sequence[str],
             drop: frozenset = frozenset()) -> tuple[Page, Page]:
    related = [t for t in titles if t != article.title]
    return make_page(article, template, pools[template["language"]], related, drop=drop)


# --- locating and labelling ------------------------------------------------------------

def locate(content: str, text: str, start: int = 0) -> tuple[int, int] | None:
    """Where the words of ``text`` occur in ``content`` (any whitespace between them), at
    or after ``start`` if possible, else anywhere; None when they do not occur."""
    words = text.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = pattern.search(content, start) or pattern.search(content)
    return found.span() if found else None


class Located:
    """Labels of sentences of a page: by their own offsets into the page, or, for HTML read
    by a synopsis without HTML offsets, by finding their words in the page's text form."""

    def __init__(self, page: Page, twin: Page | None, offsets: str | None):
        self.page, self.twin, self.offsets = page, twin, offsets
        self._cursor = 0
        self.unlocated = 0

    def __call__(self, sentence) -> tuple[str | None, bool]:
        if self.offsets is not None:
            start, end = getattr(sentence, self.offsets[0]), getattr(sentence, self.offsets[1])
            return self.page.label(start, end)
        return self.by_words(sentence.text)

    def by_words(self, text: str) -> tuple[str | None, bool]:
        span = locate(self.twin.content, text, self._cursor)
        if span is None:
            self.unlocated += 1
            return None, False
        self._cursor = span[1]
        return self.twin.label(*span)


# --- the system under test -------------------------------------------------------------

class SynopsisUnderTest:
    """The installed synopsis and which of the new API it has, found by trying it."""

    def __init__(self):
        import synopsis

        self.sy = synopsis
        probe = synopsis.segment("Markets fell on Monday. Traders were nervous.")
        self.has_kind = hasattr(probe.sentences[0], "boilerplate_kind")
        self.html = self._accepts_html()
        self.html_offsets = None
        if self.html:
            sentence = synopsis.segment("<p>Markets fell on Monday.</p>", format="html").sentences[0]
            if hasattr(sentence, "source_start") and hasattr(sentence, "source_end"):
                self.html_offsets = ("source_start", "source_end")
        self.html_stance = self.html and self._tagger_accepts_html()

    def _accepts_html(self) -> bool:
        probe = "<!DOCTYPE html><html><body><p>Markets fell on Monday. Traders were nervous.</p></body></html>"
        try:
            self.sy.segment(probe, format="html")
            self.sy.summarize(probe, format="html")
            self.sy.keywords(probe, 10, format="html")
        except (TypeError, ValueError):
            return False
        return True

    def _tagger_accepts_html(self) -> bool:
        try:
            self.sy.StanceTagger("markets").tag("<p>Markets fell.</p>", format="html")
        except (TypeError, ValueError):
            return False
        return True

    def notes(self) -> list[str]:
        sy = self.sy
        where = Path(sy.__file__).resolve().parent
        notes = [f"synopsis from {where}"]
        notes.append("Sentence.boilerplate_kind: " + (
            "present; kind agreement is measured" if self.has_kind else
            "absent on this build; kind agreement is n/a (only is_boilerplate / is_heading are measured)"))
        if not self.html:
            notes.append('format="html": absent on this build (segment/summarize/keywords reject it); '
                         "the HTML form is not measured, only the text form")
        else:
            notes.append('format="html": present; the HTML form is measured, ' + (
                "sentences labelled by their source_start/source_end offsets into the HTML"
                if self.html_offsets else
                "no source offsets on sentences: each is labelled by finding its words in the page's "
                "get_text() form (sentences not found are counted as unlocated)"))
            notes.append("StanceTagger.tag(format=\"html\"): " + ("present" if self.html_stance else
                         "absent; stance is measured on the text form only"))
        return notes

    def options(self, page: Page) -> dict:
        return {"format": "html"} if page.form == "html" else {}


@dataclass
class PageResult:
    page: Page
    gold: list[str | None] = field(default_factory=list)       # per sentence
    boilerplate: list[bool] = field(default_factory=list)
    heading: list[bool] = field(default_factory=list)
    kind: list[str | None] = field(default_factory=list)
    mixed: int = 0
    unlocated: int = 0
    summary_gold: list[str | None] = field(default_factory=list)
    summary: str = ""
    furniture_phrases: list[str] = field(default_factory=list)
    title: str | None = None
    rouge_clean: dict | None = None
    rouge_reference: dict | None = None


def is_furniture(kind: str | None) -> bool:
    return kind is not None and kind not in ARTICLE_KINDS


def kind_matches(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    predicted = predicted.lower().replace("-", "_")
    return predicted == gold or predicted in KIND_ALIASES.get(gold, ())


def furniture_only(page: Page, phrase: str, offsets: Sequence[tuple[int, int]] = ()) -> bool:
    """True when the phrase has no occurrence in the article (headline or body): neither a
    whole-word, case-insensitive match in the article text nor, when offsets are given, an
    occurrence inside an article span."""
    article = page.article.clean_text.casefold()
    if re.search(r"(?<!\w)" + re.escape(phrase.casefold()) + r"(?!\w)", article):
        return False
    return not any(page.label(start, end)[0] in ARTICLE_KINDS for start, end in offsets)


def analyse(sut: SynopsisUnderTest, page: Page, twin: Page | None) -> PageResult:
    sy = sut.sy
    options = sut.options(page)
    offsets = ("start", "end") if page.form == "text" else sut.html_offsets
    result = PageResult(page)
    doc = sy.segment(page.content, **options)
    labels = Located(page, twin, offsets)
    for sentence in doc.sentences:
        gold, mixed = labels(sentence)
        result.gold.append(gold)
        result.boilerplate.append(bool(sentence.is_boilerplate))
        result.heading.append(bool(sentence.is_heading))
        result.kind.append(getattr(sentence, "boilerplate_kind", None))
        result.mixed += mixed
    result.title = doc.title
    summary = sy.summarize(page.content, **options)
    summary_labels = Located(page, twin, offsets)
    result.summary_gold = [summary_labels(s)[0] for s in summary.sentences]
    result.unlocated = labels.unlocated + summary_labels.unlocated
    result.summary = "\n".join(s.text for s in summary.sentences)
    for keyword in sy.keywords(page.content, 10, **options):
        spans = keyword.offsets if page.form == "text" else ()
        if furniture_only(page, keyword.phrase, spans):
            result.furniture_phrases.append(keyword.phrase)
    return result


# --- tables ----------------------------------------------------------------------------

def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}" if whole else "n/a"


def f1(precision: float | None, recall: float | None) -> str:
    if not precision or not recall:
        return "n/a" if precision is None or recall is None else "0.0"
    return f"{200 * precision * recall / (precision + recall):.1f}"


def detection_row(name: str, results: Sequence[PageResult], has_kind: bool) -> list:
    tp = fp = fn = kept = furniture = sentences = mixed = right = unlocated = 0
    for r in results:
        for gold, boiler, heading, kind in zip(r.gold, r.boilerplate, r.heading, r.kind):
            if gold is None:
                continue
            sentences += 1
            if is_furniture(gold):
                furniture += 1
                tp += boiler
                fn += not boiler
                kept += boiler or heading
                right += kind_matches(gold, kind)
            else:
                fp += boiler
        mixed += r.mixed
        unlocated += r.unlocated
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / furniture if furniture else None
    return [name, len(results), sentences, furniture,
            "n/a" if precision is None else f"{100 * precision:.1f}",
            "n/a" if recall is None else f"{100 * recall:.1f}", f1(precision, recall),
            pct(kept, furniture), pct(right, furniture) if has_kind else "n/a", mixed, unlocated]


DETECTION_HEADERS = ["group", "pages", "sentences", "furniture", "precision", "recall", "F1",
                     "kept out of prose %", "kind right %", "mixed sentences", "unlocated"]


def downstream_row(name: str, results: Sequence[PageResult]) -> list:
    summaries = [r for r in results if r.summary_gold]
    chosen = [g for r in summaries for g in r.summary_gold]
    titled = [r for r in results if r.page.article.title]
    clean = [r.rouge_clean for r in results if r.rouge_clean]
    reference = [r.rouge_reference for r in results if r.rouge_reference]

    def rouge(scores: list[dict], key: str) -> str:
        return f"{100 * mean(s[key] for s in scores):.1f}" if scores else "n/a"

    return [name, len(results),
            pct(sum(any(is_furniture(g) for g in r.summary_gold) for r in summaries), len(summaries)),
            pct(sum(is_furniture(g) for g in chosen), len(chosen)),
            pct(sum(bool(r.furniture_phrases) for r in results), len(results)),
            pct(sum(r.title == r.page.article.title for r in titled), len(titled)),
            rouge(clean, "rouge1"), rouge(clean, "rouge2"), rouge(clean, "rougeL"),
            rouge(reference, "rouge1"), rouge(reference, "rouge2"), rouge(reference, "rougeL")]


DOWNSTREAM_HEADERS = ["group", "pages", "summaries with furniture %", "furniture share of summary sentences %",
                      "keyphrase lists with furniture-only phrase %", "title recovered %",
                      "R-1 vs clean", "R-2 vs clean", "R-L vs clean", "R-1 vs ref", "R-2 vs ref", "R-L vs ref"]


def by_language(results: Sequence[PageResult]) -> list[tuple[str, list[PageResult]]]:
    groups = [(f"furniture in {language}", [r for r in results if r.page.language == language])
              for language in LANGUAGES]
    return [g for g in groups if g[1]] + [("all", list(results))]


def kind_table(results: Sequence[PageResult], has_kind: bool) -> str:
    stats: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for gold, boiler, heading, kind in zip(r.gold, r.boilerplate, r.heading, r.kind):
            if is_furniture(gold):
                row = stats[gold]
                row["n"] += 1
                row["boilerplate"] += boiler
                row["heading"] += heading and not boiler
                row["prose"] += not (boiler or heading)
                row["right"] += kind_matches(gold, kind)
                if has_kind:
                    row[f"as {kind}"] += 1
        for gold in r.summary_gold:
            if is_furniture(gold):
                stats[gold]["summary"] += 1
    rows = []
    for kind in FURNITURE_KINDS:
        row = stats.get(kind)
        if not row:
            continue
        predicted = ", ".join([f"{k[3:]} {v}" for k, v in row.most_common() if k.startswith("as ")][:3])
        rows.append([kind, row["n"], pct(row["boilerplate"], row["n"]), pct(row["heading"], row["n"]),
                     pct(row["prose"], row["n"]), row["summary"],
                     pct(row["right"], row["n"]) if has_kind else "n/a", predicted if has_kind else "n/a"])
    return markdown_table(["furniture kind", "sentences", "boilerplate %", "heading %", "prose (leaks) %",
                           "in summaries", "kind right %", "most predicted kinds"], rows)


def template_table(results: Sequence[PageResult], templates: Sequence[dict], has_kind: bool) -> str:
    rows = []
    for template in templates:
        group = [r for r in results if r.page.template == template["name"]]
        if group:
            d = detection_row(template["name"], group, has_kind)
            s = downstream_row(template["name"], group)
            rows.append([template["name"], d[1], d[4], d[5], d[6], s[2], s[4], s[5]])
    return markdown_table(["template", "pages", "precision", "recall", "F1", "summaries with furniture %",
                           "keyphrase lists with furniture-only phrase %", "title recovered %"], rows)


# --- stance ----------------------------------------------------------------------------

def stance_table(sut: SynopsisUnderTest, fnc_pages: Sequence[tuple[Page, Page]],
                 pairs: dict[str, list[tuple[str, str]]], templates: dict[str, dict], pools: dict,
                 titles: Sequence[str]) -> str:
    """How often the zero-shot tagger's label on a page differs from its label on the clean
    body, and how often taking the comments out of the same page restores it."""
    sy = sut.sy
    taggers: dict[str, object] = {}
    clean: dict[tuple[str, str], str] = {}

    def tag(headline: str, text: str, form: str) -> str:
        tagger = taggers.get(headline) or taggers.setdefault(headline, sy.StanceTagger(headline))
        return tagger.tag(text, **({"format": "html"} if form == "html" else {})).label

    forms = ("text", "html") if sut.html_stance else ("text",)
    rows = []
    for form in forms:
        n = changed = by_comments = other = right_clean = right_page = with_comments = 0
        for text_page, html_page in fnc_pages:
            page = text_page if form == "text" else html_page
            article = page.article
            has_comments = any(s.kind == "comment" for s in page.spans)
            without = None
            for headline, gold in pairs[article.id]:
                key = (headline, article.id)
                if key not in clean:
                    clean[key] = tag(headline, article.clean_text, "text")
                label = tag(headline, page.content, form)
                n += 1
                with_comments += has_comments
                right_clean += clean[key] == gold
                right_page += label == gold
                if label == clean[key]:
                    continue
                changed += 1
                if has_comments:
                    if without is None:
                        pair = wrap_one(article, templates[page.template], pools, titles, frozenset({"comment"}))
                        without = pair[0] if form == "text" else pair[1]
                    if tag(headline, without.content, form) == clean[key]:
                        by_comments += 1
                        continue
                other += 1
        rows.append([form, n, with_comments, pct(changed, n), pct(by_comments, n), pct(other, n),
                     pct(right_clean, n), pct(right_page, n)])
    return markdown_table(["form", "pairs", "pairs on pages with comments", "label changed %",
                           "changed, comments drove it %", "changed by other furniture %",
                           "clean label = gold %", "page label = gold %"], rows)


# --- peers -----------------------------------------------------------------------------

def peer_summarizers() -> tuple[dict, list[str]]:
    """sumy TextRank (3 sentences) and summa (70 words), when installed."""
    systems, notes = {}, []
    try:
        from _common import OfflineSumyTokenizer, sumy_document, sumy_summarizers

        tokenizer = OfflineSumyTokenizer("regex")
        textrank = sumy_summarizers(["TextRank"])["TextRank"]
        systems["sumy TextRank (3 sentences)"] = (
            lambda text: [str(s) for s in textrank(sumy_document(text, tokenizer), 3)])
    except ImportError as error:
        notes.append(f"sumy not measured: {error}")
    try:
        from summa.summarizer import summarize as summa_summarize

        systems["summa (70 words)"] = lambda text: summa_summarize(text, words=70, split=True)
    except ImportError as error:
        notes.append(f"summa not measured: {error}")
    return systems, notes


def peer_table(systems: dict, pages: Sequence[Page], synopsis_rows: Sequence[PageResult], rouge) -> str:
    rows = [["synopsis summarize (default, 3 sentences)"] + downstream_row("", synopsis_rows)[1:4]
            + downstream_row("", synopsis_rows)[6:]]
    clean_cache: dict[tuple[str, str], str] = {}
    for name, run in systems.items():
        results = []
        for page in pages:
            result = PageResult(page)
            labels = Located(page, page, None)
            sentences = run(page.content)
            result.summary_gold = [labels.by_words(s)[0] for s in sentences]
            result.summary = "\n".join(sentences)
            key = (name, page.article.id)
            if key not in clean_cache:
                clean_cache[key] = "\n".join(run(page.article.clean_text))
            result.rouge_clean = rouge(clean_cache[key], result.summary)
            if page.article.reference:
                result.rouge_reference = rouge(page.article.reference, result.summary)
            results.append(result)
        row = downstream_row(name, results)
        rows.append(row[:4] + row[6:])
    return markdown_table(["system", "pages", "summaries with furniture %", "furniture share of summary sentences %",
                           "R-1 vs own clean", "R-2 vs own clean", "R-L vs own clean",
                           "R-1 vs ref", "R-2 vs ref", "R-L vs ref"], rows)


# --- real saved pages ------------------------------------------------------------------

def load_real_pages(directory: Path, limit: int | None) -> tuple[list[tuple[Page, Page]], float]:
    """Pages of scrapinghub/article-extraction-benchmark (html/<id>.html.gz and
    ground-truth.json): the text form is get_text() of the HTML, labelled "body" where a
    paragraph (or, failing that, a sentence) of the ground-truth article body is found in
    it and "other" elsewhere. Returns the pages and the share of ground-truth characters
    found."""
    truth_path = directory / "ground-truth.json"
    if not truth_path.is_file():
        sys.exit(f"error: {truth_path} not found; --real-pages takes a checkout of "
                 "scrapinghub/article-extraction-benchmark (with html/ and ground-truth.json)")
    from _common import regex_sentences

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages, found, total = [], 0, 0
    for item in sorted(truth)[:limit]:
        markup = gzip.decompress((directory / "html" / f"{item}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = html_to_text(markup)
        headline, standfirst = _headline_and_standfirst(markup)
        article = Article(item, headline, paragraphs_of(truth[item]["articleBody"]))
        covered = bytearray(len(text))
        spans, cursor = [], 0
        for paragraph in article.paragraphs:
            total += len(paragraph)
            for piece in [paragraph] if locate(text, paragraph, cursor) else regex_sentences(paragraph):
                span = locate(text, piece, cursor)
                if span and not any(covered[span[0]:span[1]]):
                    covered[span[0]:span[1]] = b"\1" * (span[1] - span[0])
                    spans.append(Span(span[0], span[1], "body"))
                    found += len(piece)
                    cursor = span[1]
        for piece, kind in ((headline, "headline"), (standfirst, "standfirst")):
            words = piece.split() if piece else []
            pattern = re.compile(r"\s+".join(re.escape(w) for w in words)) if words else None
            free = next((m for m in pattern.finditer(text) if not any(covered[m.start():m.end()])),
                        None) if pattern else None
            if free:
                covered[free.start():free.end()] = b"\1" * (free.end() - free.start())
                spans.append(Span(free.start(), free.end(), kind))
        spans.extend(Span(start, end, "other") for start, end in _uncovered_runs(text, covered))
        spans.sort(key=lambda s: s.start)
        text_page = Page("text", text, tuple(spans), article, "real", "real")
        pages.append((text_page, Page("html", markup, (), article, "real", "real")))
    return pages, found / total if total else 0.0


def _headline_and_standfirst(markup: str) -> tuple[str | None, str | None]:
    """The text of the page's first h1 and its og:description (or description) meta tag,
    which the ground truth leaves out of the article body."""
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", markup, re.S | re.I)
    headline = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", h1.group(1))).split()) if h1 else ""
    description = None
    for name in ("og:description", "description"):
        meta = re.search(r"<meta\b[^>]*(?:property|name)=[\"']" + name + r"[\"'][^>]*>", markup, re.I)
        content = re.search(r"content=\"([^\"]*)\"|content='([^']*)'", meta.group(0)) if meta else None
        if content:
            description = " ".join(html.unescape(content.group(1) or content.group(2) or "").split())
            break
    return headline or None, description or None


def _uncovered_runs(text: str, covered: bytearray) -> list[tuple[int, int]]:
    """Stretches of each line outside the covered ranges, without surrounding spaces."""
    runs = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        while start < line.end():
            while start < line.end() and covered[start]:
                start += 1
            end = start
            while end < line.end() and not covered[end]:
                end += 1
            piece = text[start:end]
            if piece.strip():
                runs.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
            start = end
    return runs


# --- consistency check -----------------------------------------------------------------

def check_pair(text_page: Page, html_page: Page, template: dict, pools: dict,
               titles: Sequence[str]) -> list[str]:
    """Everything the labels rest on, for one generated page; a list of what is wrong."""
    name = f"{template['name']} / {text_page.article.id}"
    errors = []
    again = wrap_one(text_page.article, template, pools, titles)
    if again != (text_page, html_page):
        errors.append(f"{name}: generating the page twice gave different pages")
    if html_to_text(html_page.content, template["gap"]) != text_page.content:
        errors.append(f"{name}: get_text() of the HTML form differs from the text form")
    for page in (text_page, html_page):
        previous_end = 0
        for span in page.spans:
            if span.start < previous_end or span.end <= span.start:
                errors.append(f"{name} ({page.form}): spans overlap or are empty at {span.start}")
            previous_end = span.end
    covered = bytearray(len(text_page.content))
    for span in text_page.spans:
        covered[span.start:span.end] = b"\1" * (span.end - span.start)
    stray = [i for i, ch in enumerate(text_page.content) if not covered[i] and not ch.isspace()]
    if stray:
        errors.append(f"{name}: text outside any labelled span at offset {stray[0]}")
    visible = [(s.kind, html.unescape(html_page.content[s.start:s.end])) for s in html_page.spans]
    head = 1  # the head's <title> comes first and is in the HTML form only
    if visible[head:] != [(s.kind, text_page.content[s.start:s.end]) for s in text_page.spans]:
        errors.append(f"{name}: the two forms' labelled pieces differ")
    body = [text_page.content[s.start:s.end] for s in text_page.spans if s.kind == "body"]
    if tuple(body) != text_page.article.paragraphs:
        errors.append(f"{name}: the body spans are not exactly the article's paragraphs")
    headline = [text_page.content[s.start:s.end] for s in text_page.spans if s.kind == "headline"]
    if headline != ([text_page.article.title] if text_page.article.title else []):
        errors.append(f"{name}: the headline span is not the article's title")
    without = wrap_one(text_page.article, template, pools, titles, frozenset({"comment"}))[0]
    kept = [(s.kind, text_page.content[s.start:s.end]) for s in text_page.spans if s.kind != "comment"]
    if kept != [(s.kind, without.content[s.start:s.end]) for s in without.spans]:
        errors.append(f"{name}: leaving out the comments changed other furniture")
    return errors


def check(args, templates: list[dict], pools: dict) -> int:
    """Generates a few pages in every template and checks their labels; with synopsis
    importable, also that every sentence it returns gets a label. Returns the exit status."""
    bbc, titles = sample_bbc(args.data, 3)
    fnc, _ = sample_fnc(args.data, 2, 1)
    by_name = {t["name"]: t for t in templates}
    errors, count = [], 0
    for article in bbc + fnc:
        for template in templates:
            text_page, html_page = wrap_one(article, template, pools, titles)
            errors += check_pair(text_page, html_page, by_name[template["name"]], pools, titles)
            count += 1
    try:
        sut = SynopsisUnderTest()
    except ImportError as error:
        print(f"synopsis not importable ({error}); checked the pages only")
        sut = None
    if sut is not None:
        for article in bbc[:1] + fnc[:1]:
            for template in templates:
                text_page, _ = wrap_one(article, template, pools, titles)
                for sentence in sut.sy.segment(text_page.content).sentences:
                    if text_page.content[sentence.start:sentence.end] != sentence.text:
                        errors.append(f"{template['name']}: sentence offsets do not give its text")
                    elif text_page.label(sentence.start, sentence.end)[0] is None:
                        errors.append(f"{template['name']}: sentence {sentence.text[:40]!r} has no label")
    for error in errors:
        print("error:", error)
    print(f"checked {count} pages in {len(templates)} templates: "
          f"{'OK' if not errors else f'{len(errors)} problems'}")
    return 1 if errors else 0


# --- main ------------------------------------------------------------------------------

def report_form(title: str, results: list[PageResult], templates: list[dict], has_kind: bool) -> None:
    print(f"\n## {title}\n")
    print("Boilerplate detection per sentence (furniture = positive; predicted = is_boilerplate):\n")
    print(markdown_table(DETECTION_HEADERS, [detection_row(n, g, has_kind) for n, g in by_language(results)]))
    print("\nSummaries (default sy.summarize), keyphrases (sy.keywords(text, 10)), titles, ROUGE F1 x100:\n")
    print(markdown_table(DOWNSTREAM_HEADERS, [downstream_row(n, g) for n, g in by_language(results)]))
    print("\nBy furniture kind (all template languages):\n")
    print(kind_table(results, has_kind))
    print("\nBy template:\n")
    print(template_table(results, templates, has_kind))


def measure(sut: SynopsisUnderTest, pairs: Sequence[tuple[Page, Page]], form: str, rouge,
            clean_summaries: dict[str, str]) -> list[PageResult]:
    results = []
    for text_page, html_page in pairs:
        page = text_page if form == "text" else html_page
        result = analyse(sut, page, text_page)
        article = page.article
        if article.id not in clean_summaries:
            clean_summaries[article.id] = "\n".join(s.text for s in sut.sy.summarize(article.clean_text).sentences)
        result.rouge_clean = rouge(clean_summaries[article.id], result.summary)
        if article.reference:
            result.rouge_reference = rouge(article.reference, result.summary)
        results.append(result)
    return results


def real_pages_report(sut: SynopsisUnderTest, directory: Path, limit: int | None, rouge) -> None:
    pages, coverage = load_real_pages(directory, limit)
    print(f"\n## Real pages ({len(pages)} from {directory})\n")
    print(f"Labels come from the ground-truth article body: {100 * coverage:.1f}% of its characters were "
          "found in the pages' get_text() form. The first h1 (the headline, also the title to recover) and "
          "the og:description (standfirst), where found in the text, count as article; the rest of each "
          "page counts as furniture (\"other\"). "
          "ROUGE vs clean: the page's summary against the summary of the ground-truth body. "
          "Extraction: the page's prose sentences (neither boilerplate nor heading) against the "
          "ground-truth body, beside the whole page text against it.\n")
    forms = ("text", "html") if sut.html else ("text",)
    rows, extraction = [], []
    for form in forms:
        results, prose_scores, page_scores = [], [], []
        clean: dict[str, str] = {}
        for result, (text_page, _) in zip(measure(sut, pages, form, rouge, clean), pages):
            results.append(result)
            truth = "\n".join(text_page.article.paragraphs)
            doc = sut.sy.segment(result.page.content, **sut.options(result.page))
            prose_scores.append(rouge(truth, "\n".join(s.text for s in doc.prose)))
            if form == "text":
                page_scores.append(rouge(truth, text_page.content))
        rows.append(detection_row(form, results, has_kind=False))  # real pages have no kinds
        d = downstream_row(form, results)
        extraction.append([form, d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8],
                           f"{100 * mean(s['rouge1'] for s in prose_scores):.1f}",
                           f"{100 * mean(s['rouge1'] for s in page_scores):.1f}" if page_scores else "n/a"])
    print(markdown_table(DETECTION_HEADERS, rows))
    print()
    print(markdown_table(["form", "pages", "summaries with furniture %", "furniture share of summary sentences %",
                          "keyphrase lists with furniture-only phrase %", "title recovered %", "R-1 vs clean",
                          "R-2 vs clean", "R-L vs clean", "extraction R-1 (prose)", "extraction R-1 (whole page)"], extraction))


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser(__doc__)
    parser.add_argument("--bbc", type=int, default=150, help="BBC articles to wrap (default: %(default)s)")
    parser.add_argument("--fnc", type=int, default=60, help="FNC-1 bodies to wrap (default: %(default)s)")
    parser.add_argument("--per-article", type=int, default=3,
                        help="templates each article is wrapped in, rotating (default: %(default)s)")
    parser.add_argument("--pairs-per-body", type=int, default=3,
                        help="FNC-1 headline pairs per body for stance, related first (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="a small sample: 26 BBC articles, 13 FNC-1 bodies")
    parser.add_argument("--check", action="store_true",
                        help="check the labelling of a few pages in every template and exit (1 on a problem)")
    parser.add_argument("--no-peers", action="store_true", help="skip sumy and summa")
    parser.add_argument("--real-pages", type=Path, default=None,
                        help="a checkout of scrapinghub/article-extraction-benchmark to measure on")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write the generated pages (text and HTML) of the first articles to this folder")
    args = parser.parse_args(argv)
    templates, pools = load_templates()
    if args.check:
        return check(args, templates, pools)
    if args.quick:
        args.bbc, args.fnc, args.per_article = 26, 13, 1
    started, cpu = time.perf_counter(), time.process_time()
    bbc, titles = sample_bbc(args.data, args.bbc)
    fnc, pairs = sample_fnc(args.data, args.fnc, args.pairs_per_body)
    bbc_pages = wrap(bbc, templates, pools, titles, args.per_article)
    fnc_pages = wrap(fnc, templates, pools, titles, args.per_article)
    if args.dump:
        dump(args.dump, bbc_pages[:len(templates)] + fnc_pages[:len(templates)])
    sut = SynopsisUnderTest()
    from summarize_quality import RougeF1

    rouge = RougeF1(lsum=False)
    print("# Messy pages\n")
    print(f"{len(bbc)} BBC articles and {len(fnc)} FNC-1 bodies (seed {SEED}), each in {args.per_article} of "
          f"{len(templates)} templates: {len(bbc_pages) + len(fnc_pages)} pages per form. "
          "FNC-1 bodies have no headline, so their pages have none and title recovery is over BBC pages; "
          "\"vs ref\" is over BBC pages.\n")
    for note in sut.notes():
        print(f"- {note}")
    all_pages = bbc_pages + fnc_pages
    clean: dict[str, str] = {}
    text_results = measure(sut, all_pages, "text", rouge, clean)
    report_form("Text form (get_text() of the page body, one block a line)", text_results, templates, sut.has_kind)
    if sut.html:
        html_results = measure(sut, all_pages, "html", rouge, clean)
        report_form('HTML form (format="html")', html_results, templates, sut.has_kind)
    print(f"\n## Stance on FNC-1 pairs (zero-shot StanceTagger, scheme fnc)\n")
    by_name = {t["name"]: t for t in templates}
    print(stance_table(sut, fnc_pages, pairs, by_name, pools, titles))
    if not args.no_peers:
        systems, notes = peer_summarizers()
        print("\n## Peers on the text form\n")
        for note in notes:
            print(f"- {note}")
        if systems:
            text_pages = [text for text, _ in all_pages]
            print(peer_table(systems, text_pages, text_results, rouge))
    if args.real_pages:
        real_pages_report(sut, args.real_pages, args.limit, rouge)
    print(f"\nTotal time: {time.perf_counter() - started:.0f} s wall clock, {time.process_time() - cpu:.0f} s CPU")
    return 0


def dump(folder: Path, pairs: Sequence[tuple[Page, Page]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for text_page, html_page in pairs:
        stem = f"{text_page.template}--{text_page.article.id}"
        (folder / f"{stem}.txt").write_text(text_page.content, encoding="utf-8")
        (folder / f"{stem}.html").write_text(html_page.content, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
