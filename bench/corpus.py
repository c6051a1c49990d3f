"""Generated news-like articles for the speed benchmarks (fictional, about 600 words each).

Each article belongs to one of many stories (an event of one kind in one town, on one day, with its
own district and named officials: different stories do not share their names, as in real news);
its sentences mix figures with speakers, reporting verbs, places, times and plain narration, in the
proportions of wire copy, so that spaCy, extraction and linking all do their usual work.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
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
FIRST = (
    "Amal", "Yusuf", "Leila", "Omar", "Nadia", "Karim", "Hana", "Tariq", "Mariam", "Samir", "Olena", "Taras",
    "Aisha", "Ibrahim", "Fatou", "Moussa", "Grace", "Joseph", "Aung", "Thida", "Halima", "Abdi", "Rosa", "Jean",
)  # fmt: skip
LAST = (
    "Haddad", "Okafor", "Rahimi", "Kovalenko", "Diallo", "Mensah", "Nasser", "Sayed", "Boyko", "Keita",
    "Mwangi", "Farah", "Htun", "Lwin", "Traore", "Ali", "Petrenko", "Osman", "Baptiste", "Lungu", "Karimi",
    "Abara", "Sesay", "Tesfaye",
)  # fmt: skip
ROLES = ("the district commissioner", "a spokesperson for the local council", "the head of the town's hospital")
SYLLABLES = ("ka", "ra", "mi", "lo", "ba", "ni", "ta", "su", "de", "wa", "go", "ha", "ze", "ri", "mo", "ya")
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

DETAILS = (
    "Witnesses said the first vehicles reached {place} shortly before dawn.",
    "A curfew was imposed around {place} and checkpoints were set up on the approach roads.",
    "Electricity was cut to the neighbourhoods near {place} for most of the day.",
    "Volunteers cleared rubble from the streets around {place} with their hands.",
    "Teachers said classes at the schools near {place} would stay suspended until further notice.",
    "Farmers near {place} said they had lost their harvest and their livestock.",
    "Lorries carrying tents and blankets were seen queuing outside {place}.",
    "The mayor visited {place} in the afternoon and promised compensation to families.",
    "Mobile networks failed across {place}, making it hard to reach relatives.",
    "Engineers inspected the damaged bridge outside {place} and closed it to traffic.",
    "Prices of bread and fuel doubled in the markets around {place} within hours.",
    "Clinics near {place} ran out of bandages and painkillers by nightfall.",
    "Mosques and churches around {place} opened their doors to those who had lost their homes.",
    "Fishermen at {place} said the harbour had been closed by the coast guard.",
    "Students at the university in {place} organised a blood drive.",
    "Satellite images of {place} taken the next morning showed burned vehicles along the main road.",
)  # fmt: skip
LANDMARKS = ("market", "camp", "checkpoint", "square", "station", "quarter", "crossing", "barracks", "stadium")


@dataclass(frozen=True)
class Story:
    """What one story's reports share: a town, an event, a day, a district and named officials."""

    town: str
    event: tuple[str, str, str]
    day: date
    district: str
    officials: tuple[str, ...]
    details: tuple[str, ...]

    @classmethod
    def make(cls, story_no: int) -> Story:
        rng = random.Random(story_no)
        district = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        officials = tuple(
            f"{rng.choice(FIRST)} {rng.choice(LAST)}, {role}" for role in rng.sample(ROLES, 2)
        )  # fmt: skip
        day = date(2026, 1, 1) + timedelta(days=story_no // 40)
        places = [f"the {''.join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()} {kind}"
                  for kind in rng.sample(LANDMARKS, 3)]  # fmt: skip
        details = tuple(d.format(place=rng.choice(places)) for d in rng.sample(DETAILS, 5))
        return cls(rng.choice(TOWNS), rng.choice(EVENTS), day, district, officials, details)


def _sentence(rng: random.Random, story: Story, figure: random.Random) -> str:
    what, predicate, counted = story.event
    town, district = story.town, story.district
    n = figure.choice((12, 40, 120, 350, 1500)) + rng.randrange(0, 5)
    speaker = rng.choice(SPEAKERS + story.officials)
    short = speaker.split(",")[0]
    named = f"{speaker}," if "," in speaker else speaker  # "Amal Haddad, the district commissioner, said"
    outlet = rng.choice(OUTLETS)
    outlet = outlet if outlet.startswith("The ") else f"the {outlet}"
    weekday = story.day.strftime("%A")
    choices = (
        f"At least {n} {counted} {predicate} in {what} in {town} on {weekday}, {named} {rng.choice(VERBS)}.",
        f"{speaker[0].upper()}{speaker[1:]} {rng.choice(VERBS)} that around {n} {counted} {predicate} after "
        f"{what} near the {district} district of {town}.",
        f"According to {short}, {n} {counted} {predicate} in {district} and dozens more were missing.",
        f"The death toll in {district} rose to {n // 3 + 1} by the evening, {short} said.",
        f'"We have counted {n} so far," {short} told {outlet} by phone from {town}.',
        rng.choice(FILLER),
        rng.choice(story.details),
        rng.choice(story.details),
        f"Officials in {town} said the figures could rise as rescue teams reached villages beyond {district}.",
    )
    return rng.choice(choices)


def articles(n: int, seed: int = 7, words: int = 600) -> Iterator[dict[str, str]]:
    """``n`` articles as JSON Lines records (``text``, ``title``, ``outlet``, ``published``, and ``story``: the
    number of the story the article was written for)."""
    rng = random.Random(seed)
    for i in range(n):
        story_no = rng.randrange(max(1, i // 6 + 1))  # new stories keep appearing; each gets several reports
        story = Story.make(story_no)
        figures = random.Random(story_no)
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            sentences.append(_sentence(rng, story, figures))
        paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
        yield {
            "title": f"{story.event[0].capitalize()} in {story.town} (report {i})",
            "text": "\n\n".join(paragraphs),
            "outlet": rng.choice(OUTLETS),
            "published": (story.day + timedelta(days=rng.randrange(2))).isoformat(),
            "story": str(story_no),
        }


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in articles(n, seed):
            record.pop("story")  # the answer, not part of a report
            fh.write(json.dumps(record) + "\n")
    return path
