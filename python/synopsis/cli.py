"""Command line: ``python -m synopsis <command> [FILE ...]`` (stdin when no file).

Each command reads every input, writes text, JSON (one array) or JSONL (one object per
input), and exits with status 2 and a message on bad input. Results are serialised through
their ``to_dict()``; options left out are left to the core's defaults.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from typing import Any, Callable, Iterable

from . import _core
from ._estimator import StanceClassifier
from ._keywords import keywords
from ._summarize import summarize


def _include_comments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--include-comments", dest="include_comments", action="store_const", const=True,
                   help="let readers' comments count (by default they are page furniture and ignored)")


def _given(args: argparse.Namespace, *names: str) -> dict[str, Any]:
    """The options the user gave (argparse leaves the others None); --format-in is the
    core's ``format`` (--format is the output's)."""
    return {("format" if name == "format_in" else name): getattr(args, name)
            for name in names if getattr(args, name, None) is not None}


# --- segment ------------------------------------------------------------------------------

def _segment(args: argparse.Namespace, text: str) -> dict:
    return _core.segment(text, **_given(args, "language", "format_in")).to_dict()


def _segment_text(result: dict) -> str:
    lines = []
    for s in result["sentences"]:
        flag = "B" if s["is_boilerplate"] else ("H" if s["is_heading"] else " ")
        kind = f"[{s['boilerplate_kind']}] " if s["boilerplate_kind"] else ""
        lines.append(f"{s['index']:4d} {flag} {kind}{s['text']}")
    return "\n".join(lines)


# --- summarize ----------------------------------------------------------------------------

def _summarize_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sentences", type=int, help="at most this many sentences (default 3 without --ratio/--words)")
    p.add_argument("--ratio", type=float, help="at most this share of the sentences")
    p.add_argument("--words", type=int, help="at most this many words")
    p.add_argument("--method", choices=_core.SUMMARIZE_METHODS)
    p.add_argument("--encoder", choices=_core.ENCODER_NAMES)
    p.add_argument("--query", help="rank toward this text")
    p.add_argument("--diversity", type=float, help="0..1, MMR weight against redundancy")
    _include_comments(p)


def _summarize(args: argparse.Namespace, text: str) -> dict:
    options = _given(args, "ratio", "words", "method", "encoder", "query", "diversity", "language", "format_in",
                     "include_comments")
    return summarize(text, args.sentences, **options).to_dict()


def _summarize_text(result: dict) -> str:
    return "\n".join(s["text"] for s in result["sentences"])


# --- keywords -----------------------------------------------------------------------------

def _keywords_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--top", type=int, help="phrases per input (default 10)")
    p.add_argument("--method", choices=_core.KEYWORD_METHODS, help="ranking method (default positiontfidf)")
    p.add_argument("--window", type=int, help="co-occurrence window in tokens (default: the method's own)")
    p.add_argument("--max-words", dest="max_words", type=int, help="longest phrase in words (default 4)")
    _include_comments(p)


def _keywords(args: argparse.Namespace, text: str) -> dict:
    found = keywords(text, args.top, **_given(args, "method", "window", "max_words", "language", "format_in",
                                              "include_comments"))
    return {"keywords": found.to_dict()}


def _keywords_text(result: dict) -> str:
    return "\n".join(f"{k['score']:8.4f}  {k['count']:3d}  {k['phrase']}" for k in result["keywords"])


# --- stance -------------------------------------------------------------------------------

def _stance_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", help="the claim or topic (required)")
    p.add_argument("--scheme", help="zero-shot label scheme: fnc (default) or semeval")
    p.add_argument("--model", help="a model file written by stance-train (default: zero-shot tagger)")
    _include_comments(p)


_MODELS: dict[str, StanceClassifier] = {}


def _stance(args: argparse.Namespace, text: str) -> dict:
    if not args.target:
        raise ValueError("--target is required")
    if args.model:
        if args.format_in is not None:
            raise ValueError("--format-in applies to the zero-shot tagger; a --model reads its texts with format auto")
        if args.include_comments:
            raise ValueError("--include-comments works with the zero-shot tagger, not with --model")
        if args.model not in _MODELS:
            _MODELS[args.model] = StanceClassifier.load(args.model)
        clf = _MODELS[args.model]
        proba = clf.predict_proba([(args.target, text)])[0]
        return {
            "target": args.target,
            "label": clf.predict([(args.target, text)]).tolist()[0],
            "scores": {str(c): float(p) for c, p in zip(clf.classes_, proba)},
        }
    tagger = _core.StanceTagger(args.target, **_given(args, "scheme", "language", "format_in", "include_comments"))
    return {"target": args.target, **tagger.tag(text).to_dict()}


def _stance_text(result: dict) -> str:
    scores = "  ".join(f"{k}={v:.3f}" for k, v in result["scores"].items())
    lines = [f"{result['label']}  ({scores})"]
    for s in result.get("sentences", []):
        if s["label"] in ("unrelated", "none"):
            continue
        extra = []
        source = (s.get("attribution") or {}).get("source")
        if source:
            extra.append(f"source: {source}")
        if s["hedged"]:
            extra.append("hedged")
        tail = f"  [{'; '.join(extra)}]" if extra else ""
        lines.append(f"{s['index']:4d} {s['label']:9s} {s['relevance']:.2f} {s['text']}{tail}")
    return "\n".join(lines)


def _parse_jsonl(text: str, fields: tuple[str, ...]) -> list[dict]:
    """Rows of a JSONL text, each an object with every field in ``fields``."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ValueError(f"line {number}: expected an object with {', '.join(fields)}")
        for key in fields:
            if key not in row:
                raise ValueError(f"line {number}: missing field {key!r}")
        rows.append(row)
    return rows


