"""Spark recipes (pandas_udf and mapInPandas) in a local session give local results.

Needs pyspark, pyarrow and a Java runtime; skipped when any is missing. A local
session takes tens of seconds to start, so the test is marked slow.
"""

import os
import shutil
import sys

import pytest
from sample_texts import NEWS

import synopsis as sy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::FutureWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("pyspark needs a Java runtime (java not found)", allow_module_level=True)

# The functions below travel to Spark's Python workers by value: they cannot import this file.
from pyspark import cloudpickle  # noqa: E402

cloudpickle.register_pickle_by_value(sys.modules[__name__])

TEXTS = [
    *NEWS,
    None,
]


def sentence_texts(texts):
    return sy.segment_batch(texts, n_jobs=1).map(lambda d: None if d is None else [s.text for s in d.sentences])


def summary_text(texts):
    return sy.summarize_batch(texts, sentences=2, n_jobs=1).map(lambda s: None if s is None else str(s))


def local(fn):
    # pandas may turn a None result into NaN (pandas 3 infers a str column); Spark gives None.
    return [None if isinstance(v, float) and v != v else v for v in fn(pd.Series(TEXTS, dtype=object)).tolist()]


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("synopsis-test")
               .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_pandas_udf(spark):
    from pyspark.sql.functions import pandas_udf

    df = spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS)], "id long, text string").repartition(2)
    udf = pandas_udf(sentence_texts, "array<string>")
    rows = sorted(df.select("id", udf("text").alias("sentences")).collect())
    assert [r.sentences for r in rows] == local(sentence_texts)
    rows = sorted(df.select("id", pandas_udf(summary_text, "string")("text").alias("s")).collect())
    assert [r.s for r in rows] == local(summary_text)


def test_map_in_pandas(spark):
    def partitions(frames):
        for frame in frames:
            out = frame[["id"]].copy()
            out["count"] = sy.segment_batch(frame["text"], n_jobs=1).map(lambda d: 0 if d is None else len(d))
            yield out

    df = spark.createDataFrame([(i, t) for i, t in enumerate(TEXTS)], "id long, text string").repartition(2)
    rows = sorted(df.mapInPandas(partitions, schema="id long, count long").collect())
    assert [r["count"] for r in rows] == [0 if t is None else len(sy.segment(t)) for t in TEXTS]
