"""Slots on hand-written reports: which figures a story lines up, and which disagreements it flags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from rashomon.extract import extract
from rashomon.link.reconcile import reconcile
from rashomon.nlp import load_pipeline
from rashomon.records import Article, Claim, Slot


@pytest.fixture(scope="module")
def nlp() -> Callable[[str], Any]:
    return load_pipeline()  # type: ignore[no-any-return]


Story = list[tuple[Slot, list[Claim]]]


def story(nlp: Callable[[str], Any], *reports: str) -> Story:
    """Each report from its own outlet, a day apart; the story's slots with their claims."""
    claims = []
    for n, text in enumerate(reports):
        article = Article(id=f"r{n}", origin=f"r{n}.txt", text=text, outlet=f"Outlet {n}",
                          published=date(2026, 1, 20) + timedelta(days=n))  # fmt: skip
        claims += extract(article, nlp(text)).claims
    by_id = {c.id: c for c in claims}
    slots, _ = reconcile("s", claims, {})
    return [(s, [by_id[i] for i in s.claim_ids]) for s in slots]


def flagged(found: Story) -> list[set[str]]:
    return [{c.value.text for c in members} for s, members in found if s.status in ("conflict", "evolving")]


def slot_of(found: Story, text: str, article: str) -> Slot:
    return next(s for s, members in found if any(c.value.text == text and c.article_id == article for c in members))


def test_two_sources_in_one_report_giving_two_tolls_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp, "The ministry said 14 people were killed. The hospital director said around 40 people were killed."
    )
    assert flagged(found) == [{"14", "around 40"}]
    assert slot_of(found, "14", "r0").status == "conflict"


def test_civilians_and_soldiers_counted_in_one_sentence_are_two_quantities(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The strike killed 40 civilians and 12 soldiers, the monitor said.",
        "Government officials said 12 soldiers were killed in the strike.",
    )
    assert flagged(found) == []
    assert slot_of(found, "40", "r0") != slot_of(found, "12", "r0")


def test_a_whole_and_its_part_are_never_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The strike caused 90 deaths, including 70 children, a doctor said. The ministry said 90 people died.",
        "About 6,000 people are missing, the Red Cross said, and the UN said 200 children are among them.",
    )
    assert flagged(found) == []
    assert slot_of(found, "90", "r0") != slot_of(found, "70", "r0")


def test_figures_of_two_periods_are_not_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp, "The agency said 1,500 people fled on Monday, while the UN said 20,000 people had fled in recent weeks."
    )
    assert flagged(found) == []


def test_a_source_giving_two_tolls_says_two_things(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The Observatory said 194 people were killed in 48 hours and 12 people were killed in Damascus. "
        "Civil defence workers said 61 people were killed on Tuesday.",
    )
    assert flagged(found) == []


def test_a_projection_is_not_a_claim_of_fact(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp, "The ministry said 14 people were killed. The UN warned that thousands of people could be killed."
    )
    assert flagged(found) == []
    thousands = next(c for _, members in found for c in members if c.value.text == "thousands")
    assert thousands.stance == "projected"


def test_a_figure_that_falls_from_one_day_to_the_next_evolves(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Eighteen people are still held by the rebels, the ministry said.",
        "Nine residents remain in the hands of the rebels, the governor said.",
    )
    slot = slot_of(found, "Eighteen", "r0")
    assert slot.status == "evolving" and slot == slot_of(found, "Nine", "r1")


def test_a_score_lines_up_side_by_side(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Creighton beat Drake 65-53 on Friday in the quarterfinals. Doug McDermott scored 23 points.",
        "Top-seeded Creighton defeated Drake 65-53 in the quarterfinals. McDermott finished with 23 points.",
    )
    assert slot_of(found, "65", "r0") == slot_of(found, "65", "r1") != slot_of(found, "53", "r0")
    assert slot_of(found, "23", "r0") == slot_of(found, "23", "r1")
    assert flagged(found) == []


def test_a_part_of_a_count_is_no_account_of_another_count(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Hospitals treated around 1,400 wounded, the ministry said. Provincial official Ali Karimi told state "
        "television that 30 of the 80 wounded remained in hospital.",
    )
    assert not any("30" in values for values in flagged(found))


def test_a_count_with_its_own_qualifier_is_another_quantity(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "There was one arrest, with no injuries to police, police said. Police sources also told the News that "
        "Gray has four prior arrests.",
    )
    assert flagged(found) == []


