"""Within a story: one entity per thing, one event per happening.

Entities merge when their names agree once spelling is folded (Velmora / Vellmora,
al-Hol / Al Hol), when a lone surname is a named person's ("Hawach" is Nanar Hawach),
or when an acronym spells an organisation's initials (NRF / Northern Rising Front).
Events merge when their type agrees and their dates and places are compatible (CNN's
"escaped on Monday" and TRN's "prison break on January 19" are one escape).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache

from rashomon.records import Entity, Event

PREFIX = re.compile(r"^(?:al|el|ash|as|ad|ar|an|at|the)[\s-]+", re.I)


@lru_cache(maxsize=1 << 16)  # a story names its entities many times over
def fold(name: str) -> str:
    """A spelling-insensitive key: no diacritics, no article prefix, no doubled letters, no punctuation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = PREFIX.sub("", text.strip())
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1 << 16)
def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def merge_entities(entities: Iterable[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """(merged entities, old id -> kept id). The first entity seen of each group keeps its id."""
    kept: list[Entity] = []
    mapping: dict[str, str] = {}
    index = _EntityIndex()
    for e in entities:
        names = _names(e)
        # the first kept entity that is the same, as a scan in order would find
        i = next((k for k in sorted(index.candidates(e, names)) if _same(kept[k], e, index.names[k], names)), None)
        if i is None:
            kept.append(e)
            mapping[e.id] = e.id
            index.add(len(kept) - 1, e)
            continue
        merged = _union(kept[i], e)
        index.add(i, merged)
        kept[i] = merged
        mapping[e.id] = merged.id
    return kept, mapping


class _EntityIndex:
    """Which kept entities can be the same as a new one: those sharing its id or a folded name, a person
    whose single name is its surname or whose surname is its single name, an organisation whose initials
    are one of its names or whose names hold its initials. A superset of what :func:`_same` accepts, so
    only these are checked; without it every person or organisation of a story is compared with every
    other. Keys of a kept entity's earlier forms stay (still a superset)."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}
        self.by_key: dict[tuple[str, str], set[int]] = {}
        self.names: dict[int, set[str]] = {}  # each kept entity's folded names, folded once

    def candidates(self, e: Entity, names: set[str]) -> set[int]:
        found = {self.by_id[e.id]} if e.id in self.by_id else set()
        keys = [("folded", n) for n in names]
        if e.type == "PERSON":
            words = e.name.split()
            keys.append(("single", words[-1]) if len(words) > 1 else ("last", e.name))
        elif e.type == "ORG":
            keys += [("initials", n) for n in (e.name, *e.aliases)] + [("exact", _initials(e.name))]
        for key in keys:
            found |= self.by_key.get(key, set())
        return found

    def add(self, i: int, e: Entity) -> None:
        self.by_id[e.id] = i
        self.names[i] = _names(e)
        words = e.name.split()
        keys = [("folded", n) for n in self.names[i]] + [("exact", n) for n in (e.name, *e.aliases)]
        keys += [("initials", _initials(e.name)), ("last", words[-1]) if len(words) > 1 else ("single", e.name)]
        for key in keys:
            self.by_key.setdefault(key, set()).add(i)


def _names(e: Entity) -> set[str]:
    return {fold(n) for n in (e.name, *e.aliases)}


def _same(a: Entity, b: Entity, names_a: set[str], names_b: set[str]) -> bool:
    """Whether ``a`` and ``b`` (with their folded names) are one entity."""
    if a.id == b.id:
        return True
    if names_a & names_b and (a.type == b.type or "FAC" not in (a.type, b.type)):
        return True  # one name, spelt two ways or typed two ways by NER within one story
    if a.type == b.type == "PERSON":
        return _surname_of(a, b) or _surname_of(b, a)
    if a.type == b.type == "ORG":
        return _initials(a.name) in (b.name, *b.aliases) or _initials(b.name) in (a.name, *a.aliases)
    return False


def _surname_of(short: Entity, full: Entity) -> bool:
    """ "Hawach" is "Nanar Hawach"."""
    return " " not in short.name and len(full.name.split()) > 1 and full.name.split()[-1] == short.name


PLACE_FIRST = ("FAC", "GPE", "LOC", "ORG", "PERSON", "NORP")


def _union(keep: Entity, other: Entity) -> Entity:
    longer = keep if len(keep.name) >= len(other.name) else other
    names = {keep.name, other.name, *keep.aliases, *other.aliases} - {longer.name}
    kind = min((keep.type, other.type), key=lambda t: PLACE_FIRST.index(t) if t in PLACE_FIRST else len(PLACE_FIRST))
    return replace(keep, name=longer.name, type=kind, aliases=tuple(sorted(names)), geo=keep.geo or other.geo)


def merge_events(
    events: Iterable[Event], places: dict[str, str], rank: dict[str, int] | None = None
) -> tuple[list[Event], dict[str, str]]:
    """(merged events, old id -> kept id). ``places`` maps entity ids to their merged ids; ``rank``
    orders places from most to least precise (a prison before its town before its country)."""
    rank = rank or {}
    kept: list[Event] = []
    mapping: dict[str, str] = {}
    index = _EventIndex()
    for e in sorted(events, key=lambda e: (e.date is None, e.id)):
        e = replace(e, place=places.get(e.place, e.place) if e.place else None)
        i = next((k for k in index.candidates(e) if _compatible(kept[k], e)), None)
        if i is None:
            index.add(len(kept), e)
            kept.append(e)
            mapping[e.id] = e.id
            continue
        target = kept[i]
        kept[i] = replace(
            target, mentions=target.mentions + e.mentions, date=target.date or e.date,
            date_precision=target.date_precision or e.date_precision, place=_precise(target.place, e.place, rank),
            actors=tuple(dict.fromkeys(target.actors + e.actors)),
            targets=tuple(dict.fromkeys(target.targets + e.targets)),
        )  # fmt: skip
        index.add(i, kept[i])
        mapping[e.id] = kept[i].id
    return kept, mapping


class _EventIndex:
    """Which kept events can be one happening with a new one, in the order they were kept: one type and
    modality, and the same day (or no day) for a dated event, the same place for an undated one. Without
    it every event of a story is compared with every other."""

    def __init__(self) -> None:
        self.by_day: dict[tuple[str, str, date | None], set[int]] = {}
        self.by_place: dict[tuple[str, str, str | None], set[int]] = {}

    def candidates(self, e: Event) -> list[int]:
        kind = (e.type, e.modality)
        if e.date is not None:
            found = self.by_day.get((*kind, e.date), set()) | self.by_day.get((*kind, None), set())
        else:
            found = self.by_place.get((*kind, e.place), set()) if e.place is not None else set()
        return sorted(found)

    def add(self, i: int, e: Event) -> None:
        kind = (e.type, e.modality)
        self.by_day.setdefault((*kind, e.date), set()).add(i)
        self.by_place.setdefault((*kind, e.place), set()).add(i)


def _precise(a: str | None, b: str | None, rank: dict[str, int]) -> str | None:
    if a is None or b is None:
        return a or b
    return min((a, b), key=lambda p: (rank.get(p, 9), p))


def place_rank(entities: Iterable[Entity]) -> dict[str, int]:
    """How precisely each place entity is placed: facility 0, town 1, region 2, country 3, unplaced 4."""
    order = {"2": 0, "1": 1, "3": 2, "country": 3}
    return {e.id: order.get(e.geo.precision, 4) if e.geo else 4 for e in entities}


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.date is not None and b.date is not None and a.date != b.date:
        return False
    if a.date is None or b.date is None:
        return a.place is not None and a.place == b.place
    return True  # same type, same day: places differ only in precision ("Syria", "al-Shaddadi prison")
