"""Scale-out: the same search on an in-process Dask cluster finds the same best setting."""

from __future__ import annotations

import pytest

from level1.spam.corpus import synthetic_corpus
from level4.tuning import methods
from level4.tuning.scaleout import parallel


@pytest.fixture(scope="module")
def texts_labels():
    corpus = synthetic_corpus(rows=200, seed=5)
    return corpus.texts, corpus.labels


def test_dask_backend_finds_the_same_best_parameters(texts_labels):
    texts, labels = texts_labels
    cv = methods.cv_splitter(2, 1, 0)
    local = methods.run_search("random", texts, labels, budget=8, cv=cv, n_jobs=1)
    with parallel("dask", workers=2, processes=False) as client:
        assert client is not None
        assert client.status == "running"
        remote = methods.run_search("random", texts, labels, budget=8, cv=cv, n_jobs=-1)
    assert remote.best.params == local.best.params
    assert [t.mean for t in remote.trials] == pytest.approx([t.mean for t in local.trials])


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="unknown backend"), parallel("spark"):
        pass
