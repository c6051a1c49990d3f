"""The JSON export: the contract written in the seeds' EXPORT.md.

Stories come from the linking stage; within each, entities and events are resolved
(one per thing, one per happening) and ids in events and claims point at the
merged ones. An article that was never linked (extraction switched off) is a story
of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import Any, Protocol, TextIO

import orjson

from rashomon.link.resolve import merge_entities, merge_events, place_rank
from rashomon.records import (
    Article,
    Claim,
    Derived,
    Entity,
    Event,
    Extraction,
    FactSheet,
    Signal,
    Slot,
    Speaker,
    Story,
    StoryLine,
    StoryListing,
    StoryView,
    content_id,
)
from rashomon.report.signals import story_signals
from rashomon.report.values import bound
from rashomon.store import Store
from rashomon.store.rows import derived_data, frame_data, slot_data

TITLE_CHARS = 100
EXPORTED = frozenset({"events", "claims"})  # what a story's export reads of its articles' extractions


def article_json(a: Article) -> dict[str, Any]:
    """An article as the export names its fields (plus the free extras after ``text``)."""
    return {
        "id": a.id, "origin": a.origin, "outlet": a.outlet, "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title, "byline": a.byline, "text": a.text,
        "kind": a.kind, "encoding": a.encoding, "author_bio": a.author_bio,
        "site_name": a.site_name, "furniture": list(a.furniture),
    }  # fmt: skip


def entity_json(e: Entity) -> dict[str, Any]:
    geo = (
        {"lat": e.geo.lat, "lon": e.geo.lon, "precision": e.geo.precision, "geonames_id": e.geo.geonames_id}
        if e.geo
        else None
    )
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "geo": geo}


def event_json(e: Event, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": e.id, "type": e.type, "plover": e.sub_type,
        "date": e.date.isoformat() if e.date else None, "date_precision": e.date_precision,
        "place": e.place, "actors": list(e.actors), "targets": list(e.targets), "modality": e.modality,
        "mentions": [{"article_id": m.article_id, "evidence": m.text_in(texts[m.article_id])} for m in e.mentions],
    }  # fmt: skip


def speaker_json(s: Speaker | None) -> dict[str, Any] | None:
    return {"name": s.name, "role": s.role, "entity_id": s.entity_id} if s else None


def claim_json(c: Claim, texts: dict[str, str]) -> dict[str, Any]:
    v = c.value
    return {
        "id": c.id, "article_id": c.article_id, "event_id": c.event_id, "subject": c.subject,
        "predicate": c.predicate,
        "value": {"low": v.low, "high": bound(v.high), "approximate": v.approximate, "text": v.text,
                  "tolerance": v.tolerance},
        "as_of": c.as_of.isoformat() if c.as_of else None, "speaker": speaker_json(c.speaker),
        "via": list(c.via), "stance": c.stance, "disputed_by": c.disputed_by,
        "evidence": c.evidence.text_in(texts[c.article_id]),
        "figure": [c.figure.start, c.figure.end] if c.figure else None,
        "frame": frame_data(c.frame) if c.frame else None,
    }  # fmt: skip


def signal_json(s: Signal, outlets: dict[str, str | None]) -> dict[str, Any]:
    """A signal as exported, with its article's outlet."""
    return {"article_id": s.article_id, "outlet": outlets.get(s.article_id), "name": s.name, "severity": s.severity,
            "evidence": s.evidence, "detail": dict(s.detail)}  # fmt: skip


def fallback_title(a: Article) -> str:
    """The article's title, else its first sentence, cut to a readable length."""
    if a.title:
        return a.title
    first = re.split(r"(?<=[.!?])\s", a.text.strip(), maxsplit=1)[0]
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


def story_view(
    story_id: str,
    articles: list[Article],
    extractions: list[Extraction],
    reconciliation: tuple[list[Slot], list[Derived]],
    copies: dict[str, str] | None = None,
) -> StoryView:
    """A story as reports read it: entities and events merged across its reports, the ids of claims,
    events and slots pointing at the merged ones, and each article's signals."""
    entities, entity_ids = merge_entities(e for x in extractions for e in x.entities)
    asserted = [e for x in extractions for e in x.events if e.modality == "asserted"]
    events, event_ids = merge_events(asserted, entity_ids, place_rank(entities))
    events = [replace(e, actors=tuple(entity_ids.get(a, a) for a in e.actors)) for e in events]
    claims = tuple(_remap_claim(c, entity_ids, event_ids) for x in extractions for c in x.claims)
    slots, derived = reconciliation
    slots = [replace(s, event_id=event_ids[s.event_id]) if s.event_id in event_ids else s for s in slots]
    return StoryView(
        id=story_id, title=fallback_title(articles[0]), articles=tuple(articles), copies=copies or {},
        entities=tuple(entities), events=tuple(events), claims=claims, slots=tuple(slots), derived=tuple(derived),
        signals=tuple(story_signals(articles, claims, slots)),
    )  # fmt: skip


def story_json(view: StoryView) -> dict[str, Any]:
    """A story as the export contract names its fields."""
    texts = {a.id: a.text for a in view.articles}
    outlets = {a.id: a.outlet for a in view.articles}
    return {
        "id": view.id,
        "title": view.title,
        "articles": [article_json(a) | {"copy_of": view.copies.get(a.id)} for a in view.articles],
        "entities": [entity_json(e) for e in view.entities],
        "events": [event_json(e, texts) for e in view.events],
        "claims": [claim_json(c, texts) for c in view.claims],
        "slots": [slot_data(s) for s in view.slots], "derived": [derived_data(d) for d in view.derived],
        "signals": [signal_json(s, outlets) for s in view.signals],
    }  # fmt: skip


