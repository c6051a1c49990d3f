"""Claims: a figure, what it measures, who said it (through whom), when, and how firmly.

A figure becomes a claim when it counts something that happened or holds
(escaped, recaptured, at large, held, killed, ...; ``data/lexicons/claims.json``).
Its speaker and relays come from the innermost attribution whose content holds
it; with none, it is the outlet's own voice. ``as_of`` is the day the speaker
said it ("the ministry said Tuesday"), else the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rashomon.extract.attribution import Found as AttributionFound
from rashomon.extract.events import Trigger
from rashomon.extract.lexicons import lexicon, phrase_pattern
from rashomon.extract.nlp import text_of
from rashomon.extract.quantities import Figure
from rashomon.extract.time import Timex
from rashomon.records import Claim, Span, Speaker, Stance, Value, content_id

Doc = Any
Token = Any
CLAIM_KINDS = ("count", "proportion")
INCREMENT = re.compile(r"\b(?:another|more|additional|further|other)\b", re.I)
MAX_CLIMB = 4


@cache
def _lex() -> dict[str, Any]:
    return lexicon("claims")


@cache
def _states() -> re.Pattern[str]:
    return re.compile(phrase_pattern(list(_lex()["states"])), re.I)


@cache
def _disclaimer() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon("attribution")["disclaimers"]), re.I)


@cache
def _hedge() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon("attribution")["hedges"]), re.I)


@dataclass(frozen=True, slots=True)
class Context:
    """What a claim needs from the rest of the article."""

    article_id: str
    published: date | None
    attributions: list[AttributionFound]
    speakers: list[Speaker | None]  # one per attribution
    timexes: list[Timex]
    triggers: list[Trigger]


def find_claims(doc: Doc, figures: list[Figure], ctx: Context) -> list[Claim]:
    """Every figure in ``doc`` that counts something, as a claim with its evidence sentence."""
    disclaimers = [m for m in _disclaimer().finditer(text_of(doc))]
    claims = []
    for fig in figures:
        if fig.kind not in CLAIM_KINDS:
            continue
        tok = _token_at(doc, fig.end - 1)
        if tok is None:
            continue
        measured = _predicate(tok)
        if measured is None:
            continue
        predicate, subject = measured
        claims.append(_claim(doc, fig, tok, predicate, subject, ctx, disclaimers))
    return claims


# -- what the figure measures ------------------------------------------------------------------
def _nominal(tok: Token) -> Token:
    """The noun a figure quantifies ("1,500 ISIS members" -> members), or the figure itself."""
    if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return tok


def _predicate(tok: Token) -> tuple[str, str | None] | None:
    """(predicate, subject words) of the figure at ``tok``; None when it measures nothing we know."""
    nominal = _nominal(tok)
    counted = _counted_words(tok, nominal)
    if nominal.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "Three residents abducted ... are still held": the main verb
        found = _verb_predicate(nominal.head) or _state_predicate(nominal.head)
        if found:
            return found, counted
    for relcl in (c for c in nominal.children if c.dep_ in ("relcl", "acl")):
        found = _verb_predicate(relcl) or _state_predicate(relcl)
        if found:
            return found, counted
    if (state := _modifier_state(nominal)) is not None:
        return state, counted
    node = nominal
    for _ in range(MAX_CLIMB):
        node = node.head if node.dep_ != "ROOT" else node
        found = _verb_predicate(node) or _state_predicate(node) or _noun_predicate(node)
        if found:
            return found, counted or _holder(node)
        if node.dep_ == "ROOT":
            break
    noun = counted.split()[-1].lower() if counted else ""
    if noun in _lex()["nouns"]:  # "dozens of wounded", "hundreds of refugees"
        return str(_lex()["nouns"][noun]), counted
    return None


def _counted_words(tok: Token, nominal: Token) -> str | None:
    """ "ISIS members", "ISIS detainees": the counted thing, without determiners."""
    head = nominal
    if nominal is tok:
        of = next((c for c in tok.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        head = obj
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "poss", "case", "nummod", "quantmod")]
    words = [t for t in words if not t.like_num and t.i > tok.i and not (t.is_punct and t.text not in "-")]
    return _text_of(words)


def _text_of(words: list[Token]) -> str | None:
    """The words as written (hyphens and spacing kept), trimmed of punctuation at the ends."""
    while words and words[0].is_punct:
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words:
        return None
    doc = words[0].doc
    return str(doc[words[0].i : words[-1].i + 1].text)


def _verb_predicate(node: Token) -> str | None:
    if node.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    lemma = node.lemma_.lower()
    if lemma in _lex()["still_held_verbs"]:
        return _state_predicate(node)
    if lemma == "break" and not any(c.lower_ == "out" for c in node.children):
        return None
    if lemma == "take" and not _taken_away(node):
        return None
    found = _lex()["verbs"].get(lemma)
    return str(found) if found else None


def _taken_away(verb: Token) -> bool:
    """ "30 people were taken", "took dozens from their homes", "taken hostage" (not "took part")."""
    children = {c.dep_ for c in verb.children} | {c.lower_ for c in verb.children}
    return bool(children & {"auxpass", "from", "hostage", "captive", "away"})


def _state_predicate(node: Token) -> str | None:
    """ "remain unaccounted for", "are still held", "remain in the hands of": a state phrase in the verb's words."""
    words = " ".join(t.text for t in node.subtree if t.i >= node.i)[:80]
    m = _states().search(words)
    return _lex()["states"][re.sub(r"\s+", " ", m.group().lower())] if m else None


