"""Reconciliation: claims about the same quantity form a slot; slots agree, conflict, evolve or stand alone.

Values are intervals (a vague amount is a range). Claims stated the same day that do
not overlap are a conflict; values that differ across days in the plausible direction
(the number at large falls, the death toll rises) are an evolution. The consensus is
drawn from independent sources only: a copy counts as its original, and one speaker
counts once. Derived figures are simple arithmetic within one speaker's figures
(at large = escaped - recaptured), each citing the claims it used and its rule.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rashomon.extract.lexicons import lexicon
from rashomon.records import Claim, Derived, Interval, Slot, SlotStatus, Speaker, content_id


@cache
def _lex() -> dict[str, Any]:
    return lexicon("claims")


@dataclass(frozen=True, slots=True)
class Point:
    """One value in a slot: a claim's, or a derived figure's."""

    id: str
    low: float
    high: float
    as_of: date | None
    source: str  # who stands behind it, for independence


def slot_key(c: Claim) -> tuple[str, str]:
    """Claims with the same key measure the same quantity: the predicate, the holder for "held",
    shares apart from counts, and each new batch ("six more") apart from the running total."""
    where = c.subject.split(" in ", 1)[1] if " in " in c.subject else ""
    qualifier = _norm(where)
    if c.subject.startswith("share of "):
        qualifier += "|share"
    if c.subject.endswith("(more)"):
        qualifier += f"|more|{c.as_of}"
    return c.predicate, qualifier


def _norm(text: str) -> str:
    return re.sub(r"\b(?:al|el|the)[\s-]+", "", re.sub(r"[^\w\s-]", "", text.lower())).strip()


def source_of(c: Claim, copies: dict[str, str]) -> str:
    """The independent source behind a claim: its speaker (or, for the outlet's own voice, the original article)."""
    if c.speaker is not None:
        return c.speaker.entity_id or _norm(c.speaker.name)
    return "article:" + copies.get(c.article_id, c.article_id)


def overlaps(points: list[Point]) -> bool:
    return max(p.low for p in points) <= min(p.high for p in points)


def status_of(predicate: str, points: list[Point]) -> SlotStatus:
    if len({(p.low, p.high, p.source) for p in points}) <= 1 or (
        len({p.source for p in points}) == 1 and overlaps(points)
    ):
        return "single"
    if overlaps(points):
        return "agree"
    days = sorted({p.as_of for p in points if p.as_of is not None})
    by_day = [[p for p in points if p.as_of == d] for d in days]
    if len(days) < 2 or any(not overlaps(group) for group in by_day) or any(p.as_of is None for p in points):
        return "conflict"
    return "evolving" if _plausible(predicate, by_day) else "conflict"


def _plausible(predicate: str, by_day: list[list[Point]]) -> bool:
    """Each day's values lie in the direction the quantity can move from the day before's."""
    falls = predicate in _lex()["falls_over_time"]
    rises = predicate in _lex()["rises_over_time"]
    for earlier, later in itertools.pairwise(by_day):
        e_low, e_high = max(p.low for p in earlier), min(p.high for p in earlier)
        l_low, l_high = max(p.low for p in later), min(p.high for p in later)
        if (falls and l_low > e_high) or (rises and l_high < e_low) or not (falls or rises):
            return False
    return True


def consensus(points: list[Point]) -> Interval | None:
    """The values every independent source allows (on the latest day they spoke), if any."""
    dated = [p for p in points if p.as_of is not None]
    latest = max((p.as_of for p in dated if p.as_of is not None), default=None)
    pool = [p for p in points if p.as_of == latest] if latest else points
    one_each = {p.source: p for p in sorted(pool, key=lambda p: p.id)}.values()
    low, high = max(p.low for p in one_each), min(p.high for p in one_each)
    return Interval(low, high) if low <= high else None


def derive(story_id: str, claims: list[Claim]) -> list[Derived]:
    """Arithmetic within one speaker's exact figures of the same day (rules in lexicons/claims.json)."""
    exact: dict[tuple[str, Speaker, date | None], list[Claim]] = {}
    for c in claims:  # indexed, not searched pairwise: a long-running story holds hundreds of thousands
        if c.speaker is not None and not c.value.approximate:
            exact.setdefault((c.predicate, c.speaker, c.as_of), []).append(c)
    out = []
    for rule in _lex()["derived_rules"]:
        for a in claims:
            if a.predicate != rule["from"] or a.speaker is None or a.value.approximate:
                continue
            for b in exact.get((rule["minus"], a.speaker, a.as_of), ()):
                if b.value.low <= a.value.low:
                    out.append(_derived(story_id, rule, a, b))
    return out


def _derived(story_id: str, rule: dict[str, str], a: Claim, b: Claim) -> Derived:
    value = a.value.low - b.value.low
    return Derived(
        id=content_id("derived", story_id, a.id, b.id), story_id=story_id, subject=a.subject,
        predicate=rule["result"], low=value, high=value, sources=(a.id, b.id),
        rule=f"{rule['result']} = {rule['from']} - {rule['minus']} ({a.value.low:g} - {b.value.low:g})",
        as_of=a.as_of, speaker=a.speaker.name if a.speaker else None,
    )  # fmt: skip


def reconcile(story_id: str, claims: Iterable[Claim], copies: dict[str, str]) -> tuple[list[Slot], list[Derived]]:
    """Slots (with status, consensus and timeline) and derived figures for one story's claims."""
    claims = sorted(claims, key=lambda c: c.id)
    derived = derive(story_id, claims)
    groups: dict[tuple[str, str], list[Point]] = {}
    members: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.article_id in copies:
            continue  # a copy says nothing its original did not
        point = Point(c.id, c.value.low, c.value.high, c.as_of, source_of(c, copies))
        groups.setdefault(slot_key(c), []).append(point)
        members.setdefault(slot_key(c), []).append(c)
    for d in derived:
        key = (d.predicate, "")
        groups.setdefault(key, []).append(Point(d.id, d.low, d.high, d.as_of, "speaker:" + (d.speaker or "")))
    slots = [_slot(story_id, key, points, members.get(key, [])) for key, points in sorted(groups.items())]
    return [s for s in slots if s.claim_ids], derived


def _slot(story_id: str, key: tuple[str, str], points: list[Point], claims: list[Claim]) -> Slot:
    predicate, where = key
    events = sorted({c.event_id for c in claims if c.event_id})
    timeline = tuple(
        sorted(((p.as_of.isoformat() if p.as_of else "", p.low, p.high, p.id) for p in points), key=lambda t: t)
    )
    subject = claims[0].subject if claims else predicate
    status = status_of(predicate, points)
    return Slot(
        id=content_id("slot", story_id, predicate, where), story_id=story_id, subject=subject, predicate=predicate,
        claim_ids=tuple(c.id for c in claims), status=status,
        event_id=events[0] if events else None, consensus=None if status == "conflict" else consensus(points),
        timeline=timeline,
    )  # fmt: skip
