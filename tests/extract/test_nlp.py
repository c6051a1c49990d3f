from __future__ import annotations

from rashomon.extract.attribution import find_attributions
from rashomon.extract.events import find_triggers
from rashomon.extract.nlp import for_model, parse


def test_the_model_reads_straight_apostrophes_inside_words_only() -> None:
    text = "Syria’s ministry said ‘they didn’t escape’ and O’Brien agreed."
    read = for_model(text)
    assert read == "Syria's ministry said ‘they didn't escape’ and O'Brien agreed."
    assert len(read) == len(text)  # offsets into the Doc are offsets into the article


def test_a_typographic_apostrophe_keeps_its_negation() -> None:
    doc = next(parse(["The prisoners didn’t escape from the camp."]))
    assert [t.modality for t in find_triggers(doc, [], [])] == ["negated"]


def test_a_typographic_contraction_is_not_a_speaker() -> None:
    doc = next(parse(["Officials don’t believe that 120 fled."]))
    [found] = find_attributions(doc, attitudes=True)
    assert found.source is not None and doc[found.source[0] : found.source[1]].text == "Officials"
