"""Selective NLP: entities and sentences everywhere, the parse only where extraction reads it."""

from __future__ import annotations

from typing import Any

import numpy
import pytest

from rashomon.extract import parse, parse_cues
from rashomon.extract.entities import NER_TYPES
from rashomon.nlp import DEFAULT_MODEL
from rashomon.nlp.selective import (
    CORE_MARGIN,
    NAME_MARGIN,
    _predict_from,
    name_windows,
    parse_runs,
    selective_plan,
)

QUIET = "The weather in Lyon was mild and sunny."
FLED = "The prisoners fled towards Hasakah."


def _one(text: str, selective: bool = True) -> Any:
    return next(parse([text], selective=selective))


def _plan() -> Any:
    plan = selective_plan(DEFAULT_MODEL, parse_cues())
    assert plan is not None, "the default pipeline has a senter and its own NER vectors: it can run selectively"
    return plan


def test_a_sentence_without_amount_cue_or_trigger_keeps_entities_and_boundaries_but_no_parse() -> None:
    text = f"{QUIET} Officials said 120 detainees escaped."
    doc = _one(text)
    quiet, busy = list(doc.sents)
    assert quiet.text == QUIET
    assert [t.dep_ for t in quiet] == [""] * len(quiet) and [t.lemma_ for t in quiet] == [""] * len(quiet)
    assert all(t.head.i == t.i for t in quiet)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in _one(text, selective=False).ents]
    assert "Lyon" in [e.text for e in doc.ents]
    assert busy.root.lemma_ == "say" and all(t.dep_ for t in busy)


def test_inflections_numbers_and_quotation_marks_make_a_sentence_worth_parsing() -> None:
    cues = _plan().cues
    for text in (FLED, "It took 3 hours.", 'He called it "a disaster".', "Several were hurt."):
        doc = _one(text, selective=False)
        assert cues.wanted(doc[:]), text
    assert not cues.wanted(_one(QUIET, selective=False)[:])


def test_the_words_of_a_cue_phrase_count_only_together() -> None:
    cues = _plan().cues
    wanted = {
        text: cues.wanted(_one(f"Reporters waited for the {text} in Juba.", selective=False)[:])
        for text in ("news conference", "news", "conference")
    }
    assert wanted == {"news conference": True, "news": False, "conference": False}


def test_verbs_of_stance_make_a_sentence_worth_parsing_only_when_stance_is_asked_for() -> None:
    ruled = "The court ruled in favour of the farmers."
    assert not any(t.dep_ for t in next(parse([ruled])))
    assert all(t.dep_ for t in next(parse([ruled], stance=True)))


def test_consecutive_wanted_sentences_are_parsed_as_one_run() -> None:
    doc = _one(f"{FLED} Two were caught. {QUIET} Five are missing.", selective=False)
    sents = list(doc.sents)
    assert parse_runs(doc, _plan().cues) == [(sents[0].start, sents[1].end), (sents[3].start, sents[3].end)]


def test_when_every_sentence_is_wanted_the_parse_is_the_full_pipelines() -> None:
    text = "SDF spokesperson Farhad Shami told Rudaw that 1,500 ISIS members escaped. Some 81 were recaptured."
    full, selective = _one(text, selective=False), _one(text)
    annotations = [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, str(t.morph)) for t in full]
    assert [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, str(t.morph)) for t in selective] == annotations
    assert [s.text for s in selective.sents] == [s.text for s in full.sents]


def test_full_parsing_on_request_parses_every_sentence() -> None:
    doc = _one(QUIET, selective=False)
    assert all(t.dep_ for t in doc) and doc[0].lemma_ == "the"


def test_a_text_with_nothing_to_parse_still_has_sentences_and_entities() -> None:
    doc = _one(f"{QUIET} It was quiet in Paris.")
    assert len(list(doc.sents)) == 2 and [e.text for e in doc.ents] == ["Lyon", "Paris"]


def test_empty_and_whitespace_texts_give_docs() -> None:
    assert [len(d) for d in parse(["", "  \n"])] == [0, 1]


PLAIN = "the water was cold and the wind was strong and the boats stayed in the harbour all day long"


def test_ner_runs_near_capitalised_words_and_name_heads_only_with_the_same_entities() -> None:
    text = f"Aid reached Hasakah on Monday. {PLAIN.capitalize()}, the coast guard said."
    doc, full = _one(text), _one(text, selective=False)
    windows = name_windows(doc)
    covered = {i for start, end in windows for i in range(start, end)}
    assert len(covered) < len(doc)  # the middle of the long plain stretch is read by no window
    assert _names(doc) == _names(full)  # names, the entities extraction reads
    assert "the coast guard" in [e.text for e in doc.ents]  # a lower-case head opens a window
    assert all(doc[i].ent_iob_ == "O" for i in range(len(doc)) if i not in covered)


def _names(doc: Any) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents if e.label_ in NER_TYPES]


def test_each_name_window_holds_its_margin_and_a_stopword_opening_a_sentence_is_no_name() -> None:
    doc = _one(f"The {PLAIN} near Juba.")
    juba = next(t.i for t in doc if t.text == "Juba")
    assert name_windows(doc) == [(juba - NAME_MARGIN, len(doc))]


def test_an_uncased_text_is_read_whole_by_ner() -> None:
    doc = _one(f"{PLAIN} near juba and {PLAIN}.")
    assert name_windows(doc) == [(0, len(doc))]


def test_entity_decisions_are_taken_near_names_and_fed_the_windows_vectors() -> None:
    text = f"Aid reached the town of Hasakah. {PLAIN.capitalize()} until Farhad Shami of the SDF arrived."
    doc, full = _one(text), _one(text, selective=False)
    cores = name_windows(doc, CORE_MARGIN)
    assert sum(end - start for start, end in cores) < sum(end - start for start, end in name_windows(doc))
    assert [e.text for e in doc.ents] == ["Hasakah", "Farhad Shami", "SDF"]
    assert _names(doc) == _names(full)  # the whole text's, decided on the cores alone


def test_vectors_that_do_not_match_their_documents_are_refused_and_the_encoder_is_put_back() -> None:
    ner = _plan().ner
    encoder = ner.model.layers[0]
    part = _one("Aid reached Hasakah.")
    with pytest.raises(ValueError, match="do not match"):
        _predict_from(ner, [part], numpy.zeros((len(part) + 1, 64), dtype="float32"))
    assert ner.model.layers[0] is encoder
