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
    Document,
    Keyword,
    KeywordExtractor,
    Paragraph,
    Sentence,
    Token,
    __version__,
    keywords,
    keywords_batch,
    segment,
    stemmer_languages,
    stopword_languages,
    stopwords,
)

__all__ = [
    "Document",
    "Keyword",
    "KeywordExtractor",
    "Paragraph",
    "Sentence",
    "Token",
    "__version__",
    "keywords",
    "keywords_batch",
    "segment",
    "stemmer_languages",
    "stopword_languages",
    "stopwords",
]
