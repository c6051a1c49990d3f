from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rashomon.extract.entities import Found
from rashomon.extract.places import find_toponyms
from rashomon.geo.resolve import km


def _placed(nlp: Callable[[str], Any], text: str) -> dict[str, tuple[float, float, str]]:
    return {t.text: (t.geo.lat, t.geo.lon, t.geo.precision) for t in find_toponyms(nlp(text)) if t.geo}


def test_a_county_is_placed_as_a_district(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Flooding closed roads across Kent on Monday, and trains from Maidstone were cancelled.")
    lat, lon, precision = found["Kent"]
    assert precision == "2" and km((lat, lon), (51.2, 0.7)) < 50


def test_a_surname_of_a_person_in_the_text_is_not_a_place(nlp: Callable[[str], Any]) -> None:
    text = "Fox host Megyn Kelly interviewed the senator in Texas. Kelly said it would air on Sunday."
    second = text.rindex("Kelly")

    def mentions(kelly_type: str) -> list[Found]:
        return [
            Found(9, 20, "Megyn Kelly", "Megyn Kelly", "PERSON"),
            Found(48, 53, "Texas", "Texas", "GPE"),
            Found(second, second + 5, "Kelly", "Kelly", kelly_type),  # NER sometimes calls a lone surname an ORG
        ]

    assert second not in {t.start for t in find_toponyms(nlp(text), mentions("ORG"))}
    alone = text.replace("Megyn Kelly", "Megyn Smith")  # with no Kelly in the text, Kelly may be the US town
    alone_mentions = [Found(48, 53, "Texas", "Texas", "GPE"), mentions("ORG")[2]]
    assert second in {t.start for t in find_toponyms(nlp(alone), alone_mentions, learned=False)}
    # the trained model then weighs it: a name that says things is seldom a town
    assert second not in {t.start for t in find_toponyms(nlp(alone), alone_mentions)}


def test_a_town_opening_an_organisation_name_after_the_is_placed(nlp: Callable[[str], Any]) -> None:
    text = "Members of the Allendale Woman's Club met in Paterson, New Jersey, on Friday."
    starts = {t.text: t.start for t in find_toponyms(nlp(text))}
    assert text.index("Allendale") in starts.values()


def test_a_state_named_alone_is_the_state(nlp: Callable[[str], Any]) -> None:
    lat, lon, precision = _placed(nlp, "The senator flew to Texas on Monday.")["Texas"]
    assert precision == "3" and km((lat, lon), (31.0, -99.0)) < 300


def test_a_plural_nationality_is_people_not_a_place(nlp: Callable[[str], Any]) -> None:
    found = {t.text for t in find_toponyms(nlp("Mexicans and Canadians crossed into Texas; Mexican officials agreed."))}
    assert "Mexicans" not in found and "Canadians" not in found
    assert {"Texas", "Mexican"} <= found
    assert "Philippines" in {t.text for t in find_toponyms(nlp("Storms hit the Philippines on Monday."))}


def test_a_word_of_a_full_name_in_the_text_is_the_person_wherever_it_recurs(nlp: Callable[[str], Any]) -> None:
    text = "The court heard from Lynn Allen on Monday. Allen said the river flooded the road to Dallas."
    found = {t.text for t in find_toponyms(nlp(text))}
    assert "Allen" not in found and "Dallas" in found


def test_a_month_beside_a_number_is_a_date_and_a_two_letter_word_no_place(nlp: Callable[[str], Any]) -> None:
    text = "Britain says the Russian government was involved in the March 4 nerve agent poisoning of a former spy."
    found = {t.text for t in find_toponyms(nlp(text))}
    assert "March" not in found and {"Britain", "Russian"} <= found
    assert not find_toponyms(nlp("What about El Niño and La Niña this year?"))


def test_an_organisation_named_x_of_y_is_not_placed_at_a_town_called_x(nlp: Callable[[str], Any]) -> None:
    text = "Researchers at the University of California in Los Angeles said the drought would last."
    found = {t.text: t for t in find_toponyms(nlp(text))}
    assert "University" not in found and "Los Angeles" in found


def test_trinidad_is_the_island_nation(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Flights from Trinidad to Miami were cancelled on Monday.")
    lat, lon, _ = found["Trinidad"]
    assert km((lat, lon), (10.7, -61.3)) < 161


def test_a_town_followed_by_its_region_is_the_one_inside_it(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "The mayor of Paris, Texas, resigned on Monday.")
    assert km(found["Paris"][:2], (33.66, -95.56)) < 50 and found["Texas"][2] == "3"
    found = _placed(nlp, "Police in Perth, Scotland, arrested a man.")
    assert km(found["Perth"][:2], (56.40, -3.43)) < 50
    found = _placed(nlp, "Residents of Tacoma, Washington were told to stay home.")  # the state, not the capital
    assert found["Washington"][2] == "3" and km(found["Washington"][:2], (47.4, -120.5)) < 400


def test_names_in_a_list_are_not_a_town_and_its_region(nlp: Callable[[str], Any]) -> None:
    for text in ("Flights from Boston, New York and Chicago were cancelled.",
                 "Flights from Boston, New York, Chicago and Denver were cancelled."):  # fmt: skip
        found = _placed(nlp, text)
        assert km(found["New York"][:2], (40.71, -74.01)) < 20 and found["New York"][2] == "1"


def test_a_street_stands_in_the_texts_town_not_in_a_village_named_like_it(nlp: Callable[[str], Any]) -> None:
    text = (
        "New Orleans police closed Royal Street after the parade. "
        "Residents of New Orleans said Royal Street was packed."
    )
    assert km(_placed(nlp, text)["Royal Street"][:2], (29.95, -90.07)) < 20


def test_a_town_after_a_preposition_of_place_is_a_place_whatever_ner_calls_it(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "The suspect was arrested in Klamath Falls on Friday, Oregon police said.")
    assert km(found["Klamath Falls"][:2], (42.22, -121.78)) < 20
    assert "Kelly" not in _placed(nlp, "She spoke to Kelly about the plan.")  # to a person, not a place


def test_an_estate_or_a_theatre_stands_in_the_texts_town(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Residents of the South Kilburn Estate in London said the lifts had failed for a week.")
    lat, lon, precision = found["the South Kilburn Estate"]
    assert km((lat, lon), (51.51, -0.13)) < 30 and precision == "2"


def test_a_foreign_province_needs_the_texts_support_to_outrank_a_big_city(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Police in Manchester said the theatre would stay closed.")  # not Jamaica's parish
    assert km(found["Manchester"][:2], (53.48, -2.24)) < 20


def test_a_name_listed_with_states_is_the_state(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Storms hit Texas, Georgia and Florida on Monday.")
    assert found["Georgia"][2] == "3" and km(found["Georgia"][:2], (32.8, -83.4)) < 300  # not the country
    found = _placed(nlp, "Tech jobs left western states such as California or Washington because of high costs.")
    assert found["Washington"][2] == "3" and km(found["Washington"][:2], (47.4, -120.5)) < 400
    found = _placed(nlp, "Trips to Alaska, Florida and Washington, D.C., were planned.")  # the capital in its district
    assert km(found["Washington"][:2], (38.9, -77.04)) < 20


def test_the_dateline_places_itself_and_the_towns_of_the_report(nlp: Callable[[str], Any]) -> None:
    text = "HORRY COUNTY, SC (WMBF) - A homeless man who sleeps near the beach in Garden City asked for help."
    found = _placed(nlp, text)
    assert km(found["HORRY COUNTY"][:2], (33.9, -79.0)) < 80
    assert km(found["Garden City"][:2], (33.59, -79.01)) < 30  # not Singapore's
    found = _placed(nlp, "PLEASANTON, Calif. -- The company said its new plant would open in May.")
    assert km(found["PLEASANTON"][:2], (37.66, -121.87)) < 20
    assert "April" not in _placed(nlp, "LOS ANGELES, April 5, 2018 (WIRE) -- The firm said it had settled.")


def test_a_name_the_next_word_calls_a_province_is_the_province_not_its_capital(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Three civilians were killed in Aleppo province on Monday, the monitor said.")
    assert found["Aleppo"][2] == "3"  # an area, drawn as one, not a pin on the city
    found = _placed(nlp, "Shelling hit villages in Donetsk oblast overnight.")
    assert found["Donetsk"][2] == "3" and km(found["Donetsk"][:2], (48.0, 37.8)) < 100
    found = _placed(nlp, "Three civilians were killed in Aleppo on Monday, the monitor said.")
    assert found["Aleppo"][2] == "1"  # the city, named alone


def test_a_province_is_found_by_the_names_reports_use_for_it(nlp: Callable[[str], Any]) -> None:
    found = _placed(nlp, "Militants attacked an army post in Nineveh province, officials said.")
    assert km(found["Nineveh"][:2], (36.2, 42.8)) < 100  # Iraq's Ninawa, not a village in Ohio
    found = _placed(nlp, "Clashes in Salahuddin province left three dead.")
    assert km(found["Salahuddin province"][:2], (34.7, 43.9)) < 100 and found["Salahuddin province"][2] == "3"
    found = _placed(nlp, "Fighting continued in Kirkuk province on Monday.")
    assert found["Kirkuk"][2] == "3" and km(found["Kirkuk"][:2], (35.4, 44.1)) < 100
