"""What a figure reads as before its sense is sought: a member picked out ("one of the guards") or a set
picked from ("one of the three guards"), a parent's children ("a mother of 12"), a place's population
("Qeshm island, home to 120,000 people"), an earthquake's magnitude ("a magnitude of 5.9", "6.0 on the
Richter scale"), a lone "one" written as a word, a new batch ("six more"), a tally's other figure, a
group's word ("17 of the dead"), another incident ("in a separate attack"), a holder's record, a named
parent's own children, a level a verb of movement brings a thing to ("claims fell to 473,000")."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rashomon.dates import MONTHS
from rashomon.extract.figure import Figure
from rashomon.extract.time import WEEKDAYS, Timex
from rashomon.lexicons import lexicon
from rashomon.nlp import text_of

Doc = Any
Token = Any
PARENT_OF = re.compile(r"\b([A-Za-z]+)\s+of\s*$")  # "a mother of 12"
REACH = 24  # characters either side of a figure that these readings look at
CHILDREN = "children"  # the measure of "a mother of 12"
CHILD_NOUNS = frozenset({"child", "kid", "children", "kids"})
MAGNITUDE = "magnitude"
AFTERSHOCK = "aftershock"
AFTERSHOCK_BEFORE = re.compile(r"\baftershocks?\s+(?:of|measuring|with a magnitude of)\s+(?:magnitude[\s-]*)?$", re.I)
AFTERSHOCK_AFTER = re.compile(r"^[\s-]*(?:magnitude[\s-]+)?aftershocks?\b", re.I)
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of|\s+at)?[\s-]*$", re.I)  # "put the magnitude at 7.7"
MAGNITUDE_AFTER = re.compile(r"^[\s-]*(?:magnitude\b|on the richter scale|richter\b)", re.I)
QUAKE_AFTER = re.compile(r"^[\s-]*(?:earthquake|quake|temblor|tremor|aftershock)s?\b", re.I)
POPULATION = "population"  # the measure of "home to 120,000 people"
RECORD = "record"  # the measure of "Rodney Buford's school scoring record of 2,116 points"
LEVEL, CHANGE = "level", "change"  # what a figure a verb of movement brings a thing to, or moves it by, measures
GROWTH = "growth"  # the indicator an economy's growth is ("the economy grew 2.4%"), as "growth rate" names it
GROWTH_BASIS = re.compile(r"\b(?:annuali[sz]ed|annual|year[\s-]+on[\s-]+year|quarter[\s-]+on[\s-]+quarter)\b", re.I)
GROWTH_BASES = {"annu": "annualised", "year": "year-on-year", "quar": "quarter-on-quarter"}  # two other rates
ONE_BY_ONE = re.compile(r"\s+(?:by\s+one|after\s+(?:another|the\s+other)|at\s+a\s+time)\b", re.I)
BY_ONE = re.compile(r"\bone\s+by\s+$", re.I)
PAST_STRETCH = re.compile(r"(?:the\s+)?past\s+(?P<unit>week|fortnight)", re.I)  # "prices rose in the past month": May
PAST_STRETCHES = {"week": "P7D", "fortnight": "P14D"}  # as "the past seven days" reads
SINCE_THE = re.compile(r"\bsince\s+the\s+(?P<noun>[a-z]+)\s+(?:began|begun|started|erupted|broke\s+out)\b", re.I)
FULL_MONTHS = [max((n for n, k in MONTHS.items() if k == month), key=len) for month in range(1, 13)]  # "january"
ALONE = re.compile(  # "on Monday alone", "in March alone": one day's or month's part
    r"\b(?:"
    + "|".join(["day", "night", "week", "month", "year", "today", "yesterday", *WEEKDAYS, *FULL_MONTHS])
    + r")\s+alone\b",
    re.I,
)
MOVED_BY = {"to": LEVEL, "at": LEVEL, "by": CHANGE}
BOUND_WORDS = ("below", "above", "under", "over", "beneath")  # a figure's own bound: "dipped below 300,000"
RECORD_NOUNS = frozenset({"record", "mark"})
VOTE_SHARE = "vote share"  # the measure of "the incumbent won 52.4% of the vote"
SEATS_WON = "seats won"  # the measure of "the ruling party won 150 seats"
ABOUT = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|more than|over|at least|an estimated)\s+)?"
POPULATION_BEFORE = re.compile(
    r"\b(?:(home)\s+to|(population)\s+of|a\s+(city|town|village|island)\s+of)\s+" + ABOUT + "$", re.I
)
POPULATION_AFTER = re.compile(r"^\s*(?:million\s+|thousand\s+)?(?:people|residents|inhabitants)\b", re.I)
RESIDENTS_AFTER = re.compile(r"^\s*(?:million\s+|thousand\s+)?(residents|inhabitants)\b", re.I)
RELATIVE = frozenset({"which", "that", "who"})
ELSEWHERE = "elsewhere"  # the context word of a figure told of another incident than the one before
SINCE = "cumulative"  # the context word of a total counted from a starting point ("since the ceasefire")
SINCE_START = "cumulative:start"  # ... from the start of the happening itself ("since the outbreak began")
WITH_PERPETRATOR = "perpetrator counted"  # the context word of a toll that counts its attacker ("including the gunman")
INCREMENT_BEFORE = re.compile(r"\b(?:another|additional|further|(?P<other>other))\s+$", re.I)
INCREMENT_AFTER = re.compile(r"\s+(?:more|(?P<other>others?))\b(?!\s+than)", re.I)
ONE_OF = re.compile(r"^\s+of\s+(?:the|its|their|his|her|our|these|those|them|us|whom|which)\b", re.I)
PICKERS = frozenset({"one", "some", "most", "all", "none", "many", "several", "few", "each", "any", "both", "half",
                     "majority", "rest", "remainder", "dozens", "hundreds", "thousands"})  # fmt: skip


def one_of(doc: Doc, fig: Figure) -> bool:
    """ "one of the deadliest attacks", "one of them": a member picked out, not an amount."""
    word = text_of(doc)[fig.start : fig.end].lower()
    return word == "one" and bool(ONE_OF.match(text_of(doc)[fig.end : fig.end + 16]))


def parent_of(doc: Doc, fig: Figure) -> Token | None:
    """ "a mother of 12", "Brooklyn mom of 12": the parent whose children the figure counts (what the
    clause says happened to the parent is not the figure's sense)."""
    start = max(0, fig.start - REACH)
    m = PARENT_OF.search(text_of(doc)[start : fig.start])
    if m is None or m.group(1).lower() not in lexicon("claims")["parent_nouns"]:
        return None
    span = doc.char_span(start + m.start(1), start + m.end(1), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def parent_owners(parent: Token) -> tuple[str, ...]:
    """The parent's names: "Zurana Horton, 34, a mother of 12", "a mother of 12, Zurana Horton"."""
    if parent.dep_ == "appos":
        names = [t for t in parent.head.subtree if t.pos_ == "PROPN" and t.i < parent.i]
    else:
        names = [t for c in parent.children if c.dep_ == "appos" for t in c.subtree if t.pos_ == "PROPN"]
    return tuple(dict.fromkeys(t.lower_ for t in names))


def own_children(tok: Token) -> tuple[str, ...] | None:
    """ "Horton's 12 children", "Horton ... was walking with one of her 12 children": a named parent's children,
    with the parent's names as owners; None when no one named is the parent ("their three children", "her
    five children" with no name in the clause)."""
    noun = tok.head if tok.dep_ == "nummod" else None
    if noun is None or noun.lemma_.lower() not in CHILD_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in ("their", "our", "my", "your"):
        return None
    if owner.pos_ == "PROPN":
        return tuple(dict.fromkeys(t.lower_ for t in owner.subtree if t.pos_ == "PROPN"))
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    names = [t.lower_ for t in subject.subtree if t.pos_ == "PROPN"] if subject is not None else []
    return tuple(dict.fromkeys(names)) or None


def population(doc: Doc, fig: Figure) -> tuple[str, ...] | None:
    """A place's population, with the place's names as owners (empty when the text names none): "Qeshm
    island, home to 120,000 people", "Qeshm ... has a population of more than 100,000", "the island, which
    has about 200,000 residents", "Mosul, a city of two million people"; None for any other figure ("120,000
    people fled": a count of people)."""
    text = text_of(doc)
    before, after = text[max(0, fig.start - 48) : fig.start], text[fig.end : fig.end + REACH]
    m = POPULATION_BEFORE.search(before)
    if m is not None and (m.group(2) or POPULATION_AFTER.match(after)):
        word = next(g for g in m.groups() if g)
        at = max(0, fig.start - 48) + m.start() + m.group().lower().index(word.lower())
    elif (r := RESIDENTS_AFTER.match(after)) is not None:
        at = fig.end + r.start(1)
    else:
        return None
    key = doc.char_span(at, at + 1, alignment_mode="expand")
    if key is None or not len(key):
        return None
    if m is None and not _object_of_have(key[0]):
        return None  # "200,000 residents fled": people counted, not a population
    holder = _holder(key[0])
    return _place_names(holder) if holder is not None else ()


def record_holder(doc: Doc, fig: Figure, tok: Token) -> tuple[str, ...] | None:
    """The names of whose record a figure is: "broke Rodney Buford's school scoring record of 2,116 points"
    (rodney, buford); None for any other figure, and for a record no one named holds ("a record of 9.58").
    The figure's first word is tried too: "2, 106" is often parsed as two numbers."""
    first = doc.char_span(fig.start, fig.start + 1, alignment_mode="expand")
    for word in (tok, first[0] if first is not None and len(first) else tok):
        node = word.head if word.dep_ in ("nummod", "quantmod", "compound") and word.head.pos_ == "NOUN" else word
        of = node.head if node.dep_ == "pobj" and node.head.lower_ == "of" else None
        record = of.head if of is not None else None
        if record is None or record.lemma_.lower() not in RECORD_NOUNS:
            continue
        holder = next((c for c in record.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if holder is not None:
            return tuple(t.lower_ for t in holder.subtree if t.pos_ == "PROPN")
    return None


def costed_of(tok: Token) -> str | None:
    """The thing a sum is the size of when the sum follows it: "a budget of 1.2 trillion rupees", "a deal
    worth £80 million" (budget, deal: lexicon ``costed_things``)."""
    node = tok
    for _ in range(2):
        if node.dep_ not in ("pobj", "npadvmod") or node.head.lower_ not in ("of", "worth"):
            return None
        node = node.head.head if node.head.lower_ == "of" else node.head
        if node.lower_ == "worth":
            node = node.head
        if node.lemma_.lower() in lexicon("claims")["costed_things"]:
            return str(node.lemma_.lower())
    return None


def range_word(fig: Figure, tok: Token) -> Token:
    """The word of a range that the parse hangs the counted noun on: "at 300-400 fighters" is often parsed
    with 400 under 300 and 300 on the fighters (a score, "a 17-7 lead", is two figures, not a range)."""
    low = tok.head
    if fig.pair == 0 and fig.start <= low.idx < tok.idx and low.like_num and low.dep_ == "nummod":
        return low
    return tok


def moved_to(doc: Doc, fig: Figure, verb: Token) -> tuple[str, Token] | None:
    """ "fell to 385,000" (a level), "rose by 9,000" (a change): what ``verb``, the figure's governing verb,
    makes of the figure when it is a verb of movement and the word before the figure brings it there."""
    first = doc.char_span(fig.start, fig.start + 1, alignment_mode="expand")
    if first is None or not len(first) or first[0].i == 0:
        return None
    word = first[0]
    found = LEVEL if word.lower_ in BOUND_WORDS else MOVED_BY.get(doc[word.i - 1].lower_)  # "dipped below 300,000"
    if found is None:
        return None
    return (found, verb) if verb.lemma_.lower() in lexicon("claims")["level_verbs"] else None


def level_subject(verb: Token, tags: tuple[str, ...] = ("NOUN",)) -> Token | None:
    """The subject of a verb of movement ("New jobless claims fell to 473,000": claims), through "continued
    to fall" to the verb above, tagged one of ``tags``."""
    while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in tags), None)


def indicator_level(doc: Doc, fig: Figure, verb: Token) -> tuple[str, tuple[str, ...]] | None:
    """The named indicator whose level a figure gives, and what qualifies it: "Unemployment fell to 5.8%",
    "the jobless rate was 6.1%", "initial jobless claims totaled 385,000" (jobless claims; initial),
    "youth unemployment stood at 14%" (unemployment; youth). A verb of movement must bring the indicator to
    the figure ("rose to", not "rose by"); a verb of state ("was", "stood at", "hit", "totaled") must take
    the figure as its own, a verb of estimate ("put turnout at 58%") its object's; a share of the voters that
    voted is turnout ("38% of voters cast ballots", lexicon ``turnout_words``)."""
    lemma = verb.lemma_.lower()
    if fig.kind == "percent" and _turned_out(doc, fig, verb):
        return "turnout", ()
    estimated = lemma in lexicon("claims")["estimate_verbs"]  # "put turnout at 58%": the object's level
    subject = _object_of(verb) if estimated else level_subject(verb, ("NOUN", "PROPN"))  # "Turnout stood at"
    name = None if subject is None else _indicator_name(subject)
    if name is None and lemma in lexicon("claims")["growth_verbs"] and fig.kind == "percent":
        grower = subject or next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "GDP" is a name
        return _growth(doc, fig, verb, grower) if grower is not None else None  # "the economy grew 2.4%"
    if name is None:
        return None
    if lemma in lexicon("claims")["level_verbs"]:
        moved = moved_to(doc, fig, verb)
        return name if moved is not None and moved[0] == LEVEL else None
    if lemma not in lexicon("claims")["indicator_state_verbs"] and not estimated:
        return None
    last = doc.char_span(fig.end - 1, fig.end, alignment_mode="expand")
    if last is None or not len(last):
        return None
    tok = last[-1]
    own = tok.head.i == verb.i and tok.dep_ in ("attr", "dobj", "acomp")  # "was 6.1%", "totaled 385,000"
    own |= tok.dep_ == "pobj" and tok.head.lower_ in ("at", "to") and tok.head.head.i == verb.i  # "stood at 5.8%"
    own |= tok.dep_ == "pobj" and tok.head.lower_ == "than" and tok.head.head.head.i == verb.i  # "no higher than 45%"
    return name if own else None


def _growth(doc: Doc, fig: Figure, verb: Token, subject: Token) -> tuple[str, tuple[str, ...]] | None:
    """ "The economy grew 2.4%", "gross domestic product expanded by 2.1%": the growth of what
    ``growth_subjects`` names, when the figure is what it grew by (not the level it grew to)."""
    words = [c.lemma_.lower() for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i]
    named = " ".join([*words, subject.lemma_.lower()])
    growing = lexicon("claims")["growth_subjects"]
    if not any(named == g or named.endswith(" " + g) for g in growing):
        return None
    moved = moved_to(doc, fig, verb)
    qualifiers = [w for w in words if w not in " ".join(growing).split()]  # "the euro zone economy"
    clause = doc[verb.left_edge.i : verb.right_edge.i + 1].text
    qualifiers += sorted({GROWTH_BASES[b.group().lower()[:4]] for b in GROWTH_BASIS.finditer(clause)})
    return (GROWTH, tuple(qualifiers)) if moved is None or moved[0] != LEVEL else None


def _object_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)


def indicator_change(doc: Doc, fig: Figure, verb: Token) -> tuple[str, tuple[str, ...]] | None:
    """How far a named indicator was moved, and which way: "raised interest rates by 0.75 percentage points",
    "cut its key rate by a quarter-point" (lexicon ``indicator_change_verbs``: the way is a qualifier)."""
    way = lexicon("claims")["indicator_change_verbs"].get(verb.lemma_.lower())
    first = doc.char_span(fig.start, fig.start + 1, alignment_mode="expand")
    if way is None or first is None or not len(first) or first[0].i == 0 or doc[first[0].i - 1].lower_ != "by":
        return None
    moved = next((c for c in verb.children if c.dep_ == "dobj"), None)
    named = _indicator_name(moved) if moved is not None else None
    return (named[0], (*named[1], way)) if named is not None else None


def _turned_out(doc: Doc, fig: Figure, verb: Token) -> bool:
    """ "38% of voters cast ballots", "61% of eligible voters turned out", "45 percent of the electorate voted"."""
    words: dict[str, list[str]] = lexicon("claims")["turnout_words"]
    last = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if last is None or not len(last) or verb.lemma_.lower() not in words["verbs"]:
        return False
    of = next((c for c in last[-1].children if c.dep_ == "prep" and c.lower_ == "of"), None)
    voters = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return voters is not None and voters.lemma_.lower() in words["voters"] and last[-1].dep_ in ("nsubj", "nsubjpass")


def _indicator_name(subject: Token) -> tuple[str, tuple[str, ...]] | None:
    """The indicator a subject names, by the longest run of its last words in the lexicon ("initial jobless
    claims": jobless claims), with the words before that run and those of an "among"/"for" phrase as its
    qualifiers ("unemployment among young people": young, people)."""
    words = [c.lemma_.lower() for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i]
    words.append(subject.lemma_.lower())
    names: dict[str, str] = lexicon("claims")["indicators"]
    for k in range(len(words)):
        if (name := names.get(" ".join(words[k:]))) is not None:
            among = [t.lemma_.lower() for c in subject.children if c.dep_ == "prep" and c.lower_ in ("among", "for")
                     for t in c.subtree if t.pos_ in ("NOUN", "ADJ")]  # fmt: skip
            usual = lexicon("claims")["indicator_usual_qualifiers"]
            return name, tuple(w for w in dict.fromkeys([*words[:k], *among]) if w not in usual)
    return None


def _object_of_have(tok: Token) -> bool:
    return bool(tok.dep_ == "dobj" and tok.head.lemma_ == "have")


def _holder(tok: Token) -> Token | None:
    """The place a population phrase describes: the subject of "has"/"is home to" (through "which" to its
    antecedent), the noun "home to" or "a city of" stands beside."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("dobj", "attr", "advmod") and node.head.lemma_ in ("have", "be"):  # "is home to"
            verb = node.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head  # "situated off the coast ... and is home to"
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if node.dep_ == "appos":
            return node.head
        if node.head.i == node.i:
            break
        node = node.head
    before = tok.doc[max(tok.sent.start, tok.i - 2) : tok.i]
    if len(before) == 2 and before[1].text == "," and before[0].pos_ in ("NOUN", "PROPN"):
        return before[0]  # "Qeshm island, home to": the noun before the comma
    return None


def _place_names(holder: Token) -> tuple[str, ...]:
    names = [t for t in [*holder.lefts, holder] if t.pos_ == "PROPN" and t.dep_ in ("compound", holder.dep_)]
    if not names and holder.dep_ == "appos" and holder.head.pos_ == "PROPN":
        names = [holder.head]
    return tuple(dict.fromkeys(t.lower_ for t in names))


def magnitude(doc: Doc, fig: Figure) -> bool:
    """An earthquake's magnitude however written: "magnitude-5.9", "a magnitude of at least 5.9", "a 5.6
    magnitude earthquake", "measuring 5.6 on the Richter scale", "a 5.6 quake"."""
    text = text_of(doc)
    before, after = text[max(0, fig.start - REACH) : fig.start], text[fig.end : fig.end + REACH]
    if MAGNITUDE_BEFORE.search(before) or MAGNITUDE_AFTER.match(after):
        return True
    return "." in text[fig.start : fig.end] and bool(QUAKE_AFTER.match(after))  # "a 5.6 quake", not "two quakes"


def measured_attribute(tok: Token) -> str | None:
    """The attribute a measure gives, from the noun it is "of" or the adjective after it (lexicon
    ``measured_attributes``): "struck at a depth of 18.5 km", "10 km deep", "an altitude of 3,000 metres"."""
    names: dict[str, str] = lexicon("claims")["measured_attributes"]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        return names.get(tok.head.head.lemma_.lower())
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return names.get(after.lower_) if after is not None and after.pos_ in ("ADJ", "ADV") else None


def role_of_age(tok: Token) -> str | None:
    """The one unnamed person whose age a figure gives, by the role it stands in apposition to: "the suspect,
    34,", "the gunman, a 36-year-old man" (lexicon ``age_roles``, singular)."""
    roles = lexicon("claims")["age_roles"]
    node = tok
    for _ in range(5):
        if node.pos_ == "NOUN" and node.tag_ == "NN" and node.lower_ in roles:
            return str(node.lower_)
        if node.pos_ == "PROPN" or node.dep_ not in ("appos", "amod", "npadvmod", "nummod"):
            return None  # "the suspect, 38-year-old Anthony LaCalamita": a named person's age, the name's
        node = node.head
    return None


def aftershock(doc: Doc, fig: Figure) -> bool:
    """Whether a magnitude is an aftershock's: "a magnitude-4.5 aftershock", "an aftershock of magnitude 4.5"."""
    text = text_of(doc)
    before, after = text[max(0, fig.start - REACH) : fig.start], text[fig.end : fig.end + REACH]
    return bool(AFTERSHOCK_BEFORE.search(before) or AFTERSHOCK_AFTER.match(after))


def lone_one(doc: Doc, fig: Figure) -> bool:
    """A count of one written as the word ("one", "at least one")."""
    return fig.kind == "count" and fig.low == 1 and text_of(doc)[fig.start : fig.end].lower().endswith("one")


def one_by_one(doc: Doc, fig: Figure) -> bool:
    """ "One by one, her siblings arrived", "one after another", "one at a time": a manner, no amount."""
    text = text_of(doc)
    after = ONE_BY_ONE.match(text[fig.end : fig.end + 20])
    return lone_one(doc, fig) and bool(after or BY_ONE.search(text[max(0, fig.start - 12) : fig.start]))


def since_its_start(sentence: str) -> bool:
    """Whether a sentence counts from the start of the happening itself: "since the outbreak began", "since
    the fighting started" (lexicon ``happening_starts``), not from a day or another event ("since June",
    "since the ceasefire")."""
    m = SINCE_THE.search(sentence)
    return m is not None and m["noun"].lower() in lexicon("claims")["happening_starts"]


def names_country(name: str) -> bool:
    """Whether ``name`` is a country's ("across France" is the country's scope, as "nationwide" is)."""
    from rashomon.geo.gazetteer import gazetteer, key  # the offline gazetteer, built on first use

    return any(p.feature == "country" and key(p.name) == key(name) for p in gazetteer().candidates(name))


def country_word(name: str) -> str | None:
    """The country a name or its people's name stands for, in lower case: "Somalis" and "Somalia" are
    somalia, so "800,000 Somalis" and "1.1 million people in Somalia" name one owner."""
    from rashomon.geo.gazetteer import gazetteer  # the offline gazetteer, built on first use

    found = gazetteer().candidates(name) or (gazetteer().candidates(name[:-1]) if name.endswith("s") else [])
    top = next(iter(found), None)  # "Somalis" as "Somali"
    return top.name.lower() if top is not None and top.feature == "country" else None


def picked_from(nominal: Token) -> bool:
    """ "one of the three guards", "most of the 300 detainees": the figure counts the set some members
    are picked from, so what the clause says happened to the members does not count it."""
    of = nominal.head
    if nominal.dep_ != "pobj" or of.lower_ != "of" or of.i == nominal.i:
        return False
    picker = of.head
    return picker.i != of.i and (picker.like_num or picker.lower_ in PICKERS)


def increment(doc: Doc, fig: Figure) -> str | None:
    """ "another nine", "six more", "an additional 20": a new batch, not the running total ("more than
    300" is a bound): "batch"; "two others", "other 70": "others" (a batch only when what the others are
    set apart from was counted in the same sense); None for a total."""
    text = text_of(doc)
    m = INCREMENT_BEFORE.search(text[max(0, fig.start - 16) : fig.start]) or INCREMENT_AFTER.match(text[fig.end :])
    if m is None:
        before, after = text[max(0, fig.start - 60) : fig.start], text[fig.end : fig.end + 60]
        alone = ALONE.search(before.rsplit(".", 1)[-1]) or ALONE.search(after.split(".", 1)[0])
        return "batch" if alone else None  # "20,000 were displaced on Monday alone": that day's part
    return "others" if m["other"] else "batch"


def partner(fig: Figure, figures: list[Figure]) -> float | None:
    """The other figure of a score or tally ("65-53")."""
    if fig.pair == 1:
        return next((f.low for f in figures if f.pair == 2 and f.start > fig.start), None)
    if fig.pair == 2:
        return next((f.low for f in reversed(figures) if f.pair == 1 and f.start < fig.start), None)
    return None


def group_predicate(word: str) -> str | None:
    """The predicate a group's word names: "the dead" are the killed, "the wounded" the injured."""
    words = lexicon("claims")
    found = words["nouns"].get(word) or words["states"].get(word)
    return str(found) if found else None


def counts_perpetrator(doc: Doc, fig: Figure) -> bool:
    """ "Six people, including the gunman, died", "six dead, among them the two attackers": a toll that
    counts who carried out the attack, which is another quantity than the victims alone ("the gunman killed
    five people"); "not including the attacker" and "besides the bomber" leave the attacker out."""
    text = text_of(doc)
    sentence_end = text.find(".", fig.end)
    after = text[fig.end : sentence_end if sentence_end >= 0 else len(text)][:60]
    return bool(_perpetrator_pattern().search(after))


@cache
def _perpetrator_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in lexicon("claims")["perpetrator_nouns"])
    return re.compile(
        r"^[\w\s-]{0,25}?,?\s*(?<!not )(?:including|among\s+them|among\s+whom)\s+"
        r"(?:the\s+|a\s+|an\s+|two\s+|three\s+|both\s+)?(?:[\w-]+\s+)?(?:" + nouns + r")\b",
        re.I,
    )


def elsewhere(t: Token) -> bool:
    """ "a separate attack", "elsewhere", "another raid" (not "another nine": a new batch, see increment)."""
    if t.lower_ == "another":
        return bool(t.head.pos_ == "NOUN" and t.i + 1 < len(t.doc) and not t.nbor().like_num)
    return t.lower_ in lexicon("claims")["elsewhere_words"]


def period_value(t: Timex, dated: bool, text: str) -> str | None:
    """The period a time expression gives a figure: its day or stretch (a day of an undated report marked
    "~"), a rate "every ..." for a set, none for "now"."""
    if t.value == "PRESENT_REF":
        return None  # "the camp now houses 43,000": as of the report, as a figure with no time is
    if (past := PAST_STRETCH.fullmatch(text[t.start : t.end])) is not None:
        return PAST_STRETCHES[past["unit"].lower()]  # "in the past week": the seven days up to the report
    if t.type == "DATE":  # a report without a date: its days are read against a stand-in date
        return t.value.split("T")[0] if dated else "~" + t.value.split("T")[0]
    return f"every {t.value}" if t.type == "SET" else t.value
