"""The evidence that two figures state one quantity, and the trained model that weighs it.

For a pair of compatible figures (:mod:`rashomon.link.measures`), :func:`features` reads what their
words share: the content words around each figure weighted by how rare they are among the story's
figures (so that "points" in a story of a basketball game weighs little and "halftime" much), the
counted noun, the owners, the neighbouring words; how rare the shared value is in the story
("4,901" is telling, "two" is not); whether each is the other's best counterpart in the other
report; whether either report gives another value for the same thing. Two logistic models weigh
them (:func:`probability`), one for figures that agree and one for figures that do not, trained
on the development stories of ``../shared/bench/reconcile`` (``python -m rashomon.train slots``;
weights and thresholds in ``data/models/slots.json``).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rashomon.link.measures import Item, dimension, in_base_unit, key, same_period, senses, values_meet
from rashomon.records import Claim, Frame

FEATURES = (
    "cosine", "overlap", "near", "same_counted", "other_counted", "same_measure", "same_sense", "owners_jaccard",
    "owners_disjoint", "rarity", "equal_value", "small_value", "magnitude", "same_pair_side", "same_partner",
    "pair_mismatch", "same_report", "same_period", "same_source", "approximate", "log_ratio", "count",
    "money_or_percent", "measure", "mutual_best", "one_way_best", "agreeing_elsewhere", "alone_in_reports", "rivals",
    "period_clash", "same_place", "place_clash",
)  # fmt: skip


@cache
def model() -> dict[str, Any]:
    """The trained weights (``data/models/slots.json``), read once per process."""
    path = resources.files("rashomon") / "data" / "models" / "slots.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def probability(m: dict[str, Any], x: list[float]) -> float:
    """A logistic model (``model()["agree"]`` or ``["differ"]``) on features ``x``."""
    z = m["bias"] + sum(w * (v - mu) / sd for w, v, mu, sd in zip(m["weights"], x, m["mean"], m["scale"], strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def items(claims: Sequence[Claim], sources: Sequence[str]) -> list[Item]:
    """The story's claims with their weighted words, how rare their values are, and their rivals."""
    out = []
    for i, (c, source) in enumerate(zip(claims, sources, strict=True)):
        frame = c.frame or Frame(measure=c.predicate)
        low, high = (in_base_unit(frame, v) for v in c.value.span())
        out.append(Item(i, c, frame, low, high, source))
    weights = _idf(out)
    counts: Counter[tuple[str, float]] = Counter((i.frame.kind, i.claim.value.low) for i in out)
    biggest = max(counts.values(), default=1)
    values: dict[tuple[object, ...], set[float]] = defaultdict(set)
    spoken: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for item in out:
        values[_rival_key(item)].add(item.claim.value.low)
        spoken[(*_rival_key(item), item.source)].append(item)
    for item in out:
        item.rivals = len(values[_rival_key(item)]) - 1
        item.voices = sum(not values_meet(item, other) for other in spoken[(*_rival_key(item), item.source)][:50])
        item.words = {w: weights[w] for w in sorted(_terms(item))}  # sorted: sums in one order, every run
        item.norm = math.sqrt(sum(v * v for v in item.words.values()))
        item.rarity = 1.0 - math.log(counts[(item.frame.kind, item.claim.value.low)]) / math.log(biggest + 1)
    return out


def _rival_key(item: Item) -> tuple[object, ...]:
    """Figures of one report that state the same kind of thing: its sense, else what it counts or its unit."""
    f = item.frame
    return (item.claim.article_id, *dimension(f), f.measure if f.measure in senses() else key(f))


def _terms(item: Item) -> set[str]:
    f = item.frame
    terms = set(f.context) | {"m:" + f.measure} | {"o:" + o for o in f.owners}
    if f.counted:
        terms.add("c:" + f.counted)
    if f.pair:
        terms |= {f"pair:{f.pair}", f"partner:{f.partner:g}"}
    return terms


