"""Senses: which predicate a figure's words give it ("killed", "escaped", "held", ...), and of what.

A figure takes its sense from the verb it is the subject or object of, a state phrase in that verb's
words ("remain unaccounted for", "are still held", "treated 85 people for injuries"), a relative clause
on its noun, a state adjective ("33 missing residents"), a noun of the sense it is of ("the death toll
of 14", "put the crowd at 15,000"), the group it is picked from ("30 of the 80 wounded"), or the verbs
above it up to a clause of its own. ``lexicons/claims.json`` maps verbs, states and nouns onto
predicates. :mod:`rashomon.extract.frames` decides whether the sense applies (a casualty needs people).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rashomon.extract.figure import Figure
from rashomon.extract.readings import group_predicate
from rashomon.lexicons import lexicon, phrase_pattern
from rashomon.nlp import text_of

Doc = Any
Token = Any
PART = re.compile(r"(?:\bincluding|\bamong\s+(?:them|whom|those|the\s+\w+)|\bof\s+(?:whom|which|them|those))\s*$", re.I)
PART_AFTER = re.compile(r"^(?:\s+of\s+(?:them|those|whom)\b|[\w\s-]{0,25}?\b(?:are|were|is|was)\s+among\b)", re.I)
AMONG_THE = re.compile(r"^[\w\s-]{0,25}?\b(?:are|were|is|was)\s+among\s+the\s+(?P<group>[a-z]+)\b", re.I)
OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+", re.I)
MAX_CLIMB = 4
OWN_CLAUSE = ("conj", "parataxis", "advcl", "relcl", "ccomp")  # a verb so attached has a clause of its own


@cache
def _lex() -> dict[str, Any]:
    return lexicon("claims")


@cache
def _states() -> re.Pattern[str]:
    return re.compile(phrase_pattern(list(_lex()["states"])), re.I)


@dataclass(frozen=True, slots=True)
class Sense:
    """The predicate a figure's words give it, with the counted words and the token it hangs on."""

    predicate: str | None
    counted: str | None
    head: Token


def token_at(doc: Doc, char: int) -> Token | None:
    """The token holding character ``char`` (None in the spaces between tokens)."""
    starts = doc_cache(doc, "starts", lambda: doc.to_array("IDX").tolist())  # one array, no Token objects
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if char < tok.idx + len(tok.text) else None


def doc_cache(doc: Doc, name: str, make: Callable[[], Any]) -> Any:
    """What ``make`` gives for this document, made once: frames ask the same of a document many times."""
    found = doc.user_data.setdefault(("rashomon.frames", name), None)
    if found is None:
        found = doc.user_data[("rashomon.frames", name)] = make()
    return found


def nominal_of(tok: Token) -> Token:
    """The noun a figure quantifies ("1,500 ISIS members" -> members), or the figure itself."""
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return tok


def sense_of(tok: Token) -> Sense | None:
    """The predicate of the figure at ``tok`` from the verbs, states and nouns of ``lexicons/claims.json``."""
    senses: dict[int, Sense | None] = doc_cache(tok.doc, "senses", dict)
    if tok.i not in senses:
        senses[tok.i] = _sense(tok)
    return senses[tok.i]


