from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.errors import SettingsError
from rashomon.settings import Settings, load_settings


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    s = load_settings(env={"RASHOMON_CONFIG": _write(tmp_path, "")})
    assert s == Settings()
    assert Path(s.store_target).name == "rashomon.sqlite"


def test_precedence_file_then_environment_then_overrides(tmp_path: Path) -> None:
    cfg = _write(tmp_path, 'db = "/from/file.sqlite"\nbatch_size = 7\n')
    s = load_settings(env={"RASHOMON_CONFIG": cfg})
    assert s.db == "/from/file.sqlite" and s.batch_size == 7
    s = load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": "/from/env.sqlite"})
    assert s.db == "/from/env.sqlite" and s.batch_size == 7
    s = load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": "/e"}, db="/flag.sqlite")
    assert s.db == "/flag.sqlite"


def test_a_database_url_is_kept_as_given_and_a_path_is_expanded(tmp_path: Path) -> None:
    cfg = _write(tmp_path, "")
    url = "postgresql://analyst@db.example:5432/rashomon"
    assert load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": url}).store_target == url
    home = load_settings(env={"RASHOMON_CONFIG": cfg, "RASHOMON_DB": "~/r.sqlite"}).store_target
    assert home == str(Path.home() / "r.sqlite")


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
