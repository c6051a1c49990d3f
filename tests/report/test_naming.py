from __future__ import annotations

from rashomon.report.naming import headline, outlet_name
from rashomon.web.pages import article_page


def test_an_article_without_an_outlet_is_named_by_its_site_or_host() -> None:
    assert outlet_name({"outlet": "CNN", "url": "https://www.cnn.com/x"}) == "CNN"
    assert outlet_name({"outlet": None, "site_name": "Valley Courier", "url": None}) == "Valley Courier"
    assert outlet_name({"outlet": None, "url": "https://www.valley-courier.example/2025/05/02/flood"}) == (
        "valley-courier.example"
    )
    assert outlet_name({"outlet": None, "url": None}) == "unknown outlet"


def test_an_article_without_a_title_is_named_by_its_first_words_after_the_outlet_marker() -> None:
    text = "(Relief Wire) Aid groups said on Saturday that the flood toll in the Varna valley was far higher."
    assert headline({"title": None, "text": text}, words=6) == "Aid groups said on Saturday that …"
    assert headline({"title": "River bursts its banks", "text": text}) == "River bursts its banks"


def test_the_article_page_hides_empty_fields_and_explains_its_highlights() -> None:
    article = {"id": "a1", "title": None, "outlet": None, "url": None, "byline": "", "published": "2025-05-02",
               "origin": "flood.txt", "text": "Twelve people were killed, the agency said."}  # fmt: skip
    page = article_page(article, [{"start": 0, "end": 6, "kind": "amount", "label": "12 people", "id": "q1"}])
    assert "<dt>byline</dt>" not in page and "<dt>url</dt>" not in page and "<dt>published</dt>" in page
    assert "<h1>Twelve people were killed, the agency said.</h1>" in page
    assert 'Highlighted: <mark class="entity">' in page and '<mark class="claim">' in page
    assert "Untitled" not in page and "untitled" not in page
