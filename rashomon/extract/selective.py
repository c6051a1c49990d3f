"""Selective NLP: the tagger and parser run only on the sentences extraction reads them in.

Every token gets tokenisation, a sentence boundary (spaCy's small ``senter``, about 1% of the
pipeline's cost) and named entities (NER has its own token vectors in the small English
pipelines, so its output does not depend on the rest). The other components (token vectors,
tagger, parser, attribute rules, lemmatizer: about half of the pipeline's cost) run only on runs
of consecutive sentences that hold something an extractor reads the parse for: a number or an
amount word, a reporting cue or a quotation mark, an event or claim word, a colon (headline
sources). A word counts when it could be an inflection of a lexicon word by the lemmatizer's own
rules and exceptions ("fled" for "flee"), so the choice never depends on the tags it saves; the
words of a lexicon phrase count only together ("news conference": "news" alone is not a cue).

Tokens outside those runs keep their text, entities and sentence boundaries, and have no tag,
lemma or head (``dep_ == ""``, their head is themselves). Each run is parsed as its own Doc and
its annotations are copied into the article's Doc, which is then one Doc like any other.

A pipeline that cannot be split this way (no ``senter``, NER listening to shared token vectors,
attribute rules this module cannot reproduce) is run whole: :func:`selective_plan` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from rashomon.extract.lexicons import lexicon
from rashomon.extract.rules import AttributeRules, UnsupportedRules

PARSED = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
MARKS = frozenset({'"', "“", "”", "‘", "’", ":", "«", "»"})
RUN_BATCH = 256  # runs of sentences per call to the parsing components
CACHED_WORDS = 500_000  # word forms whose verdict is kept, so memory stays bounded on any corpus


@dataclass(frozen=True)
class Plan:
    """How one pipeline is run selectively."""

    nlp: Any
    everywhere: tuple[Any, ...]  # senter, then NER
    parsing: tuple[Any, ...]  # the rest, in the pipeline's order
    cues: Cues


@cache
def selective_plan(model: str) -> Plan | None:
    """The selective plan for the pipeline ``model``, or None when it must run whole."""
    from rashomon.extract.nlp import load_pipeline

    nlp = load_pipeline(model)
    if "senter" not in nlp.component_names or "ner" not in nlp.pipe_names or _ner_listens(nlp):
        return None
    parsing = []
    for name, proc in nlp.pipeline:
        if name == "ner":
            continue
        try:
            parsing.append(AttributeRules(proc) if name == "attribute_ruler" else proc)
        except UnsupportedRules:
            return None
    everywhere = (nlp.get_pipe("senter"), nlp.get_pipe("ner"))
    return Plan(nlp, everywhere, tuple(parsing), Cues(_lemmatizer_tables(nlp)))


def _ner_listens(nlp: Any) -> bool:
    return any("ner" in getattr(proc, "listening_components", ()) for _, proc in nlp.pipeline)


def parse_selective(plan: Plan, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Docs for ``texts``, in order: entities and sentences everywhere, the parse where it is read."""
    it = iter(texts)
    while chunk := list(islice(it, batch_size)):
        docs = [plan.nlp.make_doc(text) for text in chunk]
        for proc in plan.everywhere:
            docs = list(proc.pipe(docs, batch_size=batch_size))
        runs = [parse_runs(doc, plan.cues) for doc in docs]
        parts = [_part(doc, start, end) for doc, doc_runs in zip(docs, runs, strict=True) for start, end in doc_runs]
        for proc in plan.parsing:
            parts = list(_pipe(proc, parts))
        done = iter(parts)
        for doc, doc_runs in zip(docs, runs, strict=True):
            _merge(doc, [(start, end, next(done)) for start, end in doc_runs])
        yield from docs


def _pipe(proc: Any, docs: list[Doc]) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        yield from proc.pipe(docs, batch_size=RUN_BATCH)
    else:
        yield from map(proc, docs)


def parse_runs(doc: Doc, cues: Cues) -> list[tuple[int, int]]:
    """Token ranges of consecutive sentences that need the parse, in order."""
    runs: list[tuple[int, int]] = []
    for sent in doc.sents:
        if not cues.wanted(sent):
            continue
        if runs and runs[-1][1] == sent.start:
            runs[-1] = (runs[-1][0], sent.end)
        else:
            runs.append((sent.start, sent.end))
    return runs


