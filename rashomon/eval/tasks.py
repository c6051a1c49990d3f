"""Each task maps bench records to predictions in the bench's own format (../shared/bench/README.md)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from rashomon.extract import extract, parse
from rashomon.extract.attribution import closed, find_attributions
from rashomon.extract.events import find_triggers
from rashomon.extract.places import find_toponyms
from rashomon.extract.quantities import find_figures
from rashomon.extract.time import find_timexes
from rashomon.ingest.clean import dateline
from rashomon.link.cluster import MemoryIndex, assign
from rashomon.link.reconcile import interval_in_unit, slot_unit
from rashomon.link.reconcile import reconcile as reconcile_story
from rashomon.link.vectors import article_terms
from rashomon.records import Article, Claim, Extraction, Slot

Record = dict[str, Any]
SMALL_VAGUE = 100


def quantities(records: list[Record], selective: bool = True) -> Iterator[Record]:
    for record, doc in zip(records, parse((r["text"] for r in records), selective=selective), strict=True):
        out = []
        for fig in find_figures(doc):
            if fig.vague and (fig.kind == "proportion" or fig.high < SMALL_VAGUE):
                continue  # NewsQuant marks "dozens" and "thousands" but not "several", "double-digit" or "most"
            for value in fig.values:
                out.append({"value": value, "unit": fig.unit, "change": fig.change})
        yield {"id": record["id"], "quantities": out}


def time(records: list[Record], selective: bool = True) -> Iterator[Record]:
    for record in records:
        dct = date.fromisoformat(record["dct"])
        timexes = [
            {"span": [t.start, t.end], "type": t.type, "value": t.value} for t in find_timexes(record["text"], dct)
        ]
        yield {"id": record["id"], "timexes": timexes}


def attribution(records: list[Record], selective: bool = True) -> Iterator[Record]:
    texts = list(dict.fromkeys(r["text"] for r in records))  # PolNeAR repeats a text once per annotator
    docs = dict(zip(texts, parse(texts, selective=selective, stance=True), strict=True))
    for record in records:
        doc = docs[record["text"]]
        out = []
        for a in find_attributions(doc, attitudes=True):
            source = closed(doc, a.source) if a.source else None
            out.append({"source": char_span(doc, source) if source else None, "cue": char_span(doc, a.cue),
                        "content": char_span(doc, a.content)})  # fmt: skip
        yield {"id": record["id"], "attributions": out}


def char_span(doc: Any, tokens: tuple[int, int]) -> list[int]:
    """A token span as the bench's character offsets [start, end)."""
    span = doc[tokens[0] : tokens[1]]
    return [span.start_char, span.end_char]


def events(records: list[Record], selective: bool = True) -> Iterator[Record]:
    for record, doc in zip(records, parse((r["text"] for r in records), selective=selective), strict=True):
        triggers = [t for t in find_triggers(doc, [], []) if t.plover and t.modality != "negated"]
        depth = {t.start: _depth(doc, t.start) for t in triggers}
        top = min(depth.values(), default=0)
        labels = {t.plover for t in triggers if depth[t.start] == top}  # PLOVER codes a sentence's main event
        yield {"id": record["id"], "labels": sorted(labels)}


def _depth(doc: Any, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    tok, steps = span[0], 0
    while tok.head.i != tok.i and steps < 50:
        tok, steps = tok.head, steps + 1
    return steps


def clustering(records: list[Record], selective: bool = True) -> Iterator[Record]:
    """Read in order, as a stream: each article joins a story or starts one."""
    index = MemoryIndex()
    for record in records:
        published = date.fromisoformat(record["published"]) if record.get("published") else None
        counts = article_terms(record.get("title"), record["text"], undated=published is None)
        story, _ = assign(index, record["id"], counts, published)
        yield {"id": record["id"], "cluster": story}


def geo(records: list[Record], selective: bool = True) -> Iterator[Record]:
    """Toponyms placed by the gazetteer (see :mod:`rashomon.extract.places`)."""
    for record, doc in zip(records, parse((r["text"] for r in records), selective=selective), strict=True):
        out = [
            {"span": [t.start, t.end], "name": t.text, "lat": t.geo.lat if t.geo else None,
             "lon": t.geo.lon if t.geo else None}
            for t in find_toponyms(doc)
        ]  # fmt: skip
        yield {"id": record["id"], "toponyms": out}


def reconcile(records: list[Record], selective: bool = True) -> Iterator[Record]:
    """Each line's articles are one story (given, not clustered): its slots, each figure with its
    article, its characters in the given text, its interval and the slot's status."""
    for record, extractions in zip(records, story_extractions(records, selective), strict=True):
        claims = [c for x in extractions for c in x.claims]
        slots, _ = reconcile_story(record["id"], claims, {})
        yield {"id": record["id"], "slots": slot_predictions(slots, claims)}


def story_extractions(records: list[Record], selective: bool = True) -> Iterator[list[Extraction]]:
    """The extraction of every article of each reconcile line, article ids as given. An article the line
    gives no date takes its dateline's, as ingesting its text would ("Posted: Nov 27, 2005 8:20 AM ET")."""
    for record in records:
        articles = [
            Article(id=a["id"], origin=a["id"], text=a["text"], outlet=a.get("outlet"), title=a.get("title"),
                    published=date.fromisoformat(a["published"]) if a.get("published") else dateline(a["text"]))
            for a in record["articles"]
        ]  # fmt: skip
        docs = parse((a.text for a in articles), selective=selective)
        yield [extract(a, doc) for a, doc in zip(articles, docs, strict=True)]


def slot_predictions(slots: list[Slot], claims: list[Claim]) -> list[Record]:
    """Slots of two or more figures in the bench's form: unbounded ends are null."""
    by_id = {c.id: c for c in claims}
    out = []
    for slot in slots:
        members = [by_id[i] for i in slot.claim_ids if by_id[i].figure is not None]
        if len(members) < 2:
            continue
        unit = slot_unit(members)
        intervals = [interval_in_unit(c, unit) for c in members]
        mentions = [
            {"article": c.article_id, "span": [c.figure.start, c.figure.end],
             "low": _finite(low), "high": _finite(high)}
            for c, (low, high) in zip(members, intervals, strict=True) if c.figure is not None
        ]  # fmt: skip
        out.append({"status": slot.status, "mentions": mentions})
    return out


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else x


TASKS: dict[str, Callable[[list[Record], bool], Iterable[Record]]] = {
    "quantities": quantities,
    "time": time,
    "attribution": attribution,
    "events": events,
    "clustering": clustering,
    "geo": geo,
    "reconcile": reconcile,
}


def predict(task: str, records: list[Record], selective: bool = True) -> Iterable[Record]:
    """Predictions for ``records``; ``selective`` False parses every sentence in full (for comparison)."""
    return TASKS[task](records, selective)
