"""Intervals as the exports carry them and as readers see them.

In JSON an interval is ``{"low": number, "high": number | null}``: ``high`` is null when the figure
has no upper bound ("at least 53" is ``[53, inf)``). "Up to 75" is ``[0, 75]``; an approximate
figure keeps its point value, with its ``tolerance`` beside it.
"""

from __future__ import annotations

import math
from typing import Any


def bound(x: float) -> float | None:
    """A value as JSON carries it: an unbounded end is null."""
    return None if math.isinf(x) else x


def unbound(x: float | None) -> float:
    """A JSON end back as a number: null is unbounded above."""
    return math.inf if x is None else float(x)


def interval_text(v: dict[str, Any]) -> str:
    """ "53", "≥ 53", "≤ 75", "3–9": an interval as a reader wants it."""
    low, high = v["low"], v.get("high")
    if high is None:
        return f"≥ {low:,g}"
    if low == high:
        return f"{low:,g}"
    if low == 0:
        return f"≤ {high:,g}"
    return f"{low:,g}–{high:,g}"
