from __future__ import annotations

from datetime import date

import pytest

from rashomon.errors import EmptyInput
from rashomon.ingest import RawInput, read_article
from rashomon.ingest.parse import parse_html

PAGE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html><html><head><title>Bridge reopens - Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Mara Lind">
<meta property="article:published_time" content="2025-05-02T08:00:00Z">
<link rel="canonical" href="https://harbourtimes.example/2025/05/02/bridge"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Bridge reopens</h1>
<p>The old harbour bridge reopened to traffic on Friday after eight months of repairs, the city council said.</p>
<p>About 30,000 vehicles are expected to cross it every day, engineers said.</p></article>
<div class="comments"><p>Great news!!! - Bob</p></div><footer>© 2025 Harbour Times</footer></body></html>"""


def test_main_text_and_declared_metadata_are_read() -> None:
    text, meta = parse_html(PAGE)
    assert "reopened to traffic" in text and "30,000 vehicles" in text
    assert "Sport | Weather" not in text and "Great news" not in text
    assert meta.title == "Bridge reopens"
    assert meta.byline == "Mara Lind"
    assert meta.site_name == "Harbour Times" and meta.outlet == "Harbour Times"
    assert meta.published == date(2025, 5, 2)
    assert meta.url == "https://harbourtimes.example/2025/05/02/bridge"


def test_scripts_and_handlers_never_reach_the_text() -> None:
    hostile = (
        "<html><body><article><p>Officials said the road was closed for repairs on Tuesday morning.</p>"
        "<script>alert('x')</script><img src=x onerror=alert(1)>"
        "<p>Police said traffic was diverted through the centre of the town all day.</p></article></body></html>"
    )
    text, _ = parse_html(hostile)
    assert "alert" not in text and "onerror" not in text
    assert "road was closed" in text


def test_a_page_without_main_text_is_refused() -> None:
    page = b"<html><head><script>var a=1;</script></head><body><nav>Home</nav></body></html>"
    with pytest.raises(EmptyInput):
        read_article(RawInput(origin="nav.html", kind="html", data=page))


def test_the_page_title_is_not_repeated_in_the_text() -> None:
    article = read_article(RawInput(origin="p.html", kind="html", data=PAGE.encode("utf-8")))
    assert article.title == "Bridge reopens"
    assert article.text.startswith("The old harbour bridge")
    assert article.outlet == "Harbour Times" and article.byline == "Mara Lind"


def test_deeply_nested_markup_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + "<p>Deep text about the flood response.</p>" + "</div>" * 5000
    try:
        text, _ = parse_html(html + "</body></html>")
    except EmptyInput:
        return  # refusing it with a reason is as good as reading it
    assert isinstance(text, str)
