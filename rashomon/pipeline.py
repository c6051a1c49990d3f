"""The stages, in order.

1. read: inputs (files, folders, JSON Lines) are listed and read lazily;
2. parse: each input becomes a clean Article, or a Rejection with its reason;
3. extract: articles not stored yet are parsed by spaCy in batches and read out
   (entities, times, amounts, attributions, events, claims), by an engine: in this process,
   in local worker processes or on a Dask cluster (:mod:`rashomon.engines`);
4. write: articles, rejections and extractions go to the store, one transaction per batch;
5. link: new articles are deduplicated and clustered into stories (every ``LINK_EVERY`` new
   articles, and at the end); the stories that changed have their claims reconciled at the end.

A batch is committed whole or not at all, and every id is a content hash, so an
ingest killed half-way is finished by running it again: nothing is lost or doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Protocol

from rashomon.engines import Engine, InProcess
from rashomon.ingest import MAX_ARTICLE_CHARS, Manifest, Metadata, RawInput, iter_inputs, read_article, reject
from rashomon.ingest.fetch import fetch_all, limits_for
from rashomon.link import LinkStore, link_pending, reconcile_pending
from rashomon.records import Article, Extraction, Rejection
from rashomon.settings import Settings
from rashomon.store import Batch, Store, WriteResult

KEPT_IDS = 10_000  # article ids and rejections a report lists in full
LINK_EVERY = 256  # new articles between two linking passes during an ingest


class IngestStore(Store, LinkStore, Protocol):
    """A store that holds articles and their links."""


PLAIN_ENCODINGS = frozenset({"utf-8", "ascii", "utf-8-sig"})  # read as they are; anything else is reported


@dataclass
class IngestReport:
    """What one ingest run saw and did. Ids are kept for the first ``KEPT_IDS`` articles only,
    so that a bulk ingest's report stays small; the counts cover everything."""

    read: int = 0
    articles: int = 0  # article inputs read (the same article twice counts twice)
    added: int = 0
    article_ids: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    refused: int = 0
    stories: list[str] = field(default_factory=list)  # stories that gained articles
    decoded: list[tuple[str, str]] = field(default_factory=list)  # (origin, encoding) of inputs not read as UTF-8

    @property
    def already_stored(self) -> int:
        return self.articles - self.added

    def count(self, batch: Batch, result: WriteResult) -> None:
        self.read += len(batch.articles) + len(batch.rejections)
        self.articles += len(batch.articles)
        self.added += result.articles_added
        self.refused += len(batch.rejections)
        room = KEPT_IDS - len(self.article_ids)
        self.article_ids.extend(a.id for a in batch.articles[: max(0, room)])
        self.rejected.extend(batch.rejections[: max(0, KEPT_IDS - len(self.rejected))])
        guessed = [(a.origin, a.encoding) for a in batch.articles if a.encoding and a.encoding not in PLAIN_ENCODINGS]
        self.decoded.extend(guessed[: max(0, KEPT_IDS - len(self.decoded))])


Progress = Callable[[IngestReport], None]


def parse_inputs(
    items: Iterable[RawInput | Rejection], given: Metadata, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Article | Rejection]:
    """Stage 2: each raw input to an Article, or to a Rejection carrying the reason."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield read_article(item, given, max_chars)
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


@dataclass(frozen=True, slots=True)
class Job:
    """Stage 3's work for one batch: extract ``fresh`` (the articles the store does not hold yet)."""

    batch: Batch
    fresh: tuple[Article, ...]
    model: str
    selective: bool = True  # parse only the sentences extraction reads (rashomon.nlp.selective)


def run_job(job: Job) -> Batch:
    """Stage 3 for one batch, wherever the engine runs it: the batch with its extractions.

    An article whose extraction fails is still stored; the failure is recorded as a rejection.
    """
    if not job.fresh:
        return job.batch
    from rashomon.extract import extract, parse

    extractions: list[Extraction] = []
    failures: list[Rejection] = []
    failed: list[tuple[str, str]] = []
    docs = parse((a.text for a in job.fresh), job.model, selective=job.selective)
    for article, doc in zip(job.fresh, docs, strict=True):
        try:
            extractions.append(extract(article, doc))
        except Exception as exc:  # one article's failure never stops the batch
            failures.append(reject(article.origin, RuntimeError(f"extraction failed: {exc}")))
            failed.append((article.id, f"{type(exc).__name__}: {exc}"))
    return Batch(job.batch.articles, job.batch.rejections + tuple(failures), tuple(extractions), tuple(failed))


