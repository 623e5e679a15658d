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
    Keyword,
    KeywordExtractor,
    LsaEncoder,
    Paragraph,
    Sentence,
    TfidfEncoder,
    Token,
    __version__,
    embed,
    keywords,
    keywords_batch,
    segment,
    stemmer_languages,
    stopword_languages,
    stopwords,
)
from .stance import (
    Attribution,
    AttributedSentence,
    StanceClassifier,
    StanceResult,
    StanceSentence,
    StanceTagger,
    attributions,
)
from .summarize import Summarizer, Summary, SummarySentence, summarize, summarize_batch

__all__ = [
    "AttributedSentence",
    "Attribution",
    "Bm25Encoder",
    "Document",
    "Encoder",
    "Keyword",
    "KeywordExtractor",
    "LsaEncoder",
    "Paragraph",
    "Sentence",
    "StanceClassifier",
    "StanceResult",
    "StanceSentence",
    "StanceTagger",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "TfidfEncoder",
    "Token",
    "__version__",
    "attributions",
    "embed",
    "keywords",
    "keywords_batch",
    "segment",
    "stemmer_languages",
    "stopword_languages",
    "stopwords",
    "summarize",
    "summarize_batch",
]
