"""Server-rendered pages over the same data as the JSON API. Every piece of article-derived text goes
through :func:`h` (HTML escaping); pages load only the app's own stylesheet and run no script."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from rashomon.records import Article, DerivedRow, FactSheet, FigureRow, Highlight, SlotRow, SourceRow, StoryListing
from rashomon.report.escaping import h
from rashomon.report.naming import headline, outlet_name
from rashomon.web.charts import slot_timeline
from rashomon.web.timeline import story_timeline

Place = dict[str, Any]  # a place on the story's map, as the API gives it to the map's script


def layout(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{h(title)} · Rashomon</title><link rel="stylesheet" href="/static/app.css"></head>'
        f'<body><header><a class="home" href="/">Rashomon</a> <a href="/feeds">Feeds</a></header>'
        f"<main>{body}</main></body></html>"
    )


SEARCH_FIELDS = (("q", "Search"), ("place", "Place"), ("actor", "Actor"), ("outlet", "Outlet"), ("since", "Since"),
                 ("until", "Until"))  # fmt: skip


def story_list(found: Sequence[StoryListing], offset: int, limit: int, query: dict[str, str]) -> str:
    """The stories a search found, one page of them from ``offset``."""
    inputs = "".join(
        f'<label>{label} <input name="{name}" value="{h(query.get(name, ""))}"></label>'
        for name, label in SEARCH_FIELDS
    )
    form = f'<form class="search" method="get" action="/">{inputs}<button type="submit">Find</button></form>'
    rows = "".join(
        f'<tr><td><a href="/stories/{h(s.id)}">{h(s.title)}</a></td><td>{s.reports}</td>'
        f"<td>{h(', '.join(s.outlets))}</td><td>{h(s.first_day or '?')} to {h(s.last_day or '?')}</td>"
        f'<td class="{"conflict" if s.conflicts else ""}">{s.conflicts}</td></tr>'
        for s in found[offset : offset + limit]
    )
    table = (
        '<table class="stories"><thead><tr><th>Story</th><th>Reports</th><th>Outlets</th><th>Days</th>'
        f"<th>Conflicts</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    pager = _pager(len(found), offset, limit, query)
    return layout("Stories", f"<h1>Stories</h1>{form}<p>{len(found)} stories</p>{table}{pager}")


def _pager(total: int, offset: int, limit: int, query: dict[str, str]) -> str:
    links = []
    if offset > 0:
        links.append(("Previous", max(offset - limit, 0)))
    if offset + limit < total:
        links.append(("Next", offset + limit))
    return "".join(f'<a class="pager" href="/?{h(urlencode(query | {"offset": o}))}">{t}</a> ' for t, o in links)


def story_page(sheet: FactSheet, places: list[Place]) -> str:
    slots = "".join(_slot(s) for s in sheet.slots)
    events = "".join(
        f"<tr><td>{h(e.type)}</td><td>{h(e.date)}</td><td>{h(e.place)}</td><td>{h(e.actors)}</td>"
        f'<td>{e.reports}</td><td class="evidence">{h(e.evidence)}</td></tr>'
        for e in sheet.events
    )
    summary = "".join(f"<p>{h(line)}</p>" for line in sheet.summary_lines)
    body = (
        f'<h1>{h(sheet.title)}</h1><section class="summary">{summary}</section>'
        f'<section id="figures"><h2>Figures</h2>{slots or "<p>No figures.</p>"}</section>'
        f"{_derived(sheet.derived)}"
        f'<section id="timeline"><h2>Timeline</h2>{story_timeline(sheet)}</section>'
        f'<section id="map-section"><h2>Map</h2>{_map(places)}</section>'
        '<section id="events"><h2>Events</h2><table><thead><tr><th>Type</th><th>Date</th><th>Place</th>'
        f"<th>Actors</th><th>Reports</th><th>Evidence</th></tr></thead><tbody>{events}</tbody></table></section>"
        f'<section id="sources"><h2>Sources</h2>{_sources(sheet.sources)}</section>'
    )
    return layout(sheet.title, body)


def _map(places: list[Place]) -> str:
    """Leaflet over the app's own base layer; the places travel as escaped JSON in an attribute."""
    if not places:
        return '<p class="empty">No place in this story is in the gazetteer, so there is no map.</p>'
    return (
        '<link rel="stylesheet" href="/static/leaflet/leaflet.css">'
        f'<div id="story-map" data-places="{h(json.dumps(places))}" data-basemap="/static/basemap.json"></div>'
        '<p class="map-legend">A dot is a town (larger where something happened); a dashed circle is a facility, '
        "county, province or country, drawn about its size. Hover for names and events.</p>"
        '<script src="/static/leaflet/leaflet.js"></script><script src="/static/story-map.js"></script>'
    )


