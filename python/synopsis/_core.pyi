"""Stubs for the compiled module synopsis._core (written by scripts/make_stubs.py, checked
against the module by tests/python/test_stubs.py).
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import typing
class Sentence:
    """
    A sentence of a Document: ``doc.text[start:end] == text``; ``doc.source[source_start:source_end]``
    is where it lies in the input (the HTML it was extracted from, or the text itself).
    """
    def __getstate__(self) -> tuple[int, int, int, int, str, bool, bool, str, int, int]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def boilerplate_kind(self) -> str | None:
        """
        Why the sentence is boilerplate ("navigation", "repeated", "consent", "subscription", "comment", "share", "advertisement", "related", "byline", "dateline", "caption", "footer"), or None for prose and headings.
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
    def source_end(self) -> int:
        ...
    @property
    def source_start(self) -> int:
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
    def __getstate__(self) -> tuple[int, int, int, str, str, str, str, bool, int, int]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
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
    def source_end(self) -> int:
        ...
    @property
    def source_start(self) -> int:
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
    def __getstate__(self) -> tuple[int, int, int, int, int, str, float]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def end(self) -> int:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def link_density(self) -> float:
        """
        Share of its characters inside <a> elements (HTML input); 0 for plain text.
        """
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
class TokenList:
    """
    The tokens of a Document: a read-only sequence of Token.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    @typing.overload
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Token:
        ...
    @typing.overload
    def __getitem__(self, arg0: slice) -> list:
        ...
    def __iter__(self) -> collections.abc.Iterator:
        ...
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple[list[Token]]]:
        ...
    def __repr__(self) -> str:
        ...
class Document:
    """
    A segmented text: paragraphs, sentences and tokens, with headings and boilerplate flagged.
    
    All offsets are str indices into ``Document.text``: ``doc.text[s.start:s.end] == s.text``.
    For HTML input ``text`` is the text a reader sees and ``source`` the HTML; sentences and
    tokens also have ``source_start``/``source_end``, str indices into ``source``.
    Create one with :func:`synopsis.segment`.
    """
    def __getstate__(self) -> tuple[str, str, str]:
        ...
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_frame(self, level: str = 'sentences') -> typing.Any:
        """
        One row per sentence (or per token / paragraph with ``level=``), as a pandas DataFrame.
        
        Example:
            >>> import synopsis as sy
            >>> sy.segment("One. Two.").to_frame()["text"].tolist()
            ['One.', 'Two.']
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def comments(self) -> list:
        """
        The sentences of reader comments (their text, without handles, times and reply/like controls).
        """
    @property
    def format(self) -> str:
        """
        How the input was read: "html" or "text".
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
    def source(self) -> str:
        """
        The input: the HTML the text was extracted from, or the text itself.
        """
    @property
    def text(self) -> str:
        ...
    @property
    def title(self) -> str | None:
        """
        The headline (the first line when it reads as one), or None.
        """
    @property
    def tokens(self) -> TokenList:
        """
        The tokens, as a sequence built on access (a long text has millions).
        """
class Encoder:
    """
    Base class of the sentence encoders: a text becomes a matrix with one row per sentence.
    Use TfidfEncoder, Bm25Encoder or LsaEncoder.
    """
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def encode(self, sentences: typing.Any, *, language: str = 'en', errors: str = 'strict') -> numpy.typing.NDArray[numpy.float32]:
        """
        The sentence matrix (float32, one L2-normalised row per sentence); see synopsis.embed.
        """
    @property
    def name(self) -> str:
        ...
class TfidfEncoder(Encoder):
    """
    TF-IDF sentence vectors over Snowball stems, stopwords removed, sublinear tf (1 + log tf).
    IDF comes from the document's own sentences, or from a corpus with fit(texts).
    
    Example:
        >>> import synopsis as sy
        >>> enc = sy.TfidfEncoder().fit(["The cat sat.", "A dog barked."])
        >>> sy.embed(["The cat sat.", "The dog sat."], encoder=enc).shape[0]
        2
    """
    def __getstate__(self) -> tuple[tuple[bool, bool, bool], tuple]:
        ...
    def __init__(self, *, sublinear_tf: bool = True, stopwords: bool = True, stems: bool = True) -> None:
        """
        stopwords=True removes them; stems=False uses normalised words instead of stems.
        """
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def fit(self, texts: typing.Any, *, language: str = 'en', n_jobs: typing.SupportsInt | typing.SupportsIndex = 1, errors: str = 'strict') -> TfidfEncoder:
        """
        Fit document frequencies on a corpus (an iterable of str or Document), one unit per text; returns self. Without fit, IDF comes from each document's own sentences.
        """
    @property
    def is_fitted(self) -> bool:
        ...
    @property
    def n_documents(self) -> int:
        """
        Number of texts the encoder was fitted on (0: not fitted).
        """
class Bm25Encoder(Encoder):
    """
    BM25 sentence similarity (Barrios et al. 2016), BM25+ when delta > 0. Sentences are the
    documents of the idf (or a corpus with fit). The similarity is asymmetric (query sentence vs
    document sentence); the summariser's graph averages both directions. encode() returns the
    document-side BM25 weights, L2-normalised.
    """
    def __getstate__(self) -> tuple[tuple[float, float, float, float], tuple]:
        ...
    def __init__(self, *, k1: typing.SupportsFloat | typing.SupportsIndex = 1.2, b: typing.SupportsFloat | typing.SupportsIndex = 0.75, delta: typing.SupportsFloat | typing.SupportsIndex = 0.0, epsilon: typing.SupportsFloat | typing.SupportsIndex = 0.25) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def fit(self, texts: typing.Any, *, language: str = 'en', n_jobs: typing.SupportsInt | typing.SupportsIndex = 1, errors: str = 'strict') -> Bm25Encoder:
        """
        Fit document frequencies on a corpus (an iterable of str or Document), one unit per text; returns self. Without fit, IDF comes from each document's own sentences.
        """
    @property
    def is_fitted(self) -> bool:
        ...
    @property
    def n_documents(self) -> int:
        """
        Number of texts the encoder was fitted on (0: not fitted).
        """
class LsaEncoder(Encoder):
    """
    LSA sentence vectors: truncated SVD of the TF-IDF matrix (exact for small documents, a seeded
    randomized SVD for large ones); dense rows U_k S_k, L2-normalised. dimensions=0 picks
    min(100, (sentences + 1) / 2).
    """
    def __getstate__(self) -> tuple[tuple[int, int], tuple]:
        ...
    def __init__(self, *, dimensions: typing.SupportsInt | typing.SupportsIndex = 0, seed: typing.SupportsInt | typing.SupportsIndex = 7) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def fit(self, texts: typing.Any, *, language: str = 'en', n_jobs: typing.SupportsInt | typing.SupportsIndex = 1, errors: str = 'strict') -> LsaEncoder:
        """
        Fit document frequencies on a corpus (an iterable of str or Document), one unit per text; returns self. Without fit, IDF comes from each document's own sentences.
        """
    @property
    def is_fitted(self) -> bool:
        ...
    @property
    def n_documents(self) -> int:
        """
        Number of texts the encoder was fitted on (0: not fitted).
        """
class SentenceVectors:
    """
    What TransformerEncoder.embed returns: the vectors and what each sentence lost.
    
    Attributes:
        vectors: float32 array (n, d), one L2-normalised row per sentence.
        truncated: bool array (n,): True where the sentence had more tokens than the model's cap
            (max_length) and only its beginning was read.
        tokens: int array (n,): tokens read per sentence, [CLS] and [SEP] included.
    """
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def tokens(self) -> numpy.typing.NDArray[numpy.uint32]:
        ...
    @property
    def truncated(self) -> numpy.typing.NDArray[numpy.bool]:
        ...
    @property
    def vectors(self) -> numpy.typing.NDArray[numpy.float32]:
        ...
class TransformerEncoder(Encoder):
    """
    Semantic sentence vectors from a BERT-family sentence-embedding model, computed in the C++
    core (no torch): WordPiece tokens, the encoder layers in Eigen, mean pooling and L2
    normalisation as sentence-transformers does them.
    
    Arguments:
        path: a local model folder in the Hugging Face layout: config.json, model.safetensors,
            tokenizer.json or vocab.txt, and where present modules.json, 1_Pooling/config.json
            and sentence_bert_config.json (e.g. what huggingface_hub.snapshot_download fetched
            for sentence-transformers/all-MiniLM-L6-v2). Nothing is downloaded.
        quantize: None (float32 weights) or "int8": the attention-output and feed-forward
            weights int8 with one scale per row, their inputs quantised per token (about 1.5x
            faster where the processor has AVX-512 VNNI; cosine to float32 about 0.995 at worst).
        max_length: tokens per sentence with [CLS] and [SEP]; None = the model's cap
            (sentence_bert_config's max_seq_length, else the position embeddings). Longer
            sentences are truncated; embed() says which.
        n_jobs: worker threads when the encoder is used through synopsis.embed, summarize, ...
    
    A folder that is missing files, malformed or not a BERT model raises ValueError.
    
    Example:
        >>> import synopsis as sy
        >>> enc = sy.TransformerEncoder("path/to/all-MiniLM-L6-v2")        # doctest: +SKIP
        >>> X = sy.embed(["Prices rose.", "Costs went up."], encoder=enc)   # doctest: +SKIP
        >>> float(X[0] @ X[1]) > 0.5                                        # doctest: +SKIP
        True
    """
    def __getstate__(self) -> tuple[str, str, int, int]:
        ...
    def __init__(self, path: typing.Any, *, quantize: str | None = None, max_length: typing.SupportsInt | typing.SupportsIndex | None = None, n_jobs: typing.SupportsInt | typing.SupportsIndex = 1) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def embed(self, sentences: typing.Any, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = 1, errors: str = 'strict') -> SentenceVectors:
        """
        Vectors for a list of sentences (each str is one row, never split), with truncation flags.
        
        Arguments:
            sentences: an iterable of str (or UTF-8 bytes).
            n_jobs: worker threads (-1: every core); the GIL is released while they run.
            errors: "strict" or "replace" for invalid UTF-8 and lone surrogates.
        
        Returns a SentenceVectors (.vectors, .truncated, .tokens).
        """
    def tokenize(self, sentence: typing.Any) -> list[str]:
        """
        The sentence's wordpieces (without [CLS] and [SEP]), capped at max_length - 2.
        """
    @property
    def dimension(self) -> int:
        """
        Length of each vector.
        """
    @property
    def kernel(self) -> str:
        """
        The instruction set the forward pass uses here: 'avx512', 'avx2vnni', 'avx2' or 'generic'.
        """
    @property
    def max_length(self) -> int:
        """
        Tokens read per sentence, [CLS] and [SEP] included.
        """
    @property
    def n_jobs(self) -> int:
        ...
    @property
    def path(self) -> str:
        """
        The model folder.
        """
    @property
    def pooling(self) -> str:
        """
        'mean', 'cls' or 'max', from the model's pooling configuration.
        """
    @property
    def quantize(self) -> typing.Any:
        ...
class StaticEncoder(Encoder):
    """
    A static sentence encoder distilled from a TransformerEncoder: one vector per vocabulary
    piece (the piece alone through the transformer, PCA-reduced, weighted by a / (a + p) with p
    the piece's frequency in a corpus); a sentence is the normalised mean of its pieces' vectors.
    Tokenising is the whole cost, so it is orders of magnitude faster than the transformer.
    
    Build one with StaticEncoder.distill(transformer, texts), keep it with save(path) and
    StaticEncoder.load(path) (synopsis's own format, checked on load; pickling works too).
    
    Example:
        >>> import synopsis as sy
        >>> static = sy.StaticEncoder.distill(transformer, texts, dimensions=256)  # doctest: +SKIP
        >>> sy.embed(["Prices rose."], encoder=static).shape                      # doctest: +SKIP
        (1, 256)
    """
    @staticmethod
    def distill(transformer: TransformerEncoder, texts: typing.Any, *, dimensions: typing.SupportsInt | typing.SupportsIndex = 256, sif_a: typing.SupportsFloat | typing.SupportsIndex = 0.0001, n_jobs: typing.SupportsInt | typing.SupportsIndex = 1) -> StaticEncoder:
        """
        Distil a StaticEncoder from a TransformerEncoder; texts (an iterable of str) give the piece frequencies, each piece weighted by sif_a / (sif_a + its frequency). Runs every vocabulary piece through the transformer once (n_jobs threads).
        """
    @staticmethod
    def load(path: typing.Any) -> StaticEncoder:
        """
        Read an encoder that save() wrote; a corrupt file raises ValueError.
        """
    def __getstate__(self) -> tuple[bytes]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def embed(self, sentences: typing.Any, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = 1, errors: str = 'strict') -> numpy.typing.NDArray[numpy.float32]:
        """
        Vectors (float32, one L2-normalised row per sentence) for a list of sentences.
        """
    def save(self, path: typing.Any) -> None:
        """
        Write the encoder to a file (synopsis's own format).
        """
    @property
    def dimension(self) -> int:
        ...
class SummarySentence:
    """
    A chosen sentence: ``summary.text[start:end] == text``; ``index`` is its position in
    ``synopsis.segment(text).sentences``; ``score`` is its ranking score in [0, 1].
    
    Example:
        >>> import synopsis as sy
        >>> s = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).sentences[0]
        >>> s.text == sy.segment("Rain fell. The river rose. Shops closed.").sentences[s.index].text
        True
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[int, str, int, int, float, int, int]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def end(self) -> int:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def source_end(self) -> int:
        ...
    @property
    def source_start(self) -> int:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class Summary:
    """
    An extractive summary of ``text``.
    
    ``sentences`` are in document order; ``str(summary)`` is the summary text (the sentences
    joined by spaces); ``document`` is the segmented source text. In Jupyter a Summary shows
    the article with the chosen sentences highlighted (shaded by score); ``to_dict()``,
    ``to_json()`` and ``to_frame()`` give plain data.
    
    Example:
        >>> import synopsis as sy
        >>> summary = sy.summarize("Rain fell. The river rose. Shops closed. The river burst its banks.", sentences=2)
        >>> len(summary), str(summary) == " ".join(s.text for s in summary.sentences)
        (2, True)
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, other: object) -> bool:
        ...
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> SummarySentence:
        ...
    def __getstate__(self) -> tuple[str, list, str, typing.Any]:
        ...
    def __iter__(self) -> collections.abc.Iterator:
        ...
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def __str__(self) -> str:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The summary as plain data: ``{"summary": text, "sentences": [{index, text, start, end, score,
        source_start, source_end}]}``.
        
        Example:
            >>> import synopsis as sy
            >>> d = sy.summarize("Rain fell. The river rose. Shops closed.", sentences=1).to_dict()
            >>> sorted(d), sorted(d["sentences"][0])
            (['sentences', 'summary'], ['end', 'index', 'score', 'source_end', 'source_start', 'start', 'text'])
        """
    def to_frame(self) -> typing.Any:
        """
        One row per chosen sentence (index, text, start, end, score, source_start, source_end) as a
        pandas DataFrame.
        
        Example:
            >>> import synopsis as sy
            >>> sy.summarize("Rain fell. The river rose. Shops closed.", sentences=2).to_frame().shape
            (2, 7)
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def document(self) -> Document:
        """
        The segmented source text.
        """
    @property
    def indices(self) -> list[int]:
        """
        The chosen sentences' indices in document.sentences.
        """
    @property
    def language(self) -> str:
        ...
    @property
    def sentences(self) -> list[SummarySentence]:
        """
        The chosen sentences, in document order.
        """
    @property
    def source(self) -> typing.Any:
        """
        The input: the HTML the text was extracted from, or the text itself.
        """
    @property
    def text(self) -> str:
        """
        The summarised text (for HTML input, the text extracted from it).
        """
class Summarizer:
    """
    A configured extractive summariser: ``Summarizer(**options).summarize(text)``.
    
    The options are checked once, here (by the core). Summarizers are picklable (a fitted
    encoder travels with them) and safe to share between threads.
    
    Arguments:
        sentences: at most this many sentences; None: 3, unless ratio or words is given.
        ratio: at most round(ratio * prose sentences) sentences, at least 1; in (0, 1].
        words: at most this many words (whitespace-separated); when no sentence fits, the
            best one is returned alone.
        method: "pacsum" (position-aware directed centrality, made for news), "textrank"
            (PageRank), "lexrank" (thresholded PageRank), or "lead" (the first sentences).
        encoder: "tfidf", "bm25", "bm25+", "lsa", or an Encoder (e.g. a fitted TfidfEncoder).
        query: rank toward this text (personalised ranking); without it the headline, when the
            text has one, pulls lightly.
        diversity: 0..1, the MMR weight against redundancy with sentences already chosen.
        language: language code for segmentation, stopwords and stems.
        format: "auto" (HTML when the text starts like a page), "text" or "html"; for HTML the
            summary is of the text a reader sees, and each sentence has source_start/source_end
            in the HTML.
        errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError) or "replace".
        use_title, query_weight, title_weight: personalisation toward the query or headline.
        damping, tolerance, max_iterations: PageRank.
        lexrank_threshold: LexRank drops edges at or below it (0: continuous LexRank).
        lambda1, lambda2, beta: PacSum's weights of edges to earlier / later sentences and its
            edge threshold.
        position_weight: PacSum's prior 1 / (1 + position) for early prose sentences.
        lede_share, lede_lambda1, lede_position_weight: a budget below lede_share of the prose
            sentences is lede-sized (three sentences of a long article); PacSum then uses
            lede_lambda1 and lede_position_weight in place of lambda1 and position_weight
            (lede_share=0: never).
        graph_dense_limit, graph_top_k: above graph_dense_limit prose sentences each keeps its
            graph_top_k nearest neighbours (memory stays linear).
        include_comments: readers' comments may be chosen too (``Document.comments``); by
            default they are page furniture like the rest, and never chosen.
    
    Example:
        >>> import synopsis as sy
        >>> s = sy.Summarizer(sentences=1, method="textrank")
        >>> len(s.summarize("Rain fell. The river rose. Shops closed.").sentences)
        1
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __call__(self, text: typing.Any, *, embeddings: typing.Any = None) -> Summary:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> dict:
        ...
    def __init__(self, *, sentences: typing.Any = None, ratio: typing.Any = None, words: typing.Any = None, method: str = 'pacsum', encoder: typing.Any = 'tfidf', query: typing.Any = None, diversity: typing.SupportsFloat | typing.SupportsIndex = 0.0, language: str = 'en', format: str = 'auto', errors: str = 'strict', use_title: bool = True, query_weight: typing.SupportsFloat | typing.SupportsIndex = 0.5, title_weight: typing.SupportsFloat | typing.SupportsIndex = 0.1, damping: typing.SupportsFloat | typing.SupportsIndex = 0.85, tolerance: typing.SupportsFloat | typing.SupportsIndex = 1e-06, max_iterations: typing.Any = 200, lexrank_threshold: typing.SupportsFloat | typing.SupportsIndex = 0.1, lambda1: typing.SupportsFloat | typing.SupportsIndex = 1.0, lambda2: typing.SupportsFloat | typing.SupportsIndex = 1.0, beta: typing.SupportsFloat | typing.SupportsIndex = 0.0, position_weight: typing.SupportsFloat | typing.SupportsIndex = 0.25, lede_share: typing.SupportsFloat | typing.SupportsIndex = 0.2, lede_lambda1: typing.SupportsFloat | typing.SupportsIndex = -1.0, lede_position_weight: typing.SupportsFloat | typing.SupportsIndex = 0.5, graph_dense_limit: typing.Any = 2000, graph_top_k: typing.Any = 30, include_comments: bool = False, **kwargs) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: dict) -> None:
        ...
    def get_params(self) -> typing.Any:
        """
        Every option with its value, as a dict.
        """
    def summarize(self, text: typing.Any, *, embeddings: typing.Any = None) -> Summary:
        """
        Summarises one text (str or UTF-8 bytes). ``embeddings`` (optional): a numpy array
        (n, d), one row per sentence of synopsis.segment(text).sentences, replacing the encoder
        (cosine similarity). The GIL is released while the core works.
        """
    def summarize_batch(self, texts: typing.Any, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> list[Summary]:
        """
        Summaries of a list of texts on the core's thread pool (GIL released); the same for any n_jobs.
        """
    @property
    def options(self) -> dict:
        """
        The options that differ from the defaults, as a dict.
        """
class Keyword:
    """
    A keyphrase: .phrase (its most frequent surface form in the text), .score (higher is
    better; comparable within one call), .count (occurrences), .offsets (a list of (start, end)
    str indices, text[start:end] is an occurrence) and .stem (the normalised key phrases are
    matched by: stems joined by spaces).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, other: object) -> bool:
        ...
    def __getstate__(self) -> tuple[str, float, list[tuple[int, int]], str]:
        ...
    def __init__(self, phrase: str, score: typing.SupportsFloat | typing.SupportsIndex, offsets: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], stem: str) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The keyphrase as a plain dict (for JSON).
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def count(self) -> int:
        ...
    @property
    def offsets(self) -> list[tuple[int, int]]:
        ...
    @property
    def phrase(self) -> str:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def stem(self) -> str:
        ...
class KeywordExtractor:
    """
    A reusable keyphrase extractor with fixed options; picklable.
    
    For the TF-IDF methods ("positiontfidf", the default, and "tfidf"), fit(texts) learns
    document frequencies from a corpus (or pass document_frequency={phrase: count} with
    n_documents=N); without them the bundled English table (or, with idf="document" or in other
    languages, the document's own sentences) serves as the corpus.
    
    Arguments:
        top: how many phrases to return (default 10).
        method: "positiontfidf" (default: TF-IDF weighted by how early a phrase first
            appears), "tfidf", "positionrank", "textrank", "singlerank", "topicrank",
            "multipartiterank" or "embedrank" (phrases ranked by the cosine of their embedding to
            the document's, with MMR diversity: EmbedRank++).
        language: language code of the text (stopwords and stems follow it).
        format: "auto" (HTML when a text starts like a page), "text" or "html"; offsets of
            HTML input are str indices into the text extracted from it.
        window: co-occurrence window in tokens for the word-graph methods; None means the
            method's default (textrank 2 content words, singlerank/positionrank 10 tokens).
        max_words: longest phrase in words (a hyphenated word counts once); longer runs of
            content words are not candidates.
        dedup: "subsumed" (default: drop a phrase whose words are a contiguous part of a
            higher-ranked phrase, so "security" is dropped after "regional security"),
            "overlap" (also drop a phrase containing a higher-ranked one) or "none".
        damping: PageRank damping factor in [0, 1).
        heuristics: treat frequent verbs, -ly adverbs and past participles at the end of a
            run as delimiters (English); False uses stopwords and punctuation only.
        include_comments: draw phrases from readers' comments too (``Document.comments``);
            by default comments are page furniture and ignored.
        idf: where the TF-IDF methods take document frequencies from when the extractor has
            none of its own (fit() or document_frequency=): "bundled" (default: the table
            shipped for English, built from 1,000 CNN/DailyMail news articles; other languages
            use the document's sentences) or "document" (the document's own sentences).
        errors: "strict" or "replace" for invalid UTF-8 / lone surrogates.
        encoder: embedrank's encoder of sentences and phrases: None (TF-IDF), a name
            ("tfidf", "bm25", "lsa") or an Encoder such as a TransformerEncoder.
        diversity: embedrank's MMR weight against redundancy in [0, 1] (EmbedRank++); 0, the
            default, ranks by the plain cosine to the document.
        document_frequency: optional {phrase: number of documents containing it}.
        n_documents: size of the corpus behind document_frequency.
    
    Example:
        >>> import synopsis as sy
        >>> ex = sy.KeywordExtractor(method="tfidf", top=3).fit(["Oil prices fell.", "Oil spill in Alaska."])
        >>> [k.phrase for k in ex.extract("An oil spill in Alaska.")]
        ['oil spill', 'Alaska']
    """
    def __getstate__(self) -> tuple[dict, typing.Any, int]:
        ...
    def __init__(self, *, top: typing.Any = 10, method: str = 'positiontfidf', language: str = 'en', format: str = 'auto', window: typing.Any = None, max_words: typing.Any = 4, dedup: str = 'subsumed', damping: typing.SupportsFloat | typing.SupportsIndex = 0.85, heuristics: bool = True, include_comments: bool = False, idf: str = 'bundled', errors: str = 'strict', document_frequency: dict | None = None, n_documents: typing.SupportsInt | typing.SupportsIndex | None = None, encoder: typing.Any = None, diversity: typing.SupportsFloat | typing.SupportsIndex = 0.0, **kwargs) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def extract(self, text: typing.Any) -> list[Keyword]:
        """
        The keyphrases of one text (str, bytes or Document), best first.
        """
    def extract_batch(self, texts: typing.Any, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> list[list[Keyword]]:
        """
        extract() for many texts on a thread pool (GIL released); input order, deterministic.
        """
    def fit(self, texts: typing.Any, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> typing.Any:
        """
        Learns document frequencies of candidate phrases from texts (for the TF-IDF methods); returns self.
        """
    def get_params(self) -> typing.Any:
        """
        The constructor options as a dict.
        """
    @property
    def document_frequency(self) -> typing.Any:
        """
        {stem key: documents} after fit() or from the constructor, else None.
        """
    @property
    def is_fitted(self) -> bool:
        ...
    @property
    def n_documents(self) -> int:
        ...
class Attribution:
    """
    Who a sentence attributes its content to.
    
    ``source`` is the source text (None when the sentence names none), ``start``/``end`` its str
    span, ``kind`` one of none, parenthetical ("(Source: X)"), according_to, reporting_verb
    ("X said"), ``label`` the tag of a parenthetical ("Source", "Analysis", ...), ``cue`` the text
    that introduced the source, and ``reported`` whether the sentence is reported speech rather
    than asserted by the text itself.
    """
    def __getstate__(self) -> tuple[str | None, int | None, int | None, str, str, str | None, bool]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def cue(self) -> str | None:
        ...
    @property
    def end(self) -> int | None:
        ...
    @property
    def kind(self) -> str:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def reported(self) -> bool:
        ...
    @property
    def source(self) -> str | None:
        ...
    @property
    def start(self) -> int | None:
        ...
class AttributedSentence:
    """
    A sentence with its attribution, cues and hedging. ``cues`` is a list of
    (kind, text, start, end) with kind in support, refute, hedge, negation, reporting (support and
    refute inside a negation's scope come as negated_support / negated_refute); offsets are str
    indices into the analysed text.
    """
    def __getstate__(self) -> tuple[int, int, int, str, Attribution, list[Attribution], list[tuple[str, str, int, int]], bool, bool, bool]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def attribution(self) -> Attribution:
        ...
    @property
    def cues(self) -> list[tuple[str, str, int, int]]:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def hedged(self) -> bool:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def negated(self) -> bool:
        ...
    @property
    def reported(self) -> bool:
        ...
    @property
    def source(self) -> str | None:
        ...
    @property
    def sources(self) -> list[Attribution]:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class StanceSentence:
    """
    A sentence of a tagged text: ``label`` (a label of the scheme, "unrelated"/"none" when not
    relevant), ``relevance`` to the target (cosine, 0..1), ``cues`` that decided, as
    (kind, text, start, end), ``attribution`` (who says it), ``hedged``, ``reported``.
    """
    def __getstate__(self) -> tuple[int, int, int, str, str, float, list[tuple[str, str, int, int]], Attribution, bool, bool, bool]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def attribution(self) -> Attribution:
        ...
    @property
    def cues(self) -> list[tuple[str, str, int, int]]:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def hedged(self) -> bool:
        ...
    @property
    def index(self) -> int:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def negated(self) -> bool:
        ...
    @property
    def relevance(self) -> float:
        ...
    @property
    def reported(self) -> bool:
        ...
    @property
    def start(self) -> int:
        ...
    @property
    def text(self) -> str:
        ...
class StanceResult:
    """
    The stance of a text toward a target: label, scores, sentences.
    """
    def __getstate__(self) -> tuple[str, list[str], list[float], float, list[StanceSentence]]:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def _repr_html_(self) -> str:
        ...
    def to_dict(self) -> dict:
        """
        The fields as plain data (dicts, lists, str, numbers), e.g. for JSON.
        """
    def to_frame(self) -> typing.Any:
        """
        One row per sentence (text, label, relevance, cues, ...) as a pandas DataFrame.
        
        Example:
            >>> import synopsis as sy
            >>> r = sy.StanceTagger("the plan").tag("The plan works. It rained.")
            >>> r.to_frame().shape[0] == len(r.sentences)
            True
        """
    def to_json(self) -> str:
        """
        to_dict() as a JSON string.
        """
    @property
    def label(self) -> str:
        ...
    @property
    def labels(self) -> list[str]:
        ...
    @property
    def relevance(self) -> float:
        ...
    @property
    def scores(self) -> dict[str, float]:
        """
        dict label -> score (the scores sum to 1)
        """
    @property
    def sentences(self) -> list[StanceSentence]:
        ...
class StanceTagger:
    """
    Zero-shot stance of texts toward a target: relevance from the encoder, polarity from cue
    lexicons (support, refute, hedge, negation) with negation scope, plus attribution.
    
    Arguments:
        target: the claim or topic ("Armenia should leave the CSTO", a headline).
        scheme: "fnc" (agree, disagree, discuss, unrelated) or "semeval" (favor, against, none).
        encoder: a sentence encoder for relevance: "tfidf" (default), "bm25", "bm25+", "lsa", or
            "hashed" (the hashed TF-IDF of the classifier); IDF from the text's own sentences. Or
            an Encoder object such as a TransformerEncoder (semantic relevance; its cosines run
            higher than TF-IDF's, so related_threshold wants raising, e.g. 0.35 for all-MiniLM-L6-v2).
            With a TransformerEncoder or StaticEncoder and scheme="semeval", a text about the
            target (cosine >= 0.2) that no praise or blame word decides takes the side whose
            statements it is nearer ("I support X." / "X is good." against "I am against X." /
            "X is bad."), when it leans clearly; otherwise it stays "none".
        language: language code for segmentation.
        format: "auto" (HTML when a text starts like a page), "text" or "html": how the texts
            tagged are read (the target is always text).
        related_threshold: document relevance below which the text is unrelated / none.
        sentence_threshold: sentence relevance below which a sentence gives no polarity.
        include_comments: readers' comments count as part of the text; by default they are
            page furniture and take no part (a reader's opinion is not the article's).
    
    Example:
        >>> t = synopsis.StanceTagger("the moon landing was faked")
        >>> t.tag("Experts say the moon landing was not faked; the hoax claims are false.").label
        'disagree'
    """
    def __getstate__(self) -> tuple[str, str, typing.Any, str, float, float, str, bool]:
        ...
    def __init__(self, target: typing.Any, *, scheme: str = 'fnc', encoder: typing.Any = 'tfidf', language: str = 'en', format: str = 'auto', related_threshold: typing.SupportsFloat | typing.SupportsIndex = 0.12, sentence_threshold: typing.SupportsFloat | typing.SupportsIndex = 0.08, include_comments: bool = False) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def tag(self, text: typing.Any, *, errors: str = 'strict') -> StanceResult:
        """
        Stance of one text -> StanceResult.
        """
    def tag_batch(self, texts: typing.Any, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1, errors: str = 'strict') -> list[StanceResult]:
        """
        Stance of many texts, GIL released, on n_jobs threads -> list[StanceResult].
        """
    @property
    def format(self) -> str:
        ...
    @property
    def labels(self) -> list[str]:
        ...
    @property
    def scheme(self) -> str:
        ...
    @property
    def target(self) -> str:
        ...
class StanceModel:
    """
    The C++ stance model: features of (target, text) pairs, logistic regression or a
    one-hidden-layer MLP, and one versioned model format that carries the class labels.
    synopsis.StanceClassifier wraps it with the scikit-learn contract.
    
    Arguments (keyword only; ValueError outside the ranges):
        model: "auto" (the better of the two on the held-out part), "mlp" or "logistic".
        hidden_units: MLP hidden layer width, 1..4096.
        hash_bits: 2**hash_bits hashed TF-IDF buckets for target and for text, 4..20.
        max_epochs: 1..100000. batch_size: 1..2**20.
        learning_rate: Adam step size in (0, 1]. l2: weight decay in [0, 1].
        validation_fraction: held out for early stopping, in [0, 0.9). patience: 1..100000.
        class_weight: "sqrt", "balanced" or "none". seed: fixes split, initialisation, order.
        language: language of the texts.
        features: "auto" (chosen on the held-out part of the training data), "words", "ngrams"
            (also word 1-3-grams and character 2-5-grams of the text) or "target_ngrams" (also
            those n-grams per target). ngram_bits: 2**ngram_bits buckets per n-gram block, 4..20.
        per_target: one model per target seen in training, plus one over all pairs.
        encoder: None, or a semantic encoder (TransformerEncoder, StaticEncoder) whose text
            vectors become features too (cosine and relevance profile by meaning, lean towards
            statements for and against the target, the text's vector and its product with the
            target's). A model trained with one needs it again after from_bytes/load:
            set_encoder. TypeError for other encoders.
    
    Example:
        >>> m = StanceModel(model="logistic", hash_bits=10)
        >>> report = m.fit(["rates rise"] * 2, ["Rates rose.", "Rates fell."], ["agree", "disagree"])
        >>> m.classes
        ['agree', 'disagree']
    """
    format_version: typing.ClassVar[int] = 4
    @staticmethod
    def from_bytes(data: typing.Any) -> StanceModel:
        """
        Reads to_bytes() output (format version 1 to 4). A model that reads text vectors needs
        set_encoder before it predicts.
        
        Arguments:
            data: bytes (or bytearray, memoryview). ValueError saying what is wrong for foreign,
                truncated or corrupt data.
        
        Example:
            >>> StanceModel.from_bytes(b"not a model")
            Traceback (most recent call last):
            ValueError: not a synopsis stance model (bad magic bytes)
        """
    @staticmethod
    def load(path: typing.Any) -> StanceModel:
        """
        Reads a file written by save().
        
        Arguments:
            path: str, bytes or os.PathLike. FileNotFoundError (an OSError) naming the path when it
                does not exist; ValueError saying what is wrong for a corrupt or foreign file.
        
        Example:
            >>> StanceModel.load("stance.model").classes                     # doctest: +SKIP
            ['agree', 'disagree']
        """
    def __getstate__(self) -> typing.Any:
        ...
    def __init__(self, *, model: str = 'auto', hidden_units: typing.SupportsInt | typing.SupportsIndex = 64, hash_bits: typing.SupportsInt | typing.SupportsIndex = 14, max_epochs: typing.SupportsInt | typing.SupportsIndex = 15, batch_size: typing.SupportsInt | typing.SupportsIndex = 128, learning_rate: typing.SupportsFloat | typing.SupportsIndex = 0.002, l2: typing.SupportsFloat | typing.SupportsIndex = 1e-06, validation_fraction: typing.SupportsFloat | typing.SupportsIndex = 0.1, patience: typing.SupportsInt | typing.SupportsIndex = 3, class_weight: str = 'sqrt', seed: typing.SupportsInt | typing.SupportsIndex = 0, language: str = 'en', features: str = 'auto', ngram_bits: typing.SupportsInt | typing.SupportsIndex = 16, per_target: bool = False, encoder: typing.Any = None) -> None:
        ...
    def __reduce__(self) -> tuple:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> tuple:
        ...
    def __setstate__(self, arg0: typing.Any) -> None:
        ...
    def fit(self, targets: collections.abc.Sequence, texts: collections.abc.Sequence, y: collections.abc.Sequence, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> dict:
        """
        Trains on (target, text) pairs labelled y; the classes become the sorted distinct labels.
        
        Arguments:
            targets, texts: sequences of str (or UTF-8 bytes), one pair per position; invalid UTF-8
                or lone surrogates raise ValueError.
            y: one label per pair, all str or all int (numpy integers too). bool, float, None and
                mixed kinds raise TypeError; fewer than two distinct labels raise ValueError.
            n_jobs: threads (-1: all cores).
        
        Returns a training report: epochs, best_epoch, best_validation_loss, validation_macro_f1,
        model and features (those trained: the choice, for "auto"), candidates (each model and
        feature set tried, with its held-out macro-F1), seconds_features, seconds_training. A failed fit (e.g. diverged weights: ValueError) keeps the previous model.
        
        Example:
            >>> m = StanceModel(model="logistic", hash_bits=10)
            >>> m.fit(["rates rise"] * 2, ["Rates rose.", "Rates fell."], [1, 0])["epochs"] >= 1
            True
        """
    def predict(self, targets: collections.abc.Sequence, texts: collections.abc.Sequence, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> list:
        """
        The most probable class of each (target, text) pair, as the label value fit was given.
        
        Arguments:
            targets, texts: sequences of str of the same length.
            n_jobs: threads (-1: all cores).
        
        Example:
            >>> m.predict(["rates rise"], ["Rates rose."])                 # doctest: +SKIP
            ['agree']
        """
    def predict_proba(self, targets: collections.abc.Sequence, texts: collections.abc.Sequence, *, n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> numpy.typing.NDArray[numpy.float32]:
        """
        Class probabilities of (target, text) pairs, computed with the GIL released.
        
        Arguments:
            targets, texts: sequences of str of the same length.
            n_jobs: threads (-1: all cores).
        
        Returns a float32 array of shape (n, len(classes)); column j is classes[j].
        
        Example:
            >>> m.predict_proba(["rates rise"], ["Rates rose."]).shape      # doctest: +SKIP
            (1, 2)
        """
    def save(self, path: typing.Any) -> None:
        """
        Writes the model to a file atomically: a temporary file in the same folder is written,
        synced and renamed over path, so an interrupted save leaves any previous file intact.
        
        Arguments:
            path: str, bytes or os.PathLike. OSError (naming the path) when it cannot be written;
                ValueError when the model is not fitted.
        
        Example:
            >>> m.save("stance.model")                                       # doctest: +SKIP
        """
    def set_encoder(self, encoder: typing.Any) -> None:
        """
        Gives a loaded model that reads text vectors the encoder it was trained with.
        
        Arguments:
            encoder: a TransformerEncoder or StaticEncoder. ValueError when the model reads no text
                vectors, or when the encoder is not the one it was trained with (name, dimension, or
                its vector of a probe sentence); the model is then left as it was.
        """
    def to_bytes(self) -> bytes:
        """
        The versioned binary form: magic, format version, payload (options, class labels, weights),
        checksum over all of it. ValueError when not fitted.
        
        Example:
            >>> StanceModel.from_bytes(m.to_bytes()).classes == m.classes   # doctest: +SKIP
            True
        """
    @property
    def classes(self) -> list:
        """
        The class labels (str or int, as given to fit), in column order; [] before fit.
        """
    @property
    def encoder(self) -> typing.Any:
        """
        The encoder of the text-vector features, or None.
        """
    @property
    def fitted(self) -> bool:
        """
        Whether fit (or from_bytes, load) gave the model its weights.
        """
    @property
    def options(self) -> dict:
        """
        The hyperparameters, as a dict.
        """
    @property
    def text_vectors(self) -> typing.Any:
        """
        For a fitted model that reads text vectors, the encoder it needs ({'encoder': name, 'dimension': n}); else None.
        """
def attributions(text: typing.Any, *, language: str = 'en', format: str = 'auto', errors: str = 'strict') -> list[AttributedSentence]:
    """
    Attribution and hedging of every sentence of a text.
    
    Arguments:
        text: str, or UTF-8 bytes.
        language: language code for segmentation (the cue lexicons are English).
        format: "auto" (HTML when the text starts like a page), "text" or "html".
        errors: "strict" (invalid UTF-8 raises ValueError) or "replace".
    
    Returns:
        list[AttributedSentence], one per sentence, each with ``attribution`` (source text and
        span, or None), ``reported``, ``hedged``, ``negated`` and ``cues``.
    
    Example:
        >>> s = synopsis.attributions("Reportedly, the talks stalled (Source: officials).")[0]
        >>> s.attribution.source, s.hedged
        ('officials', True)
    """
def count_words(text: typing.Any) -> int:
    """
    Words as the word budget counts them: whitespace-separated runs.
    
    Example:
        >>> from synopsis._core import count_words
        >>> count_words("Rates rose  again.")
        3
    """
def embed(sentences: typing.Any, *, encoder: typing.Any = 'tfidf', language: str = 'en', errors: str = 'strict') -> numpy.typing.NDArray[numpy.float32]:
    """
    Sentence vectors as a float32 numpy array (n, d), one L2-normalised row per sentence.
    
    Arguments:
        sentences: a list of sentences (each str is one row), a text (str, segmented; one row per
            sentence of synopsis.segment(text).sentences), or a synopsis.Document.
        encoder: "tfidf", "bm25", "bm25+", "lsa", or an Encoder object (e.g. a fitted TfidfEncoder).
        language: language code for tokens, stopwords and stems.
        errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError) or "replace".
    
    TF-IDF and BM25 columns are the stems of this input (so d varies by input); LSA columns are
    latent dimensions.
    
    Example:
        >>> import synopsis as sy
        >>> X = sy.embed(["Prices rose.", "Prices fell sharply."])
        >>> X.shape[0], X.dtype
        (2, dtype('float32'))
    """
def resolve_threads(n_jobs: typing.SupportsInt | typing.SupportsIndex) -> int:
    """
    The number of threads n_jobs asks for: n_jobs > 0 as is, -1 every core, -2 all but one, ...
    
    Example:
        >>> import synopsis as sy
        >>> sy._core.resolve_threads(3)
        3
    """
def segment(text: str | bytes, *, language: str = 'en', format: str = 'auto', errors: str = 'strict') -> Document:
    """
    Split text into paragraphs, sentences and tokens.
    
    Arguments:
        text: str, or UTF-8 bytes.
        language: a language code ("en", "de", "hy", "pt-BR"); picks boundary rules,
            stopwords and the Snowball stemmer.
        format: "auto" (HTML when the text starts like a page: a doctype, a comment or a
            known tag), "text" or "html". HTML is reduced to the text a reader sees (blocks
            as paragraphs, headings flagged, scripts, navigation and hidden parts dropped);
            ``doc.source`` keeps the HTML and every sentence and token its ``source_start``
            and ``source_end`` in it.
        errors: "strict" (invalid UTF-8 or lone surrogates raise ValueError naming the
            offset) or "replace" (substitute U+FFFD).
    
    Returns:
        Document with .title, .paragraphs, .sentences, .tokens, .comments; headings and
        boilerplate are flagged on each sentence, and boilerplate_kind says what the page
        furniture is (navigation, repeated, consent, subscription, comment, share,
        advertisement, related, byline, dateline, caption, footer).
    
    Example:
        >>> import synopsis as sy
        >>> doc = sy.segment("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.")
        >>> [s.text for s in doc.sentences]
        ['Mr. Smith went to Washington.', 'He arrived at 5 p.m. on Monday.']
    """
def segment_batch(texts: typing.Any, *, language: str = 'en', format: str = 'auto', errors: str = 'strict', n_jobs: typing.SupportsInt | typing.SupportsIndex = -1) -> list[Document]:
    """
    segment() of a list of texts on the core's thread pool (GIL released); the same for any n_jobs.
    """
def stance_feature_names() -> list[str]:
    """
    Names of the hand-built stance features.
    """
def stemmer_languages() -> list[str]:
    """
    Languages with a Snowball stemmer.
    
    Example:
        >>> import synopsis as sy
        >>> "english" in sy.stemmer_languages()
        True
    """
def stopword_languages() -> list[str]:
    """
    Language codes with a stopword list.
    
    Example:
        >>> import synopsis as sy
        >>> "de" in sy.stopword_languages()
        True
    """
def stopwords(language: str = 'en') -> list[str]:
    """
    The stopword list of a language (sorted); empty when synopsis has none for it.
    
    Example:
        >>> import synopsis as sy
        >>> "the" in sy.stopwords("en"), sy.stopwords("xx")
        (True, [])
    """
ENCODER_NAMES: list[str] = ['tfidf', 'bm25', 'bm25+', 'lsa']
KEYWORD_METHODS: list[str] = ['positiontfidf', 'tfidf', 'positionrank', 'textrank', 'singlerank', 'topicrank', 'multipartiterank', 'embedrank']
SUMMARIZE_METHODS: list[str] = ['pacsum', 'textrank', 'lexrank', 'lead']
TEXT_FORMATS: list = ['auto', 'text', 'html']
__version__: str
