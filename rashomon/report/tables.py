"""Flat exports, made at the edge from typed stories: claims and events as CSV (events in ACLED-like
columns), events as GeoJSON points."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TextIO

from rashomon.records import StoryView
from rashomon.report.values import bound

Row = dict[str, Any]  # a CSV row or a GeoJSON feature: the edge

CLAIM_COLUMNS = (
    "story_id",
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "predicate",
    "subject",
    "value_text",
    "low",
    "high",
    "approximate",
    "speaker",
    "speaker_role",
    "via",
    "as_of",
    "stance",
    "slot_status",
    "event_id",
    "evidence",
)
EVENT_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "story_id",
    "event_id",
    "article_ids",
    "modality",
)
PLOVER_TO_ACLED = {  # ACLED's event types for the PLOVER categories conflict reporting uses most
    "ASSAULT": "Violence against civilians",
    "FIGHT": "Battles",
    "COERCE": "Strategic developments",
    "RETREAT": "Strategic developments",
    "PROTEST": "Protests",
    "MOBILIZE": "Strategic developments",
}


def claim_rows(stories: Iterable[StoryView]) -> list[Row]:
    """Every claim of ``stories`` as a row of :data:`CLAIM_COLUMNS`."""
    rows = []
    for story in stories:
        articles = {a.id: a for a in story.articles}
        status = {cid: s.status for s in story.slots for cid in s.claim_ids}
        for c in story.claims:
            a = articles.get(c.article_id)
            rows.append(
                {
                    "story_id": story.id,
                    "claim_id": c.id,
                    "article_id": c.article_id,
                    "outlet": a.outlet if a else None,
                    "published": _iso(a.published) if a else None,
                    "predicate": c.predicate,
                    "subject": c.subject,
                    "value_text": c.value.text,
                    "low": c.value.low,
                    "high": bound(c.value.high),
                    "approximate": c.value.approximate,
                    "speaker": c.speaker.name if c.speaker else None,
                    "speaker_role": c.speaker.role if c.speaker else None,
                    "via": " < ".join(c.via),
                    "as_of": _iso(c.as_of),
                    "stance": c.stance,
                    "slot_status": status.get(c.id),
                    "event_id": c.event_id,
                    "evidence": c.evidence.text_in(a.text) if a else "",
                }
            )
    return rows


def event_rows(stories: Iterable[StoryView]) -> list[Row]:
    """Every event of ``stories`` as a row of :data:`EVENT_COLUMNS` (ACLED-like)."""
    rows = []
    for story in stories:
        entities = {e.id: e for e in story.entities}
        articles = {a.id: a for a in story.articles}
        for e in story.events:
            place = entities.get(e.place or "")
            geo = place.geo if place else None
            actors = [entities[a].name if a in entities else a for a in e.actors]
            ids = sorted({m.article_id for m in e.mentions})
            first = e.mentions[0]
            rows.append(
                {
                    "event_date": _iso(e.date),
                    "event_type": PLOVER_TO_ACLED.get(e.sub_type or "", e.sub_type),
                    "sub_event_type": e.type,
                    "actor1": actors[0] if actors else None,
                    "actor2": actors[1] if len(actors) > 1 else None,
                    "location": place.name if place else None,
                    "latitude": geo.lat if geo else None,
                    "longitude": geo.lon if geo else None,
                    "geo_precision": geo.precision if geo else None,
                    "time_precision": e.date_precision,
                    "source": "; ".join(sorted({articles[i].outlet or "?" for i in ids if i in articles})),
                    "notes": first.text_in(articles[first.article_id].text),
                    "story_id": story.id,
                    "event_id": e.id,
                    "article_ids": " ".join(ids),
                    "modality": e.modality,
                }
            )
    return rows


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def to_csv(rows: Iterable[Row], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    write_csv(rows, columns, buf)
    return buf.getvalue()


def write_csv(rows: Iterable[Row], columns: tuple[str, ...], out: TextIO) -> None:
    """``rows`` as CSV with a header, written as they come (None as an empty cell)."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def features(stories: Iterable[StoryView]) -> Iterator[Row]:
    """The events that have a placed location as GeoJSON features, coordinates in [lon, lat] order."""
    for row in event_rows(stories):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": props,
        }


def geojson(stories: Iterable[StoryView]) -> Row:
    """A FeatureCollection of the events that have a placed location."""
    return {"type": "FeatureCollection", "features": list(features(stories))}


def write_geojson(stories: Iterable[StoryView], out: TextIO) -> None:
    """The FeatureCollection of ``stories``' placed events, written one story at a time."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for story in stories:
        for f in features([story]):
            out.write(("" if first else ",") + "\n" + json.dumps(f, ensure_ascii=False, allow_nan=False))
            first = False
    out.write("\n]}\n")
