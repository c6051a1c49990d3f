"""The cached attribute rules give spaCy's attribute ruler's result, token for token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.nlp.rules import AttributeRules, Lemmas, UnsupportedRules

TEXTS = [
    "SDF spokesperson Farhad Shami told Rudaw that 1,500 ISIS members had escaped from al-Sina'a prison.",
    "I'm gonna say it ain't so, let's go. We gotta leave!  Don't   wait\n\nthey're here. Y'all can't.",
    'The U.K. government\'s $2.5bn plan -- announced Monday -- was "dead on arrival", critics said; 40% agreed.',
    "Dozens were killed and hundreds more were wounded when shells hit the market, officials said on Tuesday.",
    "There were 40 wounded, and there's no water; there are fears that y' all will leave.",
]


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _through(nlp: Any, text: str, ruler: Callable[[Any], Any], component: str = "attribute_ruler") -> Any:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = ruler(doc) if name == component else proc(doc)
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_cached_rules_give_the_rulers_parts_of_speech_morphology_and_lemmas(nlp: Any, text: str) -> None:
    rules = AttributeRules(nlp.get_pipe("attribute_ruler"))
    expected = _annotations(nlp(text))
    assert _annotations(_through(nlp, text, rules)) == expected
    assert _annotations(_through(nlp, text, rules)) == expected  # again, now from the cache


@pytest.mark.parametrize("text", TEXTS)
def test_cached_lemmas_are_the_lemmatizers(nlp: Any, text: str) -> None:
    lemmas = Lemmas(nlp.get_pipe("lemmatizer"))
    expected = _annotations(nlp(text))
    assert _annotations(_through(nlp, text, lemmas, "lemmatizer")) == expected
    assert _annotations(_through(nlp, text, lemmas, "lemmatizer")) == expected  # again, now from the cache


def test_lemmas_set_by_the_attribute_rules_are_kept(nlp: Any) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = _through(nlp, "We're gonna win the wars.", lambda d: d, "lemmatizer")  # only the ruler's lemmas
    assert [t.lemma_ for t in doc] == ["we", "be", "go", "to", "", "", "", ""]
    doc[0].lemma_ = "us"  # a lemma already set is not the lemmatizer's to change (it does not overwrite)
    assert [t.lemma_ for t in Lemmas(lemmatizer)(doc)] == ["us", "be", "go", "to", "win", "the", "war", "."]


def test_several_token_rules_apply_to_their_target_token(nlp: Any) -> None:
    doc = _through(nlp, "We're gonna win, let's see.", AttributeRules(nlp.get_pipe("attribute_ruler")))
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["'s"] == "us"


def test_a_several_token_rule_is_skipped_only_where_its_words_are_missing(nlp: Any) -> None:
    rules = AttributeRules(nlp.get_pipe("attribute_ruler"))
    there = _through(nlp, "There were 40 wounded.", rules)
    assert there[0].dep_ == "expl" and there[1].pos_ == "VERB"  # the rule on what follows an expletive "there"
    plain = _through(nlp, "Forty were wounded.", rules)
    assert _annotations(plain) == _annotations(nlp("Forty were wounded."))


def test_rules_that_read_other_attributes_are_refused(nlp: Any) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"ENT_TYPE": "GPE"}]], {"POS": "PROPN"})
    with pytest.raises(UnsupportedRules):
        AttributeRules(ruler)
