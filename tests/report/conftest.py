"""The seed case exported once per test session, for the report tests."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.pipeline import ingest
from rashomon.report import export_json, fact_sheet
from rashomon.settings import Settings
from rashomon.store import open_store
from tests.conftest import CNN_SEED, TRN_SEED, require_shared


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    require_shared(TRN_SEED, CNN_SEED)
    with open_store(tmp_path_factory.mktemp("seeds") / "s.sqlite") as store:
        ingest([TRN_SEED, CNN_SEED], store, Settings())
        return export_json(store)


@pytest.fixture(scope="session")
def seed_sheet(seeds_export: dict[str, Any]) -> dict[str, Any]:
    [story] = seeds_export["stories"]
    return fact_sheet(story)
