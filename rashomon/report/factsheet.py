"""A story's fact sheet: what happened, who says which figure (through whom, when, how firmly),
where sources agree, contradict each other or change over time, and how far to trust each source.

:func:`fact_sheet` turns a story (:class:`rashomon.records.StoryView`) into a
:class:`rashomon.records.FactSheet`, which :func:`markdown` and :func:`html` here,
:func:`rashomon.report.terminal.terminal` and the web's pages render. Every figure keeps its evidence
sentence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rashomon.lexicons import lexicon
from rashomon.records import (
    Claim,
    Derived,
    DerivedRow,
    Event,
    EventRow,
    FactSheet,
    FigureRow,
    Slot,
    SlotRow,
    SourceRow,
    SourceSignal,
    StoryView,
    TimelineRow,
)
from rashomon.report.escaping import h
from rashomon.report.naming import headline, outlet_name
from rashomon.report.signals import by_outlet
from rashomon.report.values import interval_text

STATUS_MARK = {"conflict": "CONFLICT", "evolving": "evolving", "agree": "agree", "single": "single source"}


def label(predicate: str) -> str:
    """A predicate in plain words, as a heading: "at_large" reads "Still at large"."""
    words = str(lexicon("report")["predicates"].get(predicate, predicate.replace("_", " ")))
    return words[:1].upper() + words[1:]


def status_text(status: str) -> str:
    """What a slot's figures do across sources, in plain words."""
    return str(lexicon("report")["status"].get(status, status))


def _speaker(c: Claim) -> str:
    sp = c.speaker
    if not sp:
        return ""
    return f"{sp.name} ({sp.role})" if sp.role else sp.name


def _vague(c: Claim) -> bool:
    """A figure given as a word for a range ("several", "dozens", "thousands"), not as a number."""
    return c.value.vague and not math.isinf(c.value.high)


def _figure_row(c: Claim, outlets: dict[str, str], texts: dict[str, str]) -> FigureRow:
    return FigureRow(
        claim_id=c.id, figure=c.value.text, range=interval_text(c.value.low, c.value.high),
        speaker=_speaker(c) or "no source named", sourced=c.speaker is not None, vague=_vague(c),
        via=", ".join(c.via), outlet=outlets.get(c.article_id, "?"), as_of=c.as_of.isoformat() if c.as_of else "",
        stance=c.stance, evidence=c.evidence.text_in(texts[c.article_id]), article_id=c.article_id,
    )  # fmt: skip


def _timeline_row(f: FigureRow, predicate: str) -> TimelineRow:
    return TimelineRow(
        claim_id=f.claim_id, figure=f.figure, range=f.range, speaker=f.speaker, sourced=f.sourced, vague=f.vague,
        via=f.via, outlet=f.outlet, as_of=f.as_of, stance=f.stance, evidence=f.evidence, article_id=f.article_id,
        predicate=predicate, label=label(predicate),
    )  # fmt: skip


def _derived_row(d: Derived) -> FigureRow:
    value = interval_text(d.low, d.high)
    return FigureRow(
        claim_id=d.id, figure=value, range=value,
        speaker=f"derived from {with_article(d.speaker or 'one speaker')}'s figures", sourced=True, vague=False,
        via="", outlet="", as_of=d.as_of.isoformat() if d.as_of else "", stance="derived", evidence=d.rule,
        article_id="",
    )  # fmt: skip


STATUS_ORDER = {"conflict": 0, "evolving": 1, "agree": 2, "single": 3}


def _slot_order(row: SlotRow) -> tuple[int, float, str]:
    """Sourced conflicts first (the strongest first), then evolution, agreement and single figures."""
    return STATUS_ORDER.get(row.status, 4), -_strength(row), row.predicate


def _strength(row: SlotRow) -> float:
    """How much a reader should weigh a slot: sourced, precise figures from many outlets count most."""
    firm = [f for f in row.figures if f.sourced and not f.vague]
    return len(firm) + 0.5 * len({f.outlet for f in firm if f.outlet}) + 0.1 * len(row.figures)


