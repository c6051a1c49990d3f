"""Selective NLP: NER runs only where names can be, the tagger and parser only where they are read.

Every token gets tokenisation and a sentence boundary (spaCy's small ``senter``, about 1% of the
pipeline's cost). NER (which has its own token vectors in the small English pipelines, so its
output does not depend on the rest) computes its token vectors on windows of five tokens either
side of each capitalised word or lower-case name head ("ministry"), see :func:`name_windows`, and
takes its entity decisions (the transitions, the costlier half) on two tokens either side only;
every other token is outside any entity. The other components (token vectors, tagger, parser,
attribute rules, lemmatizer: about half of the pipeline's cost) run only on runs of consecutive
sentences that hold something an extractor reads the parse for: a number or an amount word, a
reporting cue or a quotation mark, an event or claim word, a colon (headline sources). A word counts
when it could be an inflection of a lexicon word by the lemmatizer's own rules and exceptions
("fled" for "flee"), so the choice never depends on the tags it saves; the words of a lexicon phrase
count only together ("news conference": "news" alone is not a cue).

Tokens outside those runs keep their text, entities and sentence boundaries, and have no tag,
lemma or head (``dep_ == ""``, their head is themselves). Each window and each run is processed
as its own Doc and its annotations are copied into the article's Doc, which is then one Doc like
any other.

A pipeline that cannot be split this way (no ``senter``, NER listening to shared token vectors or
not a transition model, attribute rules this module cannot reproduce) is run whole:
:func:`selective_plan` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from threading import Lock
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc
from thinc.api import Model

from rashomon.lexicons import lexicon
from rashomon.nlp import TEXT_KEY, text_of
from rashomon.nlp.rules import AttributeRules, Lemmas, UnsupportedRules

PARSED = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
MARKS = frozenset({'"', "“", "”", "‘", "’", ":", "«", "»"})
GLUED_DECIMAL = re.compile(r"-\d+\.\d")  # "magnitude-6.0": a figure inside a word
RUN_BATCH = 16  # runs of sentences per call to the parsing components (measured here: 256 was up to 15 % slower)
CORE_BATCH = 256  # name cores per call to NER's decisions (measured here: faster than 16 or 64)
WINDOW_BATCH = 64  # name windows per call to NER's encoder (measured here: faster than 8, 32, 128 or 1,000)
NAME_MARGIN = 5  # tokens of context either side of a capitalised word for NER's token vectors (see name_windows)
CORE_MARGIN = 2  # tokens either side of a capitalised word whose entity tags NER decides (see _recognise)
UNCASED = 100  # fewer capitalised tokens than one in this many: the text is read whole by NER
OUTSIDE = 2  # spaCy's ENT_IOB value for a token outside every entity
CACHED_WORDS = 500_000  # word forms whose verdict is kept, so memory stays bounded on any corpus
_ENCODER_SWAP = Lock()
PARTS_KEY = "rashomon.token_spans"
NAME_WORD, CAPITAL_STOPWORD = 1, 2  # a capitalised stopword is no name where it opens a sentence ("The")
_ANCHOR_KINDS: dict[int, int] = {}  # word (its hash) -> 0, NAME_WORD or CAPITAL_STOPWORD


@dataclass(frozen=True)
class Plan:
    """How one pipeline is run selectively."""

    nlp: Any
    senter: Any
    ner: Any
    parsing: tuple[Any, ...]  # the rest, in the pipeline's order
    cues: Cues


@cache
def selective_plan(model: str, cues: tuple[str, ...]) -> Plan | None:
    """The selective plan for the pipeline ``model``, parsing the sentences that hold one of ``cues``
    (words, or phrases whose words must all be there), or None when the pipeline must run whole."""
    from rashomon.nlp import load_pipeline

    nlp = load_pipeline(model)
    if "senter" not in nlp.component_names or "ner" not in nlp.pipe_names or not _ner_fed(nlp):
        return None
    parsing = []
    for name, proc in nlp.pipeline:
        if name == "ner":
            continue
        try:
            parsing.append(_cheaper(name, proc))
        except UnsupportedRules:
            return None
    return Plan(nlp, nlp.get_pipe("senter"), nlp.get_pipe("ner"), tuple(parsing), Cues(_lemmatizer_tables(nlp), cues))


def _cheaper(name: str, proc: Any) -> Any:
    """The component, or a faster one with its results (rashomon.nlp.rules)."""
    if name == "attribute_ruler":
        return AttributeRules(proc)
    if name == "lemmatizer" and hasattr(proc, "lemmatize"):
        return Lemmas(proc)
    return proc


def _ner_fed(nlp: Any) -> bool:
    """Whether NER has token vectors of its own, computed by its transition model's first layer."""
    if any("ner" in getattr(proc, "listening_components", ()) for _, proc in nlp.pipeline):
        return False
    model: Any = getattr(nlp.get_pipe("ner"), "model", None)
    return getattr(model, "name", "") == "parser_model" and model.layers[0] is model.get_ref("tok2vec")


