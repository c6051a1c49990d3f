"""Ingest: inputs (files, folders, JSON Lines) to clean :class:`~rashomon.records.Article` records.

Metadata precedence, strongest first: what the user gave (flags, a manifest, a
JSONL record's fields), what an HTML page declares, what the text itself says
(a URL line, a dateline, a byline, an outlet marker such as "(CNN)").
"""

from __future__ import annotations

from rashomon.errors import EmptyInput, TooLarge
from rashomon.ingest.clean import clean_text
from rashomon.ingest.decode import decode
from rashomon.ingest.metadata import Manifest, Metadata, metadata_from_mapping
from rashomon.ingest.parse import parse_html
from rashomon.ingest.sources import RawInput, count_inputs, iter_inputs, reject
from rashomon.records import Article
from rashomon.settings import MAX_ARTICLE_CHARS

__all__ = [
    "MAX_ARTICLE_CHARS",
    "Manifest",
    "Metadata",
    "RawInput",
    "count_inputs",
    "iter_inputs",
    "metadata_from_mapping",
    "read_article",
    "reject",
]


def _body(raw: RawInput) -> tuple[str, str]:
    """(decoded body, encoding): a JSONL record's string, or a file's bytes decoded."""
    if raw.record:
        value = raw.record.get("text", raw.record.get("html"))
        return str(value), "utf-8"
    return decode(raw.data)


def read_article(raw: RawInput, given: Metadata | None = None, max_chars: int = MAX_ARTICLE_CHARS) -> Article:
    """Parse, clean and date one input. ``given`` (the user's flags) wins over everything read.

    Raises an :class:`~rashomon.errors.InputError` when the input holds no usable text, and
    :class:`~rashomon.errors.TooLarge` when its text is longer than ``max_chars``.
    """
    body, encoding = _body(raw)
    declared = Metadata()
    if raw.kind == "html":
        body, declared = parse_html(body)
    text, from_text, furniture = clean_text(body, title=declared.title)
    if not text:
        raise EmptyInput("no article text is left once page furniture is removed")
    if len(text) > max_chars:
        raise TooLarge(
            f"the article text is {len(text):,} characters, over the {max_chars:,} limit (max_article_chars); "
            "split it into parts or raise the limit"
        )
    meta = (given or Metadata()).over(raw.given).over(declared).over(from_text)
    return Article(
        id=Article.make_id(meta.outlet, text), origin=raw.origin, text=text, kind=raw.kind,
        outlet=meta.outlet, url=meta.url, published=meta.published, title=meta.title,
        byline=meta.byline, author_bio=meta.author_bio, site_name=meta.site_name,
        encoding=encoding, furniture=furniture,
        page=raw.data if raw.kind == "html" and raw.origin.startswith(("http://", "https://")) else None,
    )  # fmt: skip
