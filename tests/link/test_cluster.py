"""Stories from undated reports: the year their text gives keeps look-alike events apart."""

from __future__ import annotations

from rashomon.link.cluster import MemoryIndex, assign
from rashomon.link.vectors import article_terms

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
