"""Amounts in a parsed document, each as an interval with its unit and the thing counted.

Found: digits and number words, scales ("1.2 million"), currencies, percentages,
units, approximations and bounds ("around", "at least", "up to"), ranges
("between 20 and 30"), vague amounts ("dozens", "tens of thousands") and
proportions ("most of", "half of"). Not amounts: years, days of a date, times
of day, phone numbers, ordinals, identifiers ("Section 427", "F-16"). Ages and
durations are read (kind ``age``/``duration``) so that nothing mistakes them for counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache
from typing import Any

from rashomon.dates import MONTHS
from rashomon.extract.figure import Figure, age_bands, fractional_points, pair_figures, scaled_figures
from rashomon.extract.numbers import (
    DIGITS,
    SPACED_DIGITS,
    number_words_pattern,
    parse_digits,
    parse_number_words,
    scales,
)
from rashomon.extract.pairs import day_ranges
from rashomon.extract.spans import without_overlaps
from rashomon.lexicons import lexicon, phrase_pattern
from rashomon.nlp import text_of
from rashomon.records import Quantity, Span, content_id

Doc = Any  # spacy.tokens.Doc: spaCy ships no type stubs

MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
CALIBER_AFTER = re.compile(r"^[\s-]*(?:caliber|calibre|magnum|mm)\b", re.I)
TIME_AFTER = re.compile(
    r"^\s?(?::\d\d|[.:]\d\d\s?[ap]\.?m|\s?[ap]\.?m\.?(?!\w)|\s?[ap]\.\s?m\.|\s?(?:GMT|UTC|EST|EDT|CET|BST)\b|\s?o'clock)",
    re.I,
)
SCALE_WORDS = re.compile(r"^(?:\s?(?:hundred|thousand|million|billion|trillion|dozen)\b)+", re.I)
SCALE_SHORT = re.compile(r"^\s?(?:bn|Bn|mn|mln|tn|[kKmMbB])(?![\w])")
CURRENCY_AFTER_CODE = re.compile(r"^\s?([A-Z]{3})\b")
CURRENCY_WORD_AFTER = re.compile(r"^\s?([A-Za-z]+)\b")
TIMES_AFTER = re.compile(  # "three times the figure", "five times as many"; not "shot 11 times" (a count)
    r"^\s+times\s+(?:as|more|less|fewer|larger|bigger|higher|greater|smaller|lower|faster|slower|longer|the|that|"
    r"what|its|their|his|her|our|over|a|an|this|those|these)\b",
    re.I,
)
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
PERCENT_AFTER = re.compile(r"^\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)", re.I)
LETTERS_AFTER = re.compile(r"^(?:[A-Za-z°][A-Za-z°/-]*)")
AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?|months?)[\s-]*old\b", re.I)
AGE_BEFORE = re.compile(r"(?:\baged?|\bage\s+of|\bages\s+of)\s*$", re.I)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b")
URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
STAMP = re.compile(r"\b\d{4}-\d\d-\d\d(?:T[\d:.]+Z?)?|\b(?:1[89]|20)\d\d[-–/]\d\d\b")
APPOSITIVE_AGE = re.compile(r"(?<=[a-z]), \d{1,3}(?:,(?= )|(?=[.;)]\s|[.;)]?$))", re.M)
NEGATIVE = re.compile(r"(?:(?<![\w\d.,-])[-−]|\bminus[\s-])$", re.I)
FRACTION_AFTER = re.compile(r"^(\s|-)(half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b", re.I)
UNIT_BEFORE = re.compile(r"\b(magnitude|richter)(?:\s+of)?(?:\s+|-)$", re.I)
OR_MORE = re.compile(r"^\s+or\s+(?:more|over|above)\b", re.I)
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$", re.I)
RANGE_OPEN = re.compile(r"(?:\bbetween|\bfrom)\s+$", re.I)


@cache
def _amounts() -> dict[str, Any]:
    return lexicon("amounts")


def parse_cues(stance: bool = False) -> list[str]:
    """Where quantities read the parse, besides every number: the words for amounts ("dozens", "half",
    "million"; two-letter words such as "a" are too common to count)."""
    keys = ("number_words", "vague", "proportions", "fractions", "scales")
    return [w for k in keys for w in _amounts()[k] if len(w) > 2]


@cache
def _modifier_patterns() -> dict[str, re.Pattern[str]]:
    a = _amounts()
    return {
        name: re.compile(phrase_pattern(a[name]) + r"\s*$", re.I) for name in ("approximate", "at_least", "at_most")
    }


def _bound(pats: dict[str, re.Pattern[str]], before: str) -> tuple[str, int] | None:
    """The bound written before a figure, and where it starts: the longer phrase wins, so that "no more
    than 200" is at most 200, not "more than" it."""
    found = [(m.start(), name) for name in ("at_least", "at_most") if (m := pats[name].search(before))]
    if not found:
        return None
    start, name = min(found)
    return name, start


