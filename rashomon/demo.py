"""The built-in demo: fictional reports of a fictional raid, ingested into a fresh store."""

from __future__ import annotations

from contextlib import ExitStack
from importlib import resources
from pathlib import Path

from rashomon.errors import StoreError
from rashomon.pipeline import IngestReport, ingest
from rashomon.settings import Settings, default_data_dir
from rashomon.store import SQLiteStore
from rashomon.store.base import is_postgres_url

DEMO_MARKER = "demo_store"


def demo_db_path() -> Path:
    return default_data_dir() / "demo.sqlite"


def _fresh(path: Path) -> None:
    """Remove a previous demo store at ``path``; refuse to touch any other file."""
    if not path.exists():
        return
    with SQLiteStore(path) as old:
        is_demo = old.get_meta(DEMO_MARKER) == "1"
    if not is_demo:
        raise StoreError(f"{path} exists and is not a demo store; give `rashomon demo --db` a new file")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_demo(settings: Settings, target: Path | str | None = None) -> tuple[SQLiteStore, IngestReport]:
    """Ingest the demo corpus into a fresh SQLite store at ``target``; the caller closes the store."""
    if is_postgres_url(target):
        raise StoreError("the demo makes its own SQLite file; give `rashomon demo --db` a file path, not a URL")
    path = Path(target) if target else demo_db_path()
    _fresh(path)
    store = SQLiteStore(path)
    store.set_meta(DEMO_MARKER, "1")
    with ExitStack() as stack:
        folder = stack.enter_context(resources.as_file(resources.files("rashomon") / "data" / "demo"))
        report = ingest([folder], store, settings)
    return store, report
