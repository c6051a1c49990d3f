"""Toponyms in a parsed document: spaCy's places and nationalities, known camps and prisons, and
organisation or person names that are really places ("the U.S. said", "Washington warned"), each
placed by the gazetteer in the context of the document's other places."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import numpy
from spacy.attrs import IDX, IS_TITLE, IS_UPPER, LENGTH, ORTH

from rashomon.extract import toponym_model
from rashomon.extract.entities import Found, actor_by_name, find_entities
from rashomon.geo.gazetteer import Place, gazetteer, key
from rashomon.geo.resolve import (
    Context,
    best_place,
    contained,
    context_for,
    geo_of,
    is_notable,
    region_in,
    resolve,
)
from rashomon.nlp import text_of
from rashomon.records import Geo

PLACE_LABELS = ("GPE", "LOC", "FAC")
METONYMY_LABELS = ("ORG", "PERSON", "NORP")
EMBEDDED_CITY = 500_000  # a smaller town's name inside another name is more often a surname or a brand
HOME_TOWN = 10_000  # a smaller town's name, outside any entity, is more often a word or a surname
TABLE_KEY = "rashomon.places.tokens"  # where a Doc keeps its token table (both readings of a text use it)
MONTHS = frozenset(calendar.month_name[1:])
LOCATIVE = frozenset(("in", "at", "near", "into", "outside", "across", "towards", "toward", "to", "from"))
SPOKEN_WITH = frozenset((
    "speak", "talk", "say", "write", "tell", "reply", "respond", "send", "give", "hear", "listen", "letter", "call",
    "message", "email", "answer", "apologize", "apologise", "explain", "turn",
))  # fmt: skip
# "spoke to Kelly", "a letter from Kelly": "to" and "from" a person, not a place
DATELINE = re.compile(
    r"\s*(?P<name>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:,\s*(?P<holder>[A-Z][A-Za-z.]{1,20}(?: [A-Z][a-z]+)?))?"
    r"\s*(?:\(|—|–|--| - |,)"
)  # a report's opening "CITY, Region (Agency) —"
DATELINE_WEIGHT = 3  # as much as a country named three times
MONTH_WORDS = frozenset(m.lower() for m in calendar.month_name[1:]) | frozenset(
    m.lower() for m in calendar.month_abbr[1:]
)
CONTAINER_GAP = re.compile(r",\s*")  # "Springfield, Ill.": a town, then what holds it
LIST_GAP = re.compile(r",?\s*(?:and|or|&)?\s*")
# "Aleppo province"; not "region": "the Washington region" is the capital's, not the state
AREA_AFTER = re.compile(r"\s+(province|governorate|oblast|prefecture)\b", re.I)
LOCAL_FACILITY = re.compile(
    r"\b(?:street|st\.|road|avenue|boulevard|church|cathedral|chapel|school|high|elementary|academy|library|"
    r"plantation|restaurant|hall|house|center|centre|park|square|market|hospital|station|bridge|court|drive|lane|"
    r"place|estate|racecourse|theatre|theater|museum|prison|college|campus|farm|lagoon|castle|hotel|stadium)$",
    re.I,
)  # an organisation or facility named so is a local place: it stands in the text's main town


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    geo: Geo | None
    origin: str = "place"  # how it was found: "GPE" (NER's label), "as_ORG" (a name NER took for an
    # organisation), "located_PERSON" (after "in", "at"), "actor", "leading", "embedded", "home", "facility",
    # "dateline"


def find_toponyms(doc: Any, entities: list[Found] | None = None, learned: bool = True) -> list[Toponym]:
    """Every toponym of ``doc`` with its coordinates (``entities``: the doc's, when already found); unless
    ``learned`` is false, only the names the trained model (:mod:`rashomon.extract.toponym_model`) keeps."""
    found, ctx, names = read_toponyms(doc, entities)
    return toponym_model.keep(doc, found, ctx, names) if learned else found


def read_toponyms(doc: Any, entities: list[Found] | None = None) -> tuple[list[Toponym], Context, toponym_model.Names]:
    """The names the rules read as places, with the text's context and what its entities say of its names."""
    entities = find_entities(doc) if entities is None else entities
    text = text_of(doc)
    ctx = context_for(f.name for f in entities if f.type in ("GPE", "NORP"))
    dateline, filed_in = _dateline(text)
    if filed_in:  # where the report was filed: its country weighs more than any one name's
        ctx.countries = ctx.countries + Counter({filed_in: DATELINE_WEIGHT})
    names = toponym_model.names_of(entities)
    first = _read(doc, entities, ctx, names.people)  # a first reading by country alone; then among the others
    anchors = {key(t.text): (t.geo.lat, t.geo.lon) for t in first + dateline if t.geo and t.geo.precision != "country"}
    towns = Counter((t.geo.lat, t.geo.lon) for t in first if t.geo is not None and t.geo.precision == "1")
    ctx.anchors = anchors
    ctx.town = towns.most_common(1)[0][0] if towns else None
    if dateline and dateline[0].geo is not None and dateline[0].geo.precision in ("1", "2"):
        ctx.town = (dateline[0].geo.lat, dateline[0].geo.lon)
    found = _named_areas(text, _within_containers(text, _read(doc, entities, ctx, names.people)), ctx)
    return _with_dateline(found, dateline), ctx, names


def _dateline(text: str) -> tuple[list[Toponym], str | None]:
    """ "SPRINGFIELD, Ill. (AP) -", "SEOUL, South Korea (CNN) -", "WINNIPEG —": the place a report was filed
    from and its container, read before anything else, with its country (none when the text opens
    otherwise)."""
    m = DATELINE.match(text)
    if m is None:
        return [], None
    name, holder = m["name"].strip(), (m["holder"] or "").strip()
    pair = contained(name, holder) if holder and holder.lower().rstrip(".") not in MONTH_WORDS else None
    if pair is not None:
        start, end = m.span("holder")
        return [Toponym(m.start("name"), m.start("name") + len(name), name, geo_of(pair[0]), "dateline"),
                Toponym(start, end, holder, geo_of(pair[1]), "dateline")], pair[0].country  # fmt: skip
    place = best_place(name, Context(), exact=True)
    if place is None:
        return [], None
    return [Toponym(m.start("name"), m.start("name") + len(name), name, geo_of(place), "dateline")], place.country


def _with_dateline(found: list[Toponym], dateline: list[Toponym]) -> list[Toponym]:
    """The dateline's names as it placed them, in place of what the rest of the text made of them."""
    if not dateline:
        return found
    rest = [t for t in found if not any(d.start < t.end and t.start < d.end for d in dateline)]
    return sorted(rest + dateline, key=lambda t: t.start)


def _within_containers(text: str, found: list[Toponym]) -> list[Toponym]:
    """A town followed by its region or country ("Portland, Maine", "Perth, Scotland") is the one inside it,
    and the container is the region that holds it ("Tacoma, Washington": the state, not the capital)."""
    out, held = list(found), set()

    def listed(a: int) -> bool:  # "Raqqa, Deir ez-Zor and Hasakah": names in a list, not a town in its region
        return 0 <= a < len(out) - 1 and bool(LIST_GAP.fullmatch(text[out[a].end : out[a + 1].start]))

    for i in range(len(out) - 1):
        town, holder = out[i], out[i + 1]
        if not CONTAINER_GAP.fullmatch(text[town.end : holder.start]) or town.origin == "facility":
            continue
        read_as_region = holder.geo is not None and holder.geo.precision in ("3", "country")
        # "Aleppo, Raqqa, Deir ez-Zor": a list; "Florida and Washington, D.C.": a list's last name in its region
        in_list = (i > 0 and CONTAINER_GAP.fullmatch(text[out[i - 1].end : town.start]) is not None) or listed(i + 1)
        if in_list and not read_as_region:
            continue
        pair = contained(town.text, holder.text)
        if pair is not None:
            out[i] = replace(town, geo=geo_of(pair[0]))
            out[i + 1] = replace(holder, geo=geo_of(pair[1]))
            held |= {i, i + 1}
    return _like_list_mates(text, out, held)


def _named_areas(text: str, found: list[Toponym], ctx: Context) -> list[Toponym]:
    """ "Aleppo province", "Donetsk oblast", "Hasakah governorate": a name the next word calls a province is
    the province, drawn as an area, not its capital town (nor a village of the same name elsewhere)."""
    out = []
    for t in found:
        m = AREA_AFTER.match(text, t.end)
        if m is not None and t.origin != "facility" and (t.geo is None or t.geo.precision in ("1", "2")):
            t = replace(t, geo=resolve(f"{t.text} {m.group(1)}", ctx) or t.geo)
        out.append(t)
    return out


def _region_country(t: Toponym) -> str | None:
    """The country of the region ``t`` was read as (None when it was not read as a region)."""
    if t.geo is None or t.geo.precision != "3":
        return None
    regions = (p for p in gazetteer().candidates(t.text) if p.feature == "region")
    return next((p.country for p in regions if p.geonameid == t.geo.geonames_id), None)


def _like_list_mates(text: str, found: list[Toponym], held: set[int]) -> list[Toponym]:
    """A name listed with regions of one country is that country's region when it has one ("states such as
    California or Washington", "Texas, Georgia and Florida"): at least two of its list mates must be. The
    names of a town and its container (``held``: "Florida and Washington, D.C.") stay as they were read."""
    out = list(found)
    runs: list[list[int]] = [[0]] if out else []
    for i in range(1, len(out)):
        joined = LIST_GAP.fullmatch(text[out[i - 1].end : out[i].start]) is not None
        runs[-1].append(i) if joined else runs.append([i])
    for run in (r for r in runs if len(r) >= 3 or (len(r) == 2 and " or " in text[out[r[0]].end : out[r[1]].start])):
        read = [_region_country(out[i]) for i in run]
        regions = Counter(c for c in read if c)
        if not regions:
            continue
        country, n = regions.most_common(1)[0]
        if n < min(2, len(run) - 1):
            continue
        for i, own in zip(run, read, strict=True):
            if own or i in held:
                continue
            place = region_in(out[i].text, country)
            if place is not None:
                out[i] = replace(out[i], geo=geo_of(place))
    return out


def _read(doc: Any, entities: list[Found], ctx: Context, named: frozenset[str]) -> list[Toponym]:
    found = [f for f in entities if f.type in PLACE_LABELS + METONYMY_LABELS]
    out: list[Toponym] = []
    for f in found:
        top = _toponym(doc, f, ctx, named)
        if top is not None:
            out.append(top)
    out = out + _embedded(doc, out, entities, ctx, named)
    out += _local_facilities(entities, out)
    return sorted(out, key=lambda t: t.start)


def _local_facilities(entities: list[Found], found: list[Toponym]) -> list[Toponym]:
    """A street, church or school the gazetteer does not know stands in the text's main town (precision 2)."""
    towns = Counter((t.geo.lat, t.geo.lon) for t in found if t.geo is not None and t.geo.precision == "1")
    if not towns:
        return []
    (lat, lon), _ = towns.most_common(1)[0]
    taken = [(t.start, t.end) for t in found]
    return [
        Toponym(f.start, f.end, f.text, Geo(lat, lon, "2"), "facility")
        for f in entities
        if f.type in ("ORG", "FAC", "PERSON") and LOCAL_FACILITY.search(f.name)
        and not any(s < f.end and f.start < e for s, e in taken)
    ]  # fmt: skip


def _home_town(span: Any, place: Place, ctx: Context, entities: list[Found]) -> bool:
    """A town of the text's own country that NER missed altogether: proper nouns, not opening a sentence."""
    return (
        ctx.is_home(place)
        and place.population >= HOME_TOWN
        and all(t.pos_ == "PROPN" for t in span)
        and not span[0].is_sent_start
        and not _not_a_name(span)
        and not any(f.start < span.end_char and span.start_char < f.end for f in entities)
    )


def _embedded(
    doc: Any, found: list[Toponym], entities: list[Found], ctx: Context, named: frozenset[str]
) -> list[Toponym]:
    """Countries, regions and big cities named inside other names ("Central Bank of Malta", "Air Canada"),
    and towns of the text's own country that NER missed."""
    text, (starts, ends, capital, joins) = text_of(doc), _token_table(doc)
    taken = bytearray(len(text))  # characters already read as a place or a person
    for s, e in [(t.start, t.end) for t in found] + [(f.start, f.end) for f in entities if f.type == "PERSON"]:
        taken[s:e] = b"\1" * (e - s)
    out: list[Toponym] = []
    i = 0
    while i < len(starts):
        hit = _embedded_at(doc, i, (text, starts, ends, joins, taken), entities, ctx, named) if capital[i] else None
        if hit is not None:
            out.append(hit)
            taken[hit.start : hit.end] = b"\1" * (hit.end - hit.start)
        i += 1 if hit is None else len(doc.char_span(hit.start, hit.end, alignment_mode="expand"))
    return out


def _embedded_at(
    doc: Any, i: int, table: tuple[Any, ...], entities: list[Found], ctx: Context, named: frozenset[str]
) -> Toponym | None:
    """The longest run of up to three capitalised words from token ``i`` that names a notable place."""
    text, starts, ends, joins, taken = table
    for n in (3, 2, 1):
        start, end = starts[i], ends[min(i + n, len(starts)) - 1]
        if i + n > len(starts) or not all(joins[i : i + n]) or taken.find(1, start, end) != -1:
            continue  # checked on the tokens first: making a Span for every window is the slow part
        place = best_place(text[start:end], ctx, exact=True)
        if place is not None and _ruled_out(text[start:end], text, start, end, ctx, named):
            return None
        home = place is not None and _home_town(doc[i : i + n], place, ctx, entities)
        if place is not None and (place.feature in ("country", "region") or place.population >= EMBEDDED_CITY or home):
            return Toponym(start, end, text[start:end], resolve(text[start:end], ctx), "home" if home else "embedded")
    return None


def _token_table(doc: Any) -> tuple[list[int], list[int], list[bool], list[bool]]:
    """Each token's start and end character, and whether it is capitalised or may join a name (once per Doc)."""
    table: tuple[list[int], list[int], list[bool], list[bool]] | None = doc.user_data.get(TABLE_KEY)
    if table is None:
        cols = doc.to_array([IDX, LENGTH, IS_TITLE, IS_UPPER, ORTH]).reshape(-1, 5)  # read in C, not token by token
        capital = (cols[:, 2] | cols[:, 3]).astype(bool)
        joins = capital | numpy.isin(cols[:, 4], [doc.vocab.strings[w] for w in ("of", "and", "-")])
        table = (cols[:, 0].tolist(), (cols[:, 0] + cols[:, 1]).tolist(), capital.tolist(), joins.tolist())
        doc.user_data[TABLE_KEY] = table
    return table


def _toponym(doc: Any, f: Found, ctx: Context, named: frozenset[str]) -> Toponym | None:
    """``f`` as a toponym: a place entity, or a name NER took for something else that names a notable
    place, or a town of the text's own country unless the text calls a person by it (``named``: the
    words of its people's full names, so that "Kelly" after "Megyn Kelly" stays a person)."""
    if _ruled_out(f.name, text_of(doc), f.start, f.end, ctx, named):
        return None
    actor = actor_by_name(f.name)
    if f.type in PLACE_LABELS or actor is not None:
        origin = f.type if f.type in PLACE_LABELS else "actor"
        return Toponym(f.start, f.end, f.text, resolve(f.name, ctx, near=actor.near if actor else None), origin)
    place = best_place(f.name, ctx, exact=True)
    person_like = f.type == "PERSON" and " " in f.name and place is not None and place.feature in ("city", "capital")
    home = place is not None and ctx.is_home(place) and f.name not in named and f.type != "PERSON"
    if place is not None and (is_notable(place) or home) and not person_like:
        return Toponym(f.start, f.end, f.text, resolve(f.name, ctx), "as_" + f.type)
    if place is not None and f.name not in named and _after_locative(doc, f):
        return Toponym(f.start, f.end, f.text, resolve(f.name, ctx), "located_" + f.type)
    return _leading_place(doc, f, ctx)


def _after_locative(doc: Any, f: Found) -> bool:
    """ "moved to Cirencester", "in Klamath Falls": a name right after a preposition of place, whatever NER
    labelled it."""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in LOCATIVE:
        return False
    before = doc[span.start - 1]
    return before.lower_ not in ("to", "from") or before.head.lemma_.lower() not in SPOKEN_WITH


def _ruled_out(name: str, text: str, start: int, end: int, ctx: Context, named: frozenset[str]) -> bool:
    """Words that name no place here, whatever NER or the gazetteer says: a plural nationality
    ("Mexicans" are people; "Mexican" names the place), a word of a person's full name in this text,
    a month beside a number, a two-letter word (``name``: the words at ``text[start:end]``, normalised)."""
    return _people_of(name, ctx) or _name_of_person(name, named, ctx) or _not_a_place_word(text, start, end)


def _people_of(name: str, ctx: Context) -> bool:
    """A plural nationality, whatever NER labels it: one word in -s whose singular names a country or
    region and which is not itself that place's name ("Philippines", "Netherlands" are places)."""
    if " " in name or not name.endswith("s") or not name[:1].isupper():
        return False
    people = best_place(name[:-1], ctx, exact=True)
    if people is None or people.feature not in ("country", "region"):
        return False
    itself = best_place(name, ctx, exact=True)
    return itself is None or itself.name != name


def _not_a_place_word(text: str, start: int, end: int) -> bool:
    """A month beside a number ("March 4", "4 March") or a two-letter word that is not a code ("La Niña")."""
    name = text[start:end]
    if len(name) == 2 and not name.isupper():
        return True
    if name in MONTHS:
        return bool(re.match(r"\s*\d", text[end : end + 3]) or re.search(r"\d\s*$", text[max(0, start - 3) : start]))
    return False


def _name_of_person(name: str, named: frozenset[str], ctx: Context) -> bool:
    """One word of a person's full name in this text ("Chen" after "Chen Wei"), unless it names a country
    or region."""
    if " " in name or name not in named:
        return False
    place = best_place(name, ctx, exact=True)
    return place is None or place.feature not in ("country", "region")


def _not_a_name(span: Any) -> bool:
    """Function words ("The", "In"), single letters and nationalities ("Mexicans", "Japanese") are not places
    here (two-letter words are already ruled out: see :func:`_ruled_out`)."""
    if any(t.is_stop for t in span) and len(span) == 1:
        return True
    text = span.text
    return len(text) < 2 or (text.endswith(("ans", "ians", "ese")) and len(span) == 1)


def _leading_place(doc: Any, f: Found, ctx: Context) -> Toponym | None:
    """ "U.S. Senate", "Canadian government": the place an organisation's name opens with."""
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is not None and span[0].lower_ == "the":
        span = span[1:]
    if span is None or len(span) < 2 or f.type == "PERSON":
        return None
    for n in (2, 1):
        head = span[:n]
        if n < len(span) and span[n].lower_ == "of":
            continue  # "University of California", "Bank of Mexico": named after what follows "of"
        place = best_place(head.text, ctx, exact=True)
        if place is not None and (place.feature in ("country", "region") or ctx.is_home(place)):
            return Toponym(head.start_char, head.end_char, head.text, resolve(head.text, ctx), "leading")
    return None


def entity_geos(doc: Any, entities: list[Found]) -> dict[str, Geo]:
    """Coordinates of the place entities among ``entities``: those the toponym finder placed at their span."""
    placed = {(t.start, t.end): t.geo for t in find_toponyms(doc, entities) if t.geo is not None}
    return {
        f.entity_id: placed[(f.start, f.end)] for f in entities if f.type in PLACE_LABELS and (f.start, f.end) in placed
    }
