"""Rich display of synopsis results in Jupyter (and anywhere HTML is shown).

Every function returns an HTML string built with inline styles (they survive
notebook viewers that strip ``<style>`` blocks); all text from the input is escaped,
so an article containing ``<script>`` renders as text. The result classes get a
``_repr_html_`` that calls these functions, so a result at the end of a notebook cell
renders itself; :func:`show` wraps any result (or a keyword list with its text) in an
object that Jupyter renders.

Example:
    >>> import synopsis as sy
    >>> from synopsis import display
    >>> html = display.document_html(sy.segment("Hello <b>world</b>. Bye."))
    >>> "&lt;b&gt;world" in html and "<b>world" not in html
    True
"""

from __future__ import annotations

import html as _html
import math
import re
from typing import Any, Iterable, List, Optional, Sequence, Tuple

__all__ = [
    "HTML",
    "document_html",
    "keywords_html",
    "show",
    "stance_html",
    "summary_html",
]

# A rendered document is capped so that a huge text cannot freeze a notebook.
MAX_CHARS = 60_000

_FONT = "font-family:Georgia,'Times New Roman',serif;line-height:1.55;max-width:52em"
_META = "font-family:system-ui,sans-serif;font-size:0.8em;color:#555;margin-bottom:0.4em"
_MUTED = "color:#9a9a9a"
_KEYWORD_COLOURS = ["#ffe08a", "#b5e3ff", "#c8f2c2", "#ffc9de", "#e0d0ff",
                    "#ffd5b0", "#c4f0ec", "#f5f0a0", "#d8e2ff", "#f0d0c0"]
_STANCE_COLOURS = {
    "agree": "#cdeccd", "favor": "#cdeccd", "favour": "#cdeccd", "support": "#cdeccd", "pro": "#cdeccd",
    "disagree": "#f8cccc", "against": "#f8cccc", "refute": "#f8cccc", "con": "#f8cccc",
    "discuss": "#dbe6fb", "neutral": "#ececec", "none": "#f4f4f4", "unrelated": "#f4f4f4",
}


def _e(text: Any) -> str:
    return _html.escape(str(text), quote=True)


class HTML:
    """An HTML fragment that Jupyter renders; ``str()`` gives the markup.

    Example:
        >>> from synopsis.display import HTML
        >>> HTML("<b>x</b>")._repr_html_()
        '<b>x</b>'
    """

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return f"HTML({len(self.markup)} characters; display it in Jupyter)"


# --- spans ------------------------------------------------------------------------------

def _render(text: str, begin: int, end: int, spans: Sequence[Tuple[Any, ...]], tag: str = "span") -> str:
    """Escapes text[begin:end], wrapping each (start, end, style, tooltip) span.

    Spans are clipped to [begin, end); overlapping spans keep the first one.
    """
    out: List[str] = []
    pos = begin
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, stop, style, tip = span[:4]
        element = span[4] if len(span) > 4 else tag
        start, stop = max(start, pos), min(stop, end)
        if stop <= start:
            continue
        out.append(_e(text[pos:start]))
        title = f' title="{_e(tip)}"' if tip else ""
        out.append(f'<{element} style="{style}"{title}>{_e(text[start:stop])}</{element}>')
        pos = stop
    out.append(_e(text[pos:end]))
    return "".join(out)


def _paragraph_ranges(document: Any) -> List[Tuple[int, int]]:
    paragraphs = getattr(document, "paragraphs", None)
    if paragraphs:
        return [(p.start, p.end) for p in paragraphs]
    return [(0, len(document.text))]


