"""Reports and exports over a store: the JSON contract, flat tables, GeoJSON, and story fact sheets."""

from __future__ import annotations

from typing import TextIO

from rashomon.records import StoryView, content_id
from rashomon.report.export import (
    ExportStore,
    export_json,
    sheet_json,
    stories_json,
    story_json,
    story_lines,
    story_views,
    view_by_id,
    view_of_articles,
    write_json,
)
from rashomon.report.factsheet import fact_sheet, html, markdown
from rashomon.report.tables import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_rows,
    event_rows,
    geojson,
    to_csv,
    write_csv,
    write_geojson,
)
from rashomon.report.terminal import terminal

__all__ = [
    "CLAIM_COLUMNS", "EVENT_COLUMNS", "claim_rows", "event_rows", "export_json", "fact_sheet", "find_story",
    "geojson", "html", "markdown", "sheet_json", "stories_json", "story_json", "story_lines", "story_views",
    "terminal", "to_csv", "view_by_id", "write_export",
]  # fmt: skip


EXPORT_FORMATS = ("json", "csv", "events-csv", "geojson")


def write_export(store: ExportStore, fmt: str, out: TextIO) -> None:
    """The store in one of :data:`EXPORT_FORMATS`, written to ``out`` one story at a time (memory holds
    one story, whatever the size of the store)."""
    if fmt == "json":
        write_json(store, out)
    elif fmt == "geojson":
        write_geojson(story_views(store), out)
    elif fmt in ("csv", "events-csv"):
        rows, columns = (claim_rows, CLAIM_COLUMNS) if fmt == "csv" else (event_rows, EVENT_COLUMNS)
        write_csv((row for story in story_views(store) for row in rows([story])), columns, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")


def find_story(store: ExportStore, key: str) -> StoryView | None:
    """The story whose id starts with ``key`` (or that holds the article whose id does); None when
    nothing or more than one thing matches. Reads the one story, not the store."""
    linked = [s.id for s in store.stories() if s.id.startswith(key)]
    if len(linked) == 1:
        return view_by_id(store, linked[0])
    if linked:
        return None
    article = store.article(key)
    if article is None:
        return None
    story_id = store.story_of(article.id)
    if story_id is not None:
        return view_by_id(store, story_id)
    return view_of_articles(store, content_id("story", article.id), [article])


def biggest_story(store: ExportStore) -> StoryView | None:
    return max(story_views(store), key=lambda s: len(s.articles), default=None)