def _part(doc: Doc, start: int, end: int) -> Doc:
    """A new Doc of the run's words: without the senter's boundaries, so the parser draws its own."""
    tokens = doc[start:end]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def _merge(doc: Doc, parsed: list[tuple[int, int, Doc]]) -> None:
    """Copy each run's annotations into ``doc``; sentence starts elsewhere stay the senter's."""
    if not parsed:
        return
    starts: Any = doc.to_array([SENT_START])
    values: Any = numpy.zeros((len(doc), len(PARSED)), dtype="uint64")
    for start, end, part in parsed:
        values[start:end] = part.to_array(PARSED)
        starts[start:end] = part.to_array([SENT_START])
    doc.from_array(PARSED, values)  # this recomputes sentence starts from the heads alone...
    doc.from_array([SENT_START], starts)  # ...so the unparsed sentences get theirs back


class Cues:
    """Which words make a sentence worth parsing: the lexicons' words and their inflections. A word of a
    phrase ("news conference", "press conference") counts only beside the phrase's other words."""

    def __init__(self, tables: tuple[dict[str, Any], dict[str, Any]]) -> None:
        self.words, self.phrases = _cue_words()
        self.phrase_words = frozenset(w for phrase in self.phrases for w in phrase)
        self.rules, self.exceptions = tables
        self._known: dict[str, tuple[bool, frozenset[str]]] = {}

    def wanted(self, sent: Any) -> bool:
        """Whether ``sent`` holds a number, a mark, a cue word or every word of a cue phrase."""
        seen: set[str] = set()
        for tok in sent:
            if tok.like_num or tok.text in MARKS:
                return True
            word, forms = self._verdict(tok.lower_)
            if word:
                return True
            seen |= forms
        return bool(seen) and any(phrase <= seen for phrase in self.phrases)

    def _verdict(self, word: str) -> tuple[bool, frozenset[str]]:
        """Whether ``word`` is a cue on its own, and the phrase words it could be."""
        known = self._known.get(word)
        if known is None:
            forms = {word, *self._lemmas(word)}
            known = (bool(forms & self.words), frozenset(forms & self.phrase_words))
            if len(self._known) < CACHED_WORDS:
                self._known[word] = known
        return known

    def _lemmas(self, word: str) -> Iterator[str]:
        """Every lemma the lemmatizer could give ``word`` as a verb or a noun."""
        for pos in ("verb", "noun"):
            yield from self.exceptions.get(pos, {}).get(word, ())
            for old, new in self.rules.get(pos, ()):
                if word.endswith(old):
                    yield word[: len(word) - len(old)] + new


def _lemmatizer_tables(nlp: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rule lemmatizer's suffix rules and exceptions, by part of speech (empty without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not (lookups.has_table("lemma_rules") and lookups.has_table("lemma_exc")):
        return {}, {}
    rules, exceptions = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
    return (
        {pos: rules.get(pos, []) for pos in ("verb", "noun")},
        {pos: exceptions.get(pos, {}) for pos in ("verb", "noun")},
    )


@cache
def _cue_words() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The lexicons' cue, trigger and amount words, and their phrases as sets of words (stopwords left out:
    "according to" needs "according", "holding the government responsible" its three other words)."""
    stop = set(lexicon("stopwords")["stopwords"])
    attribution, events, claims, amounts = (lexicon(n) for n in ("attribution", "events", "claims", "amounts"))
    entries: list[str] = []
    for key in ("verbs", "attitude_verbs", "claim_verbs", "relay_verbs", "nouns", "according_to", "denials"):
        entries += attribution[key]
    for spec in events["types"].values():
        entries += spec["verbs"] + spec["nouns"] + spec["phrases"]
    entries += list(claims["verbs"]) + list(claims["nouns"]) + list(claims["states"])
    for key in ("number_words", "vague", "proportions", "fractions", "scales"):
        entries += [w for w in amounts[key] if len(w) > 2]
    split = [re.findall(r"[\w'-]+", e.lower()) for e in entries]
    parts = {frozenset(w for w in ws if w not in stop or len(ws) == 1) for ws in split}
    words = frozenset(w for p in parts if len(p) == 1 for w in p)
    return words, tuple(sorted((p for p in parts if len(p) > 1 and not p & words), key=sorted))
