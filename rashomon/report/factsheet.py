"""A story's fact sheet: what happened, who says which figure (through whom, when, how firmly),
where sources agree, contradict each other or change over time, and how far to trust each source.

:func:`fact_sheet` turns a story (as the JSON export shapes it) into one plain structure, which
:func:`markdown`, :func:`html` and :func:`terminal` render. Every figure keeps its evidence sentence.
"""

from __future__ import annotations

import html as htmllib
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from rashomon.report.signals import by_outlet
from rashomon.report.values import interval_text

Json = dict[str, Any]
STATUS_MARK = {"conflict": "CONFLICT", "evolving": "evolving", "agree": "agree", "single": "single source"}


def _names(story: Json) -> dict[str, str]:
    return {e["id"]: e["name"] for e in story["entities"]}


def _speaker(c: Json) -> str:
    sp = c["speaker"]
    if not sp:
        return "(the outlet, no source named)"
    return f"{sp['name']} ({sp['role']})" if sp.get("role") else sp["name"]


def _value(v: Json) -> str:
    return interval_text(v)


def _figure_row(c: Json, outlets: dict[str, str]) -> Json:
    return {
        "claim_id": c["id"],
        "figure": c["value"]["text"],
        "range": _value(c["value"]),
        "speaker": _speaker(c),
        "via": ", ".join(c["via"]) or "",
        "outlet": outlets.get(c["article_id"], "?"),
        "as_of": c["as_of"] or "",
        "stance": c["stance"],
        "evidence": c["evidence"],
        "article_id": c["article_id"],
    }


def _derived_row(d: Json) -> Json:
    return {
        "claim_id": d["id"], "figure": _value(d["value"]), "range": _value(d["value"]),
        "speaker": f"derived from {d.get('speaker') or 'one speaker'}'s figures", "via": "", "outlet": "",
        "as_of": d.get("as_of") or "", "stance": "derived", "evidence": d["rule"], "article_id": "",
    }  # fmt: skip


def fact_sheet(story: Json) -> Json:
    """The fact sheet of one story, as plain data (what every renderer shows)."""
    names = _names(story)
    outlets = {a["id"]: a.get("outlet") or "unknown outlet" for a in story["articles"]}
    claims = {c["id"]: c for c in story["claims"]}
    slots = sorted(story["slots"], key=lambda s: (s["status"] != "conflict", s["status"] != "evolving", s["predicate"]))
    derived = {d["id"]: d for d in story["derived"]}
    rows = [
        {
            "predicate": s["predicate"], "subject": s["subject"], "status": s["status"],
            "consensus": _value(s["consensus"]) if s.get("consensus") else "none",
            "figures": [_figure_row(claims[i], outlets) for i in s["claim_ids"] if i in claims]
            + [_derived_row(derived[p[3]]) for p in s.get("timeline", []) if p[3] in derived],
            "timeline": s.get("timeline", []),
        }
        for s in slots
    ]  # fmt: skip
    return {
        "id": story["id"],
        "title": story["title"],
        "summary": summary(story, rows, names),
        "events": [_event_row(e, names) for e in story["events"] if e.get("date") or len(e["mentions"]) > 1],
        "slots": rows,
        "derived": [
            {
                "predicate": d["predicate"],
                "value": _value(d["value"]),
                "as_of": d.get("as_of") or "",
                "rule": d["rule"],
                "speaker": d.get("speaker") or "",
                "from": d["from"],
            }
            for d in story["derived"]
        ],
        "timeline": sorted(
            (_figure_row(c, outlets) | {"predicate": c["predicate"]} for c in story["claims"]),
            key=lambda r: (r["as_of"], r["predicate"]),
        ),
        "sources": _sources(story),
        "outlet_signals": by_outlet(story["signals"]),
    }


def _event_row(e: Json, names: dict[str, str]) -> Json:
    return {
        "type": e["type"],
        "date": e.get("date") or "",
        "place": names.get(e.get("place") or "", ""),
        "actors": ", ".join(names.get(a, a) for a in e.get("actors", [])),
        "reports": len({m["article_id"] for m in e["mentions"]}),
        "evidence": e["mentions"][0]["evidence"],
    }


