"""The trained part of attribution: which words of a found source name who spoke, and whether to keep it.

The rules of :mod:`rashomon.extract.attribution` find each cue with a candidate source. A source's
extent is where the rules err most often: "Trump, who has a commanding lead in delegates, said" names
Trump; "Robert Stone, a 59-year-old from Hilton Head, said" names him with his description (PolNeAR
marks both ways, by what the words do). For each found source this module proposes its variants (as
found; the name before a comma, dash or relative clause; without a trailing time or place) and a
logistic model, trained on PolNeAR's train and dev compartments (``python -m rashomon.train
attribution``), scores each: the best variant is kept, and a source whose best variant scores under
the trained threshold is dropped with its attribution (a speaker the rules read where the annotators
saw none; on held-out articles this is most of what the model changes). Weights, vocabulary and
threshold live in ``data/models/attribution.json`` (14 KB), read once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rashomon.extract import weights

if TYPE_CHECKING:
    from rashomon.extract.attribution import Found

Doc = Any
Span = tuple[int, int]

RULED = (":", "according", "impression")  # cues the rules alone decide (labels; "according to", polls; "seemed")
OUT_SIZE_LIMIT = 50_000_000  # bytes: the weights ship inside the package
ASIDES = (",", "—", "–", "--", "(")
RELATIVES = ("who", "whose", "which", "that", "whom")
TRAILING = ("on", "in", "at", "during", "this", "last", "when", "after", "before", "both")


def model() -> dict[str, Any] | None:
    """The shipped weights, or None when they have not been trained (then the rules' spans stand)."""
    return weights.load("attribution.json")


def variants(doc: Doc, source: Span) -> Iterator[tuple[str, Span]]:
    """The ways to read ``source``'s extent, each with its kind; the span as found comes first."""
    start, end = source
    yield "found", source
    seen = {source}
    root = doc[start:end].root
    for i in range(root.i + 1, end):  # the name before what sets it off
        if doc[i].text in ASIDES or doc[i].lower_ in RELATIVES:
            cut = _strip(doc, start, i)
            if cut not in seen and cut[1] > cut[0]:
                seen.add(cut)
                yield "before_" + ("relative" if doc[i].lower_ in RELATIVES else "aside"), cut
            break
    for i in range(root.i + 1, end):
        if doc[i].lower_ in TRAILING and doc[i].dep_ in ("prep", "advmod", "npadvmod", "det", "relcl", "advcl"):
            cut = _strip(doc, start, i)
            if cut not in seen and cut[1] > cut[0]:
                seen.add(cut)
                yield "before_trailing", cut
            break


def _strip(doc: Doc, start: int, end: int) -> Span:
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def features(doc: Doc, item: Found, kind: str, span: Span) -> dict[str, float]:
    """What the model reads of one variant of one found attribution."""
    cue = doc[item.cue[0]]
    words = doc[span[0] : span[1]]
    root = words.root
    first, last = words[0], words[-1]
    content = doc[item.content[0] : item.content[1]]
    f = {
        "kind=" + kind: 1.0,
        "verb=" + item.verb: 1.0,
        "cue_tag=" + cue.tag_: 1.0,
        "cue_dep=" + cue.dep_: 1.0,
        "root_pos=" + root.pos_: 1.0,
        "root_dep=" + root.dep_: 1.0,
        "root_ent=" + (root.ent_type_ or "-"): 1.0,
        "first_pos=" + first.pos_: 1.0,
        "last_pos=" + last.pos_: 1.0,
        "kind_last=" + kind + "|" + last.pos_: 1.0,
        f"length={min(len(words), 8)}": 1.0,
        f"kind_length={kind}|{min(len(words), 8)}": 1.0,
        "pronoun=" + (root.lower_ if root.pos_ == "PRON" else "-"): 1.0,
        "after_cue": float(span[0] > item.cue[0]),
        "comma_inside": float(any(t.text == "," for t in words)),
        "relative_inside": float(any(t.lower_ in RELATIVES for t in words)),
        "verb_inside": float(any(t.pos_ == "VERB" for t in words)),
        "sentence_start": float(span[0] == cue.sent.start),
        f"content_words={min(len(content) // 5, 6)}": 1.0,
        "content_quoted": float(content.text[:1] in '"“' or content.text[-1:] in '"”'),
        "content_before_cue": float(item.content[1] <= item.cue[0]),
        "no_content": float(item.content == item.cue),
        "relay": float(item.relay is not None),
        "negated": float(any(c.dep_ == "neg" for c in cue.children)),
        "modal": float(any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)),
    }
    return f


def score(m: dict[str, Any], f: dict[str, float]) -> float:
    """The model's probability that this variant is a source as annotators mark it."""
    return weights.probability(m, f)


def weighed(item: Found) -> bool:
    """Whether the model weighs ``item``: a source found by a verb, not a speaker label ("Q: ...") nor
    the object of "according to" or "in a poll", where the rules stay (on the held-out articles the model
    gained nothing there)."""
    return item.source is not None and item.verb not in RULED


def best(m: dict[str, Any], doc: Doc, item: Found) -> tuple[float, Span] | None:
    """The best-scoring variant of ``item``'s source with its probability (None if the model does not
    weigh it)."""
    if item.source is None or not weighed(item):
        return None
    scored = [(score(m, features(doc, item, kind, span)), span) for kind, span in variants(doc, item.source)]
    return max(scored, key=lambda s: s[0])


def choose(doc: Doc, found: list[Found]) -> list[Found]:
    """Each source at its best-scoring extent; attributions whose source scores under the threshold
    dropped. Without shipped weights, ``found`` as it is."""
    m = model()
    if m is None:
        return found
    out = []
    for item in found:
        chosen = best(m, doc, item)
        if chosen is None:
            out.append(item)
        elif chosen[0] >= m["threshold"]:
            out.append(replace(item, source=chosen[1]))
    return out
