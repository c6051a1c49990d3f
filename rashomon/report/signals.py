"""Credibility signals per article, each with the text that raised it, and their sum per outlet.

Computed from a story as the export shapes it (articles, claims, slots), so every signal can be
read next to the figures it concerns:

- ``byline-beat-mismatch``: the byline's own bio covers another beat than the story's;
- ``unattributed-figures``: share of the article's figures with no named speaker;
- ``named-source-density``: named sources per 1,000 words;
- ``hedged`` / ``unverified``: hedges and disclaimers ("cannot independently verify");
- ``page-furniture``: share of the page's lines that were furniture, not reporting;
- ``contradicted-by-consensus``: a figure outside the consensus of the independent sources;
- ``single-relayed-source``: every figure rests on one speaker, relayed through another outlet;
- ``vaguer-than-others``: only vague figures where other reports give numbers.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import Any

from rashomon.extract.lexicons import lexicon
from rashomon.report.values import interval_text, unbound

Json = dict[str, Any]


@cache
def _beats() -> dict[str, list[str]]:
    beats: dict[str, list[str]] = lexicon("beats")["beats"]
    return beats


def beat_of(text: str) -> tuple[str | None, int]:
    """The beat whose words ``text`` uses most, with how many it used."""
    low = text.lower()
    counts = {b: sum(len(re.findall(rf"\b{re.escape(w)}\b", low)) for w in words) for b, words in _beats().items()}
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return (best[0], best[1]) if best[1] else (None, 0)


def _signal(article: Json, name: str, severity: str, evidence: str, **detail: float) -> Json:
    return {
        "article_id": article["id"],
        "outlet": article.get("outlet"),
        "name": name,
        "severity": severity,
        "evidence": evidence,
        "detail": detail,
    }


def byline_mismatch(article: Json, story_beat: str | None) -> list[Json]:
    bio = article.get("author_bio") or ""
    bio_beat, _ = beat_of(bio)
    if not bio or bio_beat is None or story_beat is None or bio_beat == story_beat:
        return []
    return [
        _signal(
            article,
            "byline-beat-mismatch",
            "medium",
            f'{article.get("byline") or "The author"}\'s bio: "{bio}" ({bio_beat}); the story is {story_beat}',
        )
    ]


def sourcing(article: Json, claims: list[Json]) -> list[Json]:
    mine = [c for c in claims if c["article_id"] == article["id"]]
    out = []
    if mine:
        anonymous = [
            c
            for c in mine
            if not c["speaker"]
            or (
                not c["speaker"].get("entity_id")
                and not c["speaker"].get("role")
                and len(c["speaker"]["name"].split()) < 2
            )
        ]
        share = len(anonymous) / len(mine)
        if share > 0:
            severity = "high" if share == 1 else "medium" if share >= 0.5 else "low"
            example = anonymous[0]["evidence"]
            out.append(
                _signal(
                    article,
                    "unattributed-figures",
                    severity,
                    f'{len(anonymous)} of {len(mine)} figures name no source, e.g. "{example}"',
                    share=share,
                )
            )
    named = {c["speaker"]["name"] for c in mine if c["speaker"] and c["speaker"].get("entity_id")}
    words = max(1, len(article["text"].split()))
    density = 1000 * len(named) / words
    out.append(
        _signal(
            article,
            "named-source-density",
            "info" if named else "medium",
            f"{len(named)} named source(s) in {words} words" + (f": {', '.join(sorted(named))}" if named else ""),
            per_1000_words=round(density, 2),
        )
    )
    return out


def hedging(article: Json) -> list[Json]:
    lex = lexicon("attribution")
    out = []
    for name, phrases, severity in (("unverified", lex["disclaimers"], "medium"), ("hedged", lex["hedges"], "low")):
        pattern = re.compile(r"[^.!?\n]*\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b[^.!?\n]*[.!?]?", re.I)
        hits = [m.group().strip() for m in pattern.finditer(article["text"])]
        if hits:
            out.append(_signal(article, name, severity, hits[0], count=len(hits)))
    return out


def furniture(article: Json) -> list[Json]:
    lines = [ln for ln in article["text"].splitlines() if ln.strip()]
    junk = article.get("furniture") or []
    if not junk:
        return []
    ratio = len(junk) / (len(junk) + len(lines))
    return [
        _signal(
            article,
            "page-furniture",
            "medium" if ratio >= 0.2 else "low",
            f"{len(junk)} furniture line(s) removed: {', '.join(junk[:4])}",
            ratio=round(ratio, 2),
        )
    ]


def against_consensus(article: Json, claims: list[Json], slots: list[Json]) -> list[Json]:
    by_id = {c["id"]: c for c in claims}
    out = []
    for slot in slots:
        cons = slot.get("consensus")
        latest = max((p[0] for p in slot.get("timeline", [])), default="")
        for cid in slot["claim_ids"]:
            c = by_id.get(cid)
            if c is None or c["article_id"] != article["id"] or cons is None or (c["as_of"] or "") != latest:
                continue  # an older figure of an evolving slot is not contradicted, only superseded
            if unbound(c["value"]["high"]) < cons["low"] or c["value"]["low"] > unbound(cons["high"]):
                out.append(
                    _signal(
                        article,
                        "contradicted-by-consensus",
                        "medium",
                        f"{slot['predicate']}: {c['value']['text']} against a consensus of "
                        f'{interval_text(cons)}: "{c["evidence"]}"',
                    )
                )
    return out


def relayed_only(article: Json, claims: list[Json]) -> list[Json]:
    mine = [c for c in claims if c["article_id"] == article["id"] and c["speaker"]]
    speakers = {c["speaker"]["name"] for c in mine}
    if len(mine) >= 1 and len(speakers) == 1 and all(c["via"] for c in mine):
        c = mine[0]
        return [
            _signal(
                article,
                "single-relayed-source",
                "medium",
                f'every figure rests on {c["speaker"]["name"]} via {", ".join(c["via"])}: "{c["evidence"]}"',
            )
        ]
    return []


def vaguer(article: Json, claims: list[Json]) -> list[Json]:
    exact_elsewhere = {
        c["predicate"] for c in claims if c["article_id"] != article["id"] and not c["value"]["approximate"]
    }
    vague_here = [
        c
        for c in claims
        if c["article_id"] == article["id"] and c["value"]["approximate"] and c["value"]["low"] != c["value"]["high"]
    ]
    exact_here = [c for c in claims if c["article_id"] == article["id"] and not c["value"]["approximate"]]
    hits = [c for c in vague_here if c["predicate"] in exact_elsewhere]
    if hits and not exact_here:
        return [
            _signal(
                article,
                "vaguer-than-others",
                "low",
                f"only vague figures ({', '.join(c['value']['text'] for c in hits[:3])}) where other reports "
                f'give numbers: "{hits[0]["evidence"]}"',
            )
        ]
    return []


def story_signals(story: Json) -> list[Json]:
    """Every signal of every article of ``story`` (a story as the JSON export shapes it)."""
    story_beat, _ = beat_of(" ".join(a["text"] for a in story["articles"]))
    claims, slots = story["claims"], story["slots"]
    out: list[Json] = []
    for a in story["articles"]:
        out += byline_mismatch(a, story_beat) + sourcing(a, claims) + hedging(a) + furniture(a)
        out += against_consensus(a, claims, slots) + relayed_only(a, claims) + vaguer(a, claims)
    return out


def by_outlet(signals: list[Json]) -> dict[str, dict[str, int]]:
    """How often each signal was raised for each outlet's articles."""
    table: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for s in signals:
        if s["severity"] != "info":
            table[s.get("outlet") or "unknown outlet"][s["name"]] += 1
    return {outlet: dict(counts) for outlet, counts in sorted(table.items())}
