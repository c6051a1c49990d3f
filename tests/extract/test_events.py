from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from rashomon.extract.entities import find_entities
from rashomon.extract.events import Trigger, find_triggers
from rashomon.extract.time import find_timexes


def triggers(nlp: Callable[[str], Any], text: str, dct: date = date(2026, 1, 20)) -> list[Trigger]:
    doc = nlp(text)
    return find_triggers(doc, find_entities(doc), find_timexes(text, dct))


def test_escape_with_place_and_date(nlp: Callable[[str], Any]) -> None:
    [t] = [t for t in triggers(nlp, "Detainees escaped from al-Shaddadi Prison on Monday.") if t.type == "escape"]
    assert t.date == date(2026, 1, 19) and t.place is not None and t.place.name == "al-Shaddadi prison"


def test_the_date_of_the_statement_is_not_the_events(nlp: Callable[[str], Any]) -> None:
    found = triggers(nlp, "The SDF withdrew from the camp, the ministry said Tuesday.")
    withdraw = next(t for t in found if t.type == "withdraw")
    assert withdraw.date is None


def test_negated_hypothetical_and_future_events_are_marked(nlp: Callable[[str], Any]) -> None:
    assert {t.modality for t in triggers(nlp, "The prisoners did not escape.")} == {"negated"}
    assert {t.modality for t in triggers(nlp, "The troops will withdraw next month.")} == {"future"}
    assert {t.modality for t in triggers(nlp, "Thousands could escape if the guards leave.")} == {"hypothetical"}


def test_plover_types(nlp: Callable[[str], Any]) -> None:
    found = {t.type: t.plover for t in triggers(nlp, "Government forces besieged the prison and accused the SDF.")}
    assert found["besiege"] == "COERCE" and found["accuse"] == "DISAPPROVE"  # PLOVER: an accusation disapproves


def test_plover_codes_requests_as_demands_and_commitments_as_agreements(nlp: Callable[[str], Any]) -> None:
    asked = {t.type: t.plover for t in triggers(nlp, "The mayor asked the army for more tents.")}
    assert asked.get("request") == "DEMAND"
    for text in (
        "The rebels pledged to free the hostages.",
        "The ministry said it was willing to reopen talks.",
        "The governor offered to meet the strikers.",
    ):
        assert "AGREE" in {t.plover for t in triggers(nlp, text)}, text
    offered = "The ministry offered no evidence for the figure."  # an offer is an agreement only "to" do something
    assert "AGREE" not in {t.plover for t in triggers(nlp, offered)}


def test_plover_codes_attacks_by_conventional_military_force_as_fighting(nlp: Callable[[str], Any]) -> None:
    for text in (
        "Government warplanes killed 12 villagers on Tuesday.",
        "Artillery shelling hit the town overnight.",
        "Army troops attacked the rebel base at dawn.",
        "The forces launched rocket fire at the camp, killing 50.",
    ):
        codes = {t.plover for t in triggers(nlp, text) if t.type in ("attack", "kill")}
        assert codes == {"FIGHT"}, text
    for text in (  # violence of other means stays an assault
        "A suicide bomber killed 12 people at a market.",
        "Gunmen kidnapped and killed two aid workers.",
    ):
        codes = {t.plover for t in triggers(nlp, text) if t.type in ("attack", "kill")}
        assert codes == {"ASSAULT"}, text


def test_what_one_party_says_another_must_do_is_a_demand(nlp: Callable[[str], Any]) -> None:
    said = "The minister said the rebels must hand over their weapons before any talks."
    assert "DEMAND" in {t.plover for t in triggers(nlp, said)}
    guess = "There must have been two hundred people at the market."  # a guess, not a demand
    assert "DEMAND" not in {t.plover for t in triggers(nlp, guess)}


def test_a_threat_as_a_risk_is_no_threat_and_what_a_threat_names_has_not_happened(nlp: Callable[[str], Any]) -> None:
    risk = "The Department of Defense continues to respond to threats posed by militant remnants."
    assert [t for t in triggers(nlp, risk) if t.type == "threaten"] == []
    issued = {t.type: t.modality for t in triggers(nlp, "The rebels issued a threat to kill the hostages.")}
    assert issued["kill"] == "hypothetical"


def test_roads_and_bridges_blocked_are_a_protest(nlp: Callable[[str], Any]) -> None:
    assert "PROTEST" in {t.plover for t in triggers(nlp, "Farmers blocked the main road into the city for hours.")}
    assert "PROTEST" not in {t.plover for t in triggers(nlp, "The army blocked aid convoys to the town.")}


def test_plover_codes_mediation_riots_hunger_strikes_and_opposition(nlp: Callable[[str], Any]) -> None:
    assert "CONSULT" in {t.plover for t in triggers(nlp, "Qatar tried to mediate between the two parties.")}
    assert "PROTEST" in {t.plover for t in triggers(nlp, "Prisoners rioted in the jail on Monday.")}
    hunger = {t.plover for t in triggers(nlp, "Forty detainees began a hunger strike on Monday.")}
    assert "PROTEST" in hunger and "ASSAULT" not in hunger  # a hunger strike attacks nobody
    assert "REJECT" in {t.plover for t in triggers(nlp, "The party opposed the new constitution.")}