def _modifier_state(nominal: Token) -> str | None:
    """ "33 missing residents": a state adjective on the counted noun."""
    for child in nominal.children:
        if child.dep_ == "amod" and child.lower_ in _lex()["states"]:
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
            found = nouns.get(child.lower_)
            if found:
                return str(found)
    return None


def _holder(verb: Token) -> str | None:
    """ "al-Shaddadi prison held thousands": the place that holds them (a relative pronoun's antecedent)."""
    if verb.lemma_.lower() not in ("hold", "house", "contain"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
    return _text_of(words)


# -- who, when, how firmly ---------------------------------------------------------------------
def _claim(
    doc: Doc, fig: Figure, tok: Token, predicate: str, subject: str | None, ctx: Context, disclaimers: list[Any]
) -> Claim:
    holder = _holder_of(tok)
    subject = subject or _lex()["default_subjects"].get(predicate, "people")
    if fig.kind == "proportion":
        subject = f"share of {subject}"
    elif INCREMENT.search(text_of(doc)[max(0, fig.start - 12) : fig.end + 12]):
        subject = f"{subject} (more)"  # "another nine", "six more": a new batch, not the running total
    if predicate == "held" and holder and holder.lower() not in subject.lower():
        subject = f"{subject} in {holder}"
    source = _attribution_for(tok.i, ctx)
    speaker: Speaker | None = None
    via: tuple[str, ...] = ()
    cue_lemma: str | None = None
    as_of = ctx.published
    if source is not None:
        item, speaker = source
        via, cue_lemma = item.via, item.verb
        as_of = _said_on(doc, item, ctx) or ctx.published
    sent = tok.sent
    return Claim(
        id=content_id("claim", ctx.article_id, fig.start, predicate), article_id=ctx.article_id,
        subject=subject, predicate=predicate,
        value=Value(fig.low, fig.high, fig.approximate or fig.vague, text_of(doc)[fig.start : fig.end]),
        stance=_stance(sent.text, predicate, cue_lemma, speaker, disclaimers, doc),
        evidence=Span(ctx.article_id, sent.start_char, sent.end_char), as_of=as_of, speaker=speaker,
        via=tuple(via), event_id=_event_for(tok, predicate, ctx),
    )  # fmt: skip


def _holder_of(tok: Token) -> str | None:
    node = _nominal(tok)
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in ("hold", "house", "contain"):
            return _holder(node)
    return None


def _attribution_for(index: int, ctx: Context) -> tuple[AttributionFound, Speaker | None] | None:
    holding = [
        (a, s) for a, s in zip(ctx.attributions, ctx.speakers, strict=True) if a.content[0] <= index < a.content[1]
    ]
    if not holding:
        return None
    return min(holding, key=lambda pair: pair[0].content[1] - pair[0].content[0])


def _said_on(doc: Doc, item: AttributionFound, ctx: Context) -> date | None:
    """The day of the statement: a time expression hanging on the cue ("said Tuesday", "said on Monday")."""
    cue = doc[item.cue[0]]
    for t in ctx.timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or t.first is None or t.precision != "day":
            continue
        head = span.root.head
        if head.i == cue.i or (head.dep_ == "prep" and head.head.i == cue.i):
            return t.first
    return None


def _stance(
    sentence: str, predicate: str, cue: str | None, speaker: Speaker | None, disclaimers: list[Any], doc: Doc
) -> Stance:
    if cue in lexicon("attribution")["denials"]:
        return "denied"
    if any(_disclaims(doc, m, predicate) for m in disclaimers):
        return "unverified"
    if cue in lexicon("attribution")["claim_verbs"]:
        return "claimed"
    if _hedge().search(sentence):
        return "hedged"
    return "asserted"


def _disclaims(doc: Doc, m: Any, predicate: str) -> bool:
    """ "cannot independently verify the number ... nor how many escaped" covers escaped and held counts."""
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None:
        return False
    words = span.sent.text.lower()
    stems = {"escaped": "escap", "held": "inside", "killed": "kill", "at_large": "large", "recaptured": "captur"}
    stem = stems.get(predicate, predicate[:5])
    return stem in words or not any(s in words for s in stems.values())


def _event_for(tok: Token, predicate: str, ctx: Context) -> str | None:
    wanted = _lex()["event_of"].get(predicate)
    sent = tok.sent
    same = [t for t in ctx.triggers if t.type == wanted and sent.start_char <= t.start < sent.end_char]
    if not same:
        return None
    nearest = min(same, key=lambda t: abs(t.start - tok.idx))
    return content_id("event", ctx.article_id, nearest.start)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
