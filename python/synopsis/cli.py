"""Command line: ``python -m synopsis <command> [FILE ...]`` (stdin when no file).

Each command reads every input, writes text, JSON (one array) or JSONL (one object
per input), and exits non-zero with a message on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Iterable

from . import _core

Handler = Callable[[argparse.Namespace, str], dict]


def _read_inputs(files: list[str]) -> Iterable[tuple[str, str]]:
    if not files:
        yield "<stdin>", sys.stdin.buffer.read().decode("utf-8", errors="strict")
        return
    for name in files:
        with open(name, "rb") as fh:
            data = fh.read()
        try:
            yield name, data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{name}: not valid UTF-8 at byte offset {exc.start}") from None


def _segment(args: argparse.Namespace, text: str) -> dict:
    doc = _core.segment(text, language=args.language)
    return {
        "title": doc.title,
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "is_heading": s.is_heading,
                "is_boilerplate": s.is_boilerplate,
            }
            for s in doc.sentences
        ],
    }


def _segment_text(result: dict) -> str:
    lines = []
    for s in result["sentences"]:
        flag = "B" if s["is_boilerplate"] else ("H" if s["is_heading"] else " ")
        lines.append(f"{s['index']:4d} {flag} {s['text']}")
    return "\n".join(lines)


# name -> (help, add_arguments, handler, text formatter)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler, Callable[[dict], str]]] = {
    "segment": ("split into sentences; flags H=heading, B=boilerplate", lambda p: None, _segment, _segment_text),
}


def register(name: str, help: str, add_arguments, handler: Handler, formatter: Callable[[dict], str]) -> None:
    """Adds a subcommand (used by the feature modules of the package)."""
    COMMANDS[name] = (help, add_arguments, handler, formatter)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m synopsis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_core.__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_arguments, _, _) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        p.add_argument("files", nargs="*", metavar="FILE", help="input files (UTF-8); stdin when none")
        p.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
        p.add_argument("--language", default="en", help="language code (default: en)")
        add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


def _main(argv: list[str] | None) -> int:
    _load_feature_commands()
    parser = build_parser()
    args = parser.parse_args(argv)
    _, _, handler, formatter = COMMANDS[args.command]
    results: list[dict[str, Any]] = []
    try:
        for name, text in _read_inputs(args.files):
            result = handler(args, text)
            result = {"file": name, **result}
            if args.format == "jsonl":
                print(json.dumps(result, ensure_ascii=False))
            else:
                results.append(result)
    except (ValueError, TypeError, OSError) as exc:
        print(f"synopsis {args.command}: error: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(results if len(results) != 1 else results[0], ensure_ascii=False, indent=2))
    elif args.format == "text":
        for i, result in enumerate(results):
            if len(results) > 1:
                print(("\n" if i else "") + f"==> {result['file']} <==")
            print(formatter(result))
    return 0


def _load_feature_commands() -> None:
    """Imports the package modules that register their own subcommands."""
    from . import keywords, stance, summarize  # noqa: F401
