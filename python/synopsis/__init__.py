"""synopsis: extractive summaries, keyphrases and stance tags for news.

The algorithms live in the C++ core (``synopsis._core``); this package re-exports them and
adds batch inputs (lists, arrays, pandas Series), progress bars, and the pandas accessor.

>>> import synopsis as sy
>>> doc = sy.segment("Prices rose in the U.S. last year. Analysts expect more.")
>>> len(doc.sentences)
2
"""

from . import display
from ._batch import segment_batch
from ._core import (
    Attribution,
    AttributedSentence,
    Bm25Encoder,
    Document,
    Encoder,
    Keyword,
    KeywordExtractor,
    LsaEncoder,
    Paragraph,
    Sentence,
    SentenceVectors,
    StanceResult,
    StanceSentence,
    StanceTagger,
    StaticEncoder,
    Summarizer,
    Summary,
    SummarySentence,
    TfidfEncoder,
    Token,
    TransformerEncoder,
    __version__,
    attributions,
    embed,
    segment,
    stemmer_languages,
    stopword_languages,
    stopwords,
)
from ._estimator import StanceClassifier
from ._keywords import Keywords, keywords, keywords_batch, keywords_to_frame
from ._stance import stance_batch
from ._summarize import summarize, summarize_batch
from .pandas_accessor import install as _install_pandas_accessor

__all__ = [
    "AttributedSentence",
    "Attribution",
    "Bm25Encoder",
    "Document",
    "Encoder",
    "Keyword",
    "KeywordExtractor",
    "Keywords",
    "LsaEncoder",
    "Paragraph",
    "Sentence",
    "SentenceVectors",
    "StanceClassifier",
    "StanceResult",
    "StanceSentence",
    "StanceTagger",
    "StaticEncoder",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "TfidfEncoder",
    "Token",
    "TransformerEncoder",
    "__version__",
    "attributions",
    "display",
    "embed",
    "keywords",
    "keywords_batch",
    "keywords_to_frame",
    "segment",
    "segment_batch",
    "stance_batch",
    "stemmer_languages",
    "stopword_languages",
    "stopwords",
    "summarize",
    "summarize_batch",
]

_install_pandas_accessor()