def _idf(found: list[Item]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for item in found:
        df.update(_terms(item))
    n = len(found)
    return {w: math.log((n + 1) / (d + 0.5)) for w, d in df.items()}


def cosine(a: Item, b: Item) -> float:
    if len(a.words) > len(b.words):
        a, b = b, a
    dot = sum(w * b.words.get(k, 0.0) for k, w in a.words.items())
    return dot / (a.norm * b.norm) if a.norm and b.norm else 0.0


@dataclass(frozen=True, slots=True)
class Counterparts:
    """For each claim and each other report, the most similar compatible claim there: a figure whose
    best counterpart in another report states another value, and which has no counterpart there
    that agrees, is what a disagreement between the two reports looks like."""

    best: dict[tuple[int, str], tuple[float, int]]  # (claim, report) -> (similarity, claim there)
    agreeing: dict[tuple[int, str], float]  # (claim, report) -> best similarity of an agreeing claim there

    @staticmethod
    def of(pairs: list[tuple[Item, Item]]) -> Counterparts:
        best: dict[tuple[int, str], tuple[float, int]] = {}
        agreeing: dict[tuple[int, str], float] = {}
        for a, b in pairs:
            sim, meet = cosine(a, b), values_meet(a, b)
            for x, y in ((a, b), (b, a)):
                k = (x.index, y.claim.article_id)
                if sim > best.get(k, (-1.0, -1))[0]:
                    best[k] = (sim, y.index)
                if meet and sim > agreeing.get(k, 0.0):
                    agreeing[k] = sim
        return Counterparts(best, agreeing)

    def restated(self, a: Item, b: Item) -> bool:
        """Whether either report also states the other's figure in a role at least as alike: then the two
        figures are two quantities ("seven life sentences and four ..." in both reports), not a disagreement."""
        if a.claim.article_id == b.claim.article_id:
            return False  # inside one report, two sources' figures are weighed by their sources
        ka, kb = (a.index, b.claim.article_id), (b.index, a.claim.article_id)
        return max(self.agreeing.get(ka, 0.0), self.agreeing.get(kb, 0.0)) >= cosine(a, b)

    def read(self, a: Item, b: Item) -> dict[str, float]:
        ka, kb = (a.index, b.claim.article_id), (b.index, a.claim.article_id)
        first, second = self.best.get(ka, (0.0, -1))[1] == b.index, self.best.get(kb, (0.0, -1))[1] == a.index
        return {
            "mutual_best": float(first and second),
            "one_way_best": float(first or second),
            "agreeing_elsewhere": max(self.agreeing.get(ka, 0.0), self.agreeing.get(kb, 0.0)),
        }


def features(a: Item, b: Item, counterparts: Counterparts) -> list[float]:
    """What the models read of a pair, in the order of ``FEATURES``."""
    fa, fb = a.frame, b.frame
    va, vb = a.claim.value, b.claim.value
    ka, kb = key(fa), key(fb)
    owners_a, owners_b = set(fa.owners), set(fb.owners)
    shared = sum(v for w, v in a.words.items() if w in b.words)
    smaller = min(sum(a.words.values()), sum(b.words.values())) or 1.0
    found = {
        "cosine": cosine(a, b),
        "overlap": shared / smaller,
        "near": min(len(set(fa.near) & set(fb.near)), 3) / 3,
        "same_counted": float(ka is not None and ka == kb),
        "other_counted": float(ka is not None and kb is not None and ka != kb),
        "same_measure": float(fa.measure == fb.measure),
        "same_sense": float(fa.measure == fb.measure and fa.measure in senses()),
        "owners_jaccard": len(owners_a & owners_b) / len(owners_a | owners_b) if owners_a | owners_b else 0.0,
        "owners_disjoint": float(bool(owners_a) and bool(owners_b) and not owners_a & owners_b),
        "rarity": min(a.rarity, b.rarity),
        "equal_value": float(va.low == vb.low and va.high == vb.high),
        "small_value": float(abs(va.low) <= 10),
        "magnitude": math.log10(abs(va.low) + 1),
        "same_pair_side": float(fa.pair > 0 and fa.pair == fb.pair),
        "same_partner": float(fa.partner is not None and fa.partner == fb.partner),
        "pair_mismatch": float(fa.pair != fb.pair),
        "same_report": float(a.claim.article_id == b.claim.article_id),
        "same_period": float(bool(fa.period) and fa.period == fb.period),
        "same_source": float(a.source == b.source),
        "approximate": float(va.approximate or vb.approximate),
        "log_ratio": min(abs(math.log((abs(va.low) + 1) / (abs(vb.low) + 1))), 3.0),
        "count": float(fa.kind == "count"),
        "money_or_percent": float(fa.kind in ("money", "percent")),
        "measure": float(fa.kind in ("measure", "duration", "age")),
        "alone_in_reports": float(ka is not None and ka == kb and a.rivals == 0 and b.rivals == 0),
        "rivals": min(math.log1p(max(a.rivals, b.rivals)), 3.0),
        "period_clash": float(not same_period(fa.period, fb.period)),
        "same_place": float(fa.place is not None and fa.place == fb.place),
        "place_clash": float(fa.place is not None and fb.place is not None and fa.place != fb.place),
        **counterparts.read(a, b),
    }
    return [found[name] for name in FEATURES]
