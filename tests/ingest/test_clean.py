from __future__ import annotations

from datetime import date

from rashomon.ingest.clean import clean_text, is_furniture

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
