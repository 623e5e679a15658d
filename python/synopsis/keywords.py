"""Keyphrases: ``synopsis.keywords``, ``keywords_batch`` and ``KeywordExtractor``.

The ranking methods live in the C++ core; this module re-exports them and adds the
``python -m synopsis keywords`` command.

>>> import synopsis as sy
>>> [k.phrase for k in sy.keywords("An oil spill off Alaska. The oil spill reached the coast.", top=2)]
['oil spill', 'Alaska']
"""

from __future__ import annotations

import argparse

from . import cli
from ._core import Keyword, KeywordExtractor, keywords, keywords_batch

__all__ = ["Keyword", "KeywordExtractor", "keywords", "keywords_batch"]

METHODS = ("positionrank", "textrank", "singlerank", "topicrank", "multipartiterank", "tfidf")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--top", type=int, default=10, help="phrases per input (default: 10)")
    parser.add_argument("--method", choices=METHODS, default="positionrank",
                        help="ranking method (default: positionrank)")
    parser.add_argument("--window", type=int, default=None,
                        help="co-occurrence window in tokens (default: the method's own)")
    parser.add_argument("--max-words", type=int, default=4, help="longest phrase in words (default: 4)")


def _keywords(args: argparse.Namespace, text: str) -> dict:
    found = keywords(text, top=args.top, method=args.method, language=args.language,
                     window=args.window, max_words=args.max_words)
    return {"keywords": [k.to_dict() for k in found]}


def _keywords_text(result: dict) -> str:
    return "\n".join(f"{k['score']:8.4f}  {k['count']:3d}  {k['phrase']}" for k in result["keywords"])


cli.register("keywords", "keyphrases, best first (score, count, phrase)", _add_arguments, _keywords,
             _keywords_text)
