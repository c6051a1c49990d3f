"""The JSON export is strict JSON, and carries bounds, frames, figures and stances as docs/export.md says."""

from __future__ import annotations

import json
from pathlib import Path

from rashomon.pipeline import ingest
from rashomon.report import export_json, fact_sheet, markdown
from rashomon.settings import Settings
from rashomon.store import SQLiteStore


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
    assert "≥ 53" in markdown(fact_sheet(data["stories"][0]))
