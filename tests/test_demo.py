from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from rashomon.demo import run_demo
from rashomon.errors import StoreError
from rashomon.records import Article
from rashomon.settings import Settings
from tests.conftest import run_cli


@pytest.fixture
def demo_articles(tmp_path: Path) -> list[Article]:
    store, report = run_demo(Settings(), tmp_path / "demo.sqlite")
    with store:
        assert not report.rejected
        return list(store.articles())


def test_demo_corpus_has_the_promised_shape(demo_articles: list[Article]) -> None:
    assert 8 <= len(demo_articles) <= 12
    assert 4 <= len({a.outlet for a in demo_articles}) <= 6
    days = {a.published for a in demo_articles}
    assert None not in days and 3 <= len(days) <= 5
    assert all(a.title for a in demo_articles)


def test_demo_holds_the_hard_cases(demo_articles: list[Article]) -> None:
    text = "\n".join(a.text for a in demo_articles)
    assert "Velmora" in text and "Vellmora" in text  # two spellings of one place
    assert re.search(r"told Radio Kestrel that", text)  # a relayed claim
    assert re.search(r"\b[Dd]ozens\b", text)  # a vague amount
    assert "14 people" in text and "around 40" in text  # one figure, two named sources
    held = [m for m in ("Eighteen people are still held", "Nine residents", "Three residents") if m in text]
    assert len(held) == 3  # a figure that changes as the days pass
    low = next(a for a in demo_articles if a.outlet == "ClickPulse")
    assert len(low.furniture) >= 4 and low.author_bio  # page furniture and a bio, no named source
    counts = Counter(a.outlet for a in demo_articles)
    assert counts["The Daily Lantern"] == 1  # the wire copy ...
    lantern = next(a for a in demo_articles if a.outlet == "The Daily Lantern")
    wire = next(a for a in demo_articles if a.outlet == "Northwire" and "Monday night" in a.text)
    assert _overlap(lantern.text, wire.text) > 0.9  # ... is near-verbatim


def test_demo_refuses_to_overwrite_a_store_that_is_not_a_demo(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    real = tmp_path / "r.txt"
    real.write_text("The bridge closed on Friday, engineers said.")
    assert run_cli("ingest", str(real), db=path).returncode == 0
    with pytest.raises(StoreError, match="not a demo store"):
        run_demo(Settings(), path)


def test_demo_command_prints_the_articles_and_starts_fresh(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    for _ in range(2):
        done = run_cli("demo", "--db", str(db), db=tmp_path / "unused.sqlite")
        assert done.returncode == 0, done.stderr
        assert "10 new article" in done.stdout
        assert "Velmora" in done.stdout
        assert "Killed" in done.stdout and "sources disagree" in done.stdout  # the fact sheet of the demo story
        assert "\nSOURCES\n" in done.stdout


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))
