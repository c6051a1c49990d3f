from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CNN_SEED, SEEDS, TRN_SEED, needs_seeds, run_cli


def test_ingest_then_list_show_and_export(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    report = tmp_path / "r.txt"
    report.write_text("Bridge closed\n\nThe bridge closed on Friday, engineers said.\n")
    done = run_cli("ingest", str(report), "--outlet", "Harbour Times", "--published", "2025-05-02", db=db)
    assert done.returncode == 0, done.stderr
    assert "1 new article" in done.stdout
    listing = run_cli("articles", db=db)
    assert "Harbour Times" in listing.stdout and "2025-05-02" in listing.stdout
    data = json.loads(run_cli("export", "--format", "json", db=db).stdout)
    [story] = data["stories"]
    [article] = story["articles"]
    assert article["title"] == "Bridge closed" and article["outlet"] == "Harbour Times"
    assert {"entities", "events", "claims", "slots", "derived", "signals"} <= set(story)
    shown = run_cli("show", article["id"][:8], db=db)
    assert "The bridge closed on Friday" in shown.stdout


def test_refused_inputs_set_the_exit_status_and_are_listed(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("The bridge closed on Friday, engineers said.")
    empty.write_text("")
    done = run_cli("ingest", str(good), str(empty), str(tmp_path / "missing.txt"), db=db)
    assert done.returncode == 1
    assert "2 refused" in done.stdout and "empty.txt" in done.stdout and "missing.txt" in done.stdout
    rejected = run_cli("rejected", db=db).stdout
    assert "empty input" in rejected and "no such file" in rejected


def test_a_50_mb_file_is_refused_by_the_default_limit(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.write(b"The council met again on Monday, officials said. " * (50 * 1024 * 1024 // 50))
    done = run_cli("ingest", str(huge), db=db)
    assert done.returncode == 1
    assert "over the" in done.stdout and "limit" in done.stdout
    assert "0 new article" in done.stdout


def test_db_flag_beats_environment_variable(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("The bridge closed on Friday, engineers said.")
    env_db, flag_db = tmp_path / "env.sqlite", tmp_path / "flag.sqlite"
    import os

    env = {**os.environ, "RASHOMON_DB": str(env_db)}
    subprocess.run([sys.executable, "-m", "rashomon", "ingest", str(report)], env=env, check=True, capture_output=True)
    assert env_db.exists() and not flag_db.exists()
    run_cli("ingest", str(report), db=flag_db, env=env)
    assert flag_db.exists()


def test_errors_are_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    bad_db = tmp_path / "not-a-db.sqlite"
    bad_db.write_bytes(b"x" * 4096)
    done = run_cli("articles", db=bad_db)
    assert done.returncode == 2
    assert "not a usable Rashomon store" in done.stderr and "Traceback" not in done.stderr


def test_unknown_article_is_reported(tmp_path: Path) -> None:
    done = run_cli("show", "ffff", db=tmp_path / "s.sqlite")
    assert done.returncode == 2 and "no single article" in done.stdout


@needs_seeds()
def test_seed_metadata_and_cleaning_pass_the_seed_checker(tmp_path: Path) -> None:
    db = tmp_path / "seeds.sqlite"
    done = run_cli("ingest", str(TRN_SEED), str(CNN_SEED), db=db)
    assert done.returncode == 0, done.stdout + done.stderr
    export = tmp_path / "export.json"
    assert run_cli("export", "--format", "json", "--output", str(export), db=db).returncode == 0
    data = json.loads(export.read_text())
    articles = {Path(a["origin"]).name: a for s in data["stories"] for a in s["articles"]}
    assert articles[CNN_SEED.name]["outlet"] == "CNN"
    assert articles[CNN_SEED.name]["published"] == "2026-01-20"
    assert articles[TRN_SEED.name]["published"] == "2026-01-23"
    assert articles[TRN_SEED.name]["byline"] == "Sofia Martinez"
    assert "film, television" in articles[TRN_SEED.name]["author_bio"]
    verdicts = _check(export)
    for fact in ("published-cnn", "published-trn", "boilerplate-trn"):
        assert verdicts.get(fact) == "pass", f"{fact}: {verdicts.get(fact)}"


def _check(export: Path) -> dict[str, str]:
    """Run the seeds' own checker; {fact id: 'pass' | 'MISS'}."""
    out = subprocess.run(
        [sys.executable, str(SEEDS / "check.py"), str(export), "--verbose"], capture_output=True, text=True
    ).stdout
    verdicts = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("pass", "MISS"):
            fact = parts[2] if parts[1] == "(optional)" else parts[1]
            verdicts[fact] = parts[0]
    return verdicts


def test_bulk_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"text": f"Rescuers said {n} people were missing after floods in Sittwe on Monday.", "published": "2026-02-02"}
        for n in (12, 14, 30)
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    one = run_cli("ingest", str(feed), "--quiet", db=tmp_path / "one.sqlite")
    two = run_cli("ingest", str(feed), "--quiet", "--workers", "2", db=tmp_path / "two.sqlite")
    assert one.returncode == two.returncode == 1  # one line refused, the rest stored
    assert "3 new article(s)" in two.stdout and "1 refused" in two.stdout
    exports = [json.loads(run_cli("export", db=tmp_path / f"{n}.sqlite").stdout) for n in ("one", "two")]
    assert exports[0]["stories"] == exports[1]["stories"] and "Sittwe" in json.dumps(exports[0])
    assert [r["reason"] for r in exports[0]["rejected"]] == [r["reason"] for r in exports[1]["rejected"]]


def test_a_scheduler_without_the_dask_engine_is_a_clear_error(tmp_path: Path) -> None:
    done = run_cli("ingest", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1", db=tmp_path / "s.sqlite")
    assert done.returncode == 2 and "--engine dask" in done.stderr


def test_the_eval_command_offers_every_task_the_library_has() -> None:
    from rashomon.cli import EVAL_TASKS
    from rashomon.eval import TASKS

    assert sorted(EVAL_TASKS) == sorted(TASKS)


def test_a_store_in_a_folder_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Twelve people were hurt, police said.", encoding="utf-8")
    missing = tmp_path / "no" / "such" / "x.sqlite"
    done = run_cli("ingest", str(report), db=missing)
    assert done.returncode == 2 and "no folder" in done.stderr + done.stdout
    assert not (tmp_path / "no").exists()  # nothing was made


def test_ingest_says_which_encoding_it_chose_when_it_was_not_plain_utf8(tmp_path: Path) -> None:
    report = tmp_path / "damaged.txt"
    report.write_bytes("Le café du coin".encode() + b" \xff\xfe: twelve people were hurt.")
    done = run_cli("ingest", str(report), db=tmp_path / "s.sqlite")
    assert done.returncode == 0 and "decoded" in done.stdout and "invalid byte sequence(s) replaced" in done.stdout
