"""Literal words a regular expression cannot match without: a cheap test that skips a costly scan.

Scanning a few thousand characters with a pattern that starts with a look-behind or an optional
group costs Python's ``re`` a try at every position (0.1 to 0.6 ms per pattern per article here),
even when the text holds none of the pattern's words. :func:`needed` reads a compiled pattern's
syntax tree for a set of literal strings every match contains at least one of ("weekend" or
"daily"), and :func:`may_match` checks for them with plain substring tests on the case-folded text,
which cost microseconds. The test only ever skips a pattern that cannot match: it is a shortcut,
never a change in what is found.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser ``re`` itself compiles with; private, so a missing one means "no shortcut"
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parse = None

# Case-insensitive matching pairs these with "i", but case folding does not (see fold).
DOTTED = str.maketrans({"\u0130": "i", "\u0131": "i"})


def fold(text: str) -> str:
    """``text`` case-folded so that every case-insensitive match of a literal is a substring of it."""
    if "\u0130" in text or "\u0131" in text:
        text = text.translate(DOTTED)
    return text.casefold()


def needed(pattern: re.Pattern[str]) -> frozenset[str]:
    """Case-folded literal strings one of which every match of ``pattern`` contains; empty when unknown."""
    if sre_parse is None:
        return frozenset()
    found = _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return frozenset(found) if found and all(found) else frozenset()


def may_match(needs: frozenset[str], folded: str) -> bool:
    """Whether a pattern with ``needs`` can match the text whose :func:`fold` is ``folded``."""
    return not needs or any(word in folded for word in needs)


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective literal set among a sequence's parts: each part must be in every match."""
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in [*items, (None, None)]:  # the sentinel ends the last run of literals
        if op is sre.LITERAL:
            run.append(chr(arg).casefold())
            continue
        for candidate in ({"".join(run)} if run else None, _part(op, arg)):
            if candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
                best = candidate
        run = []
    return best


def _part(op: Any, arg: Any) -> set[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre.BRANCH:
        options = [_sequence(list(branch)) for branch in arg[1]]
        return None if any(o is None for o in options) else set().union(*options)  # type: ignore[arg-type]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) and arg[0] >= 1:
        return _sequence(list(arg[2]))
    return None  # look-arounds, classes, categories: no literal is sure to be in the match


def _selectivity(words: set[str]) -> tuple[int, int]:
    """Longer shortest word first (rarer in text), then fewer words."""
    return min(map(len, words)), -len(words)