@cache
def _vague_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(list(_amounts()["vague"])), re.I)


@cache
def _proportion_pattern() -> re.Pattern[str]:
    words = phrase_pattern(list(_amounts()["proportions"]))
    return re.compile(words + r"(?=\s+(?:of|the|their|its|his|her|those|these)\b)", re.I)


@cache
def _currency_pattern() -> re.Pattern[str]:
    signs = sorted(_amounts()["currencies"], key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(s) for s in signs) + r")\s?-?$")


# -- finding figures -------------------------------------------------------------------
def find_figures(doc: Doc) -> list[Figure]:
    """Every amount in ``doc``, in text order, overlaps resolved (longest first)."""
    text: str = text_of(doc)
    days = day_ranges(text)
    blocked = [(m.start(), m.end()) for p in (PHONE, URLISH, STAMP) for m in p.finditer(text)] + days
    bands = age_bands(text)  # "aged 5 to 11": two ages, not a range of counts
    paired = [f for f in pair_figures(text, days) if not _inside(f, blocked) and not _inside_band(f, bands)]
    paired = sorted(paired + bands, key=lambda f: f.start)  # scores, tallies and age bands come first
    ages = _ages(doc, text)
    # a number set off by commas after a word that is no age ("the tally, 34, ...") is left alone
    blocked += [(m.start(), m.end()) for m in APPOSITIVE_AGE.finditer(text) if not _inside_any(m, ages)]
    found = ages + _digit_figures(doc, text) + _word_figures(doc, text) + _vague_figures(doc, text)
    found = [f for f in found if not _inside(f, blocked + [(p.start, p.end) for p in paired])]
    return sorted(_merge_ranges(text, without_overlaps(found)) + paired, key=lambda f: f.start)


def _inside_band(f: Figure, bands: list[Figure]) -> bool:
    return any(b.start <= f.start < b.end or f.start <= b.start < f.end for b in bands)


def _inside(f: Figure, spans: list[tuple[int, int]]) -> bool:
    return any(s <= f.start < e or s < f.end <= e for s, e in spans)


def _inside_any(m: re.Match[str], figures: list[Figure]) -> bool:
    return any(m.start() <= f.start < m.end() for f in figures)


def _ages(doc: Doc, text: str) -> list[Figure]:
    """ "Zurana Horton, 34, a mother of 12": an age set off by commas after a name or a noun."""
    out = []
    for m in APPOSITIVE_AGE.finditer(text):
        tok = _token_at(doc, m.start() - 1)
        if tok is None or tok.tag_ not in ("NNP", "NN", "NNPS"):
            continue
        digits = re.search(r"\d+", m.group())
        assert digits is not None
        value = float(digits.group())
        start = m.start() + digits.start()
        out.append(Figure(start, start + len(digits.group()), value, value, (value,), kind="age", unit="year of age"))
    return out


def _digit_figures(doc: Doc, text: str) -> list[Figure]:
    out = []
    spaced = [
        m
        for m in SPACED_DIGITS.finditer(text)
        if not re.search(MONTH_WORD + r"\s*$", text[max(0, m.start() - 12) : m.start()], re.I)
    ]
    plain = [m for m in DIGITS.finditer(text) if not any(s.start() <= m.start() < s.end() for s in spaced)]
    for m in sorted(spaced + plain, key=lambda m: m.start()):
        fig = _digit_figure(doc, text, m)
        if fig is not None:
            out.append(fig)
    return out


