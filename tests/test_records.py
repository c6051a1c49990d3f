from __future__ import annotations

import dataclasses

import pytest

from rashomon.records import Article, Span, content_id


def test_content_id_is_stable_and_sensitive_to_every_part() -> None:
    assert content_id("a", "b") == content_id("a", "b")
    assert content_id("a", "b") != content_id("ab")
    assert content_id("a", None) == content_id("a", "")
    assert len(content_id("x")) == 16


def test_records_are_frozen() -> None:
    a = Article(id="x", origin="o", text="t")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "changed"  # type: ignore[misc]


def test_article_id_ignores_whitespace_but_not_outlet() -> None:
    assert Article.make_id("CNN", "One  two\nthree") == Article.make_id("cnn", "One two three")
    assert Article.make_id("CNN", "One two") != Article.make_id("BBC", "One two")


def test_span_rejects_inverted_offsets_and_slices_text() -> None:
    with pytest.raises(ValueError):
        Span("a", 5, 2)
    assert Span("a", 4, 9).text_in("The quick fox") == "quick"
