"""`rashomon serve`: a JSON API (described by its OpenAPI schema at /openapi.json) and server-rendered
pages over one store. Reads are open; writes (ingest) need the token as ``Authorization: Bearer``.
Every failure, API or page, has one shape: ``{"error": {"status", "code", "message"}}`` (pages show
the same message in HTML)."""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import threading
from collections import OrderedDict
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from rashomon.dates import parse_iso_date
from rashomon.errors import InputError
from rashomon.ingest import Metadata, RawInput, iter_inputs, reject
from rashomon.ingest.fetch import fetch, limits_for
from rashomon.pipeline import IngestStore, ingest_inputs
from rashomon.records import Article, Highlight, StoryView
from rashomon.report import fact_sheet, sheet_json, story_views, view_by_id
from rashomon.report.export import article_json, listing_json
from rashomon.report.queries import StoryFilter, claim_rows, entity_rows, find_stories, map_places, page, spans
from rashomon.report.tables import event_rows
from rashomon.settings import Settings
from rashomon.web import pages
from rashomon.web.assets import install_assets
from rashomon.web.feeds import install_feeds

Json = dict[str, Any]
MAX_PAGE = 200
CACHED_STORIES = 64  # stories kept as built between requests (until the next ingest)


class Service:
    """The store behind the app, one request at a time (SQLite connections are not shared across
    threads concurrently), with the exported stories cached until the next ingest."""

    def __init__(self, store: IngestStore, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self.lock = threading.RLock()
        self._stories: list[StoryView] | None = None
        self._one: OrderedDict[str, StoryView] = OrderedDict()  # stories asked for one by one, latest last

    def stories(self) -> list[StoryView]:
        with self.lock:
            if self._stories is None:
                self._stories = list(story_views(self.store))  # type: ignore[arg-type]
            return self._stories

    def story(self, story_id: str) -> StoryView:
        """One story, built from its own rows (its cost grows with the story, not with the store)."""
        with self.lock:
            if story_id not in self._one:
                found = view_by_id(self.store, story_id)  # type: ignore[arg-type]
                if found is None:
                    raise HTTPException(404, f"no story {story_id!r}; list them at /api/stories")
                self._one[story_id] = found
                while len(self._one) > CACHED_STORIES:
                    self._one.popitem(last=False)
            self._one.move_to_end(story_id)
            return self._one[story_id]

    def article(self, article_id: str) -> tuple[Article, list[Highlight]]:
        with self.lock:
            a = self.store.article(article_id)
            if a is None or a.id != article_id:
                raise HTTPException(404, f"no article {article_id!r}; a story lists its articles")
            return a, spans(self.store.extraction(a.id))

    def ingest(self, items: list[RawInput | Any]) -> Json:
        with self.lock:
            report = ingest_inputs(items, self.store, self.settings)
            self._stories = None
            self._one.clear()
        return {
            "read": report.read, "added": report.added, "article_ids": report.article_ids,
            "rejected": [{"origin": r.origin, "reason": r.reason} for r in report.rejected],
            "stories": report.stories,
        }  # fmt: skip


class PostedArticle(BaseModel):
    """One article to ingest: exactly one of ``text``, ``html`` or ``url``, with optional metadata."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO date, YYYY-MM-DD")
    title: str | None = None


class Rejected(BaseModel):
    origin: str
    reason: str


class IngestResult(BaseModel):
    read: int
    added: int
    article_ids: list[str]
    rejected: list[Rejected]
    stories: list[str]


class StorySummary(BaseModel):
    id: str
    title: str
    reports: int
    outlets: list[str]
    first_day: str | None
    last_day: str | None
    conflicts: int
    claims: int
    places: list[str]
    actors: list[str]


class StoryPage(BaseModel):
    items: list[StorySummary]
    total: int
    offset: int
    limit: int


class RowPage(BaseModel):
    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


class ArticleOut(BaseModel):
    article: dict[str, Any]
    spans: list[dict[str, Any]]


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 404, 413, 422, 500)
}  # fmt: skip
CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
         422: "invalid", 500: "internal"}  # fmt: skip


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        body = {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}
        return JSONResponse(body, status_code=status)
    return HTMLResponse(pages.error_page(status, message), status_code=status)


def create_app(store: IngestStore, settings: Settings) -> FastAPI:
    """The app over ``store``; ``settings.api_token`` guards writes (no token set: writes are refused)."""
    service = Service(store, settings)
    app = FastAPI(
        title="Rashomon", version="1", description=__doc__, responses=ERRORS, docs_url=None, redoc_url=None
    )  # the interactive docs load scripts from a CDN: the schema stays at /openapi.json
    _install_errors(app)
    _install_headers(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)  # the map's base layer is 1.8 MB of JSON, 0.5 compressed
    _api(app, service)
    _pages(app, service)
    install_assets(app)
    install_feeds(app, store, _token_checker(settings), settings.allow_private_urls)  # type: ignore[arg-type]
    return app


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, f"invalid request ({problems})")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, f"internal error ({type(exc).__name__}); the server log has details")


SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _install_headers(app: FastAPI) -> None:
    """Pages run only the app's own script files (the story map), never inline script: the policy makes
    that hold even if some text escaped escaping."""

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response


def _token_checker(settings: Settings) -> Any:
    def check(authorization: Annotated[str | None, Header()] = None) -> None:
        expected = settings.api_token
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "writes need the API token as 'Authorization: Bearer TOKEN' (see api_token)")

    return check


def _filters(
    q: str | None = None, since: str | None = None, until: str | None = None, place: str | None = None,
    actor: str | None = None, outlet: str | None = None,
) -> StoryFilter:  # fmt: skip
    return StoryFilter(q=q, since=since, until=until, place=place, actor=actor, outlet=outlet)


Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def _api(app: FastAPI, service: Service) -> None:
    @app.get("/api/stories", response_model=StoryPage, tags=["stories"])
    def list_stories(f: Annotated[StoryFilter, Depends(_filters)], offset: Offset = 0, limit: Limit = 20) -> Json:
        """Stories, biggest first, filtered by words, dates, place, actor and outlet."""
        return page([listing_json(s) for s in find_stories(service.stories(), f)], offset, limit)

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> Json:
        """A story's fact sheet data (slots with every source's figure, events, timeline, sources, signals)."""
        story = service.story(story_id)
        return sheet_json(fact_sheet(story)) | {"map": map_places(story)}

    @app.get("/api/claims", response_model=RowPage, tags=["claims"])
    def list_claims(
        story: str | None = None, conflicts_only: bool = False, speaker: str | None = None,
        outlet: str | None = None, offset: Offset = 0, limit: Limit = 50,
    ) -> Json:  # fmt: skip
        """Claims as rows: filter to conflicting slots, a speaker or an outlet (substrings)."""
        stories = [service.story(story)] if story else service.stories()
        return page(claim_rows(stories, conflicts_only, speaker, outlet), offset, limit)

    @app.get("/api/events", response_model=RowPage, tags=["events"])
    def list_events(story: str | None = None, offset: Offset = 0, limit: Limit = 50) -> Json:
        """Events as ACLED-like rows with coordinates."""
        stories = [service.story(story)] if story else service.stories()
        return page(event_rows(stories), offset, limit)

    @app.get("/api/entities", response_model=RowPage, tags=["entities"])
    def list_entities(story: str | None = None, type: str | None = None, offset: Offset = 0, limit: Limit = 50) -> Json:
        """Entities merged within each story, with aliases and coordinates."""
        stories = [service.story(story)] if story else service.stories()
        return page(entity_rows(stories, type), offset, limit)

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
    def get_article(article_id: str) -> Json:
        """An article with its extracted spans (entities, amounts, sources, claims) in character offsets."""
        article, found = service.article(article_id)
        return {"article": article_json(article), "spans": [asdict(s) for s in found]}

    _writes(app, service)


def _writes(app: FastAPI, service: Service) -> None:
    guard = [Depends(_token_checker(service.settings))]

    @app.post("/api/ingest", response_model=IngestResult, dependencies=guard, tags=["ingest"])
    def post_article(body: PostedArticle) -> Json:
        """Ingest one article given as text, HTML or a URL (fetched with SSRF, size and time limits)."""
        return service.ingest([_raw(body, service.settings)])

    @app.post("/api/ingest/jsonl", response_model=IngestResult, dependencies=guard, tags=["ingest"])
    def post_jsonl(file: Annotated[UploadFile, File()]) -> Json:
        """Ingest a JSON Lines file, one article per line (bad lines are rejected with their reason)."""
        limit = service.settings.max_input_bytes
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "upload.jsonl"
            data = file.file.read(limit + 1)
            if len(data) > limit:
                raise HTTPException(413, f"the upload is over the {limit} byte limit (max_input_bytes); split it")
            path.write_bytes(data)
            return service.ingest(list(iter_inputs([path], limit)))


def _raw(body: PostedArticle, settings: Settings) -> Any:
    given = _metadata(body)
    chosen = [k for k in ("text", "html", "url") if getattr(body, k)]
    if len(chosen) != 1:
        raise HTTPException(422, "give exactly one of text, html or url")
    if body.url:
        try:
            return fetch(body.url, limits_for(settings), given)
        except InputError as exc:
            return reject(body.url, exc)
    data = (body.text or body.html or "").encode("utf-8")
    origin = f"api:{_digest(data)}"
    if len(data) > settings.max_input_bytes:
        raise HTTPException(413, f"the article is over the {settings.max_input_bytes} byte limit (max_input_bytes)")
    return RawInput(origin=origin, kind="text" if body.text else "html", data=data, given=given)


def _metadata(body: PostedArticle) -> Metadata:
    try:
        published = parse_iso_date(body.published) if body.published else None
    except (ValueError, InputError) as exc:
        raise HTTPException(422, f"published must be an ISO date such as 2026-01-20 ({exc})") from exc
    return Metadata(outlet=body.outlet, published=published, title=body.title)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _pages(app: FastAPI, service: Service) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, offset: Offset = 0, limit: Limit = 50) -> str:
        fields = {name for name, _ in pages.SEARCH_FIELDS}
        query = {k: v for k, v in request.query_params.items() if k in fields and v}
        found = find_stories(service.stories(), StoryFilter(**query))
        return pages.story_list(found, offset, limit, query)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> str:
        story = service.story(story_id)
        return pages.story_page(fact_sheet(story), map_places(story))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> str:
        article, found = service.article(article_id)
        return pages.article_page(article, found)
