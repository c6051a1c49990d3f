"""Whether two claims' periods can be one, read pair by pair over a story's table of claims.

Periods are the strings frames give ("2026-03-02", "2026-W10", "P3M", "every P1D"; :mod:`rashomon.link.measures`
says what each pair of them allows); these functions read them for arrays of claim pairs, once per distinct
pair of periods where it pays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from rashomon.link.measures import day_ordinal, one_stretch, same_period, starts

if TYPE_CHECKING:
    from rashomon.link.evidence import Table

DAYS = re.compile(r"P(\d+)D")  # a stretch of days ("in four days", "over the past four days")


def period_clash(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether two claims' periods cannot be one, read once per distinct pair of periods."""
    width = t.period.max(initial=-1) + 2
    codes = (t.period[i] + 1) * width + (t.period[j] + 1)
    distinct, back = np.unique(codes, return_inverse=True)
    names = [None, *t.period_names]
    clash = np.array([not same_period(names[c // width], names[c % width]) for c in distinct.tolist()], dtype=bool)
    out: np.ndarray = clash[back] if len(i) else np.zeros(0, dtype=bool)
    out &= ~reached_later(t, i, j)
    k = np.flatnonzero(out & (t.since[i] | t.since[j]))  # "54 since Sunday" and "90 in four days" on Thursday
    out[k] = ~since_its_start(t, i[k], j[k])
    return out


def reached_later(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs of days that a running total can join: the day a total was reached ("the toll rose to 43 on
    Wednesday", "by Wednesday") and an earlier or the same day of a figure ("killing 36 on Tuesday"), or two
    days a total was reached (the same toll on two days: an evolution, not two quantities)."""
    days = np.array([day_ordinal(name) for name in t.period_names] + [-1], dtype=int)  # code -1 reads the last
    di, dj = days[t.period[i]], days[t.period[j]]
    known = (di >= 0) & (dj >= 0)
    out: np.ndarray = known & (
        (t.reached[i] & t.reached[j]) | (t.reached[i] & (dj <= di)) | (t.reached[j] & (di <= dj))
    )
    return out


def one_stretch_pairs(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs whose periods name one stretch of time (:func:`rashomon.link.measures.one_stretch`)."""
    names = [None, *t.period_names]
    pairs = zip((t.period[i] + 1).tolist(), (t.period[j] + 1).tolist(), strict=True)
    return np.array([one_stretch(names[a], names[b]) for a, b in pairs], dtype=bool)


def since_its_start(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs of a total since a day and a figure of the stretch that day starts ("since Monday" and "this
    week", "since March 1" and "in March": :func:`rashomon.link.measures.starts`), or of the days from it
    to the other's report ("since Sunday" and "in four days of fighting", both told on Thursday)."""
    names = [None, *t.period_names]
    a, b = (t.period[i] + 1).tolist(), (t.period[j] + 1).tolist()
    di, dj = t.day[i].tolist(), t.day[j].tolist()
    forward = [
        starts(names[x], names[y]) or _days_since(names[x], names[y], d) for x, y, d in zip(a, b, dj, strict=True)
    ]
    backward = [
        starts(names[y], names[x]) or _days_since(names[y], names[x], d) for x, y, d in zip(a, b, di, strict=True)
    ]
    result: np.ndarray = (t.since[i] & np.array(forward, dtype=bool)) | (t.since[j] & np.array(backward, dtype=bool))
    return result


def _days_since(day: str | None, stretch: str | None, told: int) -> bool:
    """Whether ``stretch`` ("P4D") is the days from ``day`` to the day ``told`` (an ordinal), counted with
    the first day or without it: Sunday to Thursday is four days of fighting, or five."""
    m = DAYS.fullmatch(stretch or "")
    start = day_ordinal(day) if day is not None else -1
    return m is not None and start >= 0 and told >= 0 and told - start in (int(m[1]), int(m[1]) - 1)
