"""The JSON export is strict JSON, and carries bounds, frames, figures and stances as docs/export.md says."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.demo import run_demo
from rashomon.pipeline import ingest
from rashomon.report import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_rows,
    event_rows,
    export_json,
    fact_sheet,
    geojson,
    markdown,
    story_views,
    to_csv,
    write_export,
)
from rashomon.settings import Settings
from rashomon.store import SQLiteStore, SQLStore


def test_an_unbounded_figure_exports_as_null_and_reads_as_at_least(tmp_path: Path, store: SQLiteStore) -> None:
    report = tmp_path / "blast.txt"
    report.write_text(
        "Blast kills dozens in Dorsk\n\nAt least 53 people were killed in a blast in Dorsk on Monday, police said. "
        "Officials warned that thousands of people could be displaced.\n",
        encoding="utf-8",
    )
    ingest([report], store, Settings(db=str(tmp_path / "s.sqlite")))
    data = export_json(store)
    json.dumps(data, allow_nan=False)  # strict JSON: no Infinity anywhere
    claims = {c["value"]["text"]: c for s in data["stories"] for c in s["claims"]}
    at_least = claims["At least 53"]
    assert at_least["value"]["low"] == 53 and at_least["value"]["high"] is None
    assert at_least["frame"]["measure"] == "killed" and at_least["figure"] is not None
    assert claims["thousands"]["stance"] == "projected"
    assert "≥ 53" in markdown(fact_sheet(next(story_views(store))))


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLStore]:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store, _ = run_demo(Settings(db=str(db)), db)
    with store:
        yield store


def test_the_streamed_json_export_is_the_in_memory_one(demo_store: SQLStore) -> None:
    out = io.StringIO()
    write_export(demo_store, "json", out)
    assert json.loads(out.getvalue()) == json.loads(json.dumps(export_json(demo_store)))


def test_the_streamed_tables_and_geojson_are_the_in_memory_ones(demo_store: SQLStore) -> None:
    stories = list(story_views(demo_store))
    for fmt, expected in (
        ("csv", to_csv(claim_rows(stories), CLAIM_COLUMNS)),
        ("events-csv", to_csv(event_rows(stories), EVENT_COLUMNS)),
        ("geojson", json.dumps(geojson(stories))),
    ):
        out = io.StringIO()
        write_export(demo_store, fmt, out)
        if fmt == "geojson":
            assert json.loads(out.getvalue()) == json.loads(expected)
        else:
            assert out.getvalue() == expected and expected.count("\n") > 1


def test_an_unknown_export_format_is_refused(demo_store: SQLStore) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(demo_store, "xml", io.StringIO())
