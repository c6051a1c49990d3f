"""Inputs, read lazily: files, folders (recursively) and JSON Lines records.

Each input becomes a :class:`RawInput`, or a :class:`~rashomon.records.Rejection`
with the reason it cannot be read; nothing here raises for a bad input.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from rashomon.errors import InputError, MalformedRecord, MissingInput, TooLarge
from rashomon.ingest.metadata import Manifest, Metadata, metadata_from_mapping
from rashomon.records import InputKind, Rejection

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input not yet parsed: a file's bytes, or one JSON Lines record."""

    origin: str
    kind: InputKind
    data: bytes = b""
    record: dict[str, Any] = field(default_factory=dict)
    given: Metadata = field(default_factory=Metadata)


def reject(origin: str, error: Exception) -> Rejection:
    reason = str(error) if isinstance(error, InputError) else f"unexpected {type(error).__name__}: {error}"
    return Rejection(Rejection.make_id(origin, reason), origin, reason, datetime.now(UTC))


def _size_message(size: int, limit: int) -> str:
    return (
        f"input is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB limit; raise max_input_bytes "
        "(RASHOMON_MAX_INPUT_BYTES) or split the file"
    )


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes; TooLarge past ``limit`` (checked on the bytes read, not only the size)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise MissingInput(f"cannot read {path} ({exc.strerror or exc}); check the path and its permissions") from exc
    if len(data) > limit:
        raise TooLarge(_size_message(max(len(data), _size_of(path)), limit))
    return data


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def kind_of(path: Path, head: bytes) -> InputKind:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    start = head.lstrip()[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    return "jsonl" if start.startswith(b"{") and b'"' in start else "text"


def iter_paths(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """(path, found in a folder): files as named, then the supported files of named folders
    (recursively, sorted, hidden ones skipped)."""
    for path in paths:
        if not path.is_dir():
            yield path, False
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name == MANIFEST_NAME:
                    continue
                if Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield Path(root) / name, True


def iter_inputs(
    paths: Iterable[Path], max_bytes: int, manifest: Manifest | None = None
) -> Iterator[RawInput | Rejection]:
    """Every input under ``paths``, lazily; JSON Lines files yield one item per line."""
    for path, in_folder in iter_paths(paths):
        given = _manifest_for(path, manifest, in_folder)
        try:
            yield from _inputs_of(path, max_bytes, given)
        except Exception as exc:  # one bad input never stops the batch
            yield reject(str(path), exc)


def count_inputs(paths: Iterable[Path]) -> int:
    """About how many items :func:`iter_inputs` will yield (non-blank lines of JSON Lines files, else one per
    file), for a progress bar's total; reads the JSON Lines files once, a fraction of the cost of ingesting them."""
    total = 0
    for path, _ in iter_paths(paths):
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def _manifest_for(path: Path, manifest: Manifest | None, in_folder: bool) -> Metadata:
    """The named manifest's entry; for a file found by walking a folder, that folder's own manifest."""
    if manifest is not None:
        return manifest.lookup(path)
    sibling = _sibling_manifest(path.parent) if in_folder else None
    return sibling.lookup(path) if sibling is not None else Metadata()


@lru_cache(maxsize=64)
def _sibling_manifest(folder: Path) -> Manifest | None:
    """A folder's own ``manifest.json`` applies to the files beside it (an unusable one is ignored)."""
    candidate = folder / MANIFEST_NAME
    if not candidate.is_file():
        return None
    try:
        return Manifest.load(candidate)
    except InputError:
        return None


def _inputs_of(path: Path, max_bytes: int, given: Metadata) -> Iterator[RawInput | Rejection]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise MissingInput(f"no such file: {path} ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(mode):
        raise MissingInput(f"{path} is not a regular file (a device, socket or pipe); name a file or a folder")
    with path.open("rb") as fh:
        head = fh.read(1024)
    kind = kind_of(path, head)
    if kind == "jsonl":
        yield from _jsonl_records(path, max_bytes, given)
    else:
        yield RawInput(origin=str(path), kind=kind, data=read_limited(path, max_bytes), given=given)


def _jsonl_records(path: Path, max_bytes: int, given: Metadata) -> Iterator[RawInput | Rejection]:
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                yield _jsonl_record(origin, line, max_bytes, given)
            except Exception as exc:
                yield reject(origin, exc)


def _jsonl_record(origin: str, line: bytes, max_bytes: int, given: Metadata) -> RawInput:
    if len(line) > max_bytes:
        raise TooLarge(_size_message(len(line), max_bytes))
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRecord(f"line is not valid JSON ({exc}); fix or remove the line") from exc
    if not isinstance(record, dict):
        raise MalformedRecord('line is JSON but not an object; each line must be {"text": ...} or {"html": ...}')
    body = record.get("text", record.get("html"))
    if not isinstance(body, str) or not body.strip():
        raise MalformedRecord('record has no "text" or "html" string; each line needs one of them')
    kind: InputKind = "jsonl" if isinstance(record.get("text"), str) else "html"
    origin = str(record["origin"]) if isinstance(record.get("origin"), str) else origin
    return RawInput(origin=origin, kind=kind, record=record, given=metadata_from_mapping(record, origin).over(given))
