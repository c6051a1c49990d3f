"""Article metadata: what the user gave, what a page declared, what the text itself says."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rashomon.dates import date_in_url, parse_iso_date
from rashomon.errors import InputError

FIELDS = ("outlet", "url", "published", "title", "byline", "author_bio", "site_name")


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata of one article; None means unknown."""

    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    byline: str | None = None
    author_bio: str | None = None
    site_name: str | None = None

    def over(self, fallback: Metadata) -> Metadata:
        """These values, with ``fallback``'s filling whatever is unknown here."""
        return Metadata(**{f: getattr(self, f) or getattr(fallback, f) for f in FIELDS})

    def with_(self, **changes: Any) -> Metadata:
        return dataclasses.replace(self, **changes)


def metadata_from_mapping(data: dict[str, Any], where: str) -> Metadata:
    """User-supplied metadata (a manifest entry, a JSONL record); InputError on a bad value."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        raw = data.get(name)
        if raw is None or raw == "":
            continue
        if not isinstance(raw, str):
            raise InputError(f"{where}: field {name!r} must be a string, not {type(raw).__name__}")
        values[name] = raw.strip()
    if "published" in values:
        try:
            values["published"] = parse_iso_date(values["published"])
        except ValueError as exc:
            raise InputError(f"{where}: published {values['published']!r} is not a YYYY-MM-DD date") from exc
    return Metadata(**values)


class Manifest:
    """Per-file metadata, shaped like ``{"articles": [{"file": ..., "outlet": ..., ...}]}``."""

    def __init__(self, entries: dict[str, Metadata], folder: Path) -> None:
        self.entries = entries
        self.folder = folder

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data["articles"]
            entries = {
                str(item["file"]): metadata_from_mapping(item, f"{path} entry {i}") for i, item in enumerate(items)
            }
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(
                f"manifest {path} cannot be used ({exc}); it must be JSON shaped like "
                '{"articles": [{"file": "name.txt", "outlet": "...", "published": "YYYY-MM-DD", "url": "..."}]}'
            ) from exc
        return cls(entries, path.resolve().parent)

    def lookup(self, path: Path) -> Metadata:
        """The entry for ``path``: by its path relative to the manifest's folder, else by file name."""
        resolved = path.resolve()
        if resolved.is_relative_to(self.folder):
            rel = resolved.relative_to(self.folder).as_posix()
            if rel in self.entries:
                return self.entries[rel]
        return self.entries.get(path.name, Metadata())


@dataclass(frozen=True, slots=True)
class OutletTable:
    hosts: dict[str, str]
    markers: dict[str, str]

    def by_host(self, host: str) -> str | None:
        host = host.lower().removeprefix("www.")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self.hosts.get(".".join(parts[i:]))
            if name:
                return name
        return None


@cache
def outlet_table() -> OutletTable:
    raw = json.loads((resources.files("rashomon") / "data" / "outlets.json").read_text(encoding="utf-8"))
    hosts = {h.lower(): o["name"] for o in raw["outlets"] for h in o["hosts"]}
    markers = {m.lower(): o["name"] for o in raw["outlets"] for m in o["markers"]}
    return OutletTable(hosts, markers)


def outlet_from_url(url: str) -> str | None:
    """The outlet's name for a known host, else the host itself (without ``www.``)."""
    host = urlsplit(url).hostname or ""
    if not host:
        return None
    return outlet_table().by_host(host) or host.removeprefix("www.")


def metadata_from_url(url: str) -> Metadata:
    return Metadata(url=url, outlet=outlet_from_url(url), published=date_in_url(url))


MARKER = re.compile(r"^\s*(?:[A-Z][\w .,'-]{0,60}?\s)?\((?P<name>[A-Za-z][\w&. ]{0,30})\)")


def outlet_from_marker(first_line: str) -> str | None:
    """'(CNN) Syrian forces ...' or 'BEIRUT (Reuters) - ...' name the outlet, when it is a known one."""
    m = MARKER.match(first_line)
    return outlet_table().markers.get(m["name"].strip().lower()) if m else None
