"""What two figures' frames allow: the same dimension, the same sense, the same class, one period.

A frame (:class:`rashomon.records.Frame`) says what a figure measures. Two figures can state the
same quantity only when :func:`compatible` holds: they are measured alike (a count, money in one
currency, percent, years of age, or units of one family: "35 miles (57km)" is one distance), they
have the same sense where both have one (killed is not injured), they count the same class of
people where both name one (civilians are not soldiers), neither is a part of the other in one
report ("90 deaths, including 70 children"), neither is a new batch of the other ("six more"), one
report does not place them in two places ("in Damascus", "in Douma"), and what a named parent or
place has (her children, its population) is measured by nothing else ("a mother of 13", "13
bullets"). Periods (:func:`same_period`:
"on Monday" and "in recent weeks"; a rate, "each day", and a total) are weighed as evidence, not
required: the time expression nearest a figure is too often another's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from rashomon.extract.readings import CHILDREN, POPULATION, RECORD, SEATS_WON, VOTE_SHARE
from rashomon.lexicons import lexicon
from rashomon.records import Claim, Frame

CONVERTED = 0.03  # the rounding a figure converted into another unit may carry ("35 miles (57km)")
# a named parent's, place's, holder's (a record, a share of the vote won): only with its own kind
ATTRIBUTES = frozenset({CHILDREN, POPULATION, RECORD, SEATS_WON, VOTE_SHARE})
RECALL_DAYS = 14  # a figure of a time that ended this long before its report is of an earlier happening
WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day of a dated report (not "~": read against a stand-in)
CALENDAR = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


@dataclass
class Item:
    """A claim as slots read it: its frame, its interval (measures in their family's base unit), who
    stands behind it, and what the story-wide comparison needs (weighted words, rarity, rivals)."""

    index: int
    claim: Claim
    frame: Frame
    low: float
    high: float
    source: str
    words: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    rarity: float = 1.0  # 1 for a value no other figure of the story states, near 0 for a common one
    rivals: int = 0  # other values its report gives for the same counted thing or unit
    voices: int = 0  # values its source gives for it in the report that cannot hold with it


@cache
def senses() -> frozenset[str]:
    """The predicates of ``lexicons/claims.json`` (killed, escaped, held, ...)."""
    lex = lexicon("claims")
    found = (
        *lex["verbs"].values(),
        *lex["states"].values(),
        *lex["nouns"].values(),
        *lex["derived_senses"],
        *lex["full_senses"].values(),
    )
    return frozenset(found)


@cache
def placed_senses() -> frozenset[str]:
    """The senses that tell where people are ("140 passengers were on board"), not what happened to them:
    such a figure may share a slot with one of any sense."""
    return frozenset(lexicon("claims")["place_senses"])


@cache
def one_quantity_families() -> frozenset[str]:
    """The families of senses that count one thing ("attended", "protested", "gathered": one crowd)."""
    return frozenset(lexicon("claims")["one_quantity_families"])


@cache
def tally_verbs() -> frozenset[str]:
    """The senses of a vote's tally ("passed by a vote of 220 to 207", "approved the measure 219-208")."""
    return frozenset(lexicon("claims")["tally_verbs"])


@cache
def indicators() -> frozenset[str]:
    """The named indicators of ``lexicons/claims.json`` (unemployment, inflation, jobless claims, ...)."""
    return frozenset(lexicon("claims")["indicators"].values())


def family(measure: str) -> str:
    """The family of a sense that names one happening in other words ("arrested", "captured": custody), else
    the sense itself."""
    return str(lexicon("claims")["sense_families"].get(measure, measure))


@cache
def classes() -> dict[str, str]:
    """Each noun of a group of people ("soldier" -> combatants)."""
    return {noun: name for name, nouns in lexicon("claims")["classes"].items() for noun in nouns}


@cache
def _conversions() -> dict[str, tuple[str, float]]:
    return {unit: (family, size) for unit, (family, size) in lexicon("amounts")["conversions"].items()}


def values_meet(a: Item, b: Item) -> bool:
    """Whether both figures can hold at once (a converted figure may be rounded)."""
    slack = CONVERTED if a.frame.unit != b.frame.unit else 1e-9
    return max(a.low, b.low) <= min(a.high, b.high) * (1 + slack)


def in_base_unit(f: Frame, value: float) -> float:
    """A measure in its family's base unit (metres, kilograms, ...); other values as they are."""
    if f.kind == "measure" and f.unit in _conversions():
        return value * _conversions()[f.unit][1]
    return value


def convertible(a: str | None, b: str | None) -> bool:
    table = _conversions()
    return a in table and b in table and table[a][0] == table[b][0]


def unit_size(unit: str) -> float:
    return _conversions()[unit][1]


def dimension(f: Frame) -> tuple[str, str | None]:
    """What a figure is measured in: a currency, a unit (or its family), percent, years of age, or a count."""
    if f.kind in ("count", "proportion"):
        return (f.kind, None)
    if f.kind == "measure" and f.unit in _conversions():
        return ("measure", _conversions()[f.unit][0])
    return (f.kind, f.unit)


def key(f: Frame) -> str | None:
    """The thing a figure counts or its unit, else its sense: what a report's rival figures share."""
    return f.counted or f.unit or (f.measure if f.measure in senses() else None)


def same_dimension(fa: Frame, fb: Frame) -> bool:
    if dimension(fa) == dimension(fb):
        return True
    count, measure = (fa, fb) if fa.kind == "count" else (fb, fa)
    # "a 10-point lead" (a measure in points) and "10 points" (a count of points)
    return {fa.kind, fb.kind} == {"count", "measure"} and count.counted is not None and count.counted == measure.unit


def compatible(a: Item, b: Item) -> bool:
    """Whether ``a`` and ``b`` can measure the same quantity, whatever their values."""
    fa, fb = a.frame, b.frame
    if not same_dimension(fa, fb) or fa.increment != fb.increment:
        return False
    if a.claim.article_id == b.claim.article_id and _part_and_whole(a, b):
        return False
    placed = fa.measure in placed_senses() or fb.measure in placed_senses()  # "12 pirates on board" were arrested
    if family(fa.measure) != family(fb.measure) and fa.measure in senses() and fb.measure in senses() and not placed:
        return False  # killed and injured, escaped and recaptured (arrested and captured are one custody)
    if fa.measure != fb.measure and (fa.measure in ATTRIBUTES or fb.measure in ATTRIBUTES):
        return False  # "a mother of 13" and "13 bullets"; "home to 120,000 people" and "120,000 people fled"
    ca, cb = classes().get(fa.counted or ""), classes().get(fb.counted or "")
    if ca and cb and ca != cb:
        return False  # civilians and soldiers; children and women (people and victims go with any)
    # "12 killed in Damascus", "61 killed in Douma": one report names two places
    return not (a.claim.article_id == b.claim.article_id and fa.place and fb.place and fa.place != fb.place)


def same_period(a: str | None, b: str | None) -> bool:
    """Whether two periods can be one: a day and the month holding it, or either unknown; not a day
    and a stretch ("on Monday" and "in recent weeks"), not a total and a rate ("each day")."""
    if a is None or b is None:
        return (a or "").startswith("every") == (b or "").startswith("every") or (a is None and b is None)
    if a.startswith("P") or b.startswith("P") or a.startswith("every") or b.startswith("every"):
        return a == b
    if a.startswith("~") != b.startswith("~"):
        return True  # a day of an undated report (read against a stand-in date) and a real day
    return a.startswith(b) or b.startswith(a) or _week_holds(a, b) or _week_holds(b, a)  # "2026-01" holds "2026-01-19"


def day_ordinal(period: str) -> int:
    """A dated day's ordinal; -1 for a stretch or a day of an undated report."""
    try:
        return date.fromisoformat(period).toordinal() if ISO_DAY.fullmatch(period) else -1
    except ValueError:
        return -1


def one_stretch(a: str | None, b: str | None) -> bool:
    """Whether two known periods name one stretch of time: the same one, or a week and a day of it ("last
    week", "the week ended May 8")."""
    if a is None or b is None:
        return False
    return a == b or _week_holds(a, b) or _week_holds(b, a)


def starts(day: str | None, stretch: str | None) -> bool:
    """Whether ``day`` is the first day of ``stretch``: Monday of its week ("2026-W10" starts "2026-03-02"),
    the first of its month ("2026-03"), so that a total "since Monday" is the week's so far."""
    if day is None or stretch is None or not ISO_DAY.fullmatch(day):
        return False
    if WEEK.fullmatch(stretch):
        return _week_holds(stretch, day) and date.fromisoformat(day).weekday() == 0
    return bool(re.fullmatch(r"\d{4}-\d{2}", stretch)) and day == stretch + "-01"


def _week_holds(week: str, day: str) -> bool:
    """ "2021-W19" (last week) holds "2021-05-15" (the week ended May 15)."""
    w, d = WEEK.fullmatch(week), ISO_DAY.fullmatch(day)
    if w is None or d is None:
        return False
    try:
        year, number, _ = date.fromisoformat(d.group()).isocalendar()
    except ValueError:
        return False
    return (year, number) == (int(w["year"]), int(w["week"]))


def recalled(f: Frame, as_of: date | None) -> bool:
    """Whether the figure is told of a time that ended well before its dated report: "In February, a quake
    hit Zarand, killing 612 people" in a report of November is an earlier happening's figure."""
    m = CALENDAR.fullmatch(f.period or "")
    if as_of is None or m is None:
        return False
    year, month = int(m["year"]), int(m["month"] or 12)
    try:
        end = date(year, month, int(m["day"] or calendar.monthrange(year, month)[1]))
    except ValueError:  # a month or day no calendar has
        return False
    return end < as_of - timedelta(days=RECALL_DAYS)


def _part_and_whole(a: Item, b: Item) -> bool:
    starts = (a.claim.figure.start if a.claim.figure else -1, b.claim.figure.start if b.claim.figure else -1)
    return a.frame.part_of == starts[1] or b.frame.part_of == starts[0]
