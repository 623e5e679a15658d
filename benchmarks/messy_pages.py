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
sentence synopsis returns is labelled by its offsets. The pages are made by page_maker.py.

Measures, per form and per template language: boilerplate precision/recall/F1 per sentence
(furniture = positive, predicted = Sentence.is_boilerplate), the share of furniture kept out
of prose (Sentence.is_prose false: boilerplate or heading), recall and kind agreement per furniture kind; the share of
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
on sentences (HTML offsets; without them an HTML sentence is labelled by finding its words in
the page's text form).

Real pages (optional): ``--real-pages DIR`` reads a checkout of
scrapinghub/article-extraction-benchmark (181 saved news pages with the article body as
ground truth; benchmarks/messy_pages/README.md names the commit and licence); ``--limit N``
takes its first N pages. Its pages are not copied into this repository.

Example:
    python benchmarks/messy_pages.py                 # the default sample, a few minutes
    python benchmarks/messy_pages.py --quick         # a small sample
    python benchmarks/messy_pages.py --check         # labelling consistency, exits 1 on error
    python benchmarks/messy_pages.py --real-pages /path/to/article-extraction-benchmark
    python benchmarks/messy_pages.py --quick --templates en-broadsheet,de-zeitung --misses /tmp/misses.txt
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Sequence

from _common import load_jsonl, make_parser, markdown_table
from page_maker import (
    ARTICLE_KINDS, FURNITURE_KINDS, LANGUAGES, SEED, Article, Page, Span, check_pair, html_to_text,
    load_templates, paragraphs_of, wrap, wrap_one,
)

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


# --- articles --------------------------------------------------------------------------

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

    PROBE = "<!DOCTYPE html><html><body><p>Markets fell on Monday. Traders were nervous.</p></body></html>"

    def __init__(self):
        import synopsis

        self.sy = synopsis
        probe = synopsis.segment("Markets fell on Monday. Traders were nervous.")
        self.has_kind = hasattr(probe.sentences[0], "boilerplate_kind")
        calls = {"segment": lambda: synopsis.segment(self.PROBE, format="html").sentences,
                 "summarize": lambda: synopsis.summarize(self.PROBE, sentences=1, format="html").sentences,
                 "keywords": lambda: synopsis.keywords(self.PROBE, 10, format="html")}
        answers = {name: _accepted(call) for name, call in calls.items()}
        self.html_functions = [name for name, answer in answers.items() if answer is not None]
        self.html = len(self.html_functions) == len(calls)
        # offsets into the HTML, on document sentences and on summary sentences
        self.html_offsets = _source_offsets(answers["segment"]) if self.html else None
        self.summary_html_offsets = _source_offsets(answers["summarize"]) if self.html else None
        self.html_stance = self.html and _accepted(
            lambda: synopsis.StanceTagger("markets").tag(self.PROBE, format="html")) is not None

    def notes(self) -> list[str]:
        sy = self.sy
        where = Path(sy.__file__).resolve().parent
        notes = [f"synopsis from {where}"]
        notes.append("Sentence.boilerplate_kind: " + (
            "present; kind agreement is measured" if self.has_kind else
            "absent on this build; kind agreement is n/a (only is_boilerplate / is_heading are measured)"))
        if not self.html:
            accepted = ", ".join(self.html_functions) or "none of segment, summarize, keywords"
            notes.append(f'format="html": accepted by {accepted}; the HTML form is measured only when all '
                         "three accept it, so here only the text form is measured")
        else:
            def how(offsets) -> str:
                return ("labelled by their source_start/source_end offsets into the HTML" if offsets else
                        "without source offsets, labelled by finding their words in the page's get_text() "
                        "form (those not found are counted as unlocated)")
            notes.append(f'format="html": present; the HTML form is measured. Document sentences are '
                         f"{how(self.html_offsets)}; summary sentences are {how(self.summary_html_offsets)}")
            notes.append("StanceTagger.tag(format=\"html\"): " + ("present" if self.html_stance else
                         "absent; stance is measured on the text form only"))
        return notes

    def options(self, page: Page) -> dict:
        return {"format": "html"} if page.form == "html" else {}


def _accepted(call):
    """What ``call`` returns, or None when it rejects its arguments."""
    try:
        return call()
    except (TypeError, ValueError):
        return None


def _source_offsets(sentences) -> tuple[str, str] | None:
    if sentences and all(hasattr(sentences[0], name) for name in ("source_start", "source_end")):
        return ("source_start", "source_end")
    return None


@dataclass
class PageResult:
    page: Page
    gold: list[str | None] = field(default_factory=list)       # per sentence
    texts: list[str] = field(default_factory=list)
    boilerplate: list[bool] = field(default_factory=list)
    heading: list[bool] = field(default_factory=list)
    prose: list[bool] = field(default_factory=list)
    kind: list[str | None] = field(default_factory=list)
    mixed: int = 0
    unlocated: int = 0
    summary_gold: list[str | None] = field(default_factory=list)
    summary: str = ""
    furniture_phrases: list[str] = field(default_factory=list)
    phrase_kinds: list[str | None] = field(default_factory=list)  # where each first occurs
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
        result.texts.append(sentence.text)
        result.boilerplate.append(bool(sentence.is_boilerplate))
        result.heading.append(bool(sentence.is_heading))
        result.prose.append(bool(sentence.is_prose))
        result.kind.append(getattr(sentence, "boilerplate_kind", None))
        result.mixed += mixed
    result.title = doc.title
    summary = sy.summarize(page.content, **options)
    summary_labels = Located(page, twin, ("start", "end") if page.form == "text" else sut.summary_html_offsets)
    result.summary_gold = [summary_labels(s)[0] for s in summary.sentences]
    result.unlocated = labels.unlocated + summary_labels.unlocated
    result.summary = "\n".join(s.text for s in summary.sentences)
    for keyword in sy.keywords(page.content, 10, **options):
        spans = keyword.offsets if page.form == "text" else ()
        if furniture_only(page, keyword.phrase, spans):
            result.furniture_phrases.append(keyword.phrase)
            where = page.label(*spans[0]) if spans else Located(twin, twin, None).by_words(keyword.phrase)
            result.phrase_kinds.append(where[0])
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
        for gold, boiler, prose, kind in zip(r.gold, r.boilerplate, r.prose, r.kind):
            if gold is None:
                continue
            sentences += 1
            if is_furniture(gold):
                furniture += 1
                tp += boiler
                fn += not boiler
                kept += not prose
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
        for gold, boiler, heading, prose, kind in zip(r.gold, r.boilerplate, r.heading, r.prose, r.kind):
            if is_furniture(gold):
                row = stats[gold]
                row["n"] += 1
                row["boilerplate"] += boiler
                row["heading"] += heading and not boiler
                row["prose"] += prose
                row["right"] += kind_matches(gold, kind)
                if has_kind:
                    row[f"as {kind}"] += 1
        for gold in r.summary_gold:
            if is_furniture(gold):
                stats[gold]["summary"] += 1
        for kind in r.phrase_kinds:
            if is_furniture(kind):
                stats[kind]["phrases"] += 1
    rows = []
    for kind in FURNITURE_KINDS:
        row = stats.get(kind)
        if not row:
            continue
        predicted = ", ".join([f"{k[3:]} {v}" for k, v in row.most_common() if k.startswith("as ")][:3])
        rows.append([kind, row["n"], pct(row["boilerplate"], row["n"]), pct(row["heading"], row["n"]),
                     pct(row["prose"], row["n"]), row["summary"], row["phrases"],
                     pct(row["right"], row["n"]) if has_kind else "n/a", predicted if has_kind else "n/a"])
    return markdown_table(["furniture kind", "sentences", "boilerplate %", "heading %", "prose (leaks) %",
                           "in summaries", "furniture-only keyphrases", "kind right %", "most predicted kinds"], rows)


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
    parser.add_argument("--templates", default=None,
                        help="comma-separated template names to use (the rest are held out), e.g. to develop rules "
                             "on some templates and check them on the others")
    parser.add_argument("--misses", type=Path, default=None,
                        help="write the furniture sentences left as article text, and the article sentences "
                             "flagged, by form, template and kind, to this file")
    args = parser.parse_args(argv)
    templates, pools = load_templates()
    if args.templates:
        wanted = set(args.templates.split(","))
        unknown = wanted - {t["name"] for t in templates}
        if unknown:
            parser.error(f"unknown templates: {', '.join(sorted(unknown))}")
        templates = [t for t in templates if t["name"] in wanted]
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
    html_results = []
    if sut.html:
        html_results = measure(sut, all_pages, "html", rouge, clean)
        report_form('HTML form (format="html")', html_results, templates, sut.has_kind)
    if args.misses:
        write_misses(args.misses, {"text": text_results, "html": html_results})
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


def write_misses(path: Path, forms: dict[str, list[PageResult]]) -> None:
    """Missed furniture (left as article text) and flagged article sentences, by form,
    template and gold kind, most frequent first."""
    lines = []
    for form, results in forms.items():
        missed: dict[tuple[str, str], Counter] = defaultdict(Counter)
        flagged: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for r in results:
            for gold, boiler, kind, text in zip(r.gold, r.boilerplate, r.kind, r.texts):
                if is_furniture(gold) and not boiler:
                    missed[(r.page.template, gold)][text] += 1
                elif gold in ARTICLE_KINDS and boiler:
                    flagged[(r.page.template, f"{gold} as {kind}")][text] += 1
        for title, groups in ((f"{form}: furniture left as article text", missed),
                              (f"{form}: article text flagged", flagged)):
            lines.append(f"# {title}\n")
            for (template, kind), texts in sorted(groups.items()):
                lines.append(f"## {template} / {kind}: {sum(texts.values())}")
                lines.extend(f"{n:4d}  {text!r}" for text, n in texts.most_common(30))
                lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"\nMisses written to {path}")


def dump(folder: Path, pairs: Sequence[tuple[Page, Page]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for text_page, html_page in pairs:
        stem = f"{text_page.template}--{text_page.article.id}"
        (folder / f"{stem}.txt").write_text(text_page.content, encoding="utf-8")
        (folder / f"{stem}.html").write_text(html_page.content, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
