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

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rashomon.link import merging
from rashomon.link.evidence import FEATURES, Evidence, Table, evidence, items, model, probabilities
from rashomon.link.measures import Item, dimension, family, one_quantity_families, tally_verbs
from rashomon.link.periods import one_stretch_pairs, since_its_start
from rashomon.records import OF_NO_EVENT, Claim

MAX_BUCKET = 60  # a bucket up to this size is compared whole; a bigger one (a long story) is blocked
MAX_BLOCK = 30  # claims compared with each other per block of a big bucket
BLOCK_TERMS = 3  # the rarer shared context words of a claim that block it with others
CONVERSION_GAP = 14  # characters between a measure's figure and its conversion's: " kilometers (" in
# "1,150 kilometers (700 miles)" (a figure's span may leave its unit out)
RULE = 1.0  # the weight of a pair a rule decides (the models' probabilities stay below it)
SHARES = ("percent", "proportion")  # figures that are a share of a whole, which they must name alike
LINKED_SHARE = 0.5  # of the pairs across two slots, the share that must be linked for them to merge
Scored = merging.Scored


def group(claims: Sequence[Claim], sources: Sequence[str], params: dict[str, Any] | None = None) -> list[list[int]]:
    """The slots of ``claims`` as lists of their indexes (``sources[i]`` is who stands behind claim i);
    ``params`` replaces the shipped model (training uses it)."""
    params = params or model()
    of_event = about_events(claims)
    alone = [[i] for i, c in enumerate(claims) if c.stance in OF_NO_EVENT]  # a general statement: alone
    found = items([claims[i] for i in of_event], [sources[i] for i in of_event])
    if len(found) < 2:
        return [[i] for i in of_event] + alone
    return [[of_event[k] for k in g] for g in grow(found, scored_pairs(found, params), params["thresholds"])] + alone


def about_events(claims: Sequence[Claim]) -> list[int]:
    """The indexes of the claims a slot can hold: all but general statements of no event in particular."""
    return [i for i, c in enumerate(claims) if c.stance not in OF_NO_EVENT]


def candidate_pairs(found: list[Item], table: Table) -> tuple[np.ndarray, np.ndarray]:
    """1. Compatible pairs worth comparing (indexes ``i < j``): claims of one value, one measure or one
    counted thing, sides of a vote's tally, or one crowd ("police estimated the crowd at
    15,000", "organisers said 60,000 took part in the march"). A bucket of many claims (a long story) is
    split further as record linkage blocks, by the rarer context words its claims share, each block
    capped, so that the work stays near linear."""
    buckets: dict[tuple[object, ...], list[Item]] = defaultdict(list)
    for item in found:
        f = item.frame
        buckets[("v", f.kind, round(item.low, 6))].append(item)
        buckets[("m", f.kind, f.measure)].append(item)
        if f.pair and f.measure in tally_verbs():  # "by a vote of 220 to 207", "approved it 219-208"
            buckets[("t", f.pair)].append(item)
        if family(f.measure) in one_quantity_families():
            buckets[("f", item.claim.article_id, family(f.measure))].append(item)
            buckets[("g", f.kind, family(f.measure))].append(item)  # "61,000 watched", "drew 58,000 fans"
        if f.counted or f.unit:
            buckets[("c", *dimension(f), f.counted)].append(item)
    shared = Counter(w for item in found for w in item.words)
    parts = [np.zeros(0, dtype=np.int64)]
    for members in buckets.values():
        for block in [members] if len(members) <= MAX_BUCKET else _blocks(members, shared):
            index = np.array([m.index for m in block[:MAX_BLOCK]], dtype=np.int64)
            a, b = np.triu_indices(len(index), k=1)
            parts.append(np.minimum(index[a], index[b]) * len(found) + np.maximum(index[a], index[b]))
    codes = np.unique(np.concatenate(parts))
    i, j = codes // max(len(found), 1), codes % max(len(found), 1)
    ok = table.compatible(i, j)
    return i[ok], j[ok]


