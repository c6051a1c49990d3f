"""Figures written in pairs: scores, vote tallies and records ("65-53", "a 69-30 vote", "Creighton (25-7)").

"X-Y" is a range ("15-20 people") unless it reads as a pair: the first figure is the larger (ranges
run upwards), the words around it are those of a contest or a count ("victory", "vote", "led",
"record", "deadlock"; ``score_words`` in ``lexicons/amounts.json``), or it stands in brackets after a
name. A pair is two figures, each with its own span; a tie ("12-12", "12-all") is one. Days of a
month written as a range ("12-13 March") are neither.
"""

from __future__ import annotations

import re
from functools import cache

from rashomon.dates import MONTHS
from rashomon.lexicons import lexicon, phrase_pattern

MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
PAIR = re.compile(
    r"(?<![\d.,$£€/:-])(\d{1,3})(\s?(?:-|–|—)\s?|-(?:of|for)-|\s(?:to)\s)(\d{1,3}|all)(?!\d|[.,]\d|\s?%|\s?per\s?cent|-\w)",
    re.I,
)
DAY_RANGE = re.compile(
    rf"\b\d{{1,2}}\s?[-–]\s?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|\b{MONTH}\s+\d{{1,2}}\s?[-–]\s?\d{{1,2}}\b", re.I
)
DASHED = re.compile(r"\d\s?[-–]\s?\d")
BRACKETED = re.compile(r"\(\s*$")
WINDOW = 40


@cache
def _score_words() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon("amounts")["score_words"]), re.I)


def day_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of day ranges ("12-13 March", "March 12-13"): dates, not amounts."""
    if not DASHED.search(text):
        return []  # most texts hold no two numbers joined by a dash: the month alternation is not tried
    return [(m.start(), m.end()) for m in DAY_RANGE.finditer(text)]


def pairs(text: str, days: list[tuple[int, int]]) -> list[tuple[int, int, float, int, int, float]]:
    """Each pair as (start, end, value) of its first figure and of its second; a tie is one figure
    spanning both, given twice. Ranges and ``days`` (day ranges) are left to the other readers."""
    out = []
    for m in PAIR.finditer(text):
        if any(s <= m.start() < e for s, e in days):
            continue
        first = float(m.group(1))
        second = first if m.group(3).lower() == "all" else float(m.group(3))
        if not _reads_as_pair(text, m, first, second):
            continue
        if first == second:
            out.append((m.start(), m.end(), first, m.start(), m.end(), second))
        else:
            out.append((m.start(1), m.end(1), first, m.start(3), m.end(3), second))
    return out


def _reads_as_pair(text: str, m: re.Match[str], first: float, second: float) -> bool:
    joiner = m.group(2).strip().lower()
    before, after = text[max(0, m.start() - WINDOW) : m.start()], text[m.end() : m.end() + WINDOW]
    if joiner in ("-of-", "-for-"):
        return True  # "7-for-14 from the field", "3-of-4"
    near = _score_words().search(before) or _score_words().search(after)
    if joiner == "to":
        return bool(near) and first >= second  # "a vote of 69 to 30"; "5 to 9 people" is a range
    if first >= second:
        return True
    return bool(near or (BRACKETED.search(before) and re.match(r"\s*[),]", after)))
