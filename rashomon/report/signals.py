"""Credibility signals per article, each with the text that raised it, and their sum per outlet.

Computed from a story's articles, claims and slots, so every signal can be read next to the figures
it concerns:

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
from collections.abc import Sequence
from functools import cache

from rashomon.lexicons import lexicon
from rashomon.records import Article, Claim, Severity, Signal, Slot
from rashomon.report.values import interval_text

WORD = re.compile(r"[a-z0-9]+")
BEAT_CHARS = 50_000  # a story's beat is read from its first reports: a long story's words do not change it


@cache
def _beats() -> dict[str, tuple[frozenset[str], re.Pattern[str] | None]]:
    """Each beat's single words, and its phrases as one pattern ("national security")."""
    beats: dict[str, list[str]] = lexicon("beats")["beats"]
    out: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {}
    for beat, words in beats.items():
        phrases = [w for w in words if not WORD.fullmatch(w)]
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b") if phrases else None
        out[beat] = (frozenset(w for w in words if WORD.fullmatch(w)), pattern)
    return out


def beat_of(text: str) -> tuple[str | None, int]:
    """The beat whose words ``text`` uses most, with how many it used (the text's words are counted once,
    then looked up per beat)."""
    if not text:
        return None, 0
    low = text.lower()
    words = Counter(WORD.findall(low))
    counts = {
        b: sum(words[w] for w in singles) + (len(phrases.findall(low)) if phrases else 0)
        for b, (singles, phrases) in _beats().items()
    }
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return (best[0], best[1]) if best[1] else (None, 0)


def _signal(article: Article, name: str, severity: Severity, evidence: str, **detail: float) -> Signal:
    return Signal(article.id, name, severity, evidence, detail=tuple(detail.items()))


def _evidence(c: Claim, article: Article) -> str:
    return c.evidence.text_in(article.text)


def byline_mismatch(article: Article, story_beat: str | None) -> list[Signal]:
    bio = article.author_bio or ""
    bio_beat, _ = beat_of(bio)
    if not bio or bio_beat is None or story_beat is None or bio_beat == story_beat:
        return []
    return [
        _signal(
            article,
            "byline-beat-mismatch",
            "medium",
            f'{article.byline or "The author"}\'s bio: "{bio}" ({bio_beat}); the story is {story_beat}',
        )
    ]


def sourcing(article: Article, mine: list[Claim]) -> list[Signal]:
    """How many of the article's own figures (``mine``) name no source, and how many named sources it has."""
    out = []
    if mine:
        anonymous = [
            c
            for c in mine
            if not c.speaker or (not c.speaker.entity_id and not c.speaker.role and len(c.speaker.name.split()) < 2)
        ]
        share = len(anonymous) / len(mine)
        if share > 0:
            severity: Severity = "high" if share == 1 else "medium" if share >= 0.5 else "low"
            example = _evidence(anonymous[0], article)
            out.append(
                _signal(
                    article,
                    "unattributed-figures",
                    severity,
                    f'{len(anonymous)} of {len(mine)} figures name no source, e.g. "{example}"',
                    share=share,
                )
            )
    named = {c.speaker.name for c in mine if c.speaker and c.speaker.entity_id}
    words = max(1, len(article.text.split()))
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


@cache
def _hedges() -> list[tuple[str, tuple[str, ...], re.Pattern[str], Severity]]:
    lex = lexicon("attribution")
    kinds: tuple[tuple[str, list[str], Severity], ...] = (
        ("unverified", lex["disclaimers"], "medium"), ("hedged", lex["hedges"], "low"),
    )  # fmt: skip
    return [
        (name, tuple(p.lower() for p in phrases),
         re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I), severity)
        for name, phrases, severity in kinds
    ]  # fmt: skip


