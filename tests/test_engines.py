"""Engines run the per-article stage in order, with a bounded number of jobs in flight, and give the same records."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.engines import DaskEngine, Engine, InProcess, LocalProcesses, open_engine
from rashomon.errors import SettingsError
from rashomon.pipeline import ingest
from rashomon.settings import Settings
from rashomon.store import open_store
from tests.conftest import DEMO, stored_records


def square(n: int) -> int:
    return n * n


def _counted(n: int, pulled: list[int]) -> Iterator[int]:
    for i in range(n):
        pulled.append(i)
        yield i


@pytest.mark.parametrize("engine", [InProcess(), LocalProcesses(2)], ids=["in-process", "processes"])
def test_results_come_back_in_job_order_and_jobs_are_pulled_lazily(engine: Engine) -> None:
    pulled: list[int] = []
    try:
        results = engine.map(square, _counted(50, pulled))
        assert next(results) == 0
        assert len(pulled) <= 2 * engine.workers  # not the whole stream: memory stays bounded
        assert [0, *results] == [n * n for n in range(50)]
    finally:
        engine.close()


def test_a_scheduler_address_without_the_dask_engine_is_refused() -> None:
    with pytest.raises(SettingsError, match="--engine dask"):
        open_engine("local", 2, "tcp://127.0.0.1:8786")
    with pytest.raises(SettingsError, match="1 or more"):
        open_engine("local", 0)


def test_worker_processes_and_a_local_dask_cluster_give_the_same_records_as_one_process(tmp_path: Path) -> None:
    with open_store(tmp_path / "one.sqlite") as one:
        ingest([DEMO], one, Settings(batch_size=3))
        expected = stored_records(one)
    assert len(expected[0]) >= 5  # type: ignore[arg-type]
    for name, engine in (("processes", LocalProcesses(2)), ("dask", DaskEngine(2))):
        try:
            assert engine.workers == 2
            with open_store(tmp_path / f"{name}.sqlite") as store:
                ingest([DEMO], store, Settings(batch_size=3), engine=engine)
                assert stored_records(store) == expected, name
        finally:
            engine.close()


def test_an_unreachable_dask_scheduler_is_a_clear_error() -> None:
    with pytest.raises(SettingsError, match="cannot reach the Dask scheduler"):
        DaskEngine(1, "tcp://127.0.0.1:1")


def worker_pid(_: int) -> int:
    return os.getpid()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_worker_processes_stop_when_their_last_result_is_taken_and_the_next_map_starts_new_ones() -> None:
    engine = LocalProcesses(2)
    try:
        first = set(engine.map(worker_pid, range(8)))
        assert first and os.getpid() not in first
        assert not any(_alive(pid) for pid in first)  # nothing held while the caller links and reconciles
        second = set(engine.map(worker_pid, range(8)))
        assert second and not second & first
    finally:
        engine.close()


def test_lingering_worker_processes_serve_every_map_until_closed() -> None:
    engine = LocalProcesses(2, linger=True)
    try:
        first = set(engine.map(worker_pid, range(8)))
        assert all(_alive(pid) for pid in first)
        assert set(engine.map(worker_pid, range(8))) <= first
    finally:
        engine.close()
    assert not any(_alive(pid) for pid in first)


def test_closing_the_engine_before_a_map_is_finished_leaves_nothing_to_complain_about() -> None:
    engine = LocalProcesses(2)
    unraisable: list[object] = []
    hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        results = engine.map(square, range(20))
        assert next(results) == 0
        engine.close()  # as the command line does when an ingest fails half-way
        del results
        gc.collect()
    finally:
        sys.unraisablehook = hook
    assert unraisable == []
