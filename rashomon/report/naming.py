"""How a report is named to a reader when its metadata is thin: an outlet from the page's site name or
its URL's host before "unknown outlet", and a headline from the text's first words before nothing."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

Json = dict[str, Any]
MARKER = re.compile(r"^\s*\([A-Z][\w .&'-]{0,30}\)\s*")  # a leading outlet marker, "(CNN) "


def outlet_name(article: Json) -> str:
    """The outlet, else the site's name, else the URL's host ("example.org"), else "unknown outlet"."""
    if article.get("outlet"):
        return str(article["outlet"])
    if article.get("site_name"):
        return str(article["site_name"])
    host = urlsplit(article.get("url") or "").hostname or ""
    return host.removeprefix("www.") or "unknown outlet"


def headline(article: Json, words: int = 12) -> str:
    """The title, else the text's first ``words`` words (after an outlet marker such as "(CNN)")."""
    if article.get("title"):
        return str(article["title"])
    first = MARKER.sub("", article.get("text") or "").split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")