def _digit_figure(doc: Doc, text: str, m: re.Match[str]) -> Figure | None:
    before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
    currency = _currency_pattern().search(before)
    negative = (currency is not None and currency.group().rstrip().endswith("-")) or NEGATIVE.search(before)
    if currency is None and _not_a_figure(text, m, before, after):
        return None
    start = currency.start() + max(0, m.start() - 40) if currency else m.start()
    if negative and currency is None:
        start = m.start() - len(negative.group()) if isinstance(negative, re.Match) else start
        before = text[max(0, start - 40) : start]
    value = -parse_digits(m.group()) if negative else parse_digits(m.group())
    end, value, unit, kind = _scale_and_unit(text, m.end(), value, currency, decimal="." in m.group())
    if kind == "skip" or (kind == "count" and _year_or_identifier(doc, text, m, before)):
        return None
    if TIMES_AFTER.match(text[end:]):
        kind = "multiplier"  # "three times the figure"
    if AGE_AFTER.match(text[m.end() :]) or AGE_BEFORE.search(before):
        kind, unit = "age", "year of age"
    return _with_context(doc, text, Figure(start, end, value, value, (value,), kind=kind, unit=unit))


def _not_a_figure(text: str, m: re.Match[str], before: str, after: str) -> bool:
    """Part of a code, a time, a footnote or a date, whatever its unit."""
    value = parse_digits(m.group())
    code = re.search(r"[A-Za-z]-?$|#$|:$|/\s?$", before) and not UNIT_BEFORE.search(before)  # not "magnitude-6.1"
    if code or TIME_AFTER.match(after) or _model_code(m, before, after):
        return True  # F-16, mk5, #3, 10:30, 10 p.m., AK 47
    if re.match(r"\s?/\s?\d", after) or (m.group().startswith(".") and CALIBER_AFTER.match(after)):
        return True  # "9/11", "24/7", "11 / 27 / 2005": a date or a name; ".357 magnum", ".38-caliber": a calibre
    if re.match(r"^\s+block\s+of\b", after, re.I):
        return True  # "the 12200 block of Main Street": an address
    if re.search(r"\(\s*$", before) and re.match(r"^\s*\)", after):
        return True  # a number alone in brackets: a jersey, a footnote
    day = value.is_integer() and 1 <= value <= 31
    month_before = re.search(MONTH_WORD + r"\s*$", before, re.I)
    return bool(day and (month_before or re.match(r"^\s*(?:st|nd|rd|th)?\s*" + MONTH_WORD + r"\b", after, re.I)))


def _model_code(m: re.Match[str], before: str, after: str) -> bool:
    """ "AK 47", "G 20", "F 16": capitals and a number naming a thing, not "US 2 billion" or "UN 300 troops"."""
    code = re.search(r"\b([A-Z]{1,3})\s$", before)
    if code is None or code.group(1) in ("US", "UN", "EU", "UK", "A", "I") or "," in m.group():
        return False
    return not (SCALE_WORDS.match(after) or PERCENT_AFTER.match(after))


def _year_or_identifier(doc: Doc, text: str, m: re.Match[str], before: str) -> bool:
    value = parse_digits(m.group())
    if "," in m.group() or not value.is_integer():
        return False
    if any(p.search(before) for p in _modifier_patterns().values()):
        return False  # "about 1000", "more than 2000"
    if 1000 <= value <= 2100 and (not _counts_plural_noun(doc, m.start()) or _year_of(doc, m.start(), before)):
        return True
    return _is_identifier(doc, m.start(), before)


def _scale_and_unit(
    text: str, end: int, value: float, currency: re.Match[str] | None, decimal: bool = False
) -> tuple[int, float, str | None, str]:
    """(end, value, unit, kind) once scales, percent signs and attached units are read."""
    rest = text[end:]
    if scale := SCALE_WORDS.match(rest):
        for word in scale.group().split():
            value *= scales()[word.lower()]
        end, rest = end + scale.end(), text[end + scale.end() :]
    elif (short := SCALE_SHORT.match(rest)) and _short_scale_applies(short.group(), currency, decimal):
        value *= scales()[short.group().lower()]
        end, rest = end + short.end(), text[end + short.end() :]
    if currency is not None:
        sign = currency.group().strip().rstrip("-").strip()
        return end, value, _amounts()["currencies"].get(sign, "money"), "money"
    if pct := PERCENT_AFTER.match(rest):
        return end + pct.end(), value, "percent", "percent"
    if ORDINAL_AFTER.match(rest):
        return end, value, None, "skip"
    code = CURRENCY_AFTER_CODE.match(rest)
    if code and code.group(1) in _amounts()["currencies"]:
        return end + code.end(), value, _amounts()["currencies"][code.group(1)], "money"
    named = CURRENCY_WORD_AFTER.match(rest)
    if named and named.group(1).lower() in _amounts()["currency_words"]:  # "5 million euros", "1.4 trillion rupee"
        return end + named.end(), value, _amounts()["currency_words"][named.group(1).lower()], "money"
    return _attached_unit(rest, end, value)