def _sense(tok: Token) -> Sense | None:
    nominal = nominal_of(tok)
    counted = counted_words(tok, nominal)
    if nominal is not tok and nominal.lower_ in _lex()["happening_nouns"]:  # "14 injuries", "12 arrests"
        return Sense(str(_lex()["nouns"][nominal.lower_]), counted, nominal)
    if nominal is not tok and disease_cases(nominal):  # "42 cases of measles", "57 confirmed cases"
        return Sense("infected", counted, nominal)
    if (group := _picked_from_group(nominal)) is not None:  # "30 of the 80 wounded remained in hospital"
        return Sense(group, counted, nominal)
    if nominal.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "Three residents abducted ... are still held": the main verb
        for verb in _main_verbs(nominal.head):
            found = _verb_predicate(verb) or state_predicate(verb)
            if found:
                return Sense(found, counted, verb)
            if (governed := _controlled(verb)) is not None and (found := _verb_predicate(governed)):
                return Sense(found, counted, governed)  # "30,000 people were ordered to evacuate"
    for relcl in (c for c in nominal.children if c.dep_ in ("relcl", "acl")):
        found = _verb_predicate(relcl) or state_predicate(relcl)
        if found:
            return Sense(found, counted, relcl)
    if (state := _modifier_state(nominal)) is not None:
        return Sense(state, counted, nominal)
    node = nominal
    for _ in range(MAX_CLIMB):
        verb_like = node.pos_ in ("VERB", "AUX") or (node.head.pos_ in ("VERB", "AUX") and node.dep_ == "conj")
        if verb_like and node.dep_ in OWN_CLAUSE:
            break  # "a receptionist died and two men underwent surgery": the verb beside is another's
        via = node
        node = node.head if node.dep_ != "ROOT" else node
        if via.dep_ == "prep" and via.lower_ in ("to", "at") and (found := _noun_predicate(node)):
            return Sense(found, counted or holder_of_verb(node), node)  # "raising the toll to 21": the toll's
        found = _verb_predicate(node) or state_predicate(node) or _noun_predicate(node)
        if found:
            return Sense(found, counted or holder_of_verb(node), node)
        if node.dep_ == "ROOT":
            break
    noun = counted.split()[-1].lower() if counted else ""
    if noun in _lex()["nouns"] and noun not in _lex()["estimated_nouns"]:  # "dozens of wounded", "hundreds of refugees"
        return Sense(str(_lex()["nouns"][noun]), counted, nominal)
    return None


def _picked_from_group(nominal: Token) -> str | None:
    """The predicate of the group a figure is picked from, by the group's word: "30 of the 80 wounded"."""
    for prep in (c for c in nominal.children if c.dep_ == "prep" and c.lower_ == "of"):
        for whole in (c for c in prep.children if c.dep_ == "pobj" and c.like_num):
            for word in whole.children:
                if word.i > whole.i and (found := group_predicate(word.lower_)) is not None:
                    return found
    return None


def _controlled(verb: Token) -> Token | None:
    """The verb an order or a force governs, whose sense its subject or object takes: "were ordered to
    evacuate", "forced 2,000 people to flee" (lexicon ``control_verbs``)."""
    if verb.lemma_.lower() not in _lex()["control_verbs"]:
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def _main_verbs(head: Token) -> list[Token]:
    """The verb a figure's noun is the subject or object of, the clause above first when the parser took
    a participle after the noun for its verb ("Three residents abducted in the raid are still held")."""
    reduced = head.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    if reduced and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
        return [head.head, head]
    return [head]


def counted_words(tok: Token, nominal: Token) -> str | None:
    """ "ISIS members", "ISIS detainees": the counted thing, without determiners."""
    head = nominal if nominal is not tok else of_object(tok)
    if head is None:
        return None
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "nummod", "quantmod")]
    words = [t for t in words if not t.like_num and t.i > tok.i and not (t.is_punct and t.text not in "-")]
    return text_of_tokens(words)


