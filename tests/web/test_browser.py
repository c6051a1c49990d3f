"""Pages in a real browser: Debian's Chromium driven by Playwright (no browser download) against the live
server. Screenshots go to test-artifacts/ at the repository root."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.web.conftest import TOKEN, Server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
HOSTILE = (
    "Officials in Kestova said 3 people were hurt. <script>window.__pwned = 1; alert('xss')</script> "
    'A witness posted <img src="x" onerror="window.__pwned = 2; alert(2)"> and '
    '<a href="javascript:alert(3)" onclick="window.__pwned = 3">a link</a> online.'
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    """A fresh page that records every request leaving for another host, and every dialog opened."""
    context = browser.new_context()
    pg = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(server.url) else outside.append(r.url))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.outside, pg.dialogs = outside, dialogs  # type: ignore[attr-defined]
    yield pg
    context.close()


def _shot(pg: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _biggest_story(server: Server) -> Any:
    return server.client().get("/api/stories").json()["items"][0]


def test_the_demo_story_shows_its_conflict_map_and_timeline(page: Page, server: Server) -> None:
    page.goto(server.url + "/")
    page.click(f"text={_biggest_story(server)['title']}")
    assert page.locator(".slot.status-conflict .badge.conflict").count() >= 1
    assert page.locator(".status-conflict tr.figure-row").count() >= 2  # two sources disagree
    assert page.locator("svg.map .marker").count() >= 1 and page.locator("svg.map path.land").count() == 1
    assert page.locator("svg.timeline .figure").count() >= 1
    _shot(page, "story")
    assert page.outside == []  # type: ignore[attr-defined]


def test_a_figure_leads_to_its_evidence_sentence(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/stories/{_biggest_story(server)['id']}")
    link = page.locator(".status-conflict a.figure").first
    figure = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/**")
    target = page.locator("mark:target")
    assert target.count() == 1 and figure.split()[0] in target.inner_text()
    _shot(page, "evidence")


def test_a_hostile_article_runs_no_script_and_shows_its_text(page: Page, server: Server) -> None:
    with server.client(TOKEN) as c:
        added = c.post("/api/ingest", json={"text": HOSTILE, "outlet": "<b>Evil</b> Outlet"}).json()
    article_id = added["article_ids"][0]
    for path in (f"/articles/{article_id}", "/?q=witness", "/?outlet=Evil"):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        assert page.dialogs == [], path  # type: ignore[attr-defined]
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0, path
    page.goto(f"{server.url}/articles/{article_id}")
    assert "<script>window.__pwned = 1" in page.inner_text("article")  # shown as text, not run
    _shot(page, "hostile")