def _attached_unit(rest: str, end: int, value: float) -> tuple[int, float, str | None, str]:
    abbreviations = _amounts()["unit_abbreviations"]
    if hyphen := re.match(r"^-([A-Za-z][a-z]+)\b", rest):
        word = hyphen.group(1)
        unit = abbreviations.get(word.lower(), word)
        kind = "duration" if word.lower() in _amounts()["durations"] else "measure"
        return end + hyphen.end(), value, unit, kind
    if letters := LETTERS_AFTER.match(rest):
        two = re.match(r"^[A-Za-z°]+\s[A-Za-z]+\b", rest)
        for candidate in ([two.group()] if two else []) + [letters.group()]:
            unit = abbreviations.get(candidate.lower())
            if unit:
                return end + len(candidate), value, unit, "measure"
        return end, value, None, "skip"
    spaced = re.match(r"^\s([A-Za-z°][\w°/-]*(?:\s[a-z]{1,2}\b)?)", rest)
    if spaced:
        for candidate in (spaced.group(1), spaced.group(1).split()[0]):
            unit = (
                abbreviations.get(candidate.lower())
                if len(candidate) > 1 and candidate not in ("in", "am", "pm")
                else None
            )
            if unit:
                return end + 1 + len(candidate), value, unit, "measure"
    return end, value, None, "count"


def _short_scale_applies(word: str, currency: re.Match[str] | None, decimal: bool) -> bool:
    """ "$5m" and "2.7m sales" are millions; "100m" alone is a distance."""
    return currency is not None or word in ("M", "bn", "mn", "mln", "tn", "Bn") or (decimal and word == "m")


def _counts_plural_noun(doc: Doc, start: int) -> bool:
    tok = _token_at(doc, start)
    if tok is None:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    head_plural = tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i
    return bool(head_plural or (nxt is not None and nxt.tag_ in ("NNS", "NNPS")))


def _year_of(doc: Doc, start: int, before: str) -> bool:
    """ "the 2014 elections", "its 2020 budget": a year naming which of a recurring thing."""
    tok = _token_at(doc, start)
    nxt = doc[tok.i + 1] if tok is not None and tok.i + 1 < len(doc) else None
    determined = re.search(r"\b(?:the|its|their|his|her|our|this|that|last|next|in|since|of)\s+$", before, re.I)
    return bool(determined and nxt is not None and nxt.lower_ in _amounts()["year_nouns"])


def _is_identifier(doc: Doc, start: int, before: str) -> bool:
    word = re.search(r"([A-Za-z][\w.-]*)\s*$", before)
    if word is None:
        return False
    if word.group(1).lower() in _amounts()["identifier_labels"]:
        return True
    tok = _token_at(doc, start)
    if tok is not None and _names_a_formation(tok):
        return True
    prev = doc[tok.i - 1] if tok is not None and tok.i > 0 else None
    return bool(
        prev is not None
        and prev.tag_ == "NNP"
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and not _counts_plural_noun(doc, start)
    )


def _names_a_formation(tok: Any) -> bool:
    """ "the 223 YPG sniper unit", "the 106 Brigade": a number naming one unit, brigade or squadron (its noun
    singular), not counting them ("two units")."""
    if tok.dep_ != "nummod":
        return False
    node = tok.head
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    return node.tag_ in ("NN", "NNP") and node.lemma_.lower() in _amounts()["formation_nouns"]


def _word_figures(doc: Doc, text: str) -> list[Figure]:
    out = []
    for m in number_words_pattern().finditer(text):
        value = parse_number_words(m.group())
        if value is None or _pronoun_one(text, m) or _titlecase_name(doc, text, m.start()):
            continue
        if frac := FRACTION_AFTER.match(text[m.end() :]):
            denominator = _amounts()["fractions"][frac.group(2).lower()]
            fig = Figure(
                m.start(), m.end() + frac.end(), value / denominator, value / denominator, (value / denominator,)
            )
            out.append(_with_context(doc, text, replace(fig, kind="proportion", unit=_unit_after(doc, text, fig))))
            continue
        end, value, unit, kind = _scale_and_unit(text, m.end(), value, None)
        if kind == "skip":
            continue
        fig = Figure(m.start(), end, value, value, (value,), unit=unit, kind=kind)
        if TIMES_AFTER.match(text[end:]):
            fig = replace(fig, kind="multiplier")
        if AGE_AFTER.match(text[m.end() :]):
            fig = replace(fig, kind="age", unit="year of age")
        out.append(_with_context(doc, text, fig))
    return out