def of_object(tok: Token) -> Token | None:
    """ "dozens of wounded": the object of the figure's "of"."""
    of = next((c for c in tok.children if c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def text_of_tokens(words: list[Token]) -> str | None:
    """The words as written (hyphens and spacing kept), trimmed of punctuation at the ends."""
    while words and words[0].is_punct:
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words:
        return None
    return str(words[0].doc[words[0].i : words[-1].i + 1].text)


def _verb_predicate(node: Token) -> str | None:
    if node.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    lemma = node.lemma_.lower()
    if lemma in _lex()["still_held_verbs"]:
        return state_predicate(node)
    if lemma == "break" and not any(c.lower_ == "out" for c in node.children):
        return None
    if lemma == "take" and _into_custody(node):
        return "arrested"  # "took 23 into custody"
    if lemma == "take" and not _taken_away(node):
        return None
    if _to_death(node):
        return "killed"  # "shot to death", "shot dead", "beaten to death", "froze to death"
    found = _lex()["verbs"].get(lemma)
    if found in _lex()["full_senses"] and any(c.lower_ in _lex()["full_adverbs"] for c in node.children):
        return str(_lex()["full_senses"][found])  # "fully vaccinated": another share than "vaccinated"
    return str(found) if found else None


def _to_death(verb: Token) -> bool:
    """Whether the verb says its people died of it: "to death", or "dead" as its complement."""
    for c in verb.children:
        if c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "advcl"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
            return True
    return False


def _into_custody(verb: Token) -> bool:
    return any(c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children) for c in verb.children)


def _taken_away(verb: Token) -> bool:
    """ "30 people were taken", "took dozens from their homes", "taken hostage" (not "took part", nor "were
    taken to hospital": a destination of care is no abduction)."""
    children = {c.dep_ for c in verb.children} | {c.lower_ for c in verb.children}
    care = _lex()["care_places"]  # where people are taken for their own sake
    cared = any(c.lower_ == "to" and any(g.lemma_.lower() in care for g in c.children) for c in verb.children)
    return bool(children & {"auxpass", "from", "hostage", "captive", "away"}) and not cared


def state_predicate(node: Token) -> str | None:
    """ "remain unaccounted for", "are still held", "remain in the hands of", "treated 85 people for
    injuries": a state phrase in the verb's words, leaving out a counted object ("85 people") and the
    clauses of their own beside it ("pulled from the water, and 8 were still missing")."""
    left_out = {t.i for c in node.children if _own_clause(c) or _counted_object(c) for t in c.subtree}
    words = " ".join(t.text for t in node.subtree if t.i >= node.i and t.i not in left_out)[:80]
    m = _states().search(words)
    return _lex()["states"][re.sub(r"\s+", " ", m.group().lower())] if m else None


def _own_clause(t: Token) -> bool:
    return bool(t.dep_ in OWN_CLAUSE and t.pos_ in ("VERB", "AUX"))


def _counted_object(t: Token) -> bool:
    return bool(t.dep_ == "dobj" and any(w.like_num for w in t.subtree))


def _modifier_state(nominal: Token) -> str | None:
    """ "33 missing residents": a state adjective on the counted noun ("left 41 inmates dead": the parse may
    hang the object's predicate on the noun)."""
    for child in nominal.children:
        if child.dep_ in ("amod", "oprd") and child.lower_ in _lex()["states"]:
            return str(_lex()["states"][child.lower_])
    return None


def _noun_predicate(node: Token) -> str | None:
    """ "the death toll of 14", "the bodies of 38 people", "put the death toll at 14"."""
    nouns = _lex()["nouns"]
    if node.pos_ in ("NOUN", "PROPN"):
        compound = " ".join(t.lower_ for t in node.subtree if (t.i <= node.i and t.dep_ in ("compound",)) or t is node)
        found = nouns.get(compound) or nouns.get(node.lower_)
        return str(found) if found else None
    for child in node.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.pos_ == "NOUN":
            counted = counted_by(child)  # "put the number of deaths at 410": the deaths'
            found = _told_of(counted) if counted is not None else nouns.get(child.lower_)
            if found and (child.lower_ not in _lex()["estimated_nouns"] or node.lemma_ in _lex()["estimate_verbs"]):
                return str(found)  # "put the crowd at 15,000", not "at one point the crowd surged"
    return None


def _told_of(counted: Token) -> str | None:
    """The sense of what a noun of counting counts: "deaths"; "people displaced by the fighting", "people
    who fled"; "missing people"."""
    found = _lex()["nouns"].get(counted.lower_)
    if found:
        return str(found)
    for clause in (c for c in counted.children if c.dep_ in ("acl", "relcl")):
        if found := _verb_predicate(clause) or state_predicate(clause):
            return found
    return _modifier_state(counted)


def counted_through(verb: Token) -> Token | None:
    """ "put the number of infant deaths at 100", "the number of deaths reached 100": what the noun of
    counting that is the verb's subject or object counts (None when it has none)."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if (found := next((f for c in nouns if (f := counted_by(c)) is not None), None)) is not None:
        return found
    if not any(c.lower_ in _lex()["nouns"] for c in nouns):
        return None  # "put the death toll among the militants at 19": the parse hangs "among" on the verb
    among = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"), None)
    return next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None


def class_of(noun: Token) -> str | None:
    """The word of a group of people (lexicon ``classes``) that ``noun`` is or that qualifies it: "infant
    deaths" count infants, "soldiers" soldiers."""
    words = _class_words()
    own = noun.lemma_.lower()
    return own if own in words else next((c.lemma_.lower() for c in noun.children if c.lemma_.lower() in words), None)


@cache
def _class_words() -> frozenset[str]:
    return frozenset(w for group in _lex()["classes"].values() for w in group)


def counted_by(noun: Token) -> Token | None:
    """ "the number of deaths", "the total of displaced": what a noun of counting counts; "the death toll
    among the militants": whom a toll counts."""
    word = "of" if noun.lower_ in _lex()["count_nouns"] else "among" if noun.lower_ in _lex()["nouns"] else None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def holder_of_verb(verb: Token) -> str | None:
    """ "al-Shaddadi prison held thousands": the place that holds them (a relative pronoun's antecedent)."""
    if verb.lemma_.lower() not in ("hold", "house", "contain"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head
    return text_of_tokens([t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"])


def counts_people(noun: Token) -> bool:
    """Whether the counted noun names people (or a group of them): casualty senses need it."""
    lemma = noun.lemma_.lower()
    if lemma in _lex()["people_nouns"] or noun.lower_ in _lex()["people_nouns"]:
        return True
    if noun.ent_type_ in ("NORP", "PERSON") or noun.like_num or noun.pos_ == "PRON":
        return True
    return lemma in ("who", "whom") or noun.pos_ not in ("NOUN", "PROPN")


def counts_its_sense(noun: Token) -> bool:
    """ "14 deaths", "12 arrests", "30 injuries", "42 cases of measles": the noun is the happening itself."""
    return noun.lower_ in _lex()["happening_nouns"] or disease_cases(noun)


def disease_cases(noun: Token) -> bool:
    """ "42 cases of measles", "grown to 57 confirmed cases" (an outbreak's): cases in a sentence that names a
    disease or an outbreak, or calls them confirmed or suspected; not "the court heard 12 cases"."""
    if noun.lemma_.lower() != "case" or noun.pos_ != "NOUN":
        return False
    return any(t.lower_ in _case_words() for t in noun.sent)


@cache
def _case_words() -> frozenset[str]:
    return frozenset(_lex()["case_words"])


def whole_of(doc: Doc, fig: Figure, figures: list[Figure], predicate: str | None) -> int | None:
    """ "90 deaths, including 70 children", "6,000 missing, among them 200 children", "200 children are among
    them", "20 of them": the start of the whole's figure, earlier in the sentence; "30 of the 80 wounded":
    the figure that follows; "17 of the dead were children": the group's own word, when it names what the
    figure measures (not "three of the hostages were released": the released are no part of a count)."""
    text = text_of(doc)
    of_the = OF_THE.match(text[fig.end : fig.end + 24])
    if of_the:  # "30 of the 80 wounded": the whole is the figure that follows
        at = fig.end + of_the.end()
        whole = next((f for f in figures if f.start == at and f.kind == fig.kind), None)
        group = re.match(r"[a-z]+", text[at : at + 24])
        if (
            whole is None
            and group is not None
            and predicate is not None
            and group_predicate(group.group()) == predicate
        ):
            return at
        return whole.start if whole is not None else None
    if not (PART.search(text[max(0, fig.start - 24) : fig.start]) or PART_AFTER.match(text[fig.end : fig.end + 40])):
        return None
    among = AMONG_THE.match(text[fig.end : fig.end + 40])
    if among and predicate is not None and group_predicate(among["group"].lower()) == predicate:
        return fig.end + among.start("group")  # "nine children were among the dead": a part of the dead
    earlier = [f for f in figures if f.end <= fig.start and fig.start - f.end < 160 and f.kind == fig.kind]
    sentence = token_at(doc, fig.start)
    if sentence is None or not earlier:
        return None
    same = [f for f in earlier if f.start >= sentence.sent.start_char]
    return same[-1].start if same else None
