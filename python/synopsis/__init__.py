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

__all__ = [
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

# --- notebooks and pipelines: rich display, batch adapters, pandas accessor ---------------
from . import display  # noqa: E402
from ._batch import segment_batch  # noqa: E402
from ._results import attach as _attach_result_methods, keywords_to_frame  # noqa: E402
from .pandas_accessor import install as _install_pandas_accessor  # noqa: E402

_attach_result_methods()
_install_pandas_accessor()
__all__ += ["display", "keywords_to_frame", "segment_batch"]