def sheet_json(sheet: FactSheet) -> dict[str, Any]:
    """A fact sheet as the API and ``rashomon story --format json`` give it: a derived figure's claims
    under "from", unbounded ends null."""
    data: dict[str, Any] = _plain(asdict(sheet))
    for d in data["derived"]:
        d["from"] = d.pop("sources")
    for row in data["slots"]:
        row["timeline"] = [[day, low, bound(high), ref] for day, low, high, ref in row["timeline"]]
    return data


def listing_json(listing: StoryListing) -> dict[str, Any]:
    """A story's line in a search's answer."""
    data: dict[str, Any] = _plain(asdict(listing))
    return data


def _plain(data: Any) -> Any:
    """Tuples as lists, all the way down."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(v) for v in data]
    return data


def _remap_claim(c: Claim, entity_ids: dict[str, str], event_ids: dict[str, str]) -> Claim:
    speaker, event_id = c.speaker, event_ids.get(c.event_id, c.event_id) if c.event_id else None
    if (
        speaker is not None
        and speaker.entity_id
        and entity_ids.get(speaker.entity_id, speaker.entity_id) != (speaker.entity_id)
    ):
        speaker = replace(speaker, entity_id=entity_ids[speaker.entity_id])
    if speaker is c.speaker and event_id == c.event_id:
        return c  # most claims point at what they pointed at: no copy
    return replace(c, speaker=speaker, event_id=event_id)


def export_json(store: ExportStore) -> dict[str, Any]:
    """One JSON-ready object: ``{"stories": [...], "rejected": [...]}`` (the whole store in memory: for
    a large store, :func:`write_json` writes the same story by story)."""
    return {"stories": list(stories_json(store)), "rejected": rejected_json(store)}


def rejected_json(store: ExportStore) -> list[dict[str, Any]]:
    return [
        {"origin": r.origin, "reason": r.reason, "at": r.at.isoformat(timespec="seconds")} for r in store.rejections()
    ]


def write_json(store: ExportStore, out: TextIO) -> int:
    """The export written to ``out`` one story at a time, so memory holds one story, not the store; it
    parses to what :func:`export_json` gives, one story a line. Returns the number of stories."""
    out.write('{"stories": [')
    n = 0
    for n, story in enumerate(stories_json(store), 1):  # one story a line, compact
        out.write(("," if n > 1 else "") + "\n" + _dumps(story))
    out.write('\n], "rejected": ' + json.dumps(rejected_json(store), ensure_ascii=False) + "}\n")
    return n


def _dumps(data: Any) -> str:
    """``data`` as compact JSON text: orjson's encoder (several times the standard one's speed on a story),
    and the standard one, strict, for what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.dumps(data).decode()
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, allow_nan=False)


def stories_json(store: ExportStore) -> Iterator[dict[str, Any]]:
    """Every story as exported, one at a time (each built from its own rows), then each article no story
    holds as a story of its own."""
    return (story_json(view) for view in story_views(store))


def story_views(store: ExportStore) -> Iterator[StoryView]:
    """Every story as reports read it, in the order of :func:`stories_json`."""
    for story_id, members in _groups(store):
        yield view_of_articles(store, story_id, members)


def story_lines(store: ExportStore) -> Iterator[StoryLine]:
    """A line per story for a list (id, title, reports, outlets, first and last day, conflicts), read from
    the articles and stored slots alone: no entity merging, events or signals."""
    for story_id, members in _groups(store):
        slots, _ = store.reconciliation(story_id)
        yield _line(story_id, members, sum(1 for s in slots if s.status == "conflict"))


def _groups(store: ExportStore) -> Iterator[tuple[str, list[Article]]]:
    """Each story's id and articles, then each article no story holds, as a story of its own."""
    linked: set[str] = set()
    for story in store.stories():
        linked.update(story.article_ids)
        yield story.id, store.articles_by_id(list(story.article_ids))
    for a in store.articles():
        if a.id not in linked:
            yield content_id("story", a.id), [a]


def _line(story_id: str, members: list[Article], conflicts: int) -> StoryLine:
    days = sorted(a.published.isoformat() for a in members if a.published)
    return StoryLine(
        id=story_id, title=fallback_title(members[0]) if members else "", reports=len(members),
        outlets=len({a.outlet for a in members}), first_day=days[0] if days else None,
        last_day=days[-1] if days else None, conflicts=conflicts,
    )  # fmt: skip


def view_by_id(store: ExportStore, story_id: str) -> StoryView | None:
    """One story, built from its own rows only (None when no story has that id): its cost grows with
    the story, not with the store."""
    story = store.story(story_id)
    return view_of_articles(store, story.id, store.articles_by_id(list(story.article_ids))) if story else None


def view_of_articles(store: ExportStore, story_id: str, members: list[Article]) -> StoryView:
    """The story ``story_id`` of ``members`` (an article no story holds has no slots)."""
    extractions = store.extractions([a.id for a in members], EXPORTED)
    copies = store.copies_among([a.id for a in members])
    return story_view(story_id, members, extractions, store.reconciliation(story_id), copies)


class ExportStore(Store, Protocol):
    """What the export reads."""

    def stories(self) -> list[Story]: ...
    def story(self, story_id: str) -> Story | None: ...
    def story_of(self, article_id: str) -> str | None: ...
    def articles_by_id(self, ids: list[str]) -> list[Article]: ...
    def extractions(self, article_ids: list[str], parts: frozenset[str]) -> list[Extraction]: ...
    def reconciliation(self, story_id: str) -> tuple[list[Slot], list[Derived]]: ...
    def copies_among(self, article_ids: list[str]) -> dict[str, str]: ...