def plan(batches: Iterable[Batch], store: Store, settings: Settings) -> Iterator[Job]:
    """Each batch with the articles that still need extracting (none when extraction is off)."""
    for batch in batches:
        if not settings.extract:
            yield Job(batch, (), settings.spacy_model, settings.selective_nlp)
            continue
        known = store.known([a.id for a in batch.articles])
        fresh = {a.id: a for a in batch.articles if a.id not in known}  # a batch may hold one article twice
        yield Job(batch, tuple(fresh.values()), settings.spacy_model, settings.selective_nlp)


def ingest(
    paths: Iterable[Path],
    store: IngestStore,
    settings: Settings,
    given: Metadata | None = None,
    manifest: Manifest | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
    urls: Iterable[str] = (),
) -> IngestReport:
    """Read, parse and store every input under ``paths`` and the page at each of ``urls`` (fetched one at
    a time, as the batches need them); bad inputs are reported, never fatal."""
    raw = chain(
        iter_inputs(paths, settings.max_input_bytes, manifest), fetch_all(urls, limits_for(settings), given)
    )  # 1. read
    return ingest_inputs(raw, store, settings, given, progress, engine)


def ingest_inputs(
    raw: Iterable[RawInput | Rejection],
    store: IngestStore,
    settings: Settings,
    given: Metadata | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Stages 2 to 5 for inputs already read (files, a posted text, a fetched page).

    ``engine`` runs stage 3 (in this process when None); the store is written from this process only.
    Linking follows the writes every ``LINK_EVERY`` articles; the stories it changed are reconciled at
    the end of the run, each once, so memory and time per article stay flat however large a story grows.
    """
    report = IngestReport()
    stories: set[str] = set()
    parsed = parse_inputs(raw, given or Metadata(), settings.max_article_chars)  # 2. parse
    jobs = plan(batched(parsed, settings.batch_size), store, settings)
    unlinked = 0
    for batch in (engine or InProcess()).map(run_job, jobs):  # 3. extract
        result: WriteResult = store.write(batch)  # 4. write
        report.count(batch, result)
        unlinked += result.articles_added
        if settings.extract and unlinked >= LINK_EVERY:
            stories |= link_pending(store, settings.batch_size)  # 5. link
            unlinked = 0
        if progress is not None:
            progress(report)
    if settings.extract:
        stories |= link_pending(store, settings.batch_size)
        stories |= reconcile_pending(store)  # once per run: a growing story is not re-read every batch
    report.stories = sorted(stories)
    return report


@dataclass
class ReextractReport:
    """What one re-extraction did: how many articles were extracted anew, which failed (with the reason),
    and which stories were worked out again."""

    extracted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)


class ReextractStore(IngestStore, Protocol):
    def articles_by_id(self, ids: list[str]) -> list[Article]: ...
    def replace_extractions(self, batch: Batch) -> None: ...


def reextract(
    article_ids: Iterable[str], store: ReextractStore, settings: Settings, engine: Engine | None = None
) -> ReextractReport:
    """Extract stored articles again (after a failure, or after the models changed) and write the new
    records in place of the old, one batch per transaction; the stories holding them are reconciled again.

    An article that fails again keeps its old records (if any) and its failure is recorded with the reason.
    """
    report = ReextractReport()

    def jobs() -> Iterator[Job]:
        chunk: list[str] = []
        for article_id in [*article_ids, None]:
            if article_id is not None:
                chunk.append(article_id)
            if chunk and (article_id is None or len(chunk) == settings.batch_size):
                fresh = tuple(store.articles_by_id(chunk))
                yield Job(Batch(), fresh, settings.spacy_model, settings.selective_nlp)
                chunk = []

    for batch in (engine or InProcess()).map(run_job, jobs()):
        store.replace_extractions(batch)
        report.extracted += len(batch.extractions)
        report.failed += list(batch.failed)
    report.stories = sorted(link_pending(store, settings.batch_size) | reconcile_pending(store))
    return report
