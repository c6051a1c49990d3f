"""An ingest killed with SIGKILL at random points (while extracting, writing, linking or reconciling) loses
nothing, duplicates nothing and leaves every reconciled story consistent; running it again finishes it.
The same with four writers at once against PostgreSQL, each report coming from two of them."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from rashomon.link.reconcile import reconcile
from rashomon.store import SQLiteStore, open_store

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
        for story_id in (s.id for s in store.stories()):
            if story_id in stale:
                continue  # linked, not yet reconciled: the next run reconciles it
            stored, _ = store.reconciliation(story_id)
            fresh, _ = reconcile(story_id, store.story_claims(story_id), copies)
            assert sorted(s.claim_ids for s in stored) == sorted(s.claim_ids for s in fresh), story_id
        linked = sum(len(s.article_ids) for s in store.stories())
        counts = {"articles": len(ids), "claims": store.count("claims"), "linked": linked, "stale": len(stale)}
        if complete:
            assert len(ids) == expected and not stale and counts["linked"] == expected, counts
        return counts


def test_twenty_kills_at_random_points_lose_and_corrupt_nothing(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    expected = _corpus(feed)
    rng = random.Random(11)
    kills, rounds, states = 0, 0, []
    while kills < KILLS and rounds < 12:
        rounds += 1
        db = tmp_path / f"round{rounds}.sqlite"
        env = {**os.environ, "RASHOMON_BATCH_SIZE": "8", "RASHOMON_DB": str(db)}
        command = [sys.executable, "-m", "rashomon", "ingest", "--quiet", str(feed)]
        while kills < KILLS:
            proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(1.0, 6.0))
            if proc.poll() is not None:  # the run finished before this kill point: the round is complete
                assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
                _check(db, complete=True, expected=expected)
                break
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            if db.exists():
                states.append(_check(db, complete=False, expected=expected))
        else:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, done.stderr
            _check(db, complete=True, expected=expected)
    assert kills == KILLS
    # the kills landed in different phases: some before all articles were stored, some while linking
    assert any(s["articles"] < expected for s in states), states
    assert any(s["linked"] > 0 for s in states), states


def test_four_writers_killed_at_random_points_lose_and_corrupt_nothing_in_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    expected = _corpus(feed, 160)
    lines = feed.read_text().splitlines()
    parts = []
    for w in range(4):  # overlapping quarters: each report comes from two writers
        part = tmp_path / f"writer{w}.jsonl"
        part.write_text("\n".join(lines[(w * 40 + i) % len(lines)] for i in range(80)) + "\n")
        parts.append(part)
    env = {**os.environ, "RASHOMON_BATCH_SIZE": "8", "RASHOMON_DB": postgres_url}
    commands = [[sys.executable, "-m", "rashomon", "ingest", "--quiet", str(p)] for p in parts]
    rng = random.Random(13)
    kills, states = 0, []
    for _ in range(12):
        if kills >= KILLS:
            break
        procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
        for proc in procs:  # each writer killed at its own point
            time.sleep(rng.uniform(0.5, 2.5))
            if proc.poll() is None and kills < KILLS:
                proc.send_signal(signal.SIGKILL)
                kills += 1
        for proc in procs:
            proc.wait(timeout=600)
        states.append(_check(postgres_url, complete=False, expected=expected))
    assert kills == KILLS
    done = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    for proc in done:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    _check(postgres_url, complete=True, expected=expected)
    assert any(s["articles"] < expected for s in states), states
