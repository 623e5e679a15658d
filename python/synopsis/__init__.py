"""synopsis: extractive summaries, keyphrases and stance tags for news.

The algorithms live in the C++ core (``synopsis._core``); this package re-exports
them and adds Python conveniences.

>>> import synopsis as sy
>>> doc = sy.segment("Prices rose in the U.S. last year. Analysts expect more.")
>>> len(doc.sentences)
2
"""

from ._core import (
    Document,
    Paragraph,
    Sentence,
    Token,
    __version__,
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

__all__ = [
    "Attribution",
    "AttributedSentence",
    "StanceClassifier",
    "StanceResult",
    "StanceSentence",
    "StanceTagger",
    "attributions",
    "Document",
    "Paragraph",
    "Sentence",
    "Token",
    "__version__",
    "segment",
    "stemmer_languages",
    "stopword_languages",
    "stopwords",
]
