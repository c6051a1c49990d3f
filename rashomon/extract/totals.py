"""Running totals: a total reached on a day, and the batch a count is of when its clause brings a total to
another figure (lexicon ``running_total_verbs``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from rashomon.lexicons import lexicon

Token = Any


def reached_total(tok: Token, measure: str) -> bool:
    """Whether the figure is where a total that only grows was brought, so that the day of its clause is
    when the total was reached: "the death toll rose to 43 on Wednesday", "stood at 43", "reached 43"."""
    if measure not in lexicon("claims")["rises_over_time"]:
        return False
    verbs: dict[str, str] = lexicon("claims")["running_total_verbs"]
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative"):
        return verbs.get(tok.head.head.lemma_.lower()) == str(tok.head.lower_)
    return tok.dep_ == "dobj" and verbs.get(tok.head.lemma_.lower()) == ""


def brings_a_total(verb: Token) -> bool:
    """Whether the clause of ``verb`` tells a batch by the total it brings a count to: "two passengers died
    in hospital, bringing the toll to 25", "raising the death toll to 11" (lexicon ``running_total_verbs``)."""
    verbs: dict[str, str] = lexicon("claims")["running_total_verbs"]
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB"):
        word = verbs.get(clause.lemma_.lower())
        if word and any(c.dep_ == "dobj" and c.lower_ in _totals() for c in clause.children):
            return any(c.dep_ in ("prep", "dative") and c.lower_ == word for c in clause.children)
    return False


@cache
def _totals() -> frozenset[str]:
    """The nouns of a total: "the toll", "the number of arrests"."""
    lex = lexicon("claims")
    return frozenset(lex["count_nouns"]) | frozenset(lex["nouns"])
