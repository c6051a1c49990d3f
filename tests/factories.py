"""Records for tests, with defaults a test overrides only where it matters."""

from __future__ import annotations

from datetime import date
from typing import Any

from rashomon.records import Article


def article(text: str, outlet: str = "Northwire", published: date | None = date(2025, 9, 9), **fields: Any) -> Article:
    """An article of ``outlet`` with its content id; ``fields`` sets any other field (origin, furniture, ...)."""
    values: dict[str, Any] = {"origin": f"{outlet}.txt", "outlet": outlet, "published": published} | fields
    return Article(id=Article.make_id(outlet, text), text=text, **values)


def stored_article(text: str, outlet: str = "Northwire", published: date | None = date(2025, 9, 9)) -> Article:
    """An article with page furniture and an author bio set aside, as ingest keeps them."""
    return article(text, outlet, published, furniture=("Leave a Reply",), author_bio="X covers film.")