def test_one_named_person_s_age_given_differently_by_two_reports_is_flagged(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Deputies identified the suspect as Jose Luis Orozco, 27, a parolee wanted in another shooting.",
        "A jury found Jose Luis Orozco, 29, guilty of first-degree murder on Tuesday.",
    )
    assert flagged(found) == [{"27", "29"}]
    assert slot_of(found, "27", "r0").status == "conflict"  # a day apart: no birthday explains two years


def test_ages_of_two_people_are_two_quantities(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Police identified the victims as Mary Riva, 47, and Paul Steinberg, 48.",
        "The suspect, Anthony LaCalamita, 38, was fired last week.",
    )
    assert flagged(found) == []


def test_two_agencies_magnitudes_for_one_quake_in_one_report_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "A strong earthquake shook the coast on Sunday. The national seismology centre said the "
                       "quake measured 5.8 on the Richter scale, while the U.S. Geological Survey said it was a "
                       "magnitude-6.2 temblor.")  # fmt: skip
    assert flagged(found) == [{"5.8", "6.2"}]


def test_a_quake_and_its_aftershock_are_two_magnitudes(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "The national seismology centre said the quake had a magnitude of 6.2. The U.S. Geological "
                       "Survey said a magnitude-4.7 aftershock also shook the coast.")  # fmt: skip
    assert flagged(found) == []


def test_a_general_statement_joins_no_slot_of_the_quake(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "A strong earthquake shook the coast on Sunday. The national seismology centre said the "
                       "quake measured 5.8 on the Richter scale, while the U.S. Geological Survey said it was a "
                       "magnitude-6.2 temblor. A magnitude-6.0 quake can cause severe damage.")  # fmt: skip
    assert flagged(found) == [{"5.8", "6.2"}]
    general = slot_of(found, "6.0", "r0")
    assert general.claim_ids == (next(c.id for _, m in found for c in m if c.value.text == "6.0"),)


def test_a_part_of_the_dead_another_source_gives_is_no_conflict_with_the_toll(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "The ministry said 45 people were killed. A doctor said 17 of the dead were children.")
    assert flagged(found) == []


def test_a_toll_of_a_separate_attack_is_no_conflict_with_the_first(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "Police said a car bomb killed nine people in the market. In a separate attack, gunmen "
                       "killed four people at a checkpoint, officials said.")  # fmt: skip
    assert flagged(found) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The health ministry said 18 people drowned when the boat capsized. Survivors told reporters that "
         "at least 40 people drowned.", {"18", "at least 40"}),
        ("Firefighters said 12 homes were destroyed. The mayor said 30 homes were destroyed by the fire.",
         {"12", "30"}),
    ],
)  # fmt: skip
def test_drownings_and_destroyed_homes_two_sources_count_differently_are_a_conflict(
    nlp: Callable[[str], Any], text: str, pair: set[str]
) -> None:
    assert flagged(story(nlp, text)) == [pair]


def test_two_sources_counting_captured_soldiers_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp, "Rebels said they had captured 70 government soldiers. The army said 12 soldiers had been captured."
    )
    assert flagged(found) == [{"70", "12"}]


def test_two_reports_giving_one_islands_population_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The quake struck Qeshm island, home to 120,000 people, and the port of Bandar Abbas.",
        "The quake was centred near Qeshm Island, home to 200,000 people, the U.S. Geological Survey said.",
    )
    assert flagged(found) == [{"120,000", "200,000"}]


def test_populations_of_two_places_are_two_quantities(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The quake struck Qeshm island, home to 120,000 people.",
        "Helicopters flew the injured to Bandar Abbas, a city of 500,000 people.",
    )
    assert flagged(found) == []


def test_police_and_organisers_counting_a_rally_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "Police said 3,000 people attended the rally. Organisers said 15,000 people attended the rally.")
    assert flagged(found) == [{"3,000", "15,000"}]


def test_returns_since_the_ceasefire_are_no_conflict_with_returns_told_without_a_period(
    nlp: Callable[[str], Any],
) -> None:
    found = story(
        nlp,
        "The UN said 400,000 people had returned home. The government said 1.2 million had returned since the "
        "ceasefire.",
    )
    assert flagged(found) == []


def test_two_reports_sizing_one_bill_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The Senate passed the $1.2 trillion bipartisan infrastructure package on Tuesday.",
        "Senators approved a $1 trillion bipartisan infrastructure plan, sending it to the House.",
    )
    assert flagged(found) == [{"$1.2 trillion", "$1 trillion"}]


