"""The records that cross stage boundaries.

Every record is a frozen, slotted dataclass. Records that were read out of an
article carry their evidence: a :class:`Span` (article id and character offsets
into ``Article.text``, end exclusive), so every figure can be traced back to
the sentence it came from. Ids are content hashes (see :func:`content_id`), so
writing the same record twice is a no-op.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Stance = Literal[
    "asserted",
    "claimed",
    "unverified",
    "hedged",
    "denied",
    "disputed",
    "projected",
    "conditional",
    "target",
    "generic",
]
# Figures not put forward as what happened: kept, shown, but never part of an agreement or a conflict.
NOT_FACT: frozenset[str] = frozenset({"projected", "conditional", "target", "denied", "generic"})
# Figures of no event in particular ("a magnitude-6.0 quake can cause severe damage"): no slot of the story.
OF_NO_EVENT: frozenset[str] = frozenset({"generic"})
SlotStatus = Literal["single", "agree", "conflict", "evolving"]
Severity = Literal["info", "low", "medium", "high"]
InputKind = Literal["text", "html", "jsonl"]


def content_id(*parts: object, size: int = 16) -> str:
    """A stable id from the parts' text: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:size]


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: characters ``[start, end)`` of the article ``article_id``."""

    article_id: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report after ingest: clean text plus metadata.

    ``furniture`` holds the page-furniture lines removed from the text and
    ``author_bio`` the byline's biography block: both are kept as evidence for
    credibility signals, never as article text.
    """

    id: str
    origin: str
    text: str
    kind: InputKind = "text"
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    title: str | None = None
    byline: str | None = None
    author_bio: str | None = None
    site_name: str | None = None
    encoding: str = "utf-8"
    furniture: tuple[str, ...] = ()
    page: bytes | None = field(default=None, compare=False, repr=False)  # the fetched page, kept by the store

    @staticmethod
    def make_id(outlet: str | None, text: str) -> str:
        """The same report from the same outlet has the same id, wherever it was read from."""
        return content_id("article", (outlet or "").lower(), " ".join(text.split()))


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was refused, with the reason a user can act on."""

    id: str
    origin: str
    reason: str
    at: datetime

    @staticmethod
    def make_id(origin: str, reason: str) -> str:
        return content_id("rejection", origin, reason)


@dataclass(frozen=True, slots=True)
class Geo:
    lat: float
    lon: float
    precision: str  # "1" town, "2" near a town or district, "3" region, "country"
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing (person, organisation, place, facility) across articles."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    geo: Geo | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an entity, with the role it was given there."""

    id: str
    entity_id: str
    evidence: Span
    text: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount as an interval: exact figures have ``low == high``.

    ``kind`` is count, money, percent, proportion, measure, age or duration (ages and
    durations are read so that they are not mistaken for counts); ``change`` is the
    NewsQuant-style relation to the stated figure: = ~ > < up down.
    """

    id: str
    evidence: Span
    text: str
    low: float
    high: float
    approximate: bool = False
    unit: str | None = None
    counted: str | None = None
    kind: str = "count"
    change: str = "="
    values: tuple[float, ...] = ()  # the figures as written: one, or two for a range


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said something: source, cue and content spans, and the relays between."""

    id: str
    evidence: Span
    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A happening, possibly mentioned in several articles."""

    id: str
    type: str
    mentions: tuple[Span, ...]
    sub_type: str | None = None
    date: date | None = None
    date_precision: str | None = None
    place: str | None = None  # entity id
    actors: tuple[str, ...] = ()  # entity ids
    targets: tuple[str, ...] = ()  # entity ids
    modality: Literal["asserted", "negated", "hypothetical", "future"] = "asserted"


@dataclass(frozen=True, slots=True)
class Value:
    """A figure as an interval. Bounds: "at least N" is ``[N, inf)``, "up to N" ``[0, N]``; an approximate
    figure keeps its point value (``low == high``) with ``tolerance``, its relative spread ("around 1,500":
    0.1); a vague one is a range ("several": 3-9)."""

    low: float
    high: float
    approximate: bool
    text: str
    tolerance: float = 0.0

    def span(self) -> tuple[float, float]:
        """The values it allows, its tolerance included."""
        return self.low * (1 - self.tolerance), self.high * (1 + self.tolerance)

    @property
    def vague(self) -> bool:
        """A word for a range ("several", "dozens", "thousands"), not a number."""
        return self.approximate and self.low != self.high


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure measures: one measure of one set of things, whose, where, at one time or over one period.

    ``measure`` is the predicate in its sense ("killed", "escaped", ...), else the counted noun or the
    unit ("point", "dollar"); ``counted`` the head of the counted class and ``modifiers`` its qualifiers
    ("civilian", "syrian"); ``owners`` the names the figure belongs to in its clause ("McDermott scored
    23"); ``place`` a place its clause names ("killed in Damascus"); ``period`` the time of its clause:
    a day ("2026-01-19"), a stretch ("P3M", "in three months") or a rate ("every P1D", "each day"). A
    part ("including 70 children") names its whole by the character offset of the whole's figure in
    ``part_of``. ``through`` marks a running total up to the day of ``period`` ("By Tuesday, 37.3% were
    fully vaccinated": as of Tuesday, whenever the report was written). ``pair`` is
    1 or 2 for the figures of a score or tally ("65-53"), with the other one in ``partner``. ``context``
    holds the content words of the figure's clause and ``near`` its neighbours, which slots compare.
    """

    measure: str
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    modifiers: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    place: str | None = None
    period: str | None = None
    part_of: int | None = None
    increment: bool = False
    through: bool = False  # a running total up to its period's day ("by Tuesday", "as of Monday")
    pair: int = 0
    partner: float | None = None
    context: tuple[str, ...] = ()
    near: tuple[str, ...] = ()  # the two words either side, marked "<word" (before) and ">word" (after)