def test_what_the_writer_cannot_verify_is_no_event(nlp: Callable[[str], Any]) -> None:
    text = "The Courier cannot independently verify the number of inmates held there, nor how many escaped."
    assert [t for t in triggers(nlp, text) if t.type == "escape"] == []
    confirmed = "Police confirmed that 40 inmates escaped."  # a check that was made is no disclaimer
    assert [t.type for t in triggers(nlp, confirmed) if t.type == "escape"] == ["escape"]


def test_background_set_against_the_news_is_no_event(nlp: Callable[[str], Any]) -> None:
    text = "Despite these transfers, families of the fighters remain in the camp."
    assert [t for t in triggers(nlp, text) if t.type == "transfer"] == []
    assert [t.type for t in triggers(nlp, "The army transferred the prisoners to Erbil.") if t.type == "transfer"]


def test_an_event_named_under_a_possibility_takes_its_modality(nlp: Callable[[str], Any]) -> None:
    text = "Such a move could allow escaped militants to regroup in the desert."
    assert {t.modality for t in triggers(nlp, text) if t.type == "escape"} == {"hypothetical"}
    relative = "Militants who escaped last week could regroup in the desert."  # the escape itself happened
    assert {t.modality for t in triggers(nlp, relative) if t.type == "escape"} == {"asserted"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The United States is contemplating a full withdrawal of its troops from Syria.", "withdraw"),
        ("Dozens of prisoners tried to escape on Monday.", "escape"),
        ("The army threatened to attack the town.", "attack"),
    ],
)
def test_what_is_contemplated_tried_or_threatened_has_not_happened(
    nlp: Callable[[str], Any], text: str, kind: str
) -> None:
    assert {t.modality for t in triggers(nlp, text) if t.type == kind} == {"hypothetical"}


def test_what_is_alleged_or_failed_or_refused_is_no_fact(nlp: Callable[[str], Any]) -> None:
    alleged = triggers(nlp, "The SDF and the government accused each other of releasing the prisoners.")
    assert {t.modality for t in alleged if t.type == "release"} == {"hypothetical"}
    failed = triggers(nlp, "The SDF accused the coalition of failing to come to its aid.")
    assert {t.modality for t in failed if t.type == "aid"} == {"negated"}
    refused = triggers(nlp, "The army refused to withdraw from the town.")
    assert {t.modality for t in refused if t.type == "withdraw"} == {"negated"}


def test_a_verb_beside_a_demand_is_not_its_complement(nlp: Callable[[str], Any]) -> None:
    found = triggers(nlp, "The SDF demanded an inquiry and threatened to withdraw.")
    assert {t.modality for t in found if t.type == "threaten"} == {"asserted"}
    assert {t.modality for t in found if t.type == "withdraw"} == {"hypothetical"}


def test_an_act_said_of_a_state_of_affairs_is_no_event(nlp: Callable[[str], Any]) -> None:
    text = "With militants still at large, the security situation remains precarious, demanding continued vigilance."
    assert [t.type for t in triggers(nlp, text) if t.type == "demand"] == []
    assert [t.type for t in triggers(nlp, "Protesters demanded the release of the prisoners.") if t.type == "demand"]


def test_aid_blocked_or_cut_off_is_no_aid(nlp: Callable[[str], Any]) -> None:
    assert {t.modality for t in triggers(nlp, "The army blocked aid to the town.") if t.type == "aid"} == {"negated"}
    cut = triggers(nlp, "Rebels cut off water supplies to the city.")
    assert {t.modality for t in cut if t.type == "aid"} == {"negated"}
    given = triggers(nlp, "The UN delivered aid to the town.")
    assert {t.modality for t in given if t.type == "aid"} == {"asserted"}


def test_what_was_done_stays_asserted(nlp: Callable[[str], Any]) -> None:
    assert {t.modality for t in triggers(nlp, "Government forces withdrew from the town on Sunday.")} == {"asserted"}
    assert {t.modality for t in triggers(nlp, "The rebels attacked the town on Sunday.")} == {"asserted"}
    after = triggers(nlp, "After escaping from the prison, the men fled to the desert.")
    assert {t.modality for t in after if t.type == "escape"} == {"asserted"}


def test_one_happening_mentioned_three_times_is_one_event_and_its_claims_point_at_it(
    nlp: Callable[[str], Any],
) -> None:
    from rashomon.extract import extract
    from rashomon.records import Article

    text = (
        "Inmates escaped from Dorsk prison on Monday. The escape began at dawn, guards said. "
        "After the escape, 40 inmates were still missing. Separately, two soldiers escaped from Vell jail on Friday."
    )
    article = Article(id="a1", origin="t.txt", text=text, published=date(2026, 1, 20))
    x = extract(article, nlp(text))
    escapes = [e for e in x.events if e.type == "escape"]
    assert len(escapes) == 2  # Monday's at Dorsk, mentioned three times; Friday's elsewhere
    assert sorted(len(e.mentions) for e in escapes) == [1, 3]
    ids = {e.id for e in x.events}
    assert all(c.event_id in ids for c in x.claims if c.event_id)
