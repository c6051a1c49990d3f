from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.errors import SettingsError
from rashomon.settings import Settings, load_settings


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    s = load_settings(env={"RASHOMON_CONFIG": _write(tmp_path, "")})
    assert s == Settings()
    assert s.db_path.name == "rashomon.sqlite"


def test_precedence_file_then_environment_then_overrides(tmp_path: Path) -> None:
    cfg = _write(tmp_path, 'db = "/from/file.sqlite"\nbatch_size = 7\n')
    s = load_settings(env={"RASHOMON_CONFIG": cfg})
    assert s.db == Path("/from/file.sqlite") and s.batch_size == 7
    s = load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": "/from/env.sqlite"})
    assert s.db == Path("/from/env.sqlite") and s.batch_size == 7
    s = load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": "/e"}, db=Path("/flag.sqlite"))
    assert s.db == Path("/flag.sqlite")


def test_unknown_key_in_file_is_rejected_and_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="batchsize"):
        load_settings(env={"RASHOMON_CONFIG": _write(tmp_path, "batchsize = 3\n")})


def test_unknown_environment_variable_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="bogus"):
        load_settings(env={"RASHOMON_CONFIG": _write(tmp_path, ""), "RASHOMON_BOGUS": "1"})


def test_bad_values_are_explained(tmp_path: Path) -> None:
    env = {"RASHOMON_CONFIG": _write(tmp_path, ""), "RASHOMON_MAX_INPUT_BYTES": "lots"}
    with pytest.raises(SettingsError, match="max_input_bytes"):
        load_settings(env=env)
    with pytest.raises(SettingsError, match="must be positive"):
        load_settings(env={"RASHOMON_CONFIG": env["RASHOMON_CONFIG"], "RASHOMON_BATCH_SIZE": "0"})


def test_broken_settings_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="TOML"):
        load_settings(env={"RASHOMON_CONFIG": _write(tmp_path, "db = [unclosed")})


def test_missing_named_settings_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not name a file"):
        load_settings(env={"RASHOMON_CONFIG": str(tmp_path / "nope.toml")})


def _write(folder: Path, text: str) -> str:
    path = folder / "rashomon.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)
