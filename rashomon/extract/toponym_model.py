"""The trained part of finding places: whether a name the rules read as a place is one.

The rules of :mod:`rashomon.extract.places` take spaCy's places, names NER labelled otherwise that
the gazetteer knows, places inside longer names and local facilities. Their errors are of a few
kinds the gazetteer cannot tell apart from places: an organisation or a person NER labelled as a
place ("Guhdar said", "the Centre said", "Notre Dame's Arike Ogunbowale"), a building standing for an
institution ("the Kremlin denied"), a word of a longer name ("La Niña", "T-shirts"), a shop or a brand
named after a place ("Iceland has released its own royal cake"). A logistic model reads each found
name's shape, how it was found, what the gazetteer holds for it and the words around it, and a name
scoring under the trained threshold is no toponym. It was trained on GeoWebNews's development articles
(``python -m rashomon.train toponyms``); weights and threshold live in ``data/models/toponyms.json``,
read once per process. Without that file every found name stands.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rashomon.extract import weights
from rashomon.geo.gazetteer import gazetteer
from rashomon.geo.resolve import Context, best_place
from rashomon.nlp import text_of

if TYPE_CHECKING:
    from rashomon.extract.entities import Found
    from rashomon.extract.places import Toponym

Doc = Any
FILE = "toponyms.json"


def model() -> dict[str, Any] | None:
    """The shipped weights, or None when they have not been trained (then every found name stands)."""
    return weights.load(FILE)


@dataclass(frozen=True)
class Names:
    """What a text's entities say about its names: the words of its persons' full names, and for each
    name how NER labelled its mentions."""

    people: frozenset[str]
    labels: dict[str, Counter[str]]


def names_of(entities: list[Found]) -> Names:
    labels: dict[str, Counter[str]] = {}
    for f in entities:
        labels.setdefault(f.text, Counter())[f.type] += 1
    people = frozenset(w for f in entities if f.type == "PERSON" and " " in f.name for w in f.name.split())
    return Names(people, labels)


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    return sum(n >= e for e in edges)


def features(doc: Doc, t: Toponym, ctx: Context, names: Names) -> dict[str, float]:
    """What the model reads of one found name: how it was found, its shape, the gazetteer's place for it,
    how NER labelled the name across the text, and its neighbours."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    text = text_of(doc)
    name = t.text
    place = best_place(name, ctx, exact=True)
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    words = name.split()
    f = {
        "origin=" + t.origin: 1.0,
        "precision=" + (t.geo.precision if t.geo else "none"): 1.0,
        "feature=" + (place.feature if place else "none"): 1.0,
        f"population={_bucket(place.population if place else 0, (1, 1e4, 1e5, 1e6))}": 1.0,
        "origin_feature=" + t.origin + "|" + (place.feature if place else "none"): 1.0,
        f"words={min(len(words), 4)}": 1.0,
        "upper": float(name.isupper() and len(name) > 1),
        "short": float(len(name) <= 3),
        "digit": float(any(c.isdigit() for c in name)),
        "dash_end": float(name.endswith("-")),
        "possessive": float(text[t.end : t.end + 2] in ("'s", "’s")),
        "person_word": float(any(w in names.people for w in words)),
        "home": float(place is not None and ctx.is_home(place)),
        "near": ctx.nearness(place, name) if place is not None and ctx.anchors else 0.0,
        "sentence_start": float(span[0].is_sent_start),
        "root_pos=" + span.root.pos_: 1.0,
        "root_dep=" + span.root.dep_: 1.0,
        "ent=" + (span.root.ent_type_ or "-"): 1.0,
        "head=" + span.root.head.lemma_.lower(): 1.0,
        "before=" + (before.lower_ if before is not None else "^"): 1.0,
        "after=" + (after.lower_ if after is not None else "$"): 1.0,
        "after_capital": float(after is not None and after.is_title and not after.is_sent_start),
        "before_capital": float(before is not None and before.is_title and not span[0].is_sent_start),
        "stop": float(any(tok.is_stop for tok in span)),
        f"mentions={_bucket(text.count(name), (2, 4))}": 1.0,
        f"candidates={_bucket(len(gazetteer().candidates(name)), (1, 2, 5, 20))}": 1.0,
    }
    labels = names.labels.get(name)
    if labels:
        total = sum(labels.values())
        for label, n in labels.items():
            f["labelled=" + label] = n / total
    return f


def score(m: dict[str, Any], f: dict[str, float]) -> float:
    """The model's probability that a found name is a toponym."""
    return weights.probability(m, f)


def keep(doc: Doc, found: list[Toponym], ctx: Context, names: Names) -> list[Toponym]:
    """The found names the model reads as toponyms (all of them without shipped weights)."""
    m = model()
    if m is None:
        return found
    return [t for t in found if score(m, features(doc, t, ctx, names)) >= m["threshold"]]