def _blocks(members: list[Item], shared: Counter[str]) -> list[list[Item]]:
    """A big bucket's claims by the rarest words each shares with other claims of the story."""
    blocks: dict[str, list[Item]] = defaultdict(list)
    for item in members:
        terms = [w for w in item.words if shared[w] > 1]  # a word no other claim has blocks nothing
        for term in sorted(terms, key=lambda w: (-item.words[w], w))[:BLOCK_TERMS]:
            blocks[term].append(item)
    return [b for b in blocks.values() if len(b) > 1]


def scored_pairs(found: list[Item], params: dict[str, Any]) -> list[Scored]:
    """2. Each candidate pair with the probability that it states one quantity, and which model said so."""
    return weighed(evidence_of(found), params)


def weighed(read: Read, params: dict[str, Any]) -> list[Scored]:
    """Each pair of ``read`` with its weight: 1 where a rule decides it, else its model's probability."""
    out: list[Scored] = []
    for which in ("agree", "differ"):
        rows = read.which == which
        p = np.where(read.rule[rows], RULE, probabilities(params[which], read.x[rows]))
        out += zip(p.tolist(), [which] * int(rows.sum()), read.i[rows].tolist(), read.j[rows].tolist(), strict=True)
    return out


@dataclass(frozen=True)
class Read:
    """The candidate pairs that go to a model, with their features, the model each goes to, and
    whether a rule decides it."""

    i: np.ndarray
    j: np.ndarray
    x: np.ndarray
    which: np.ndarray
    rule: np.ndarray


def evidence_of(found: list[Item]) -> Read:
    """Each candidate pair with the model it goes to, its features, and whether a rule decides it.
    A disagreement never joins two figures of one source in one report, nor two that either report
    also states alike (see :class:`rashomon.link.evidence.Evidence`)."""
    table = Table(found)
    i, j = candidate_pairs(found, table)
    read = evidence(table, i, j)
    one_source = (table.article[i] == table.article[j]) & (table.source[i] == table.source[j])
    keep = read.meet | (~one_source & ~read.restated)
    rule = ~read.meet & (
        speakers_disagree(table, i, j) | updated(table, i, j, read) | one_amount(table, i, j, read)
        | one_persons_age(table, i, j)
        | one_named_attribute(table, i, j) | one_things_cost(table, i, j) | one_parents_children(table, i, j)
        | one_indicators_level(table, i, j, read) | one_votes_tally(table, i, j, read)
    )  # fmt: skip
    rule |= read.meet & converted(table, i, j)
    which = np.where(read.meet, "agree", "differ")
    return Read(i[keep], j[keep], read.x[keep], which[keep], rule[keep])


