"""Each task maps bench records to predictions in the bench's own format (../shared/bench/README.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from rashomon.extract.attribution import find_attributions
from rashomon.extract.events import find_triggers
from rashomon.extract.nlp import parse
from rashomon.extract.places import find_toponyms
from rashomon.extract.quantities import find_figures
from rashomon.extract.time import find_timexes
from rashomon.link.cluster import MemoryIndex, assign
from rashomon.link.vectors import article_terms

Record = dict[str, Any]
SMALL_VAGUE = 12


def quantities(records: list[Record], selective: bool = True) -> Iterator[Record]:
    for record, doc in zip(records, parse((r["text"] for r in records), selective=selective), strict=True):
        out = []
        for fig in find_figures(doc):
            if fig.vague and (fig.kind == "proportion" or fig.high < SMALL_VAGUE):
                continue  # NewsQuant marks "dozens" and "thousands" but not "several", "a few" or "most"
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
            spans = {name: _chars(doc, getattr(a, name)) for name in ("source", "cue", "content")}
            out.append(spans)
        yield {"id": record["id"], "attributions": out}


def _chars(doc: Any, tokens: tuple[int, int] | None) -> list[int] | None:
    if tokens is None:
        return None
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
        story, _ = assign(index, record["id"], article_terms(record.get("title"), record["text"]), published)
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


TASKS: dict[str, Callable[[list[Record], bool], Iterable[Record]]] = {
    "quantities": quantities,
    "time": time,
    "attribution": attribution,
    "events": events,
    "clustering": clustering,
    "geo": geo,
}


def predict(task: str, records: list[Record], selective: bool = True) -> Iterable[Record]:
    """Predictions for ``records``; ``selective`` False parses every sentence in full (for comparison)."""
    return TASKS[task](records, selective)
