"""HTML escaping for every page, chart and HTML fact sheet: what :func:`html.escape` gives, without its
cost on the text that needs none (most of a page's text: names, numbers, days)."""

from __future__ import annotations

import re
from html import escape

SPECIAL = re.compile(r"[&<>\"']")  # what escaping changes: text without one is returned as it is


def h(value: object) -> str:
    """Escaped text for HTML content and quoted attributes (None is empty)."""
    text = "" if value is None else str(value)
    return escape(text, quote=True) if SPECIAL.search(text) else text
