"""The files pages load, all served by the app itself (pages reach nothing outside it): the stylesheet,
the story map's script, Leaflet from the ``XStatic-Leaflet`` package, and the map's base layer."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from rashomon.web.charts import basemap_geojson

OWN = {"app.css": "text/css", "story-map.js": "text/javascript"}
LEAFLET = {"leaflet.js": "text/javascript", "leaflet.css": "text/css", "leaflet.js.map": "application/json"}
CACHED = {"Cache-Control": "public, max-age=86400"}


def leaflet_dir() -> Path:
    import xstatic.pkg.leaflet

    return Path(xstatic.pkg.leaflet.BASE_DIR)


def install_assets(app: FastAPI) -> None:
    @app.get("/static/leaflet/{name}", include_in_schema=False)
    def leaflet(name: str) -> Response:
        if name not in LEAFLET:  # a fixed list: no path from the request reaches the file system
            raise HTTPException(404, f"no such file: {name}")
        return Response((leaflet_dir() / name).read_bytes(), media_type=LEAFLET[name], headers=CACHED)

    @app.get("/static/basemap.json", include_in_schema=False)
    def basemap() -> Response:
        return Response(basemap_geojson(), media_type="application/geo+json", headers=CACHED)

    @app.get("/static/{name}", include_in_schema=False)
    def own(name: str) -> Response:
        if name not in OWN:
            raise HTTPException(404, f"no such file: {name}")
        text = (resources.files("rashomon.web") / "static" / name).read_text(encoding="utf-8")
        return Response(text, media_type=OWN[name])
