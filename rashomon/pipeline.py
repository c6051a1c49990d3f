"""The stages, in order.

1. read: inputs (files, folders, JSON Lines) are listed and read lazily;
2. parse: each input becomes a clean Article, or a Rejection with its reason;
3. extract: articles not stored yet are parsed by spaCy in batches and read out
   (entities, times, amounts, attributions, events, claims);
4. write: articles, rejections and extractions go to the store, one transaction per batch;
5. link: new articles are deduplicated and clustered into stories, whose claims are reconciled.

A batch is committed whole or not at all, and every id is a content hash, so an
ingest killed half-way is finished by running it again: nothing is lost or doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rashomon.ingest import Manifest, Metadata, RawInput, iter_inputs, read_article, reject
from rashomon.link import LinkStore, link_pending
from rashomon.records import Article, Extraction, Rejection
from rashomon.settings import Settings
from rashomon.store import Batch, Store, WriteResult


class IngestStore(Store, LinkStore, Protocol):
    """A store that holds articles and their links."""


@dataclass
class IngestReport:
    """What one ingest run saw and did."""

    read: int = 0
    added: int = 0
    article_ids: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories that gained articles

    @property
    def already_stored(self) -> int:
        return len(set(self.article_ids)) - self.added


Progress = Callable[[IngestReport], None]


def parse_inputs(items: Iterable[RawInput | Rejection], given: Metadata) -> Iterator[Article | Rejection]:
    """Stage 2: each raw input to an Article, or to a Rejection carrying the reason."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield read_article(item, given)
        except Exception as exc:  # one bad input never stops the batch
            yield reject(item.origin, exc)


def batched(items: Iterable[Article | Rejection], size: int) -> Iterator[Batch]:
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for item in items:
        (rejections if isinstance(item, Rejection) else articles).append(item)  # type: ignore[arg-type]
        if len(articles) + len(rejections) >= size:
            yield Batch(tuple(articles), tuple(rejections))
            articles, rejections = [], []
    if articles or rejections:
        yield Batch(tuple(articles), tuple(rejections))


def extract_new(batch: Batch, store: Store, settings: Settings) -> Batch:
    """Stage 3: the batch with extractions for its articles that the store does not hold yet.

    An article whose extraction fails is still stored; the failure is recorded as a rejection.
    """
    known = store.known([a.id for a in batch.articles])
    fresh = list({a.id: a for a in batch.articles if a.id not in known}.values())
    if not fresh or not settings.extract:
        return batch
    from rashomon.extract import extract
    from rashomon.extract.nlp import parse

    extractions: list[Extraction] = []
    failures: list[Rejection] = []
    for article, doc in zip(fresh, parse((a.text for a in fresh), settings.spacy_model), strict=True):
        try:
            extractions.append(extract(article, doc))
        except Exception as exc:  # one article's failure never stops the batch
            failures.append(reject(article.origin, RuntimeError(f"extraction failed: {exc}")))
    return Batch(batch.articles, batch.rejections + tuple(failures), tuple(extractions))


def ingest(
    paths: Iterable[Path],
    store: IngestStore,
    settings: Settings,
    given: Metadata | None = None,
    manifest: Manifest | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, parse and store every input under ``paths``; bad inputs are reported, never fatal."""
    raw = iter_inputs(paths, settings.max_input_bytes, manifest)  # 1. read
    return ingest_inputs(raw, store, settings, given, progress)


def ingest_inputs(
    raw: Iterable[RawInput | Rejection],
    store: IngestStore,
    settings: Settings,
    given: Metadata | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Stages 2 to 5 for inputs already read (files, a posted text, a fetched page)."""
    report = IngestReport()
    parsed = parse_inputs(raw, given or Metadata())  # 2. parse
    for raw_batch in batched(parsed, settings.batch_size):
        batch = extract_new(raw_batch, store, settings)  # 3. extract
        result: WriteResult = store.write(batch)  # 4. write
        report.read += len(batch.articles) + len(batch.rejections)
        report.added += result.articles_added
        report.article_ids.extend(a.id for a in batch.articles)
        report.rejected.extend(batch.rejections)
        if progress is not None:
            progress(report)
    if settings.extract:
        report.stories = sorted(link_pending(store, settings.batch_size))  # 5. link
    return report
