"""Reports and exports over a store: the JSON contract, flat tables, GeoJSON, and story fact sheets."""

from __future__ import annotations

from typing import Any

from rashomon.report.export import ExportStore, export_json, stories_json, story_by_id
from rashomon.report.factsheet import fact_sheet, html, markdown
from rashomon.report.tables import CLAIM_COLUMNS, EVENT_COLUMNS, claim_rows, event_rows, geojson, to_csv
from rashomon.report.terminal import terminal

__all__ = [
    "CLAIM_COLUMNS", "EVENT_COLUMNS", "claim_rows", "event_rows", "export_json", "fact_sheet", "find_story",
    "geojson", "html", "markdown", "stories_json", "story_by_id", "terminal", "to_csv",
]  # fmt: skip


def find_story(store: ExportStore, key: str) -> dict[str, Any] | None:
    """The story whose id starts with ``key`` (or that holds the article whose id does), as exported."""
    linked = [s.id for s in store.stories() if s.id.startswith(key)]
    if len(linked) == 1:
        return story_by_id(store, linked[0])
    stories = list(stories_json(store))
    hits = [s for s in stories if s["id"].startswith(key)]
    hits = hits or [s for s in stories if any(a["id"].startswith(key) for a in s["articles"])]
    return hits[0] if len(hits) == 1 else None


def biggest_story(store: ExportStore) -> dict[str, Any] | None:
    stories = stories_json(store)
    return max(stories, key=lambda s: len(s["articles"]), default=None)
