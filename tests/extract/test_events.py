from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

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
    assert found["besiege"] == "COERCE" and found["accuse"] == "ACCUSE"
