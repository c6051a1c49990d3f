from __future__ import annotations

from datetime import date

from rashomon.records import Article, Highlight
from rashomon.report.naming import headline, outlet_name
from rashomon.web.pages import article_page


def _article(**fields: str | None) -> Article:
    return Article(id="a1", origin="a1.txt", text=fields.pop("text", None) or "", **fields)  # type: ignore[arg-type]


def test_an_article_without_an_outlet_is_named_by_its_site_or_host() -> None:
    assert outlet_name(_article(outlet="CNN", url="https://www.cnn.com/x")) == "CNN"
    assert outlet_name(_article(site_name="Valley Courier")) == "Valley Courier"
    assert outlet_name(_article(url="https://www.valley-courier.example/2025/05/02/flood")) == "valley-courier.example"
    assert outlet_name(_article()) == "unknown outlet"


def test_an_article_without_a_title_is_named_by_its_first_words_after_the_outlet_marker() -> None:
    text = "(Relief Wire) Aid groups said on Saturday that the flood toll in the Varna valley was far higher."
    assert headline(_article(text=text), words=6) == "Aid groups said on Saturday that …"
    assert headline(_article(title="River bursts its banks", text=text)) == "River bursts its banks"


def test_the_article_page_hides_empty_fields_and_explains_its_highlights() -> None:
    article = Article(id="a1", origin="flood.txt", text="Twelve people were killed, the agency said.", byline="",
                      published=date(2025, 5, 2))  # fmt: skip
    page = article_page(article, [Highlight(0, 6, "amount", "12 people", "q1")])
    assert "<dt>byline</dt>" not in page and "<dt>url</dt>" not in page and "<dt>published</dt>" in page
    assert "<h1>Twelve people were killed, the agency said.</h1>" in page
    assert 'Highlighted: <mark class="entity">' in page and '<mark class="claim">' in page
    assert "Untitled" not in page and "untitled" not in page
