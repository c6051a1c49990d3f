"""Growing slots from linked pairs, as average-linkage clustering does, in time near linear in the links.

Each growing slot keeps a profile of what its claims allow (their dimensions, senses, classes of
people, batches, places and parts by report, the values each source gives in each report, the values
all of them allow), so that whether two slots may merge is read from the two profiles instead of from
every pair of their claims: the same answer :func:`rashomon.link.measures.compatible` gives pair by
pair, since every condition it checks is between two claims' fields, and intervals that meet pairwise
all share a point.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.link.measures import ATTRIBUTES, CONVERTED, Item, classes, family, placed_senses, same_dimension, senses
from rashomon.records import Frame

Interval = tuple[float, float, frozenset[str | None]]  # low, high, the units the values were given in


@dataclass
class Report:
    """What a slot's claims of one report allow."""

    starts: set[int] = field(default_factory=set)  # the claims' figures
    parts: set[int] = field(default_factory=set)  # the wholes they are parts of
    places: set[str] = field(default_factory=set)


@dataclass
class Group:
    """A growing slot and its profile."""

    members: list[int]
    dims: dict[tuple[object, ...], Frame]  # one frame per distinct (kind, unit, counted)
    batches: set[bool]
    senses: set[str]
    classes: set[str]
    attributes: set[str | None]  # the attribute measured (a parent's children, a place's population), or None
    reports: dict[str, Report]
    sources: dict[tuple[str, str], Interval]  # (report, source) -> the values that source allows there
    values: Interval  # the values every claim allows (while the slot agrees)

    @staticmethod
    def of(item: Item) -> Group:
        f, c = item.frame, item.claim
        report = Report({c.figure.start} if c.figure else set(), {f.part_of} if f.part_of is not None else set(),
                        {f.place} if f.place else set())  # fmt: skip
        interval = (item.low, item.high, frozenset({f.unit}))
        cls = classes().get(f.counted or "")
        sense = {family(f.measure)} if f.measure in senses() else set()  # "arrested", "captured": one custody
        sense -= placed_senses()  # "12 pirates on board" were also arrested
        return Group(
            [item.index], {(f.kind, f.unit, f.counted): f}, {f.increment}, sense,
            {cls} if cls else set(), {f.measure if f.measure in ATTRIBUTES else None}, {c.article_id: report},
            {(c.article_id, item.source): interval}, interval,
        )  # fmt: skip

    def compatible(self, other: Group) -> bool:
        """Whether every claim of one can measure the same quantity as every claim of the other."""
        if any(not same_dimension(a, b) for a in self.dims.values() for b in other.dims.values()):
            return False
        if len(self.batches | other.batches) > 1 or len(self.senses | other.senses) > 1:
            return False
        if len(self.classes | other.classes) > 1 or len(self.attributes | other.attributes) > 1:
            return False
        for name in self.reports.keys() & other.reports.keys():
            mine, theirs = self.reports[name], other.reports[name]
            if mine.starts & theirs.parts or mine.parts & theirs.starts or len(mine.places | theirs.places) > 1:
                return False
        return all(_meet(self.sources[k], other.sources[k]) for k in self.sources.keys() & other.sources.keys())

    def agrees_with(self, other: Group) -> bool:
        return _meet(self.values, other.values)

    def absorb(self, other: Group) -> None:
        self.members += other.members
        self.dims |= other.dims
        self.batches |= other.batches
        self.senses |= other.senses
        self.classes |= other.classes
        self.attributes |= other.attributes
        for name, report in other.reports.items():
            mine = self.reports.setdefault(name, Report())
            mine.starts |= report.starts
            mine.parts |= report.parts
            mine.places |= report.places
        for k, interval in other.sources.items():
            self.sources[k] = _join(self.sources[k], interval) if k in self.sources else interval
        self.values = _join(self.values, other.values)


def _meet(a: Interval, b: Interval) -> bool:
    slack = CONVERTED if len(a[2] | b[2]) > 1 else 1e-9  # a converted figure may be rounded
    return max(a[0], b[0]) <= min(a[1], b[1]) * (1 + slack)


def _join(a: Interval, b: Interval) -> Interval:
    """What both allow (or, once a slot disagrees, nothing: its values are no longer one interval)."""
    return max(a[0], b[0]), min(a[1], b[1]), a[2] | b[2]


Scored = tuple[float, str, int, int]  # (probability, "agree" or "differ", claim index, claim index)


def grow(
    found: list[Item], scored: list[Scored], thresholds: dict[str, float], share: float, rule: float
) -> list[list[int]]:
    """Slots of claims that agree first, merged along the pairs above the agree threshold, best first,
    while ``share`` of the pairs across two slots are linked; then slots that disagree, merged along a
    pair above the differ threshold (``rule`` is the weight of a pair a rule decides: it always counts).
    No merge joins incompatible frames, or two figures of one source in one report that cannot both hold."""
    groups: dict[int, Group] = {}  # made when a claim first has a link: most claims stand alone
    slot_of = {item.index: item.index for item in found}
    for phase in ("agree", "differ"):
        least = min(thresholds[phase], rule)
        links = sorted(((p, a, b) for p, which, a, b in scored if which == phase and p >= least),
                       key=lambda c: (-c[0], c[1], c[2]))  # fmt: skip
        needed = share if phase == "agree" else 0.0
        linked_to: dict[int, list[int]] = {}
        for _, a, b in links if needed else ():
            linked_to.setdefault(a, []).append(b)
            linked_to.setdefault(b, []).append(a)
        refused: set[tuple[int, int, int, int]] = set()  # two slots, as large as they were, that may not merge
        for _, a, b in links:
            sa, sb = slot_of[a], slot_of[b]
            if sa == sb:
                continue
            left = groups.get(sa) or groups.setdefault(sa, Group.of(found[sa]))
            right = groups.get(sb) or groups.setdefault(sb, Group.of(found[sb]))
            if len(left.members) < len(right.members):  # the smaller slot moves: each claim moves few times
                sa, sb, left, right = sb, sa, right, left
            key = (sa, sb, len(left.members), len(right.members))
            if key in refused:
                continue
            wanted = needed * len(left.members) * len(right.members)  # average linkage
            linked = _links(right, sa, slot_of, linked_to) if needed else 0
            if linked < wanted or not left.compatible(right) or (phase == "agree" and not left.agrees_with(right)):
                refused.add(key)
                continue
            left.absorb(groups.pop(sb))
            for m in right.members:
                slot_of[m] = sa
    alone = [[item.index] for item in found if item.index not in groups and slot_of[item.index] == item.index]
    return sorted([sorted(g.members) for g in groups.values()] + alone)


def _links(group: Group, other: int, slot_of: dict[int, int], linked_to: dict[int, list[int]]) -> int:
    """How many links join the claims of ``group`` (the smaller) to those of the slot ``other``."""
    return sum(slot_of[n] == other for m in group.members for n in linked_to.get(m, ()))
