"""Toponym resolution: a place name, in the context of its text, to coordinates with a precision code.

Precision codes follow ACLED: "1" the town itself, "2" near a town (a prison or camp named after or
near it) or a district (a county), "3" a region or province, "country" the country. Among a name's
candidates, the score prefers an exact spelling, the text's countries, places near the text's other
places (a first reading puts each name on the map; the second reads each among the others), a
national capital at home, countries and regions named outright, and then population (a place
GeoNames gives no population counts as a village).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rashomon.geo.gazetteer import Gazetteer, Place, gazetteer, key
from rashomon.records import Geo

FACILITY = re.compile(
    r"\s+(?:refugee\s+|displacement\s+|detention\s+|central\s+)?(?:prison|jail|camp|hospital|airport|air\s*base|base|"
    r"checkpoint|dam|port|university|mosque|church|cathedral|market|square|bridge|crossing|stadium|"
    r"district\s+hospital|street|road|avenue|estate|institute|center|centre|court|village|academy|station|park)$",
    re.I,
)
AIRPORT = re.compile(r"\b(?:airport|air\s*base)$", re.I)  # named after its city, which may be far from the text's
REGION = re.compile(r"\s+(?:province|governorate|region|state|district|county|oblast|prefecture|valley)$", re.I)
CONTEXT_WEIGHT = 2.5
POPULATION_WEIGHT = 0.9
UNKNOWN_POPULATION = 1000  # GeoNames gives 0 for many villages: read it as a village's size
BIG_CITY = 50_000
NEAR_WEIGHT = 1.5  # a town near the text's other places: about what a 50-fold population is worth
NEAR_KM = 400.0
CAPITAL_WEIGHT = 1.5
REGION_UNSUPPORTED = 1.5  # chosen on GeoWebNews dev among 0, 1, 1.5 and 2.5 (acc161 0.8157 0.8161 0.8165 0.8157)
REGION_REACH_KM = 1500.0  # a town this far from a region's middle is not in it (British Columbia is about this wide)


@dataclass
class Context:
    """What the rest of the text says about where it is: the countries its places belong to.

    :func:`best_place` remembers its answers in the context; assigning ``countries`` or ``anchors``
    forgets them (change them by assignment, not in place, once places have been looked up).
    """

    countries: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)  # key(name) -> where a first reading put it
    town: tuple[float, float] | None = None  # the text's main town: its dateline's, or where most town names went
    picked: dict[tuple[str, bool, Gazetteer], Place | None] = field(default_factory=dict, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name != "picked":
            super().__setattr__("picked", {})  # the answers were given in the old context

    def nearness(self, place: Place, name: str) -> float:
        """How close ``place`` lies to where the text's other places were first put: 1 at one of them, 0 from
        NEAR_KM away (the first readings of a name and of its own words do not count, or they would only
        confirm it: "Royal" read in "Royal Street")."""
        own = set(key(name).split())
        at = (place.lat, place.lon)
        reach = NEAR_KM / KM_PER_DEGREE  # no farther in latitude alone: an anchor beyond it adds nothing
        closeness = (
            1.0 - km(at, there) / NEAR_KM
            for k, there in self.anchors.items()
            if abs(there[0] - place.lat) < reach and not set(k.split()) <= own
        )
        return max(0.0, max(closeness, default=0.0))

    def is_home(self, place: Place) -> bool:
        """Whether ``place`` lies in one of the text's main countries (named at least half as often as the first)."""
        top = max(self.countries.values(), default=0)
        return bool(place.country) and top > 0 and 2 * self.countries[place.country] >= top


KM_PER_DEGREE = 111.19  # of latitude: a distance is never less than this times the difference in latitude


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _score(place: Place, ctx: Context, exact: bool, name: str) -> float:
    score = 2.0 if exact else 0.0
    if place.feature == "region" and not place.country:
        return score + 4.0 + CONTEXT_WEIGHT + NEAR_WEIGHT  # a continent or world region holds the text's places
    if ctx.anchors and place.feature != "country":
        score += NEAR_WEIGHT * ctx.nearness(place, name)
    if ctx.countries:
        score += CONTEXT_WEIGHT * ctx.countries[place.country] / max(ctx.countries.values())
    if place.feature == "country":
        score += 4.0  # a country named outright
    elif place.feature == "region":
        # a state or province: above a town of the same name, below a big city; a foreign province only with
        # the text's support ("Manchester" alone is the English city, not Jamaica's parish)
        score += 2.5 if ctx.countries[place.country] else REGION_UNSUPPORTED
    elif place.feature == "capital" and ctx.is_home(place):
        score += CAPITAL_WEIGHT  # "Washington" in a US story is the capital more often than the state
    return score + POPULATION_WEIGHT * math.log10(max(place.population, UNKNOWN_POPULATION))


def best_place(name: str, ctx: Context, gaz: Gazetteer | None = None, exact: bool = False) -> Place | None:
    """The likeliest place called ``name``; spelling variants too, unless ``exact``."""
    gaz = gaz or gazetteer()
    asked = (name, exact, gaz)  # a text names its places many times: each is scored once per context
    if asked not in ctx.picked:
        ctx.picked[asked] = _best_place(name, ctx, gaz, exact)
    return ctx.picked[asked]


