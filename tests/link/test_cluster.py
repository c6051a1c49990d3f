"""Stories: look-alike events kept apart by their year (undated reports) and their town; one event's
continuing coverage kept together."""

from __future__ import annotations

from datetime import date, timedelta

from rashomon.link.cluster import MemoryIndex, assign
from rashomon.link.vectors import article_terms, lead_towns

PATCH = "{date} - Microsoft released an emergency patch for Internet Explorer on {day}, fixing a flaw. {detail}"
OLD = (
    "Gamers lost passwords after visiting poisoned Chinese websites, Symantec researchers said. About two "
    "million users were exposed before the fix, and Firefox gained market share during the scare."
)
NEW = (
    "Japanese banks and government offices were targeted with spying software, FireEye analysts reported. "
    "Windows XP machines remain unprotected, and a permanent update is due in October."
)


def stories(reports: list[tuple[str, str]]) -> list[str]:
    index = MemoryIndex()
    return [assign(index, f"a{i}", article_terms(title, text, undated=True), None)[0]
            for i, (title, text) in enumerate(reports)]  # fmt: skip


def test_undated_reports_of_look_alike_events_in_different_years_are_two_stories() -> None:
    reports = [
        ("Microsoft releases emergency patch for IE", PATCH.format(date="Dec. 17, 2008", day="Wednesday", detail=OLD)),
        ("Microsoft issues emergency IE patch", PATCH.format(date="December 18, 2008", day="Wednesday", detail=OLD)),
        (
            "Microsoft rushes out fix for browser attacks",
            PATCH.format(date="Sept. 17, 2013", day="Tuesday", detail=NEW),
        ),
        ("Emergency patch for Internet Explorer", PATCH.format(date="September 18, 2013", day="Tuesday", detail=NEW)),
    ]
    found = stories(reports)
    assert found[0] == found[1] and found[2] == found[3] and found[0] != found[2]


def test_undated_reports_of_one_event_with_no_year_or_the_same_year_are_one_story() -> None:
    reports = [
        ("Microsoft releases emergency patch for IE", PATCH.format(date="Sept. 17, 2013", day="Tuesday", detail=NEW)),
        ("Microsoft issues emergency IE patch", PATCH.format(date="Today", day="Tuesday", detail=NEW)),
        ("Emergency patch for Internet Explorer", PATCH.format(date="September 18, 2013", day="Tuesday", detail=NEW)),
    ]
    assert len(set(stories(reports))) == 1


MONDAY = date(2026, 3, 2)
BOMBINGS = [
    ("Car bomb kills 14 at market in Kirkuk", "A car bomb exploded at a crowded vegetable market in Kirkuk on Monday, "
     "killing at least 14 people and wounding 30, police said. No group has claimed the attack. Ambulances rushed "
     "the wounded to Kirkuk General Hospital.", 0),
    ("Kirkuk market bombing toll rises to 17", "The toll from Monday's car bomb at a vegetable market in Kirkuk rose "
     "to 17, a health official said on Tuesday. Security forces closed the roads into the city centre.", 1),
    ("Car bomb kills 9 near mosque in Basra", "A car bomb exploded near a mosque in Basra on Thursday, killing nine "
     "people and wounding 22, police said. No group has claimed the attack. The wounded were taken to Basra "
     "Teaching Hospital.", 3),
    ("Basra mosque bombing: mourners bury victims", "Mourners in Basra on Friday buried the nine people killed by "
     "Thursday's car bomb near a mosque, as police said two suspects had been arrested.", 4),
]  # fmt: skip
OFFENSIVE = [
    ("Army launches offensive to retake Raqqa", "Government forces backed by air strikes launched an offensive on "
     "Raqqa on Monday, pushing into the northern outskirts, the army said. Residents reported heavy shelling.", 0),
    ("Troops advance into Raqqa's northern districts", "Troops advanced into two northern districts of Raqqa on "
     "Tuesday as air strikes hit militant positions, a military spokesman said. Aid groups said thousands of "
     "residents had fled.", 1),
    ("Fighting reaches Raqqa city centre", "Fighting reached the centre of Raqqa on Wednesday, with government "
     "troops clashing with militants near the clock tower, according to a monitoring group.", 2),
    ("Thousands flee as battle for Raqqa intensifies", "Thousands of civilians fled Raqqa on Thursday as the army "
     "pressed its offensive, the UN said, warning of shortages of food and water in camps outside the city.", 3),
    ("Militants counter-attack in Raqqa", "Militants launched a counter-attack on army positions in eastern Raqqa on "
     "Friday, killing 11 soldiers, the monitoring group said. The army said it had repelled the assault.", 4),
    ("Army says it controls most of Raqqa", "The army said on Saturday it controlled most of Raqqa after six days "
     "of fighting, while pockets of militants held out in the old city.", 5),
    ("Raqqa offensive: last militants surrender", "The last militants in Raqqa's old city surrendered on Sunday, "
     "ending a week-long offensive, the military said. Residents began returning to damaged homes.", 6),
]  # fmt: skip