def speakers_disagree(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One report, two sources, one sense (or one quake's magnitude), each source giving one figure for it,
    of one period and place as far as the report says, each a whole with the same qualifiers and owners:
    "the ministry said 120 escaped ... an SDF spokesperson said about 1,500 had escaped" (the frames are
    already compatible: one class, no part of the other)."""
    two_sources = (t.article[i] == t.article[j]) & (t.source[i] != t.source[j])
    one_each = (t.voices[i] == 0) & (t.voices[j] == 0)  # a source giving two tolls says two things, not one
    where = (t.period[i] == t.period[j]) & ((t.place[i] == t.place[j]) | (t.place[i] < 0) | (t.place[j] < 0))
    one_measure = _one_sense(t, i, j) | _one_attribute(t, i, j)  # "the USGS said 6.1, Iran's centre 5.9"
    one_measure |= _one_indicator(t, i, j) & t.fact[i] & t.fact[j]  # "turnout was 64%"; "no higher than 45%"
    shares = np.isin(t.kind[i], SHARES) | np.isin(t.kind[j], SHARES)
    one_whole = ~shares | (t.counted[i] == t.counted[j])  # "70 percent of the structure", "houses 100 percent"
    result: np.ndarray = two_sources & one_each & one_measure & where & one_whole & t.alike(i, j)
    return result


def updated(t: Table, i: np.ndarray, j: np.ndarray, read: Evidence) -> np.ndarray:
    """Two dated reports, each giving one figure for one sense: "18 are still held" on Wednesday, "nine
    remain in the hands of" on Thursday; "police said 14 were killed", "the ministry said 22 were
    killed" the same day; a quake's magnitude from two agencies. Both wholes of one time and incident, no
    two different qualifiers, owners or places; a state that eases (trapped, held) may be of two days, the
    later's figure no higher ("14 trapped on Wednesday", "eight remained trapped on Thursday"). Whether a
    change is plausible (an evolution) or not (a conflict) is the slot's status to say."""
    batch = t.increment[i] | t.increment[j]  # "six more", "another nine": each batch is its own quantity
    by_place = t.population[i] | t.population[j]  # a population goes by its place (one_named_attribute)
    one_day = (t.period[i] == t.period[j]) | (~t.stretch[i] & ~t.stretch[j])  # "over the weekend": another time
    one_day |= t.since[i] & t.since[j]  # "since June 14", "since mid-June": one starting point, as the periods meet
    k = np.flatnonzero(~one_day & (t.since[i] != t.since[j]))
    one_day[k] = since_its_start(t, i[k], j[k])  # "since Monday" and "this week"
    days = (t.period[i] >= 0) & (t.period[j] >= 0) & ~t.stretch[i] & ~t.stretch[j]
    moving = t.state[i] & t.state[j] & days  # "14 trapped on Wednesday", "eight remained trapped on Thursday"
    moving[moving] = _eased(t, i[moving], j[moving])
    result: np.ndarray = _two_dated_accounts(t, i, j, read, moving) & ((t.day[i] != t.day[j]) | one_day)
    result &= ~batch & ~by_place & (_one_sense(t, i, j) | _one_attribute(t, i, j))  # USGS 7.8, Turkey's 7.7
    result &= t.alike(i, j) & ~t.things_differ(i, j)  # "five villages damaged", "several buildings"
    named = (t.counted[i] >= 0) & (t.counted[j] >= 0)  # "1,500 houses damaged" beside "including one": no account
    result &= (t.people[i] & t.people[j]) | named
    return result


def _eased(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Pairs of two days' figures of a state whose later day's is no higher: miners still trapped, hostages
    still held, fewer each day as they are freed (more missing a day later is often more reported missing,
    not a contradiction: those are left apart)."""
    names = t.period_names
    later_j = np.array([names[b] > names[a] for a, b in zip(t.period[i].tolist(), t.period[j].tolist(), strict=True)],
                       dtype=bool)  # fmt: skip
    first, then = np.where(later_j, i, j), np.where(later_j, j, i)
    result: np.ndarray = t.value[then] <= t.value[first]
    return result


def converted(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """A measure and its conversion written beside it: "lost 6kg (13lbs)", "about 58km (36 miles) south-west
    of Bandar Abbas" (two units of one family, the second figure right after the first; the values are
    already known to meet)."""
    beside = (np.abs(t.start[j] - t.end[i]) <= CONVERSION_GAP) | (np.abs(t.start[i] - t.end[j]) <= CONVERSION_GAP)
    measures = (t.kind[i] == "measure") & (t.kind[j] == "measure") & (t.unit_name[i] != t.unit_name[j])
    result: np.ndarray = (t.article[i] == t.article[j]) & beside & measures & (t.dimension[i] == t.dimension[j])
    return result


def one_amount(t: Table, i: np.ndarray, j: np.ndarray, read: Evidence) -> np.ndarray:
    """Two dated reports each giving one amount of one named substance, differently: "seized 300 kilograms
    of cocaine at the port", "found 250 kilograms of cocaine" (a weight, an area or a volume of what both
    name; distances are too often between other places, "1,500 km south of Tehran", "58km from Bandar
    Abbas"). Of one time and place, no two owners; cocaine is not heroin."""
    result: np.ndarray = _two_dated_accounts(t, i, j, read) & t.amount[i] & t.amount[j]
    result &= t.alike(i, j) & t.one_kind_of_thing(i, j)
    return result


def one_indicators_level(t: Table, i: np.ndarray, j: np.ndarray, read: Evidence) -> np.ndarray:
    """Two dated reports giving a named indicator's level for one period, differently: "Unemployment fell
    to 5.8% in March", "The jobless rate dropped to 6.1% in March" (a statistic published once for each
    period, "last week" and "the week ended May 8" being one week; or, in reports of one day, neither
    naming a period: "turnout was 61.4 percent", "turnout stood at 58%"; the same qualifiers, since youth
    unemployment is another figure, and no two owners or places)."""
    result: np.ndarray = _two_dated_accounts(t, i, j, read) & _one_indicator(t, i, j)
    k = np.flatnonzero(result)  # the periods are read for the few pairs left
    latest = (t.period[i[k]] < 0) & (t.period[j[k]] < 0) & (t.day[i[k]] == t.day[j[k]])  # the latest, told that day
    result[k] = (one_stretch_pairs(t, i[k], j[k]) | latest) & t.alike(i[k], j[k])
    return result


def one_votes_tally(t: Table, i: np.ndarray, j: np.ndarray, read: Evidence) -> np.ndarray:
    """Two dated reports giving the tally of one vote differently, side by side: "passed the House by a
    vote of 220 to 207 on Friday", "the House approved the measure 219-208 on Friday" (the winning side
    written first in both, one day named by both, one body named by both)."""
    result: np.ndarray = (t.article[i] != t.article[j]) & t.tally[i] & t.tally[j] & (t.pair[i] == t.pair[j])
    result &= (t.day[i] >= 0) & (t.day[j] >= 0) & (t.period[i] >= 0) & t.one_place(i, j)
    k = np.flatnonzero(result)
    result[k] = one_stretch_pairs(t, i[k], j[k])
    return result


def _two_dated_accounts(
    t: Table, i: np.ndarray, j: np.ndarray, read: Evidence, moving: np.ndarray | None = None
) -> np.ndarray:
    """Two dated reports, each giving one precise figure for what it counts ("thousands fled" is no count),
    of times that can be one (or, where ``moving``, days a state moves over) and no two places ("killed in
    Kirkuk", "in Basra")."""
    dated = (t.day[i] >= 0) & (t.day[j] >= 0) & (t.article[i] != t.article[j])
    alone = (t.rivals[i] == 0) & (t.rivals[j] == 0) & ~t.vague[i] & ~t.vague[j]
    same_time = read.x[:, FEATURES.index("period_clash")] == 0 if len(i) else np.zeros(0, dtype=bool)
    if moving is not None:
        same_time = same_time | moving
    places = (t.place[i] < 0) | (t.place[j] < 0) | (t.place[i] == t.place[j])
    result: np.ndarray = dated & alone & same_time & places
    return result


def one_persons_age(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two reports giving one named person's age in apposition, differently: "Jose Luis Orozco, 29," and
    "Orozco, 27," (a birthday between the reports, or an error: the slot's status says which); or one unnamed
    person's by a role, each report giving one age for it: "the suspect, 34,", "the suspect, a 36-year-old
    man"."""
    result: np.ndarray = (t.article[i] != t.article[j]) & (t.apposed[i] >= 0) & (t.apposed[i] == t.apposed[j])
    result &= t.one_age[i] & t.one_age[j]  # "the suspect, 34," twice in one report is still one age
    return result


def one_named_attribute(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two reports giving what one named place or holder has differently, both naming it: a population
    ("Qeshm island, home to 120,000 people", "Qeshm Island, home to 200,000 people"), a record ("broke
    Rodney Buford's school scoring record of 2,116 points", "of 2,106") or a share of the vote won ("the
    incumbent won 52.4% of the vote", "gave the incumbent 54.1%"; not "48% of the vote in the capital",
    a place's share, nor "61% in the primary" beside "54% in the general election", two votes' shares) or the
    seats one winner won ("the ruling party won 150 seats", "gave the ruling party 146 seats": the same words).
    None changes between reports: a conflict."""
    named = (t.population[i] | t.held[i]) & (t.attribute[i] == t.attribute[j])
    named &= t.qualifiers[i] == t.qualifiers[j]  # a share won "in the primary" is another vote's than the general's
    named &= ~t.seats[i] | t.same_owners(i, j)  # a party's seats are not its coalition's
    result: np.ndarray = (t.article[i] != t.article[j]) & named & t.one_place(i, j) & (t.place[i] == t.place[j])
    return result


def one_parents_children(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two reports giving a parent's number of children differently: "Brooklyn mother of 12" and "Mother
    of 13 Zurana Horton" (the parent named alike where both name one; a story's parents seldom differ only
    in how many children they have, and a report giving both figures disagrees with itself)."""
    result: np.ndarray = (t.article[i] != t.article[j]) & t.children[i] & t.children[j] & t.owners_meet(i, j)
    return result


def one_things_cost(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Two reports giving the cost of one thing differently: "the $1.2 trillion bipartisan infrastructure
    package" and "a $1 trillion bipartisan infrastructure plan" (a bill, plan, deal or budget named by the
    same qualifiers, whose owners, if both name some, share one); or one such thing named by no qualifier
    in either ("a budget of 1.2 trillion rupees", "a 1.4 trillion rupee budget")."""
    two = t.article[i] != t.article[j]
    bare = (t.n_mods[i] == 0) & (t.n_mods[j] == 0) & (t.counted[i] == t.counted[j]) & t.owners_meet(i, j)
    result: np.ndarray = two & t.cost[i] & t.cost[j] & (t.pair[i] == 0) & (t.pair[j] == 0)
    result &= t.one_kind_of_thing(i, j) | bare  # "a budget of 1.2 trillion rupees", "a 1.4 trillion rupee budget"
    return result


def _one_indicator(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One named indicator with the same qualifiers ("youth unemployment" is another figure)."""
    result: np.ndarray = t.indicator[i] & t.indicator[j] & (t.counted[i] == t.counted[j])
    result &= t.measure[i] == t.measure[j]  # its level, or how far it was moved ("raised rates by 0.75 points")
    result &= t.qualifiers[i] == t.qualifiers[j]
    return result


def _one_attribute(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One measured attribute of one thing: a quake's magnitude, its depth ("at a depth of 18.5 km")."""
    same_shock = t.counted[i] == t.counted[j]  # a quake's and its aftershock's are two
    result: np.ndarray = (
        t.attribute_measure[i] & t.attribute_measure[j] & same_shock & (t.pair[i] == 0) & (t.pair[j] == 0)
    )
    return result


def _one_sense(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """One sense, or one family of senses that count one thing ("attended the rally", "joined the protest":
    one crowd), neither a side of a score."""
    one = (t.measure[i] == t.measure[j]) | ((t.family[i] == t.family[j]) & t.one_quantity[i])
    result: np.ndarray = one & t.sense[i] & (t.pair[i] == 0) & (t.pair[j] == 0)
    return result


def grow(found: list[Item], scored: list[Scored], thresholds: dict[str, float]) -> list[list[int]]:
    """3. Slots of figures that agree first, then of figures that disagree (:mod:`rashomon.link.merging`)."""
    return merging.grow(found, scored, thresholds, LINKED_SHARE, RULE)