def test_a_bill_named_by_what_it_is_for_is_the_bill_named_by_its_qualifiers(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The Senate passed the $1.2 trillion bipartisan infrastructure package on Tuesday.",
        "The Senate voted to approve a roughly $1 trillion bill to revamp the nation's infrastructure.",
    )
    assert flagged(found) == [{"$1.2 trillion", "roughly $1 trillion"}]


def test_the_sums_of_two_bills_are_two_quantities(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The Senate passed the $1.2 trillion bipartisan infrastructure package on Tuesday.",
        "Democrats then turned to a $3.5 trillion social spending package.",
    )
    assert flagged(found) == []


def statuses_the_same_day(
    nlp: Callable[[str], Any], *reports: str, published: date = date(2026, 3, 2)
) -> list[tuple[str, set[str]]]:
    """Each slot of reports from their own outlets, all published on one day (a Monday unless
    ``published`` says): its status and figures."""
    claims = []
    for n, text in enumerate(reports):
        article = Article(id=f"r{n}", origin=f"r{n}.txt", text=text, outlet=f"Outlet {n}", published=published)
        claims += extract(article, nlp(text)).claims
    by_id = {c.id: c for c in claims}
    slots, _ = reconcile("s", claims, {})
    return [(s.status, {by_id[i].value.text for i in s.claim_ids}) for s in slots]


def flagged_the_same_day(
    nlp: Callable[[str], Any], *reports: str, published: date = date(2026, 3, 2)
) -> list[set[str]]:
    """The flagged slots of reports from their own outlets, all published on one day."""
    found = statuses_the_same_day(nlp, *reports, published=published)
    return [texts for status, texts in found if status in ("conflict", "evolving")]


def test_two_outlets_tolls_of_one_bombing_the_same_day_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "A car bomb killed 14 people in the market of Velmora on Monday, police said.",
        "The interior ministry said 22 people were killed when a car bomb exploded in Velmora's market.",
    )
    assert found == [{"14", "22"}]


@pytest.mark.parametrize(
    "reports",
    [
        ("Gunmen killed 9 people at a checkpoint near Kirkuk on Monday, police said.",
         "A suicide bomber killed 31 people at a mosque in Basra on Monday, officials said."),
        ("Police arrested 12 protesters outside parliament, a spokesman said.",
         "Over the weekend, police have arrested 140 people across the country, the spokesman said."),
        ("Thousands of people fled the fighting, aid groups said.", "The UN said 12,000 people fled the fighting."),
        ("Flooding has killed 17 people since the rains began last week, officials said.",
         "Officials said 4 people drowned on Monday when a bridge collapsed."),
        ("The quake damaged five villages on the island, officials said.",
         "The governor said the quake damaged 40 buildings on the island."),
    ],
)  # fmt: skip
def test_two_places_two_periods_or_a_vague_word_are_no_conflict_across_reports_of_one_day(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_the_whole_of_a_part_and_others_wounded_are_two_accounts_of_one_toll(nlp: Callable[[str], Any]) -> None:
    """ "30 of the 80 wounded" and "wounding 70 others" the same day: 80 against 70, the part and an earlier
    quake's toll the first report recalls kept out."""
    found = flagged_the_same_day(
        nlp,
        "A quake struck the island of Velmora on Sunday. The governor said 30 of the 80 wounded remained in "
        "hospital. In October, a quake hit the town of Karst, killing 612 people and wounding around 1,400.",
        "A quake leveled seven villages on Velmora on Sunday, killing 10 persons and wounding 70 others, "
        "officials said.",
    )
    assert found == [{"80", "70"}]


def test_an_earlier_happenings_toll_a_report_recalls_is_no_account_of_todays(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "A quake struck Velmora on Sunday, wounding 80 people, the governor said. In October, a quake hit the "
        "town of Karst, killing 612 people and wounding around 1,400.",
        "Officials said 75 people were wounded when the quake struck Velmora on Sunday.",
    )
    assert found == [{"80", "75"}]  # not the 1,400 wounded in Karst


def test_two_reports_giving_a_mothers_children_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Jurors watched video of the shooting of Zurana Horton, a mother of 12, outside a school.",
        "Video of Brooklyn mother of 13 Zurana Horton shot and killed in a gang shooting was released.",
    )
    assert flagged(found) == [{"12", "13"}]


