"""Plain text to article text: page furniture out, metadata lines read and set aside.

Page furniture ("BREAKING NEWS", "Leave a Reply", ...) is matched line by line
against the patterns in ``data/furniture.txt``. A byline's author-bio block is
removed from the text but kept (as ``author_bio``), since it is evidence for
credibility signals. A title line, a date line and a URL line are read as
metadata and removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from rashomon.dates import find_dateline
from rashomon.ingest.metadata import Metadata, metadata_from_url, outlet_from_marker

URL_LINE = re.compile(r"^\s*<?(https?://[^\s<>\"]+)>?\s*$", re.I)
BYLINE = re.compile(r"^\s*[Bb][Yy]\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})(?:\s*[,|/–—-].{0,60})?\s*$")
NAME = r"(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
BIO = re.compile(
    NAME + r",?\s+(?:is|was|covers|writes|reports|joined|has\s+(?:written|covered|reported)|"
    r"focuses|specializes|specialises|edits|leads|serves)\b"
)
BIO_MARKERS = ("written by", "about the author")
MAX_TITLE = 200
MAX_DATE_LINE = 80
HEAD_LINES = 6


@cache
def furniture_patterns() -> tuple[re.Pattern[str], ...]:
    text = (resources.files("rashomon") / "data" / "furniture.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return tuple(re.compile(ln, re.I) for ln in lines if ln and not ln.startswith("#"))


def is_furniture(line: str) -> bool:
    stripped = line.strip().strip("•·|→>»←").strip()
    if not stripped or len(stripped) > 200:
        return False
    return any(p.fullmatch(stripped) for p in furniture_patterns())


def normalise(text: str) -> str:
    """NFC, Unix newlines, no control characters but newlines and tabs, trailing spaces trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return "\n".join(line.rstrip() for line in text.split("\n"))


@dataclass
class Cleaned:
    """The article text and what was read out of it (mutable while cleaning)."""

    lines: list[str]
    meta: Metadata = field(default_factory=Metadata)
    furniture: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip()

    def content_indices(self) -> list[int]:
        return [i for i, ln in enumerate(self.lines) if ln.strip()]


def clean_text(raw: str, title: str | None = None) -> tuple[str, Metadata, tuple[str, ...]]:
    """(article text, metadata read from the text, furniture lines removed).

    ``title``, when already known (an HTML page's), is dropped from the top of the text.
    """
    doc = Cleaned(normalise(raw).split("\n"), meta=Metadata(title=title))
    for step in (_take_url_lines, _take_bio, _take_furniture, _take_byline, _take_title_and_date, _take_marker):
        step(doc)
    return doc.text, doc.meta, tuple(doc.furniture)


def _take_url_lines(doc: Cleaned) -> None:
    """A bare URL on one of the first or last lines is the article's address."""
    idx = doc.content_indices()
    for i in idx[:2] + idx[-3:]:
        m = URL_LINE.match(doc.lines[i])
        if m and doc.meta.url is None:
            doc.meta = doc.meta.over(metadata_from_url(m[1]))
            doc.lines[i] = ""


def _take_bio(doc: Cleaned) -> None:
    """An author-bio block follows "Written By" or precedes "View Full Bio": keep it aside."""
    idx = doc.content_indices()
    for pos, i in enumerate(idx):
        line = doc.lines[i].strip()
        follows_marker = pos > 0 and doc.lines[idx[pos - 1]].strip().lower().rstrip(":") in BIO_MARKERS
        precedes_link = pos + 1 < len(idx) and re.match(
            r"(?i)view (full )?(bio|profile)", doc.lines[idx[pos + 1]].strip()
        )
        m = BIO.match(line)
        if m and (follows_marker or precedes_link):
            doc.meta = doc.meta.with_(author_bio=line, byline=doc.meta.byline or m["name"])
            doc.lines[i] = ""
            return


def _take_furniture(doc: Cleaned) -> None:
    for i, line in enumerate(doc.lines):
        if is_furniture(line):
            doc.furniture.append(line.strip())
            doc.lines[i] = ""


def _take_byline(doc: Cleaned) -> None:
    """A short "By Jane Doe" line near the top or the bottom is the byline."""
    idx = doc.content_indices()
    for i in idx[:HEAD_LINES] + idx[-2:]:
        m = BYLINE.match(doc.lines[i])
        if m:
            doc.meta = doc.meta.with_(byline=doc.meta.byline or m["name"])
            doc.lines[i] = ""
            return


def _take_title_and_date(doc: Cleaned) -> None:
    """A short first line is the title; a short line near the top opening with a date is the dateline."""
    idx = doc.content_indices()
    for i in idx[:HEAD_LINES]:
        found = _dateline(doc.lines[i])
        if found and doc.meta.published is None:
            doc.meta = doc.meta.with_(published=found)
            doc.lines[i] = ""
    idx = doc.content_indices()
    if not idx:
        return
    first = doc.lines[idx[0]].strip()
    if doc.meta.title is not None:
        if first == doc.meta.title:
            doc.lines[idx[0]] = ""
        return
    stands_alone = idx[0] + 1 < len(doc.lines) and not doc.lines[idx[0] + 1].strip()
    if len(idx) >= 2 and stands_alone and _looks_like_title(first):
        doc.meta = doc.meta.with_(title=first)
        doc.lines[idx[0]] = ""


def dateline(text: str) -> date | None:
    """The date of the dateline among the first lines of ``text`` ("Posted: Nov 27, 2005 8:20 AM ET"), as
    cleaning reads it: for a text whose date no metadata gives."""
    lines = [line for line in text.splitlines() if line.strip()][:HEAD_LINES]
    return next((d for d in map(_dateline, lines) if d is not None), None)


def _dateline(line: str) -> date | None:
    line = line.strip()
    return find_dateline(line) if len(line) <= MAX_DATE_LINE else None


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= MAX_TITLE
        and not line.endswith((".", ",", ";", ":", '"', "”", "’"))
        and not line.startswith("(")
    )


def _take_marker(doc: Cleaned) -> None:
    idx = doc.content_indices()
    if idx and doc.meta.outlet is None:
        doc.meta = doc.meta.with_(outlet=outlet_from_marker(doc.lines[idx[0]]))
