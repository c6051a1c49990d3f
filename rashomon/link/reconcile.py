"""Reconciliation: a story's claims lined up in slots, each slot agreeing, conflicting, evolving or alone.

1. slots: claims stating the same quantity are grouped (:mod:`rashomon.link.slots`); copies of an
   earlier article are left out (they say nothing their original did not);
2. derived: simple arithmetic within one speaker's exact figures of one day (at large = escaped -
   recaptured), each citing the claims and the rule; a derived figure joins the slot of its measure;
3. status: values are intervals. Figures not put forward as fact (projected, conditional, target,
   denied) are kept in their slot but take no part. A slot is ``agree`` when every pair of its
   figures can hold together; ``evolving`` when they differ across days in the direction the quantity
   can move (the number at large falls, a toll rises), whether one source updates its figure or
   two give theirs; ``conflict`` when two independent sources (two reports that are not copies, or
   two speakers in one) give incompatible values for the same time, or one source gives two in two
   reports; ``single`` when one source stands behind it all in one report, or gives one value;
4. consensus: the values every independent source allows on the latest day they spoke, from
   sourced and derived figures when there are any (an unsourced "several" never sets it).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rashomon.lexicons import lexicon
from rashomon.link.measures import CONVERTED, ISO_DAY, convertible, in_base_unit, senses, unit_size
from rashomon.link.slots import group
from rashomon.records import NOT_FACT, Claim, Derived, Interval, Slot, SlotStatus, Speaker, content_id

AGE = "year of age"  # the measure of an age (rashomon.extract.quantities)


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
    sourced: bool = True  # a named speaker or arithmetic, not the outlet's own vague word
    article: str = ""


def source_of(c: Claim, copies: dict[str, str]) -> str:
    """The independent source behind a claim: its speaker (or, for the outlet's own voice, the original article)."""
    if c.speaker is not None:
        return c.speaker.entity_id or _norm(c.speaker.name)
    return "article:" + copies.get(c.article_id, c.article_id)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("the ", " ").split())


def overlaps(points: list[Point]) -> bool:
    return max(p.low for p in points) <= min(p.high for p in points) * (1 + 1e-9)


def status_of(predicate: str, points: list[Point]) -> SlotStatus:
    """agree, conflict, evolving or single (see the module's docstring)."""
    agree = _agree(points)
    one_source = len({p.source for p in points}) <= 1  # one speaker: relayed by two reports, or repeated in one
    if one_source and (agree or len({p.article for p in points}) == 1):
        return "single"
    if agree:
        return "agree"
    days = sorted({p.as_of for p in points if p.as_of is not None})
    by_day = [[p for p in points if p.as_of == d] for d in days]
    undated = any(p.as_of is None for p in points)
    if len(days) < 2 or undated or any(not _agree(group) for group in by_day):
        return "conflict" if one_source or _independent_disagreement(points) else "agree"
    return "evolving" if _plausible(predicate, days, by_day) else "conflict"  # one speaker's update, or two's


def _agree(points: list[Point]) -> bool:
    return all(overlaps([a, b]) for a, b in itertools.combinations(points, 2))


def _independent_disagreement(points: list[Point]) -> bool:
    """Two figures that cannot both hold, from two different sources."""
    return any(a.source != b.source and not overlaps([a, b]) for a, b in itertools.combinations(points, 2))


def _plausible(predicate: str, days: list[date], by_day: list[list[Point]]) -> bool:
    """Each day's values lie in the direction the quantity can move from the day before's (an age by no
    more than the years between them, and a year for the birthday)."""
    falls = predicate in _lex()["falls_over_time"]
    rises = predicate in _lex()["rises_over_time"]
    for (e_day, earlier), (l_day, later) in itertools.pairwise(zip(days, by_day, strict=True)):
        e_low, e_high = max(p.low for p in earlier), min(p.high for p in earlier)
        l_low, l_high = max(p.low for p in later), min(p.high for p in later)
        if (falls and l_low > e_high) or (rises and l_high < e_low) or not (falls or rises):
            return False
        if predicate == AGE and l_low - e_high > (l_day - e_day).days / 365.25 + 1:
            return False
    return True


def consensus(points: list[Point]) -> Interval | None:
    """The values every independent source allows (on the latest day they spoke), if any; sourced and
    derived figures set it when there are any."""
    sourced = [p for p in points if p.sourced]
    pool = sourced or points
    latest = max((p.as_of for p in pool if p.as_of is not None), default=None)
    if latest is not None:
        pool = [p for p in pool if p.as_of == latest]
    one_each = {p.source: p for p in sorted(pool, key=lambda p: p.id)}.values()
    low, high = max(p.low for p in one_each), min(p.high for p in one_each)
    return Interval(low, high) if low <= high else None


def derive(story_id: str, claims: list[Claim]) -> list[Derived]:
    """Arithmetic within one speaker's exact figures of the same day (rules in lexicons/claims.json)."""
    exact: dict[tuple[str, Speaker, date | None], list[Claim]] = {}
    for c in claims:  # indexed, not searched pairwise: a long-running story holds hundreds of thousands
        if c.speaker is not None and _exact(c):
            exact.setdefault((c.predicate, c.speaker, c.as_of), []).append(c)
    out = []
    for rule in _lex()["derived_rules"]:
        for a in claims:
            if a.predicate != rule["from"] or a.speaker is None or not _exact(a):
                continue
            for b in exact.get((rule["minus"], a.speaker, a.as_of), ()):
                if b.value.low <= a.value.low:
                    out.append(_derived(story_id, rule, a, b))
    return out


def _exact(c: Claim) -> bool:
    return not c.value.approximate and c.value.low == c.value.high and c.stance not in NOT_FACT


