from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rashomon.extract.entities import find_entities


def test_aliases_acronyms_and_transliterations_share_one_id(nlp: Callable[[str], Any]) -> None:
    doc = nlp("The SDF, or Syrian Democratic Forces, also known as QSD, withdrew. Daesh and ISIS fighters fled.")
    found = find_entities(doc)
    sdf = {f.entity_id for f in found if f.text in ("SDF", "Syrian Democratic Forces", "QSD")}
    isis = {f.entity_id for f in found if f.text in ("Daesh", "ISIS")}
    assert len(sdf) == 1 and len(isis) == 1 and sdf != isis


def test_camp_spellings_are_one_entity(nlp: Callable[[str], Any]) -> None:
    found = find_entities(nlp("Guards left Al-Hol camp. Families at the al-Hawl camp waited."))
    camps = {f.entity_id for f in found if f.type == "FAC"}
    assert len(camps) == 1


def test_role_and_affiliation_are_split_from_the_name(nlp: Callable[[str], Any]) -> None:
    found = find_entities(nlp("SDF spokesperson Farhad Shami spoke on Monday."))
    person = next(f for f in found if f.type == "PERSON")
    assert person.name == "Farhad Shami"
    assert person.role == "SDF spokesperson" and person.affiliation == "Syrian Democratic Forces"


def test_appositive_role(nlp: Callable[[str], Any]) -> None:
    found = find_entities(nlp("Nanar Hawach, a Syria analyst with the International Crisis Group, said so."))
    person = next(f for f in found if f.type == "PERSON")
    assert person.name == "Nanar Hawach" and person.role is not None and "analyst" in person.role
