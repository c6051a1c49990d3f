"""Each hard case of the demo corpus, resolved across reports (one test per case)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rashomon.demo import run_demo
from rashomon.report import export_json
from rashomon.settings import Settings


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store, _ = run_demo(Settings(), tmp_path_factory.mktemp("demo") / "demo.sqlite")
    with store:
        data = export_json(store)
    main = max(data["stories"], key=lambda s: len(s["articles"]))
    return json.loads(json.dumps(main))


def _claims(story: dict[str, Any], slot: dict[str, Any]) -> list[dict[str, Any]]:
    by_id = {c["id"]: c for c in story["claims"]}
    return [by_id[i] for i in slot["claim_ids"]]


def _slot(story: dict[str, Any], predicate: str, status: str | None = None) -> dict[str, Any]:
    slots = [s for s in story["slots"] if s["predicate"] == predicate and (status is None or s["status"] == status)]
    assert slots, f"no {predicate} slot with status {status}: {[(s['predicate'], s['status']) for s in story['slots']]}"
    return max(slots, key=lambda s: len(s["claim_ids"]))


def test_every_report_of_the_raid_is_one_story(story: dict[str, Any]) -> None:
    assert len(story["articles"]) == 10
    assert {a["outlet"] for a in story["articles"]} >= {"Northwire", "The Daily Lantern", "ClickPulse", "Radio Kestrel"}


def test_one_figure_from_two_named_sources_is_a_conflict(story: dict[str, Any]) -> None:
    slot = _slot(story, "killed", "conflict")
    speakers = {(c["speaker"] or {}).get("name") for c in _claims(story, slot)}
    values = {c["value"]["text"] for c in _claims(story, slot)}
    assert "Interior Ministry" in speakers and "Lina Osterhout" in speakers
    assert "14" in values and any("40" in v for v in values)


def test_relayed_claim_names_its_relay(story: dict[str, Any]) -> None:
    fled = [c for c in story["claims"] if c["predicate"] == "fled" and c["via"]]
    assert fled and fled[0]["speaker"]["name"] == "Tomas Reyl" and fled[0]["via"] == ["Radio Kestrel"]


def test_vague_amount_is_a_range(story: dict[str, Any]) -> None:
    dozens = [c for c in story["claims"] if c["value"]["text"].lower() == "dozens"]
    assert dozens and all(c["value"]["low"] < c["value"]["high"] and c["value"]["approximate"] for c in dozens)


def test_a_figure_that_falls_day_by_day_is_an_evolution(story: dict[str, Any]) -> None:
    slot = _slot(story, "held", "evolving")
    days = sorted({c["as_of"] for c in _claims(story, slot)})
    assert len(days) >= 2
    assert [p[1] for p in slot["timeline"]] == sorted([p[1] for p in slot["timeline"]], reverse=True)


def test_the_low_quality_report_names_no_source_for_its_figures(story: dict[str, Any]) -> None:
    low = next(a for a in story["articles"] if a["outlet"] == "ClickPulse")
    claims = [c for c in story["claims"] if c["article_id"] == low["id"]]
    assert claims
    named = [c for c in claims if c["speaker"] and c["speaker"]["entity_id"]]
    assert named == []
    assert "Leave a Reply" not in low["text"] and low["author_bio"]


def test_two_spellings_of_the_town_are_one_place(story: dict[str, Any]) -> None:
    towns = [e for e in story["entities"] if {"Velmora", "Vellmora"} <= {e["name"], *e["aliases"]}]
    assert len(towns) == 1


def test_the_wire_copy_is_marked_and_counted_once(story: dict[str, Any]) -> None:
    lantern = next(a for a in story["articles"] if a["outlet"] == "The Daily Lantern")
    assert lantern["copy_of"] is not None
    in_slots = {i for s in story["slots"] for i in s["claim_ids"]}
    assert not any(c["article_id"] == lantern["id"] and c["id"] in in_slots for c in story["claims"])


def test_derived_figures_cite_their_claims_and_rule(story: dict[str, Any]) -> None:
    for d in story["derived"]:
        assert len(d["from"]) == 2 and "=" in d["rule"]


def test_demo_export_is_the_same_when_run_again(tmp_path: Path, story: dict[str, Any]) -> None:
    store, _ = run_demo(Settings(), tmp_path / "again.sqlite")
    with store:
        again = max(export_json(store)["stories"], key=lambda s: len(s["articles"]))
    assert json.loads(json.dumps(again)) == story
