"""Concurrency: 16 Python threads calling the public functions on shared inputs and
shared result objects for a bounded number of rounds get exactly the serial results.
The core releases the GIL while it works, so these threads really run at once."""

from __future__ import annotations

import pathlib
import pickle
import signal
import subprocess
import sys
import threading
import time

import pytest

import synopsis as sy

REPO = pathlib.Path(__file__).resolve().parents[2]
THREADS = 16
ROUNDS = 12

TEXTS = [
    ("Mr. J. R. Smith met Dr. Lee in the U.S. Senate at 5 p.m. on Monday. They talked.", "en"),
    ("Am 3. Oktober kam Herr Dr. Müller nach Berlin. Er sagte: „Das ist z. B. gut.“", "de"),
    ("« Je pars demain. » Il est parti. M. Dupont l'a vu à 8 h. Voilà !", "fr"),
    ("Բարեւ: Ինչպե՞ս ես: Ես լավ եմ։", "hy"),
    ("今天天气很好。我们去公园吧！你觉得呢？", "zh"),
    ("Г-н Иванов приехал в 9 ч. утра. Он сказал: «Всё в порядке».", "ru"),
    ("Headline Without Stop\n\nFirst line of prose\ncontinues here. Second sentence.\nShare\nShare", "en"),
    ("Os governantes governaram. Eles governam.", "pt-BR"),
    ("Unknown language text. Still split.", "xx"),
]


def fingerprint(doc) -> tuple:
    return (
        doc.title,
        tuple((s.text, s.start, s.end, s.is_heading, s.is_boilerplate) for s in doc.sentences),
        tuple((t.text, t.norm, t.stem, t.is_stopword) for t in doc.tokens),
        tuple((p.start, p.end) for p in doc.paragraphs),
    )


