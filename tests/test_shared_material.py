"""Tests that read ../shared skip outside CI when it is missing, and fail in CI instead of passing unseen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import needs_shared, require_shared


def test_missing_material_skips_with_its_path_outside_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    mark = needs_shared(tmp_path / "absent", tmp_path)
    assert mark.args[0] is True and str(tmp_path / "absent") in mark.kwargs["reason"]
    with pytest.raises(pytest.skip.Exception):
        require_shared(tmp_path / "absent")
    assert needs_shared(tmp_path).args[0] is False


def test_missing_material_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    assert needs_shared(tmp_path / "absent").args[0] is False  # the test runs, and fails on the missing file
    with pytest.raises(pytest.fail.Exception):
        require_shared(tmp_path / "absent")