def _sources(story: Json) -> list[Json]:
    out = []
    for a in story["articles"]:
        signals = [s for s in story["signals"] if s["article_id"] == a["id"] and s["severity"] != "info"]
        out.append(
            {
                "outlet": a.get("outlet") or "unknown outlet",
                "title": a.get("title") or "",
                "published": a.get("published") or "",
                "byline": a.get("byline") or "",
                "copy_of": a.get("copy_of"),
                "article_id": a["id"],
                "signals": [{"name": s["name"], "severity": s["severity"], "evidence": s["evidence"]} for s in signals],
            }
        )
    return out


def summary(story: Json, rows: list[Json], names: dict[str, str]) -> str:
    """One paragraph: how many reports, what happened, where sources disagree."""
    days = sorted({a["published"] for a in story["articles"] if a.get("published")})
    outlets = sorted({a.get("outlet") or "unknown outlet" for a in story["articles"]})
    span = f" between {days[0]} and {days[-1]}" if len(days) > 1 else (f" on {days[0]}" if days else "")
    text = f"{len(story['articles'])} report(s) from {len(outlets)} outlet(s){span}."
    dated = [e for e in story["events"] if e.get("date")]
    if dated:
        e = max(dated, key=lambda e: len(e["mentions"]))
        place = names.get(e.get("place") or "", "")
        text += f" Main event: {e['type']} on {e['date']}" + (f" at {place}" if place else "") + "."
    for row in rows:
        if row["status"] == "conflict":
            figures = "; ".join(
                f"{f['figure']} from {f['speaker']}" + (f" via {f['via']}" if f["via"] else "")
                for f in row["figures"][:4]
            )
            text += f" Sources contradict each other on {row['predicate']}: {figures}."
        elif row["status"] == "evolving":
            values = ", ".join(f["figure"] for f in row["figures"])
            text += f" The figure for {row['predicate']} changes over time ({values})."
    return text


# -- renderers -------------------------------------------------------------------------------
def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(sheet: Json) -> str:
    out = [f"# {_md(sheet['title'])}", "", _md(sheet["summary"]), ""]
    if sheet["events"]:
        out += ["## Events", "", "| event | date | place | actors | reports |", "|---|---|---|---|---|"]
        out += [
            f"| {e['type']} | {e['date']} | {_md(e['place'])} | {_md(e['actors'])} | {e['reports']} |"
            for e in sheet["events"]
        ]
        out.append("")
    out += ["## Figures", ""]
    for row in sheet["slots"]:
        out += [
            f"### {row['predicate']} ({_md(row['subject'])}): {STATUS_MARK[row['status']]}, "
            f"consensus {row['consensus']}",
            "",
            "| figure | value | who said it | via | outlet | as of | stance | evidence |",
            "|---|---|---|---|---|---|---|---|",
        ]
        out += [
            f"| {_md(f['figure'])} | {f['range']} | {_md(f['speaker'])} | {_md(f['via'])} | {_md(f['outlet'])} | "
            f"{f['as_of']} | {f['stance']} | {_md(f['evidence'])} |"
            for f in row["figures"]
        ]
        out.append("")
    if sheet["derived"]:
        out += ["## Derived figures", ""]
        out += [
            f"- **{d['predicate']} = {d['value']}** as of {d['as_of']} ({_md(d['speaker'])}): {_md(d['rule'])}"
            for d in sheet["derived"]
        ]
        out.append("")
    out += ["## Timeline", "", "| as of | figure | measures | who | outlet |", "|---|---|---|---|---|"]
    out += [
        f"| {t['as_of']} | {_md(t['figure'])} | {t['predicate']} | {_md(t['speaker'])} | {_md(t['outlet'])} |"
        for t in sheet["timeline"]
    ]
    out += ["", "## Sources", ""]
    for s in sheet["sources"]:
        copy = " (a copy of another report)" if s["copy_of"] else ""
        out.append(f"- **{_md(s['outlet'])}**, {s['published']}: {_md(s['title'])}{copy}")
        out += [f"  - {s2['severity']} **{s2['name']}**: {_md(s2['evidence'])}" for s2 in s["signals"]]
    return "\n".join(out) + "\n"


def _h(text: object) -> str:
    return htmllib.escape(str(text), quote=True)