def test_a_parents_children_are_never_one_quantity_with_another_count(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Zurana Horton, a mother of 13, was killed outside a school.",
        "Police said 13 bullets were fired from the rooftop outside the school.",
    )
    assert all(len({c.frame.measure for c in members if c.frame}) == 1 for _, members in found)


def test_two_upper_bounds_of_one_source_are_not_read_as_agreeing(nlp: Callable[[str], Any]) -> None:
    """ "As many as 80 people were wounded", "as many as 2,000 people needed shelter": both allow 50, neither
    says it; a report's two figures of two things stay two slots."""
    found = story(
        nlp,
        "As many as 80 people were wounded in the quake, the governor said. He said as many as 2,000 people "
        "in rural areas needed shelter.",
        "The quake wounded 70 people, officials said.",
    )
    assert not any({"As many as 80", "as many as 2,000"} <= {c.value.text for c in m} for _, m in found)


def test_two_reports_weighing_one_seizure_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Customs officers seized 300 kilograms of cocaine at the port, the agency said.",
        "The agency said officers found 250 kilograms of cocaine hidden in banana crates at the port.",
    )
    assert found == [{"300", "250"}]


@pytest.mark.parametrize(
    "reports",
    [
        ("Police seized 300 kilograms of cocaine at the port, the agency said.",
         "Police seized 40 kilograms of heroin at the airport, the agency said."),
        ("The wildfire has burned 12,000 acres in the county, firefighters said.",
         "A second fire burned 3,000 acres near the lake."),
        ("The ship is 1,500 kilometers south of the capital.", "The quake struck 58 kilometers from the port city."),
    ],
)  # fmt: skip
def test_amounts_of_two_substances_or_things_unnamed_or_distances_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_two_reports_giving_the_share_fully_vaccinated_differently_are_flagged(nlp: Callable[[str], Any]) -> None:
    """Whoever a share is cited from ("according to the health agency") does not make it another country's."""
    found = flagged_the_same_day(
        nlp,
        "Nearly 60% of adults have had one dose, and 41% have been fully vaccinated, according to the National "
        "Health Agency.",
        "By Sunday, 38.5% of Freedonian adults were fully vaccinated, officials said.",
    )
    assert found == [{"41%", "38.5%"}]


def test_a_share_with_one_dose_and_a_share_fully_vaccinated_are_two_quantities(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "About 58% of adults have been vaccinated, according to the National Health Agency.",
        "By Sunday, 38.5% of Freedonian adults were fully vaccinated, officials said.",
    )
    assert found == []


@pytest.mark.parametrize(("earlier", "status"), [("38.5%", "evolving"), ("45.5%", "conflict")])
def test_a_running_total_reached_by_an_earlier_day_evolves_into_todays_if_it_rose(
    nlp: Callable[[str], Any], earlier: str, status: str
) -> None:
    """ "By Sunday, 38.5%" in a report of Monday holds as of Sunday: Monday's 41% is a rise, not a conflict;
    45.5% by Sunday and 41% on Monday cannot both be a share that only rises."""
    found = statuses_the_same_day(
        nlp,
        "Nearly 60% of adults have had one dose, and 41% have been fully vaccinated, according to the National "
        "Health Agency.",
        f"By Sunday, {earlier} of Freedonian adults were fully vaccinated, officials said.",
    )
    assert [(s, texts) for s, texts in found if len(texts) > 1] == [(status, {"41%", earlier})]


def test_a_measure_and_its_conversion_in_brackets_are_one_quantity(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "Her daughter lost 6kg (13lbs) in three weeks; the camp is 62 miles (100km) from the coast.")
    together = [{c.value.text for c in members} for _, members in found if len(members) > 1]
    assert sorted(together, key=sorted) == [{"62", "100km"}, {"6kg", "13lbs"}]


def test_a_conversion_is_shown_in_the_unit_written_first_with_its_rounding(nlp: Callable[[str], Any]) -> None:
    from rashomon.link.reconcile import interval_in_unit, slot_unit

    found = story(nlp, "Her daughter lost 6kg (13lbs) in three weeks at the centre.")
    members = next(m for _, m in found if len(m) > 1)
    unit = slot_unit(members)
    pounds = next(c for c in members if c.value.text == "13lbs")
    low, high = interval_in_unit(pounds, unit)
    assert unit == "kilogram" and low <= 6 <= high


def test_measures_beside_each_other_that_do_not_meet_are_no_conversion(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "The village lies 5 miles (8km) north of the dam and 40 miles from the city.")
    assert not any({"40"} < {c.value.text for c in members} for _, members in found)


