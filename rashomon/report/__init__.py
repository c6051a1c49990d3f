"""Reports and exports over a store: the JSON contract, flat tables, GeoJSON, and story fact sheets."""

from __future__ import annotations

from typing import Any

from rashomon.report.export import ExportStore, export_json
from rashomon.report.factsheet import fact_sheet, html, markdown, terminal
from rashomon.report.tables import CLAIM_COLUMNS, EVENT_COLUMNS, claim_rows, event_rows, geojson, to_csv

__all__ = [
    "CLAIM_COLUMNS", "EVENT_COLUMNS", "claim_rows", "event_rows", "export_json", "fact_sheet", "find_story",
    "geojson", "html", "markdown", "terminal", "to_csv",
]  # fmt: skip


def find_story(store: ExportStore, key: str) -> dict[str, Any] | None:
    """The story whose id starts with ``key`` (or that holds the article whose id does), as exported."""
    stories = export_json(store)["stories"]
    hits = [s for s in stories if s["id"].startswith(key)]
    hits = hits or [s for s in stories if any(a["id"].startswith(key) for a in s["articles"])]
    return hits[0] if len(hits) == 1 else None


def biggest_story(store: ExportStore) -> dict[str, Any] | None:
    stories = export_json(store)["stories"]
    return max(stories, key=lambda s: len(s["articles"]), default=None)
