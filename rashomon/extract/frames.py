"""Frames: what a figure measures, read from the parse.

A frame is one measure of one set of things, whose, at one time or over one period: "McDermott
scored 23 points" is points (counted), scored (verb), McDermott's (owner); "Of the 120 who escaped,
81 have been captured" is recaptured escapees. A predicate applies only in its sense: a casualty
predicate needs people counted ("killed 12 people", not "picked up 12 seats"); "held 15 meetings" is
no detention; "recaptured" needs an escape earlier in the report. Figures that count nothing are no
frame: "one of the deadliest attacks", "one of the three guards".

``lexicons/claims.json`` holds the senses (verbs, states and nouns mapped onto predicates) and the
people nouns; ``lexicons/stopwords.json`` the words a context leaves out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from rashomon.extract.figure import Figure
from rashomon.extract.readings import (
    AFTERSHOCK,
    CHANGE,
    CHILDREN,
    ELSEWHERE,
    LEVEL,
    MAGNITUDE,
    POPULATION,
    RECORD,
    SINCE,
    SINCE_START,
    WITH_PERPETRATOR,
    aftershock,
    costed_of,
    country_word,
    counts_perpetrator,
    elsewhere,
    increment,
    indicator_change,
    indicator_level,
    level_subject,
    lone_one,
    magnitude,
    measured_attribute,
    moved_to,
    names_country,
    one_by_one,
    one_of,
    own_children,
    parent_of,
    parent_owners,
    partner,
    period_value,
    picked_from,
    population,
    range_word,
    record_holder,
    role_of_age,
    since_its_start,
)
from rashomon.extract.senses import (
    MAX_CLIMB,
    class_of,
    counted_through,
    counts_its_sense,
    counts_people,
    doc_cache,
    nominal_of,
    of_object,
    sense_of,
    state_predicate,
    token_at,
    whole_of,
)
from rashomon.extract.time import Timex
from rashomon.extract.totals import brings_a_total, reached_total
from rashomon.extract.votes import election_kinds, won_in_a_vote
from rashomon.lexicons import lexicon
from rashomon.nlp import text_of
from rashomon.records import Frame

Doc = Any
Token = Any
PLACES = ("GPE", "LOC", "FAC")
CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "ADV")  # the words a context keeps
PLACE_PREPOSITIONS = ("in", "at", "near", "across", "inside", "outside", "around", "throughout", "within", "on")
WINDOW = 4
THROUGH = re.compile(r"\b(?:by|as\s+of|as\s+at|through|up\s+to)\s+(?:the\s+end\s+of\s+)?$", re.I)
CASUALTY = frozenset({"killed", "injured", "abducted", "held", "arrested", "displaced", "fled", "escaped",
                      "recaptured", "released", "missing", "rescued", "at_large", "evacuated", "transferred",
                      "buried", "returned", "surrendered", "captured", "struck", "shot", "trapped",
                      "stabbed"})  # fmt: skip
EXPLICIT = frozenset({"struck", "shot", "stabbed"})
LEVELS = ("count", "percent", "proportion")  # what a named indicator's level is given in
TIMES_SHOT = "times shot"  # a derived sense: how many times one person was shot or hit
PEOPLE_ONLY = {"vaccinated", "fully vaccinated", "crossed", "signed", "attended", "infected", "hospitalized"}
OF_PEOPLE = CASUALTY | PEOPLE_ONLY  # senses only people take ("2.7 million shots", "signed 12 agreements": none)


@cache
def _lex() -> dict[str, Any]:
    return lexicon("claims")


@cache
def _conversions() -> frozenset[str]:
    return frozenset(lexicon("amounts")["conversions"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon("stopwords")["stopwords"]) | frozenset(_lex()["context_stopwords"])


def frame_of(
    doc: Doc, fig: Figure, figures: list[Figure], escaped: bool, timexes: list[Timex], dated: bool = True
) -> Frame | None:
    """The frame of ``fig`` in ``doc`` (``figures`` are the document's, ``escaped`` whether it reports an
    escape, ``timexes`` its time expressions, resolved against its date when ``dated``); None when the
    figure counts nothing ("one of the three guards")."""
    tok = token_at(doc, fig.end - 1)
    if tok is None or one_of(doc, fig) or one_by_one(doc, fig):
        return None  # "one of the three guards"; "one by one, her siblings arrived": how they came
    tok = range_word(fig, tok)
    if (parent := parent_of(doc, fig)) is not None:  # "killing Zurana Horton, 34, a mother of 12"
        return Frame(measure=CHILDREN, counted="child", owners=parent_owners(parent),
                     context=_context(doc, tok, _governor(parent)), near=_near(doc, fig))  # fmt: skip
    if (parents := own_children(tok)) is not None:  # "was walking with one of her 12 children"
        return Frame(measure=CHILDREN, counted="child", owners=parents,
                     context=_context(doc, tok, _governor(nominal_of(tok))), near=_near(doc, fig))  # fmt: skip
    if (place := population(doc, fig)) is not None:  # "struck Qeshm island, home to 120,000 people"
        return Frame(measure=POPULATION, counted="people", owners=place,
                     context=_context(doc, tok, _governor(nominal_of(tok))),
                     near=_near(doc, fig))  # fmt: skip
    if (holder := record_holder(doc, fig, tok)) is not None:  # "broke Rodney Buford's record of 2,116 points"
        return Frame(measure=RECORD, owners=holder, context=_context(doc, tok, _governor(nominal_of(tok))),
                     near=_near(doc, fig))  # fmt: skip
    nominal = nominal_of(tok)
    if (won := won_in_a_vote(fig, tok)) is not None:  # "won 52.4% of the vote", "the ruling party won 150 seats"
        context = _context(doc, tok, _governor(nominal))  # "in the primary": another vote's
        return replace(won, modifiers=tuple(sorted(set(context) & election_kinds())), context=context,
                       place=_place(_governor(nominal), nominal), near=_near(doc, fig))  # fmt: skip
    sense = sense_of(tok)
    counted_head = nominal if nominal is not tok else of_object(tok)
    counter = counted_through(sense.head) if counted_head is None and sense and fig.kind == "count" else None
    counted_head = counter or counted_head  # "the number of infant deaths reached 100": infant deaths
    people = counted_head is None or counts_people(counted_head) or counts_its_sense(counted_head)
    predicate = sense.predicate if sense else None
    if predicate is not None and sense is not None and sense.head.head.i != nominal.i and picked_from(nominal):
        predicate = None  # "one of the three guards was killed": the verb's figure is the one, not the three
        # (but "30 of the 80 wounded": the sense in the figure's own words counts it)
    if predicate in EXPLICIT and counted_head is not None and counted_head.lemma_.lower() == "time":
        predicate = TIMES_SHOT  # "shot 11 times", "hitting Gray eleven times": how often one was hit
    verb_nouns = _lex()["verb_nouns"].get(sense.head.lemma_.lower()) if sense and predicate else None
    if verb_nouns is not None and sense is not None and not _counts_one_of(counted_head, verb_nouns):
        predicate = state_predicate(sense.head)  # "lost nine fighters" were killed; "lost power" is a state
    if predicate in OF_PEOPLE and (not people or (predicate in CASUALTY and fig.kind not in ("count", "proportion"))):
        # "picked up 12 seats", "held 15 meetings", "a 6.1 quake struck": not the casualty sense; "buried 30 homes"
        predicate = _lex()["thing_senses"].get(predicate) if not people and fig.kind == "count" else None
    if predicate in _lex()["sense_nouns"] and not _counts_one_of(counted_head, _lex()["sense_nouns"][predicate]):
        predicate = None  # "cut 1,200 jobs" is a sense, "cut 20 trees" none
    if predicate in _lex()["place_senses"] and (
        counted_head in (None, tok) or not _counts_one_of(counted_head, _lex()["people_nouns"])
    ):
        predicate = None  # "140 passengers on board"; not "carry the Colts 31-24", "signs saying 'Phil Ford 2,290'"
    if predicate is not None and fig.kind == "money" and predicate not in _lex()["money_senses"]:
        predicate = None  # "voted to approve a roughly $1 trillion bill": the sum is the bill's, not votes
    if predicate in EXPLICIT and (counted_head is None or counted_head is tok):
        predicate = None  # "struck", "shot" count people only when the people are named ("12 people were hit")
    if predicate is None and lone_one(doc, fig) and not _names_people(counted_head, tok):
        return None  # "one reason", "at one point", "the last one": a word, not an amount anyone reconciles
    if predicate == "recaptured" and not escaped:
        predicate = "captured"  # a capture is a recapture only after an escape
    counted = _counted_key(counted_head) if fig.pair == 0 else None  # "a 65-53 victory" counts no victories
    if fig.kind == "money" and counted is None:
        counted = costed_of(tok)  # "a budget of 1.2 trillion rupees", "a deal worth £80 million"
    if predicate is not None and counted_head is not None and counts_its_sense(counted_head):
        counted = None  # "21,570 murders", "600 homicides": the happenings themselves, counting people
    unit = unit_name(fig.unit) if fig.kind not in ("count", "proportion") and fig.unit else None
    kind = fig.kind
    if kind == "count" and counted in _conversions():  # "60 kilometres": a measure, however it was written
        kind, unit, counted = "measure", counted, None
    if magnitude(doc, fig):  # "a magnitude of 5.9", "measuring 5.6 on the Richter scale": one measure
        kind, unit, predicate = "measure", MAGNITUDE, None
        counted = AFTERSHOCK if aftershock(doc, fig) else None  # a quake's and its aftershock's are two
    elif kind == "measure" and counted is None:
        counted = measured_attribute(tok)  # "at a depth of 18.5 km": one attribute, as a magnitude is
    elif kind == "age":
        counted = role_of_age(tok) or counted  # "the suspect, 34,": whose age, when no name says
    governor = _governor(nominal)
    measure = predicate or _generic_measure(kind, unit, counted, sense.head if sense else governor)
    modifiers = tuple(m for m in _qualifiers(kind, counted_head) if m != unit)  # "a 1.4 trillion rupee budget"
    if counter is not None:  # "the number of infant deaths reached 100": infants
        counted = class_of(counter)
    change = indicator_change(doc, fig, governor) if fig.pair == 0 and kind == "percent" else None
    leveled = predicate in (None, "voted") and fig.pair == 0 and kind in LEVELS  # "45% of the electorate voted"
    level = indicator_level(doc, fig, governor) if leveled else None
    moved = moved_to(doc, fig, governor) if predicate is None and counted is None and fig.pair == 0 else None
    if change is not None:  # "raised interest rates by 0.75 percentage points": how far, which way
        measure, (counted, modifiers) = CHANGE, change
    elif level is not None:  # "the jobless rate was 6.1% in March": a named indicator's level, one per period
        measure, (counted, modifiers) = LEVEL, level
    elif moved is not None:  # "jobless claims fell to 385,000", "dropped to 385,000": one level, however it moved
        measure, counted = moved[0] if kind == "count" else measure, _counted_key(level_subject(moved[1]))
    when = _time_of(doc, fig, governor, timexes)
    context = _context(doc, tok, governor)
    if counts_perpetrator(doc, fig):  # "six people, including the gunman, died": not the victims alone
        context = tuple(sorted({*context, WITH_PERPETRATOR}))
    return Frame(
        measure=measure, kind=kind, unit=unit, counted=counted,
        modifiers=modifiers,
        owners=_owners(governor, nominal, tok),
        place=_place(governor, nominal),
        period=period_value(when, dated, text_of(doc)) if when else None,
        part_of=whole_of(doc, fig, figures, predicate),
        increment=_batch(doc, fig, figures, predicate),
        through=when is not None and (_through(doc, when) or reached_total(tok, measure)),
        pair=fig.pair, partner=partner(fig, figures), context=context, near=_near(doc, fig),
    )  # fmt: skip


def _counts_one_of(noun: Token | None, nouns: list[str]) -> bool:
    return noun is not None and (noun.lemma_.lower() in nouns or noun.lower_ in nouns)


def unit_name(unit: str) -> str:
    """One name for the spellings of a unit: "yds", "yards" -> yard; "kilometers" -> kilometre."""
    names: dict[str, str] = lexicon("amounts")["unit_names"]
    return names.get(unit.lower(), unit.lower())


def _counted_key(noun: Token | None) -> str | None:
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = noun.lemma_.lower()
    if lemma == "other":  # "wounding 70 others": people set apart from others counted, no class of their own
        return None
    return unit_name(singular(lemma) if noun.pos_ == "PROPN" or lemma == noun.lower_ else lemma)


def singular(word: str) -> str:
    """A plural the lemmatiser left alone ("Rifles" tagged as a name): "rifles" -> rifle, "casualties" -> casualty."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _names_people(counted: Token | None, figure: Token) -> bool:
    """ "one man", "one victim": the figure counts named people."""
    named = counted is not None and counted is not figure and counted.pos_ in ("NOUN", "PROPN")
    return named and counts_people(counted)