def test_two_reports_age_bands_line_up_bound_by_bound(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The vaccine produced a robust response in children aged 5 to 11, the company said on Monday.",
        "The company said its vaccine was safe for kids ages 5 to 11.",
    )
    together = sorted(sorted(c.value.low for c in members) for _, members in found if len(members) > 1)
    assert together == [[5, 5], [11, 11]]


def test_pirates_captured_and_pirates_arrested_are_one_custody(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The navy captured 23 pirates in the Gulf of Aden on Saturday.",
        "The navy said it had arrested 23 pirates who tried to board the vessel.",
        "Gunmen killed 23 sailors in a separate attack.",
    )
    together = [sorted(c.predicate for c in members) for _, members in found if len(members) > 1]
    assert together == [["arrested", "captured"]]


def test_a_conflict_still_needs_one_sense_within_a_family(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Police arrested 12 protesters outside parliament, a spokesman said.",
        "Soldiers captured 30 fighters near the border, the army said.",
    )
    assert found == []


def test_two_reports_counting_the_shots_that_hit_one_person_differently_are_a_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = flagged_the_same_day(
        nlp,
        "Police officers shot the teenager 11 times, a witness said.",
        "An autopsy showed the teenager was shot seven times, the medical examiner said.",
    )
    assert found == [{"11", "seven"}]


def test_two_reports_giving_one_holders_record_differently_are_a_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Lund broke Anna Berg's school scoring record of 2,116 points with a free throw.",
        "She needed 11 points to break Anna Berg's scoring record of 2,106.",
        "Berg's teammate broke Maria Holm's record of 1,950 points last year.",
    )
    assert flagged(found) == [{"2,116", "2,106"}]


def test_two_reports_giving_an_indicators_level_for_one_period_differently_are_a_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = story(
        nlp,
        "Unemployment fell to 5.8% in March, according to the statistics office.",
        "The jobless rate was 6.1% in March, the statistics office said.",
    )
    assert flagged(found) == [{"5.8%", "6.1%"}]
    assert slot_of(found, "5.8%", "r0").status == "conflict"
    claims_week = story(
        nlp,
        "Initial jobless claims fell to 385,000 last week, the Labor Department said.",
        "New jobless claims totaled 405,000 in the week ended Jan. 17, the department reported.",
    )
    assert flagged(claims_week) == [{"385,000", "405,000"}]


@pytest.mark.parametrize(
    "reports",
    [
        ("Unemployment fell to 5.8% in March, officials said.", "Unemployment rose to 6.1% in April, officials said."),
        ("Unemployment fell to 5.8% in March, officials said.", "Youth unemployment rose to 14% in March, they said."),
        ("Unemployment fell to 5.8% in March, officials said.", "Inflation rose to 6.1% in March, officials said."),
        ("Unemployment rose to 5.8% in March, officials said.", "Unemployment rose by 0.4% in March, officials said."),
    ],
)
def test_levels_of_two_periods_indicators_or_qualifiers_or_a_change_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged(story(nlp, *reports)) == []


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("The ferry was carrying 120 passengers when it capsized, the coast guard said.",
          "The coast guard said 140 passengers were on board the ferry."), {"120", "140"}),
        (("The company cut 1,200 jobs last year, its annual report showed.",
          "The firm shed 1,500 jobs last year, the union said on Tuesday."), {"1,200", "1,500"}),
        (("Voter turnout was 61% in Sunday's election, the electoral commission said.",
          "The electoral commission put turnout at 58% in Sunday's vote."), {"61%", "58%"}),
    ],
)  # fmt: skip
def test_two_reports_counting_people_aboard_jobs_cut_or_turnout_differently_are_a_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


def test_people_on_board_may_share_a_slot_with_the_same_people_arrested(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The navy arrested 26 Somali pirates in the Gulf of Aden.",
        "The three boats had a total of 26 Somali pirates on board, the navy said.",
    )
    assert slot_of(found, "26", "r0") == slot_of(found, "26", "r1")


