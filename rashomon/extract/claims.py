"""Claims: a figure, what it measures, who said it (through whom), when, and how firmly.

Every figure that counts or measures something becomes a claim with its frame
(:mod:`rashomon.extract.frames`): killed, escaped, held, voted, points, dollars, ages, ...
Its speaker and relays come from the innermost attribution whose content holds it; with none, it
is the outlet's own voice. ``as_of`` is the day the speaker said it ("the ministry said Tuesday"),
else the publication date. The stance says how firmly: asserted, claimed, hedged, unverified,
denied, disputed (with who disputes it), and, for figures that are not put forward as fact,
projected ("thousands could die"), conditional ("if 100 had been killed") or target ("aims to
resettle 10,000"); those stay out of agreement and conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rashomon.extract.attribution import Found as AttributionFound
from rashomon.extract.events import Trigger
from rashomon.extract.figure import Figure
from rashomon.extract.frames import frame_of
from rashomon.extract.readings import CHILDREN
from rashomon.extract.senses import holder_of_verb, nominal_of, sense_of, text_of_tokens, token_at
from rashomon.extract.time import Timex
from rashomon.lexicons import lexicon, phrase_pattern
from rashomon.nlp import text_of
from rashomon.records import Claim, Frame, Span, Speaker, Stance, Value, content_id

Doc = Any
Token = Any
CLAIM_KINDS = ("count", "proportion", "money", "percent", "measure", "age", "duration")
MAX_CLIMB = 4


@cache
def _lex() -> dict[str, Any]:
    return lexicon("claims")


def parse_cues(stance: bool = False) -> list[str]:
    """Where claims read the parse: their verbs, nouns and states (the figures' own sentences are
    parsed for quantities)."""
    return [*_lex()["verbs"], *_lex()["nouns"], *_lex()["states"]]


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
    periods: list[Timex]  # the time expressions frames read (against a stand-in date when the report has none)


def find_claims(doc: Doc, figures: list[Figure], ctx: Context) -> list[Claim]:
    """Every figure in ``doc`` that counts or measures something, as a claim with its frame and evidence."""
    disclaimers = [m for m in _disclaimer().finditer(text_of(doc))]
    escaped = any(t.type == "escape" for t in ctx.triggers)
    claims = []
    for fig in figures:
        if fig.kind not in CLAIM_KINDS:
            continue
        frame = frame_of(doc, fig, figures, escaped, ctx.periods, dated=ctx.published is not None)
        tok = token_at(doc, fig.end - 1)
        if frame is None or tok is None:
            continue
        claims.append(_claim(doc, fig, tok, frame, ctx, disclaimers))
    return claims


# -- who, when, how firmly ---------------------------------------------------------------------
def _claim(doc: Doc, fig: Figure, tok: Token, frame: Frame, ctx: Context, disclaimers: list[Any]) -> Claim:
    predicate = frame.measure
    sense = sense_of(tok) if predicate != CHILDREN else None  # "a mother of 12": no verb of the clause counts
    subject = _subject(fig, tok, frame, sense.counted if sense else None)
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
    stance, disputed_by = _stance(sent.text, predicate, cue_lemma, disclaimers, doc, tok, fig.kind == "money")
    text = text_of(doc)
    return Claim(
        id=content_id("claim", ctx.article_id, fig.start, predicate), article_id=ctx.article_id,
        subject=subject, predicate=predicate,
        value=Value(fig.low, fig.high, fig.approximate or fig.vague, text[fig.start : fig.end], fig.tolerance),
        stance=stance, evidence=Span(ctx.article_id, sent.start_char, sent.end_char), as_of=as_of, speaker=speaker,
        via=tuple(via), event_id=_event_for(tok, predicate, ctx), frame=frame,
        figure=Span(ctx.article_id, fig.start, fig.end), disputed_by=disputed_by,
    )  # fmt: skip


def _subject(fig: Figure, tok: Token, frame: Frame, counted: str | None) -> str:
    """What is counted, in the report's words ("ISIS members"), its holder for a population."""
    predicate = frame.measure
    holder = _holder_of(tok)
    subject = counted or _lex()["default_subjects"].get(predicate) or frame.counted or predicate
    if fig.kind == "proportion":
        subject = f"share of {subject}"
    elif frame.increment:
        subject = f"{subject} (more)"  # "another nine", "six more": a new batch, not the running total
    if predicate == "held" and holder and holder.lower() not in subject.lower():
        subject = f"{subject} in {holder}"
    return subject


