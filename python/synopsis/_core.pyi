"""Stubs for the compiled module synopsis._core (checked against it by tests/python/test_stubs.py).

Methods such as to_dict, to_frame and _repr_html_ are attached by the synopsis package at import.
"""
from __future__ import annotations

import typing

class Sentence:
    """
    A sentence of a Document; start/end are str indices.
    """
    def __getstate__(self) -> tuple[int, int, int, int, str, bool, bool]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The object's public properties as a plain dict.
        """
    @property
    def end(self) -> int:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def is_boilerplate(self) -> bool:
        ...
    @property
    def is_heading(self) -> bool:
        ...
    @property
    def is_prose(self) -> bool:
        ...
    @property
    def paragraph(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class Token:
    """
    A word or number token; norm is NFKC-casefolded, stem is Snowball's.
    """
    def __getstate__(self) -> tuple[int, int, int, str, str, str, str, bool]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The object's public properties as a plain dict.
        """
    @property
    def end(self) -> int:
        ...
    @property
    def is_stopword(self) -> bool:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def norm(self) -> str:
        ...
    @property
    def sentence(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def stem(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
class Paragraph:
    """
    A paragraph: a line, or lines wrapped into one.
    """
    def __getstate__(self) -> tuple[int, int, int, int, int, str]:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The object's public properties as a plain dict.
        """
    @property
    def end(self) -> int:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def sentences(self) -> tuple[int, int]:
        """
        (first, last + 1) sentence indices
        """
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class Document:
    """
    A segmented text: paragraphs, sentences and tokens, with headings and boilerplate flagged.
    
    All offsets are str indices into ``Document.text``: ``doc.text[s.start:s.end] == s.text``.
    Create one with :func:`synopsis.segment`.
    """
    def __getstate__(self) -> tuple[str, str]:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The document as plain data: text, language, title, paragraphs and sentences.
        
            Example:
                >>> import synopsis as sy
                >>> sy.segment("One. Two.").to_dict()["sentences"][0]["text"]
                'One.'
            
        """
    def to_frame(self, level: str = 'sentences') -> typing.Any:
        """
        One row per sentence (or per token / paragraph with ``level=``), as a pandas DataFrame.
        
            Example:
                >>> import synopsis as sy
                >>> sy.segment("One. Two.").to_frame()["text"].tolist()
                ['One.', 'Two.']
            
        """
    @property
    def language(self) -> str:
        ...
    @property
    def paragraphs(self) -> list[Paragraph]:
        ...
    @property
    def prose(self) -> list[Sentence]:
        """
        The sentences that are neither headings nor boilerplate.
        """
    @property
    def sentences(self) -> list[Sentence]:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def title(self) -> str | None:
        """
        The headline (the first line when it reads as one), or None.
        """
    @property
    def tokens(self) -> list[Token]:
        ...
def segment(text: str | bytes, *, language: str = 'en', errors: str = 'strict') -> Document:
    """
    Split text into paragraphs, sentences and tokens.
    
    Arguments:
        text: str, or UTF-8 bytes.
        language: a language code ("en", "de", "hy", "pt-BR"); picks boundary rules,
            stopwords and the Snowball stemmer.
        errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError naming the
            offset) or "replace" (substitute U+FFFD).
    
    Returns:
        Document with .title, .paragraphs, .sentences, .tokens; headings and boilerplate
        (navigation lines, repeated lines, trailing headlines) are flagged on each sentence.
    
    Example:
        >>> import synopsis as sy
        >>> doc = sy.segment("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.")
        >>> [s.text for s in doc.sentences]
        ['Mr. Smith went to Washington.', 'He arrived at 5 p.m. on Monday.']
    """
def stemmer_languages() -> list[str]:
    """
    Languages with a Snowball stemmer.
    """
def stopword_languages() -> list[str]:
    """
    Language codes with a stopword list.
    """
def stopwords(language: str = 'en') -> list[str]:
    """
    The stopword list of a language (sorted); empty when synopsis has none for it.
    """
__version__: str