def _slot_row(s: Slot, rows: dict[str, FigureRow], derived: dict[str, Derived]) -> SlotRow:
    figures = [rows[i] for i in s.claim_ids if i in rows]
    figures += [_derived_row(derived[p[3]]) for p in s.timeline if p[3] in derived]
    return SlotRow(
        predicate=s.predicate, label=label(s.predicate), subject=s.subject, status=s.status,
        status_text=status_text(s.status),
        consensus=interval_text(s.consensus.low, s.consensus.high) if s.consensus else "none",
        figures=tuple(figures), timeline=s.timeline,
    )  # fmt: skip


def fact_sheet(story: StoryView) -> FactSheet:
    """The fact sheet of one story: what every renderer shows."""
    names = {e.id: e.name for e in story.entities}
    outlets = {a.id: outlet_name(a) for a in story.articles}
    texts = {a.id: a.text for a in story.articles}
    derived = {d.id: d for d in story.derived}
    figures = {c.id: _figure_row(c, outlets, texts) for c in story.claims}
    rows = sorted((_slot_row(s, figures, derived) for s in story.slots), key=_slot_order)
    lines = summary_lines(story, rows, names)
    timeline = sorted(
        (_timeline_row(figures[c.id], c.predicate) for c in story.claims),
        key=lambda r: (r.as_of or "9999", r.predicate),
    )
    return FactSheet(
        id=story.id, title=story.title, summary=" ".join(lines), summary_lines=tuple(lines),
        events=tuple(_event_row(e, names, texts) for e in story.events if e.date or len(e.mentions) > 1),
        slots=tuple(rows),
        derived=tuple(
            DerivedRow(predicate=d.predicate, label=label(d.predicate), value=interval_text(d.low, d.high),
                       as_of=d.as_of.isoformat() if d.as_of else "", rule=d.rule, speaker=d.speaker or "",
                       sources=d.sources)
            for d in story.derived
        ),
        timeline=tuple(timeline), sources=tuple(_sources(story)),
        outlet_signals=by_outlet(story.signals, {a.id: a.outlet for a in story.articles}),
    )  # fmt: skip


def _event_row(e: Event, names: dict[str, str], texts: dict[str, str]) -> EventRow:
    first = e.mentions[0]
    return EventRow(
        type=e.type, date=e.date.isoformat() if e.date else "", place=names.get(e.place or "", ""),
        actors=", ".join(names.get(a, a) for a in e.actors), reports=len({m.article_id for m in e.mentions}),
        evidence=first.text_in(texts[first.article_id]),
    )  # fmt: skip


def _sources(story: StoryView) -> list[SourceRow]:
    out = []
    for a in story.articles:
        signals = [s for s in story.signals if s.article_id == a.id and s.severity != "info"]
        out.append(
            SourceRow(
                outlet=outlet_name(a), title=headline(a), published=a.published.isoformat() if a.published else "",
                byline=a.byline or "", copy_of=story.copies.get(a.id), article_id=a.id,
                signals=tuple(SourceSignal(s.name, s.severity, s.evidence) for s in signals),
            )
        )  # fmt: skip
    return out


def with_article(name: str) -> str:
    """A speaker named by a common noun reads with its article: "the interior ministry"."""
    return "the " + name if name[:1].islower() and not name.startswith(("the ", "a ", "an ")) else name


def _who(f: FigureRow) -> str:
    """Who gives a figure, as a sentence's subject: "the interior ministry", "CNN, naming no source,"."""
    if f.stance == "derived":
        return f.speaker
    if not f.sourced:
        return f"{f.outlet}, naming no source,"
    return with_article(f.speaker) + (f", via {f.via}," if f.via else "")


def _says(f: FigureRow, times: int = 1) -> str:
    if f.stance == "derived":
        return f"{f.figure}, {f.speaker}"
    again = f" (in {times} reports)" if times > 1 else ""
    return f"{_who(f)} says {_figure(f)}" + (" (a vague figure)" if f.vague else "") + again


def _figure(f: FigureRow) -> str:
    """A figure as it reads inside a sentence: "Eighteen" at the head of its own becomes "eighteen"."""
    text = f.figure
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _ranked(figures: Sequence[FigureRow]) -> list[tuple[FigureRow, int]]:
    """Each speaker's figure once (with how often it is given), sourced and precise figures first: an
    unsourced or vague one never leads."""
    seen: dict[tuple[str, str], list[FigureRow]] = {}
    for f in figures:
        seen.setdefault((_who(f).casefold(), f.range), []).append(f)
    ranked = sorted(seen.values(), key=lambda fs: (not fs[0].sourced, fs[0].vague, fs[0].as_of or "9999"))
    return [(fs[0], len({f.article_id for f in fs})) for fs in ranked]


def _steps(figures: Sequence[FigureRow]) -> str:
    """An evolution in the order of time, one step per value and day, with everyone who gave it."""
    steps: dict[tuple[str, str], list[str]] = {}
    for f in sorted(figures, key=lambda f: f.as_of or "9999"):
        who = _who(f).rstrip(",") + ("; vague" if f.vague else "")
        names = steps.setdefault((f.range, f.as_of), [])
        if who not in names:
            names.append(who)
    return ", then ".join(
        value + (f" on {day}" if day else "") + f" ({'; '.join(names)})" for (value, day), names in steps.items()
    )


def summary_lines(story: StoryView, rows: list[SlotRow], names: dict[str, str]) -> list[str]:
    """Plain sentences: the reports, the main event, the strongest sourced disagreements, then what
    changed over time, then what sources agree on. Unsourced and vague figures are named as such."""
    days = sorted({a.published.isoformat() for a in story.articles if a.published})
    outlets = sorted({outlet_name(a) for a in story.articles})
    n, k = len(story.articles), len(outlets)
    span = f" between {days[0]} and {days[-1]}" if len(days) > 1 else (f" on {days[0]}" if days else "")
    first = f"{n} report{'s' * (n != 1)} from {k} outlet{'s' * (k != 1)}{span}."
    dated = [e for e in story.events if e.date]
    if dated:
        e = max(dated, key=lambda e: len(e.mentions))
        place = names.get(e.place or "", "")
        first += f" Main event: {e.type} on {e.date}" + (f" at {place}" if place else "") + "."
    lines = [first]
    for row in [r for r in rows if r.status == "conflict"][:3]:
        lines.append(f"{row.label}: " + "; ".join(_says(f, n) for f, n in _ranked(row.figures)[:4]) + ".")
    for row in [r for r in rows if r.status == "evolving"][:3]:
        lines.append(f"{row.label} changes over time: {_steps(row.figures)}.")
    agreed = [r for r in rows if r.status == "agree"]
    if agreed:
        lines.append("Sources agree on: " + "; ".join(f"{r.label.lower()} {r.consensus}" for r in agreed) + ".")
    return lines


# -- renderers -------------------------------------------------------------------------------
def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(sheet: FactSheet) -> str:
    out = [f"# {_md(sheet.title)}", "", _md(sheet.summary), ""]
    if sheet.events:
        out += ["## Events", "", "| event | date | place | actors | reports |", "|---|---|---|---|---|"]
        out += [f"| {e.type} | {e.date} | {_md(e.place)} | {_md(e.actors)} | {e.reports} |" for e in sheet.events]
        out.append("")
    out += ["## Figures", ""]
    for row in sheet.slots:
        out += [
            f"### {row.label} ({_md(row.subject)}): {STATUS_MARK[row.status]}, consensus {row.consensus}",
            "",
            "| figure | value | who said it | via | outlet | as of | stance | evidence |",
            "|---|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {_md(f.figure)} | {f.range} | {_md(f.speaker)} | {_md(f.via)} | {_md(f.outlet)} | "
            f"{f.as_of} | {f.stance} | {_md(f.evidence)} |"
            for f in row.figures
        ]
        out.append("")
    if sheet.derived:
        out += ["## Derived figures", ""]
        out += [f"- **{d.label} = {d.value}** as of {d.as_of} ({_md(d.speaker)}): {_md(d.rule)}" for d in sheet.derived]
        out.append("")
    out += ["## Timeline", "", "| as of | figure | measures | who | outlet |", "|---|---|---|---|---|"]
    out += [
        f"| {t.as_of} | {_md(t.figure)} | {_md(t.label)} | {_md(t.speaker)} | {_md(t.outlet)} |" for t in sheet.timeline
    ]
    out += ["", "## Sources", ""]
    for s in sheet.sources:
        copy = " (a copy of another report)" if s.copy_of else ""
        out.append(f"- **{_md(s.outlet)}**, {s.published}: {_md(s.title)}{copy}")
        out += [f"  - {s2.severity} **{s2.name}**: {_md(s2.evidence)}" for s2 in s.signals]
    return "\n".join(out) + "\n"


def _h(text: object) -> str:
    return h(str(text))


CSS = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem;"
    "vertical-align:top;text-align:left}tr.conflict h3,.conflict{color:#a00}.evolving{color:#a60}"
    ".evidence{color:#555;font-size:.9em}.sev-medium,.sev-high{color:#a00}"
)


def _table(heads: tuple[str, ...], rows: list[list[object]], ids: list[str] | None = None) -> str:
    """An HTML table with every cell escaped; the last column is evidence when it is named so."""
    head = "".join(f"<th>{_h(h)}</th>" for h in heads)
    body = []
    for i, row in enumerate(rows):
        attr = f' id="{_h(ids[i])}"' if ids else ""
        cells = "".join(
            f'<td class="evidence">{_h(c)}</td>' if heads[j] == "evidence" else f"<td>{_h(c)}</td>"
            for j, c in enumerate(row)
        )
        body.append(f"<tr{attr}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def html(sheet: FactSheet) -> str:
    """A self-contained page (no outside request); every piece of article text is escaped."""
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_h(sheet.title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{_h(sheet.title)}</h1><p>{_h(sheet.summary)}</p>"
    ]
    if sheet.events:
        keys = ("type", "date", "place", "actors", "reports")
        parts.append(
            "<h2>Events</h2>" + _table(("event", *keys[1:]), [[getattr(e, k) for k in keys] for e in sheet.events])
        )
    parts.append("<h2>Figures</h2>")
    for row in sheet.slots:
        title = f"{row.label} ({row.subject}): {STATUS_MARK[row.status]}, consensus {row.consensus}"
        columns = ("figure", "range", "speaker", "via", "outlet", "as_of", "stance", "evidence")
        heads = ("figure", "value", "who said it", "via", "outlet", "as of", "stance", "evidence")
        figures = [[getattr(f, c) for c in columns] for f in row.figures]
        ids = [f"claim-{f.claim_id}" for f in row.figures]
        parts.append(f'<section class="{_h(row.status)}"><h3>{_h(title)}</h3>{_table(heads, figures, ids)}</section>')
    if sheet.derived:
        parts.append("<h2>Derived figures</h2><ul>")
        parts += [
            f"<li><b>{_h(d.label)} = {_h(d.value)}</b> as of {_h(d.as_of)} ({_h(d.speaker)}): {_h(d.rule)}</li>"
            for d in sheet.derived
        ]
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ul>")
    for s in sheet.sources:
        signals = "".join(f'<li class="sev-{_h(x.severity)}">{_h(x.name)}: {_h(x.evidence)}</li>' for x in s.signals)
        parts.append(
            f"<li><b>{_h(s.outlet)}</b>, {_h(s.published)}: {_h(s.title)}"
            f"{' (a copy of another report)' if s.copy_of else ''}<ul>{signals}</ul></li>"
        )
    parts.append("</ul></body></html>")
    return "".join(parts)
