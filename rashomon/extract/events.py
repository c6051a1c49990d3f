"""Events: triggers (``data/lexicons/events.json``) mapped to sub-types and PLOVER types,
with their actor, target, place and date, and whether they are reported as fact.

Negated ("did not escape"), hypothetical ("could escape", "tried to escape") and future ("will
withdraw") events are marked by ``modality``, never reported as facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from rashomon.extract.entities import Found as EntityFound
from rashomon.extract.time import Timex
from rashomon.lexicons import lexicon
from rashomon.nlp import text_of
from rashomon.records import Event, Span, content_id

Doc = Any
Token = Any
PLACE_TYPES = ("GPE", "LOC", "FAC")
AGENT_TYPES = ("ORG", "PERSON", "NORP", "GPE")


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event mention in one article, before it becomes a record."""

    type: str
    plover: str | None
    start: int  # characters of the trigger
    end: int
    sentence: tuple[int, int]
    actor: EntityFound | None = None
    target: EntityFound | None = None
    place: EntityFound | None = None
    date: date | None = None
    date_precision: str | None = None
    modality: str = "asserted"


@cache
def _types() -> dict[str, dict[str, Any]]:
    types: dict[str, dict[str, Any]] = lexicon("events")["types"]
    return types


def parse_cues(stance: bool = False) -> list[str]:
    """Where event detection reads the parse: every event type's verbs, nouns and phrases."""
    lex = lexicon("events")
    words = [w for spec in _types().values() for w in spec["verbs"] + spec["nouns"] + spec["phrases"]]
    extra: list[str] = lex["demand_modals"] + lex["blockade_verbs"]
    return words + extra


@cache
def _lemma_index() -> tuple[dict[str, str], dict[str, str]]:
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for name, spec in _types().items():
        for v in spec["verbs"]:
            verbs.setdefault(v, name)
        for n in spec["nouns"]:
            nouns.setdefault(n, name)
    return verbs, nouns


@cache
def _phrases() -> list[tuple[str, re.Pattern[str], str]]:
    """Each trigger phrase: lower-cased, as a whole-word pattern, and the event type it names."""
    return [
        (p.lower(), re.compile(rf"(?<![\w-]){re.escape(p)}(?![\w-])", re.I), name)
        for name, spec in _types().items()
        for p in spec["phrases"]
    ]


def find_triggers(doc: Doc, entities: list[EntityFound], timexes: list[Timex]) -> list[Trigger]:
    """Every event trigger in ``doc`` with its participants, place, date and modality."""
    phrases = _phrase_roots(doc)
    out: list[Trigger] = []
    for sent in doc.sents:
        for tok, kind in _sentence_triggers(sent, phrases):
            if _unverified(tok) or _concessive(tok) or _no_agent(tok, kind) or _a_risk(tok, kind):
                continue
            out.append(_describe(doc, sent, tok, kind, entities, timexes))
    return out


def _ancestors(tok: Token) -> list[Token]:
    """The words above ``tok`` up to its sentence's root."""
    out: list[Token] = []
    while tok.head.i != tok.i and len(out) < 40:
        tok = tok.head
        out.append(tok)
    return out


def _unverified(tok: Token) -> bool:
    """Under a verb of checking that is denied ("CNN cannot independently verify ... how many escaped"):
    the writer says what is not known, which is no event."""
    checks = lexicon("events")["verification"]
    for up in _ancestors(tok):
        if up.lemma_.lower() in checks and any(
            c.dep_ == "neg" or c.lower_ in ("cannot", "unable") for c in up.children
        ):
            return True
    return False


def _no_agent(tok: Token, kind: str) -> bool:
    """An act only someone does, said of a state of affairs ("the situation ..., demanding continued
    vigilance"): a figure of speech, no event. A participle without a subject takes its clause's."""
    lex = lexicon("events")
    if kind not in lex["agent_kinds"] or tok.pos_ != "VERB":
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.dep_ in ("advcl", "xcomp", "conj"):
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in lex["agents"] for s in subjects)


def _a_risk(tok: Token, kind: str) -> bool:
    """A threat as a risk, not a warning someone gave ("threats posed by ISIS remnants", "the threat of
    famine"): the noun is an act only with a complement saying what would be done ("a threat to kill the
    hostages") or whose it is ("the rebels' threat")."""
    if kind != "threaten" or tok.pos_ != "NOUN":
        return False
    acts = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() not in ("pose", "face")]
    owned = any(c.dep_ == "poss" for c in tok.children)
    return not (owned or any(any(a.lower_ == "to" for a in c.children) for c in acts))


def _concessive(tok: Token) -> bool:
    """Background named to set news against ("despite these transfers", "in spite of the attack")."""
    head = tok.head
    if tok.dep_ != "pobj" or head.dep_ != "prep":
        return False
    words = lexicon("events")["concessive"]
    return head.lower_ in words or (head.lower_ == "of" and head.head.lower_ in words)


