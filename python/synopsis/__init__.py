"""synopsis: extractive summaries, keyphrases and stance tags for news.

The algorithms live in the C++ core (``synopsis._core``); this package re-exports
them and adds Python conveniences.

>>> import synopsis as sy
>>> doc = sy.segment("Prices rose in the U.S. last year. Analysts expect more.")
>>> len(doc.sentences)
2
"""

from ._core import (
    Bm25Encoder,
    Document,
    Encoder,
    LsaEncoder,
    Paragraph,
    Sentence,
    TfidfEncoder,
    Token,
    __version__,
    embed,
    segment,
    stemmer_languages,
    stopword_languages,
    stopwords,
)
from .summarize import Summarizer, Summary, SummarySentence, summarize, summarize_batch

__all__ = [
    "Bm25Encoder",
    "Document",
    "Encoder",
    "LsaEncoder",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "TfidfEncoder",
    "Paragraph",
    "Sentence",
    "Token",
    "__version__",
    "embed",
    "segment",
    "stemmer_languages",
    "stopword_languages",
    "stopwords",
    "summarize",
    "summarize_batch",
]