def parse_selective(plan: Plan, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Docs for ``texts``, in order: sentences everywhere, names where they can be, the parse where it is read."""
    it = iter(texts)
    while chunk := list(islice(it, batch_size)):
        docs = list(plan.senter.pipe([_make_doc(plan.nlp, text) for text in chunk], batch_size=batch_size))
        _recognise(plan.ner, docs)
        runs = [parse_runs(doc, plan.cues) for doc in docs]
        parts = [_part(doc, start, end) for doc, doc_runs in zip(docs, runs, strict=True) for start, end in doc_runs]
        for proc in plan.parsing:
            parts = list(_pipe(proc, parts))
        done = iter(parts)
        for doc, doc_runs in zip(docs, runs, strict=True):
            _merge(doc, [(start, end, next(done)) for start, end in doc_runs])
        yield from docs


def _make_doc(nlp: Any, text: str) -> Doc:
    doc: Doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # what text_of would join from every token again
    return doc


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
    table: tuple[list[int], list[int], list[bool]] | None = doc.user_data.get(PARTS_KEY)
    if table is None:  # each token's start, length and trailing space, read once per Doc and not token by token
        starts, lengths, spaces = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
        table = doc.user_data[PARTS_KEY] = (starts, lengths, [bool(space) for space in spaces])
    text = text_of(doc)
    words = [text[i : i + n] for i, n in zip(table[0][start:end], table[1][start:end], strict=True)]
    return Doc(doc.vocab, words=words, spaces=table[2][start:end])


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


def _recognise(ner: Any, docs: list[Doc]) -> None:
    """NER on each doc where names can be; every other token is outside any entity.

    Token vectors come from the windows (:func:`name_windows`), so that each has its context; the
    entity decisions, NER's costly part, are taken on the cores only: CORE_MARGIN tokens either side
    of each capitalised word or name head, fed those vectors.
    """
    anchors = [_anchors(doc) for doc in docs]
    windows = [_around(a, NAME_MARGIN, len(doc)) for a, doc in zip(anchors, docs, strict=True)]
    cores = [_around(a, CORE_MARGIN, len(doc)) for a, doc in zip(anchors, docs, strict=True)]  # within windows
    table = _vectors(ner, [_part(doc, s, e) for doc, ws in zip(docs, windows, strict=True) for s, e in ws])
    rows = _vector_rows(docs, windows)
    parts = [_part(doc, s, e) for doc, doc_cores in zip(docs, cores, strict=True) for s, e in doc_cores]
    _decide(ner, parts, [table[row[s:e]] for row, doc_cores in zip(rows, cores, strict=True) for s, e in doc_cores])
    done = iter(parts)
    for doc, doc_cores in zip(docs, cores, strict=True):
        values: Any = numpy.zeros((len(doc), 2), dtype="uint64")
        values[:, 0] = OUTSIDE
        for start, end in doc_cores:
            values[start:end] = next(done).to_array([ENT_IOB, ENT_TYPE])
        doc.from_array([ENT_IOB, ENT_TYPE], values)


def _vectors(ner: Any, windows: list[Doc]) -> Any:
    """NER's token vectors for the tokens of ``windows``, in order, one row each."""
    encoder = ner.model.get_ref("tok2vec")
    found = [encoder.predict(windows[n : n + WINDOW_BATCH]) for n in range(0, len(windows), WINDOW_BATCH)]
    return numpy.concatenate(found) if found else numpy.zeros((0, 0), dtype="float32")


def _vector_rows(docs: list[Doc], windows: list[list[tuple[int, int]]]) -> list[Any]:
    """For each doc, each token's row among the windows' token vectors, in order (-1 outside every window)."""
    rows, taken = [], 0
    for doc, doc_windows in zip(docs, windows, strict=True):
        row = numpy.full(len(doc), -1, dtype="int64")
        for start, end in doc_windows:
            row[start:end] = numpy.arange(taken, taken + end - start)
            taken += end - start
        rows.append(row)
    return rows


def _decide(ner: Any, parts: list[Doc], vectors: list[Any]) -> None:
    """Set NER's entities on ``parts`` from their token ``vectors`` (an array per part, a row per token)."""
    by_length = sorted(range(len(parts)), key=lambda k: len(parts[k]))  # parts that end together step together
    for n in range(0, len(by_length), CORE_BATCH):
        chunk = by_length[n : n + CORE_BATCH]
        docs = [parts[k] for k in chunk]
        ner.set_annotations(docs, _predict_from(ner, docs, numpy.concatenate([vectors[k] for k in chunk])))


def _predict_from(ner: Any, parts: list[Doc], vectors: Any) -> Any:
    """NER's predictions for ``parts`` with ``vectors`` (one row per token of ``parts``, in order) standing in
    for its own encoder's: the transition model reads its encoder as its first layer."""

    def forward(model: Any, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        if sum(len(doc) for doc in docs) != len(vectors):
            raise ValueError("token vectors do not match the documents they were computed for")
        return vectors, lambda gradient: []

    layers = ner.model.layers
    # The model is shared by every thread of the process: selective parses take turns here. A whole-pipeline
    # parse in another thread at this moment would meet the stand-in and fail on its check above, never
    # silently; a process parses one way or the other (the selective_nlp setting), not both at once.
    with _ENCODER_SWAP:
        encoder, layers[0] = layers[0], Model("precomputed", forward)
        try:
            return ner.predict(parts)
        finally:
            layers[0] = encoder


def name_windows(doc: Doc, margin: int = NAME_MARGIN) -> list[tuple[int, int]]:
    """Token ranges NER reads: each capitalised word with ``margin`` tokens either side, overlaps merged.

    The names extraction reads (people, organisations, places, nationalities and groups) hold a capital
    in cased text, or one of the lower-case heads in ``lexicons/names.json`` ("the interior ministry");
    a sentence's first word counts unless it is a stopword ("The", "He"). NER decides a token from its
    own vector, the previous token's and its open entity's first word's, and each vector sees four
    tokens either side (the small English pipeline's NER encoder: depth 4, window 1), so five tokens of
    margin give the word before a capitalised word, the word and the word after it the vectors they
    have in the whole text. A text with capitals on fewer than one token in a hundred is taken for
    uncased and read whole.
    """
    return _around(_anchors(doc), margin, len(doc))


def _anchors(doc: Doc) -> list[int] | None:
    """The tokens names can hang on, in order; None for an uncased text."""
    anchors = []
    for i, (orth, sent_start) in enumerate(doc.to_array([ORTH, SENT_START]).tolist()):
        kind = _ANCHOR_KINDS.get(orth)
        if kind is None:
            kind = _anchor_kind(doc.vocab.strings[orth])
            if len(_ANCHOR_KINDS) < CACHED_WORDS:
                _ANCHOR_KINDS[orth] = kind
        if kind == NAME_WORD or (kind == CAPITAL_STOPWORD and sent_start != 1):
            anchors.append(i)
    return None if len(anchors) * UNCASED < len(doc) else anchors


def _anchor_kind(word: str) -> int:
    stop, heads = _name_words()
    if word.lower() in heads or (word[:1].isupper() and word.lower() not in stop):
        return NAME_WORD
    return CAPITAL_STOPWORD if word[:1].isupper() else 0


def _around(anchors: list[int] | None, margin: int, length: int) -> list[tuple[int, int]]:
    """Each anchor with ``margin`` tokens either side, overlaps merged; all of it when ``anchors`` is None."""
    if anchors is None:
        return [(0, length)] if length else []
    windows: list[tuple[int, int]] = []
    for i in anchors:
        start, end = max(0, i - margin), min(length, i + margin + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@cache
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Stopwords (no name starts a sentence with one) and the lower-case heads of names."""
    return frozenset(lexicon("stopwords")["stopwords"]), frozenset(lexicon("names")["lowercase_heads"])


class Cues:
    """Which words make a sentence worth parsing: the lexicons' words and their inflections. A word of a
    phrase ("news conference", "press conference") counts only beside the phrase's other words."""

    def __init__(self, tables: tuple[dict[str, Any], dict[str, Any]], cues: tuple[str, ...]) -> None:
        self.words, self.phrases = _cue_sets(cues)
        self.phrase_words = frozenset(w for phrase in self.phrases for w in phrase)
        self.rules, self.exceptions = tables
        self._known: dict[str, tuple[bool, frozenset[str]]] = {}

    def wanted(self, sent: Any) -> bool:
        """Whether ``sent`` holds a number, a mark, a cue word or every word of a cue phrase."""
        seen: set[str] = set()
        for tok in sent:
            if tok.like_num or tok.text in MARKS or GLUED_DECIMAL.search(tok.text):
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
def _cue_sets(cues: tuple[str, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The single words of ``cues``, and their phrases as sets of words (stopwords left out: "according
    to" needs "according", "holding the government responsible" its three other words)."""
    stop = set(lexicon("stopwords")["stopwords"])
    split = [re.findall(r"[\w'-]+", e.lower()) for e in cues]
    parts = {frozenset(w for w in ws if w not in stop or len(ws) == 1) for ws in split}
    words = frozenset(w for p in parts if len(p) == 1 for w in p)
    return words, tuple(sorted((p for p in parts if len(p) > 1 and not p & words), key=sorted))
