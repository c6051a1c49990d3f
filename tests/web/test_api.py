from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.web.conftest import TOKEN, Server


def _validator(schema: dict[str, Any], spec: dict[str, Any]) -> Draft202012Validator:
    """A validator for one response schema whose $refs point into the OpenAPI document."""
    registry = Registry().with_resource("urn:openapi", Resource(contents=spec, specification=DRAFT202012))
    raw = json.dumps(schema).replace('"#/components', '"urn:openapi#/components')
    return Draft202012Validator(json.loads(raw), registry=registry)  # type: ignore[call-arg]


def _conforms(spec: dict[str, Any], path: str, method: str, response: httpx.Response) -> None:
    op = spec["paths"][path][method]
    declared = op["responses"].get(str(response.status_code))
    assert declared is not None, f"{method.upper()} {path} answered {response.status_code}, not in its schema"
    schema = declared.get("content", {}).get("application/json", {}).get("schema")
    if schema:
        errors = list(_validator(schema, spec).iter_errors(response.json()))
        assert not errors, f"{method.upper()} {path}: {errors[0].message}"


@pytest.fixture(scope="module")
def spec(app: Server) -> dict[str, Any]:
    return dict(app.client().get("/openapi.json").json())


def test_every_read_endpoint_answers_as_its_schema_says(app: Server, spec: dict[str, Any]) -> None:
    with app.client() as c:
        story = c.get("/api/stories").json()["items"][0]["id"]
        article = c.get("/api/claims", params={"story": story}).json()["items"][0]["article_id"]
        calls = {
            "/api/stories": {"q": "raid", "limit": 5}, "/api/stories/{story_id}": {},
            "/api/claims": {"conflicts_only": "true"}, "/api/events": {"story": story},
            "/api/entities": {"type": "gpe"}, "/api/articles/{article_id}": {},
        }  # fmt: skip
        for path, params in calls.items():
            url = path.replace("{story_id}", story).replace("{article_id}", article)
            response = c.get(url, params=params)
            assert response.status_code == 200, response.text
            _conforms(spec, path, "get", response)


def test_errors_have_one_shape_and_are_in_the_schema(app: Server, spec: dict[str, Any]) -> None:
    with app.client() as c:
        cases = [
            ("/api/stories/{story_id}", c.get("/api/stories/no-such-story"), 404),
            ("/api/stories", c.get("/api/stories", params={"limit": 0}), 422),
            ("/api/ingest", c.post("/api/ingest", json={"text": "An article."}), 401),
        ]
        for path, response, status in cases:
            assert response.status_code == status
            assert set(response.json()["error"]) == {"status", "code", "message"}
            _conforms(spec, path, "get" if "ingest" not in path else "post", response)


def test_story_filters_narrow_the_list(app: Server) -> None:
    with app.client() as c:
        everything = c.get("/api/stories").json()["total"]
        assert c.get("/api/stories", params={"q": "zzzunheardof"}).json()["total"] == 0
        hit = c.get("/api/stories", params={"outlet": "Northwire", "since": "2025-09-01"}).json()
        assert 0 < hit["total"] <= everything
        assert all(any("Northwire" in o for o in s["outlets"]) for s in hit["items"])
        assert c.get("/api/stories", params={"until": "1999-01-01"}).json()["total"] == 0


def test_conflicts_only_returns_claims_of_conflicting_slots(app: Server) -> None:
    rows = app.client().get("/api/claims", params={"conflicts_only": "true", "limit": 200}).json()["items"]
    assert rows and {r["slot_status"] for r in rows} == {"conflict"}


def test_a_posted_article_is_ingested_with_the_token(app: Server) -> None:
    text = "Officials in Velmora said on Monday that 12 people were hurt when a bridge collapsed."
    with app.client(TOKEN) as c:
        result = c.post("/api/ingest", json={"text": text, "outlet": "Test Wire", "published": "2025-09-13"}).json()
        assert result["added"] == 1 and not result["rejected"]
        article = c.get(f"/api/articles/{result['article_ids'][0]}").json()
        assert article["article"]["outlet"] == "Test Wire" and article["spans"]


def test_url_ingest_refuses_loopback_and_records_why(server: Server) -> None:
    with server.client(TOKEN) as c:
        result = c.post("/api/ingest", json={"url": server.url + "/"}).json()
    assert result["added"] == 0 and "loopback" in result["rejected"][0]["reason"]


def test_a_jsonl_upload_ingests_good_lines_and_rejects_bad_ones(app: Server) -> None:
    lines = (
        json.dumps({"text": "A storm hit Kestova on Friday, officials said.", "outlet": "Upload Wire"}) + "\nnot json\n"
    )
    with app.client(TOKEN) as c:
        result = c.post("/api/ingest/jsonl", files={"file": ("batch.jsonl", lines.encode(), "application/x-ndjson")})
    body = result.json()
    assert result.status_code == 200 and body["added"] == 1 and len(body["rejected"]) == 1


def test_feeds_are_listed_and_added_with_the_token_only(app: Server, spec: dict[str, Any]) -> None:
    feed = {"url": "https://news.example.org/world/rss.xml", "outlet": "Example News", "every_s": 600}
    with app.client() as anonymous:
        assert anonymous.post("/api/feeds", json=feed).status_code == 401
    with app.client(TOKEN) as c:
        added = c.post("/api/feeds", json=feed)
        assert added.status_code == 200, added.text
        _conforms(spec, "/api/feeds", "post", added)
        refused = c.post("/api/feeds", json={"url": "http://127.0.0.1:9/feed.xml"})
        assert refused.status_code == 422 and "loopback" in refused.json()["error"]["message"]
        listed = c.get("/api/feeds")
        _conforms(spec, "/api/feeds", "get", listed)
        [one] = [f for f in listed.json() if f["url"] == feed["url"]]
        assert one["outlet"] == "Example News" and one["every_s"] == 600 and one["last_success"] is None
        page = c.get("/feeds", headers={"Accept": "text/html"}).text
        assert "news.example.org/world/rss.xml" in page and "never" in page
