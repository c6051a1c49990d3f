"""The terminal fact sheet: snapshots of a fictional story at 80 and 160 columns, and on the seed case
the properties a reader relies on (nothing wider than the screen, no word broken, sections in order)."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from rich.console import Console

from rashomon.records import FactSheet
from rashomon.report import fact_sheet, terminal
from tests.conftest import needs_seeds
from tests.report.views import view_from_export

HERE = Path(__file__).parent
SECTIONS = ["SUMMARY", "FIGURES", "DERIVED FIGURES", "EVENTS", "TIMELINE", "SOURCES"]


def render(sheet: FactSheet, width: int) -> str:
    out = io.StringIO()
    terminal(sheet, Console(file=out, width=width, color_system=None, soft_wrap=True))
    return out.getvalue()


@pytest.fixture(scope="module")
def flood_sheet() -> FactSheet:
    story = json.loads((HERE / "data" / "flood_story.json").read_text(encoding="utf-8"))
    return fact_sheet(view_from_export(story))


@pytest.mark.parametrize("width", [80, 160])
def test_the_sheet_matches_its_snapshot(flood_sheet: FactSheet, width: int) -> None:
    """Set RASHOMON_UPDATE_SNAPSHOTS=1 to rewrite the snapshot after a deliberate change, then read it."""
    got = render(flood_sheet, width)
    snapshot = HERE / "snapshots" / f"flood_sheet_{width}.txt"
    if os.environ.get("RASHOMON_UPDATE_SNAPSHOTS"):
        snapshot.write_text(got, encoding="utf-8")
    assert got == snapshot.read_text(encoding="utf-8")


def test_the_summary_leads_with_the_sourced_disagreement_in_plain_words(flood_sheet: FactSheet) -> None:
    lines = flood_sheet.summary_lines
    assert lines[1] == (
        "Killed: the regional civil protection agency says 12; Mara Oduya (Red Lantern Society coordinator), "
        "via Radio Sud, says at least 40; Relief Wire, naming no source, says several (a vague figure)."
    )
    assert lines[2].startswith("Missing changes over time: 30 on 2025-05-02")
    assert "at_large" not in " ".join(lines) and "_" not in " ".join(lines)


def test_sourced_conflicts_come_first_then_evolution_agreement_and_single_figures(
    flood_sheet: FactSheet,
) -> None:
    assert [s.status for s in flood_sheet.slots] == ["conflict", "evolving", "agree", "single"]


@pytest.mark.parametrize("width", [80, 100, 160])
def test_the_flood_sheet_has_every_section_in_order(flood_sheet: FactSheet, width: int) -> None:
    text = render(flood_sheet, width)
    positions = [text.index(f"\n{name}\n") for name in SECTIONS]
    assert positions == sorted(positions)


def _words(text: str) -> set[str]:
    return {w.strip("“”\"'()[],.;:│┃") for w in text.split()}


@needs_seeds()
@pytest.mark.parametrize("width", [80, 160])
def test_the_seed_sheet_fits_the_width_without_breaking_a_word(seed_sheet: FactSheet, width: int) -> None:
    text = render(seed_sheet, width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert not any(line.endswith(" ") for line in text.splitlines())
    printed = _words(text)
    for row in seed_sheet.slots:
        for f in row.figures:
            evidence = _words(f.evidence) - {""}
            assert evidence <= printed, sorted(evidence - printed)
    for word in ("unveri", "interi", "minist"):
        assert not re.search(rf"\b{word}\b", text)


@needs_seeds()
def test_the_seed_sheet_reads_the_conflict_and_the_derived_figure_in_plain_words(seed_sheet: FactSheet) -> None:
    text = render(seed_sheet, 80)
    summary = text[text.index("SUMMARY") : text.index("FIGURES")]
    flat = " ".join(summary.split())
    assert (
        "Escaped: the interior ministry says 120; Farhad Shami (SDF spokesperson), via Rudaw, says around 1,500" in flat
    )
    assert "Still at large changes over time: 39 on 2026-01-20" in flat
    assert "Still at large = 39 as of 2026-01-20" in " ".join(text.split())
    positions = [text.index(f"\n{name}\n") for name in SECTIONS]
    assert positions == sorted(positions)