def _generic_measure(kind: str, unit: str | None, counted: str | None, verb: Token | None) -> str:
    """The measure of a figure with no known sense: its unit, its counted noun, its verb."""
    if kind in ("money", "percent", "measure", "duration", "age") and unit:
        return unit
    if counted:
        return counted
    if verb is not None and verb.pos_ in ("VERB", "NOUN") and verb.lemma_.lower() not in _stopwords():
        return str(verb.lemma_.lower())
    return "number"


# -- whose, part of what, which batch ---------------------------------------------------------
def _batch(doc: Doc, fig: Figure, figures: list[Figure], predicate: str | None) -> bool:
    """Whether the figure is a new batch ("six more", "another nine"). "Others" are a batch when the
    figure before them counted the same sense ("three were killed on Monday; two others died on Tuesday"),
    and a whole of their own when it counted another ("killing 10 people and wounding 70 others")."""
    found = increment(doc, fig)
    if found is None and predicate is not None and (tok := token_at(doc, fig.end - 1)) is not None:
        nominal = nominal_of(tok)
        if counts_its_sense(nominal) and any(c.dep_ == "amod" and c.lower_ == "new" for c in nominal.children):
            return True  # "340 new cholera cases on Tuesday", "12 new infections": that day's, not the total
        return brings_a_total(_governor(nominal))  # "two died, bringing the toll to 25": a batch
    if found != "others":
        return found == "batch"
    tok = token_at(doc, fig.start)
    earlier = [f for f in figures if f.end <= fig.start]
    if predicate is None or tok is None or not earlier:
        return True
    before = token_at(doc, earlier[-1].end - 1)
    reach = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0  # this sentence or the one before
    if before is None or before.i < reach:
        return True
    sense = sense_of(before)
    return sense is None or sense.predicate == predicate


