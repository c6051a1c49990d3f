"""Flat exports: claims and events as CSV (events in ACLED-like columns), events as GeoJSON points."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

Json = dict[str, Any]

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


def _outlets(story: Json) -> dict[str, Json]:
    return {a["id"]: a for a in story["articles"]}


def claim_rows(export: Json) -> list[Json]:
    rows = []
    for story in export["stories"]:
        articles = _outlets(story)
        status = {cid: s["status"] for s in story["slots"] for cid in s["claim_ids"]}
        for c in story["claims"]:
            a = articles.get(c["article_id"], {})
            sp = c["speaker"] or {}
            rows.append(
                {
                    "story_id": story["id"],
                    "claim_id": c["id"],
                    "article_id": c["article_id"],
                    "outlet": a.get("outlet"),
                    "published": a.get("published"),
                    "predicate": c["predicate"],
                    "subject": c["subject"],
                    "value_text": c["value"]["text"],
                    "low": c["value"]["low"],
                    "high": c["value"]["high"],
                    "approximate": c["value"]["approximate"],
                    "speaker": sp.get("name"),
                    "speaker_role": sp.get("role"),
                    "via": " < ".join(c["via"]),
                    "as_of": c["as_of"],
                    "stance": c["stance"],
                    "slot_status": status.get(c["id"]),
                    "event_id": c["event_id"],
                    "evidence": c["evidence"],
                }
            )
    return rows


def event_rows(export: Json) -> list[Json]:
    rows = []
    for story in export["stories"]:
        entities = {e["id"]: e for e in story["entities"]}
        articles = _outlets(story)
        for e in story["events"]:
            place = entities.get(e.get("place") or "", {})
            geo = place.get("geo") or {}
            actors = [entities.get(a, {}).get("name", a) for a in e.get("actors", [])]
            ids = sorted({m["article_id"] for m in e["mentions"]})
            rows.append(
                {
                    "event_date": e.get("date"),
                    "event_type": PLOVER_TO_ACLED.get(e.get("plover") or "", e.get("plover")),
                    "sub_event_type": e["type"],
                    "actor1": actors[0] if actors else None,
                    "actor2": actors[1] if len(actors) > 1 else None,
                    "location": place.get("name"),
                    "latitude": geo.get("lat"),
                    "longitude": geo.get("lon"),
                    "geo_precision": geo.get("precision"),
                    "time_precision": e.get("date_precision"),
                    "source": "; ".join(sorted({articles[i].get("outlet") or "?" for i in ids if i in articles})),
                    "notes": e["mentions"][0]["evidence"],
                    "story_id": story["id"],
                    "event_id": e["id"],
                    "article_ids": " ".join(ids),
                    "modality": e.get("modality", "asserted"),
                }
            )
    return rows


def to_csv(rows: Iterable[Json], columns: tuple[str, ...]) -> str:
    buf = io.StringIO()
    write_csv(rows, columns, buf)
    return buf.getvalue()


def write_csv(rows: Iterable[Json], columns: tuple[str, ...], out: TextIO) -> None:
    """``rows`` as CSV with a header, written as they come (None as an empty cell)."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def features(export: Json) -> Iterator[Json]:
    """The events that have a placed location as GeoJSON features, coordinates in [lon, lat] order."""
    for row in event_rows(export):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": props,
        }


def geojson(export: Json) -> Json:
    """A FeatureCollection of the events that have a placed location."""
    return {"type": "FeatureCollection", "features": list(features(export))}


def write_geojson(stories: Iterable[Json], out: TextIO) -> None:
    """The FeatureCollection of ``stories``' placed events, written one story at a time."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for story in stories:
        for f in features({"stories": [story]}):
            out.write(("" if first else ",") + "\n" + json.dumps(f, ensure_ascii=False, allow_nan=False))
            first = False
    out.write("\n]}\n")
