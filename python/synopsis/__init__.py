"""synopsis: extractive summaries, keyphrases and stance tags for news.

The algorithms live in the C++ core (``synopsis._core``); this package re-exports
them and adds Python conveniences.

>>> import synopsis as sy
>>> doc = sy.segment("Prices rose in the U.S. last year. Analysts expect more.")
>>> len(doc.sentences)
2
"""

# Feature modules come first: importing the submodule synopsis.keywords binds the package
# attribute `keywords` to the module, and the function imported below must win.
from . import keywords as _keywords_module  # noqa: F401  (also registers the CLI command)
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
    stance_batch,
)
from .keywords import Keywords, keywords, keywords_batch
from .summarize import Summarizer, Summary, SummarySentence, summarize, summarize_batch

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
    "stance_batch",
]

# --- notebooks and pipelines: rich display, batch adapters, pandas accessor ---------------
from . import display  # noqa: E402
from ._batch import segment_batch  # noqa: E402
from ._results import attach as _attach_result_methods, keywords_to_frame  # noqa: E402
from .pandas_accessor import install as _install_pandas_accessor  # noqa: E402

_attach_result_methods()
_install_pandas_accessor()
__all__ += ["display", "keywords_to_frame", "segment_batch"]
