"""spaCy's attribute ruler and lemmatizer, applied with the same result at a fraction of their cost.

The English pipelines' ``attribute_ruler`` maps each fine-grained tag (and a few words) to a
coarse part of speech, morphology and lemma with about 180 Matcher patterns, run over every token
of every Doc: measured here it costs about an eighth of the whole pipeline (13 ms of 108 per
600-word article). Almost all of its patterns look at one token only, through that token's tag,
lower-case form, dependency label and whitespace flag, so their outcome is a function of those
four values: :class:`AttributeRules` works out which rules match once per distinct combination
(with a Matcher holding the ruler's own patterns, so their semantics are spaCy's) and caches it
with the values those rules write together; they are written with one array copy per Doc. The few patterns
that span several tokens ("gon na", "let 's") still run through a Matcher on the whole Doc, each
only on a Doc holding the words, tags or labels it asks for, and a token they touch gets every
rule in the ruler's own order. The result is the ruler's, token for
token; ``tests/extract/test_rules.py`` checks it against the ruler on varied text.

The rule and lookup lemmatizers read a token's text, part of speech and morphology only, yet spaCy
works a token's cache key out in Python for every token (about 2 ms per 600-word article here):
:class:`Lemmas` reads those three values for a whole Doc with one array copy, asks the lemmatizer
once per distinct combination, and writes the lemmas back with another.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs

KEY = [TAG, LOWER, DEP, IS_SPACE]  # everything a one-token pattern of the ruler may read
SET = [POS, MORPH, LEMMA, TAG, DEP]  # everything the ruler's rules may write
_COLUMN = {attr: n for n, attr in enumerate(SET)}
Cached = tuple[tuple[int, ...], tuple[tuple[int, int], ...]]  # (matching rule ids, (column, value) writes)
CACHED_KEYS = 200_000  # distinct (tag, word, dep, space) or (word, pos, morphology) combinations kept


class UnsupportedRules(ValueError):
    """The ruler has rules this class cannot reproduce (reads or writes other attributes)."""


class AttributeRules:
    """The rules of a spaCy ``AttributeRuler``, callable on a Doc like the ruler itself."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self._single = Matcher(self.vocab, validate=False)
        self._multi: list[tuple[int, list[tuple[int, frozenset[int]]], Matcher]] = []  # rule, needs, matcher
        self._rules: list[dict[int, int]] = []
        self._index: list[int] = []
        for rule_id, entry in enumerate(ruler.patterns):
            self._add(rule_id, entry)
        self._cache: dict[tuple[int, ...], Cached] = {}

    def _add(self, rule_id: int, entry: dict[str, Any]) -> None:
        attrs = normalize_token_attrs(self.vocab, entry["attrs"])
        if "_" in attrs or set(attrs) - set(SET):
            raise UnsupportedRules(f"rule {rule_id} sets {sorted(attrs)}")
        for pattern in entry["patterns"]:
            if len(pattern) == 1 and set(pattern[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                raise UnsupportedRules(f"rule {rule_id} reads {sorted(pattern[0])}")
            if len(pattern) == 1:
                self._single.add(str(rule_id), [pattern])
            else:
                self._multi.append((rule_id, self._needs(pattern), Matcher(self.vocab, validate=False)))
                self._multi[-1][2].add(str(rule_id), [pattern])
        self._rules.append(attrs)
        self._index.append(entry["index"])

    def _needs(self, pattern: list[dict[str, Any]]) -> list[tuple[int, frozenset[int]]]:
        """For each token of a pattern that asks for given words, tags or labels: the column and its values."""
        needs = []
        for spec in pattern:
            for name, column in (("TAG", 0), ("LOWER", 1), ("DEP", 2)):
                options = _exact(spec.get(name))
                if options is not None:
                    needs.append((column, frozenset(self.vocab.strings.add(v) for v in options)))
        return needs

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(KEY).tolist()
        values: Any = doc.to_array(SET)  # uint64, as from_array wants it back
        special = self._multi_hits(doc, [set(column) for column in zip(*keys, strict=True)])
        for i, key in enumerate(keys):
            ids, writes = self._matching(doc, i, tuple(key))
            if i in special:
                writes = self._writes(tuple(sorted(ids + tuple(special[i]))))
            for column, value in writes:
                values[i, column] = value
        doc.from_array(SET, values)
        return doc

    def _matching(self, doc: Doc, i: int, key: tuple[int, ...]) -> Cached:
        """The one-token rules that match token ``i`` in the ruler's order, and what they write together."""
        cached = self._cache.get(key)
        if cached is None:
            found = self._single(doc[i : i + 1], allow_missing=True, as_spans=False)
            ids = tuple(sorted(int(self.vocab.strings[match_id]) for match_id, _, _ in found))
            cached = (ids, self._writes(ids))
            if len(self._cache) < CACHED_KEYS:
                self._cache[key] = cached
        return cached

    def _writes(self, ids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs of rules ``ids`` applied in order: a later rule's value wins."""
        merged: dict[int, int] = {}
        for rule_id in ids:
            for attr, value in self._rules[rule_id].items():
                merged[_COLUMN[attr]] = value
        return tuple(merged.items())

    def _multi_hits(self, doc: Doc, present: list[set[int]]) -> dict[int, list[int]]:
        """Token index -> the several-token rules that set it. A pattern is run only on a Doc that holds
        the words, tags and labels it asks for (``present``: the values of each KEY column)."""
        hits: dict[int, list[int]] = {}
        for rule_id, needs, matcher in self._multi:
            if not all(wanted & present[column] for column, wanted in needs):
                continue
            for _, start, end in matcher(doc, allow_missing=True, as_spans=False):
                hits.setdefault(doc[start:end][self._index[rule_id]].i, []).append(rule_id)
        return hits


class Lemmas:
    """A spaCy ``Lemmatizer`` in rule or lookup mode, callable on a Doc like the lemmatizer itself."""

    def __init__(self, lemmatizer: Any) -> None:
        if lemmatizer.mode not in ("rule", "lookup"):
            raise UnsupportedRules(f"lemmatizer mode {lemmatizer.mode!r} may read more than a token's word and tags")
        if not getattr(lemmatizer, "_validated", True):
            lemmatizer._validate_tables()  # as its first call would: missing tables are an error
        self.lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if overwrite or lemma == 0:
                values[i, 3] = self._lemma(doc, i, (orth, pos, morph))
        doc.from_array([LEMMA], values[:, 3:])
        return doc

    def _lemma(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        """The lemma's hash, added to the vocabulary's strings the first time it is seen."""
        cached = self._cache.get(key)
        if cached is None:
            cached = self.lemmatizer.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            if len(self._cache) < CACHED_KEYS:
                self._cache[key] = cached
        return cached


def _exact(wanted: Any) -> list[str] | None:
    """The values a token pattern's attribute accepts, when it lists them ("gon", {"IN": ["is", "are"]})."""
    if isinstance(wanted, str):
        return [wanted]
    return wanted.get("IN") if isinstance(wanted, dict) else None
