"""Lexicons are data files (``rashomon/data/lexicons/*.json``); this module only reads them."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The parsed lexicon ``name`` (the file name without ``.json``), read once per process."""
    path = resources.files("rashomon") / "data" / "lexicons" / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def phrase_pattern(phrases: list[str]) -> str:
    """A regex alternation of ``phrases``, longest first, each matched as whole words."""
    import re

    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return rf"(?<![\w-])(?:{alternatives})(?![\w-])"
