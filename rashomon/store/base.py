"""The narrow seam every store implements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from rashomon.records import Article, Extraction, Rejection
from rashomon.settings import is_postgres_url

__all__ = ["Batch", "Store", "WriteResult", "is_postgres_url"]


@dataclass(frozen=True, slots=True)
class Batch:
    """Everything one step wants written, committed in a single transaction."""

    articles: tuple[Article, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    extractions: tuple[Extraction, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (article id, reason) of articles whose extraction failed


@dataclass(frozen=True, slots=True)
class WriteResult:
    """How many rows the batch really added (records already stored count zero)."""

    articles_added: int = 0
    rejections_added: int = 0

    def __add__(self, other: WriteResult) -> WriteResult:
        return WriteResult(
            self.articles_added + other.articles_added,
            self.rejections_added + other.rejections_added,
        )


class Writer(Protocol):
    """The write side. Writes are idempotent: ids are content hashes."""

    def write(self, batch: Batch) -> WriteResult:
        """Write the whole batch in one transaction, or nothing of it."""
        ...

    def known(self, article_ids: list[str]) -> set[str]:
        """Which of ``article_ids`` are stored already."""
        ...


class Reader(Protocol):
    """The read side."""

    def articles(self) -> Iterator[Article]:
        """Every article, oldest publication first (undated last), then by id."""
        ...

    def article(self, key: str) -> Article | None:
        """The article whose id is ``key`` or starts with it (None if none or ambiguous)."""
        ...

    def rejections(self) -> list[Rejection]:
        """Every rejected input, most recent first."""
        ...

    def extraction(self, article_id: str) -> Extraction:
        """Everything extracted from one article (empty sections when nothing was)."""
        ...


class Store(Writer, Reader, Protocol):
    """Where records live: the write side and the read side of one store."""
