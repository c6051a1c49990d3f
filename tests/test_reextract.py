"""An article whose extraction failed is stored with its reason and can be extracted again, as can every
article after the models changed; its story is worked out again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import rashomon.extract
from rashomon.pipeline import ingest, reextract
from rashomon.settings import Settings
from rashomon.store import SQLStore
from tests.conftest import run_cli

DORSK = "Gunmen killed 12 people in Dorsk on Monday, police said. The attack in Dorsk shocked the region.\n"
VELL = "Floods forced 300 families from their homes in Vell on Tuesday, the mayor said.\n"


def _reports(folder: Path) -> list[Path]:
    paths = [folder / "dorsk.txt", folder / "vell.txt"]
    for path, text in zip(paths, (DORSK, VELL), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _failing_on_dorsk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = rashomon.extract.extract

    def extract(article: Any, doc: Any) -> Any:
        if "Dorsk" in article.text:
            raise RuntimeError("the model ran out of memory")
        return real(article, doc)

    monkeypatch.setattr(rashomon.extract, "extract", extract)


def test_a_failed_extraction_is_recorded_and_extracted_again_later(
    tmp_path: Path, any_store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(batch_size=4)
    paths = _reports(tmp_path)
    _failing_on_dorsk(monkeypatch)
    ingest(paths, any_store, settings)
    [(failed_id, status, reason)] = any_store.extraction_status("failed")
    assert status == "failed" and reason == "RuntimeError: the model ran out of memory"
    assert any_store.extraction(failed_id).claims == ()
    ingest(paths, any_store, settings)  # ingesting the file again does not retry it: the text is stored
    assert [i for i, _, _ in any_store.extraction_status("failed")] == [failed_id]

    monkeypatch.undo()
    report = reextract([failed_id], any_store, settings)
    assert report.extracted == 1 and report.failed == [] and report.stories
    assert any_store.extraction_status("failed") == []
    assert [c.value.low for c in any_store.extraction(failed_id).claims] == [12.0]
    story_id = any_store.story_of(failed_id)
    assert story_id is not None and any_store.reconciliation(story_id)[0]  # its slots were worked out


def test_extracting_everything_again_gives_the_same_records_and_no_duplicates(
    tmp_path: Path, any_store: SQLStore
) -> None:
    settings = Settings(batch_size=4)
    ingest(_reports(tmp_path), any_store, settings)
    ids = [a.id for a in any_store.articles()]
    before = [any_store.extraction(i) for i in ids]
    report = reextract(ids, any_store, settings)
    assert report.extracted == 2 and [any_store.extraction(i) for i in ids] == before
    assert {s for _, s, _ in any_store.extraction_status()} == {"ok"}


def test_an_article_that_fails_again_keeps_its_old_records_and_its_new_reason(
    tmp_path: Path, any_store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(batch_size=4)
    ingest(_reports(tmp_path), any_store, settings)
    dorsk = next(a.id for a in any_store.articles() if "Dorsk" in a.text)
    kept = any_store.extraction(dorsk)
    _failing_on_dorsk(monkeypatch)
    report = reextract([dorsk], any_store, settings)
    assert report.extracted == 0 and report.failed == [(dorsk, "RuntimeError: the model ran out of memory")]
    assert any_store.extraction(dorsk) == kept
    assert [i for i, _, _ in any_store.extraction_status("failed")] == [dorsk]


def test_the_reextract_command_needs_to_be_told_which_articles(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    assert run_cli("ingest", *map(str, _reports(tmp_path)), db=db).returncode == 0
    assert run_cli("reextract", db=db).returncode == 2
    assert run_cli("reextract", "--failed", db=db).stdout.startswith("extracted 0 of 0 article(s) again")
    done = run_cli("reextract", "--all", db=db)
    assert done.returncode == 0 and done.stdout.startswith("extracted 2 of 2 article(s) again; 0 failed")
    assert "extraction" in run_cli("articles", db=db).stdout
