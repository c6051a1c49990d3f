"""Shared fixtures: a temporary store, settings pointing at it, and the seeds in ../shared."""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from rashomon.settings import Settings
from rashomon.store import SQLiteStore, SQLStore, open_store
from tests.pg_server import PostgresServer, ServerError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = Path(str(resources.files("rashomon") / "data" / "demo"))
SEEDS = SHARED / "seeds"
TRN_SEED = SEEDS / "000_26fe4b8b30bf9d3c.txt"
CNN_SEED = SEEDS / "004_a5a32e7f52901a20.txt"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def _absent(paths: tuple[Path, ...]) -> str:
    missing = [str(p) for p in paths if not p.exists()]
    return f"not found: {', '.join(missing)} (a clone without ../shared); CI always has it" if missing else ""


def needs_shared(*paths: Path) -> pytest.MarkDecorator:
    """Skip, with the reason shown, when ``../shared`` material is missing outside CI; in CI (``CI=true``)
    never skip, so that missing material fails the tests instead of passing them unseen."""
    reason = _absent(paths)
    return pytest.mark.skipif(bool(reason) and not _in_ci(), reason=reason or "present")


def require_shared(*paths: Path) -> None:
    """In a fixture: skip when ``../shared`` material is missing, fail instead in CI."""
    reason = _absent(paths)
    if reason:
        (pytest.fail if _in_ci() else pytest.skip)(reason)


def needs_seeds() -> pytest.MarkDecorator:
    return needs_shared(TRN_SEED, CNN_SEED)


@pytest.fixture(scope="session")
def nlp() -> Callable[[str], Any]:
    """The real packaged spaCy pipeline, loaded once for the session."""
    from rashomon.nlp import load_pipeline

    return load_pipeline()  # type: ignore[no-any-return]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return Settings(db=str(db_path), batch_size=4)


@pytest.fixture
def store(db_path: Path) -> Iterator[SQLiteStore]:
    with open_store(db_path) as s:
        yield s


@pytest.fixture
def memory_store() -> Iterator[SQLiteStore]:
    with open_store(":memory:") as s:
        yield s


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server on loopback for the whole run; failing to start it fails the tests (no skip)."""
    try:
        server = PostgresServer.start()
    except (ServerError, OSError) as exc:
        pytest.fail(f"the PostgreSQL test server did not start: {exc}")
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the test server."""
    return postgres_server.database()


@pytest.fixture(params=["sqlite", "postgres"])
def store_targets(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes new, empty store targets of one engine: SQLite files, then PostgreSQL databases."""
    if request.param == "sqlite":
        numbers = itertools.count()
        return lambda: str(tmp_path / f"store{next(numbers)}.sqlite")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.database


@pytest.fixture
def any_store(store_targets: Callable[[], str]) -> Iterator[SQLStore]:
    """The same test against each store: a SQLite file and a PostgreSQL database."""
    with open_store(store_targets()) as s:
        yield s


def stored_records(store: SQLStore) -> tuple[object, ...]:
    """Everything a store holds, for comparing two stores: articles, extractions, story partition, JSON export."""
    from rashomon.report.export import export_json

    articles = list(store.articles())
    return (
        articles,
        [store.extraction(a.id) for a in articles],
        sorted(sorted(s.article_ids) for s in store.stories()),
        export_json(store),
    )


def run_cli(
    *args: str, db: Path | str, env: dict[str, str] | None = None, process: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the ``rashomon`` command line against the store ``db``: in this process through
    :func:`rashomon.cli.run` (``env`` laid over the environment for the call), or, with ``process``, the
    real entry point in a subprocess with ``env`` as its whole environment."""
    argv = ["--db", str(db), *args]
    if process:
        command = [sys.executable, "-m", "rashomon", *argv]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    from rashomon.cli import run

    out, err, saved = io.StringIO(), io.StringIO(), dict(os.environ)
    try:
        os.environ.update(env or {})
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = run(argv)
            except SystemExit as exc:  # argparse refusing the arguments
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())
