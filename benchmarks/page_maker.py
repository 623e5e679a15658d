"""Pages for the messy-page benchmark: articles wrapped in the furniture of news sites.

A template (messy_pages/templates.json) orders the slots of a page; the furniture of each
language (messy_pages/<language>.json) fills them. One builder writes every page in two
forms, the HTML page and the text get_text() gives of its body, and records which characters
of each are article text (headline, body) and which furniture of which kind, so that anything
that reads a page can be scored by offsets. Everything here is deterministic: the same
article, template and seed give the same pages.
"""

from __future__ import annotations

import bisect
import html
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence

TEMPLATE_DIR = Path(__file__).resolve().parent / "messy_pages"
ARTICLE_KINDS = ("headline", "standfirst", "body")
FURNITURE_KINDS = ("consent", "nav", "byline", "timestamp", "share", "caption", "advert", "related",
                   "newsletter", "paywall", "comment", "footer")
LANGUAGES = ("en", "de", "fr", "es", "ru")
SEED = 2024


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
        # class names vary from page to page, as they do from site to site
        self.css = {"advert": rng.choice(("ad-slot", "adv", "dfp-ad", "ad-container", "banner-ad", "sponsor")),
                    "comment": rng.choice(("comment", "c-item", "reply-box", "user-post")),
                    "caption": rng.choice(("caption", "img-credit", "media-caption", "photo-text"))}

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
    if template["semantic"]:
        b.open("figure")
        b.markup('<img src="/media/lead.jpg" alt="">')
        b.element("figcaption", fill.format(fill.pick("caption")), "caption")
        b.close("figure")
    else:
        b.open("div", class_="media")
        b.markup('<img src="/media/photo.jpg" alt="">')
        b.element("p", fill.format(fill.pick("caption")), "caption", class_=fill.css["caption"])
        b.close("div")


def _advert(b, fill, template, box, article):
    b.open("div", class_=fill.css["advert"])
    b.element("span", fill.pick("advert"), "advert")
    b.hidden("script", "googletag.cmd.push(function(){googletag.display('slot-1');});")
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
    b.open("div", class_=f"{fill.css['comment']} reply" if depth else fill.css["comment"])
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


def paragraphs_of(text: str) -> tuple[str, ...]:
    return tuple(" ".join(line.split()) for line in text.split("\n") if line.strip())


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
