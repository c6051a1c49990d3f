"""Intervals as the exports carry them and as readers see them.

In JSON an interval is ``{"low": number, "high": number | null}``: ``high`` is null when the figure
has no upper bound ("at least 53" is ``[53, inf)``). "Up to 75" is ``[0, 75]``; an approximate
figure keeps its point value, with its ``tolerance`` beside it.
"""

from __future__ import annotations

import math


def bound(x: float) -> float | None:
    """A value as JSON carries it: an unbounded end is null."""
    return None if math.isinf(x) else x


def interval_text(low: float, high: float | None) -> str:
    """ "53", "≥ 53", "≤ 75", "3–9": an interval as a reader wants it (``high`` None or infinite: unbounded)."""
    if high is None or math.isinf(high):
        return f"≥ {low:,g}"
    if low == high:
        return f"{low:,g}"
    if low == 0:
        return f"≤ {high:,g}"
    return f"{low:,g}–{high:,g}"
