"""Where the per-article stage runs: this process, local worker processes, or a Dask cluster.

An :class:`Engine` maps a picklable function over a lazy stream of jobs and yields the results in
order, keeping only a bounded number of jobs in flight, so memory does not grow with the corpus.
Workers load the spaCy model once (it is cached per process), on their first job; local worker
processes live for one map (one ingest run).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Literal, Protocol, TypeVar

from rashomon.errors import SettingsError

T = TypeVar("T")
R = TypeVar("R")
EngineName = Literal["local", "dask"]
IN_FLIGHT_PER_WORKER = 2  # enough to keep every worker busy while the main process writes
CONNECT_SECONDS = 10  # how long to try reaching a Dask scheduler


class Engine(Protocol):
    """Runs ``fn`` over ``jobs``; results come back in the order of the jobs."""

    workers: int

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]: ...
    def close(self) -> None: ...


class InProcess:
    """The jobs run one after the other in this process."""

    workers = 1

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        return map(fn, jobs)

    def close(self) -> None:
        pass


def _bounded(submit: Callable[[T], Any], result: Callable[[Any], R], jobs: Iterable[T], window: int) -> Iterator[R]:
    """Submit jobs ahead up to ``window``; yield results in job order."""
    pending: deque[Any] = deque()
    for job in jobs:
        pending.append(submit(job))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class LocalProcesses:
    """``workers`` processes on this machine (spawned: no state inherited from the caller) for each map:
    they start with its first jobs and stop when its results are all taken (or it is dropped). Each
    holds a loaded model (about 400 MB), which must not stay held through the linking and
    reconciling that follow an ingest's last batch. With ``linger`` they serve every map until
    :meth:`close` (a benchmark loads the model before it starts the clock)."""

    def __init__(self, workers: int, linger: bool = False) -> None:
        self.workers = workers
        self.linger = linger
        self._pools: list[ProcessPoolExecutor] = []

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        def result(future: Future[R]) -> R:
            return future.result()

        if self.linger and self._pools:
            pool = self._pools[0]
        else:
            pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            self._pools.append(pool)
        results = _bounded(lambda job: pool.submit(fn, job), result, jobs, self.workers * IN_FLIGHT_PER_WORKER)
        return results if self.linger else self._then_stop(pool, results)

    def _then_stop(self, pool: ProcessPoolExecutor, results: Iterator[R]) -> Iterator[R]:
        try:
            yield from results
        finally:
            if pool in self._pools:  # not when close() came first (an ingest that failed half-way)
                self._pools.remove(pool)
            pool.shutdown(cancel_futures=True)

    def close(self) -> None:
        while self._pools:
            self._pools.pop().shutdown(cancel_futures=True)


class DaskEngine:
    """Jobs run as Dask tasks: on the scheduler at ``address``, or on a local cluster of ``workers`` processes."""

    def __init__(self, workers: int, address: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - distributed is a declared dependency
            raise SettingsError("the Dask engine needs the 'distributed' package; reinstall Rashomon") from exc
        self._cluster = None
        if address is None:
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            address = self._cluster.scheduler_address
        try:
            self._client = Client(address, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
        except OSError as exc:  # distributed reports an unreachable scheduler as OSError after the timeout
            if self._cluster is not None:
                self._cluster.close()
            raise SettingsError(f"cannot reach the Dask scheduler at {address} ({exc}); check --scheduler") from exc
        self.workers = max(1, len(self._client.scheduler_info(n_workers=-1)["workers"]))

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        def result(future: Any) -> R:
            value: R = future.result()
            future.release()
            return value

        submit = lambda job: self._client.submit(fn, job, pure=False)  # noqa: E731
        return _bounded(submit, result, jobs, self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def open_engine(name: EngineName = "local", workers: int = 1, scheduler: str | None = None) -> Engine:
    """The engine for ``--engine``/``--workers``/``--scheduler``: one process runs in-process."""
    if workers < 1:
        raise SettingsError(f"--workers must be 1 or more, not {workers}")
    if name == "dask":
        return DaskEngine(workers, scheduler)
    if scheduler is not None:
        raise SettingsError("--scheduler is for --engine dask; drop it or add --engine dask")
    return InProcess() if workers == 1 else LocalProcesses(workers)
