"""Where per-article work runs: here, over a pool of processes, or on a Dask cluster.

The pipeline hands :func:`map_ordered` a module-level function and a list of
independent items (article files, article slices). Whatever runs them, the results
come back in the order of the items, so the output does not depend on the executor
or on the number of workers. A worker keeps what is expensive to load (the gazetteer,
jieba's dictionary, the compiled shapes) in module-level caches between items.

Executors:

``serial``
    a plain loop in this process (the reference);
``process``
    a :class:`concurrent.futures.ProcessPoolExecutor` of ``workers`` processes;
``dask``
    Dask's distributed scheduler: a ``LocalCluster`` of ``workers`` processes, or
    any running cluster when ``scheduler`` gives its address (``tcp://host:8786``).
    The workers must have the same sckg installed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from sckg.model import InputError

EXECUTORS = ("serial", "process", "dask")
# Inside :func:`long_lived`: collections of the middle generation between two full ones
# (CPython's default is 10).
FULL_COLLECTION_EVERY = 1000


@contextmanager
def long_lived(collect: bool = True) -> Iterator[None]:
    """Leave the objects that exist now out of garbage collection until the block ends.

    A build holds millions of objects (articles, extractions, entities) while it
    makes millions of short-lived ones per article; every full collection would walk
    all the long-lived ones again (most of the time of a large build went there). The
    objects are frozen (:func:`gc.freeze`), not leaked: reference counting still frees
    them. Forked workers inherit the frozen state, so their collections do not touch
    (and copy) the parent's pages either. Blocks nest; the outermost one unfreezes.

    ``collect=False`` also stops collection inside the block, for work that builds one
    large structure without reference cycles (resolution): collecting would only walk
    it again and again as it grows.
    """
    outer = gc.get_freeze_count() == 0
    was_enabled = gc.isenabled()
    thresholds = gc.get_threshold()
    gc.freeze()
    # CPython collects the oldest generation only once it has grown by a quarter since the
    # last full collection, and frozen objects do not count: with the heap frozen that
    # quarter is small, full collections came every few articles and each walked every
    # cache again (at N = 10,000 the per-article cost rose from 37 to 58 ms over the first
    # 2,000 articles). The young generations still collect the per-article garbage.
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], FULL_COLLECTION_EVERY))
    if not collect:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled and not collect:
            gc.enable()
        if outer:
            gc.set_threshold(*thresholds)
            gc.unfreeze()


def default_workers() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _batches(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _run_batch(fn: Callable[[Any], Any], batch: list[Any]) -> list[Any]:
    return [fn(item) for item in batch]


def _batch_size(n: int, workers: int) -> int:
    # Several batches per worker keep the load even; batches keep the per-task
    # overhead (pickling the function, a scheduler round trip) small.
    return max(1, min(32, n // (workers * 4) or 1))


def map_ordered(fn: Callable[[Any], Any], items: Sequence[Any], *, executor: str = "serial",
                workers: int | None = None, scheduler: str | None = None,
                progress: Callable[[int], None] | None = None) -> list[Any]:
    """``[fn(item) for item in items]``, run by ``executor``, in the order of ``items``.

    An exception raised by ``fn`` (an :class:`InputError` naming a bad file) is raised
    here, after the other workers are stopped.

    Example::

        sizes = map_ordered(len, ["a", "bb"], executor="process", workers=2)
    """
    if executor not in EXECUTORS:
        raise InputError(f"--executor {executor}: expected one of {', '.join(EXECUTORS)}")
    with long_lived():
        return _map(fn, list(items), executor, workers, scheduler, progress)


def _map(fn, items, executor, workers, scheduler, progress) -> list[Any]:
    workers = workers or default_workers()
    if executor == "serial" or not items:
        out = []
        for item in items:
            out.append(fn(item))
            if progress:
                progress(1)
        return out
    batches = _batches(items, _batch_size(len(items), workers))
    if executor == "process":
        return _on_processes(fn, batches, workers, progress)
    return _on_dask(fn, batches, workers, scheduler, progress)


def _on_processes(fn, batches, workers, progress) -> list[Any]:
    # fork: workers start with what this process has loaded already (no re-import).
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    out: list[Any] = []
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=context) as pool:
        futures = [pool.submit(_run_batch, fn, batch) for batch in batches]
        try:
            for future in futures:
                results = future.result()
                out.extend(results)
                if progress:
                    progress(len(results))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return out


def _on_dask(fn, batches, workers, scheduler, progress) -> list[Any]:
    import dask
    from distributed import Client, LocalCluster

    # Dask's own progress and diagnostics are for its dashboard; ours go to stderr.
    with dask.config.set({"distributed.worker.daemon": False,
                          "distributed.logging.distributed": "error"}):
        if scheduler:
            cluster, client = None, Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        try:
            futures = client.map(_run_batch, [fn] * len(batches), batches, pure=False)
            out: list[Any] = []
            for future in futures:
                results = future.result()
                out.extend(results)
                if progress:
                    progress(len(results))
            return out
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