def _phrase_roots(doc: Doc) -> dict[int, tuple[Token, str]]:
    """The root token of each trigger phrase within one sentence, by token index; the first pattern to
    reach a root names it. The text is scanned once per pattern, not once per pattern and sentence."""
    text = text_of(doc)
    lowered = text.lower()
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    starts = [start for start, _ in bounds]
    found: dict[int, tuple[Token, str]] = {}
    for phrase, pattern, name in _phrases():
        if phrase not in lowered:
            continue  # a plain search first: most texts hold none of the phrases
        for m in pattern.finditer(text):
            if m.end() > bounds[bisect_right(starts, m.start()) - 1][1]:
                continue  # a phrase across a sentence boundary is two sentences' words
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                found.setdefault(span.root.i, (span.root, name))
    return found


def _sentence_triggers(sent: Any, phrases: dict[int, tuple[Token, str]]) -> list[tuple[Token, str]]:
    verbs, nouns = _lemma_index()
    modals, blocking = _demand_and_blockade_words()
    found = {i: hit for i, hit in phrases.items() if sent.start <= i < sent.end}
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.lower_ in modals and _demanded(tok.head):
            found[tok.head.i] = (tok.head, "demand")  # "China must drop barriers": what the verb names is asked for
        elif lemma in blocking and _blockade(tok):
            found[tok.i] = (tok, "protest")
        elif tok.pos_ == "VERB" and lemma in verbs:
            found.setdefault(tok.i, (tok, verbs[lemma]))
        elif tok.pos_ in ("NOUN", "PROPN") and (lemma in nouns or tok.lower_ in nouns):
            found.setdefault(tok.i, (tok, nouns.get(lemma) or nouns[tok.lower_]))
    return [found[i] for i in sorted(found)]


@cache
def _demand_and_blockade_words() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon("events")
    return frozenset(lex["demand_modals"]), frozenset(lex["blockade_verbs"])


def _demanded(tok: Token) -> bool:
    """A verb under "must" ("the US must be ready to mediate", "Libya must hand over the suspects"): PLOVER
    codes what one party says another must do as a demand. "must have" is a guess, not a demand."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return False
    modals = _demand_and_blockade_words()[0]
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ in modals for c in aux) and not any(c.lemma_ == "have" for c in aux)


def _blockade(tok: Token) -> bool:
    """A verb of blocking ("workers blocked the Europe Bridge") whose object is a road, a bridge or traffic:
    a protest, as PLOVER has it."""
    objects = lexicon("events")["blockade_objects"]
    return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children)


def _describe(doc: Doc, sent: Any, tok: Token, kind: str, entities: list[EntityFound], timexes: list[Timex]) -> Trigger:
    actor, target = _participants(tok, entities)
    when = _date_of(doc, sent, tok, timexes)
    return Trigger(
        type=kind, plover=_plover(tok, kind), start=tok.idx, end=tok.idx + len(tok.text),
        sentence=(sent.start_char, sent.end_char), actor=actor, target=target,
        place=_place_of(sent, tok, entities), date=when.first if when else None,
        date_precision=when.precision if when else None, modality=_modality(tok),
    )  # fmt: skip


def _plover(tok: Token, kind: str) -> str | None:
    """The PLOVER type of a trigger: its sub-type's, except that an attack or a killing by conventional
    military force (aircraft, artillery, troops, drones, mines: its subject or its own word) is FIGHT, as
    the codebook has it; ASSAULT is violence of other means (bombings by militants, massacres, kidnapping)."""
    plover: str | None = _types()[kind]["plover"]
    if plover == "ASSAULT" and kind in ("attack", "kill") and _by_conventional_force(tok):
        return "FIGHT"
    return plover


def _by_conventional_force(tok: Token) -> bool:
    force = lexicon("events")["conventional_force"]
    if tok.lemma_.lower() in force or tok.lower_ in force:
        return True  # "shelling", "airstrike"
    while True:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subjects:
            return any(w.lemma_.lower() in force or w.lower_ in force for s in subjects for w in s.subtree)
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head is tok:
            return False
        tok = tok.head  # "forces launched artillery fire ..., killing 50": the killing is the forces'


def _entity_in(tok: Token, entities: list[EntityFound], types: tuple[str, ...]) -> EntityFound | None:
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    inside = [e for e in entities if lo <= e.start and e.end <= hi and e.type in types]
    return inside[0] if inside else None


def _participants(tok: Token, entities: list[EntityFound]) -> tuple[EntityFound | None, EntityFound | None]:
    actor = target = None
    for child in tok.children:
        if child.dep_ == "nsubj" or child.dep_ == "agent":
            actor = actor or _entity_in(child, entities, AGENT_TYPES)
        elif child.dep_ in ("dobj", "nsubjpass"):
            target = target or _entity_in(child, entities, (*AGENT_TYPES, "FAC"))
        elif child.dep_ == "prep" and child.lower_ == "from" and tok.lemma_ in ("withdraw", "retreat", "pull"):
            target = target or _entity_in(child, entities, ("FAC", "GPE", "LOC"))
    if actor is None and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        actor = _participants(tok.head, entities)[0]
    return actor, target


def _place_of(sent: Any, tok: Token, entities: list[EntityFound]) -> EntityFound | None:
    """Where it happened: a place in the trigger's own phrase, else the nearest place in the sentence."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "from", "near", "on", "into", "outside", "inside"):
            place = _entity_in(child, entities, PLACE_TYPES)
            if place is not None:
                return place
    in_sentence = [e for e in entities if sent.start_char <= e.start < sent.end_char and e.type in PLACE_TYPES]
    if not in_sentence:
        return None
    return min(in_sentence, key=lambda e: abs(e.start - tok.idx) + (0 if e.type == "FAC" else 1))


