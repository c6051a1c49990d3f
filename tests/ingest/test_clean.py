from __future__ import annotations

from datetime import date

import pytest

from rashomon.ingest.clean import clean_text, dateline, is_furniture

REPORT = """Floods cut off mountain villages

4 March 2025 World

RIVERTON — Floodwater cut the road to six villages on Monday, officials said.

Rescue teams reached two of them by boat.

BREAKING NEWS
Never miss a breaking news alert!
Written By
Alex Reed covers fashion and celebrity culture. At TBN, Alex writes about red carpets.
View Full Bio & Articles →

Leave a Reply
"""


def test_page_furniture_is_removed_and_recorded() -> None:
    text, _meta, furniture = clean_text(REPORT)
    for line in ("BREAKING NEWS", "Never miss a breaking news alert!", "Written By", "Leave a Reply"):
        assert line not in text
        assert line in furniture
    assert "View Full Bio" not in text


def test_author_bio_is_kept_as_metadata_not_text() -> None:
    text, meta, _ = clean_text(REPORT)
    assert meta.byline == "Alex Reed"
    assert meta.author_bio is not None and meta.author_bio.startswith("Alex Reed covers fashion")
    assert "red carpets" not in text


def test_title_and_date_line_become_metadata() -> None:
    text, meta, _ = clean_text(REPORT)
    assert meta.title == "Floods cut off mountain villages"
    assert meta.published == date(2025, 3, 4)
    assert text.startswith("RIVERTON — Floodwater")
    assert text.endswith("by boat.")


def test_url_line_gives_url_outlet_and_date() -> None:
    text, meta, _ = clean_text(
        "(CNN) Rain fell on Tuesday, officials said.\nhttps://www.cnn.com/2026/01/20/world/rain\n"
    )
    assert meta.url == "https://www.cnn.com/2026/01/20/world/rain"
    assert meta.outlet == "CNN" and meta.published == date(2026, 1, 20)
    assert "https://" not in text


def test_unknown_host_is_named_by_its_domain() -> None:
    _, meta, _ = clean_text("Body text here, officials said.\nhttps://www.example-news.org/story/1\n")
    assert meta.outlet == "example-news.org" and meta.published is None


def test_outlet_marker_in_a_wire_dateline() -> None:
    _, meta, _ = clean_text("BEIRUT (Reuters) - Talks resumed on Sunday, diplomats said.\n")
    assert meta.outlet == "Reuters"


def test_by_line_is_read_and_removed() -> None:
    text, meta, _ = clean_text("Storm hits coast\n\nBy Jane Q. Doe\n\nThe storm hit at dawn, police said.\n")
    assert meta.byline == "Jane Q. Doe"
    assert text == "The storm hit at dawn, police said."


def test_ordinary_sentences_are_not_furniture() -> None:
    assert not is_furniture("The ministry said it would share the list of names with the families.")
    assert not is_furniture("Leave a reply to the ministry, the governor told the elders.")
    assert is_furniture("  Share this article  ")
    assert is_furniture("Advertisement")


def test_a_first_paragraph_sentence_is_not_taken_for_a_title() -> None:
    _, meta, _ = clean_text("Gunmen attacked the town on Monday.\n\nTwelve people died, police said.\n")
    assert meta.title is None


def test_control_characters_and_windows_newlines_are_normalised() -> None:
    text, _, _ = clean_text("First line.\r\nSecond\x07 line.\r\n")
    assert text == "First line.\nSecond line."


@pytest.mark.parametrize(
    "head, day",
    [
        ("Posted 11 / 27 / 2005 7:21 AM", date(2005, 11, 27)),
        ("Last Updated: Monday, 28 November 2005, 02:24 GMT", date(2005, 11, 28)),
        ("Posted on: 3:35 pm, December 23, 2012", date(2012, 12, 23)),
        ("First Posted 23:37:00 05/05/2010", date(2010, 5, 5)),
        ("12/23/12 06:03 PM ET", date(2012, 12, 23)),
        ("THURSDAY, JUNE 30, 2005", date(2005, 6, 30)),
    ],
)
def test_a_dateline_with_its_usual_lead_words_dates_the_text(head: str, day: date) -> None:
    text = f"Quake jolts the coast\n{head}\nA strong earthquake shook the coast on Sunday, officials said.\n"
    assert dateline(text) == day
    assert clean_text(text)[1].published == day


@pytest.mark.parametrize(
    "head",
    [
        "Updated 4/9/2007 6:04 PM",  # the 4th of September or the 9th of April: not guessed
        "Release: 03 / 08 / 2013",
        "Riots broke out again on May 5, 2010 across the city.",  # a date inside a sentence is no dateline
    ],
)
def test_a_date_that_could_be_misread_or_is_no_dateline_gives_no_date(head: str) -> None:
    assert dateline(f"Riots in the capital\n{head}\nPolice said 12 people were arrested.\n") is None