def _best_place(name: str, ctx: Context, gaz: Gazetteer, exact: bool) -> Place | None:
    scored = [(_score(p, ctx, True, name), p) for p in gaz.candidates(name)]
    if not scored and len(name) >= 5 and not exact:
        # a spelling variant (Shaddadah for Shaddadi) only in one of the countries the text names: otherwise
        # an invented town lands wherever a name looks alike
        loose = [p for p in gaz.candidates(name, loose=True) if ctx.countries[p.country]]
        scored = [(_score(p, ctx, False, name), p) for p in loose]
    if not scored:
        return None
    return max(scored, key=lambda sp: (sp[0], -sp[1].geonameid))[1]


def best_area(name: str, ctx: Context, gaz: Gazetteer | None = None) -> Place | None:
    """The likeliest region or district called ``name`` (None when no place of that name is one)."""
    areas = [p for p in (gaz or gazetteer()).candidates(name) if p.feature in ("region", "district")]
    return max(areas, key=lambda p: (_score(p, ctx, True, name), -p.geonameid), default=None)


def resolve(name: str, ctx: Context, near: str | None = None, gaz: Gazetteer | None = None) -> Geo | None:
    """Coordinates for ``name`` (a facility's ``near`` place when it is known), with a precision code."""
    base, precision, facility = name, "1", False
    if near:
        base, precision = near, "2"
    elif FACILITY.search(name):
        base, precision, facility = FACILITY.sub("", name), "2", not AIRPORT.search(name)
    elif REGION.search(name) and best_place(name, ctx, gaz, exact=True) is None:
        base, precision = REGION.sub("", name), "3"  # "Benue State": the state is indexed as "Benue"
        area = best_area(base, ctx, gaz)  # "Nineveh province" is Iraq's, not a village called Nineveh
        if area is not None:
            return geo_of(area, precision)
    place = best_place(base, ctx, gaz)
    if facility and ctx.town is not None and (place is None or not _supports(place, ctx, name)):
        return Geo(*ctx.town, "2")  # "Royal Street" in a New Orleans story is not in a village called Royal
    if place is None:
        place, precision = _named_after(base, ctx, gaz), "2"
    if place is None:
        return None
    return geo_of(place, precision)


def geo_of(place: Place, precision: str = "1") -> Geo:
    """``place``'s coordinates, with the precision its kind allows (``precision`` for a town)."""
    precision = {"country": "country", "region": "3", "district": "2"}.get(place.feature, precision)
    return Geo(place.lat, place.lon, precision, place.geonameid)


def region_in(name: str, country: str, gaz: Gazetteer | None = None) -> Place | None:
    """The region (a state, province) of ``country`` called ``name``, if there is one."""
    gaz = gaz or gazetteer()
    return next((p for p in gaz.candidates(name) if p.feature == "region" and p.country == country), None)


def contained(name: str, container: str, gaz: Gazetteer | None = None) -> tuple[Place, Place] | None:
    """ "Springfield, Ill.", "London, Ontario", "Nelson, B.C.": the place called ``name`` inside the region
    or country called ``container`` (None when no reading of ``container`` holds one). Among the
    container's readings and the name's, the pair that lies closest together wins: a region's
    coordinates are the middle of its towns' extent."""
    gaz = gaz or gazetteer()
    holders = [p for p in gaz.candidates(container) if p.feature in ("region", "country")]
    if not holders:
        return None
    named = gaz.candidates(name) + gaz.candidates(REGION.sub("", name))
    towns = [p for p in named if p.feature not in ("region", "country")]
    pairs = [
        (0.0 if holder.feature == "country" else km((town.lat, town.lon), (holder.lat, holder.lon)),
         -town.population, town, holder)
        for holder in holders
        for town in towns
        if town.country == holder.country
    ]  # fmt: skip
    pairs = [p for p in pairs if p[0] <= REGION_REACH_KM]
    if not pairs:
        return None
    _, _, town, holder = min(pairs, key=lambda p: (p[0], p[1], p[2].geonameid, p[3].geonameid))
    return town, holder


def _supports(place: Place, ctx: Context, name: str) -> bool:
    """Whether the text supports ``place`` as what a facility's name is built on: a notable place, or one
    near the text's other places."""
    return is_notable(place) or ctx.nearness(place, name) > 0


def _named_after(name: str, ctx: Context, gaz: Gazetteer | None) -> Place | None:
    """ "Birmingham City", "Republic of Armenia", "Manila Cathedral": the place a longer name is built on
    (the longest run of its words, from either end, that names a place)."""
    words = re.sub(r"^(?:the|republic|kingdom|state|province|city|county)\s+of\s+", "", name, flags=re.I).split()
    for n in range(len(words) - (len(words) == len(name.split())), 0, -1):
        for part in (words[:n], words[-n:]):
            place = best_place(" ".join(part), ctx, gaz, exact=True)
            if place is not None and part[0][:1].isupper() and (is_notable(place) or ctx.countries[place.country]):
                return place  # a village's name inside a longer name needs the text's support
    return None


def is_notable(place: Place) -> bool:
    """A country, region or big city or district: safe to read as a place even where NER saw an organisation
    or a person."""
    return place.feature in ("country", "region") or place.population >= BIG_CITY


def context_for(names: Iterable[str], gaz: Gazetteer | None = None) -> Context:
    """A text's context from its place names: countries named outright, and each name's most likely country."""
    ctx = Context()
    gaz = gaz or gazetteer()
    for name in names:
        top = best_place(name, Context(), gaz, exact=True)  # each name read on its own
        if top is not None and top.country:
            ctx.countries[top.country] += 2 if top.feature == "country" else 1
    return ctx