def _date_of(doc: Doc, sent: Any, tok: Token, timexes: list[Timex]) -> Timex | None:
    """The dated time expression in the trigger's phrase, else the sentence's own, if it is not the speech's."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    dated = [t for t in timexes if t.first is not None and sent.start_char <= t.start < sent.end_char]
    own = [t for t in dated if lo <= t.start < hi]
    if own:
        return min(own, key=lambda t: abs(t.start - tok.idx))
    free = [t for t in dated if not _attached_to_speech(doc, t)]
    return min(free, key=lambda t: abs(t.start - tok.idx)) if free else None


def _attached_to_speech(doc: Doc, t: Timex) -> bool:
    """ "the ministry said Tuesday": that day dates the statement, not the event."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    return bool(head.lemma_.lower() in lexicon("attribution")["verbs"])


def _modality(tok: Token) -> str:
    """The trigger's own modality, else that of the words it hangs from through ``climb`` labels ("could
    allow escaped militants" is hypothetical); a relative clause, or what a verb of speech reports, keeps
    its own."""
    climb, speech, unrealised = lexicon("events")["climb"], lexicon("attribution")["verbs"], _unrealised()
    node = tok
    for _ in range(6):
        own = _own_modality(node)
        if own != "asserted" or node.dep_ not in climb or node.head.i == node.i:
            return own
        governed = node.dep_ != "conj"  # "demanded an inquiry and threatened to ...": a sibling, not a complement
        node = node.head
        if governed and node.lemma_.lower() in unrealised:
            return "hypothetical"  # "is contemplating a withdrawal", "accused them of releasing": no fact
        if node.lemma_.lower() in speech:
            return "asserted"  # "officials may say ..." is about the saying; what they report keeps its own
    return "asserted"


@cache
def _unrealised() -> frozenset[str]:
    """Verbs whose complement has not happened as a fact: unrealised acts and allegations."""
    return frozenset({*lexicon("events")["unrealised"], *lexicon("events")["alleging"]})


def _own_modality(tok: Token) -> str:
    lex = lexicon("events")
    children = [c.lower_ for c in tok.children]
    if any(c.dep_ == "neg" for c in tok.children) or (tok.dep_ == "xcomp" and tok.head.lemma_ in lex["negating"]):
        return "negated"  # "did not escape", "failed to come to its aid"
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in lex["stopping"]:
        return "negated"  # "cutting off water supplies", "aid was blocked": stopped, not given
    if any(c in lex["future"] for c in children) or (tok.dep_ == "xcomp" and tok.head.lower_ in lex["future"]):
        return "future"
    if any(c in lex["hypothetical"] for c in children) or tok.head.lower_ in ("if", "unless"):
        return "hypothetical"
    return "asserted"


def to_events(triggers: list[Trigger], article_id: str) -> tuple[list[Event], dict[str, str]]:
    """One event per happening within an article: triggers of one type and modality whose days and
    places do not disagree are mentions of one event (the first keeps its id). Returns the events and
    each merged trigger's event id -> the event it joined."""
    kept: list[Event] = []
    joined: dict[str, str] = {}
    for t in triggers:
        e = to_event(t, article_id)
        same = next((i for i, k in enumerate(kept) if _one_happening(k, e)), None)
        if same is None:
            kept.append(e)
            continue
        k = kept[same]
        mentions = k.mentions + tuple(m for m in e.mentions if m not in k.mentions)
        kept[same] = replace(
            k, mentions=mentions, date=k.date or e.date, date_precision=k.date_precision or e.date_precision,
            place=k.place or e.place, actors=tuple(dict.fromkeys(k.actors + e.actors)),
            targets=tuple(dict.fromkeys(k.targets + e.targets)),
        )  # fmt: skip
        joined[e.id] = k.id
    return kept, joined


def _one_happening(a: Event, b: Event) -> bool:
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.date is not None and b.date is not None and a.date != b.date:
        return False
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    return not (set(a.actors) and set(b.actors) and not set(a.actors) & set(b.actors))


def to_event(t: Trigger, article_id: str) -> Event:
    return Event(
        id=content_id("event", article_id, t.start), type=t.type, sub_type=t.plover,
        mentions=(Span(article_id, *t.sentence),), date=t.date, date_precision=t.date_precision,
        place=t.place.entity_id if t.place else None,
        actors=(t.actor.entity_id,) if t.actor else (), targets=(t.target.entity_id,) if t.target else (),
        modality=t.modality,  # type: ignore[arg-type]
    )  # fmt: skip
