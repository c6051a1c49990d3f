"""Linking across articles, as numbered stages over the articles not yet linked:

1. dedup: each article is compared (MinHash, LSH bands) with earlier ones; a near-copy is marked;
2. cluster: it joins the most similar recent story or starts one (bounded candidates);
3. reconcile: the stories it joined are marked stale; :func:`reconcile_pending` recomputes the
   slots and derived figures of every stale story (once per ingest run: a story that grows
   through a long run is not re-read after every batch).

Entities and events are resolved within a story when it is read (:mod:`rashomon.link.resolve`).
Articles are linked in the order they were ingested, so one batch or one article at a time
gives the same stories; an interrupted run leaves articles unlinked or stories stale (both are
recorded in the store), and the next run links and reconciles them.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import Protocol

from rashomon.link import cluster, dedup
from rashomon.link.reconcile import reconcile
from rashomon.link.vectors import article_terms
from rashomon.records import Claim, Derived, Slot

__all__ = ["LinkStore", "link_pending", "reconcile_pending"]


class LinkStore(Protocol):
    """What linking needs from a store."""

    def unlinked(self, limit: int) -> list[tuple[str, str | None, str, str | None]]: ...
    def story_index(self, article_id: str) -> cluster.StoryIndex: ...
    def minhash_candidates(self, bands: list[str], most: int) -> list[tuple[str, list[int]]]: ...
    def save_minhash(self, article_id: str, signature: list[int], bands: list[str]) -> None: ...
    def save_copy(self, article_id: str, original_id: str, similarity: float) -> None: ...
    def mark_linked(self, article_id: str) -> None: ...
    def copies(self) -> dict[str, str]: ...
    def mark_stale(self, story_id: str) -> None: ...
    def stale_stories(self) -> list[str]: ...
    def story_claims(self, story_id: str) -> list[Claim]: ...
    def save_reconciliation(self, story_id: str, slots: list[Slot], derived: list[Derived]) -> None: ...
    def transaction(self) -> AbstractContextManager[object]: ...


def _dedup(store: LinkStore, article_id: str, text: str, copies: dict[str, str]) -> None:
    sig = dedup.signature(text)
    bands = dedup.bands(sig)
    scored = [
        (dedup.similarity(sig, other), other_id)
        for other_id, other in store.minhash_candidates(bands, dedup.BAND_MEMBERS)
    ]
    best = max((s for s in scored if s[1] != article_id), default=None)
    if best is not None and best[0] >= dedup.THRESHOLD:
        original = copies.get(best[1], best[1])
        store.save_copy(article_id, original, best[0])
        copies[article_id] = original
    store.save_minhash(article_id, sig, bands)


def link_pending(store: LinkStore, batch_size: int = 64) -> set[str]:
    """Link every article not yet in a story; return the ids of the stories that changed (now stale)."""
    touched: set[str] = set()
    copies = store.copies()
    while pending := store.unlinked(batch_size):
        with store.transaction():
            for article_id, title, text, published in pending:
                _dedup(store, article_id, text, copies)  # 1. dedup
                day = date.fromisoformat(published) if published else None
                counts = article_terms(title, text, undated=day is None)
                story, _ = cluster.assign(store.story_index(article_id), article_id, counts, day)
                touched.add(story)  # 2. cluster
                store.mark_stale(story)
                store.mark_linked(article_id)
    return touched


def reconcile_pending(store: LinkStore) -> set[str]:
    """3. Reconcile every stale story, one transaction each; return their ids."""
    stale = store.stale_stories()
    copies = store.copies() if stale else {}
    for story_id in stale:
        with store.transaction():
            slots, derived = reconcile(story_id, store.story_claims(story_id), copies)
            store.save_reconciliation(story_id, slots, derived)
    return set(stale)