def _governor(nominal: Token) -> Token:
    """The verb (or the root) whose clause the figure belongs to."""
    node = nominal
    for _ in range(MAX_CLIMB + 2):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def _owners(governor: Token, nominal: Token, tok: Token) -> tuple[str, ...]:
    """Names in the figure's clause, the figure's own phrase first: "McDermott's 23 points", "Creighton
    beat Drake 65-53" (both teams), "23 points for Creighton"."""
    own = [t for t in nominal.subtree if t.pos_ == "PROPN" and t.i != tok.i]
    if tok.head.pos_ == "PROPN" and tok.dep_ in ("appos", "amod", "npadvmod", "nummod") and tok.head.i < tok.i:
        own = [t for t in tok.head.subtree if t.pos_ == "PROPN" and t.i < tok.i]  # "Zurana Horton, 34,"
        return tuple(dict.fromkeys(t.lower_ for t in own))
    clause = [t for t in _clause(governor) if t.pos_ == "PROPN" and not _cited(t, governor)]
    names = [_owner_word(t) for t in own + clause if len(t.text) > 1 and t.lower_ not in _stopwords()]
    return tuple(dict.fromkeys(names))


def _owner_word(t: Token) -> str:
    """A name as an owner: a people's name as its country's ("Somalis": somalia)."""
    return (country_word(t.text) or t.lower_) if t.ent_type_ == "NORP" else str(t.lower_)