def _line_ranges(text: str) -> List[Tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _render_paragraphs(text: str, ranges: Iterable[Tuple[int, int]],
                       spans: Sequence[Tuple[Any, ...]], tag: str = "span") -> str:
    spans = sorted(spans)
    out: List[str] = []
    used = 0
    k = 0
    for start, end in ranges:
        if used >= MAX_CHARS:
            out.append(f'<p style="{_MUTED}">… {len(text) - start:,} more characters not shown</p>')
            break
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        local = [s for s in spans[k:] if s[0] < end]
        out.append(f'<p style="margin:0.35em 0">{_render(text, start, end, local, tag)}</p>')
        used += end - start
    return "".join(out)


def _title_index(document: Any) -> int:
    title = getattr(document, "title", None)
    if title is None:
        return -1
    for s in document.sentences:
        if s.text == title:
            return s.index
    return -1


def _flag_style(sentence: Any, title: int) -> Tuple[str, str]:
    if sentence.index == title:
        return "font-weight:bold;font-size:1.15em", "title"
    if getattr(sentence, "is_boilerplate", False):
        kind = getattr(sentence, "boilerplate_kind", None)
        return _MUTED, f"boilerplate: {kind}" if kind else "boilerplate"
    if getattr(sentence, "is_heading", False):
        return _MUTED + ";font-variant:small-caps", "heading"
    return "", ""


def _wrap(meta: str, body: str, kind: str) -> str:
    return (f'<div class="synopsis-{kind}" style="{_FONT}">'
            f'<div style="{_META}">{meta}</div>{body}</div>')


# --- Document -----------------------------------------------------------------------------

def document_html(document: Any) -> str:
    """HTML for a Document: the title bold, headings and boilerplate greyed.

    Hovering a sentence shows its index and flags.

    Example:
        >>> import synopsis as sy
        >>> from synopsis.display import document_html
        >>> "font-weight:bold" in document_html(sy.segment("A Headline\\n\\nThe body says so."))
        True
    """
    text = document.text
    title = _title_index(document)
    spans = []
    for s in document.sentences:
        style, flag = _flag_style(s, title)
        tip = f"sentence {s.index}" + (f" ({flag})" if flag else "")
        spans.append((s.start, s.end, style, tip))
    meta = (f"Document · {len(document.sentences)} sentences · "
            f"{len(document.prose)} prose · {len(document.tokens)} tokens · language {_e(document.language)}")
    return _wrap(meta, _render_paragraphs(text, _paragraph_ranges(document), spans), "document")


# --- Summary ------------------------------------------------------------------------------

def _source_of(result: Any, document: Any = None, text: Optional[str] = None) -> Any:
    """The Document a result was computed from, when it (or the caller) can say."""
    if document is not None:
        return document
    for name in ("document", "source"):
        value = getattr(result, name, None)
        if value is not None and hasattr(value, "sentences"):
            return value
    if text is not None:
        from . import segment
        return segment(text)
    return None


def summary_html(summary: Any, document: Any = None, text: Optional[str] = None) -> str:
    """HTML for a Summary: the article with the chosen sentences highlighted.

    The highlight is shaded by score (the best sentence darkest); hovering shows the
    sentence's rank and score. When the summary does not carry its article and none
    is given (``document=`` or ``text=``), the chosen sentences are listed instead.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> from synopsis.display import summary_html
        >>> s = NS(sentences=[NS(text="It rose.", score=0.9, index=3, start=0, end=8)])
        >>> "It rose." in summary_html(s)
        True
    """
    chosen = list(summary.sentences)
    scores = [float(getattr(s, "score", 1.0)) for s in chosen]
    finite = [x for x in scores if math.isfinite(x)]
    top = max(finite) if finite else 1.0
    low = min(finite) if finite else 0.0
    order = sorted(range(len(chosen)), key=lambda i: -scores[i])
    rank = {i: r + 1 for r, i in enumerate(order)}

    def shade(i: int) -> str:
        x = scores[i]
        level = 1.0 if top == low or not math.isfinite(x) else (x - low) / (top - low)
        alpha = 0.25 + 0.6 * level
        return f"background:rgba(255,196,0,{alpha:.2f});border-radius:3px;padding:0 1px"

    def tip(i: int) -> str:
        return f"rank {rank[i]} of {len(chosen)}, score {scores[i]:.4g}"

    source = _source_of(summary, document, text)
    words = sum(len(s.text.split()) for s in chosen)
    meta = f"Summary · {len(chosen)} sentences · {words} words"
    if source is None:
        items = "".join(
            f'<li style="margin:0.2em 0"><span style="{shade(i)}" title="{_e(tip(i))}">{_e(s.text)}</span></li>'
            for i, s in enumerate(chosen))
        return _wrap(meta, f'<ol style="margin:0;padding-left:1.4em">{items}</ol>', "summary")
    by_index = {getattr(s, "index", -1): i for i, s in enumerate(chosen)}
    title = _title_index(source)
    spans: List[Tuple[Any, ...]] = []
    for s in source.sentences:
        if s.index in by_index:
            i = by_index[s.index]
            spans.append((s.start, s.end, shade(i), tip(i), "mark"))
        else:
            style, flag = _flag_style(s, title)
            spans.append((s.start, s.end, style, flag))
    meta += f" of {len(source.sentences)} (highlighted; hover for rank and score)"
    return _wrap(meta, _render_paragraphs(source.text, _paragraph_ranges(source), spans), "summary")


# --- keyphrases ---------------------------------------------------------------------------

def _keyword_spans(keyword: Any, text: str) -> List[Tuple[int, int]]:
    offsets = getattr(keyword, "offsets", None)
    spans: List[Tuple[int, int]] = []
    if offsets:
        for o in offsets:
            if isinstance(o, (tuple, list)) and len(o) == 2:
                spans.append((int(o[0]), int(o[1])))
            elif isinstance(o, int):
                spans.append((o, o + len(keyword.phrase)))
        if spans:
            return spans
    words = [re.escape(w) for w in str(keyword.phrase).split()]
    if not words:
        return spans
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def keywords_html(keywords: Sequence[Any], text: Optional[str] = None, document: Any = None) -> str:
    """HTML for keyphrases: a ranked table, and the text with each phrase highlighted.

    ``text`` (or ``document``) is the text the keyphrases came from; when the list
    carries it (a ``.text`` or ``.document`` attribute) it need not be given. Each
    phrase has its own colour in the table and in the text.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> from synopsis.display import keywords_html
        >>> kw = [NS(phrase="central bank", score=0.4, count=1, offsets=[(4, 16)])]
        >>> "<mark" in keywords_html(kw, text="The central bank acted.")
        True
    """
    if document is None and text is None:
        source = getattr(keywords, "document", None) or getattr(keywords, "text", None)
        if hasattr(source, "sentences"):
            document = source
        elif isinstance(source, (bytes, bytearray)):
            text = bytes(source).decode("utf-8", errors="replace")
        elif isinstance(source, str):
            text = source
    keywords = list(keywords)
    if document is not None and text is None:
        text = document.text
    rows = []
    spans = []
    for rank, kw in enumerate(keywords):
        colour = _KEYWORD_COLOURS[rank % len(_KEYWORD_COLOURS)]
        score = getattr(kw, "score", float("nan"))
        count = getattr(kw, "count", "")
        rows.append(
            f'<tr><td style="text-align:right;padding:0 0.6em">{rank + 1}</td>'
            f'<td><mark style="background:{colour}">{_e(kw.phrase)}</mark></td>'
            f'<td style="text-align:right;padding:0 0.6em">{float(score):.4f}</td>'
            f'<td style="text-align:right">{_e(count)}</td></tr>')
        if text is not None:
            for start, end in _keyword_spans(kw, text):
                spans.append((start, end, f"background:{colour}", f"{kw.phrase} (#{rank + 1})"))
    table = ('<table style="font-family:system-ui,sans-serif;font-size:0.9em;border-collapse:collapse">'
             '<tr><th>#</th><th style="text-align:left">phrase</th><th>score</th><th>count</th></tr>'
             + "".join(rows) + "</table>")
    meta = f"{len(keywords)} keyphrases"
    if text is None:
        return _wrap(meta, table, "keywords")
    ranges = _paragraph_ranges(document) if document is not None else _line_ranges(text)
    body = _render_paragraphs(text, ranges, spans, tag="mark")
    return _wrap(meta, table + f'<div style="margin-top:0.6em">{body}</div>', "keywords")


# --- stance -------------------------------------------------------------------------------

def _label(x: Any) -> str:
    value = getattr(x, "label", x)
    return str(getattr(value, "name", value))


_CUE_STYLES = {
    "hedge": "text-decoration:underline dotted #555;text-underline-offset:3px",
    "support": "border-bottom:2px solid #3a9a3a",
    "refute": "border-bottom:2px solid #c83a3a",
    "negated_support": "border-bottom:2px dashed #3a9a3a",
    "negated_refute": "border-bottom:2px dashed #c83a3a",
    "negation": "font-style:italic;border-bottom:1px solid #777",
}


def _cues(sentence: Any) -> List[Tuple[str, str, Optional[int], Optional[int]]]:
    """Cues as (kind, text, start, end); start/end are str offsets in the text, or None."""
    out = []
    for cue in getattr(sentence, "cues", None) or []:
        if isinstance(cue, tuple) and len(cue) >= 2:
            start = cue[2] if len(cue) > 3 else None
            end = cue[3] if len(cue) > 3 else None
            out.append((str(cue[0]), str(cue[1]), start, end))
            continue
        kind = next((getattr(cue, n) for n in ("kind", "type", "category") if getattr(cue, n, None) is not None), cue)
        out.append((str(getattr(kind, "name", kind)), str(getattr(cue, "text", "")),
                    getattr(cue, "start", None), getattr(cue, "end", None)))
    return out


def _attribution(sentence: Any) -> Tuple[str, Optional[int], Optional[int], str]:
    """(source, start, end, kind) of who a sentence attributes its content to; source may be ""."""
    a = getattr(sentence, "attribution", None)
    if a is None or a == "":
        return "", None, None, ""
    if isinstance(a, str):
        return a, None, None, ""
    source = getattr(a, "source", None)
    if source is None:
        for name in ("speaker", "who", "text"):
            source = getattr(a, name, None)
            if source:
                break
    return (str(source) if source else "", getattr(a, "start", None), getattr(a, "end", None),
            str(getattr(a, "kind", "") or ""))


def _stance_sentence_html(s: Any) -> str:
    label = _label(s)
    quiet = label.lower() in ("unrelated", "none")
    style = (f"background:{_STANCE_COLOURS.get(label.lower(), '#f4f4f4')};border-radius:3px;padding:0 1px"
             + (";color:#888" if quiet else ""))
    text = str(s.text)
    base = int(getattr(s, "start", 0) or 0)
    spans = []
    cues = _cues(s)
    for kind, cue_text, start, end in cues:
        cue_style = _CUE_STYLES.get(kind)
        if cue_style is None:
            continue
        if start is not None and end is not None:
            spans.append((start - base, end - base, cue_style, f"{kind} cue"))
        elif cue_text:
            at = text.find(cue_text)
            if at >= 0:
                spans.append((at, at + len(cue_text), cue_style, f"{kind} cue"))
    who, w_start, w_end, w_kind = _attribution(s)
    if who and w_start is not None and w_end is not None:
        spans.append((w_start - base, w_end - base, "font-weight:bold;background:#fff3c4",
                      f"source ({w_kind})" if w_kind else "source"))
    spans = [(max(0, a), min(len(text), b), st, tip) for a, b, st, tip in spans if b > 0 and a < len(text)]
    hedged = bool(getattr(s, "hedged", False)) or any(k == "hedge" for k, *_ in cues)
    tip = [f"sentence {getattr(s, 'index', '?')}: {label}"]
    relevance = getattr(s, "relevance", None)
    if relevance is not None:
        tip.append(f"relevance {float(relevance):.3f}")
    if cues:
        tip.append("cues: " + ", ".join(f"{k} '{t}'" for k, t, _, _ in cues))
    if getattr(s, "reported", False):
        tip.append("reported speech")
    if getattr(s, "negated", False):
        tip.append("negated")
    badges = ""
    if who:
        badges += (' <sup style="font-family:system-ui,sans-serif;font-size:0.7em;background:#fff3c4;'
                   f'border:1px solid #d9c36a;border-radius:3px;padding:0 0.3em">says: {_e(who)}</sup>')
    if hedged:
        badges += ('<sup style="font-family:system-ui,sans-serif;font-size:0.7em;color:#555;'
                   'border:1px dotted #555;border-radius:3px;padding:0 0.3em;margin-left:0.2em">hedged</sup>')
    return (f'<span style="{style}" title="{_e("; ".join(tip))}">{_render(text, 0, len(text), spans)}</span>'
            f"{badges} ")


def stance_html(result: Any, target: Optional[str] = None) -> str:
    """HTML for a StanceResult: its label and scores, then each sentence coloured by stance.

    Green agrees (favours), red disagrees (is against), blue discusses, grey is unrelated.
    The source a sentence attributes its content to is bold, with a "says" badge;
    hedges ("may", "reportedly") have a dotted underline and a "hedged" badge; support
    and refute cues are underlined in green and red. Hovering a sentence shows its
    label, relevance and cues.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> from synopsis.display import stance_html
        >>> r = NS(label="agree", scores={"agree": 0.7, "disagree": 0.3},
        ...        sentences=[NS(text="It works, he said.", label="agree", relevance=0.8,
        ...                      cues=[], attribution="he")])
        >>> "It works, he said." in stance_html(r)
        True
    """
    label = _label(result)
    target = target if target is not None else getattr(result, "target", None)
    scores = getattr(result, "scores", None) or {}
    if not isinstance(scores, dict):
        try:
            scores = dict(scores)
        except (TypeError, ValueError):
            scores = {}
    bars = []
    for name, value in sorted(scores.items(), key=lambda kv: -float(kv[1])):
        colour = _STANCE_COLOURS.get(str(name).lower(), "#e0e0e0")
        width = max(0.0, min(1.0, float(value))) * 10
        bars.append(f'<span style="display:inline-block;margin-right:1em">{_e(name)} '
                    f'<span style="display:inline-block;width:{width:.2f}em;height:0.7em;background:{colour};'
                    f'border:1px solid #bbb;vertical-align:middle"></span> {float(value):.3f}</span>')
    relevance = getattr(result, "relevance", None)
    head = (f'<div style="font-family:system-ui,sans-serif;margin-bottom:0.5em">'
            f'<span style="background:{_STANCE_COLOURS.get(label.lower(), "#e0e0e0")};padding:0.1em 0.5em;'
            f'border-radius:4px;font-weight:bold">{_e(label)}</span>'
            + (f' toward <i>{_e(target)}</i>' if target else "")
            + (f' · relevance {float(relevance):.3f}' if relevance is not None else "")
            + f'<div style="font-size:0.85em;margin-top:0.3em">{"".join(bars)}</div></div>')
    sentences = list(getattr(result, "sentences", []) or [])
    parts = [_stance_sentence_html(s) for s in sentences]
    meta = (f"StanceResult · {len(parts)} sentences · green agrees, red disagrees, blue discusses; "
            "bold: who says it; dotted: hedged")
    return _wrap(meta, head + f'<p style="margin:0.35em 0">{"".join(parts)}</p>', "stance")


# --- dispatch -----------------------------------------------------------------------------

def to_html(obj: Any, text: Optional[str] = None, document: Any = None) -> str:
    """HTML for any synopsis result: Document, Summary, keyphrase list or StanceResult."""
    name = type(obj).__name__
    if name == "Document" or (hasattr(obj, "tokens") and hasattr(obj, "paragraphs")):
        return document_html(obj)
    if name == "StanceResult" or (hasattr(obj, "label") and hasattr(obj, "sentences")):
        return stance_html(obj)
    if hasattr(obj, "sentences"):
        return summary_html(obj, document=document, text=text)
    if isinstance(obj, (list, tuple)) or hasattr(obj, "__iter__"):
        return keywords_html(obj, text=text, document=document)
    raise TypeError(f"no HTML rendering for {name}")


def show(obj: Any, text: Optional[str] = None, document: Any = None) -> HTML:
    """Wraps a result for Jupyter; pass the source ``text`` to highlight keyphrases in it.

    Example:
        >>> import synopsis as sy
        >>> from synopsis.display import show
        >>> show(sy.segment("One. Two."))
        HTML(...)
    """
    return HTML(to_html(obj, text=text, document=document))