def run_threads(work, threads: int = THREADS) -> list:
    """Runs work(thread_index) on `threads` threads started together; returns the results
    and re-raises the first exception."""
    barrier = threading.Barrier(threads)
    results: list = [None] * threads
    errors: list = []

    def target(i: int) -> None:
        try:
            barrier.wait()
            results[i] = work(i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    pool = [threading.Thread(target=target, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
        assert not t.is_alive(), "a thread hung"
    if errors:
        raise errors[0]
    return results


@pytest.fixture(scope="module")
def example_text(example_article) -> str:
    return example_article


def test_segment_from_16_threads_matches_serial(example_text):
    texts = TEXTS + [(example_text, "en")]
    serial = [fingerprint(sy.segment(t, language=lang)) for t, lang in texts]

    def work(i: int) -> list:
        out = []
        for r in range(ROUNDS):
            k = (i + r) % len(texts)
            text, lang = texts[k]
            out.append((k, fingerprint(sy.segment(text, language=lang))))
        return out

    for results in run_threads(work):
        for k, got in results:
            assert got == serial[k]


def test_shared_documents_read_from_16_threads(example_text):
    docs = [sy.segment(t, language=lang) for t, lang in TEXTS + [(example_text, "en")]]
    serial = [fingerprint(d) for d in docs]

    def work(i: int) -> bool:
        for r in range(ROUNDS):
            k = (i * 5 + r) % len(docs)
            if fingerprint(docs[k]) != serial[k] or repr(docs[k]) != repr(docs[k]):
                return False
            pickle.loads(pickle.dumps(docs[k]))
        return True

    assert all(run_threads(work))


def test_errors_from_16_threads_are_the_serial_errors():
    bad = [b"ok \xff", "lone \ud800", None, 12, ("x", "e")]

    def message(item) -> str:
        try:
            if isinstance(item, tuple):
                sy.segment(item[0], language=item[1])
            else:
                sy.segment(item)
        except (ValueError, TypeError) as exc:
            return f"{type(exc).__name__}: {exc}"
        return "no error"

    serial = [message(b) for b in bad]
    assert "no error" not in serial
    for got in run_threads(lambda i: [message(b) for b in bad for _ in range(ROUNDS // 4)]):
        assert got == [m for m in serial for _ in range(ROUNDS // 4)]


def test_stopwords_and_language_lists_from_16_threads():
    codes = sy.stopword_languages()
    serial = {c: sy.stopwords(c) for c in codes}
    stemmers = sy.stemmer_languages()

    def work(i: int) -> bool:
        ok = sy.stemmer_languages() == stemmers
        for c in codes[i % 3::3]:
            ok &= sy.stopwords(c) == serial[c]
        return ok

    assert all(run_threads(work))


def test_first_use_of_many_languages_at_once():
    # The language cache fills on first use; every thread asks in a different order.
    codes = ["da", "nl", "fi", "hu", "it", "no", "ro", "sv", "es", "ca", "eu", "ga", "el", "lt", "id", "ta"]

    def work(i: int) -> list:
        order = codes[i % len(codes):] + codes[: i % len(codes)]
        return sorted((c, len(sy.segment("One here. Two here.", language=c).sentences)) for c in order)

    results = run_threads(work)
    assert all(r == results[0] for r in results)
    assert all(n == 2 for _, n in results[0])


# ---------------------------------------------------------------- summarize, keywords, stance

def summary_fingerprint(summary) -> tuple:
    return tuple((s.index, s.start, s.end, round(s.score, 12)) for s in summary.sentences)


def keyword_fingerprint(result) -> tuple:
    return tuple((k.phrase, round(k.score, 12), k.count, tuple(map(tuple, k.offsets))) for k in result)


def stance_fingerprint(result) -> tuple:
    scores = result.scores.items() if isinstance(result.scores, dict) else enumerate(result.scores)
    return (result.label, tuple((k, round(float(v), 6)) for k, v in scores))


def test_summarize_keywords_stance_from_16_threads_match_serial(example_text):
    texts = [t for t, _ in TEXTS] + [example_text]
    calls = []
    for text in texts:
        for method in ("pacsum", "textrank", "lexrank", "lead"):
            calls.append(("summarize", text, method))
        for method in ("positionrank", "textrank", "topicrank", "multipartiterank"):
            calls.append(("keywords", text, method))
        calls.append(("stance", text, None))
    tagger = sy.StanceTagger("flood barrier")  # one shared object

    def call(kind, text, method):
        if kind == "summarize":
            return summary_fingerprint(sy.summarize(text, sentences=2, method=method))
        if kind == "keywords":
            return keyword_fingerprint(sy.keywords(text, top=5, method=method))
        return stance_fingerprint(tagger.tag(text))

    serial = [call(*c) for c in calls]

    def work(i: int) -> list:
        return [(k, call(*calls[k])) for k in range(i % 5, len(calls), 3)][:ROUNDS * 2]

    for results in run_threads(work):
        for k, got in results:
            assert got == serial[k], calls[k][:1] + calls[k][2:]


def test_shared_summarizer_and_extractor_from_16_threads(example_text):
    summarizer = sy.Summarizer(sentences=2, method="pacsum")
    extractor = sy.KeywordExtractor(top=5)
    want = (summary_fingerprint(summarizer(example_text)), keyword_fingerprint(extractor.extract(example_text)))

    def work(i: int) -> bool:
        for _ in range(ROUNDS // 3):
            got = (summary_fingerprint(summarizer(example_text)), keyword_fingerprint(extractor.extract(example_text)))
            if got != want:
                return False
        return True

    assert all(run_threads(work))


@pytest.mark.parametrize("kind", ["summarize", "keywords"])
def test_batch_results_do_not_depend_on_n_jobs(kind, example_text):
    texts = [t for t, _ in TEXTS] * 3 + [example_text] * 4
    if kind == "summarize":
        run = lambda n: [summary_fingerprint(s) for s in sy.summarize_batch(texts, n_jobs=n, sentences=2)]  # noqa: E731
    else:
        run = lambda n: [keyword_fingerprint(k) for k in sy.keywords_batch(texts, n_jobs=n, top=5)]  # noqa: E731
    reference = run(1)
    for n in range(2, 9):
        assert run(n) == reference, n


def test_stance_classifier_predictions_do_not_depend_on_threads():
    X = [("flood barrier", "The barrier will protect homes."), ("council vote", "The vote was not held."),
         ("flood barrier", "It is a hoax, officials said."), ("council vote", "Reports say the vote passed.")] * 6
    y = ["agree", "disagree", "discuss", "agree"] * 6
    preds = []
    for n in (1, 2, 4, 8):
        clf = sy.StanceClassifier(hidden_units=8, hash_bits=8, max_epochs=3, n_jobs=n, seed=3).fit(X, y)
        preds.append(clf.predict_proba(X).round(5).tolist())
    assert all(p == preds[0] for p in preds)


def test_keyboard_interrupt_stops_a_long_batch_and_leaves_python_usable(example_text, tmp_path):
    script = tmp_path / "interrupt.py"
    script.write_text(
        "import sys, synopsis as sy\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print('started', flush=True)\n"
        "try:\n"
        "    sy.summarize_batch([text] * 200000, n_jobs=2)\n"
        "    print('finished', flush=True)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
        "print('usable', len(sy.summarize(text, sentences=2).sentences), len(sy.keywords(text, top=3)), flush=True)\n"
    )
    proc = subprocess.Popen([sys.executable, str(script), str(REPO / "examples" / "news_article.txt")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "started"
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.split("\n")[:2] == ["interrupted", "usable 2 3"], (out, err)
