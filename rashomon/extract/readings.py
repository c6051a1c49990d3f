"""What a figure reads as before its sense is sought: a member picked out ("one of the guards") or a set
picked from ("one of the three guards"), a parent's children ("a mother of 12"), an earthquake's magnitude
("a magnitude of 5.9", "6.0 on the Richter scale"), a lone "one" written as a word."""

from __future__ import annotations

import re
from typing import Any

from rashomon.extract.figure import Figure
from rashomon.lexicons import lexicon
from rashomon.nlp import text_of

Doc = Any
Token = Any
PARENT_OF = re.compile(r"\b([A-Za-z]+)\s+of\s*$")  # "a mother of 12"
REACH = 24  # characters either side of a figure that these readings look at
CHILDREN = "children"  # the measure of "a mother of 12"
MAGNITUDE = "magnitude"
AFTERSHOCK = "aftershock"
AFTERSHOCK_BEFORE = re.compile(r"\baftershocks?\s+(?:of|measuring|with a magnitude of)\s+(?:magnitude[\s-]*)?$", re.I)
AFTERSHOCK_AFTER = re.compile(r"^[\s-]*(?:magnitude[\s-]+)?aftershocks?\b", re.I)
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.I)
MAGNITUDE_AFTER = re.compile(r"^[\s-]*(?:magnitude\b|on the richter scale|richter\b)", re.I)
QUAKE_AFTER = re.compile(r"^[\s-]*(?:earthquake|quake|temblor|tremor|aftershock)s?\b", re.I)
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


def magnitude(doc: Doc, fig: Figure) -> bool:
    """An earthquake's magnitude however written: "magnitude-5.9", "a magnitude of at least 5.9", "a 5.6
    magnitude earthquake", "measuring 5.6 on the Richter scale", "a 5.6 quake"."""
    text = text_of(doc)
    before, after = text[max(0, fig.start - REACH) : fig.start], text[fig.end : fig.end + REACH]
    if MAGNITUDE_BEFORE.search(before) or MAGNITUDE_AFTER.match(after):
        return True
    return "." in text[fig.start : fig.end] and bool(QUAKE_AFTER.match(after))  # "a 5.6 quake", not "two quakes"


def aftershock(doc: Doc, fig: Figure) -> bool:
    """Whether a magnitude is an aftershock's: "a magnitude-4.5 aftershock", "an aftershock of magnitude 4.5"."""
    text = text_of(doc)
    before, after = text[max(0, fig.start - REACH) : fig.start], text[fig.end : fig.end + REACH]
    return bool(AFTERSHOCK_BEFORE.search(before) or AFTERSHOCK_AFTER.match(after))


def lone_one(doc: Doc, fig: Figure) -> bool:
    """A count of one written as the word ("one", "at least one")."""
    return fig.kind == "count" and fig.low == 1 and text_of(doc)[fig.start : fig.end].lower().endswith("one")


def picked_from(nominal: Token) -> bool:
    """ "one of the three guards", "most of the 300 detainees": the figure counts the set some members
    are picked from, so what the clause says happened to the members does not count it."""
    of = nominal.head
    if nominal.dep_ != "pobj" or of.lower_ != "of" or of.i == nominal.i:
        return False
    picker = of.head
    return picker.i != of.i and (picker.like_num or picker.lower_ in PICKERS)