CSS = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem;"
    "vertical-align:top;text-align:left}tr.conflict h3,.conflict{color:#a00}.evolving{color:#a60}"
    ".evidence{color:#555;font-size:.9em}.sev-medium,.sev-high{color:#a00}"
)


def _table(heads: tuple[str, ...], rows: list[list[Any]], ids: list[str] | None = None) -> str:
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


def html(sheet: Json) -> str:
    """A self-contained page (no outside request); every piece of article text is escaped."""
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_h(sheet["title"])}</title>'
        f"<style>{CSS}</style></head><body><h1>{_h(sheet['title'])}</h1><p>{_h(sheet['summary'])}</p>"
    ]
    if sheet["events"]:
        keys = ("type", "date", "place", "actors", "reports")
        parts.append("<h2>Events</h2>" + _table(("event", *keys[1:]), [[e[k] for k in keys] for e in sheet["events"]]))
    parts.append("<h2>Figures</h2>")
    for row in sheet["slots"]:
        title = f"{row['predicate']} ({row['subject']}): {STATUS_MARK[row['status']]}, consensus {row['consensus']}"
        columns = ("figure", "range", "speaker", "via", "outlet", "as_of", "stance", "evidence")
        heads = ("figure", "value", "who said it", "via", "outlet", "as of", "stance", "evidence")
        figures = [[f[c] for c in columns] for f in row["figures"]]
        ids = [f"claim-{f['claim_id']}" for f in row["figures"]]
        parts.append(
            f'<section class="{_h(row["status"])}"><h3>{_h(title)}</h3>{_table(heads, figures, ids)}</section>'
        )
    if sheet["derived"]:
        parts.append("<h2>Derived figures</h2><ul>")
        parts += [
            f"<li><b>{_h(d['predicate'])} = {_h(d['value'])}</b> as of {_h(d['as_of'])} ({_h(d['speaker'])}): "
            f"{_h(d['rule'])}</li>"
            for d in sheet["derived"]
        ]
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ul>")
    for s in sheet["sources"]:
        signals = "".join(
            f'<li class="sev-{_h(x["severity"])}">{_h(x["name"])}: {_h(x["evidence"])}</li>' for x in s["signals"]
        )
        parts.append(
            f"<li><b>{_h(s['outlet'])}</b>, {_h(s['published'])}: {_h(s['title'])}"
            f"{' (a copy of another report)' if s['copy_of'] else ''}<ul>{signals}</ul></li>"
        )
    parts.append("</ul></body></html>")
    return "".join(parts)


def terminal(sheet: Json, console: Console) -> None:
    console.rule(sheet["title"], style="bold")
    console.print(sheet["summary"], markup=False, highlight=False)
    for row in sheet["slots"]:
        style = {"conflict": "bold red", "evolving": "yellow"}.get(row["status"], "")
        heading = f"{row['predicate']} ({row['subject']}): {STATUS_MARK[row['status']]}, consensus {row['consensus']}"
        table = Table(title=Text(heading, style=style), show_lines=False, expand=True)
        for col in ("figure", "who said it", "via", "outlet", "as of", "stance", "evidence"):
            table.add_column(col, overflow="fold", ratio=3 if col == "evidence" else 1)
        for f in row["figures"]:
            cells = (f["figure"], f["speaker"], f["via"], f["outlet"], f["as_of"], f["stance"], f["evidence"])
            table.add_row(*(Text(str(c)) for c in cells))  # article text is never markup
        console.print(table)
    for d in sheet["derived"]:
        console.print(
            f"derived: {d['predicate']} = {d['value']} as of {d['as_of']} ({d['speaker']}): {d['rule']}",
            markup=False,
            highlight=False,
        )
    sources = Table(title="Sources and signals", expand=True)
    for col in ("outlet", "published", "title", "signals"):
        sources.add_column(col, overflow="fold")
    for s in sheet["sources"]:
        flags = "; ".join(f"{x['name']} ({x['severity']})" for x in s["signals"]) or "-"
        title = s["title"] + (" (copy)" if s["copy_of"] else "")
        sources.add_row(*(Text(str(c)) for c in (s["outlet"], s["published"], title, flags)))
    console.print(sources)