def _train_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, help="model file to write")
    p.add_argument("--model", dest="model_kind",
                   help="auto (default: the better on held-out pairs), mlp or logistic")
    p.add_argument("--features", help="auto (default), words, ngrams or target_ngrams")
    p.add_argument("--per-target", dest="per_target", action="store_true", default=None,
                   help="one model per target seen in training")
    p.add_argument("--hidden-units", dest="hidden_units", type=int)
    p.add_argument("--max-epochs", dest="max_epochs", type=int)
    p.add_argument("--class-weight", dest="class_weight", help="sqrt (default), balanced or none")
    p.add_argument("--seed", type=int)


def _train(args: argparse.Namespace, text: str) -> dict:
    import time

    if len(args.files) > 1:  # one model per call: later files would overwrite --output
        raise ValueError("stance-train takes one training file (or stdin); join the files first")
    rows = _parse_jsonl(text, ("target", "text", "label"))
    if not rows:
        raise ValueError("no training rows (JSONL with target, text, label)")
    options = _given(args, "hidden_units", "max_epochs", "class_weight", "seed", "language", "features",
                     "per_target")
    if args.model_kind is not None:
        options["model"] = args.model_kind
    clf = StanceClassifier(**options)
    t0 = time.perf_counter()
    clf.fit([(r["target"], r["text"]) for r in rows], [r["label"] for r in rows])
    seconds = time.perf_counter() - t0
    clf.save(args.output)
    return {
        "output": args.output,
        "pairs": len(rows),
        "classes": [str(c) for c in clf.classes_],
        "seconds": round(seconds, 3),
        "epochs": clf.training_report_["epochs"],
        "model": clf.training_report_["model"],
        "features": clf.features_,
    }


def _train_text(result: dict) -> str:
    return (f"trained {result['model']} on {result['features']} features of {result['pairs']} pairs in "
            f"{result['seconds']:.1f} s, {result['epochs']} epochs (classes: {', '.join(result['classes'])}); "
            f"wrote {result['output']}")


# --- the program --------------------------------------------------------------------------

