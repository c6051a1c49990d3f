"""A story's timeline as one SVG drawn on the server: a row of reports, a row of events, and a row per slot
with each figure's value written beside its dot. Hovering a dot names its source (an SVG ``<title>``).

Days are spaced evenly by rank, not by calendar distance, so two close days never print over each other;
figures of one day in one row are stacked.
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.records import FactSheet, FigureRow
from rashomon.report.escaping import h

WIDTH, LABEL_W, PAD, RIGHT, TOP = 760, 180, 40, 120, 34  # RIGHT: room for the last day's labels
LINE_H = 15  # one stacked label
LABEL_CHARS = 30  # a longer row label is cut (whole on hover) so it never runs into the first day's marks
MAX_SLOTS = 40  # rows beyond are in the Figures section


@dataclass(frozen=True, slots=True)
class Mark:
    day: str
    text: str  # written beside the dot
    hover: str  # who said it, through whom, in which outlet


def rows(sheet: FactSheet) -> list[tuple[str, str, list[Mark]]]:
    """(css class, row label, marks) for the reports, the events and each slot with dated figures."""
    reports = [Mark(s.published, s.outlet, f"{s.outlet}: {s.title}") for s in sheet.sources]
    events = [
        Mark(e.date, e.type, f"{e.type}" + (f" at {e.place}" if e.place else "")
             + f" ({e.reports} report{'s' * (e.reports != 1)})")
        for e in sheet.events
    ]  # fmt: skip
    out = [("reports", "Reports", [m for m in reports if m.day]), ("events", "Events", [m for m in events if m.day])]
    for slot in sheet.slots[:MAX_SLOTS]:
        marks = [Mark(f.as_of, f.figure, _who(f)) for f in slot.figures if f.as_of]
        if marks:
            out.append(("slot", f"{slot.label} ({slot.subject})", marks))
    return [r for r in out if r[2]]


def _who(f: FigureRow) -> str:
    via = f", via {f.via}" if f.via else ""
    outlet = f" ({f.outlet})" if f.outlet else ""
    return f"{f.figure}: {f.speaker}{via}{outlet}, {f.stance}"


def story_timeline(sheet: FactSheet) -> str:
    """The SVG, or a sentence saying nothing in the story is dated."""
    table = rows(sheet)
    days = sorted({m.day for _, _, marks in table for m in marks})
    if not days:
        return '<p class="empty">Nothing in this story is dated.</p>'
    step = (WIDTH - LABEL_W - PAD - RIGHT) / max(len(days) - 1, 1)
    position = {d: i for i, d in enumerate(days)}

    def x(day: str) -> float:
        return LABEL_W + PAD + position[day] * step if len(days) > 1 else (WIDTH + LABEL_W) / 2

    parts, y = [], float(TOP)
    for kind, label, marks in table:
        per_day: dict[str, list[Mark]] = {}
        for m in marks:
            per_day.setdefault(m.day, []).append(m)
        height = max(len(v) for v in per_day.values()) * LINE_H + 10
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<g class="row {kind}"><text class="row-label" x="4" y="{y + 12:.0f}">{h(short)}'
            f"<title>{h(label)}</title></text>"
        )
        parts.append(f'<line class="rule" x1="{LABEL_W}" x2="{WIDTH}" y1="{y + height:.0f}" y2="{y + height:.0f}"/>')
        for day, stack in per_day.items():
            for i, m in enumerate(stack):
                cy = y + 8 + i * LINE_H
                parts.append(
                    f'<g class="mark"><circle cx="{x(day):.1f}" cy="{cy:.1f}" r="4"/>'
                    f'<text class="value" x="{x(day) + 7:.1f}" y="{cy + 4:.1f}">{h(m.text)}</text>'
                    f"<title>{h(day)}: {h(m.hover)}</title></g>"
                )
        parts.append("</g>")
        y += height
    axis = "".join(f'<text class="day" x="{x(d):.1f}" y="{TOP - 12}" text-anchor="middle">{h(d)}</text>' for d in days)
    return (
        f'<svg class="story-timeline" role="img" aria-label="timeline of the story" viewBox="0 0 {WIDTH} {y + 8:.0f}" '
        f'xmlns="http://www.w3.org/2000/svg">{axis}{"".join(parts)}</svg>'
    )
