from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from rashomon.ingest import Manifest, RawInput, iter_inputs
from rashomon.records import Rejection


def _items(paths: list[Path], max_bytes: int = 10_000, manifest: Manifest | None = None) -> list[RawInput | Rejection]:
    return list(iter_inputs(paths, max_bytes, manifest))


def test_folders_are_walked_recursively_in_order_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("A report.")
    (tmp_path / "b" / "c.html").write_text("<p>C</p>")
    (tmp_path / ".hidden" / "d.txt").write_text("D")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".e.txt").write_text("E")
    items = _items([tmp_path])
    assert [Path(i.origin).name for i in items] == ["a.txt", "c.html"]
    assert [i.kind for i in items if isinstance(i, RawInput)] == ["text", "html"]


def test_a_named_file_of_any_suffix_is_read_and_its_kind_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page.dat"
    page.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    [item] = _items([page])
    assert isinstance(item, RawInput) and item.kind == "html"


def test_missing_path_is_a_rejection_not_an_exception(tmp_path: Path) -> None:
    [item] = _items([tmp_path / "nope.txt"])
    assert isinstance(item, Rejection) and "no such file" in item.reason


def test_oversized_file_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 5000)
    [item] = _items([big], max_bytes=1000)
    assert isinstance(item, Rejection)
    assert "limit" in item.reason and "max_input_bytes" in item.reason


def test_jsonl_records_are_read_line_by_line_and_bad_lines_refused(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First report.", "outlet": "Northwire", "published": "2025-09-09"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"html": "<p>Second report.</p>", "url": "https://x.example/a"}),
        json.dumps({"text": "Bad date.", "published": "9/9/25"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _items([path])
    assert [type(i).__name__ for i in items] == [
        "RawInput",
        "Rejection",
        "Rejection",
        "Rejection",
        "RawInput",
        "Rejection",
    ]
    first, bad_json, not_object, no_body, html, bad_date = items
    assert isinstance(first, RawInput) and first.given.outlet == "Northwire"
    assert first.given.published == date(2025, 9, 9) and first.origin.endswith("feed.jsonl:1")
    assert isinstance(bad_json, Rejection) and "not valid JSON" in bad_json.reason and bad_json.origin.endswith(":2")
    assert isinstance(not_object, Rejection) and "not an object" in not_object.reason
    assert isinstance(no_body, Rejection) and '"text" or "html"' in no_body.reason
    assert isinstance(html, RawInput) and html.kind == "html"
    assert isinstance(bad_date, Rejection) and "YYYY-MM-DD" in bad_date.reason


def test_a_jsonl_line_over_the_limit_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "x" * 2000}) + "\n" + json.dumps({"text": "short"}) + "\n")
    kinds = [type(i).__name__ for i in _items([path], max_bytes=1000)]
    assert kinds == ["Rejection", "RawInput"]


def test_manifest_entries_apply_by_relative_path_or_name(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.txt").write_text("Report.")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"articles": [{"file": "sub/r.txt", "outlet": "TRN", "published": "2026-01-23"}]}))
    [item] = _items([tmp_path / "sub" / "r.txt"], manifest=Manifest.load(manifest))
    assert isinstance(item, RawInput) and item.given.outlet == "TRN" and item.given.published == date(2026, 1, 23)


def test_a_folders_own_manifest_applies_to_files_found_in_it(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Report.")
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": [{"file": "r.txt", "outlet": "TRN"}]}))
    [walked] = _items([tmp_path])
    [named] = _items([tmp_path / "r.txt"])
    assert isinstance(walked, RawInput) and walked.given.outlet == "TRN"
    assert isinstance(named, RawInput) and named.given.outlet is None
