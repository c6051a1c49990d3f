"""A story written as the export writes it, read back as the :class:`StoryView` reports read.

A hand-written story (``tests/report/data``) carries no article text: each article's text is then its
evidence sentences, one a line, so that every claim's and event's evidence is a span of it. Signals are
taken as written, not recomputed."""

from __future__ import annotations

from datetime import date
from typing import Any

from rashomon.records import Article, Claim, Entity, Event, Geo, Signal, Span, Speaker, StoryView, Value
from rashomon.store.rows import derived_from, frame_from, slot_from


def view_from_export(story: dict[str, Any]) -> StoryView:
    texts = {a["id"]: a.get("text") or _evidence_text(story, a["id"]) for a in story["articles"]}

    def span(article_id: str, evidence: str) -> Span:
        start = texts[article_id].find(evidence)
        assert start >= 0, f"{evidence!r} is not in article {article_id}'s text"
        return Span(article_id, start, start + len(evidence))

    articles = tuple(_article(a, texts[a["id"]]) for a in story["articles"])
    events = tuple(
        Event(id=e["id"], type=e["type"], mentions=tuple(span(m["article_id"], m["evidence"]) for m in e["mentions"]),
              sub_type=e.get("plover"), date=_day(e.get("date")), date_precision=e.get("date_precision"),
              place=e.get("place"), actors=tuple(e.get("actors", ())), targets=tuple(e.get("targets", ())),
              modality=e.get("modality", "asserted"))
        for e in story["events"]
    )  # fmt: skip
    claims = tuple(_claim(c, span(c["article_id"], c["evidence"])) for c in story["claims"])
    return StoryView(
        id=story["id"], title=story["title"], articles=articles,
        copies={a["id"]: a["copy_of"] for a in story["articles"] if a.get("copy_of")},
        entities=tuple(_entity(e) for e in story["entities"]), events=events, claims=claims,
        slots=tuple(slot_from(s, story["id"]) for s in story["slots"]),
        derived=tuple(derived_from(d, story["id"]) for d in story["derived"]),
        signals=tuple(Signal(s["article_id"], s["name"], s["severity"], s["evidence"],
                             detail=tuple(s.get("detail", {}).items())) for s in story["signals"]),
    )  # fmt: skip


def _evidence_text(story: dict[str, Any], article_id: str) -> str:
    said = [c["evidence"] for c in story["claims"] if c["article_id"] == article_id]
    said += [m["evidence"] for e in story["events"] for m in e["mentions"] if m["article_id"] == article_id]
    return "\n".join(dict.fromkeys(said))


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _article(a: dict[str, Any], text: str) -> Article:
    return Article(
        id=a["id"], origin=a.get("origin") or a["id"], text=text, outlet=a.get("outlet"), url=a.get("url"),
        published=_day(a.get("published")), title=a.get("title"), byline=a.get("byline"),
        author_bio=a.get("author_bio"), site_name=a.get("site_name"), furniture=tuple(a.get("furniture") or ()),
    )  # fmt: skip


def _entity(e: dict[str, Any]) -> Entity:
    g = e.get("geo")
    geo = Geo(g["lat"], g["lon"], g["precision"], g.get("geonames_id")) if g else None
    return Entity(id=e["id"], name=e["name"], type=e["type"], aliases=tuple(e.get("aliases", ())), geo=geo)


def _claim(c: dict[str, Any], evidence: Span) -> Claim:
    v, sp = c["value"], c.get("speaker")
    return Claim(
        id=c["id"], article_id=c["article_id"], subject=c["subject"], predicate=c["predicate"],
        value=Value(v["low"], float("inf") if v["high"] is None else v["high"], v["approximate"], v["text"],
                    v.get("tolerance", 0.0)),
        stance=c["stance"], evidence=evidence, as_of=_day(c.get("as_of")),
        speaker=Speaker(sp["name"], sp.get("role"), sp.get("entity_id")) if sp else None, via=tuple(c.get("via", ())),
        event_id=c.get("event_id"), frame=frame_from(c["frame"]) if c.get("frame") else None,
        figure=Span(c["article_id"], *c["figure"]) if c.get("figure") else None, disputed_by=c.get("disputed_by"),
    )  # fmt: skip
