from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rashomon.ingest import Metadata
from rashomon.pipeline import ingest
from rashomon.settings import Settings
from rashomon.store import SQLiteStore, open_store
from tests.conftest import DEMO, stored_records

GOOD = "Gunmen attacked the market on Monday, police said. Twelve people were hurt."


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    files = {
        "good.txt": GOOD.encode(),
        "other.txt": b"Floods closed the road to Dorsk on Tuesday, officials said.",
        "cp1252.txt": "Le préfet a déclaré que la route était coupée – «fermée» jusqu’à lundi.".encode("cp1252"),
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "huge.txt": b"word " * 3000,
        "furniture.txt": b"BREAKING NEWS\nLeave a Reply\n",
        "feed.jsonl": b'{"text": "A record from a feed, officials said."}\n{broken\n',
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder, folder / "does-not-exist.txt"]


def test_bad_inputs_are_refused_with_reasons_and_the_rest_is_stored(tmp_path: Path, store: SQLiteStore) -> None:
    report = ingest(_corpus(tmp_path / "in"), store, Settings(max_input_bytes=10_000, batch_size=2))
    reasons = {Path(r.origin).name: r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "image.txt", "huge.txt", "furniture.txt", "feed.jsonl:2", "does-not-exist.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "PNG" in reasons["image.txt"]
    assert "limit" in reasons["huge.txt"]
    assert "page furniture" in reasons["furniture.txt"]
    assert "not valid JSON" in reasons["feed.jsonl:2"]
    assert store.count("articles") == 4 == report.added
    assert store.count("rejections") == 6
    french = next(a for a in store.articles() if a.origin.endswith("cp1252.txt"))
    assert "préfet" in french.text and "«fermée»" in french.text and french.encoding != "utf-8"


def test_ingesting_twice_adds_no_rows(tmp_path: Path, store: SQLiteStore) -> None:
    paths = _corpus(tmp_path / "in")
    settings = Settings(max_input_bytes=10_000)
    first = ingest(paths, store, settings)
    counts = (store.count("articles"), store.count("rejections"))
    second = ingest(paths, store, settings)
    assert (store.count("articles"), store.count("rejections")) == counts
    assert second.added == 0 and second.already_stored == first.added


def test_user_metadata_wins_over_what_the_text_says(tmp_path: Path, store: SQLiteStore) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Title here\n\n1 May 2025\n\nBody text, officials said.\n")
    ingest([path], store, Settings(), given=Metadata(outlet="Given", published=None))
    [a] = store.articles()
    assert a.outlet == "Given" and a.published is not None and a.published.isoformat() == "2025-05-01"


def test_an_ingest_killed_mid_batch_is_finished_by_running_it_again(tmp_path: Path) -> None:
    n = 3_000
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": f"Report number {i}: the council met on Monday, officials said."}) + "\n")
    db = tmp_path / "kill.sqlite"
    env = {**os.environ, "RASHOMON_BATCH_SIZE": "10", "RASHOMON_DB": str(db)}
    command = [sys.executable, "-m", "rashomon", "ingest", "--quiet", str(feed)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = _wait_for_rows(db, at_least=50, proc=proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the ingest must be killed part-way for this test to mean anything"
    assert _integrity(db) == "ok"
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open_store(db) as s:
        assert s.count("articles") == n
        assert s.integrity_check() == "ok"
        assert len({a.id for a in s.articles()}) == n


def _wait_for_rows(db: Path, at_least: int, proc: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as con:
                count = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            if count >= at_least:
                return count
        except sqlite3.OperationalError:
            pass  # the schema is not there yet
        time.sleep(0.01)
    return -1


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def test_selective_nlp_stores_the_same_records_as_full_parsing_on_the_demo_corpus(tmp_path: Path) -> None:
    records = []
    for selective in (True, False):
        with open_store(tmp_path / f"selective-{selective}.sqlite") as store:
            report = ingest([DEMO], store, Settings(selective_nlp=selective))
            assert report.added > 0
            records.append(stored_records(store))
    assert records[0] == records[1]


def test_a_text_too_long_for_spacy_is_refused_and_the_rest_is_stored(tmp_path: Path, store: SQLiteStore) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "book.txt").write_text("The rebels fled from the town on Monday. " * 30_000)  # 1.2 M characters
    (tmp_path / "in" / "news.txt").write_text("Officials said 120 detainees escaped from the prison on Monday.")
    report = ingest([tmp_path / "in"], store, Settings())
    assert report.added == 1
    [refusal] = report.rejected
    assert refusal.origin.endswith("book.txt") and "max_article_chars" in refusal.reason