def _derived(story_id: str, rule: dict[str, str], a: Claim, b: Claim) -> Derived:
    value = a.value.low - b.value.low
    return Derived(
        id=content_id("derived", story_id, a.id, b.id), story_id=story_id, subject=a.subject,
        predicate=rule["result"], low=value, high=value, sources=(a.id, b.id),
        rule=f"{rule['result']} = {rule['from']} - {rule['minus']} ({a.value.low:g} - {b.value.low:g})",
        as_of=a.as_of, speaker=a.speaker.name if a.speaker else None,
    )  # fmt: skip


def reconcile(
    story_id: str, claims: Iterable[Claim], copies: dict[str, str], params: dict[str, Any] | None = None
) -> tuple[list[Slot], list[Derived]]:
    """Slots (with status, consensus and timeline) and derived figures for one story's claims.
    ``params`` replaces the shipped slot model (training uses it)."""
    originals = originals_of(claims, copies)
    groups = group(originals, [source_of(c, copies) for c in originals], params)  # 1. slots
    derived = derive(story_id, originals)  # 2. derived
    return slots_of(story_id, originals, groups, derived, copies), derived


def originals_of(claims: Iterable[Claim], copies: dict[str, str]) -> list[Claim]:
    """The claims of articles that are not copies, in a stable order."""
    return sorted((c for c in claims if c.article_id not in copies), key=lambda c: c.id)


def slots_of(
    story_id: str, claims: list[Claim], groups: list[list[int]], derived: list[Derived], copies: dict[str, str]
) -> list[Slot]:
    """3-4. Each group of claims as a slot with its status and consensus; derived figures join theirs."""
    slots = []
    for members in groups:
        slot_claims = [claims[i] for i in members]
        extra = [d for d in derived if d.predicate == _predicate(slot_claims) and _derives_into(slot_claims)]
        slots.append(_slot(story_id, slot_claims, extra, copies))
    return slots


def _derives_into(claims: list[Claim]) -> bool:
    """A derived figure joins a slot of its measure that counts people (not a share, not a new batch)."""
    return all(c.frame is None or (c.frame.kind == "count" and not c.frame.increment) for c in claims)


def _slot(story_id: str, claims: list[Claim], derived: list[Derived], copies: dict[str, str]) -> Slot:
    facts = [c for c in claims if c.stance not in NOT_FACT]
    unit = slot_unit(claims)
    points = [_point(c, copies, unit) for c in facts]
    points += [Point(d.id, d.low, d.high, d.as_of, "speaker:" + (d.speaker or ""), True, "") for d in derived]
    predicate = _predicate(claims)
    status: SlotStatus = status_of(predicate, points) if points else "single"
    timeline = tuple(sorted((p.as_of.isoformat() if p.as_of else "", p.low, p.high, p.id) for p in points))
    events = sorted({c.event_id for c in claims if c.event_id})
    return Slot(
        id=content_id("slot", story_id, *sorted(c.id for c in claims)), story_id=story_id,
        subject=claims[0].subject, predicate=predicate, claim_ids=tuple(c.id for c in claims), status=status,
        event_id=events[0] if events else None,
        consensus=None if status == "conflict" or not points else consensus(points), timeline=timeline,
        derived_ids=tuple(d.id for d in derived), frame=claims[0].frame,
    )  # fmt: skip


def _predicate(claims: list[Claim]) -> str:
    """What the slot measures: its claims' most common sense ("held"), else their most common measure."""
    counts = Counter(c.predicate for c in claims)
    sensed = [p for p in counts if p in senses()]
    return max(sensed or counts, key=lambda p: (counts[p], p))


def slot_unit(claims: list[Claim]) -> str | None:
    """The unit a slot's values are compared and shown in: its claims' most common one, on a tie the one
    written first ("6kg (13lbs)": kilograms, the bracket holding the conversion)."""
    written = sorted(claims, key=lambda c: (c.article_id, c.figure.start if c.figure else 0))
    units = Counter(c.frame.unit for c in written if c.frame is not None)  # a tie goes to the first counted
    return units.most_common(1)[0][0] if units else None


def interval_in_unit(c: Claim, unit: str | None) -> tuple[float, float]:
    """The claim's interval in the slot's unit; a figure converted from another unit is widened by the
    rounding a conversion may carry ("lost 6kg (13lbs)": 13 lb is 5.9 kg, written for 6)."""
    low, high = (in_unit(c, v, unit) for v in c.value.span())
    if c.frame is not None and c.frame.unit != unit and convertible(c.frame.unit, unit):
        low, high = low * (1 - CONVERTED), high * (1 + CONVERTED)
    return low, high


def in_unit(c: Claim, value: float, unit: str | None) -> float:
    """A measure in the slot's unit ("57km" in a slot of miles is 35.4); other values as they are."""
    if c.frame is None or unit is None or c.frame.unit == unit or not convertible(c.frame.unit, unit):
        return value
    return in_base_unit(c.frame, value) / unit_size(unit)


def _point(c: Claim, copies: dict[str, str], unit: str | None) -> Point:
    low, high = interval_in_unit(c, unit)
    sourced = c.speaker is not None or not c.value.vague
    return Point(c.id, low, high, reached_on(c), source_of(c, copies), sourced, c.article_id)


def reached_on(c: Claim) -> date | None:
    """The day a figure holds for: the day a running total was reached when its clause says ("By Tuesday,
    37.3% were fully vaccinated", in a report of the Monday after), else the day it was said."""
    f = c.frame
    if f is None or not f.through or c.as_of is None or f.period is None or not ISO_DAY.fullmatch(f.period):
        return c.as_of
    day = date.fromisoformat(f.period)
    return day if day <= c.as_of else c.as_of
