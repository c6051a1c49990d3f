"""Calendar dates written out in text: "23 January 2026", "Jan. 23, 2026", "2026-01-23"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I
)
MONTH_DAY_YEAR = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
NUMERIC = re.compile(r"\b(?P<month>\d{1,2})\s?/\s?(?P<day>\d{1,2})\s?/\s?(?P<year>\d{4}|\d{2})\b")  # US order
DATELINE_LEAD = re.compile(
    r"(?:(?:last|first)\s+)?(?:updated|posted|published|release|edited)?(?:\s+(?:on|time))?\s*:?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?\s*,?\s*)?",
    re.I,
)  # what may come before a dateline's date: "Last Updated:", "Posted on: 3:35 pm,"
LEAD_CHARS = 12  # a date this near the start of a line opens it whatever comes before ("THURSDAY, JUNE 30, 2005")
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)")


def _build(year: str, month: str, day: str) -> date | None:
    m = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    try:
        return date(int(year), m, int(day))
    except ValueError:
        return None


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first full calendar date (day, month and year) written in ``text``, with its match."""
    found = [m for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO) if (m := pattern.search(text))]
    for m in sorted(found, key=lambda m: m.start()):
        built = _build(m["year"], m["month"], m["day"])
        if built is not None:
            return built, m
    return None


def find_dateline(line: str) -> date | None:
    """The date a dateline gives: a full date opening ``line``, after at most the words datelines put
    before it ("Posted 11 / 27 / 2005 7:21 AM", "Last Updated: Monday, 28 November 2005, 02:24 GMT").
    A date written in digits is read month first (as US outlets write it) only where that cannot be
    mistaken: "11/27/2005", "5/5/2010", not "4/9/2007"."""
    found = find_date(line)
    candidates = [(found[1].start(), found[0])] if found else []
    m = NUMERIC.search(line)
    if m and (int(m["day"]) > 12 or m["day"] == m["month"]):
        year = int(m["year"]) + (2000 if len(m["year"]) == 2 else 0)
        built = _build(str(year), m["month"], m["day"])
        if built is not None:
            candidates.append((m.start(), built))
    for start, day in sorted(candidates, key=lambda c: c[0]):
        if start <= LEAD_CHARS or DATELINE_LEAD.fullmatch(line[:start]):
            return day
    return None


def dates_in(text: str) -> list[date]:
    """Every full calendar date written in ``text``, in order."""
    found = [m for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO) for m in pattern.finditer(text)]
    built = (_build(m["year"], m["month"], m["day"]) for m in sorted(found, key=lambda m: m.start()))
    return [d for d in built if d is not None]


def date_in_url(url: str) -> date | None:
    """The publication date many sites write into their paths: ``/2026/01/20/``."""
    m = URL_DATE.search(url)
    return _build(m["year"], m["month"], m["day"]) if m else None


def parse_iso_date(value: str) -> date:
    """``YYYY-MM-DD`` (a datetime's date part is accepted); ValueError otherwise."""
    return date.fromisoformat(value.strip()[:10])