def hedging(article: Article) -> list[Signal]:
    """Disclaimers and hedges, each with the first sentence that holds one (found phrase first: a pattern
    spanning the sentence around it would be tried from every character of the text)."""
    text, out = article.text, []
    low = text.lower()
    for name, phrases, pattern, severity in _hedges():
        if not any(p in low for p in phrases):
            continue  # a plain search first: most articles hold none, and the pattern is slow to rule out
        hits = [_sentence_around(text, m.start()) for m in pattern.finditer(text)]
        if hits:
            sentences = len({start for start, _ in hits})  # counted by sentence, as a reader would
            start, end = hits[0]
            out.append(_signal(article, name, severity, text[start:end].strip(), count=sentences))
    return out


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """Where the sentence holding character ``at`` starts and ends (its closing mark included)."""
    start = max(text.rfind(ch, 0, at) for ch in ".!?\n") + 1
    ends = [i for i in (text.find(ch, at) for ch in ".!?\n") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def furniture(article: Article) -> list[Signal]:
    lines = [ln for ln in article.text.splitlines() if ln.strip()]
    junk = list(article.furniture)
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


def latest_slots(slots: Sequence[Slot]) -> dict[str, tuple[Slot, str]]:
    """Each claim id of a slot with a consensus: its slot and the slot's latest day (read once per story)."""
    out: dict[str, tuple[Slot, str]] = {}
    for slot in slots:
        if slot.consensus is None:
            continue
        latest = max((p[0] for p in slot.timeline), default="")
        out.update((cid, (slot, latest)) for cid in slot.claim_ids)
    return out


def against_consensus(article: Article, mine: list[Claim], slot_of: dict[str, tuple[Slot, str]]) -> list[Signal]:
    """The article's figures outside their slot's consensus on the slot's latest day."""
    out = []
    for c in mine:
        if c.id in slot_of:
            slot, latest = slot_of[c.id]
            cons = slot.consensus
            assert cons is not None  # latest_slots keeps only slots with one
            if (c.as_of.isoformat() if c.as_of else "") != latest:
                continue  # an older figure of an evolving slot is not contradicted, only superseded
            if c.value.high < cons.low or c.value.low > cons.high:
                out.append(
                    _signal(
                        article,
                        "contradicted-by-consensus",
                        "medium",
                        f"{slot.predicate}: {c.value.text} against a consensus of "
                        f'{interval_text(cons.low, cons.high)}: "{_evidence(c, article)}"',
                    )
                )
    return out


def relayed_only(article: Article, mine: list[Claim]) -> list[Signal]:
    sourced = [(c, c.speaker) for c in mine if c.speaker]
    speakers = {speaker.name for _, speaker in sourced}
    if len(sourced) >= 1 and len(speakers) == 1 and all(c.via for c, _ in sourced):
        c, speaker = sourced[0]
        return [
            _signal(
                article,
                "single-relayed-source",
                "medium",
                f'every figure rests on {speaker.name} via {", ".join(c.via)}: "{_evidence(c, article)}"',
            )
        ]
    return []


def vaguer(article: Article, mine: list[Claim], exact: Counter[str]) -> list[Signal]:
    """Only vague figures where other reports give numbers (``exact``: the story's exact figures per
    predicate)."""
    exact_here = [c for c in mine if not c.value.approximate]
    mine_exact = Counter(c.predicate for c in exact_here)
    vague_here = [c for c in mine if c.value.approximate and c.value.low != c.value.high]
    hits = [c for c in vague_here if exact[c.predicate] > mine_exact[c.predicate]]
    if hits and not exact_here:
        return [
            _signal(
                article,
                "vaguer-than-others",
                "low",
                f"only vague figures ({', '.join(c.value.text for c in hits[:3])}) where other reports "
                f'give numbers: "{_evidence(hits[0], article)}"',
            )
        ]
    return []


def story_signals(articles: Sequence[Article], claims: Sequence[Claim], slots: Sequence[Slot]) -> list[Signal]:
    """Every signal of every article of a story, read from its articles, claims and slots."""
    story_beat, _ = beat_of(" ".join(a.text for a in articles)[:BEAT_CHARS])
    # read the story's claims once, by article: each signal then looks at one article's figures only
    by_article: defaultdict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    exact = Counter(c.predicate for c in claims if not c.value.approximate)
    slot_of = latest_slots(slots)
    out: list[Signal] = []
    for a in articles:
        mine = by_article.get(a.id, [])
        out += byline_mismatch(a, story_beat) + sourcing(a, mine) + hedging(a) + furniture(a)
        out += against_consensus(a, mine, slot_of) + relayed_only(a, mine) + vaguer(a, mine, exact)
    return out


def by_outlet(signals: Sequence[Signal], outlets: dict[str, str | None]) -> dict[str, dict[str, int]]:
    """How often each signal was raised for each outlet's articles (``outlets``: each article's outlet)."""
    table: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for s in signals:
        if s.severity != "info":
            table[outlets.get(s.article_id) or "unknown outlet"][s.name] += 1
    return {outlet: dict(counts) for outlet, counts in sorted(table.items())}
