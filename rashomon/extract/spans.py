"""Helpers shared by the extractors that find spans of text."""

from __future__ import annotations

from typing import Protocol, TypeVar


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def without_overlaps(found: list[S]) -> list[S]:
    """The longest of any overlapping spans (the earlier one on a tie), in text order."""
    kept: list[S] = []
    for item in sorted(found, key=lambda x: (-(x.end - x.start), x.start)):
        if all(item.end <= k.start or item.start >= k.end for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda x: x.start)
