"""A fact sheet on a terminal: it fits the console's width, down to 80 columns, without breaking words.

On a wide console (:data:`WIDE` columns or more) each slot's figures are a table with the evidence in
its last column; on a narrower one every figure is a stacked row: the figure, then who gave it and how,
then its evidence wrapped beneath. Sections, in order: summary, figures by slot (disagreements first),
derived figures with their arithmetic, events, timeline, sources with their signals. Article text is
never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from rashomon.lexicons import lexicon
from rashomon.records import DerivedRow, EventRow, FactSheet, FigureRow, SlotRow, SourceRow, SourceSignal, TimelineRow
from rashomon.report.factsheet import with_article

WIDE = 120  # from here on a slot's figures get one column per field
STATUS_STYLE = {"conflict": "bold red", "evolving": "yellow", "agree": "green"}


def terminal(sheet: FactSheet, console: Console) -> None:
    """Print ``sheet`` (from :func:`rashomon.report.fact_sheet`) to ``console`` at its width; to a file or
    a pipe without styles or trailing spaces."""
    if console.is_terminal:
        _render(sheet, console)
        return
    with console.capture() as captured:
        _render(sheet, console)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _render(sheet: FactSheet, console: Console) -> None:
    width = console.width
    _out(console, Text(sheet.title, style="bold"))
    _out(console, Rule(style="bold"))
    _section(console, "Summary")
    for line in sheet.summary_lines:
        _out(console, _pad(Text(line), 2))
    _section(console, "Figures")
    for row in sheet.slots:
        _out(console, _pad(_slot_heading(row), 2, top=1))
        figures = _figure_table(row.figures, width) if width >= WIDE else _figure_stack(row.figures)
        _out(console, _pad(figures, 4))
    if sheet.derived:
        _section(console, "Derived figures")
        for d in sheet.derived:
            _out(console, _pad(_derived(d), 2))
    if sheet.events:
        _section(console, "Events")
        _out(console, _pad(_events(sheet.events), 2))
    if sheet.timeline:
        _section(console, "Timeline")
        _out(console, _pad(_timeline(sheet.timeline), 2))
    _section(console, "Sources")
    for s in sheet.sources:
        _out(console, _pad(_source(s), 2))
        for x in s.signals:
            _out(console, _pad(_signal(x), 4))


def _out(console: Console, renderable: RenderableType) -> None:
    # soft_wrap=False: the sheet wraps at the console's width even when the console soft-wraps by default
    console.print(renderable, soft_wrap=False, highlight=False)


def _pad(renderable: RenderableType, left: int, top: int = 0) -> Padding:
    # expand=False: no line is padded out to the width with trailing spaces
    return Padding(renderable, (top, 0, 0, left), expand=False)


def _flat(text: str) -> str:
    """Evidence on one line: its own line breaks would leave a stray quote mark on a line of its own."""
    return " ".join(text.split())


def _section(console: Console, name: str) -> None:
    _out(console, Text(""))
    _out(console, Text(name.upper(), style="bold underline"))


def _stance(stance: str) -> str:
    return str(lexicon("report")["stances"].get(stance, stance))


def _slot_heading(row: SlotRow) -> Text:
    text = Text(row.label, style="bold " + STATUS_STYLE.get(row.status, ""))
    subject = row.subject
    text.append(f" ({subject})" if subject and subject.casefold() != row.label.casefold() else "")
    text.append(" — ")
    text.append(row.status_text, style=STATUS_STYLE.get(row.status, ""))
    consensus = row.consensus
    text.append(f"; consensus {consensus}" if consensus != "none" else "; no consensus")
    return text


def _how(f: FigureRow) -> str:
    """Who gave a figure, through whom, where and when, and how firmly: one line of plain words."""
    parts = [f.speaker + (f", via {f.via}" if f.via else "")]
    parts += [p for p in (f.outlet, f"as of {f.as_of}" if f.as_of else "", _stance(f.stance)) if p]
    if f.vague:
        parts.append("vague")
    return " · ".join(parts)


def _quoted(evidence: str) -> str:
    return f"“{_flat(evidence)}”"


def _figure_stack(figures: Sequence[FigureRow]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for f in figures:
        detail = Text(_how(f))
        detail.append("\n" + _quoted(f.evidence), style="dim")
        grid.add_row(Text(f.figure, style="bold"), detail)
    return grid


def _longest_word(values: list[str]) -> int:
    return max((len(w) for v in values for w in v.split()), default=1)


def _figure_table(figures: Sequence[FigureRow], width: int) -> Table:
    table = Table(expand=True, width=width - 4, show_lines=True)
    columns = [
        ("figure", [f.figure for f in figures]),
        ("who said it", [f.speaker for f in figures]),
        ("via", [f.via for f in figures]),
        ("outlet", [f.outlet for f in figures]),
        ("as of", [f.as_of for f in figures]),
        ("how", [_stance(f.stance) + (", vague" if f.vague else "") for f in figures]),
    ]
    for name, values in columns:
        # a column is never narrower than its longest word, so no word is broken in two
        table.add_column(name, min_width=min(_longest_word([*values, name]), 24), max_width=24)
    table.add_column("evidence", ratio=1, min_width=30)
    for f, row in zip(figures, zip(*(values for _, values in columns), strict=True), strict=True):
        table.add_row(*(Text(c) for c in row), Text(_quoted(f.evidence), style="dim"))
    return table


def _derived(d: DerivedRow) -> Text:
    text = Text(f"{d.label} = {d.value}", style="bold")
    text.append(f" as of {d.as_of}" if d.as_of else "")
    text.append(f": {d.rule.replace('_', ' ')}")
    text.append(f", from {with_article(d.speaker)}'s figures" if d.speaker else "")
    return text


def _events(events: Sequence[EventRow]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for e in sorted(events, key=lambda e: e.date or "9999"):
        what = Text(e.type, style="bold")
        what.append(f" at {e.place}" if e.place else "")
        what.append(f"; actors: {e.actors}" if e.actors else "")
        what.append(f" ({e.reports} report{'s' * (e.reports != 1)})")
        what.append("\n" + _quoted(e.evidence), style="dim")
        grid.add_row(e.date or "undated", what)
    return grid


def _timeline(rows: Sequence[TimelineRow]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for t in rows:
        line = Text(f"{t.label}: ")
        line.append(t.figure, style="bold")
        line.append(f" — {t.speaker}" + (f", via {t.via}" if t.via else ""))
        line.append(f" ({t.outlet})" if t.outlet else "")
        grid.add_row(t.as_of or "undated", line)
    return grid


def _source(s: SourceRow) -> Text:
    text = Text(s.outlet, style="bold")
    text.append(f", {s.published}" if s.published else "")
    text.append(f": {s.title}" if s.title else "")
    text.append(" (a copy of another report)" if s.copy_of else "")
    return text


def _signal(x: SourceSignal) -> Text:
    text = Text(f"! {x.name} ({x.severity}): ", style="red" if x.severity != "low" else "")
    text.append(_flat(x.evidence), style="dim")
    return text