def _cited(tok: Token, governor: Token) -> bool:
    """Whether the name is who tells the figure, not whose it is: "39% have been fully vaccinated, according
    to the Centers for Disease Control" (the CDC's is the source, the share is the country's); the subject
    of an estimate is its estimator."""
    node = tok
    while node.i != governor.i and node.head.i != node.i:
        if node.lower_ in ("according", "citing", "quoting") and node.dep_ in ("prep", "advcl", "xcomp"):
            return True
        if node.head.i == governor.i and node.dep_ == "nsubj" and governor.lemma_ in _lex()["estimate_verbs"]:
            return True  # "the Syrian Observatory put the death toll at 19": who estimates it
        node = node.head
    return False


def _clause(governor: Token, conj: bool = False) -> list[Token]:
    """The governor's own words: its subtree without clauses of their own (and with its coordinated
    verbs' when ``conj``)."""
    clauses: dict[tuple[int, bool], list[Token]] = doc_cache(governor.doc, "clauses", dict)
    if (governor.i, conj) not in clauses:
        clauses[(governor.i, conj)] = _clause_words(governor, conj)
    return clauses[(governor.i, conj)]


def _clause_words(governor: Token, conj: bool) -> list[Token]:
    cut = ("ccomp", "advcl", "relcl", "parataxis") if conj else ("ccomp", "advcl", "relcl", "parataxis", "conj")
    out, stack = [], [governor]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [c for c in node.children if c.dep_ not in cut]
    return out


