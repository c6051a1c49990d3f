"""The evidence that two figures state one quantity, and the trained model that weighs it.

For pairs of compatible figures (:mod:`rashomon.link.measures`), :func:`evidence` reads what their
words share: the content words around each figure weighted by how rare they are among the story's
figures (so that "points" in a story of a basketball game weighs little and "halftime" much), the
counted noun, the owners, the neighbouring words; how rare the shared value is in the story
("4,901" is telling, "two" is not); whether each is the other's best counterpart in the other
report; whether either report gives another value for the same thing; whether their qualifiers
clash ("two charity shots", "six blocked shots") or only one names whose figure it is; how many
figures of what they count each report gives (in a game's story "minutes" come by the dozen). Two
logistic models weigh them (:func:`probabilities`), one for figures that agree and one for figures
that do not, trained on the development stories of ``../shared/bench/reconcile`` (``python -m
rashomon.train slots``; weights and thresholds in ``data/models/slots.json``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from scipy import sparse

from rashomon.extract.readings import (
    CHANGE,
    CHILDREN,
    ELSEWHERE,
    LEVEL,
    MAGNITUDE,
    POPULATION,
    RECORD,
    SEATS_WON,
    SINCE,
    SINCE_START,
    VOTE_SHARE,
    WITH_PERPETRATOR,
)
from rashomon.lexicons import lexicon
from rashomon.link.measures import (
    ATTRIBUTES,
    CONVERTED,
    Item,
    classes,
    dimension,
    family,
    in_base_unit,
    indicators,
    key,
    one_quantity_families,
    placed_senses,
    recalled,
    same_dimension,
    senses,
    tally_verbs,
    values_meet,
)
from rashomon.link.periods import period_clash, since_its_start
from rashomon.records import NOT_FACT, Claim, Frame

FEATURES = (
    "cosine", "overlap", "near", "same_counted", "other_counted", "same_measure", "same_sense", "owners_jaccard",
    "owners_disjoint", "rarity", "equal_value", "small_value", "magnitude", "same_pair_side", "same_partner",
    "pair_mismatch", "same_report", "same_period", "same_source", "approximate", "log_ratio", "count",
    "money_or_percent", "measure", "mutual_best", "one_way_best", "agreeing_elsewhere", "alone_in_reports", "rivals",
    "period_clash", "same_place", "place_clash", "modifiers_clash", "owner_one_side", "key_common",
)  # fmt: skip


@cache
def model() -> dict[str, Any]:
    """The trained weights (``data/models/slots.json``), read once per process."""
    path = resources.files("rashomon") / "data" / "models" / "slots.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


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
    for item in (i for i in out if not _no_rival(i)):
        values[_rival_key(item)].add(item.claim.value.low)
        spoken[(*_rival_key(item), item.source)].append(item)
    for item in (i for i in out if i.frame.part_of is not None):  # parts rival parts of their own class only
        values[(*_rival_key(item), "part", item.frame.counted)].add(item.claim.value.low)
    for item in out:
        part = ("part", item.frame.counted) if item.frame.part_of is not None else ()
        item.rivals = len(values[(*_rival_key(item), *part)] - {item.claim.value.low})
        if item.frame.measure in senses():  # only a sense is weighed by who gives it (slots.speakers_disagree)
            item.voices = sum(not values_meet(item, other) for other in spoken[(*_rival_key(item), item.source)][:50])
        item.words = {w: weights[w] for w in sorted(_terms(item))}  # sorted: sums in one order, every run
        item.norm = math.sqrt(sum(v * v for v in item.words.values()))
        item.rarity = 1.0 - math.log(counts[(item.frame.kind, item.claim.value.low)]) / math.log(biggest + 1)
    return out


def _no_rival(item: Item) -> bool:
    """A part ("30 of the 80 wounded"), a new batch ("another 20,000 marched in Thessaloniki") or an earlier
    happening's toll ("In February, a quake killed 612") is no rival to the figures its report gives for the
    same sense."""
    f = item.frame
    return f.part_of is not None or f.increment or (f.measure in senses() and recalled(f, item.claim.as_of))


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


class Table:
    """A story's claims as arrays, so that the evidence of thousands of pairs is read at once."""

    def __init__(self, found: list[Item]) -> None:
        self.n = len(found)
        terms = sorted({w for item in found for w in item.words})
        self.words = _matrix(found, terms, lambda item: item.words)
        norms = np.array([item.norm or 1.0 for item in found], dtype=float)
        self.unit = sparse.diags(1.0 / norms) @ self.words
        self.present = (self.words > 0).astype(float)
        self.mass = np.asarray(self.words.sum(axis=1)).ravel()
        self.near = _binary(found, lambda item: item.frame.near)
        self.mods = _binary(found, lambda item: item.frame.modifiers)
        earlier = frozenset(lexicon("claims")["earlier_qualifiers"])
        self.earlier = np.array([bool(earlier & set(item.frame.modifiers)) for item in found], dtype=bool)
        self.elsewhere = np.array([ELSEWHERE in item.frame.context for item in found], dtype=bool)
        self.since = np.array([SINCE in item.frame.context for item in found], dtype=bool)
        self.from_start = np.array([SINCE_START in item.frame.context for item in found], dtype=bool)
        self.with_perpetrator = np.array([WITH_PERPETRATOR in item.frame.context for item in found], dtype=bool)
        self.recalled = np.array([recalled(item.frame, item.claim.as_of) for item in found], dtype=bool)
        self.n_mods = np.asarray(self.mods.sum(axis=1)).ravel()
        self.owners = _binary(found, lambda item: item.frame.owners)
        self.n_owners = np.asarray(self.owners.sum(axis=1)).ravel()
        f = [item.frame for item in found]
        self.article = _codes([item.claim.article_id for item in found])
        self.source = _codes([item.source for item in found])
        self.key = _codes([key(x) for x in f])
        self.measure = _codes([x.measure for x in f])
        self.family = _codes([family(x.measure) for x in f])
        self.sense = np.array([x.measure in senses() for x in f], dtype=bool)
        self.placed = np.array([x.measure in placed_senses() for x in f], dtype=bool)
        self.one_quantity = np.array([family(x.measure) in one_quantity_families() for x in f], dtype=bool)
        attributes = frozenset(lexicon("claims")["measured_attributes"].values())  # a quake's depth
        self.attribute_measure = np.array(
            [x.kind == "measure" and (x.measure == MAGNITUDE or x.counted in attributes) for x in f], dtype=bool
        )  # one measure of one thing, which two agencies may give differently
        self.population = np.array([x.measure == POPULATION for x in f], dtype=bool)
        self.children = np.array([x.measure == CHILDREN for x in f], dtype=bool)
        self.held = np.array([x.measure in (RECORD, SEATS_WON, VOTE_SHARE) for x in f], dtype=bool)  # a holder's own
        self.seats = np.array([x.measure == SEATS_WON for x in f], dtype=bool)
        self.indicator = np.array([x.measure in (LEVEL, CHANGE) and x.counted in indicators() for x in f], dtype=bool)
        tallies = [
            x.measure in tally_verbs() and _winner_first(x, item.claim) for x, item in zip(f, found, strict=True)
        ]
        self.tally = np.array(tallies, dtype=bool)  # a side of a vote's tally, winner first
        self.qualifiers = _codes([tuple(sorted(x.modifiers)) for x in f])
        self.attribute = _codes([x.measure if x.measure in ATTRIBUTES else None for x in f])
        things = frozenset(lexicon("claims")["costed_things"])
        self.cost = np.array([x.kind == "money" and x.counted in things for x in f], dtype=bool)
        self.kind = np.array([x.kind for x in f], dtype=object)
        self.period = _codes([x.period for x in f])
        self.stretch = np.array([x.period is not None and not DAY.fullmatch(x.period) for x in f], dtype=bool)
        self.period_names = list(dict.fromkeys(x.period for x in f if x.period is not None))  # by code
        self.reached = np.array([x.through for x in f], dtype=bool)  # a running total's day: "rose to 43 on Monday"
        lasting = frozenset(lexicon("claims")["lasting_happenings"])
        rising = frozenset(lexicon("claims")["rises_over_time"])
        day = np.array([x.period is not None and DAY.fullmatch(x.period) is not None for x in f], dtype=bool)
        self.one_day = day & ~self.reached & ~self.since  # "killed 12 on Monday" (not "since Monday": a stretch)
        self.campaign_total = np.array(
            [x.kind == "count" and x.measure in rising and bool(lasting & set(x.context)) for x in f], dtype=bool
        )  # of people or things counted, not an age
        self.campaign_total &= ~self.one_day  # "the week-long offensive has killed 200", "... rose to 200 by Friday"
        self.place = _codes([x.place for x in f])
        sites = frozenset(lexicon("claims")["site_nouns"])  # "at the port", "workers at the airport"
        self.site = _codes([_one(sites & set(x.context)) for x in f])
        self.pair = np.array([x.pair for x in f], dtype=int)
        self.partner = np.array([np.nan if x.partner is None else x.partner for x in f], dtype=float)
        self.value = np.array([_point(item.claim) for item in found], dtype=float)
        self.top = np.array([item.claim.value.high for item in found], dtype=float)
        self.low = np.array([item.low for item in found], dtype=float)
        self.high = np.array([item.high for item in found], dtype=float)
        self.unit_name = _codes([x.unit for x in f])
        self.approximate = np.array([item.claim.value.approximate for item in found], dtype=bool)
        self.rarity = np.array([item.rarity for item in found], dtype=float)
        self.rivals = np.array([item.rivals for item in found], dtype=int)
        self.voices = np.array([item.voices for item in found], dtype=int)
        self.day = np.array([c.as_of.toordinal() if c.as_of else -1 for c in (item.claim for item in found)], dtype=int)
        self.increment = np.array([x.increment for x in f], dtype=bool)
        falling = frozenset(lexicon("claims")["falls_over_time"])  # states that ease day by day: trapped, held
        self.state = np.array([x.measure in falling for x in f], dtype=bool)
        self.fact = np.array([item.claim.stance not in NOT_FACT for item in found], dtype=bool)
        self.vague = np.array([item.claim.value.vague for item in found], dtype=bool)  # "thousands"
        self.dimension = _codes([dimension(x) for x in f])
        self.counted = _codes([x.counted for x in f])
        kinds: dict[str, str] = lexicon("claims")["thing_kinds"]
        self.thing = _codes([kinds.get(x.counted or "", x.counted) for x in f])  # homes, houses, households
        self.cls = _codes([classes().get(x.counted or "") for x in f])
        self.generic = np.array([x.counted in ("people", "person") for x in f], dtype=bool)  # "15 people"
        some = frozenset(lexicon("claims")["part_classes"])  # soldiers, civilians, children: some of the people
        self.part_class = np.array([classes().get(x.counted or "") in some for x in f], dtype=bool)
        units = frozenset(lexicon("claims")["unit_nouns"])  # "2,500 families" are no count of people
        self.unit_count = np.array([x.counted in units for x in f], dtype=bool)
        people = frozenset(lexicon("claims")["people_nouns"]) | classes().keys()
        fallen = frozenset(lexicon("claims")["fallen_words"])  # "40 centimetres of snow": an amount, not a distance
        self.amount = np.array(
            [dimension(x)[1] in AMOUNT_FAMILIES or (dimension(x)[1] == "length" and bool(fallen & set(x.modifiers)))
             for x in f], dtype=bool,
        )  # fmt: skip
        self.people = np.array([x.counted is None or x.counted in people for x in f], dtype=bool)
        self.start = np.array([item.claim.figure.start if item.claim.figure else -1 for item in found], dtype=int)
        self.end = np.array([item.claim.figure.end if item.claim.figure else -1 for item in found], dtype=int)
        self.apposed = _codes([_apposed(x) for x in f])
        whose = list(zip(self.article.tolist(), self.apposed.tolist(), strict=True))
        told = {(*key, item.claim.value.low) for key, item in zip(whose, found, strict=True)}
        ages = Counter((a, p) for a, p, _ in told)  # one report giving two ages for "the suspect": two suspects
        self.one_age = np.array([ages[key] == 1 for key in whose], dtype=bool)
        self.part_of = np.array([-2 if x.part_of is None else x.part_of for x in f], dtype=int)
        self._frames = f

    def alike(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs whose figures are wholes (neither is "30 of the 80"), of one time (neither alone counts
        "prior" or "previous" ones, or "since" a starting point) and one incident (neither is told of "a
        separate attack"), both counting the attacker or neither ("six, including the gunman"), with no two
        different sets of qualifiers or owners, nor two sites ("at the port", "at the airport"; lexicon
        ``site_nouns``): "four prior arrests" and "one arrest" that night are not two
        accounts of one number; "120 escaped" and "1,500 ISIS members escaped" are."""
        timeless = ~self.since & (self.period < 0)  # "the WHO put the number of deaths at 410"
        whole = (self.from_start[i] & timeless[j]) | (self.from_start[j] & timeless[i])  # "since the outbreak began"
        whole &= self.place[i] == self.place[j]  # not "six were killed in clashes near Hajin": one place's part
        one_time = (self.earlier[i] == self.earlier[j]) & ((self.since[i] == self.since[j]) | whole)
        k = np.flatnonzero(self.since[i] != self.since[j])  # "45 since Monday" and "38 this week": one stretch
        one_time[k] |= since_its_start(self, i[k], j[k])
        one_time &= self.recalled[i] == self.recalled[j]
        one_time &= self.with_perpetrator[i] == self.with_perpetrator[j]  # "six, including the gunman"
        one_time &= ~self.elsewhere[i] & ~self.elsewhere[j]
        mods = (self.n_mods[i] == 0) | (self.n_mods[j] == 0) | (_rowdot(self.mods, self.mods, i, j) > 0)
        owners = self.owners_meet(i, j)
        sites = (self.site[i] < 0) | (self.site[j] < 0) | (self.site[i] == self.site[j])
        wholes = (self.part_of[i] == -2) & (self.part_of[j] == -2)
        wholes |= (self.part_of[i] >= 0) & (self.part_of[j] >= 0) & (self.cls[i] >= 0) & (self.cls[i] == self.cls[j])
        # two reports' parts of one class: "19 killed, including five children", "nine children were among the dead"
        wholes &= ~self.more_people_than(i, j) & ~self.more_people_than(j, i)  # "15 people" beside "12 soldiers"
        result: np.ndarray = one_time & mods & owners & sites & wholes
        return result

    def more_people_than(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs where ``i`` counts more "people" than ``j`` counts of a group that is usually some of them
        (lexicon ``part_classes``): "killed 15 people" may count others beside "12 soldiers" (fewer people
        than soldiers would be a contradiction); "61 people died" in a shipwreck are the "41 migrants"."""
        result: np.ndarray = self.generic[i] & self.part_class[j] & (self.low[i] > self.high[j])
        return result

    def things_differ(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs counting two kinds of thing ("five villages", "several buildings"); people of any name
        ("people", "civilians", "persons") are one kind, homes of any name ("homes", "houses", "households",
        "customers" of a utility) another, and a figure naming none goes with any."""
        result: np.ndarray = ~self.people[i] & ~self.people[j] & (self.thing[i] != self.thing[j])
        return result

    def one_kind_of_thing(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs sharing a qualifier ("bipartisan infrastructure") with no two different sets of owners."""
        result: np.ndarray = (_rowdot(self.mods, self.mods, i, j) > 0) & self.owners_meet(i, j)
        return result

    def same_owners(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs naming the same owners, word for word ("the ruling party" is not "the ruling coalition")."""
        shared = _rowdot(self.owners, self.owners, i, j)
        result: np.ndarray = (shared == self.n_owners[i]) & (shared == self.n_owners[j])
        return result

    def owners_meet(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs with an owner in common, or one of them with none."""
        result: np.ndarray = (self.n_owners[i] == 0) | (self.n_owners[j] == 0)
        result |= _rowdot(self.owners, self.owners, i, j) > 0
        return result

    def one_place(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Pairs whose owners name one place (or person) in common, both having some."""
        result: np.ndarray = (self.n_owners[i] > 0) & (self.n_owners[j] > 0)
        result &= _rowdot(self.owners, self.owners, i, j) > 0
        return result

    def compatible(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """:func:`rashomon.link.measures.compatible` for every pair ``(i[k], j[k])``."""
        same_dim = self.dimension[i] == self.dimension[j]
        odd = ~same_dim & (self.kind[i] != self.kind[j])  # a count of points and a measure in points
        for k in np.flatnonzero(odd):
            same_dim[k] = same_dimension(self._frames[i[k]], self._frames[j[k]])
        same_report = self.article[i] == self.article[j]
        part = same_report & ((self.part_of[i] == self.start[j]) | (self.part_of[j] == self.start[i]))
        senses_differ = self.sense[i] & self.sense[j] & (self.family[i] != self.family[j])
        senses_differ &= ~self.placed[i] & ~self.placed[j]  # "12 pirates on board" were also arrested
        classes_differ = (self.cls[i] >= 0) & (self.cls[j] >= 0) & (self.cls[i] != self.cls[j])
        attributes_differ = self.attribute[i] != self.attribute[j]  # "a mother of 13", "13 bullets"
        places_differ = same_report & (self.place[i] >= 0) & (self.place[j] >= 0) & (self.place[i] != self.place[j])
        ok: np.ndarray = same_dim & (self.increment[i] == self.increment[j])
        ok &= ~part & ~senses_differ & ~classes_differ & ~places_differ & ~attributes_differ
        ok &= self.unit_count[i] == self.unit_count[j]  # families beside people
        ok &= ~(self.campaign_total[i] & self.one_day[j]) & ~(self.campaign_total[j] & self.one_day[i])  # a day's part
        return ok


AMOUNT_FAMILIES = ("mass", "area", "volume")  # amounts of a thing (kilograms, acres, barrels), not distances
DAY = re.compile(r"~?\d{4}-\d{2}-\d{2}")  # a period that is one day, not a stretch ("2026-W09-WE", "P3M")


def _one(words: frozenset[str]) -> str | None:
    """The one word of ``words``, or None when there are none or several."""
    return next(iter(words)) if len(words) == 1 else None


def _point(claim: Claim) -> float:
    """The figure's value as one number: its low end, or its top when it has only a top ("as many as 80" is
    80, not 0, beside "as many as 2,000")."""
    low, high = claim.value.low, claim.value.high
    return high if low <= 0 < high < math.inf else low


def _apposed(frame: Frame) -> str | None:
    """The name an age stands in apposition to ("Orozco, 29,"): the word just before it, if it is one of
    the figure's owners; or the one unnamed person's role ("the suspect, 34,", "the gunman, a 36-year-old")."""
    if frame.kind == "age" and frame.counted in _roles():
        return frame.counted
    before = [w[1:] for w in frame.near if w.startswith("<")]
    if frame.kind != "age" or not before or before[-1] not in frame.owners:
        return None
    return before[-1]


@cache
def _roles() -> frozenset[str]:
    return frozenset(lexicon("claims")["age_roles"])


def _winner_first(f: Frame, c: Claim) -> bool:
    """A side of a tally written winner first ("220 to 207", "207" being the second side)."""
    if f.pair == 0 or f.partner is None:
        return False
    return c.value.low >= f.partner if f.pair == 1 else c.value.low <= f.partner


def _codes(values: list[Any]) -> np.ndarray:
    """Each value as an integer, None as -1."""
    index: dict[Any, int] = {}
    return np.array([-1 if v is None else index.setdefault(v, len(index)) for v in values], dtype=int)


def _matrix(found: list[Item], terms: list[str], weights: Any) -> sparse.csr_matrix:
    column = {t: i for i, t in enumerate(terms)}
    rows, cols, vals = [], [], []
    for i, item in enumerate(found):
        for w, v in weights(item).items():
            rows.append(i)
            cols.append(column[w])
            vals.append(v)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(found), max(len(terms), 1)))


def _binary(found: list[Item], words: Any) -> sparse.csr_matrix:
    terms = sorted({w for item in found for w in words(item)})
    return _matrix(found, terms, lambda item: dict.fromkeys(words(item), 1.0))


def _rowdot(m: sparse.csr_matrix, n: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Row i of m times row j of n, for each pair."""
    if len(i) == 0:
        return np.zeros(0)
    return np.asarray(m[i].multiply(n[j]).sum(axis=1)).ravel()


@dataclass(frozen=True)
class Evidence:
    """Candidate pairs (claim indexes ``i``, ``j``) with what the models read of them (``x``, one row per
    pair in the order of ``FEATURES``), whether their values can both hold (``meet``), and whether
    either report also states the other's figure in a role as alike (``restated``)."""

    i: np.ndarray
    j: np.ndarray
    x: np.ndarray
    meet: np.ndarray
    restated: np.ndarray


def evidence(t: Table, i: np.ndarray, j: np.ndarray) -> Evidence:
    """The features of every pair ``(i[k], j[k])`` of the story ``t``."""
    cos = _rowdot(t.unit, t.unit, i, j)
    slack = np.where(t.unit_name[i] != t.unit_name[j], CONVERTED, 1e-9)
    meet = np.maximum(t.low[i], t.low[j]) <= np.minimum(t.high[i], t.high[j]) * (1 + slack)
    mutual, one_way, agreeing = _counterparts(t, i, j, cos, meet)
    same_report = t.article[i] == t.article[j]
    owners_shared = _rowdot(t.owners, t.owners, i, j)
    owners_union = t.n_owners[i] + t.n_owners[j] - owners_shared
    known = t.key[i] >= 0
    va, vb = t.value[i], t.value[j]
    found = {
        "cosine": cos,
        "overlap": _rowdot(t.words, t.present, i, j) / np.maximum(np.minimum(t.mass[i], t.mass[j]), 1e-12),
        "near": np.minimum(_rowdot(t.near, t.near, i, j), 3) / 3,
        "same_counted": known & (t.key[i] == t.key[j]),
        "other_counted": known & (t.key[j] >= 0) & (t.key[i] != t.key[j]),
        "same_measure": t.measure[i] == t.measure[j],
        "same_sense": (t.measure[i] == t.measure[j]) & t.sense[i],
        "owners_jaccard": np.where(owners_union > 0, owners_shared / np.maximum(owners_union, 1), 0.0),
        "owners_disjoint": (t.n_owners[i] > 0) & (t.n_owners[j] > 0) & (owners_shared == 0),
        "rarity": np.minimum(t.rarity[i], t.rarity[j]),
        "equal_value": (va == vb) & (t.top[i] == t.top[j]),
        "small_value": np.abs(va) <= 10,
        "magnitude": np.log10(np.abs(va) + 1),
        "same_pair_side": (t.pair[i] > 0) & (t.pair[i] == t.pair[j]),
        "same_partner": t.partner[i] == t.partner[j],  # nan is never equal
        "pair_mismatch": t.pair[i] != t.pair[j],
        "same_report": same_report,
        "same_period": (t.period[i] >= 0) & (t.period[i] == t.period[j]),
        "same_source": t.source[i] == t.source[j],
        "approximate": t.approximate[i] | t.approximate[j],
        "log_ratio": np.minimum(np.abs(np.log((np.abs(va) + 1) / (np.abs(vb) + 1))), 3.0),
        "count": t.kind[i] == "count",
        "money_or_percent": np.isin(t.kind[i], ("money", "percent")),
        "measure": np.isin(t.kind[i], ("measure", "duration", "age")),
        "mutual_best": mutual,
        "one_way_best": one_way,
        "agreeing_elsewhere": agreeing,
        "alone_in_reports": known & (t.key[i] == t.key[j]) & (t.rivals[i] == 0) & (t.rivals[j] == 0),
        "rivals": np.minimum(np.log1p(np.maximum(t.rivals[i], t.rivals[j])), 3.0),
        "period_clash": period_clash(t, i, j),
        "same_place": (t.place[i] >= 0) & (t.place[i] == t.place[j]),
        "place_clash": (t.place[i] >= 0) & (t.place[j] >= 0) & (t.place[i] != t.place[j]),
        "modifiers_clash": (t.n_mods[i] > 0) & (t.n_mods[j] > 0) & (_rowdot(t.mods, t.mods, i, j) == 0),
        "owner_one_side": (t.n_owners[i] > 0) != (t.n_owners[j] > 0),
    }
    found["key_common"] = _key_common(t, i, known)
    x = np.column_stack([np.asarray(found[name], dtype=float) for name in FEATURES]) if len(i) else np.zeros((0, 0))
    return Evidence(i, j, x, meet, ~same_report & (agreeing >= cos))


def _key_common(t: Table, i: np.ndarray, known: np.ndarray) -> np.ndarray:
    """How many figures per report the story gives of what claim i counts (its counted noun or unit),
    log-scaled: in a game's story "minutes" and "points" come by the dozen, and two reports' figures of
    one such key are seldom one quantity; a key each report states once is telling."""
    per_report = np.bincount(t.key[t.key >= 0], minlength=t.key.max(initial=0) + 1) / (t.article.max(initial=0) + 1)
    result: np.ndarray = np.where(known, np.log1p(per_report[np.maximum(t.key[i], 0)]), 0.0)
    return result


def _counterparts(
    t: Table, i: np.ndarray, j: np.ndarray, cos: np.ndarray, meet: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each pair: whether each claim is the other's most similar claim in its report (both ways, one
    way), and the best similarity either has with a claim of the other's report that agrees with it. A
    figure whose best counterpart in another report states another value, and which has no counterpart
    there that agrees, is what a disagreement between two reports looks like."""
    src, dst, sim = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([cos, cos])
    group = src * (t.article.max(initial=0) + 1) + t.article[dst]
    order = np.lexsort((dst, -sim, group))  # within each (claim, report): most similar first, then lowest index
    first = np.ones(len(order), dtype=bool)
    first[1:] = group[order][1:] != group[order][:-1]
    best = np.full(group.max(initial=0) + 1, -1)
    best[group[order][first]] = dst[order][first]
    n = len(i)
    ka, kb = group[:n], group[n:]
    a_best, b_best = best[ka] == j, best[kb] == i
    agreeing_sim = np.zeros(group.max(initial=0) + 1)
    both = np.concatenate([meet, meet])
    np.maximum.at(agreeing_sim, group[both], sim[both])
    agreeing = np.maximum(agreeing_sim[ka], agreeing_sim[kb])
    return a_best & b_best, a_best | b_best, agreeing


def probabilities(m: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """A logistic model (``model()["agree"]`` or ``["differ"]``) on rows of features."""
    if len(x) == 0:
        return np.zeros(0)
    z = m["bias"] + ((x - np.array(m["mean"])) / np.array(m["scale"])) @ np.array(m["weights"])
    p: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
    return p
