from __future__ import annotations

from typing import Any

from rashomon.extract import parse
from rashomon.extract.attribution import find_attributions
from rashomon.extract.events import find_triggers
from rashomon.nlp import DEFAULT_MODEL, for_model


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


def test_the_pipeline_multiplies_matrices_with_numpy_on_one_thread(nlp: Any) -> None:
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_info

    layers = [layer for _, proc in nlp.pipeline if getattr(proc, "model", None) for layer in proc.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)
    assert [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"] == [1]


def test_numpy_blas_gives_the_shipped_pipelines_annotations(nlp: Any) -> None:
    import spacy

    shipped = spacy.load(DEFAULT_MODEL)  # thinc's own BLIS, as spaCy ships it
    text = "SDF spokesperson Farhad Shami told Rudaw on Monday that 1,500 ISIS members escaped from Hasakah."
    assert [_annotation(t) for t in nlp(text)] == [_annotation(t) for t in shipped(text)]


def _annotation(tok: Any) -> tuple[str, ...]:
    return tok.tag_, tok.dep_, str(tok.head.i), tok.ent_iob_, tok.ent_type_, tok.lemma_
