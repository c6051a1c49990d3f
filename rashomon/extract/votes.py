"""What someone won in a vote, read before any sense: a share of the vote ("the incumbent won 52.4% of the
vote") or seats ("the ruling party won 150 seats"), each its winner's, with the kind of vote it was won in
("in the primary", "the runoff": lexicon ``election_kinds``; the verbs of winning seats: ``win_verbs``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from rashomon.extract.figure import Figure
from rashomon.extract.readings import SEATS_WON, VOTE_SHARE
from rashomon.lexicons import lexicon
from rashomon.records import Frame

Token = Any
VOTE_NOUNS = frozenset({"vote", "ballot"})  # lemmas: "of the vote", "of the votes cast", "of the ballots"


def won_in_a_vote(fig: Figure, tok: Token) -> Frame | None:
    """The frame of a figure someone won in a vote (its place, words and kind of vote are the caller's to
    add), or None."""
    if fig.kind == "percent" and (holder := vote_share_holder(tok)) is not None:
        return Frame(measure=VOTE_SHARE, kind="percent", unit="percent", owners=holder)
    if fig.kind == "count" and (holder := seats_holder(tok)) is not None:
        return Frame(measure=SEATS_WON, counted="seat", owners=holder)
    return None


@cache
def election_kinds() -> frozenset[str]:
    return frozenset(lexicon("claims")["election_kinds"])


def vote_share_holder(tok: Token) -> tuple[str, ...] | None:
    """Whose share of the vote a figure is: "the incumbent won 52.4% of the vote", "results gave the
    incumbent 54.1% of the votes cast", "the mayor won re-election with 58% of the vote", "was re-elected
    with 58%" (the incumbent, the mayor); None for any other figure, and for a share no one named won
    ("turnout was 60% of the vote")."""
    share = tok.head if tok.dep_ in ("nummod", "compound") and tok.head.lower_ in ("%", "percent") else tok
    of = next((c for c in share.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    verb = share.head
    with_ = share.dep_ == "pobj" and verb.lower_ == "with" and verb.dep_ == "prep"  # "won ... with 58% of the vote"
    verb = verb.head if with_ else verb
    if whole is None or whole.lemma_.lower() not in VOTE_NOUNS or not (share.dep_ == "dobj" or with_):
        return None
    return _winner(verb, passive=with_) if verb.pos_ == "VERB" else None


def seats_holder(tok: Token) -> tuple[str, ...] | None:
    """Who won the seats a figure counts: "the ruling party won 150 seats", "results gave the ruling party 146
    seats" (ruling, party); None for seats no one named won ("the 300-seat parliament", "up from 31")."""
    seats = tok.head if tok.dep_ == "nummod" else tok
    verb = seats.head
    if seats.lemma_.lower() != "seat" or seats.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    return _winner(verb) if verb.lemma_.lower() in lexicon("claims")["win_verbs"] else None


def _winner(verb: Token, passive: bool = False) -> tuple[str, ...] | None:
    """The words of who won what ``verb`` says was won: its subject, or whom it was given to."""
    role = "dative" if verb.lemma_.lower() == "give" else "nsubj"  # "gave the incumbent 54.1%"
    roles = (role, "nsubjpass") if passive else (role,)  # "was re-elected with 58% of the vote"
    holder = next((c for c in verb.children if c.dep_ in roles and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
    if holder is None:
        return None
    words = [t for t in holder.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.dep_ in ("amod", "compound")]
    return tuple(t.lower_ for t in words if t.dep_ != "det")  # "ruling" is tagged a verb in "the ruling party"
