from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from rashomon.extract import extract
from rashomon.records import Article, Claim, Extraction
from tests.conftest import CNN_SEED, SEEDS, TRN_SEED, needs_seeds, run_cli


def extraction(nlp: Callable[[str], Any], text: str, published: date = date(2026, 1, 20)) -> Extraction:
    article = Article(id=Article.make_id("Test", text), origin="t.txt", text=text, outlet="Test", published=published)
    return extract(article, nlp(text))


def claims(nlp: Callable[[str], Any], text: str, published: date = date(2026, 1, 20)) -> list[Claim]:
    return list(extraction(nlp, text, published).claims)


def test_speaker_day_and_predicates_of_a_reported_figure(nlp: Callable[[str], Any]) -> None:
    found = claims(nlp, "Of the 120 who escaped, 81 have been captured, the ministry said Monday.")
    by_predicate = {c.predicate: c for c in found}
    assert by_predicate["escaped"].value.low == 120 and by_predicate["recaptured"].value.low == 81
    for c in found:
        assert c.speaker is not None and c.speaker.name == "ministry"
        assert c.as_of == date(2026, 1, 19) and c.stance == "asserted"


def test_relayed_claim_carries_its_relay_and_role(nlp: Callable[[str], Any]) -> None:
    [c] = claims(
        nlp, "SDF spokesperson Farhad Shami told Kurdish news site Rudaw that around 1,500 ISIS members had escaped."
    )
    assert c.predicate == "escaped" and c.value.approximate and c.value.low == c.value.high == 1500
    assert c.value.tolerance > 0 and c.value.span()[0] < 1500 < c.value.span()[1]
    assert c.speaker is not None and c.speaker.name == "Farhad Shami" and c.speaker.role == "SDF spokesperson"
    assert c.via == ("Rudaw",) and c.subject == "ISIS members"


def test_figure_in_the_outlets_own_voice_has_no_speaker(nlp: Callable[[str], Any]) -> None:
    [c] = claims(nlp, "Several ISIS militants remain unaccounted for.", date(2026, 1, 23))
    assert c.predicate == "at_large" and c.speaker is None and c.as_of == date(2026, 1, 23)
    assert c.value.low <= 5 <= c.value.high and not c.value.low <= 39 <= c.value.high


def test_a_disclaimer_makes_the_counts_unverified(nlp: Callable[[str], Any]) -> None:
    text = "The SDF said 1,500 escaped. The outlet cannot independently verify how many escaped."
    assert [c.stance for c in claims(nlp, text)] == ["unverified"]


def test_claim_verbs_and_hedges_set_the_stance(nlp: Callable[[str], Any]) -> None:
    [claimed] = claims(nlp, "Syrian authorities claim that most of the escapees have been recaptured.")
    assert claimed.stance == "claimed" and claimed.speaker is not None
    assert claimed.speaker.name == "Syrian authorities"
    [hedged] = claims(nlp, "Reportedly, 40 prisoners were killed in the riot.")
    assert hedged.stance == "hedged" and hedged.predicate == "killed"


def test_the_holder_of_a_population_is_its_subject(nlp: Callable[[str], Any]) -> None:
    [c] = claims(nlp, "The SDF withdrew from Al-Hol camp, which holds tens of thousands of ISIS-linked families.")
    assert c.predicate == "held" and "Al-Hol" in c.subject and c.value.low <= 20000 <= c.value.high


def test_populations_distances_and_ages_are_claims_in_their_own_units(nlp: Callable[[str], Any]) -> None:
    found = {
        c.value.text: c for c in claims(nlp, "The town, home to 40,000 people, lies 60 kilometres north of Dorsk.")
    }
    assert found["60"].frame is not None and (found["60"].frame.kind, found["60"].frame.unit) == (
        "measure",
        "kilometre",
    )
    population = found["40,000"].frame
    assert population is not None and (population.measure, population.counted) == ("population", "people")
    [age] = claims(nlp, "A 45-year-old man spoke in 2019.")
    assert age.frame is not None and age.frame.kind == "age" and age.value.low == 45


def test_the_same_text_and_metadata_always_give_the_same_records(nlp: Callable[[str], Any]) -> None:
    text = "Gunmen killed 14 people on Monday, the Interior Ministry said. Around 40 died, a doctor told Radio Kestrel."
    assert extraction(nlp, text) == extraction(nlp, text)


@needs_seeds()
def test_seed_claims_pass_the_seed_checker(tmp_path: Path) -> None:
    db = tmp_path / "seeds.sqlite"
    assert run_cli("ingest", str(TRN_SEED), str(CNN_SEED), db=db).returncode == 0
    export = tmp_path / "export.json"
    assert run_cli("export", "--format", "json", "--output", str(export), db=db).returncode == 0
    out = subprocess.run(
        [sys.executable, str(SEEDS / "check.py"), str(export), "--verbose"], capture_output=True, text=True
    )
    passed = {line.split()[1] for line in out.stdout.splitlines() if line.startswith("pass ")}
    facts = {
        "escaped-120",
        "recaptured-81",
        "escaped-1500",
        "held-thousands",
        "camp-tens-of-thousands",
        "at-large-several",
    }
    assert facts <= passed, out.stdout
    data = json.loads(export.read_text())
    for story in data["stories"]:
        escapes = [e for e in story["events"] if e["type"] == "escape" and e["date"] == "2026-01-19"]
        assert escapes, f"no escape dated 2026-01-19 in {story['articles'][0]['origin']}"


def test_officials_of_another_side_are_another_speaker_and_the_ministry_the_same_one(
    nlp: Callable[[str], Any],
) -> None:
    text = "Kurdish officials said 300 prisoners escaped. Iraqi officials said 150 prisoners escaped."
    assert [c.speaker.name for c in claims(nlp, text) if c.speaker] == ["Kurdish officials", "Iraqi officials"]
    text = "The interior ministry said 14 people were killed. The ministry said 20 were wounded."
    assert [c.speaker.name for c in claims(nlp, text) if c.speaker] == ["interior ministry", "interior ministry"]
