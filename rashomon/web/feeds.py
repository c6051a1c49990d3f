"""The feeds a watcher follows, in the web app: listed with their status (API and page), added through
the API with the token that guards every write."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Protocol

from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from rashomon.errors import FetchError
from rashomon.ingest.fetch import check_url
from rashomon.report.escaping import h
from rashomon.store.feeds import Feed
from rashomon.web.pages import layout

Json = dict[str, Any]


class FeedStore(Protocol):
    def feeds(self) -> list[Feed]: ...
    def add_feed(self, url: str, outlet: str | None, every_s: int) -> None: ...


class FeedOut(BaseModel):
    url: str
    outlet: str | None
    every_s: int
    next_due: float
    last_success: str | None
    last_error: str | None
    entries_seen: int


class NewFeed(BaseModel):
    url: str
    outlet: str | None = None
    every_s: int = Field(default=900, ge=30, description="seconds between two polls (30 or more)")


def install_feeds(app: FastAPI, store: FeedStore, guard: Any, allow_private: bool) -> None:
    @app.get("/api/feeds", response_model=list[FeedOut], tags=["feeds"])
    def list_feeds() -> list[Json]:
        """The feeds `rashomon watch` follows, with their last success, last error and entries seen."""
        return [_out(f) for f in store.feeds()]

    @app.post("/api/feeds", response_model=FeedOut, dependencies=[Depends(guard)], tags=["feeds"])
    def add_feed(body: NewFeed) -> Json:
        """Follow a feed (RSS, Atom or JSON Feed). An address that may never be fetched is refused now; a
        host name is checked at each poll (it may not resolve from here yet)."""
        try:
            check_url(body.url, allow_private, resolve=False)
        except FetchError as exc:
            raise HTTPException(422, str(exc)) from exc
        store.add_feed(body.url, body.outlet, body.every_s)
        return next(_out(f) for f in store.feeds() if f.url == body.url)

    @app.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
    def feeds_page() -> str:
        rows = "".join(
            f"<tr><td>{h(f.url)}</td><td>{h(f.outlet or '')}</td><td>{f.every_s} s</td><td>{f.entries_seen}</td>"
            f"<td>{h(f.last_success or 'never')}</td><td>{h(f.last_error or '')}</td></tr>"
            for f in store.feeds()
        )
        table = (
            "<table><thead><tr><th>Feed</th><th>Outlet</th><th>Every</th><th>Entries</th><th>Last success</th>"
            f"<th>Last error</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        empty = "<p>No feed is followed. Add one with <code>rashomon feeds add URL</code> or POST /api/feeds.</p>"
        return layout("Feeds", f"<h1>Feeds</h1>{table if rows else empty}")


def _out(f: Feed) -> Json:
    return {k: v for k, v in asdict(f).items() if k in FeedOut.model_fields}