@pytest.mark.parametrize(
    "reports",
    [
        ("The gunman killed five people at the supermarket before police shot him, officials said.",
         "Six people, including the gunman, died in the supermarket shooting, police said."),
        ("The ferry was carrying 120 passengers and 15 crew when it capsized, the coast guard said.",
         "There were 135 people on board the ferry, officials said."),
    ],
)  # fmt: skip
def test_a_toll_counting_the_gunman_or_passengers_beside_crew_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_police_estimating_a_crowd_and_organisers_counting_marchers_differently_are_a_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = story(nlp, "Police estimated the crowd at 15,000. Organisers said 60,000 people took part in the march.")
    assert flagged(found) == [{"15,000", "60,000"}]
    two_days = story(
        nlp,
        "About 200 people gathered outside the court on Monday, police said. "
        "Organisers said 5,000 people had protested in the capital on Sunday.",
    )
    assert flagged(two_days) == []


@pytest.mark.parametrize(
    ("reports", "pairs"),
    [
        (("The bill passed the House by a vote of 220 to 207 on Friday.",
          "The House approved the measure 219-208 on Friday, with two Republicans joining Democrats."),
         [{"220", "219"}, {"207", "208"}]),
        (("The hurricane left 1.3 million homes and businesses without power, the utility said on Thursday.",
          "About 900,000 customers were without power on Thursday, the utility said."),
         [{"1.3 million", "About 900,000"}]),
    ],
)  # fmt: skip
def test_two_reports_giving_a_votes_tally_or_homes_without_power_differently_are_a_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pairs: list[set[str]]
) -> None:
    assert sorted(flagged_the_same_day(nlp, *reports), key=sorted) == sorted(pairs, key=sorted)


@pytest.mark.parametrize(
    "reports",
    [
        ("At least 300 people were arrested across the country during Saturday's protests, a rights group said.",
         "Police said 120 people were detained in the capital on Saturday."),
        ("The Senate passed the bill 52-48 on Friday.", "The House approved its own bill 220-207 on Friday."),
        ("The floods destroyed 200 homes in the valley, officials said.",
         "Officials said 50 businesses were destroyed by the floods in the valley."),
    ],
)  # fmt: skip
def test_a_national_count_and_the_capitals_two_bodies_votes_or_homes_and_businesses_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("A Turkish drone strike on a car near Qamishli killed three people, the SDF said. "
         "Local sources said the strike killed two people.", {"three", "two"}),
        ("The al-Hol camp holds 56,000 people, the UN said. Camp officials said the camp now houses 43,000 residents.",
         {"56,000", "43,000"}),
        ("The SDF said it had killed 23 members of the factions, while the factions said they had lost only 9 "
         "fighters.", {"23", "9"}),
    ],
)  # fmt: skip
def test_two_sources_in_one_report_one_naming_the_place_or_now_or_told_as_lost_are_a_conflict(
    nlp: Callable[[str], Any], text: str, pair: set[str]
) -> None:
    assert flagged(story(nlp, text)) == [pair]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 80 houses were damaged by the storm in Port Elmer. "
        "In the neighbouring district, the mayor said 200 houses were damaged.",
        "The team head estimated that between 50 and 70 percent of the industrial structure was destroyed. "
        '"Houses in the village of Gavarzin have been destroyed 100 percent," a villager said.',
    ],
)
def test_a_neighbouring_districts_count_or_a_share_of_another_whole_is_no_conflict(
    nlp: Callable[[str], Any], text: str
) -> None:
    assert flagged(story(nlp, text)) == []


def test_two_reports_counting_one_days_channel_crossings_differently_are_a_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = flagged_the_same_day(
        nlp,
        "More than 1,000 migrants crossed the Channel in small boats on Tuesday, the Home Office said.",
        "The Home Office said 882 people crossed the Channel in 17 boats on Tuesday.",
    )
    assert found == [{"More than 1,000", "882"}]
    across_and_city = flagged_the_same_day(
        nlp,
        "Israeli strikes killed at least 40 people across Gaza on Saturday, the health ministry said.",
        "The health ministry said 26 people were killed in strikes on Gaza City on Saturday.",
    )
    assert across_and_city == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Police said 4,000 fans attended the match. The club put the attendance at 6,500.", {"4,000", "6,500"}),
        ("Organisers said 2 million people signed the petition. The parliament's website showed 1.4 million "
         "signatures.", {"2 million", "1.4 million"}),
    ],
)  # fmt: skip
def test_two_sources_counting_a_crowd_or_a_petition_differently_in_one_report_are_a_conflict(
    nlp: Callable[[str], Any], text: str, pair: set[str]
) -> None:
    assert flagged(story(nlp, text)) == [pair]


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("Rescuers were trying to reach 14 miners trapped underground after the mine collapsed on Wednesday.",
          "Eighteen miners remained trapped after the collapse of the mine, the minister said on Wednesday."),
         {"14", "Eighteen"}),
        (("More than 30,000 people were ordered to evacuate as the wildfire spread near Athens on Tuesday.",
          "Authorities ordered the evacuation of about 12,000 residents near Athens on Tuesday."),
         {"More than 30,000", "about 12,000"}),
        (("More than 8,000 people have crossed into Chad in the past week, the UN said.",
          "The UNHCR said 5,500 refugees had arrived in Chad over the past seven days."),
         {"More than 8,000", "5,500"}),
        (("A court in Istanbul sentenced the former mayor to 12 years in prison on Thursday.",
          "The former mayor was jailed for 15 years by an Istanbul court on Thursday, his lawyer said."),
         {"12", "15"}),
        (("The economy grew 2.4% in the third quarter, the statistics office said.",
          "Gross domestic product expanded by 2.1% in the July-September quarter, according to official figures."),
         {"2.4%", "2.1%"}),
    ],
)  # fmt: skip
def test_two_reports_counting_people_trapped_evacuated_or_arriving_a_sentence_or_growth_differently_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


