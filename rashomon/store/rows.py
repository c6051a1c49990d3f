"""Records to table rows and back, shared by every SQL store."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

import orjson

from rashomon.records import (
    Attribution,
    Claim,
    Derived,
    Entity,
    Event,
    Frame,
    Geo,
    Interval,
    Mention,
    Quantity,
    Slot,
    Span,
    Speaker,
    Value,
)  # fmt: skip

Row = tuple[Any, ...]


CHUNK = 500  # ids per IN (...) list: well under both engines' parameter limits


def loads(raw: str | bytes) -> Any:
    """JSON text as data: orjson's decoder (several times the standard one's speed on the many small
    documents a story's rows hold), and the standard one for what only it reads (NaN, Infinity)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def marks(n: int) -> str:
    """``n`` parameter marks for an IN (...) list."""
    return ", ".join("?" * n)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _span(s: Span | None) -> list[int] | None:
    return [s.start, s.end] if s else None


def _unspan(article_id: str, v: list[int] | None) -> Span | None:
    return Span(article_id, v[0], v[1]) if v else None


def _speaker(s: Speaker | None) -> str | None:
    return json.dumps({"name": s.name, "role": s.role, "entity_id": s.entity_id}, ensure_ascii=False) if s else None


def _unspeaker(raw: str | None) -> Speaker | None:
    if not raw:
        return None
    d = loads(raw)
    return Speaker(d["name"], d.get("role"), d.get("entity_id"))


def entity_row(e: Entity) -> Row:
    geo = json.dumps([e.geo.lat, e.geo.lon, e.geo.precision, e.geo.geonames_id]) if e.geo else None
    return (e.id, e.name, e.type, geo)


def entity_from(row: Row, aliases: list[str]) -> Entity:
    geo = loads(row[3]) if row[3] else None
    return Entity(row[0], row[1], row[2], tuple(sorted(aliases)), Geo(*geo) if geo else None)


def mention_row(m: Mention) -> Row:
    return (m.id, m.entity_id, m.evidence.article_id, m.evidence.start, m.evidence.end, m.text, m.role)


def mention_from(row: Row) -> Mention:
    return Mention(row[0], row[1], Span(row[2], row[3], row[4]), row[5], row[6])


def quantity_row(q: Quantity) -> Row:
    e = q.evidence
    return (q.id, e.article_id, e.start, e.end, q.text, q.low, q.high, int(q.approximate), q.unit, q.counted,
            q.kind, q.change, json.dumps(list(q.values)))  # fmt: skip


def quantity_from(row: Row) -> Quantity:
    return Quantity(row[0], Span(row[1], row[2], row[3]), row[4], row[5], row[6], bool(row[7]), row[8], row[9],
                    row[10], row[11], tuple(loads(row[12])))  # fmt: skip


def attribution_row(a: Attribution) -> Row:
    data = {"content": _span(a.content), "cue": _span(a.cue), "source": _span(a.source),
            "speaker": _speaker(a.speaker), "via": list(a.via)}  # fmt: skip
    return (a.id, a.evidence.article_id, a.evidence.start, a.evidence.end, json.dumps(data, ensure_ascii=False))


def attribution_from(row: Row) -> Attribution:
    d = loads(row[4])
    aid = row[1]
    content = _unspan(aid, d["content"])
    assert content is not None
    return Attribution(row[0], Span(aid, row[2], row[3]), content, _unspan(aid, d["cue"]), _unspan(aid, d["source"]),
                       _unspeaker(d["speaker"]), tuple(d["via"]))  # fmt: skip


def event_row(e: Event, article_id: str) -> Row:
    return (e.id, article_id, e.type, e.sub_type, _iso(e.date), e.date_precision, e.place, json.dumps(list(e.actors)),
            json.dumps(list(e.targets)), e.modality,
            json.dumps([[m.article_id, m.start, m.end] for m in e.mentions]))  # fmt: skip


def event_from(row: Row) -> Event:
    mentions = tuple(Span(a, s, t) for a, s, t in loads(row[10]))
    return Event(row[0], row[2], mentions, row[3], _date(row[4]), row[5], row[6], tuple(loads(row[7])),
                 tuple(loads(row[8])), row[9])  # fmt: skip


def claim_row(c: Claim) -> Row:
    detail = {"frame": frame_data(c.frame) if c.frame else None, "figure": _span(c.figure),
              "tolerance": c.value.tolerance, "disputed_by": c.disputed_by}  # fmt: skip
    return (c.id, c.article_id, c.event_id, c.subject, c.predicate, c.value.low, c.value.high, int(c.value.approximate),
            c.value.text, _iso(c.as_of), _speaker(c.speaker), json.dumps(list(c.via), ensure_ascii=False), c.stance,
            c.evidence.start, c.evidence.end, json.dumps(detail, ensure_ascii=False))  # fmt: skip


