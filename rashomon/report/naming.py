"""How a report is named to a reader when its metadata is thin: an outlet from the page's site name or
its URL's host before "unknown outlet", and a headline from the text's first words before nothing."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from rashomon.records import Article

MARKER = re.compile(r"^\s*\([A-Z][\w .&'-]{0,30}\)\s*")  # a leading outlet marker, "(CNN) "


def outlet_name(article: Article) -> str:
    """The outlet, else the site's name, else the URL's host ("example.org"), else "unknown outlet"."""
    if article.outlet:
        return article.outlet
    if article.site_name:
        return article.site_name
    host = urlsplit(article.url or "").hostname or ""
    return host.removeprefix("www.") or "unknown outlet"


def headline(article: Article, words: int = 12) -> str:
    """The title, else the text's first ``words`` words (after an outlet marker such as "(CNN)")."""
    if article.title:
        return article.title
    first = MARKER.sub("", article.text or "").split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")
