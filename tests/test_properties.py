"""Properties that hold for any input (Hypothesis draws the inputs; a bounded number of examples in
`make test`, more with FUZZ_EXAMPLES=N): decoding never fails but with a clear input error,
extraction never fails on arbitrary Unicode, and reconciliation keeps its invariants on random claims."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.errors import InputError
from rashomon.extract import extract
from rashomon.ingest.decode import decode
from rashomon.link.reconcile import reconcile
from rashomon.records import Article, Claim, Frame, Span, Speaker, Value

MORE = int(os.environ.get("FUZZ_EXAMPLES", "0"))
FAST = settings(max_examples=MORE or 200, deadline=None)
SLOW = settings(max_examples=MORE // 20 or 25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text of the kinds news pipelines choke on: right-to-left script, zero-width and combining marks, emoji,
# digits with separators, quotation marks that never close.
NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("0123456789,.-–%$€ \n\"'“”«»()")),
        st.sampled_from(["\u200b", "\u200f", "\u202e", "\u0301", "\ufeff", "🙂", "ن", "ש", "ß", "İ"]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=300,
)
WORDS = st.lists(
    st.sampled_from(
        ["killed", "12", "people", "at least", "dozens", "said", "police", "in", "Dorsk", "on", "Monday", "1,500",
         "escaped", "of", "the", "“", "”", "3-2", "half a million", "could", "if", "not", ".", ",", "ministry"]
    ),
    max_size=60,
).map(" ".join)  # fmt: skip


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_with_a_clear_input_error(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and encoding


@SLOW
@given(st.one_of(NASTY, WORDS))
def test_extraction_never_fails_and_its_spans_lie_in_the_text(nlp: Callable[[str], Any], text: str) -> None:
    if not text.strip():
        return
    article = Article(id="a", origin="fuzz", text=text, published=date(2026, 1, 20))
    x = extract(article, nlp(text))
    for c in x.claims:
        assert 0 <= c.evidence.start <= c.evidence.end <= len(text)
        assert c.value.low <= c.value.high
    for q in x.quantities:
        assert 0 <= q.evidence.start <= q.evidence.end <= len(text)


MEASURES = st.sampled_from(["killed", "escaped", "at_large", "held", "injured"])


@st.composite
def claims(draw: st.DrawFn) -> list[Claim]:
    out = []
    for i in range(draw(st.integers(1, 12))):
        low = draw(st.integers(0, 2000))
        high = draw(st.one_of(st.just(float(low)), st.integers(low, 3000).map(float), st.just(math.inf)))
        measure = draw(MEASURES)
        article = draw(st.sampled_from("abc"))
        speaker = draw(st.one_of(st.none(), st.sampled_from(["ministry", "hospital", "army"]).map(Speaker)))
        out.append(
            Claim(
                id=f"c{i}", article_id=article, subject="people", predicate=measure,
                value=Value(float(low), high, draw(st.booleans()), str(low), draw(st.sampled_from([0.0, 0.1]))),
                stance=draw(st.sampled_from(["asserted", "claimed", "projected"])),
                evidence=Span(article, 10 * i, 10 * i + 5), as_of=date(2026, 1, draw(st.integers(19, 23))),
                speaker=speaker, frame=Frame(measure=measure), figure=Span(article, 10 * i, 10 * i + 2),
            )
        )  # fmt: skip
    return out


@FAST
@given(claims())
def test_every_claim_is_in_one_slot_whose_consensus_lies_within_its_figures(drawn: list[Claim]) -> None:
    slots, _ = reconcile("s", drawn, {})
    placed = [i for s in slots for i in s.claim_ids]
    assert sorted(placed) == sorted(c.id for c in drawn)  # each claim once
    by_id = {c.id: c for c in drawn}
    for s in slots:
        assert len({by_id[i].predicate for i in s.claim_ids}) == 1  # one measure a slot
        if s.consensus is None:
            continue
        spans = [by_id[i].value.span() for i in s.claim_ids]
        assert min(lo for lo, _ in spans) <= s.consensus.low + 1e-9
        assert s.consensus.high <= max(hi for _, hi in spans) + 1e-9 or any(math.isinf(h) for _, h in spans)


@FAST
@given(st.integers(2, 500), st.integers(1, 499), st.sampled_from(["ministry", "hospital"]))
def test_a_part_never_shares_a_slot_with_its_whole(whole: int, part: int, speaker: str) -> None:
    part = min(part, whole - 1)
    text_whole = Claim(
        id="w", article_id="a", subject="people", predicate="killed", value=Value(whole, whole, False, str(whole)),
        stance="asserted", evidence=Span("a", 0, 40), as_of=date(2026, 1, 20), speaker=Speaker("ministry"),
        frame=Frame(measure="killed"), figure=Span("a", 0, 3),
    )  # fmt: skip
    text_part = Claim(
        id="p", article_id="a", subject="children", predicate="killed", value=Value(part, part, False, str(part)),
        stance="asserted", evidence=Span("a", 0, 40), as_of=date(2026, 1, 20), speaker=Speaker(speaker),
        frame=Frame(measure="killed", counted="child", part_of=0), figure=Span("a", 20, 23),
    )  # fmt: skip
    slots, _ = reconcile("s", [text_whole, text_part], {})
    assert not any({"w", "p"} <= set(s.claim_ids) for s in slots)
    assert not any(s.status == "conflict" for s in slots)