Handler = Callable[[argparse.Namespace, str], dict]

# name -> (help, add_arguments, handler, text formatter)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler, Callable[[dict], str]]] = {
    "segment": ("split into sentences; flags H=heading, B=boilerplate [its kind]", lambda p: None, _segment,
                _segment_text),
    "summarize": ("extractive summary (--sentences/--ratio/--words, --method, --encoder, --query)",
                  _summarize_arguments, _summarize, _summarize_text),
    "keywords": ("keyphrases, best first (score, count, phrase)", _keywords_arguments, _keywords, _keywords_text),
    "stance": ("stance toward --target: zero-shot tagger, or --model from stance-train",
               _stance_arguments, _stance, _stance_text),
    "stance-train": ("train a stance model on JSONL (target, text, label); -o model file",
                     _train_arguments, _train, _train_text),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m synopsis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_core.__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_arguments, _, _) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        p.add_argument("files", nargs="*", metavar="FILE", help="input files (UTF-8); stdin when none")
        p.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
        p.add_argument("--language", help="language code (default: en)")
        if name != "stance-train":
            p.add_argument("--format-in", dest="format_in", choices=_core.TEXT_FORMATS,
                           help="how inputs are read: auto (HTML when a file starts like a page; the default), "
                                "text or html")
        add_arguments(p)
    return parser


class _OutputError(Exception):
    """Writing the results failed (a closed pipe, a full disk): not the input's fault."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def _decode(name: str, data: bytes) -> str:
    """The text of an input; a binary one (NUL bytes or invalid UTF-8) is a ValueError."""
    nul = data.find(b"\0")
    if nul >= 0:
        raise ValueError(f"{name}: a binary file, not text (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: not valid UTF-8 at byte offset {exc.start}") from None


def _read_inputs(files: list[str]) -> Iterable[tuple[str, str]]:
    if not files:
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise ValueError("stdin is closed; name the input FILE")
        try:
            data = sys.stdin.buffer.read()
        except OSError as exc:
            raise ValueError(f"<stdin>: cannot read ({exc.strerror or exc})") from None
        yield "<stdin>", _decode("<stdin>", data)
        return
    for name in files:
        try:
            with open(name, "rb") as fh:
                data = fh.read()
        except OSError as exc:  # missing, a directory, no permission, ...
            raise ValueError(f"{name}: cannot read ({exc.strerror or exc})") from None
        yield name, _decode(name, data)


def _write(text: str) -> None:
    """Prints a line of output, flushed, so that a failed write is seen here and not at exit."""
    try:
        if sys.stdout is None:  # started with stdout closed (>&-)
            raise OSError(errno.EBADF, "stdout is closed")
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except OSError as exc:
        raise _OutputError(exc) from None


def _discard_stdout() -> None:
    """Points stdout at /dev/null so that the interpreter's own flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):  # no stdout at all: nothing left to flush
        pass


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except _OutputError as exc:
        _discard_stdout()
        if isinstance(exc.error, BrokenPipeError):  # the reader (e.g. `head`) has what it wanted
            return 0
        print(f"synopsis: error: cannot write the output ({exc.error.strerror or exc.error})", file=sys.stderr)
        return 2


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    _, _, handler, formatter = COMMANDS[args.command]
    results: list[dict[str, Any]] = []
    try:
        for name, text in _read_inputs(args.files):
            result = {"file": name, **handler(args, text)}
            if args.format == "jsonl":
                _write(json.dumps(result, ensure_ascii=False))
            else:
                results.append(result)
    except (ValueError, TypeError, OSError) as exc:
        print(f"synopsis {args.command}: error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        _write(json.dumps(results if len(results) != 1 else results[0], ensure_ascii=False, indent=2))
    elif args.format == "text":
        for i, result in enumerate(results):
            if len(results) > 1:
                _write(("\n" if i else "") + f"==> {result['file']} <==")
            _write(formatter(result))
    return 0
