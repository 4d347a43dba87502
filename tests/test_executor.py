"""The executors: the same results in the same order, errors raised where they belong."""

from __future__ import annotations

import pytest

from sckg.executor import EXECUTORS, default_workers, map_ordered
from sckg.model import InputError


def square(n: int) -> int:
    return n * n


def fail_on_seven(n: int) -> int:
    if n == 7:
        raise InputError(f"item-{n}.txt: not an article")
    return n


@pytest.mark.parametrize("executor", ["serial", "process"])
def test_results_come_back_in_item_order(executor):
    items = list(range(100, 0, -1))
    done = []
    assert map_ordered(square, items, executor=executor, workers=2,
                       progress=done.append) == [n * n for n in items]
    assert sum(done) == len(items)


@pytest.mark.parametrize("executor", ["serial", "process"])
def test_a_worker_error_is_raised_with_its_message(executor):
    with pytest.raises(InputError, match="item-7.txt: not an article"):
        map_ordered(fail_on_seven, list(range(20)), executor=executor, workers=2)


def test_dask_local_cluster_keeps_order_and_errors():
    items = list(range(40, 0, -1))
    assert map_ordered(square, items, executor="dask", workers=2) == [n * n for n in items]
    with pytest.raises(InputError, match="item-7.txt"):
        map_ordered(fail_on_seven, list(range(20)), executor="dask", workers=2)


def test_unknown_executor_is_refused():
    with pytest.raises(InputError, match="expected one of serial, process, dask"):
        map_ordered(square, [1], executor="threads")
    assert EXECUTORS == ("serial", "process", "dask")


def test_empty_input_and_default_workers():
    assert map_ordered(square, [], executor="process") == []
    assert default_workers() >= 1


def test_long_lived_freezes_then_restores_the_collector():
    import gc

    from sckg.executor import long_lived

    if gc.get_freeze_count() or not gc.isenabled():
        pytest.skip("the collector is not in its usual state")
    thresholds = gc.get_threshold()
    with long_lived():
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        assert gc.get_threshold()[2] >= 1000
        with long_lived(collect=False):
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() > 0  # the inner block leaves the outer's freeze
    assert gc.get_freeze_count() == 0 and gc.isenabled() and gc.get_threshold() == thresholds
    with pytest.raises(ValueError):
        with long_lived(collect=False):
            raise ValueError("restored all the same")
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_results_kept_in_a_long_lived_block_do_not_bring_full_collections():
    """A build keeps every article's result while it makes the next: with the heap frozen,
    CPython's own rule would collect the oldest generation every ~70,000 survivors, and
    each full collection walks all of them again (quadratic in the number of articles)."""
    import gc

    from sckg.executor import long_lived

    if gc.get_freeze_count() or not gc.isenabled():
        pytest.skip("the collector is not in its usual state")
    with long_lived():
        before = gc.get_stats()[2]["collections"]
        kept = [[i] for i in range(300_000)]  # survivors, one container each
        full = gc.get_stats()[2]["collections"] - before
    assert len(kept) == 300_000 and full <= 1