@pytest.mark.parametrize(
    "reports",
    [
        ("The economy grew 2.4% in the third quarter.", "The economy grew 1.1% in the second quarter."),
        ("Gross domestic product grew 0.6% in the third quarter from the previous three months.",
         "The economy expanded at an annualised rate of 2.4% in the third quarter."),
        ("More than 8,000 people have crossed into Chad in the past week, the UN said.",
         "About 1,200 refugees crossed into Chad on Monday alone, the UNHCR said."),
    ],
)  # fmt: skip
def test_growth_of_two_quarters_or_rates_and_a_week_beside_a_day_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_fewer_trapped_a_day_later_is_an_evolution_and_more_missing_a_day_later_no_conflict(
    nlp: Callable[[str], Any],
) -> None:
    eased = story(
        nlp,
        "Fourteen miners were trapped after the collapse on Monday, officials said.",
        "Eight miners remained trapped on Tuesday, a day after the collapse, the energy minister said.",
    )
    assert flagged(eased) == [{"Fourteen", "Eight"}]
    assert slot_of(eased, "Eight", "r1").status == "evolving"
    more = flagged_the_same_day(
        nlp,
        "Five people were missing after the floods on Wednesday, officials said.",
        "Twelve people were missing on Thursday after the floods, officials said.",
    )
    assert more == []


def test_a_crowd_police_say_numbered_a_figure_and_the_people_organisers_say_joined_the_march_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = story(nlp, "Police said the crowd numbered about 15,000. Organisers said 50,000 people joined the march.")
    assert flagged(found) == [{"about 15,000", "50,000"}]


def test_two_sources_giving_one_indicators_level_in_one_report_differently_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = story(
        nlp,
        "The electoral commission said turnout was 64%. Opposition monitors said turnout was no higher than 45%.",
    )
    assert flagged(found) == [{"64%", "no higher than 45%"}]
    youth = story(nlp, "The office said unemployment was 6%. The union said youth unemployment was 14%.")
    assert flagged(youth) == []


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("The US Geological Survey said the quake had a magnitude of 7.8.",
          "Turkey's disaster agency put the magnitude at 7.7."), {"7.8", "7.7"}),
        (("The fire has burned 45,000 acres, Cal Fire said on Tuesday.",
          "The blaze has scorched more than 52,000 acres, according to Cal Fire."), {"45,000", "more than 52,000"}),
        (("Unions said 1.2 million people took part in strikes and protests across France on Thursday.",
          "The interior ministry counted 480,000 demonstrators nationwide on Thursday."), {"1.2 million", "480,000"}),
    ],
)  # fmt: skip
def test_two_agencies_magnitudes_areas_burned_and_a_nations_strikers_given_differently_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


