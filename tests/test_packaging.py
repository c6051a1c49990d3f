"""Every file the package reads at run time ships in it: `pip install .` copies only what
pyproject.toml's package-data names (an editable install reads the source tree and would not notice)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_of_the_package_is_named_in_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["rashomon"]
    package = ROOT / "rashomon"
    data = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert data, "no data files found: the test looks in the wrong place"
    missing = [f for f in data if not any(_glob(f, pattern) for pattern in patterns)]
    assert missing == [], f"not shipped by `pip install .`: {missing}"


def _glob(path: str, pattern: str) -> bool:
    """A setuptools glob: "*" stays within one folder ("data/*.json" is not "data/lexicons/x.json")."""
    parts, wanted = path.split("/"), pattern.split("/")
    return len(parts) == len(wanted) and all(fnmatch(p, w) for p, w in zip(parts, wanted, strict=True))
