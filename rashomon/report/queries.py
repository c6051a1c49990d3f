"""Queries over stories, shared by the web API and its pages: story summaries with search and filters,
claims and entities as flat rows, a story's places, and an article with its extracted spans.

Everything here reads stories as :class:`rashomon.records.StoryView` and answers in the JSON the API
serves (the edge: field names as :func:`rashomon.report.export.export_json` names them), so the API,
the pages, the CLI and the files agree on every field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.geo.areas import radius_km
from rashomon.records import Extraction, Highlight, Span, StoryListing, StoryView
from rashomon.report.export import claim_json, entity_json
from rashomon.report.naming import outlet_name
from rashomon.report.values import interval_text

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What a story list asks for; every field is optional and they combine with AND."""

    q: str | None = None  # words that must all appear in a title, an article text or a name
    since: str | None = None  # ISO date: a report published on or after it
    until: str | None = None
    place: str | None = None  # a place name, case-insensitive substring
    actor: str | None = None
    outlet: str | None = None


def summary(story: StoryView) -> StoryListing:
    """A story's line in a list: size, outlets, days, conflicts, places and actors."""
    days = sorted({a.published.isoformat() for a in story.articles if a.published})
    return StoryListing(
        id=story.id, title=story.title, reports=len(story.articles),
        outlets=tuple(sorted({outlet_name(a) for a in story.articles})),
        first_day=days[0] if days else None, last_day=days[-1] if days else None,
        conflicts=sum(1 for s in story.slots if s.status == "conflict"), claims=len(story.claims),
        places=tuple(sorted({e.name for e in story.entities if e.geo})),
        actors=tuple(sorted({e.name for e in story.entities if e.type in ("ORG", "PERSON", "NORP")})),
    )  # fmt: skip


def matches(story: StoryView, f: StoryFilter) -> bool:
    """Whether ``story`` passes every filter of ``f``."""
    s = summary(story)
    if f.since and (s.last_day is None or s.last_day < f.since):
        return False
    if f.until and (s.first_day is None or s.first_day > f.until):
        return False
    checks = ((f.place, s.places), (f.actor, s.actors), (f.outlet, s.outlets))
    if any(want and not _any_contains(have, want) for want, have in checks):
        return False
    return not f.q or _has_words(story, f.q)


def find_stories(stories: Iterable[StoryView], f: StoryFilter) -> list[StoryListing]:
    """Summaries of the stories that pass ``f``, biggest first."""
    found = [summary(s) for s in stories if matches(s, f)]
    return sorted(found, key=lambda s: (-s.reports, s.id))


def _any_contains(values: Iterable[str], wanted: str) -> bool:
    w = wanted.casefold()
    return any(w in v.casefold() for v in values)


def _has_words(story: StoryView, q: str) -> bool:
    haystack = " ".join([story.title, *(a.text for a in story.articles), *(e.name for e in story.entities)]).casefold()
    return all(word in haystack for word in q.casefold().split())


def page(items: Sequence[Json], offset: int, limit: int) -> Json:
    """One page of ``items`` with the paging facts a client needs to ask for the next."""
    return {"items": list(items[offset : offset + limit]), "total": len(items), "offset": offset, "limit": limit}


def claim_rows(
    stories: Iterable[StoryView], conflicts_only: bool = False, speaker: str | None = None, outlet: str | None = None
) -> list[Json]:
    """Every claim as a row with its story, outlet and slot status, filtered (a claim's JSON is made only
    when it passes the filters)."""
    rows = []
    for story in stories:
        status = {cid: s.status for s in story.slots for cid in s.claim_ids}
        outlets = {a.id: outlet_name(a) for a in story.articles}
        texts = {a.id: a.text for a in story.articles}
        for claim in story.claims:
            slot_status, where = status.get(claim.id, "single"), outlets.get(claim.article_id, "unknown outlet")
            who = claim.speaker.name if claim.speaker else None
            if not _claim_wanted(slot_status, who, where, conflicts_only, speaker, outlet):
                continue
            c = claim_json(claim, texts)
            rows.append({
                "story_id": story.id, "claim_id": c["id"], "article_id": c["article_id"], "outlet": where,
                "predicate": c["predicate"], "subject": c["subject"], "value": c["value"], "speaker": who,
                "via": c["via"], "stance": c["stance"], "as_of": c["as_of"], "evidence": c["evidence"],
                "slot_status": slot_status,
            })  # fmt: skip
    return rows


def _claim_wanted(
    slot_status: str, who: str | None, where: str, conflicts_only: bool, speaker: str | None, outlet: str | None
) -> bool:
    if conflicts_only and slot_status != "conflict":
        return False
    if speaker and not _any_contains([who or ""], speaker):
        return False
    return not outlet or _any_contains([where], outlet)


def entity_rows(stories: Iterable[StoryView], type_: str | None = None) -> list[Json]:
    """The stories' entities (merged within each story), with the story they belong to."""
    return [
        entity_json(e) | {"story_id": s.id} for s in stories for e in s.entities if not type_ or e.type == type_.upper()
    ]


def map_places(story: StoryView) -> list[Json]:
    """Every placed entity of the story, with what happened there: a town is a point (``radius_km`` 0);
    a facility or county, a province or a country is an area of about its size, never a pin at its
    centre."""
    happened: dict[str, list[str]] = {}
    for ev in story.events:
        if ev.place:
            happened.setdefault(ev.place, []).append(f"{ev.type} {ev.date.isoformat() if ev.date else ''}".strip())
    return [
        {
            "name": e.name, "lat": geo.lat, "lon": geo.lon, "precision": geo.precision,
            "radius_km": radius_km(geo.precision, geo.geonames_id), "events": happened.get(e.id, []),
        }
        for e in story.entities
        if (geo := e.geo)
    ]  # fmt: skip


def spans(extraction: Extraction) -> list[Highlight]:
    """The extracted spans of one article, for highlighting: entity mentions, amounts, attributions and
    claims, in character offsets of the article text."""
    names = {e.id: f"{e.type}: {e.name}" for e in extraction.entities}
    out = [_span(m.evidence, "entity", names.get(m.entity_id, m.text), m.id) for m in extraction.mentions]
    for q in extraction.quantities:
        shown = interval_text(q.low, q.high)
        out.append(_span(q.evidence, "amount", f"{shown} {q.counted or ''}".strip(), q.id))
    for a in extraction.attributions:
        if a.source is not None:
            label = a.speaker.name if a.speaker else "source"
            out.append(_span(a.source, "source", label + (f" via {', '.join(a.via)}" if a.via else ""), a.id))
    out += [_span(c.evidence, "claim", f"{c.predicate} {c.value.text} ({c.stance})", c.id) for c in extraction.claims]
    return sorted(out, key=lambda s: (s.start, -s.end))


def _span(span: Span, kind: str, label: str, id_: str) -> Highlight:
    return Highlight(span.start, span.end, kind, label, id_)
