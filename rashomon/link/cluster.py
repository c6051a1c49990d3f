"""Stories, clustered as a stream: each new article joins the most similar recent story or starts one.

Candidates come from an inverted index (term -> the most recent stories using it), so
adding an article looks at a bounded set of stories however large the store is. The
result depends only on the order articles arrive in: no step is random and nothing is
ever re-clustered.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from rashomon.geo.resolve import km
from rashomon.link.vectors import YEAR_TERM, Counts, Vector, cosine, headline_cosine, split, towns, weigh
from rashomon.records import StoryState, content_id

THRESHOLD = 0.18
WINDOW_DAYS = 10
ACTOR_BONUS = 0.04
MAX_ACTORS = 3
DAY_PENALTY = 0.04  # per day between an article and a story that share the event's town or a known actor
LOOSE_DAY_PENALTY = 0.08  # per day otherwise (chosen on AllSides: 0.06, 0.08, 0.1)
YEAR_PENALTY = 0.2  # an undated article whose text's year is none of a story's (chosen on ECB+ dev: 0.1, 0.2, 1.0)
TOWN_PENALTY = 0.1  # a report whose lead's towns are all far from a story's (chosen on ECB+ dev: 0.05, 0.1, 0.2)
TOWN_KM = 150  # towns this far apart are not one event's place
HEADLINE_BONUS = 0.3  # times the headlines' cosine, the same day, places not apart (AllSides: 0.1 to 0.5)
QUERY_TERMS = 15
POSTINGS_PER_TERM = 10
CENTROID_TERMS = 200
HEADLINE_TERMS = 40  # of a story's headlines' words, the centroid keeps this many


def grow(story: StoryState, vector: Vector, published: date | None) -> None:
    """Add an article (its weighted vector and headline vector, and its date) to ``story``: the centroid keeps
    its heaviest terms, of its words and of its headlines apart."""
    for term, w in vector.items():
        story.centroid[term] = story.centroid.get(term, 0.0) + w
    words, headlines = split(story.centroid)
    if len(words) > CENTROID_TERMS or len(headlines) > HEADLINE_TERMS:
        story.centroid = dict(_heaviest(words, CENTROID_TERMS) + _heaviest(headlines, HEADLINE_TERMS))
    story.size += 1
    if published is not None:
        story.first = min(story.first or published, published)
        story.last = max(story.last or published, published)


def _heaviest(terms: dict[str, float], n: int) -> list[tuple[str, float]]:
    return sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


class StoryIndex(Protocol):
    """Where clustering state lives (in memory, or in the store)."""

    def document_frequencies(self, terms: list[str]) -> tuple[dict[str, int], int]:
        """(df of each term, number of documents seen)."""
        ...

    def candidates(self, terms: list[str], per_term: int) -> list[StoryState]:
        """Stories that recently used any of ``terms`` (at most ``per_term`` per term)."""
        ...

    def save(self, story: StoryState, counts: Counts, vector: Vector) -> None:
        """Record that an article with term ``counts`` and ``vector`` joined ``story``."""
        ...


def within_window(story: StoryState, published: date | None) -> bool:
    if published is None or story.first is None or story.last is None:
        return True
    return (story.first - published).days <= WINDOW_DAYS and (published - story.last).days <= WINDOW_DAYS


def shared_actors(a: Vector, b: dict[str, float]) -> int:
    """Known actors (from the actor lexicon) that both mention: the same groups, agencies, camps, prisons."""
    return sum(1 for t in a if t.startswith("@") and t in b)


def other_year(a: Vector, b: dict[str, float]) -> bool:
    """Whether an undated article's year (from its text) is none of the years of a story's undated articles
    (both must have one): the same kind of event, another year ("Microsoft's emergency IE patch", 2008 and 2013)."""
    ours = {t for t in a if t.startswith(YEAR_TERM)}
    theirs = {t for t in b if t.startswith(YEAR_TERM)}
    return bool(ours and theirs and not ours & theirs)


def nearest_km(a: Vector, b: dict[str, float]) -> float | None:
    """The distance between the nearest of a report's lead towns and a story's, if both name one: within
    TOWN_KM they share the event's place (continuing coverage, kept together over the days); beyond it
    every town is far from every other (a car bomb in Kirkuk and one in Basra the same week are two events)."""
    ours, theirs = towns(a), towns(b)
    return min(km(x, y) for x in ours for y in theirs) if ours and theirs else None


def days_apart(story: StoryState, published: date | None) -> int:
    if published is None or story.first is None or story.last is None:
        return 0
    if story.first <= published <= story.last:
        return 0
    return min(abs((published - story.first).days), abs((published - story.last).days))


def assign(index: StoryIndex, article_id: str, counts: Counts, published: date | None) -> tuple[str, float]:
    """The story the article joins (an existing one, or a new one) and its similarity to it."""
    df, n = index.document_frequencies(sorted(counts))
    words, headline_words = split(counts)
    vector, headline = weigh(words, df, n), weigh(headline_words, df, n)
    query = sorted(vector, key=lambda t: (-vector[t], t))[:QUERY_TERMS]
    best: tuple[float, str] | None = None
    best_story: StoryState | None = None
    for story in index.candidates(query, POSTINGS_PER_TERM):
        if not within_window(story, published):
            continue
        distance, actors = nearest_km(vector, story.centroid), shared_actors(vector, story.centroid)
        same_event = (distance is not None and distance <= TOWN_KM) or actors > 0  # a place or a group in common
        per_day = DAY_PENALTY if same_event else LOOSE_DAY_PENALTY
        days = days_apart(story, published)
        sim = cosine(vector, story.centroid) - per_day * days
        sim += ACTOR_BONUS * min(MAX_ACTORS, actors)
        sim -= YEAR_PENALTY * other_year(vector, story.centroid)
        sim -= TOWN_PENALTY * (distance is not None and distance > TOWN_KM)
        if published is not None and days == 0 and (distance is None or distance <= TOWN_KM):
            sim += HEADLINE_BONUS * headline_cosine(headline, story.centroid)  # "Earth Day summit" the same day
        if best is None or (sim, story.id) > best:
            best, best_story = (sim, story.id), story
    if best_story is None or best is None or best[0] < THRESHOLD:
        best_story, best = StoryState(content_id("story", article_id)), (1.0, "")
    grow(best_story, vector | headline, published)
    index.save(best_story, counts, vector)
    return best_story.id, best[0]


class MemoryIndex:
    """A :class:`StoryIndex` in memory: for evaluation and tests."""

    def __init__(self) -> None:
        self.df: dict[str, int] = {}
        self.n = 0
        self.stories: dict[str, StoryState] = {}
        self.postings: dict[str, list[str]] = {}

    def document_frequencies(self, terms: list[str]) -> tuple[dict[str, int], int]:
        return {t: self.df[t] for t in terms if t in self.df}, self.n

    def candidates(self, terms: list[str], per_term: int) -> list[StoryState]:
        ids = {sid for t in terms for sid in self.postings.get(t, [])[-per_term:]}
        return [self.stories[i] for i in sorted(ids)]

    def save(self, story: StoryState, counts: Counts, vector: Vector) -> None:
        self.n += 1
        for term in counts:
            self.df[term] = self.df.get(term, 0) + 1
        self.stories[story.id] = story
        for term in vector:
            posting = self.postings.setdefault(term, [])
            if story.id in posting:
                posting.remove(story.id)
            posting.append(story.id)
