"""The seed case exported once per test session, for the report tests."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.pipeline import ingest
from rashomon.records import FactSheet, StoryView
from rashomon.report import export_json, fact_sheet, story_views
from rashomon.settings import Settings
from rashomon.store import open_store
from tests.conftest import CNN_SEED, TRN_SEED, require_shared


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[StoryView]]:
    require_shared(TRN_SEED, CNN_SEED)
    with open_store(tmp_path_factory.mktemp("seeds") / "s.sqlite") as store:
        ingest([TRN_SEED, CNN_SEED], store, Settings())
        return export_json(store), list(story_views(store))


@pytest.fixture(scope="session")
def seeds_export(seeds_store: tuple[dict[str, Any], list[StoryView]]) -> dict[str, Any]:
    return seeds_store[0]


@pytest.fixture(scope="session")
def seed_views(seeds_store: tuple[dict[str, Any], list[StoryView]]) -> list[StoryView]:
    return seeds_store[1]


@pytest.fixture(scope="session")
def seed_sheet(seeds_store: tuple[dict[str, Any], list[StoryView]]) -> FactSheet:
    [story] = seeds_store[1]
    return fact_sheet(story)