def _titlecase_name(doc: Doc, text: str, start: int) -> bool:
    """ "Apple One", "Formula One": a capitalised number word inside a name."""
    if not text[start].isupper():
        return False
    tok = _token_at(doc, start)
    return tok is not None and tok.i > 0 and not tok.is_sent_start and doc[tok.i - 1].text[:1].isupper()


def _pronoun_one(text: str, m: re.Match[str]) -> bool:
    if m.group().lower() != "one":
        return False
    before, after = text[max(0, m.start() - 12) : m.start()].lower(), text[m.end() : m.end() + 10].lower()
    return bool(
        re.search(r"\b(?:no|any|every|each|some|the|this|that|which)\s*$", before) or after.startswith(" another")
    )


def _vague_figures(doc: Doc, text: str) -> list[Figure]:
    out = []
    table = {k.lower(): v for k, v in _amounts()["vague"].items()}
    for m in _vague_pattern().finditer(text):
        if _counted_by_a_number(text, m.start()):
            continue  # "three decades": the unit of the figure before it, no vague amount of its own
        low, high = table[re.sub(r"\s+", " ", m.group().lower())]
        exact = low == high  # "a pair", "a dozen"
        fig = Figure(m.start(), m.end(), float(low), float(high), (float(low), float(high))[: 2 - exact],
                     approximate=not exact, vague=not exact)  # fmt: skip
        out.append(_with_context(doc, text, fig))
    out += [_with_context(doc, text, f) for f in scaled_figures(text)]
    out += [_with_context(doc, text, f) for f in fractional_points(text)]  # "half a percentage point"
    props = {k.lower(): v for k, v in _amounts()["proportions"].items()}
    for m in _proportion_pattern().finditer(text):
        if re.search(
            r"(?:first|second|third|fourth|last|other|the)\s+$", text[max(0, m.start() - 8) : m.start()], re.I
        ):
            continue  # "the second half of the game" is a period, not a share
        low, high = props[re.sub(r"\s+", " ", m.group().lower())]
        values = (float(low),) if low == high else (float(low), float(high))
        fig = Figure(m.start(), m.end(), float(low), float(high), values, kind="proportion", vague=low != high)
        out.append(_with_context(doc, text, replace(fig, unit=_unit_after(doc, text, fig) or "share")))
    return out


def _counted_by_a_number(text: str, start: int) -> bool:
    """Whether a number comes right before the word at ``start`` ("three decades", "5 dozens")."""
    word = re.search(r"(\S+)\s+$", text[max(0, start - 24) : start])
    return word is not None and (word.group(1)[-1].isdigit() or parse_number_words(word.group(1).lower()) is not None)


# -- context: bounds, approximation, change, unit --------------------------------------
def _with_context(doc: Doc, text: str, fig: Figure) -> Figure:
    before = text[max(0, fig.start - 40) : fig.start]
    pats = _modifier_patterns()
    spread = float(_amounts()["approximate_spread"])
    # One convention for bounds: "at least N" is [N, inf), "up to N" / "as many as N" is [0, N], and an
    # approximate figure keeps its point value with a stated tolerance (docs/export.md).
    if (m := pats["approximate"].search(before)) and not fig.vague:
        fig = replace(fig, start=m.start() + fig.start - len(before), approximate=True, change="~", tolerance=spread)
    elif (bound := _bound(pats, before)) is not None and bound[0] == "at_least":
        fig = replace(fig, start=bound[1] + fig.start - len(before), change=">", high=math.inf)
    elif bound is not None:
        fig = replace(fig, start=bound[1] + fig.start - len(before), change="<", low=0.0)
    elif (m := OR_MORE.match(text[fig.end : fig.end + 12])) and not fig.vague:
        fig = replace(fig, end=fig.end + m.end(), change=">", high=math.inf)  # "14 or more"
    elif not fig.vague:
        fig = replace(fig, change=_change_before(doc, fig.start))
    if fig.kind == "count" and (unit_before := UNIT_BEFORE.search(before)):
        return replace(fig, kind="measure", unit=unit_before.group(1).lower())  # "magnitude 5.9", "a magnitude of 6"
    if fig.unit is None and fig.kind in ("count",):
        unit = _unit_after(doc, text, fig)
        kind = "duration" if unit and unit.split()[-1].lower() in _amounts()["durations"] else fig.kind
        fig = replace(fig, unit=unit, kind=kind)
    return fig


