"""HTML to main text and metadata with trafilatura (comments and navigation left out)."""

from __future__ import annotations

import re

from rashomon.dates import parse_iso_date
from rashomon.errors import EmptyInput, InputError
from rashomon.ingest.metadata import Metadata, metadata_from_url

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse_html(html: str) -> tuple[str, Metadata]:
    """(main text, metadata the page declares). Raises EmptyInput when the page has no main text."""
    import trafilatura  # imported here: plain-text and JSONL ingest never pay for it

    # lxml refuses str input that still declares an encoding; the text is already decoded.
    html = XML_DECLARATION.sub("", html, count=1)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except (RecursionError, ValueError, TypeError) as exc:  # hostile or broken markup
        raise InputError(f"the HTML cannot be parsed ({type(exc).__name__}: {exc})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise EmptyInput("the HTML page has no main text (only navigation, scripts or markup)")
    return text, _page_metadata(doc)


def _page_metadata(doc: object) -> Metadata:
    def field(name: str) -> str | None:
        value = getattr(doc, name, None)
        return str(value).strip() if value else None

    published = None
    if (raw_date := field("date")) is not None:
        try:
            published = parse_iso_date(raw_date)
        except ValueError:
            published = None
    url = field("url")
    from_url = metadata_from_url(url) if url else Metadata()
    meta = Metadata(
        title=field("title"), byline=field("author"), site_name=field("sitename"),
        published=published, url=url, outlet=field("sitename"),
    )  # fmt: skip
    return meta.over(from_url)
