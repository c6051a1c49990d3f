"""Whether two claims' periods can be one, read pair by pair over a story's table of claims.

Periods are the strings frames give ("2026-03-02", "2026-W10", "P3M", "every P1D"; :mod:`rashomon.link.measures`
says what each pair of them allows); these functions read them for arrays of claim pairs, once per distinct
pair of periods where it pays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from rashomon.link.measures import day_ordinal, one_stretch, same_period, starts

if TYPE_CHECKING:
    from rashomon.link.evidence import Table


def period_clash(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether two claims' periods cannot be one, read once per distinct pair of periods."""
    width = t.period.max(initial=-1) + 2
    codes = (t.period[i] + 1) * width + (t.period[j] + 1)
    distinct, back = np.unique(codes, return_inverse=True)
    names = [None, *t.period_names]
    clash = np.array([not same_period(names[c // width], names[c % width]) for c in distinct.tolist()], dtype=bool)
    out: np.ndarray = clash[back] if len(i) else np.zeros(0, dtype=bool)
    out &= ~reached_later(t, i, j)
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
    week", "since March 1" and "in March": :func:`rashomon.link.measures.starts`)."""
    names = [None, *t.period_names]
    a, b = (t.period[i] + 1).tolist(), (t.period[j] + 1).tolist()
    forward = np.array([starts(names[x], names[y]) for x, y in zip(a, b, strict=True)], dtype=bool)
    backward = np.array([starts(names[y], names[x]) for x, y in zip(a, b, strict=True)], dtype=bool)
    result: np.ndarray = (t.since[i] & forward) | (t.since[j] & backward)
    return result
