"""The trained check on found cues: whether a cue the rules found is one that annotators mark.

The rules of :mod:`rashomon.extract.attribution` read a cue wherever a reporting or stance word has
the shape of one; many are not ("a program called Sandy Hook Promise", "the Daily show", "tell us to
go to hell?", "seeking to stem"). A logistic model over the cue word and its place in the parse (its
lemma, tag and dependency, its children, its subject, its neighbours, whether it stands inside a
quotation, whether the rules found a source and how long a content) gives each found attribution the
probability that its cue is one; an attribution under the trained threshold is dropped. It is trained
on PolNeAR's train and dev compartments (``python -m rashomon.train cues``), its threshold chosen on
articles held out of the fit; weights and threshold live in ``data/models/cues.json``, read once per
process. Without that file every found attribution stands. Speaker labels ("Q: ...") and "according
to" are left to the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rashomon.extract import weights
from rashomon.extract.source_model import RULED
from rashomon.extract.speakers import SUBJECTS, cue_lemma, lex

if TYPE_CHECKING:
    from rashomon.extract.attribution import Found

Doc = Any
CHILD_DEPS = ("ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "agent", "mark", "advcl", "attr", "acomp")


def model() -> dict[str, Any] | None:
    """The shipped weights, or None when they have not been trained."""
    return weights.load("cues.json")


def features(doc: Doc, item: Found, quotes: list[tuple[int, int]]) -> dict[str, float]:
    """What the model reads of one found attribution's cue."""
    tok = doc[item.cue[0]]
    lemma = cue_lemma(tok)
    deps = {c.dep_ for c in tok.children}
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    f = {
        "lemma=" + lemma: 1.0,
        "tag=" + tok.tag_: 1.0,
        "dep=" + tok.dep_: 1.0,
        "lexicon=" + _lexicon(lemma): 1.0,
        "head_dep=" + tok.head.dep_: 1.0,
        "head_pos=" + tok.head.pos_: 1.0,
        "subject=" + _subject(subj): 1.0,
        "in_quote": float(any(start < tok.i < end - 1 for start, end in quotes)),
        "previous=" + (doc[tok.i - 1].lower_ if tok.i > 0 else "^"): 1.0,
        "next=" + (doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "$"): 1.0,
        "lemma_dep=" + lemma + "|" + tok.dep_: 1.0,
        "negated": float("neg" in deps),
        "modal": float(any(c.tag_ == "MD" for c in tok.children)),
        "has_source": float(item.source is not None),
        f"content_words={min((item.content[1] - item.content[0]) // 5, 6)}": 1.0,
    }
    for dep in CHILD_DEPS:
        if dep in deps:
            f["child=" + dep] = 1.0
            f["lemma_child=" + lemma + "|" + dep] = 1.0
    return f


def _lexicon(lemma: str) -> str:
    if lemma in lex()["verbs"]:
        return "speech"
    return "stance" if lemma in lex()["attitude_verbs"] else "other"


def _subject(subj: Any) -> str:
    if subj is None:
        return "-"
    if subj.pos_ == "PRON":
        return "pronoun:" + str(subj.lower_)
    return str(subj.ent_type_ or subj.pos_)


def check(doc: Doc, found: list[Found], quotes: list[tuple[int, int]]) -> list[Found]:
    """``found`` without the attributions whose cue scores under the threshold (all of it when the
    model has not been trained)."""
    m = model()
    if m is None:
        return found
    return [item for item in found if not weighed(item) or score(m, doc, item, quotes) >= m["threshold"]]


def weighed(item: Found) -> bool:
    """Whether the model weighs ``item``: a cue found by a verb or noun; speaker labels ("Q: ...") and
    "according to" stand as the rules find them (as for :mod:`rashomon.extract.source_model`)."""
    return item.verb not in RULED


def score(m: dict[str, Any], doc: Doc, item: Found, quotes: list[tuple[int, int]]) -> float:
    """The model's probability that ``item``'s cue is one annotators mark."""
    return weights.probability(m, features(doc, item, quotes))