def _change_before(doc: Doc, start: int) -> str:
    tok = _token_at(doc, start)
    if tok is None or tok.i == 0:
        return "="
    if doc[tok.i - 1].lower_ in ("to", "at", "of"):
        return "="
    window = [t.lower_ for t in doc[max(0, tok.i - 4) : tok.i]]
    if any(w in _amounts()["change_up"] for w in window):
        return "up"
    if any(w in _amounts()["change_down"] for w in window):
        return "down"
    return "="


def _unit_after(doc: Doc, text: str, fig: Figure) -> str | None:
    """The counted thing: the noun the figure modifies, or the noun after "of"."""
    last = _token_at(doc, max(fig.start, fig.end - 1))
    if last is None:
        return None
    head = last.head
    if (
        last.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
        and head.i > last.i
        and head.pos_ in ("NOUN", "PROPN")
    ):
        words = [t for t in doc[last.i + 1 : head.i + 1] if not t.is_punct]
        return " ".join(t.text for t in words) or None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is not None:
            words = [
                t for t in obj.subtree if t.i <= obj.i and t.dep_ not in ("det", "poss", "case") and not t.is_punct
            ]
            return " ".join(t.text for t in words) or None
    if nxt is not None and nxt.pos_ in ("NOUN",) and nxt.tag_ in ("NNS", "NN"):
        return str(nxt.text)
    return None


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """ "between 20 and 30", "20-30", "from 5 to 9": one figure with both values."""
    out: list[Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if prev is not None and _joins(text, prev, fig):
            out[-1] = _range(text, prev, fig)
            continue
        out.append(fig)
    return out


def _range(text: str, a: Figure, b: Figure) -> Figure:
    """Join "1 to 2 thousand" (the scale and unit written once, after the second figure)."""
    low = a.low
    raw_a, raw_b = text[a.start : a.end], text[b.start : b.end]
    scale = SCALE_WORDS.search(" " + raw_b.split(None, 1)[-1]) if " " in raw_b else None
    if scale and not SCALE_WORDS.search(" " + raw_a.split(None, 1)[-1]) and b.low / max(abs(a.low), 1e-9) >= 1000:
        low = a.low * round(b.low / max(parse_first_number(raw_b), 1e-9))
    kind = b.kind if a.kind == "count" else a.kind
    return replace(a, end=b.end, low=low, high=b.high, values=(low, *b.values), unit=b.unit or a.unit, kind=kind)


def parse_first_number(text: str) -> float:
    m = DIGITS.search(text)
    if m:
        return parse_digits(m.group())
    words = number_words_pattern().search(text)
    value = parse_number_words(words.group()) if words else None
    return value or 1.0


def _joins(text: str, a: Figure, b: Figure) -> bool:
    gap = text[a.end : b.start]
    if not RANGE_JOIN.match(gap) or a.vague or b.vague or a.kind not in ("count", b.kind):
        return False
    joiner = gap.strip().lower()
    if joiner in ("and", "or"):
        return bool(RANGE_OPEN.search(text[max(0, a.start - 12) : a.start]))
    # "claims fell 34,000 to 444,000": a change and the level it led to, no range
    return not (joiner == "to" and _moved_by(text, a) and b.low > LEVEL_RATIO * max(a.high, 0))


LEVEL_RATIO = 3  # "fell 34,000 to 444,000" (a change, then a level far above it), not "fell 5 to 10 percent"


def _moved_by(text: str, a: Figure) -> bool:
    """Whether a verb of movement comes right before the figure ("fell 34,000", "rose by 9,000")."""
    before = re.findall(r"[a-z]+", text[max(0, a.start - 20) : a.start].lower())
    if before and before[-1] == "by":
        before = before[:-1]
    return bool(before) and before[-1] in _amounts()["movement_verbs"]


def _token_at(doc: Doc, char: int) -> Any:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# -- records ---------------------------------------------------------------------------
def to_quantity(text: str, f: Figure, article_id: str) -> Quantity:
    surface = text[f.start : f.end]
    unit = f.unit if f.kind in ("money", "percent", "measure", "age", "duration") else None
    counted = f.unit if f.kind in ("count", "proportion") else None
    return Quantity(
        id=content_id("quantity", article_id, f.start, f.end), evidence=Span(article_id, f.start, f.end),
        text=surface, low=f.low, high=f.high, approximate=f.approximate, unit=unit, counted=counted,
        kind=f.kind, change=f.change, values=f.values,
    )  # fmt: skip
