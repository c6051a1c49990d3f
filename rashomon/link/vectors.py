"""Sparse term vectors for comparing articles: content words, with names and title words weighted up."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache, lru_cache

from rashomon.dates import dates_in
from rashomon.lexicons import lexicon

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d{2,}(?:[.,]\d+)*")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}\b")
TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.5
TOP_TERMS = 80
ACTOR_WEIGHT = 2.0
YEAR_TERM = "date:"
TOWN_TERM = "town:"  # a town the report's title or lead names, "town:LAT,LON": compared by distance, not by cosine
HEADLINE_TERM = "title:"  # a word of the report's headline, "title:bomb": compared among headlines only
LEAD_CHARS = 400  # where a report says where it happened: its title and its opening
TOWN_PEOPLE = 100_000  # a lead's town is read only when it is a big one (a small town's name is often a word)
DATED_CHARS = 3000  # where an article's own date is written: its opening
PRIOR_DOCS = 50  # idf as if 50 unrelated documents came first: a young store does not over-weight new words

Vector = dict[str, float]


@cache
def stopwords() -> frozenset[str]:
    return frozenset(lexicon("stopwords")["stopwords"])


def normalise(word: str) -> str:
    """Lower case, possessives and simple plurals folded: "fighters" and "fighter's" are "fighter"."""
    w = word.lower().replace("’", "'").split("'")[0].strip("-")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


Counts = dict[str, float]
CACHED_WORDS = 200_000  # word forms whose term is kept: a news corpus repeats most of its words


@lru_cache(maxsize=CACHED_WORDS)
def _term(word: str) -> str | None:
    """``word``'s term, or None for a stopword or a word of two letters or fewer."""
    w = normalise(word)
    return w if len(w) > 2 and w not in stopwords() else None


def terms(text: str, names: bool = True) -> Counts:
    """Content-word counts of ``text``; multi-word names (of 2 to 4 words) also count as one term each."""
    counts: defaultdict[str, float] = defaultdict(float)
    for word in WORD.findall(text):
        term = _term(word)
        if term is not None:
            counts[term] += 1
    for m in NAME.finditer(text) if names else ():
        name = m.group().lower()
        if " " in name or "-" in name:
            counts["§" + name] += NAME_WEIGHT
    return dict(counts)


def article_terms(title: str | None, text: str, undated: bool = False) -> Counts:
    """Terms of an article: its words, its title's (weighted up) and its known actors, by canonical name
    (so "Al-Hawl" and "Al-Hol", "ISIS" and "Islamic State" are one term); its headline's words again as
    ``title:WORD`` terms, which :func:`split` sets apart. An ``undated`` article (no
    publication date in its metadata) also has the year of the latest full date its text writes, as the
    term ``date:YEAR``: what keeps apart look-alike events of different years."""
    counts = terms(text)
    dates = dates_in(text[:DATED_CHARS]) if undated else []
    if dates:
        counts[YEAR_TERM + str(max(dates).year)] = TITLE_WEIGHT
    for actor in actor_names(text):
        counts["@" + actor] = counts.get("@" + actor, 0.0) + ACTOR_WEIGHT
    if title:
        for term, n in terms(title, names=False).items():  # a title-case headline is not a name
            counts[term] = counts.get(term, 0.0) + n * TITLE_WEIGHT
            counts[HEADLINE_TERM + term] = n
    for town in lead_towns(title, text):
        counts[town] = TITLE_WEIGHT
    return counts


CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\b")
DATELINE = re.compile(r"\A\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}),")


def lead_towns(title: str | None, text: str) -> list[str]:
    """The big towns a report's title and opening name, as ``town:LAT,LON`` terms: "Car bomb kills 14 in
    Kirkuk" is ``town:35.47,44.39``. A name counts when it is the gazetteer's own name of a town of at
    least TOWN_PEOPLE people, not a country or region, and not by one of its other names (by those,
    "Hamas" would be Hamm and "Philadelphia" Amman)."""
    from rashomon.geo.gazetteer import gazetteer, key  # the offline gazetteer, built on first use

    lead = (title or "") + "\n" + text[:LEAD_CHARS]
    names = [m.group() for m in CAPITALISED.finditer(lead)]
    if m := DATELINE.match(text):
        names.append(m.group(1).title())
    found = set()
    for name in dict.fromkeys(names):
        if name.lower() in stopwords() or name.split()[0].lower() in stopwords():
            continue
        own = key(name).removesuffix("h")  # "Basra" is the gazetteer's "Basrah", "Raqqa" its "Ar Raqqah"
        places = [p for p in gazetteer().candidates(name) if key(p.name).removesuffix("h") == own]
        top = places[0] if places else None
        if top is not None and top.feature not in ("country", "region") and top.population >= TOWN_PEOPLE:
            found.add(f"{TOWN_TERM}{top.lat:.2f},{top.lon:.2f}")
    return sorted(found)


def towns(vector: Mapping[str, float]) -> list[tuple[float, float]]:
    """The coordinates of the ``town:`` terms of a vector or centroid."""
    out = []
    for term in vector:
        if term.startswith(TOWN_TERM):
            lat, lon = term[len(TOWN_TERM) :].split(",")
            out.append((float(lat), float(lon)))
    return out


def weigh(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int, top: int = TOP_TERMS) -> Vector:
    """TF-IDF (sub-linear tf, smoothed idf), the ``top`` heaviest terms, unit length."""
    weights = {
        t: (1 + math.log(c)) * (math.log((n_docs + PRIOR_DOCS + 1) / (df.get(t, 0) + 1)) + 1)
        for t, c in counts.items()
        if c > 0
    }
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {t: w / norm for t, w in kept}


def actor_names(text: str) -> list[str]:
    from rashomon.extract.entities import actor_matches  # the actor lexicon; plain regular expressions

    return sorted({m.name.lower() for m in actor_matches(text)})


def split(counts: Mapping[str, float]) -> tuple[Counts, Counts]:
    """An article's terms apart from its headline's ``title:`` terms, and those."""
    words = {t: c for t, c in counts.items() if not t.startswith(HEADLINE_TERM)}
    return words, {t: c for t, c in counts.items() if t.startswith(HEADLINE_TERM)}


APART = (TOWN_TERM, HEADLINE_TERM)  # terms a word cosine leaves out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two term vectors over their words: town terms are compared by distance instead
    (:func:`rashomon.link.cluster.nearest_km`), headline terms by :func:`headline_cosine`."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items() if not t.startswith(APART))
    na = math.sqrt(sum(w * w for t, w in a.items() if not t.startswith(APART))) or 1.0
    nb = math.sqrt(sum(w * w for t, w in b.items() if not t.startswith(APART))) or 1.0
    return dot / (na * nb)


def headline_cosine(headline: Mapping[str, float], centroid: Mapping[str, float]) -> float:
    """The cosine of a report's headline vector and the headline terms of a story's centroid (0 if none)."""
    dot = sum(w * centroid.get(t, 0.0) for t, w in headline.items())  # headline terms carry their prefix
    if not dot:
        return 0.0  # no word in common: the centroid's headline terms need not be read (most candidates)
    theirs = (w for t, w in centroid.items() if t.startswith(HEADLINE_TERM))
    return dot / (math.sqrt(sum(w * w for w in headline.values())) * math.sqrt(sum(w * w for w in theirs)))