def claim_from(row: Row) -> Claim:
    detail = loads(row[15]) if row[15] else {}
    frame = detail.get("frame")
    return Claim(
        id=row[0], article_id=row[1], event_id=row[2], subject=row[3], predicate=row[4],
        value=Value(row[5], row[6], bool(row[7]), row[8], detail.get("tolerance", 0.0)), as_of=_date(row[9]),
        speaker=_unspeaker(row[10]), via=tuple(loads(row[11])), stance=row[12],
        evidence=Span(row[1], row[13], row[14]), frame=frame_from(frame) if frame else None,
        figure=_unspan(row[1], detail.get("figure")), disputed_by=detail.get("disputed_by"),
    )  # fmt: skip


def frame_data(f: Frame) -> dict[str, Any]:
    """A frame as JSON-ready data (the store's and the export's form)."""
    return {
        "measure": f.measure, "kind": f.kind, "unit": f.unit, "counted": f.counted, "modifiers": list(f.modifiers),
        "owners": list(f.owners), "place": f.place, "period": f.period, "part_of": f.part_of, "increment": f.increment,
        "through": f.through, "pair": f.pair, "partner": f.partner, "context": list(f.context), "near": list(f.near),
    }  # fmt: skip


def frame_from(d: dict[str, Any]) -> Frame:
    return Frame(
        measure=d["measure"], kind=d["kind"], unit=d["unit"], counted=d["counted"], modifiers=tuple(d["modifiers"]),
        owners=tuple(d["owners"]), place=d.get("place"), period=d["period"], part_of=d["part_of"],
        increment=d["increment"], through=d.get("through", False), pair=d["pair"], partner=d["partner"],
        context=tuple(d["context"]), near=tuple(d.get("near", ())),
    )  # fmt: skip


def _end(x: float) -> float | None:
    return None if math.isinf(x) else x


def _unend(x: float | None) -> float:
    return math.inf if x is None else float(x)


def slot_data(s: Slot) -> dict[str, Any]:
    """A slot as the JSON the store keeps (an unbounded end is null)."""
    consensus = {"low": s.consensus.low, "high": _end(s.consensus.high)} if s.consensus else None
    return {
        "id": s.id, "subject": s.subject, "predicate": s.predicate, "event_id": s.event_id,
        "claim_ids": list(s.claim_ids), "status": s.status, "consensus": consensus,
        "timeline": [[day, low, _end(high), ref] for day, low, high, ref in s.timeline],
        "derived_ids": list(s.derived_ids), "frame": frame_data(s.frame) if s.frame else None,
    }  # fmt: skip


def slot_from(d: dict[str, Any], story_id: str) -> Slot:
    consensus = d.get("consensus")
    return Slot(
        id=d["id"], story_id=story_id, subject=d["subject"], predicate=d["predicate"],
        claim_ids=tuple(d["claim_ids"]), status=d["status"], event_id=d.get("event_id"),
        consensus=Interval(consensus["low"], _unend(consensus["high"])) if consensus else None,
        timeline=tuple((day, low, _unend(high), ref) for day, low, high, ref in d.get("timeline", [])),
        derived_ids=tuple(d.get("derived_ids", ())), frame=frame_from(d["frame"]) if d.get("frame") else None,
    )  # fmt: skip


def derived_data(d: Derived) -> dict[str, Any]:
    return {
        "id": d.id, "subject": d.subject, "predicate": d.predicate, "value": {"low": d.low, "high": d.high},
        "as_of": _iso(d.as_of), "from": list(d.sources), "rule": d.rule, "speaker": d.speaker,
    }  # fmt: skip


def derived_from(d: dict[str, Any], story_id: str) -> Derived:
    return Derived(
        id=d["id"], story_id=story_id, subject=d["subject"], predicate=d["predicate"],
        low=d["value"]["low"], high=d["value"]["high"], sources=tuple(d["from"]), rule=d["rule"],
        as_of=_date(d["as_of"]), speaker=d.get("speaker"),
    )  # fmt: skip


TABLES: dict[str, tuple[str, ...]] = {
    "entities": ("id", "name", "type", "geo"),
    "mentions": ("id", "entity_id", "article_id", "start", "end", "text", "role"),
    "quantities": (
        "id",
        "article_id",
        "start",
        "end",
        "text",
        "low",
        "high",
        "approximate",
        "unit",
        "counted",
        "kind",
        "change",
        "vals",
    ),
    "attributions": ("id", "article_id", "start", "end", "data"),
    "events": (
        "id",
        "article_id",
        "type",
        "sub_type",
        "date",
        "date_precision",
        "place",
        "actors",
        "targets",
        "modality",
        "mentions",
    ),
    "claims": (
        "id",
        "article_id",
        "event_id",
        "subject",
        "predicate",
        "low",
        "high",
        "approximate",
        "value_text",
        "as_of",
        "speaker",
        "via",
        "stance",
        "start",
        "end",
        "detail",
    ),
}