def _holder_of(tok: Token) -> str | None:
    node = nominal_of(tok)
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in ("hold", "house", "contain"):
            return holder_of_verb(node)
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
    sentence: str, predicate: str, cue: str | None, disclaimers: list[Any], doc: Doc, tok: Token, money: bool = False
) -> tuple[Stance, str | None]:
    """How firmly the figure is put forward, and who disputes it when someone does."""
    modality = _modality(tok, money)
    if modality is not None:
        return modality, None
    if cue in lexicon("attribution")["denials"]:
        return "denied", None
    disputer = _disputed_by(tok)
    if disputer is not None:
        return "disputed", disputer
    if any(_disclaims(doc, m, predicate) for m in disclaimers):
        return "unverified", None
    if cue in lexicon("attribution")["claim_verbs"]:
        return "claimed", None
    if _hedge().search(sentence):
        return "hedged", None
    return "asserted", None


def _modality(tok: Token, money: bool = False) -> Stance | None:
    """Projected ("could die", "are expected to flee"), conditional ("if 100 had been killed"), target
    ("aims to resettle 10,000", "a target of 10,000") or generic ("a magnitude-6.0 quake can cause severe
    damage") figures, from the words that govern them; a sum of ``money`` pledged is the pledge made."""
    words = _lex()["modality"]
    node = nominal = nominal_of(tok)
    first_verb = True  # a modal counts on the figure's own verb: "until the last nine are home" is no projection
    for _ in range(MAX_CLIMB + 1):
        kids = list(node.children)
        if any(c.dep_ == "mark" and c.lower_ in words["condition_marks"] for c in kids):
            return "conditional"
        if node.pos_ in ("VERB", "AUX") and first_verb:
            first_verb = node.dep_ == "xcomp"  # "are expected to flee": the verb above the infinitive counts too
            if _projected(node, kids, words):
                return "projected"
            if _generic(tok, node, kids, words):
                return "generic"
        if node.lemma_.lower() in words["target_verbs"] and node.pos_ == "VERB":
            pledged = money and node.lemma_.lower() in words["pledge_verbs"] and nominal.dep_ == "dobj"
            # "donors pledged $2.5 billion": the pledge made, not "pledged to build 10,000 homes"
            return None if pledged and nominal.head == node else "target"
        if node.pos_ == "NOUN" and node.lemma_.lower() in words["target_nouns"] and node.i < tok.i:
            return "target"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in words["forecast_verbs"]:
            return "projected"  # "analysts had expected the rate to fall to 5.7%": a forecast, whatever its tense
        if node.dep_ in ("ROOT", "ccomp", "parataxis") or node.head.i == node.i:
            break  # a reporting verb above does not make the figure a projection
        if node.dep_ == "advcl" and node.tag_ == "VBD" and any(c.lower_ in words["time_marks"] for c in kids):
            break  # "aiming for rivals when a stray bullet hit the mother of 13": what happened meanwhile
        node = node.head
    return None


def _generic(tok: Token, verb: Token, kids: list[Token], words: dict[str, list[str]]) -> bool:
    """ "A magnitude-6.0 quake can cause severe damage", "a quake of magnitude 6 can ...": a figure inside an
    indefinite subject of "can" says what would happen, of no event in particular."""
    if not any(c.dep_ == "aux" and c.lower_ in words["generic_aux"] for c in kids):
        return False
    subject = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not subject.left_edge.i <= tok.i <= subject.right_edge.i:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)


def _projected(verb: Token, kids: list[Token], words: dict[str, list[str]]) -> bool:
    modal = [c for c in kids if c.dep_ == "aux" and c.lower_ in words["projection_aux"]]
    past = any(c.dep_ == "aux" and c.lower_ == "have" for c in kids)  # "could have died" is a hedge
    if modal and not past:
        return True
    return verb.lemma_.lower() in words["projection_verbs"] or any(
        c.dep_ == "acomp" and c.lower_ in words["projection_adjectives"] for c in kids
    )


def _disputed_by(tok: Token) -> str | None:
    """ "A spokesperson questioned the agency's figure of 1,000": the figure is disputed, by the spokesperson."""
    node = nominal_of(tok)
    for _ in range(MAX_CLIMB):
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in _lex()["modality"]["dispute_verbs"]:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None:
                return None
            return text_of_tokens([t for t in subject.subtree if t.dep_ != "det"])
    return None


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