@pytest.mark.parametrize(
    "reports",
    [
        ("The heatwave has killed at least 1,500 people in Spain and Portugal, officials said.",
         "Spain's health ministry said 679 people had died from the heat in Spain."),
        ("Police arrested 300 people across France on Thursday.", "Police arrested 120 people in Paris on Thursday."),
        ("A magnitude 7.8 quake struck on Monday, and a magnitude 7.5 quake followed hours later.",
         "The second quake, of magnitude 7.5, struck in the afternoon, the disaster agency said."),
        ("Police fired tear gas at 200 protesters on Saturday.",
         "Organisers said 50,000 people joined the march on Saturday."),
    ],
)  # fmt: skip
def test_two_countries_beside_one_a_city_beside_its_country_two_quakes_or_a_crowds_part_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_two_reports_giving_one_winners_share_of_the_vote_differently_conflict_and_two_winners_do_not(
    nlp: Callable[[str], Any],
) -> None:
    found = flagged_the_same_day(
        nlp,
        "The incumbent won 52.4% of the vote, the election commission said.",
        "Official results gave the incumbent 54.1% of the votes cast.",
    )
    assert found == [{"52.4%", "54.1%"}]
    two = flagged_the_same_day(
        nlp,
        "The incumbent won 52.4% of the vote, the election commission said.",
        "The opposition candidate won 41.3% of the vote, official results showed.",
    )
    assert two == []


def test_a_monitors_toll_among_militants_conflicts_with_a_groups_and_a_toll_among_civilians_does_not(
    nlp: Callable[[str], Any],
) -> None:
    fighters = "The SDF said 27 ISIS fighters were killed in the clashes near Deir ez-Zor."
    militants = story(
        nlp, fighters + " The Syrian Observatory for Human Rights put the death toll among the militants at 19."
    )
    assert flagged(militants) == [{"27", "19"}]
    civilians = story(
        nlp, fighters + " The Syrian Observatory for Human Rights put the death toll among civilians at 19."
    )
    assert flagged(civilians) == []


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("A man stabbed six people at a shopping centre in Sydney on Saturday, police said.",
          "Seven people were stabbed at a Sydney shopping centre on Saturday, police said."), {"six", "Seven"}),
        (("Robbers stole $2.3 million from an armoured truck in Montreal on Friday.",
          "The thieves made off with about $3 million from the armoured truck in Montreal on Friday."),
         {"$2.3 million", "about $3 million"}),
        (("The government approved a budget of 1.2 trillion rupees on Friday.",
          "The cabinet passed a 1.4 trillion rupee budget on Friday."), {"1.2 trillion rupees", "1.4 trillion rupee"}),
        (("About 35,000 teachers went on strike on Monday, the union said.",
          "The education ministry said 12,000 teachers joined the strike on Monday."), {"About 35,000", "12,000"}),
    ],
)  # fmt: skip
def test_two_reports_counting_people_stabbed_money_stolen_a_budget_or_strikers_differently_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


def test_money_stolen_beside_a_reward_and_a_defence_budget_beside_the_budget_are_no_conflict(
    nlp: Callable[[str], Any],
) -> None:
    reward = (
        "Robbers stole $2.3 million from the truck on Friday.",
        "The company offered a $100,000 reward on Friday.",
    )
    assert flagged_the_same_day(nlp, *reward) == []
    budgets = ("The government approved a budget of 1.2 trillion rupees on Friday.",
               "The cabinet passed a 300 billion rupee defence budget on Friday.")  # fmt: skip
    assert flagged_the_same_day(nlp, *budgets) == []


def test_a_peoples_count_and_its_countrys_line_up_and_two_peoples_do_not(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "The drought has displaced 1.1 million people in Somalia this year, the UN said.",
        "Some 800,000 Somalis have been forced from their homes by the drought this year, aid agencies said.",
    )
    assert found == [{"1.1 million", "Some 800,000"}]
    two = flagged_the_same_day(
        nlp,
        "About 3,000 Syrians crossed into Turkey on Monday, officials said.",
        "About 5,000 Afghans crossed into Turkey on Monday, officials said.",
    )
    assert two == []


def test_a_total_since_the_happening_began_is_one_with_a_total_told_with_no_time(nlp: Callable[[str], Any]) -> None:
    whole = story(
        nlp,
        "The health ministry said 320 people had died of cholera since the outbreak began. "
        "The WHO put the number of deaths at 410.",
    )
    assert flagged(whole) == [{"320", "410"}]
    day = story(
        nlp,
        "The ministry said 15 people died of cholera on Monday. "
        "The WHO said 340 people have died of cholera since the outbreak began in March.",
    )
    assert flagged(day) == []
    ceasefire = story(
        nlp,
        "The UN said 400,000 people had returned home. "
        "The government said 1.2 million had returned since the ceasefire.",
    )
    assert flagged(ceasefire) == []


def test_a_days_count_told_as_that_day_alone_is_no_account_of_the_total(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Cyclone Freddy has displaced more than 500,000 people in Malawi, the UN said.",
        "About 20,000 people were displaced on Monday alone in southern Malawi, officials said.",
    )
    assert found == []