def _derived(derived: Sequence[DerivedRow]) -> str:
    if not derived:
        return ""
    items = "".join(
        f"<li><b>{h(d.label)} = {h(d.value)}</b>{_shown(d.as_of, 'as of ')}: {h(d.rule)}"
        f"{_shown(d.speaker, 'from the figures of ')}</li>"
        for d in derived
    )
    return f'<section id="derived"><h2>Derived figures</h2><ul>{items}</ul></section>'


def _slot(s: SlotRow) -> str:
    figures = "".join(
        f'<tr id="claim-{h(f.claim_id)}" class="figure-row"><td><a class="figure" href="{_evidence_href(f)}">'
        f"{h(f.figure)}</a></td><td>{h(f.range)}</td><td>{h(f.speaker)}</td><td>{h(f.via)}</td>"
        f"<td>{h(f.outlet)}</td><td>{h(f.as_of)}</td><td>{h(f.stance)}</td>"
        f'<td class="evidence">{h(f.evidence)}</td></tr>'
        for f in s.figures
    )
    status = h(s.status)
    return (
        f'<div class="slot status-{status}"><h3>{h(s.label)} · {h(s.subject)} '
        f'<span class="badge {status}">{status}</span> <span class="consensus">consensus: {h(s.consensus)}</span>'
        "</h3><table><thead><tr><th>Figure</th><th>Range</th><th>Speaker</th><th>Via</th><th>Outlet</th>"
        f"<th>As of</th><th>Stance</th><th>Evidence</th></tr></thead><tbody>{figures}</tbody></table>"
        f"{slot_timeline(s.timeline, s.label)}</div>"
    )


def _evidence_href(f: FigureRow) -> str:
    if not f.article_id:
        return f"#claim-{h(f.claim_id)}"
    return f"/articles/{h(f.article_id)}#span-{h(f.claim_id)}"


def _shown(value: str | None, prefix: str = "") -> str:
    """A field worth showing, with a space before it; an empty one is left out."""
    return f" {h(prefix + value)}" if value else ""


def _sources(sources: Sequence[SourceRow]) -> str:
    items = []
    for s in sources:
        signals = "".join(f'<li class="signal {h(x.severity)}">{h(x.name)}: {h(x.evidence)}</li>' for x in s.signals)
        copy = f' <span class="copy">copy of {h(s.copy_of[:10])}</span>' if s.copy_of else ""
        items.append(
            f'<li><a href="/articles/{h(s.article_id)}">{h(s.outlet)}: {h(s.title)}</a>'
            f'{_shown(s.published)}{_shown(s.byline, "by ")}{copy}<ul class="signals">{signals}</ul></li>'
        )
    return f'<ul class="sources">{"".join(items)}</ul>'


LEGEND = (
    ("entity", "a name: person, organisation, place"),
    ("amount", "an amount"),
    ("source", "who is reported as saying something"),
    ("claim", "a figure with who gave it"),
)


def article_page(article: Article, spans: Sequence[Highlight]) -> str:
    published = article.published.isoformat() if article.published else None
    fields = {"outlet": outlet_name(article), "published": published, "byline": article.byline, "url": article.url,
              "origin": article.origin}  # fmt: skip
    meta = "".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in fields.items() if v)
    legend = "".join(f'<mark class="{kind}">{h(words)}</mark> ' for kind, words in LEGEND)
    title = headline(article)
    body = (
        f'<h1>{h(title)}</h1><dl class="meta">{meta}</dl><p class="legend">Highlighted: {legend}</p>'
        f'<article class="text">{highlight(article.text, spans)}</article>'
    )
    return layout(title, body)


def highlight(text: str, spans: Sequence[Highlight]) -> str:
    """The text, escaped, with each non-overlapping span wrapped in a ``<mark>`` that names its kind."""
    out, at = [], 0
    for s in spans:
        if s.start < at or s.end > len(text):
            continue  # nested or overlapping: the outer span already shows this text
        out.append(h(text[at : s.start]))
        out.append(
            f'<mark id="span-{h(s.id)}" class="{h(s.kind)}" title="{h(s.kind)}: {h(s.label)}">'
            f"{h(text[s.start : s.end])}</mark>"
        )
        at = s.end
    out.append(h(text[at:]))
    return "".join(out).replace("\n", "<br>")


def error_page(status: int, message: str) -> str:
    return layout(f"Error {status}", f'<h1>Error {status}</h1><p class="error">{h(message)}</p>')
