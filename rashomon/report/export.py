"""The JSON export: the contract written in the seeds' EXPORT.md.

Until stories are clustered (the linking stage), every article is a story of its
own; the sections later stages fill (entities, events, claims, slots, derived,
signals) are present as lists.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.records import Article, content_id
from rashomon.store import Store

TITLE_CHARS = 100


def article_json(a: Article) -> dict[str, Any]:
    """An article as the export names its fields (plus the free extras after ``text``)."""
    return {
        "id": a.id, "origin": a.origin, "outlet": a.outlet, "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title, "byline": a.byline, "text": a.text,
        "kind": a.kind, "encoding": a.encoding, "author_bio": a.author_bio,
        "site_name": a.site_name, "furniture": list(a.furniture),
    }  # fmt: skip


def fallback_title(a: Article) -> str:
    """The article's title, else its first sentence, cut to a readable length."""
    if a.title:
        return a.title
    first = re.split(r"(?<=[.!?])\s", a.text.strip(), maxsplit=1)[0]
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rstrip() + "…"


def _story(articles: list[Article]) -> dict[str, Any]:
    return {
        "id": content_id("story", *sorted(a.id for a in articles)),
        "title": fallback_title(articles[0]),
        "articles": [article_json(a) for a in articles],
        "entities": [], "events": [], "claims": [], "slots": [], "derived": [], "signals": [],
    }  # fmt: skip


def export_json(store: Store) -> dict[str, Any]:
    """One JSON-ready object: ``{"stories": [...], "rejected": [...]}``."""
    stories = [_story([a]) for a in store.articles()]
    rejected = [
        {"origin": r.origin, "reason": r.reason, "at": r.at.isoformat(timespec="seconds")} for r in store.rejections()
    ]
    return {"stories": stories, "rejected": rejected}