@dataclass(frozen=True, slots=True)
class Claim:
    """An amount said about something, by someone, on some day, with its evidence sentence."""

    id: str
    article_id: str
    subject: str
    predicate: str
    value: Value
    stance: Stance
    evidence: Span
    as_of: date | None = None
    speaker: Speaker | None = None
    via: tuple[str, ...] = ()
    event_id: str | None = None
    frame: Frame | None = None
    figure: Span | None = None  # the figure's own characters ("around 1,500")
    disputed_by: str | None = None  # who questions the figure, when its stance is "disputed"


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class Slot:
    """Claims about the same quantity of the same event or subject, compared."""

    id: str
    story_id: str
    subject: str
    predicate: str
    claim_ids: tuple[str, ...]
    status: SlotStatus
    event_id: str | None = None
    consensus: Interval | None = None
    timeline: tuple[tuple[str, float, float, str], ...] = ()  # (as_of, low, high, claim or derived id)
    derived_ids: tuple[str, ...] = ()  # derived figures lined up with the claims
    frame: Frame | None = None  # what the slot measures (its first claim's frame)


@dataclass(frozen=True, slots=True)
class Derived:
    """A figure computed from one speaker's own figures, citing the claims it used and its rule."""

    id: str
    story_id: str
    subject: str
    predicate: str
    low: float
    high: float
    sources: tuple[str, ...]
    rule: str
    as_of: date | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    """A credibility signal about an article, with the text that raised it."""

    article_id: str
    name: str
    severity: Severity
    evidence: str
    span: Span | None = None
    detail: tuple[tuple[str, float], ...] = ()


@dataclass
class StoryState:
    """What clustering keeps of a story, and the store persists: its centroid (term weights) and its date
    span. Mutable: clustering grows it article by article (``rashomon.link.cluster.grow``)."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read out of one article, as it crosses from extraction to the store."""

    article_id: str
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


# -- what reports show: a story as read for a reader, and its fact sheet -----------------------
@dataclass(frozen=True, slots=True)
class StoryView:
    """A story as reports read it: its articles (``copies`` maps an article to the one it copies),
    entities and events merged across reports (the ids in claims, events and slots point at the merged
    ones), its claims, slots, derived figures, and each article's credibility signals."""

    id: str
    title: str
    articles: tuple[Article, ...]
    copies: dict[str, str]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    slots: tuple[Slot, ...]
    derived: tuple[Derived, ...]
    signals: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class StoryLine:
    """A story's line in a list: its size, outlets, first and last day, and conflicting slots."""

    id: str
    title: str
    reports: int
    outlets: int
    first_day: str | None
    last_day: str | None
    conflicts: int


@dataclass(frozen=True, slots=True)
class StoryListing:
    """A story as a search lists it: size, outlets, days, conflicts, claims, places and actors."""

    id: str
    title: str
    reports: int
    outlets: tuple[str, ...]
    first_day: str | None
    last_day: str | None
    conflicts: int
    claims: int
    places: tuple[str, ...]
    actors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure of a fact sheet as a reader sees it: the words, the interval, who gave it (through
    whom, in which outlet, on which day), how firmly, and its evidence sentence (a derived figure's rule)."""

    claim_id: str
    figure: str
    range: str
    speaker: str
    sourced: bool
    vague: bool
    via: str
    outlet: str
    as_of: str
    stance: str
    evidence: str
    article_id: str


@dataclass(frozen=True, slots=True)
class TimelineRow(FigureRow):
    """A figure in the story's timeline, with what it measures."""

    predicate: str
    label: str


@dataclass(frozen=True, slots=True)
class SlotRow:
    """A slot of a fact sheet: what it measures, whether its sources agree, and every figure."""

    predicate: str
    label: str
    subject: str
    status: SlotStatus
    status_text: str
    consensus: str  # "none" without one
    figures: tuple[FigureRow, ...]
    timeline: tuple[tuple[str, float, float, str], ...]  # the slot's (as_of, low, high, id), high unbounded: inf


@dataclass(frozen=True, slots=True)
class EventRow:
    type: str
    date: str
    place: str
    actors: str
    reports: int
    evidence: str


@dataclass(frozen=True, slots=True)
class DerivedRow:
    predicate: str
    label: str
    value: str
    as_of: str
    rule: str
    speaker: str
    sources: tuple[str, ...]  # the claims it was computed from


@dataclass(frozen=True, slots=True)
class SourceSignal:
    name: str
    severity: Severity
    evidence: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A report of the story with the signals worth a reader's attention."""

    outlet: str
    title: str
    published: str
    byline: str
    copy_of: str | None
    article_id: str
    signals: tuple[SourceSignal, ...]


@dataclass(frozen=True, slots=True)
class FactSheet:
    """What every rendering of a story shows (terminal, Markdown, HTML, the web page and API)."""

    id: str
    title: str
    summary: str
    summary_lines: tuple[str, ...]
    events: tuple[EventRow, ...]
    slots: tuple[SlotRow, ...]
    derived: tuple[DerivedRow, ...]
    timeline: tuple[TimelineRow, ...]
    sources: tuple[SourceRow, ...]
    outlet_signals: dict[str, dict[str, int]]


@dataclass(frozen=True, slots=True)
class Highlight:
    """A stretch of an article's text that extraction read: an entity mention, an amount, a source or a
    claim (``kind``), with a label for a reader and the id of the record it belongs to."""

    start: int
    end: int
    kind: str
    label: str
    id: str