def _time_of(doc: Doc, fig: Figure, governor: Token, timexes: list[Timex]) -> Timex | None:
    """The time expression of the figure's own clause, whose value is the frame's period: a day ("1,500
    fled on Monday": its date, or its words in a report without a date), a stretch ("in three months":
    P3M) or a rate ("each day": every P1D); never the day a statement was made. Verbs coordinated with the
    figure's share its time ("killed six, injured almost 50 and caused damage in September")."""
    roots = doc_cache(doc, "timex roots", lambda: _timex_roots(doc, timexes))
    for clause in _clauses_around(governor):
        indexes = {t.i for t in clause}
        for t in sorted(timexes, key=lambda t: abs(t.start - fig.start)):
            root = roots.get((t.start, t.end))
            if (t.end <= fig.start or t.start >= fig.end) and root is not None and root in indexes:
                return t
    return None


def _through(doc: Doc, t: Timex) -> bool:
    """Whether the time is the day a running total was reached: "By Tuesday, 37.3% were fully vaccinated",
    "as of Monday", "up to the end of March"."""
    text = text_of(doc)
    return t.type == "DATE" and bool(THROUGH.search(text[max(0, t.start - 24) : t.start]))


def _timex_roots(doc: Doc, timexes: list[Timex]) -> dict[tuple[int, int], int]:
    """The root token of each time expression that is not the day of a statement."""
    out = {}
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and not _of_speech(span):
            out[(t.start, t.end)] = span.root.i
    return out


def _clauses_around(governor: Token) -> list[list[Token]]:
    """Where a figure's time is told, nearest first: its own clause, its coordinated verbs' ("killed
    six, injured almost 50 and caused damage in September"), and the happening a participle tells the result
    of ("In February, a quake hit Zarand, killing 612 people and wounding around 1,400")."""
    first = _coordination(governor)
    clauses = [_clause(governor), _clause(first, conj=True)]
    if first.dep_ == "advcl" and first.tag_ == "VBG" and first.head.pos_ in ("VERB", "AUX"):
        clauses.append(_clause(first.head))
    return clauses


