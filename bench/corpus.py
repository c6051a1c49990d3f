"""Generated news-like articles for the speed benchmarks (fictional, about 600 words each).

Each article belongs to one of many stories (an event of one kind in one town, on one day); its
sentences mix figures with speakers, reporting verbs, places, times and plain narration, in the
proportions of wire copy, so that spaCy, extraction and linking all do their usual work.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

TOWNS = (
    "Mosul", "Aleppo", "Kharkiv", "Goma", "Maiduguri", "Hodeidah", "Kandahar", "Mandalay", "Juba", "Tripoli",
    "Port-au-Prince", "Sittwe", "Marib", "Idlib", "Bunia", "Kidal", "Gao", "Beni", "Raqqa", "Hasakah",
    "Odesa", "Kherson", "Benghazi", "Misrata", "Sirte", "Mogadishu", "Kismayo", "Baidoa", "Bamako", "Timbuktu",
)  # fmt: skip
EVENTS = (
    ("floods", "were displaced", "people"), ("an attack", "were killed", "civilians"),
    ("a prison break", "escaped", "inmates"), ("clashes", "were wounded", "fighters"),
    ("an earthquake", "were injured", "residents"), ("a raid", "were arrested", "suspects"),
)  # fmt: skip
SPEAKERS = (
    "a police spokesman", "the provincial governor", "a local official", "the health ministry",
    "a witness", "the army", "an aid worker", "the interior ministry", "a hospital director",
)  # fmt: skip
OUTLETS = ("Northwire", "Daily Ledger", "Meridian News", "The Courier", "Frontline Press", "Harbour Times")
VERBS = ("said", "told reporters", "said in a statement", "announced", "claimed")
FILLER = (
    "Residents described scenes of confusion as the news spread through the district.",
    "Shops remained closed and the streets were largely empty by the afternoon.",
    "The situation was described as tense but calm later in the day.",
    "Families gathered outside the main hospital waiting for news of their relatives.",
    "Aid groups warned that supplies of food and clean water were running low.",
    "The area has seen repeated unrest over the past year.",
    "Roads leading into the town were blocked by security forces.",
    "It was not immediately clear who was responsible.",
    "Footage shared online appeared to show smoke rising over several buildings.",
    "Local leaders called for calm and urged people to stay indoors.",
)  # fmt: skip


def _sentence(rng: random.Random, story: random.Random, town: str, event: tuple[str, str, str], day: date) -> str:
    what, predicate, counted = event
    n = story.choice((12, 40, 120, 350, 1500)) + rng.randrange(0, 5)
    speaker = rng.choice(SPEAKERS)
    weekday = day.strftime("%A")
    choices = (
        f"At least {n} {counted} {predicate} in {what} in {town} on {weekday}, {speaker} {rng.choice(VERBS)}.",
        f"{speaker.capitalize()} {rng.choice(VERBS)} that around {n} {counted} {predicate} after {what} near {town}.",
        f"According to {speaker}, {n} {counted} {predicate} and dozens more were missing.",
        f"The death toll rose to {n // 3 + 1} by the evening, {speaker} said.",
        f'"We have counted {n} so far," {speaker} told the {rng.choice(OUTLETS)} by phone from {town}.',
        rng.choice(FILLER),
        rng.choice(FILLER),
        f"Officials in {town} said the figures could rise as rescue teams reached outlying villages.",
    )
    return rng.choice(choices)


def articles(n: int, seed: int = 7, words: int = 600) -> Iterator[dict[str, str]]:
    """``n`` articles as JSON Lines records (``text``, ``title``, ``outlet``, ``published``)."""
    rng = random.Random(seed)
    for i in range(n):
        story_no = rng.randrange(max(1, i // 6 + 1))  # new stories keep appearing; each gets several reports
        story = random.Random(story_no)
        town, event = story.choice(TOWNS), story.choice(EVENTS)
        day = date(2026, 1, 1) + timedelta(days=story_no // 40)
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            sentences.append(_sentence(rng, story, town, event, day))
        paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
        yield {
            "title": f"{event[0].capitalize()} in {town} (report {i})",
            "text": "\n\n".join(paragraphs),
            "outlet": rng.choice(OUTLETS),
            "published": (day + timedelta(days=rng.randrange(2))).isoformat(),
        }


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in articles(n, seed):
            fh.write(json.dumps(record) + "\n")
    return path
