"""The shipped logistic models (``data/models/*.json``): weights read once per process, and the
probability a model gives to a set of named features."""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(file: str) -> dict[str, Any] | None:
    """The weights in ``data/models/FILE``, or None when they have not been trained."""
    path = resources.files("rashomon") / "data" / "models" / file
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def probability(m: dict[str, Any], f: dict[str, float]) -> float:
    """The logistic model ``m``'s probability for the features ``f`` (absent ones weigh nothing)."""
    weights = m["weights"]
    z = m["bias"] + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
