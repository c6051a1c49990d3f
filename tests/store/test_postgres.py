"""PostgreSQL-only behaviour: the same records as SQLite, several writers at once, clear connection errors."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import psycopg
import pytest

from rashomon.errors import StoreError
from rashomon.link import link_pending
from rashomon.pipeline import ingest
from rashomon.records import Article
from rashomon.settings import Settings
from rashomon.store import Batch, open_store
from rashomon.store.postgres import PostgresStore
from tests.conftest import DEMO, run_cli, stored_records
from tests.pg_server import PostgresServer


def test_the_demo_corpus_gives_the_same_records_in_postgresql_as_in_sqlite(tmp_path: Path, postgres_url: str) -> None:
    with open_store(tmp_path / "demo.sqlite") as lite, open_store(postgres_url) as pg:
        assert isinstance(pg, PostgresStore)
        ingest([DEMO], lite, Settings())
        ingest([DEMO], pg, Settings())
        lite_records, pg_records = stored_records(lite), stored_records(pg)
    assert len(lite_records[0]) >= 5 and any(x.claims for x in lite_records[1])  # type: ignore[arg-type,attr-defined]
    assert pg_records == lite_records


def _article(n: int) -> Article:
    text = f"Report {n}: floods cut the road to village {n % 7}."
    return Article(id=Article.make_id("wire", text), origin=f"{n}.txt", text=text, published=date(2026, 3, 1))


def test_concurrent_writers_number_every_article_once_and_all_get_linked(postgres_url: str) -> None:
    errors: list[BaseException] = []

    def writer(start: int) -> None:
        try:
            with open_store(postgres_url) as store:
                for n in range(start, start + 40, 2):
                    store.write(Batch(articles=(_article(n), _article(n + 100))))
                    link_pending(store)
        except BaseException as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(s,)) for s in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(postgres_url) as store:
        link_pending(store)
        seqs = [r[0] for r in store._db.execute('SELECT "seq" FROM articles').fetchall()]
        linked = sum(len(s.article_ids) for s in store.stories())
        assert store.count("articles") == 80 == len(set(seqs)) == linked


def test_a_database_from_a_newer_rashomon_is_refused(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO rashomon_schema (version) VALUES (999)")
    with pytest.raises(StoreError, match="upgrade Rashomon"):
        open_store(postgres_url)


def test_an_unreachable_server_is_a_clear_error_without_the_password(postgres_server: PostgresServer) -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
        open_store(f"postgresql://someone:s3cret@127.0.0.1:{postgres_server.port}/no_such_database")
    assert "s3cret" not in str(caught.value)


def test_the_command_line_selects_postgresql_by_url(tmp_path: Path, postgres_url: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Rescuers said 12 people were missing after the landslide in Pokhara on Monday.\n")
    assert run_cli("ingest", str(report), db=postgres_url).returncode == 0
    listed = run_cli("articles", db=postgres_url)
    assert listed.returncode == 0 and "landslide" in listed.stdout
    assert not (tmp_path / "postgresql:").exists()
