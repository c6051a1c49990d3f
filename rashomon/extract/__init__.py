"""Extraction: pure functions from a parsed document (``rashomon.nlp``, with ``extract`` the only
packages that import spaCy; plus the article's metadata) to records, each with its evidence span.

Components, in order, with what they read and write:

==============  =====================================  ==========================
component       reads                                  writes
==============  =====================================  ==========================
entities        doc (NER), actors lexicon              Entity, Mention
time            text, publication date                 time expressions (internal)
quantities      doc, amounts lexicon                   Quantity
attribution     doc (parse), attribution lexicon       Attribution
events          doc, entities, time, events lexicon    Event
claims          all of the above, claims lexicon       Claim
==============  =====================================  ==========================

The extractors that read the parse say where (``parse_cues``): :func:`parse` tags and parses only the
sentences holding one of their words, a number or a quotation mark (see :mod:`rashomon.nlp.selective`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

from rashomon import nlp
from rashomon.extract import attribution, claims, entities, events, places, quantities, time
from rashomon.nlp import BATCH_SIZE, DEFAULT_MODEL, text_of
from rashomon.records import Article, Extraction, Speaker

__all__ = ["Extraction", "extract", "extract_articles", "parse", "parse_cues"]
UNDATED = date(1900, 1, 1)  # the stand-in publication date of a report without one (see extract)
PARSE_READERS = (quantities, attribution, events, claims)  # the extractors that read tags and dependencies


@cache
def parse_cues(stance: bool = False) -> tuple[str, ...]:
    """Every word or phrase near which an extractor reads the parse, as each declares it; with ``stance``
    also where attribution reads verbs of stance or decision (``find_attributions(doc, attitudes=True)``)."""
    return tuple(sorted({w for reader in PARSE_READERS for w in reader.parse_cues(stance)}))


def parse(
    texts: Iterable[str],
    model: str = DEFAULT_MODEL,
    batch_size: int = BATCH_SIZE,
    selective: bool = True,
    stance: bool = False,
) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order, parsed where extraction reads the parse (``selective``, see
    :func:`parse_cues`) or everywhere."""
    return nlp.parse(texts, model, batch_size, parse_cues(stance) if selective else None)


def extract(article: Article, doc: Any) -> Extraction:
    """Records for ``article`` from its parsed text ``doc`` (``doc.text == article.text``)."""
    found_entities = entities.find_entities(doc)
    timexes = time.find_timexes(text_of(doc), article.published) if article.published else []
    figures = quantities.find_figures(doc)
    found_attr = attribution.find_attributions(doc)
    speakers = _speakers(doc, found_attr, found_entities, article)
    triggers = events.find_triggers(doc, found_entities, timexes)
    # A report with no date still says when its figures happened ("in February", "in three months"):
    # its frames read time expressions found against a stand-in date, never their resolved days.
    periods = timexes if article.published else time.find_timexes(text_of(doc), UNDATED)
    ctx = claims.Context(article.id, article.published, found_attr, speakers, timexes, triggers, periods)
    ents, mentions = entities.to_records(found_entities, article.id, places.entity_geos(doc, found_entities))
    happenings, joined = events.to_events(triggers, article.id)
    found_claims = [
        replace(c, event_id=joined.get(c.event_id, c.event_id)) if c.event_id else c
        for c in claims.find_claims(doc, figures, ctx)
    ]
    return Extraction(
        article_id=article.id, entities=tuple(ents), mentions=tuple(mentions),
        quantities=tuple(quantities.to_quantity(text_of(doc), f, article.id) for f in figures),
        attributions=tuple(
            attribution.to_attribution(doc, a, article.id, s) for a, s in zip(found_attr, speakers, strict=True)
        ),
        events=tuple(happenings),
        claims=tuple(found_claims),
    )  # fmt: skip


def _speakers(
    doc: Any, found: list[attribution.Found], mentions: list[entities.Found], article: Article
) -> list[Speaker | None]:
    out: list[Speaker | None] = []
    earlier: list[Speaker] = []
    for item in found:
        if item.source is None:
            out.append(None)
            continue
        span = doc[item.source[0] : item.source[1]]
        speaker = entities.speaker_from_span(doc, span.start_char, span.end_char, mentions, earlier)
        earlier.append(speaker)
        out.append(speaker)
    return out


def extract_articles(
    articles: Iterable[Article], model: str = DEFAULT_MODEL, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extractions for ``articles``, in order, parsing them in batches with ``nlp.pipe``."""
    pending = list(articles) if not isinstance(articles, list) else articles
    for article, doc in zip(pending, parse((a.text for a in pending), model, batch_size), strict=True):
        yield extract(article, doc)
