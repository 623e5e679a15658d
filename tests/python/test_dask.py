"""Dask over worker processes gives the same results as local calls."""

import sys

import pytest
from sample_texts import NEWS

import synopsis as sy

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
cloudpickle = pytest.importorskip("cloudpickle")

# Functions defined here travel to the workers by value: the workers cannot import this file.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

TEXTS = [
    *NEWS,
    "The minister denied the report. She said no deal had been signed.",
    "",
    "Rain is expected. Roads may close. Officials urged drivers to stay home.",
]


def plain(results):
    return [None if r is None else r.to_dict() if hasattr(r, "to_dict") else [k.to_dict() for k in r]
            for r in results]


def calls():
    """(name, per-text function, batch function over a Series) for each feature present."""
    out = [("segment", sy.segment, lambda s: sy.segment_batch(s, n_jobs=1))]
    out.append(("summarize", lambda t: sy.summarize(t, sentences=2),
                lambda s: sy.summarize_batch(s, sentences=2, n_jobs=1)))
    out.append(("keywords", lambda t: sy.keywords(t, top=5),
                lambda s: sy.keywords_batch(s, top=5, n_jobs=1)))
    out.append(("stance", lambda t: sy.StanceTagger("interest rates").tag(t),
                lambda s: sy.stance_batch(s, target="interest rates", n_jobs=1)))
    return out


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None, silence_logs=50) as cluster:
        with distributed.Client(cluster) as c:
            yield c


@pytest.mark.parametrize("name,one,_", calls(), ids=[c[0] for c in calls()])
def test_bag_matches_local(client, name, one, _):
    bag = db.from_sequence(TEXTS, npartitions=3).map(one)
    assert plain(bag.compute()) == plain([one(t) for t in TEXTS])


@pytest.mark.parametrize("name,one,batch", calls(), ids=[c[0] for c in calls()])
def test_dataframe_map_partitions_matches_local(client, name, one, batch):
    df = pd.DataFrame({"text": TEXTS}, index=[f"doc{i}" for i in range(len(TEXTS))])
    ddf = dd.from_pandas(df, npartitions=2)
    out = ddf.text.map_partitions(batch, meta=pd.Series(dtype=object, name="text")).compute()
    assert list(out.index) == list(df.index)
    assert plain(out) == plain([one(t) for t in TEXTS])


def test_workers_are_processes(client):
    import os

    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids
