"""Entities: spaCy's NER plus a rule layer of known actors (``data/lexicons/actors.json``).

An actor's aliases, acronyms and transliterations all name one entity ("SDF",
"Syrian Democratic Forces", "QSD"), so every article gives it the same id.
Roles are split from names: "SDF spokesperson Farhad Shami" is the person Farhad
Shami, role spokesperson, affiliation Syrian Democratic Forces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rashomon.lexicons import lexicon
from rashomon.nlp import text_of
from rashomon.records import Entity, Geo, Mention, Span, Speaker, content_id

Doc = Any
NER_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True)
class Found:
    """An entity mention before it becomes records."""

    start: int  # characters
    end: int
    text: str
    name: str  # canonical
    type: str
    role: str | None = None
    affiliation: str | None = None

    @property
    def entity_id(self) -> str:
        return entity_id(self.name, self.type)


def entity_id(name: str, type_: str) -> str:
    return content_id("entity", type_, canonical_key(name))


def canonical_key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", LEADING.sub("", name.lower())).strip()


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str
    kind: str
    aliases: tuple[str, ...]
    near: str | None = None  # the town a camp or prison is named after or stands near


@cache
def actors() -> tuple[Actor, ...]:
    return tuple(
        Actor(
            a["name"], a["type"], a.get("kind", ""), tuple(a["aliases"]) + tuple(a.get("acronyms", [])), a.get("near")
        )
        for a in lexicon("actors")["actors"]
    )


WORD = re.compile(r"\w+")


def _first_words(names: list[str]) -> frozenset[str]:
    """The first word of each name, lower-cased: a text without any of them cannot match the names."""
    return frozenset(m.group().lower() for m in (WORD.search(n) for n in names) if m)


@cache
def _actor_patterns() -> list[tuple[re.Pattern[str], Actor, frozenset[str]]]:
    out = []
    for entry, actor in zip(lexicon("actors")["actors"], actors(), strict=True):
        names = sorted(entry["aliases"], key=len, reverse=True)
        if names:
            alternation = "|".join(re.escape(n) for n in names)
            pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)
            out.append((pattern, actor, _first_words(names)))
        if entry.get("acronyms"):
            acr = "|".join(re.escape(a) for a in entry["acronyms"])
            out.append((re.compile(rf"(?<![\w-])(?:{acr})(?!\w)"), actor, _first_words(entry["acronyms"])))
    return out


@cache
def roles() -> frozenset[str]:
    return frozenset(r.lower() for r in lexicon("actors")["roles"])


@cache
def _actors_by_key() -> dict[str, Actor]:
    index: dict[str, Actor] = {}
    for actor in actors():
        for name in (actor.name, *actor.aliases):
            index.setdefault(canonical_key(name), actor)  # the first actor listed keeps a shared name
    return index


def actor_by_name(name: str) -> Actor | None:
    return _actors_by_key().get(canonical_key(name))


# -- finding mentions ------------------------------------------------------------------------
def find_entities(doc: Doc) -> list[Found]:
    """Actor-lexicon matches first, then spaCy's entities that do not overlap them; in text order."""
    found = actor_matches(text_of(doc))
    taken = [(f.start, f.end) for f in found]
    for ent in doc.ents:
        if ent.label_ not in NER_TYPES or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        name = _clean_name(ent.text)
        if not name:
            continue
        found.append(Found(ent.start_char, ent.end_char, ent.text, name, ent.label_))
    found = [_with_role(doc, f, found) if f.type == "PERSON" else f for f in found]
    return sorted(found, key=lambda f: f.start)


def actor_matches(text: str) -> list[Found]:
    hits: list[Found] = []
    words = {w.lower() for w in WORD.findall(text)}
    for pattern, actor, first_words in _actor_patterns():
        if words.isdisjoint(first_words):
            continue  # one set lookup instead of a regex scan of the whole text
        for m in pattern.finditer(text):
            if all(m.end() <= h.start or m.start() >= h.end for h in hits):
                hits.append(Found(m.start(), m.end(), m.group(), actor.name, actor.type))
    return hits


def _clean_name(text: str) -> str:
    text = LEADING.sub("", text.strip())
    return re.sub(r"(?:'s|’s)$", "", text).strip(" ,.;:")


def _with_role(doc: Doc, person: Found, others: list[Found]) -> Found:
    """Role and affiliation from the words before the name ("SDF spokesperson") or its appositive."""
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return person
    words: list[Any] = []
    start = span.start
    while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss") and not doc[start - 1].is_punct:
        start -= 1
        words.insert(0, doc[start])
    if not words:
        words = _appositive_role(doc, span)
    role_words = [t.text for t in words if t.lower_ in roles() or t.pos_ == "NOUN"]
    org = next((o for o in others if o.type in ("ORG", "NORP") and any(o.start <= t.idx < o.end for t in words)), None)
    role = " ".join(role_words) or None
    if role and org is not None:
        role = f"{org.text} {role}"
    return Found(person.start, person.end, person.text, person.name, person.type, role, org.name if org else None)


def _appositive_role(doc: Doc, span: Any) -> list[Any]:
    """ ", a Syria analyst with the International Crisis Group": the appositive's words."""
    appos = next((t for t in span.root.children if t.dep_ == "appos" and t.i > span.end - 1), None)
    if appos is None:
        return []
    return [t for t in doc[appos.left_edge.i : appos.right_edge.i + 1] if not t.is_punct and t.dep_ != "det"]


# -- speakers --------------------------------------------------------------------------------
def speaker_from_span(doc: Doc, start: int, end: int, mentions: list[Found], earlier: list[Speaker]) -> Speaker:
    """Who a source span names: a person (with role), an actor, or the words themselves.

    "the ministry" after "the interior ministry" is that same speaker.
    """
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    person = next((m for m in inside if m.type == "PERSON"), None)
    if person is not None:
        return Speaker(person.name, person.role, person.entity_id)
    actor = next((m for m in inside if m.type in ("ORG", "FAC", "GPE", "NORP")), None)
    text = _clean_name(text_of(doc)[start:end])
    root = doc.char_span(start, end, alignment_mode="expand")
    if actor is not None and root is not None and actor.start <= root.root.idx < actor.end:
        return Speaker(_clean_name(actor.text), None, actor.entity_id)  # named as written; the id is canonical
    words = [w for w in text.lower().split() if w not in DETERMINERS]
    for prior in reversed(earlier):
        head = text.lower().split()[-1] if text else ""
        same_words = set(words) <= set(prior.name.lower().split())  # "Iraqi officials" are not "Kurdish officials"
        if head and prior.name.lower().endswith(head) and len(text.split()) <= 2 and same_words:
            return prior
    return Speaker(text or text_of(doc)[start:end], None, None)


# -- records ---------------------------------------------------------------------------------
def to_records(
    found: list[Found], article_id: str, geos: dict[str, Geo] | None = None
) -> tuple[list[Entity], list[Mention]]:
    geos = geos or {}
    entities: dict[str, Entity] = {}
    mentions = []
    for f in found:
        eid = f.entity_id
        prior = entities.get(eid)
        aliases = set(prior.aliases) if prior else set()
        if f.text != f.name:
            aliases.add(_clean_name(f.text))
        entities[eid] = Entity(eid, f.name, f.type, tuple(sorted(aliases - {f.name})), geos.get(eid))
        mentions.append(
            Mention(
                content_id("mention", article_id, f.start, f.end), eid, Span(article_id, f.start, f.end), f.text, f.role
            )
        )
    return list(entities.values()), mentions
