"""Slots: the claims of a story that state the same quantity, lined up.

A slot is one measure of one set of things at one time or over one period. Two claims can share a
slot only when their frames are compatible (:func:`rashomon.link.measures.compatible`); whether they
do is weighed by the trained models of :mod:`rashomon.link.evidence`, figures that disagree needing
stronger evidence (their own model and threshold) than figures that agree. Inside one report, two
different figures share a slot only when two sources give them: "the ministry said 120 escaped ...
an SDF spokesperson said about 1,500 had" is one quantity, two speakers, a conflict.

1. pairs: claims are compared within buckets of one value, one measure or one counted thing, each
   capped, so that a long story costs about linear time;
2. weigh: each compatible pair gets the probability that it states one quantity;
3. grow: slots grow greedily from the most likely pair down, each merge needing most pairs across
   the two slots linked and none incompatible (average linkage), so that one loose link cannot
   chain two quantities together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from rashomon.link.evidence import Counterparts, features, items, model, probability
from rashomon.link.measures import Item, compatible, dimension, same_period, senses, values_meet
from rashomon.records import Claim

MAX_BUCKET = 300  # claims compared with each other per bucket: a long story stays linear
RULE = 1.0  # the weight of a pair a rule decides (the models' probabilities stay below it)
LINKED_SHARE = 0.5  # of the pairs across two slots, the share that must be linked for them to merge
Scored = tuple[float, str, int, int]  # (probability, "agree" or "differ", claim index, claim index)


def group(claims: Sequence[Claim], sources: Sequence[str], params: dict[str, Any] | None = None) -> list[list[int]]:
    """The slots of ``claims`` as lists of their indexes (``sources[i]`` is who stands behind claim i);
    ``params`` replaces the shipped model (training uses it)."""
    params = params or model()
    found = items(claims, sources)
    return grow(found, scored_pairs(found, params), params["thresholds"])


def candidate_pairs(found: list[Item]) -> list[tuple[Item, Item]]:
    """1. Compatible pairs worth comparing: the same value, the same measure or the same counted thing."""
    buckets: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for item in found:
        f = item.frame
        buckets[("v", f.kind, round(item.low, 6))].append(item)
        buckets[("m", f.kind, f.measure)].append(item)
        if f.counted or f.unit:
            buckets[("c", *dimension(f), f.counted)].append(item)
    seen: set[tuple[int, int]] = set()
    out = []
    for members in buckets.values():
        for x, a in enumerate(members[:MAX_BUCKET]):
            for b in members[x + 1 : MAX_BUCKET]:
                if (a.index, b.index) not in seen and compatible(a, b):
                    seen.add((a.index, b.index))
                    out.append((a, b))
    return out


def scored_pairs(found: list[Item], params: dict[str, Any]) -> list[Scored]:
    """2. Each candidate pair with the probability that it states one quantity, and which model said so."""
    return [(weigh(params, which, x, rule), which, a.index, b.index) for which, a, b, x, rule in evidence_of(found)]


def evidence_of(found: list[Item]) -> list[tuple[str, Item, Item, list[float], bool]]:
    """Each candidate pair with the model it goes to, its features, and whether a rule decides it."""
    pairs = candidate_pairs(found)
    counterparts = Counterparts.of(pairs)
    out = []
    for a, b in pairs:
        which = "agree" if values_meet(a, b) else "differ"
        if which == "differ" and (not _may_differ(a, b) or counterparts.restated(a, b)):
            continue
        rule = which == "differ" and (speakers_disagree(a, b) or updated(a, b))
        out.append((which, a, b, features(a, b, counterparts), rule))
    return out


def weigh(params: dict[str, Any], which: str, x: list[float], rule: bool) -> float:
    """The probability that a pair states one quantity: 1 where a rule decides it, else the model's."""
    return RULE if rule else probability(params[which], x)


def speakers_disagree(a: Item, b: Item) -> bool:
    """One report, two sources, one sense, each source giving one figure for it, of one period and place
    as far as the report says: "the ministry said 120 escaped ... an SDF spokesperson said about 1,500
    had escaped" (the frames are already compatible: one class, no part of the other)."""
    fa, fb = a.frame, b.frame
    same_report = a.claim.article_id == b.claim.article_id and a.source != b.source
    one_each = a.voices == 0 and b.voices == 0  # a source giving two tolls says two things, not one
    sense = fa.measure == fb.measure and fa.measure in senses() and fa.pair == fb.pair == 0
    return same_report and one_each and sense and fa.period == fb.period and fa.place == fb.place


def updated(a: Item, b: Item) -> bool:
    """Two reports of different days, each giving one figure for one sense: "18 are still held" on
    Wednesday, "nine remain in the hands of" on Thursday. Whether the change is plausible (an
    evolution) or not (a conflict) is the slot's status to say."""
    fa, fb = a.frame, b.frame
    dated = a.claim.as_of is not None and b.claim.as_of is not None and a.claim.as_of != b.claim.as_of
    alone = a.rivals == 0 and b.rivals == 0
    batch = fa.increment or fb.increment  # "six more", "another nine": each batch is its own quantity
    sense = fa.measure == fb.measure and fa.measure in senses() and fa.pair == fb.pair == 0
    return dated and alone and sense and not batch and same_period(fa.period, fb.period)


def _may_differ(a: Item, b: Item) -> bool:
    """Two different figures of one report state one quantity only when two sources give them."""
    return a.claim.article_id != b.claim.article_id or a.source != b.source


def grow(found: list[Item], scored: list[Scored], thresholds: dict[str, float]) -> list[list[int]]:
    """3. Slots of figures that agree first, merged along the pairs above the agree threshold, best first,
    while most pairs across two slots are linked; then slots that disagree, merged along a pair above
    the differ threshold. No merge may join incompatible frames, or two figures of one source in one report."""
    slot_of = {i.index: i.index for i in found}
    members: dict[int, list[int]] = {i.index: [i.index] for i in found}
    for phase in ("agree", "differ"):
        least = min(thresholds[phase], RULE)  # a rule's link always counts
        candidates = [(p, a, b) for p, which, a, b in scored if which == phase and p >= least]
        links = {(a, b) for _, a, b in candidates} | {(b, a) for _, a, b in candidates}
        share = LINKED_SHARE if phase == "agree" else 0.0
        for _, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            sa, sb = slot_of[a], slot_of[b]
            if sa == sb or not _can_merge(found, members[sa], members[sb], links, share, phase == "agree"):
                continue
            members[sa] += members.pop(sb)
            for m in members[sa]:
                slot_of[m] = sa
    return [sorted(m) for _, m in sorted(members.items())]


def _can_merge(
    found: list[Item], left: list[int], right: list[int], links: set[tuple[int, int]], share: float, agreeing: bool
) -> bool:
    """Every pair across the two slots is compatible, ``share`` of them are linked, no source in a report
    gives two different figures, and, while ``agreeing``, every pair can hold together."""
    linked = 0
    for a in left:
        for b in right:
            ia, ib = found[a], found[b]
            if not compatible(ia, ib):
                return False
            meet = values_meet(ia, ib)
            if not meet and (agreeing or (ia.claim.article_id == ib.claim.article_id and ia.source == ib.source)):
                return False
            linked += (a, b) in links
    return linked >= share * len(left) * len(right)
