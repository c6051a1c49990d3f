"""Data flows one way: each part of the package imports only the parts below it (imports inside functions
count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rashomon"
# what each part may not import: the parts that run after it, or that it must not know
FORBIDDEN = {
    "errors": {"*"},
    "records": {"*"},
    "settings": {"*"},
    "lexicons": {"*"},
    "nlp": {"extract", "geo", "link", "store", "pipeline", "report", "web", "cli", "eval", "train"},
    "ingest": {"extract", "nlp", "link", "store", "pipeline", "report", "web", "cli"},
    "extract": {"link", "store", "pipeline", "report", "web", "cli", "eval", "train"},
    "link": {"report", "web", "cli", "pipeline", "eval"},
    "store": {"extract", "nlp", "link", "report", "web", "cli", "pipeline"},
    "report": {"web", "cli", "pipeline", "eval"},
}
ALLOWED_BELOW = {"errors", "records", "settings", "lexicons"}  # what even the lowest parts may read


def _part(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "rashomon" and len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names if node.module == "rashomon"}
    return found


def _module_part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_a_part_imports_nothing_that_runs_after_it(part: str) -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if _module_part(path) != part:
            continue
        for module in _imports(path):
            other = _part(module)
            if other is None or other == part:
                continue
            forbidden = FORBIDDEN[part]
            if ("*" in forbidden and other not in ALLOWED_BELOW - {part}) or other in forbidden:
                offences.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not offences, offences


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from rashomon.link import reconcile\n    import rashomon.web\n")
    assert {"rashomon.link", "rashomon.web"} <= _imports(module)


def test_only_the_nlp_and_extract_packages_import_spacy() -> None:
    found = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if any(m == "spacy" or m.startswith("spacy.") for m in _imports(path))
        and _module_part(path) not in ("nlp", "extract")
    )
    assert found == []
