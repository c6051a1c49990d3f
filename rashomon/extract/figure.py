"""The figure record and the readers of figures that need only the text: scores and tallies
(:mod:`rashomon.extract.pairs`) and amounts written as a word and a scale ("several hundred", "half a
million")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rashomon.extract.numbers import scales
from rashomon.extract.pairs import pairs
from rashomon.lexicons import lexicon, phrase_pattern


@dataclass(frozen=True, slots=True)
class Figure:
    """One amount found in text, before it becomes a record."""

    start: int
    end: int
    low: float
    high: float
    values: tuple[float, ...]
    kind: str = "count"
    unit: str | None = None
    approximate: bool = False
    change: str = "="
    vague: bool = False
    tolerance: float = 0.0  # an approximate figure keeps its point value; this is its stated relative spread
    pair: int = 0  # 1 or 2: the first or second figure of a score or tally ("65-53"), 0 otherwise


@cache
def _amounts() -> dict[str, Any]:
    return lexicon("amounts")


def pair_figures(text: str, days: list[tuple[int, int]]) -> list[Figure]:
    """Scores and tallies: two figures ("65-53"), or one for a tie ("12-12")."""
    out = []
    for s1, e1, v1, s2, e2, v2 in pairs(text, days):
        out.append(Figure(s1, e1, v1, v1, (v1,), pair=1 if s1 != s2 else 0))
        if s1 != s2:
            out.append(Figure(s2, e2, v2, v2, (v2,), pair=2))
    return out


AGE_BAND = re.compile(
    r"\b(?:aged?|ages|between the ages of)\s+(\d{1,3})\s*(?:-|–|to|and|through)\s*(\d{1,3})\b(?!\s*(?:%|per))"
    r"|\b(\d{1,3})(?:-year-olds?)?-?\s*(?:to|and|through|-|–)\s*(\d{1,3})[- ]years?[- ]olds?\b"
    r"|\b(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})\s+age\s+(?:group|range|bracket)s?\b",
    re.I,
)


def age_bands(text: str) -> list[Figure]:
    """ "children aged 5 to 11", "teenagers 12- to 17-years-old", "the 5 to 11 age group": the youngest and
    the oldest age of a band, two ages (a pair, like a score's two figures)."""
    out = []
    for m in AGE_BAND.finditer(text):
        first, second = (g for g in range(1, 7) if m.group(g) is not None)
        low, high = float(m.group(first)), float(m.group(second))
        if low >= high:
            continue
        for n, (g, value) in enumerate(((first, low), (second, high)), start=1):
            out.append(Figure(m.start(g), m.end(g), value, value, (value,), kind="age", unit="year of age", pair=n))
    return out


def scaled_figures(text: str) -> list[Figure]:
    """ "several hundred" (300-900), "a few dozen"; "half a million" (500,000), "a quarter million"."""
    out = []
    vague, exact = _amounts()["vague_scaled"], _amounts()["fractional_scaled"]
    for m in _scaled_pattern().finditer(text):
        word, scale = re.sub(r"\s+", " ", m.group(1).lower()), float(scales()[m.group(2).lower()])
        if word in exact:
            value = exact[word] * scale
            out.append(Figure(m.start(), m.end(), value, value, (value,)))
        else:
            low, high = vague[word][0] * scale, vague[word][1] * scale
            out.append(Figure(m.start(), m.end(), low, high, (low, high), approximate=True, vague=True))
    return out


FRACTIONAL_POINT = re.compile(
    r"\b(half\s+a|a\s+quarter\s+of\s+a|a\s+quarter|three\s+quarters\s+of\s+a)\s+percentage\s+point\b"
    r"|\b(?:a\s+)?(half|quarter)[\s-]point\b",
    re.I,
)
POINT_FRACTIONS = {"half": 0.5, "quarter": 0.25}


def fractional_points(text: str) -> list[Figure]:
    """ "half a percentage point" (0.5), "a quarter of a percentage point", "a quarter-point": a share in
    percentage points written as a fraction of one."""
    out = []
    exact = _amounts()["fractional_scaled"]
    for m in FRACTIONAL_POINT.finditer(text):
        word = re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
        value = float(exact[word]) if m.group(1) else POINT_FRACTIONS[word]
        out.append(Figure(m.start(), m.end(), value, value, (value,), kind="percent", unit="percent"))
    return out


@cache
def _scaled_pattern() -> re.Pattern[str]:
    words = phrase_pattern([*_amounts()["vague_scaled"], *_amounts()["fractional_scaled"]])
    return re.compile("(" + words + r")\s+(dozen|hundred|thousand|million|billion)(?![\w-])", re.I)