def _coordination(verb: Token) -> Token:
    """The first of coordinated verbs ("killed" in "killed six, injured 50 and caused damage")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _of_speech(span: Any) -> bool:
    """ "the ministry said Tuesday": that day dates the statement, not the figure."""
    head = span.root.head
    head = head.head if head.dep_ == "prep" else head
    return bool(head.lemma_.lower() in lexicon("attribution")["verbs"])


def _place(governor: Token, nominal: Token) -> str | None:
    """Where the figure belongs when its clause says: "12 killed in Damascus", "in Idlib, more than 2.5 million";
    else the scope it names: "arrested across the country", "nationwide" (the country), "in the capital"."""
    words = [*nominal.subtree, *_clause(governor)]
    for t in words:
        held = t.head if t.dep_ == "appos" else t  # "in the capital, Damascus"
        if t.ent_type_ in PLACES and held.dep_ == "pobj" and held.head.lower_ in PLACE_PREPOSITIONS:
            if held.head.lower_ == "across" and names_country(t.text):
                return str(_lex()["scope_words"]["country"])  # "across France": the country, as "nationwide"
            joined = [c.lower_ for c in t.conjuncts if c.ent_type_ in PLACES or c.pos_ == "PROPN"]  # "in Spain and
            # Portugal": both; "in Odisha and Andhra Pradesh", a name the model did not tag, too
            return " and ".join(sorted({str(t.lower_), *joined}))
    scopes: dict[str, str] = _lex()["scope_words"]
    for t in words:
        preposed = (
            t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPOSITIONS and any(c.lower_ == "the" for c in t.children)
        )
        if (preposed or (t.dep_ == "advmod" and t.head.pos_ == "VERB")) and t.lower_ in scopes:  # "arrested nationwide"
            return scopes[t.lower_]
    return None


def _modifiers(noun: Token | None) -> tuple[str, ...]:
    """What sets the counted class apart: "civilian", "Syrian", "Palestinian" ("3 Syrian soldiers")."""
    if noun is None:
        return ()
    found = [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound") and not c.like_num]
    return tuple(w for w in found if w not in _stopwords())


def _qualifiers(kind: str, noun: Token | None) -> tuple[str, ...]:
    """What sets the counted or measured thing apart: a class's modifiers ("3 Syrian soldiers"), a sum's
    thing and purpose (:func:`_thing_qualifiers`), a weight's or an area's substance ("300 kilograms of
    cocaine": cocaine)."""
    if kind == "money":
        return _thing_qualifiers(noun)
    if kind == "measure" and noun is not None and (stuff := of_object(noun)) is not None and stuff.pos_ == "NOUN":
        return tuple(dict.fromkeys([*_modifiers(noun), stuff.lemma_.lower(), *_modifiers(stuff)]))
    return _modifiers(noun)


def _thing_qualifiers(noun: Token | None) -> tuple[str, ...]:
    """What a sum's thing is for: its modifiers, and the nouns of the clause or phrase that tells its
    purpose ("a roughly $1 trillion bill to revamp the nation's infrastructure": infrastructure), so that
    two reports naming one bill in other words still name one thing."""
    things = _lex()["costed_things"]
    if noun is None or (noun.lower_ not in things and noun.lemma_.lower() not in things):
        return _modifiers(noun)
    purpose = [c for c in noun.children if c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "for")]
    nouns = [t.lemma_.lower() for c in purpose for t in c.subtree if t.pos_ == "NOUN" and t.i > noun.i]
    return tuple(dict.fromkeys([*_modifiers(noun), *(w for w in nouns if w not in _stopwords())]))


def _context(doc: Doc, tok: Token, governor: Token) -> tuple[str, ...]:
    """Content words of the figure's clause and of the few words either side: what a slot compares."""
    sent = tok.sent
    near = doc[max(sent.start, tok.i - WINDOW) : min(sent.end, tok.i + WINDOW + 1)]
    words = [t for t in [*near, *_clause(governor)] if t.i != tok.i]
    lemmas = [_word(t) for t in words if t.pos_ in CONTENT and not t.like_num]
    if any(elsewhere(t) for t in [*words, *_reporting_frame(governor)]):
        lemmas.append(ELSEWHERE)  # "in a separate attack", "in another raid": not the incident told before
    if any(t.lower_ == "since" for t in _clause(governor)) or _since_clause(governor):
        lemmas.append(SINCE)  # "1.2 million had returned since the ceasefire": a total from a starting point
        if since_its_start(sent.text):
            lemmas.append(SINCE_START)  # "since the outbreak began": the whole happening's total
    return tuple(sorted({w for w in lemmas if w and w not in _stopwords()}))


def _reporting_frame(governor: Token) -> list[Token]:
    """The phrases of the verb that reports the figure's clause: "In the neighbouring district, the mayor
    said 200 houses were damaged" (where the report's figure is of)."""
    if governor.dep_ != "ccomp":
        return []
    return [t for c in governor.head.children if c.dep_ == "prep" for t in c.subtree]


def _since_clause(governor: Token) -> bool:
    """ "has killed 17 people since the rains began": a clause of its own telling the starting point."""
    clauses = (c for c in governor.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ == "since" for c in clauses for m in c.children)


def _near(doc: Doc, fig: Figure) -> tuple[str, ...]:
    """The two words before the figure and the two after it ("<scored", ">point")."""
    first, last = token_at(doc, fig.start), token_at(doc, fig.end - 1)
    if first is None or last is None:
        return ()
    before = [t for t in doc[max(0, first.i - 2) : first.i] if not t.is_punct]
    after = [t for t in doc[last.i + 1 : last.i + 3] if not t.is_punct]
    return tuple(["<" + _word(t) for t in before] + [">" + _word(t) for t in after])


def _word(t: Token) -> str:
    return str(t.lemma_.lower() if t.pos_ != "PROPN" else t.lower_)
