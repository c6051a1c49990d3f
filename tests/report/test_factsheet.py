from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from rashomon.pipeline import ingest
from rashomon.records import FactSheet, StoryView
from rashomon.report import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_rows,
    event_rows,
    fact_sheet,
    geojson,
    html,
    markdown,
    story_views,
    to_csv,
)  # fmt: skip
from rashomon.settings import Settings
from rashomon.store import open_store
from tests.conftest import needs_seeds

HOSTILE = (
    "Flood hits <b>town</b>\n\n2 May 2025\n\n"
    "Officials said 40 people <script>alert('x')</script> were killed when the river <img src=x onerror=alert(1)> "
    "burst its banks on Monday, the mayor told reporters.\n"
)


@needs_seeds()
def test_markdown_shows_the_conflict_with_both_speakers_and_the_relay(seed_sheet: FactSheet) -> None:
    md = markdown(seed_sheet)
    conflict = md[md.index("### Escaped") : md.index("###", md.index("### Escaped") + 4)]
    assert "CONFLICT" in conflict
    assert "| 120 |" in conflict and "interior ministry" in conflict
    assert "around 1,500" in conflict and "Farhad Shami (SDF spokesperson)" in conflict and "| Rudaw |" in conflict


@needs_seeds()
def test_markdown_shows_the_derived_39_with_its_arithmetic(seed_sheet: FactSheet) -> None:
    assert "Still at large = 39" in markdown(seed_sheet) and "escaped - recaptured (120 - 81)" in markdown(seed_sheet)


@needs_seeds()
def test_the_byline_signal_is_on_the_trn_report(seed_sheet: FactSheet) -> None:
    trn = next(s for s in seed_sheet.sources if s.published == "2026-01-23")
    assert any(x.name == "byline-beat-mismatch" and "film, television" in x.evidence for x in trn.signals)
    assert "byline-beat-mismatch" in markdown(seed_sheet)


@needs_seeds()
def test_html_has_the_same_facts_and_parses(seed_sheet: FactSheet) -> None:
    page = html(seed_sheet)
    _parse(page)
    assert "CONFLICT" in page and "Farhad Shami (SDF spokesperson)" in page and "Rudaw" in page
    assert "Still at large = 39" in page and "byline-beat-mismatch" in page


def test_all_article_text_in_the_html_is_escaped(tmp_path: Path) -> None:
    report = tmp_path / "hostile.txt"
    report.write_text(HOSTILE, encoding="utf-8")
    with open_store(tmp_path / "s.sqlite") as store:
        ingest([report], store, Settings())
        [story] = story_views(store)
    page = html(fact_sheet(story))
    tags = _parse(page)
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;" in page and "&lt;b&gt;town&lt;/b&gt;" in page


@needs_seeds()
def test_claims_csv_round_trips(seed_views: list[StoryView]) -> None:
    rows = claim_rows(seed_views)
    back = list(csv.DictReader(io.StringIO(to_csv(rows, CLAIM_COLUMNS))))
    assert len(back) == len(rows) and tuple(back[0]) == CLAIM_COLUMNS
    for row, read in zip(rows, back, strict=True):
        assert read["evidence"] == row["evidence"] and float(read["low"]) == row["low"]
        assert read["claim_id"] and read["article_id"]


@needs_seeds()
def test_events_csv_has_acled_columns_and_round_trips(seed_views: list[StoryView]) -> None:
    rows = event_rows(seed_views)
    back = list(csv.DictReader(io.StringIO(to_csv(rows, EVENT_COLUMNS))))
    assert tuple(back[0])[:12] == (
        "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude",
        "geo_precision", "time_precision", "source", "notes",
    )  # fmt: skip
    escape = next(r for r in back if r["sub_event_type"] == "escape" and r["event_date"] == "2026-01-19")
    assert escape["location"] == "al-Shaddadi prison" and escape["article_ids"] and escape["notes"]


@needs_seeds()
def test_geojson_is_a_feature_collection_in_lon_lat_order(seed_views: list[StoryView]) -> None:
    data = json.loads(json.dumps(geojson(seed_views)))
    assert data["type"] == "FeatureCollection" and data["features"]
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["article_ids"] and f["properties"]["notes"]
    escape = next(f for f in data["features"] if f["properties"]["sub_event_type"] == "escape")
    lon, lat = escape["geometry"]["coordinates"]
    assert 40 < lon < 42 and 35 < lat < 37  # al-Shaddadi: longitude first


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        assert not any(name.startswith("on") for name, _ in attrs), f"event handler attribute on <{tag}>"


def _parse(page: str) -> set[str]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


@needs_seeds()
def test_the_number_at_large_reads_as_the_ministrys_derived_39_beside_the_unsourced_several(
    seeds_export: dict[str, Any],
) -> None:
    [story] = seeds_export["stories"]
    claims = {c["id"]: c for c in story["claims"]}
    [slot] = [s for s in story["slots"] if s["predicate"] == "at_large"]
    assert slot["status"] == "evolving" and slot["consensus"] == {"low": 39.0, "high": 39.0}
    assert [claims[i]["value"]["text"] for i in slot["claim_ids"]] == ["several"] and slot["derived_ids"]


def test_the_seed_reports_escape_is_found_in_both_and_no_event_comes_from_risks(seeds_export: dict[str, Any]) -> None:
    [story] = seeds_export["stories"]
    escapes = [e for e in story["events"] if e["type"] == "escape" and e["date"] == "2026-01-19"]
    assert escapes and len({m["article_id"] for e in escapes for m in e["mentions"]}) == 2
    assert not any(e["type"] == "threaten" for e in story["events"])  # "threats posed by ISIS remnants" is a risk
