"""An ingest killed with SIGKILL at random points (while extracting, writing, linking or reconciling) loses
nothing, duplicates nothing and leaves every reconciled story consistent; running it again finishes it.
The same with four writers at once against PostgreSQL, each report coming from two of them."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rashomon.link.reconcile import reconcile
from rashomon.store import SQLiteStore, open_store
from tests.pg_server import PostgresServer

KILLS = 20
STORIES = (
    "Floods in the Varna valley killed {n} people on {day}, the regional governor said. Rescuers from "
    "Kestograd were still searching for {m} missing, a spokesperson for the civil defence told reporters.",
    "A fire destroyed {n} homes in the old quarter of Dorsk on {day}, the fire service said. About {m} "
    "residents spent the night in a school, according to the mayor.",
    "Police arrested {n} people after clashes outside the parliament in Lumeria on {day}, the interior "
    "ministry said. Organisers said {m} protesters had been injured.",
    "The strike at the Brava port entered its {n}th day on {day}; the union said {m} workers had joined it, "
    "while the port authority put the figure at {k}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _corpus(path: Path, n: int = 240) -> int:
    """``n`` reports of four stories, with figures and speakers, as JSON Lines."""
    rng = random.Random(5)
    with path.open("w") as fh:
        for i in range(n):
            text = STORIES[i % len(STORIES)].format(
                n=rng.randint(3, 40), m=rng.randint(50, 900), k=rng.randint(50, 900), day=rng.choice(DAYS)
            )
            record = {"text": f"{text} Report {i}.", "outlet": f"Wire {i % 6}", "published": f"2026-02-{1 + i % 5:02d}"}
            fh.write(json.dumps(record) + "\n")
    return n


def _check(db: Path | str, complete: bool, expected: int) -> dict[str, int]:
    """The store's invariants after a kill (or, ``complete``, after a run that finished)."""
    with open_store(db) as store:
        if isinstance(store, SQLiteStore):
            assert store.integrity_check() == "ok"
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids)) <= expected
        copies = store.copies()
        stale = set(store.stale_stories())
        stories = store.stories()
        for story_id in (s.id for s in stories if s.id not in stale):  # a stale story: the next run reconciles it
            stored, _ = store.reconciliation(story_id)
            fresh, _ = reconcile(story_id, store.story_claims(story_id), copies)
            assert sorted(s.claim_ids for s in stored) == sorted(s.claim_ids for s in fresh), story_id
        linked = sum(len(s.article_ids) for s in stories)
        counts = {"articles": len(ids), "claims": store.count("claims"), "linked": linked, "stale": len(stale)}
        if complete:
            assert len(ids) == expected and not stale and counts["linked"] == expected, counts
        return counts


def _run(commands: list[list[str]], env: dict[str, str]) -> float:
    """Run ``commands`` at once to completion; the seconds they took."""
    started = time.monotonic()
    procs = _start(commands, env)
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    return time.monotonic() - started


def _start(commands: list[list[str]], env: dict[str, str]) -> list[subprocess.Popen[str]]:
    """Start ``commands`` at once."""
    out = subprocess.DEVNULL
    return [subprocess.Popen(c, env=env, stdout=out, stderr=subprocess.PIPE, text=True) for c in commands]


def _kill_at(procs: list[subprocess.Popen[str]], delays: list[float]) -> int:
    """Kill each process at its delay (seconds from now) unless it has ended; how many were killed."""
    started, killed = time.monotonic(), 0
    for proc, delay in sorted(zip(procs, delays, strict=True), key=lambda pd: pd[1]):
        time.sleep(max(0.0, started + delay - time.monotonic()))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
    for proc in procs:
        proc.wait(timeout=600)
    return killed


def _wait_for_linking(db: Path, proc: subprocess.Popen[str]) -> None:
    """Until the ingest writing ``db`` has linked an article to a story, or has ended."""
    while proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as con:
                if con.execute("SELECT count(*) FROM story_articles").fetchone()[0]:
                    return
        except sqlite3.OperationalError:
            pass  # the schema is not there yet
        time.sleep(0.01)


def _ingest(feed: Path) -> list[str]:
    return [sys.executable, "-m", "rashomon", "ingest", "--quiet", str(feed)]


def test_twenty_kills_at_random_points_lose_and_corrupt_nothing(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    expected = _corpus(feed)
    env = {**os.environ, "RASHOMON_BATCH_SIZE": "8"}
    whole = _run([_ingest(feed)], env | {"RASHOMON_DB": str(tmp_path / "whole.sqlite")})  # how long a run takes
    _check(tmp_path / "whole.sqlite", complete=True, expected=expected)
    rng = random.Random(11)
    kills, states = 0, []
    for round_ in range(40):  # each round a fresh store: killed once or twice part-way, then finished
        if kills >= KILLS:
            break
        db = tmp_path / f"round{round_}.sqlite"
        round_env = env | {"RASHOMON_DB": str(db)}
        if round_ % 3 == 2:  # every third round: killed once linking has begun (the end of a run, a small share)
            proc = _start([_ingest(feed)], round_env)[0]
            _wait_for_linking(db, proc)
            kills += _kill_at([proc], [rng.uniform(0.0, 0.3)])
            states.append(_check(db, complete=False, expected=expected))
        for share in (rng.uniform(0.15, 0.95), rng.uniform(0.15, 0.7)):
            if kills >= KILLS or not _kill_at(_start([_ingest(feed)], round_env), [share * whole]):
                break
            kills += 1
            states.append(_check(db, complete=False, expected=expected))
        _run([_ingest(feed)], round_env)
        _check(round_env["RASHOMON_DB"], complete=True, expected=expected)
    assert kills >= KILLS
    # the kills landed in different phases: some before all articles were stored, some while linking
    assert any(s["articles"] < expected for s in states), states
    assert any(s["linked"] > 0 for s in states), states


def test_four_writers_killed_at_random_points_lose_and_corrupt_nothing_in_postgresql(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    feed = tmp_path / "feed.jsonl"
    expected = _corpus(feed, 160)
    lines = feed.read_text().splitlines()
    commands = []
    for w in range(4):  # overlapping quarters: each report comes from two writers
        part = tmp_path / f"writer{w}.jsonl"
        part.write_text("\n".join(lines[(w * 40 + i) % len(lines)] for i in range(80)) + "\n")
        commands.append(_ingest(part))
    env = {**os.environ, "RASHOMON_BATCH_SIZE": "8"}
    whole_url = postgres_server.database()
    whole = _run(commands, env | {"RASHOMON_DB": whole_url})
    _check(whole_url, complete=True, expected=expected)
    rng = random.Random(13)
    kills, states = 0, []
    for _ in range(20):  # each round a fresh database: four writers, each killed at its own point, then rerun
        if kills >= KILLS:
            break
        url = postgres_server.database()
        round_env = env | {"RASHOMON_DB": url}
        procs = [
            subprocess.Popen(c, env=round_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands
        ]
        kills += _kill_at(procs, [rng.uniform(0.15, 0.9) * whole for _ in procs])  # type: ignore[arg-type]
        states.append(_check(url, complete=False, expected=expected))
        _run(commands, round_env)
        _check(url, complete=True, expected=expected)
    assert kills >= KILLS
    assert any(s["articles"] < expected for s in states), states