def dated_stories(reports: list[tuple[str, str, int]]) -> list[str]:
    """Each report published ``days`` after a Monday, one outlet, in order."""
    index = MemoryIndex()
    return [assign(index, f"a{i}", article_terms(title, text), MONDAY + timedelta(days=days))[0]
            for i, (title, text, days) in enumerate(reports)]  # fmt: skip


def test_two_car_bombings_in_two_cities_in_one_week_are_two_stories() -> None:
    found = dated_stories(BOMBINGS)
    assert found[0] == found[1] and found[2] == found[3] and found[0] != found[2]


def test_one_offensive_reported_daily_for_a_week_by_one_outlet_is_one_story() -> None:
    assert len(set(dated_stories(OFFENSIVE))) == 1


def test_a_lead_names_its_town_by_the_gazetteers_own_name_only() -> None:
    assert lead_towns("Car bomb kills 9 near mosque in Basra", "") == ["town:30.51,47.78"]  # "Basrah"
    assert lead_towns(None, "KIRKUK, Iraq (AP) - A car bomb exploded.") == ["town:35.47,44.39"]  # the dateline
    assert lead_towns(None, "Philadelphia police said a man was shot.") == ["town:39.95,-75.16"]  # not Amman
    assert lead_towns("Hamas fires rockets", "Hamas said it fired them.") == []  # not Hamm


def test_a_report_a_week_later_stays_with_the_story_when_it_shares_the_event_s_town() -> None:
    first = OFFENSIVE[0]
    later = (
        "Army presses offensive on Raqqa",
        "Government forces backed by air strikes pressed their offensive on Raqqa on Monday, the army said, as "
        "residents reported more shelling and thousands more fled.",
        7,
    )
    words_only = (
        "Army presses offensive",
        "Government forces backed by air strikes pressed their offensive on Monday, the army said, as residents "
        "reported more shelling and thousands more fled.",
        7,
    )
    shared = dated_stories([first, later])
    assert shared[0] == shared[1]
    alike = dated_stories([first, words_only])
    assert alike[0] != alike[1]  # a week on, words alone are not the event


SUMMIT = [
    ("Biden pledges deep emissions cuts at Earth Day climate summit", "President Biden told forty world leaders on "
     "Thursday that America would halve its greenhouse gas output by 2030, doubling the target set under Barack "
     "Obama. Speaking from the East Room, he argued that factories building batteries, turbines and electric trucks "
     "would create millions of union jobs.", 0),
    ("Earth Day climate summit: activists say promises fall short", "Young campaigners marching outside parliaments "
     "from Berlin to Nairobi dismissed the new pledges as words without money. Poorer nations asked who would pay for "
     "seawalls, and scientists warned coal plants in Asia keep burning.", 0),
]  # fmt: skip
SAME_DAY_BOMBINGS = [
    ("Bomb attack kills 14 in Kirkuk", "A car bomb tore through a crowded vegetable market in Kirkuk on Monday, "
     "killing 14 people, police said. Ambulances rushed dozens of wounded shoppers to the general hospital, and the "
     "provincial governor ordered checkpoints on every road into the city.", 0),
    ("Bomb attack in Basra leaves nine dead", "Explosives hidden in a parked van went off beside fish stalls in Basra "
     "on Monday; nine died, officials said. Firefighters pulled survivors from burning shops while soldiers sealed "
     "the port district.", 0),
]  # fmt: skip


def test_reports_of_one_day_whose_headlines_name_one_happening_are_one_story() -> None:
    found = dated_stories(SUMMIT)  # a news report and a comment, in words of their own
    assert found[0] == found[1]


def test_same_day_reports_with_alike_headlines_from_far_apart_towns_stay_two_stories() -> None:
    found = dated_stories(SAME_DAY_BOMBINGS)
    assert found[0] != found[1]
