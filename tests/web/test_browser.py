"""Pages in a real browser: Debian's Chromium driven by Playwright (no browser download) against the live
server. Screenshots go to each test's temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from rashomon.web.timeline import MAX_SLOTS
from tests.web.conftest import TOKEN, Server

CHROMIUM = Path("/usr/bin/chromium")
LOOPBACK = "http://127.0.0.1:"  # the test servers; a request anywhere else left the app
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
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that records every request leaving for another host, and every dialog opened."""
    context = browser.new_context()
    pg = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(LOOPBACK) else outside.append(r.url))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.outside, pg.dialogs = outside, dialogs  # type: ignore[attr-defined]
    yield pg
    context.close()


def _shot(pg: Page, folder: Path, name: str) -> None:
    pg.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    assert (folder / f"{name}.png").stat().st_size > 0


def _biggest_story(server: Server) -> Any:
    return server.client().get("/api/stories").json()["items"][0]


def test_the_demo_story_shows_its_conflict_and_timeline_and_no_fictional_place_on_a_map(
    page: Page, server: Server, tmp_path: Path
) -> None:
    page.goto(server.url + "/")
    page.click(f"text={_biggest_story(server)['title']}")
    assert page.locator(".slot.status-conflict .badge.conflict").count() >= 1
    assert page.locator(".status-conflict tr.figure-row").count() >= 2  # two sources disagree
    # Velmora, Vellmora, Kestova and the Orlan Valley exist nowhere: no map rather than pins in Brazil or Russia
    assert page.locator("#story-map").count() == 0
    assert "No place in this story is in the gazetteer" in page.inner_text("#map-section")
    _timeline_shows_every_slot(page, server, _biggest_story(server)["id"])
    _shot(page, tmp_path, "demo-story")
    assert page.outside == []  # type: ignore[attr-defined]


def test_the_seed_story_maps_its_places_by_precision_with_names_on_hover(
    page: Page, seed_server: Server, tmp_path: Path
) -> None:
    story = _biggest_story(seed_server)
    page.goto(f"{seed_server.url}/stories/{story['id']}")
    page.wait_for_selector("#story-map[data-ready=true]")
    page.wait_for_selector("#story-map path.basemap")  # the base layer came from the app itself
    points = page.locator("#story-map path.place.point")
    areas = page.locator("#story-map path.place.area")
    assert points.count() >= 2  # al-Shaddadi, Raqqa, Damascus ... are towns
    assert page.locator("#story-map path.place.precision-country").count() >= 1  # Syria: an area, not a pin
    assert areas.count() >= 1
    assert page.locator(".leaflet-tooltip").count() == 0  # no label printed until asked for
    points.first.hover()
    page.wait_for_selector(".leaflet-tooltip")
    names = {p["name"] for p in seed_server.client().get(f"/api/stories/{story['id']}").json()["map"]}
    assert any(name in page.inner_text(".leaflet-tooltip") for name in names)
    _timeline_shows_every_slot(page, seed_server, story["id"])
    assert {"120", "around 1,500"} <= set(page.locator("svg.story-timeline .slot text.value").all_text_contents())
    _shot(page, tmp_path, "seed-story")
    assert page.outside == []  # type: ignore[attr-defined]


def _timeline_shows_every_slot(page: Page, server: Server, story_id: str) -> None:
    """Each slot with a dated figure has a row in the story timeline, with every such figure's value written."""
    sheet = server.client().get(f"/api/stories/{story_id}").json()
    dated = [s for s in sheet["slots"][:MAX_SLOTS] if any(f["as_of"] for f in s["figures"])]
    rows = page.locator("svg.story-timeline g.row.slot")
    assert rows.count() == len(dated) >= 1
    for i, slot in enumerate(dated):
        written = rows.nth(i).locator("text.value").all_text_contents()
        assert sorted(written) == sorted(f["figure"] for f in slot["figures"] if f["as_of"])


def test_a_figure_leads_to_its_evidence_sentence(page: Page, server: Server, tmp_path: Path) -> None:
    page.goto(f"{server.url}/stories/{_biggest_story(server)['id']}")
    link = page.locator(".status-conflict a.figure").first
    figure = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/**")
    target = page.locator("mark:target")
    assert target.count() == 1 and figure.split()[0] in target.inner_text()
    _shot(page, tmp_path, "evidence")


def test_a_hostile_article_runs_no_script_and_shows_its_text(page: Page, server: Server, tmp_path: Path) -> None:
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
    _shot(page, tmp_path, "hostile")
