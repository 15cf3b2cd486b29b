"""Span finders: which runs of a sentence's words could name what.

Over a sentence's words (:mod:`ghatna.actors.words`) the finders propose spans with
their candidate entries, leaving the choice among candidates to the linker:

* exact spans: known spellings of entries, longest first, an oblique or plural ending
  on the last word tried off, and forms written in pieces (डब्ल्यू.एच.ओ., जी 20);
* agent spans: generic agents (सरकार, सेना, विदेश मंत्री …), before they are joined
  with a state;
* fuzzy spans: unseen spellings of the remaining words, by phonetic key and
  rapidfuzz, and a known surname grown over an unseen spelling of the first name.

:class:`SpanFinder` holds these as methods of the :class:`~ghatna.actors.link.Linker`,
which builds the tables they read (annotated on the class below).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex
from rapidfuzz import fuzz

from .entries import Entry
from .evidence import WordEvidence
from .kb import Candidate, KnowledgeBase
from .translit import latin_to_devanagari, loose, normalise, spelled_letters
from .words import Word

# how close in writing (rapidfuzz ratio) a frequent word must be to a spelling of an entry
WRITTEN_LIKE = 75.0
# how close two phonetic keys must be to be the same word of a name (बैंक, bank)
SAME_WORD = 70.0

_LETTER = regex.compile(r"\p{L}")
# Oblique/plural endings tried off the last word of a phrase (longest first).
_SUFFIXES = (("ियों", "ी"), ("ियों", "ि"), ("ियां", "ी"), ("ाओं", "ा"), ("ों", ""),
             ("ओं", ""), ("ें", ""), ("ीय", ""), ("े", "ा"), ("ी", ""))
# postpositions never end a name found by sound (इसी के is not ISIS-K)
_POSTPOSITION_ENDS = {"के", "की", "का", "को", "से", "में", "ने", "पर"}
# Endings of inflected Hindi verbs, adjectives and plurals: a single word ending so is
# not tried as an unseen spelling of a name.
_INFLECTED = ("ती", "ते", "ता", "ने", "कर", "गा", "गी", "गे", "िक", "ों", "ें", "ीं", "ाएं",
              "यां", "ाना", "ाने", "ाया", "ाये", "ायी")
FUZZY_SINGLE_TYPES = ("country", "igo", "place", "party", "armed_group", "organisation",
                      "person")


@dataclass
class Agent:
    name: str
    sector: str
    label: str


@dataclass
class Span:
    """A match over words [i, j) of a sentence."""

    i: int
    j: int
    candidates: list[Candidate]
    kind: str = "name"  # name, adj, short, agent
    agent: Agent | None = None
    chosen: Candidate | None = None
    state: Entry | None = None  # for agents joined with a state
    method: str = "exact"
    weak: bool = False  # an ordinary word that names a town: linked only with place evidence


def _greedy(n: int, span_at: Callable[[int], "Span | None"]) -> list["Span"]:
    """Spans found left to right over ``n`` words: the span ``span_at`` finds starting at
    a word, then on from its end; a word where none starts is passed."""
    spans = []
    i = 0
    while i < n:
        span = span_at(i)
        if span is None:
            i += 1
        else:
            spans.append(span)
            i = span.j
    return spans


class SpanFinder:
    """The span finders of the linker; :class:`~ghatna.actors.link.Linker` sets what they
    read in its ``__init__``."""

    kb: KnowledgeBase
    index: dict[str, list[tuple[str, str]]]
    joined: dict[str, list[tuple[str, str]]]
    joined_prefixes: set[str]  # every beginning of a form in ``joined``
    first_max: dict[str, int]
    agents: dict[str, Agent]
    agent_first_max: dict[str, int]
    stopwords: set[str]
    verb_forms: frozenset[str]
    ambiguous: set[str]
    first_words: set[str]
    evidence: WordEvidence
    min_fuzzy_chars: int
    single_threshold: float
    multi_threshold: float
    _name_cache: dict[str, bool]
    _fuzzy_cache: dict[tuple, list[Candidate]]
    _lookup_cache: dict[str, tuple[list[tuple[str, str]], str]]

    # --- matching -------------------------------------------------------------------
    def _lookup(self, phrase: list[str]) -> tuple[list[tuple[str, str]], str]:
        """The exact hits of a phrase, or of it with its last word's ending undone, and
        the form that hit; remembered: news repeats its words."""
        form = " ".join(phrase)
        found = self._lookup_cache.get(form)
        if found is None:
            if len(self._lookup_cache) > 200_000:
                self._lookup_cache.clear()
            found = self._lookup_cache[form] = self._lookup_form(phrase, form)
        return found

    def _lookup_form(self, phrase: list[str], form: str) -> tuple[list[tuple[str, str]], str]:
        hits = self.index.get(form)
        if hits:
            return hits, form
        last = phrase[-1]
        for suffix, repl in _SUFFIXES:
            if last.endswith(suffix) and len(last) - len(suffix) >= 2:
                stem = last[: len(last) - len(suffix)] + repl
                form = " ".join(phrase[:-1] + [stem])
                hits = self.index.get(form)
                if hits:
                    return hits, form
        return [], ""

    def _exact_spans(self, words: list[Word], breaks: set[int]) -> list[Span]:
        n = len(words)

        def at(i: int) -> Span | None:
            longest = max(self.first_max.get(words[i].norm, 0), 1)
            for length in range(min(longest, n - i), 0, -1):
                if any(k in breaks for k in range(i + 1, i + length)):
                    continue
                phrase = [w.norm for w in words[i:i + length]]
                hits, form = self._lookup(phrase)
                if not hits:
                    continue
                # a function word is no name, unless it is a verb form that also names a
                # town (गया); a common word is no name by itself (demonyms are common
                # words too), nor an ordinary word that also names a place (कोटा); such
                # a word that names a town is linked when the linker finds place evidence
                # around it (a weak span)
                if length == 1 and {phrase[0], form} & self.stopwords \
                        and phrase[0] not in self.verb_forms:
                    continue
                ordinary = length == 1 and bool(
                    {phrase[0], form} & (self.ambiguous | self.stopwords)
                    or (self.evidence.is_common(phrase[0])
                        and all(kind != "adj" for _, kind in hits)))
                if ordinary and not self._towns_only(hits):
                    continue
                # a town's name is not inflected: बस्तियों is no Basti, दोराहे no Doraha
                if form != " ".join(phrase) and self._towns_only(hits):
                    continue
                span = self._exact_span(i, i + length, hits, " ".join(phrase))
                span.weak = ordinary
                return span
            if len(words[i].norm) <= 3 or spelled_letters(words[i].norm):
                return self._joined_span(words, breaks, i)
            return None

        return _greedy(n, at)

    def _towns_only(self, hits: list[tuple[str, str]]) -> bool:
        """Whether every hit is a town: a place with a population (GeoNames' towns, and
        shipped places merged with one), not a state or a region."""
        entries = [self.kb.entries.get(ident) for ident, _ in hits]
        return all(e is not None and e.type == "place" and e.population is not None
                   for e in entries)

    def _joined_span(self, words: list[Word], breaks: set[int], i: int) -> Span | None:
        """A known form written in pieces: short words that join into it."""
        n = len(words)
        for length in range(2, min(5, n - i) + 1):
            if (i + length - 1) in breaks:
                break
            pieces = [w.norm for w in words[i:i + length]]
            if "".join(pieces) not in self.joined_prefixes:
                break  # no known form begins so, nor with more pieces
            # letters of an acronym, or a name cut into short syllables
            if any(len(p) > 7 for p in pieces) or 2 * sum(len(p) <= 3 for p in pieces) < length:
                break
            hits = self.joined.get("".join(pieces))
            if hits and not (i + length < n and self.joined.get(
                    "".join(pieces) + words[i + length].norm)):
                return self._exact_span(i, i + length, hits, " ".join(pieces))
        return None

    def _exact_span(self, i: int, j: int, hits: list[tuple[str, str]], matched: str) -> Span:
        """A span over exact hits ``(entity id, kind)``: names win over adjectives over
        short forms, and only the winning kind's entities are candidates."""
        kinds = {k for _, k in hits}
        kind = "name" if "name" in kinds else ("adj" if "adj" in kinds else "short")
        cands = [Candidate(self.kb.entries[e], 1.0, "exact", k, matched)
                 for e, k in hits if k == kind]
        return Span(i, j, cands, kind)

    def _agent_spans(self, words: list[Word], breaks: set[int], taken: set[int]) -> list[Span]:
        n = len(words)

        def at(i: int) -> Span | None:
            longest = self.agent_first_max.get(words[i].norm, 0)
            for length in range(min(longest, n - i), 0, -1):
                if any(k in taken for k in range(i, i + length)):
                    continue
                if any(k in breaks for k in range(i + 1, i + length)):
                    continue
                form = " ".join(w.norm for w in words[i:i + length])
                if form in self.agents:
                    return Span(i, i + length, [], "agent", self.agents[form], method="agent")
            return None

        return _greedy(n, at)

    def _extend_people(self, spans: list[Span], words: list[Word], breaks: set[int],
                       text: str) -> None:
        """Grow a matched surname over an unseen spelling of the first name before it
        ("सर्जेई लावरोव" when only "लावरोव" is known as written)."""
        taken = {k for s in spans for k in range(s.i, s.j)}
        for span in spans:
            if not span.candidates or any(c.entry.type != "person" for c in span.candidates):
                continue
            k = span.i - 1
            if k < 0 or k in taken or span.i in breaks or words[k].norm in self.stopwords:
                continue
            surface = text[words[k].start:words[span.j - 1].end]
            ids = {c.entry.id for c in span.candidates}
            found = [c for c in self.kb.fuzzy(surface, ("person",), threshold=self.multi_threshold)
                     if c.entry.id in ids]
            if found:
                span.i = k
                span.candidates = found
                span.method = "fuzzy"
                taken.add(k)

    def _fuzzy_spans(self, words: list[Word], breaks: set[int], exact: list[Span],
                     taken: set[int], text: str) -> list[Span]:
        """Unseen spellings: spans of 4..1 words not matched exactly, tried by phonetic key.

        A multi-word span may swallow a one-word exact match of a place or state inside it
        ("शंघाई कोऑपरेशन ऑर्गनाइजेशन"); stop words may sit inside a multi-word span only
        if the spelling it matches has as many words ("जो बायडेन", "किम जॉन्ग उन").
        """
        n = len(words)
        soft = {k for s in exact if s.j - s.i == 1 and s.kind == "name"
                and all(c.entry.type in ("place", "country") for c in s.candidates)
                for k in range(s.i, s.j)}
        hard = taken - soft
        stop = [w.norm in self.stopwords for w in words]
        # a word that could be part of a name; a span must start with one that sounds like
        # a word of some name
        usable = [k not in hard and bool(_LETTER.search(w.norm)) for k, w in enumerate(words)]

        def at(i: int) -> Span | None:
            lead_stop = (stop[i] and i + 1 < n and usable[i + 1] and not stop[i + 1]
                         and loose(words[i].norm) in self.first_words)
            if not usable[i] or (stop[i] and not lead_stop) or \
                    not self._name_like(words[i + 1].norm if lead_stop else words[i].norm):
                return None
            for length in (4, 3, 2, 1):
                end = i + length
                if end > n or not all(usable[i:end]):
                    continue
                if any(k in breaks for k in range(i + 1, end)):
                    continue
                stops = sum(stop[i:end])
                if length == 1:
                    if i in soft or stop[i]:
                        continue
                    norm = words[i].norm
                    if spelled_letters(norm):
                        # an acronym spelled in letter names matches only that acronym:
                        # एनईपी is not यूएनईपी
                        acronym = self.kb.acronym(norm) if len(norm) >= 4 else []
                        if acronym:
                            return Span(i, end, acronym, "name", method="acronym")
                        continue
                    if norm in self.ambiguous or norm.endswith(_INFLECTED):
                        continue
                    surface = text[words[i].start:words[i].end]
                    size = len(loose(surface))
                    if self.evidence.is_common(norm):
                        # a common word is no name, but demonyms are common words too, and
                        # are spelled many ways (इसराइली, इस्राइली, इज़राइली)
                        cands = self.kb.fuzzy_adjective(surface, max(self.single_threshold, 90.0)) \
                            if size > self.min_fuzzy_chars and norm.endswith(("ी", "ई")) else []
                        if cands:
                            return Span(i, end, cands, "adj", method="fuzzy")
                        continue
                    if size < self.min_fuzzy_chars - 1 or (size < self.min_fuzzy_chars
                                                           and norm.endswith(("े", "ें"))):
                        continue
                    # one letter short of the minimum: only a sound-alike of a whole name;
                    # short words are compared with Hindi spellings only
                    threshold = self.single_threshold if size >= self.min_fuzzy_chars else 100.0
                    cands = self._fuzzy(surface, FUZZY_SINGLE_TYPES, threshold=threshold,
                                        deletions=False, min_prior=1.0,
                                        hindi_only=size < self.min_fuzzy_chars + 1)
                    if size < self.min_fuzzy_chars:
                        # a short word only sounding like a state's name is a name of another
                        # kind (the surname जेना is not चीन): states are written as known
                        cands = [c for c in cands if c.entry.type != "country"
                                 or written_like(norm, c.entry)]
                    if cands and self.evidence.is_ordinary(surface):
                        # a frequent word of general Hindi is that word, unless it is written,
                        # not only sounded, like a spelling of the entry: रहस्य is not रशिया,
                        # इसराइल is इस्राइल
                        cands = [c for c in cands if written_like(norm, c.entry)]
                    # states and international bodies are named alone all the time; a lone
                    # word close to a person or a town is more often an ordinary word
                    cands = [c for c in cands if c.entry.type in ("country", "igo")
                             or c.score >= min(threshold + 4, 100) / 100 * 0.95 - 1e-9]
                    if not cands and size > self.min_fuzzy_chars and norm.endswith(("ी", "ई")):
                        # demonyms end in -ी (फ्रांसिसी, इजराईली)
                        cands = self.kb.fuzzy_adjective(surface, max(threshold, 90.0))
                        if cands:
                            return Span(i, end, cands, "adj", method="fuzzy")
                else:
                    # a function word may end a name only if it is as short as उन, मे
                    if stops == length or (stop[end - 1] and len(words[end - 1].norm) > 2) \
                            or words[end - 1].norm in _POSTPOSITION_ENDS:
                        continue
                    if length >= 3 and not stop[end - 1] and not self._name_like(words[end - 1].norm):
                        continue  # a long span must end in a word that sounds like a name's
                    surface = text[words[i].start:words[end - 1].end]
                    cands = self._fuzzy(surface, threshold=self.multi_threshold,
                                        same_words=bool(stops), min_prior=0.9)
                    if stop[end - 1]:  # the name itself must end in that word (किम जोंग उन)
                        last = loose(words[end - 1].norm)
                        cands = [c for c in cands if any(
                            form and form[-1] == last for form, _ in self.kb._loose[c.entry.id])]
                    if stop[i]:  # ... or begin with it (जो बाइडन)
                        first = loose(words[i].norm)
                        cands = [c for c in cands if any(
                            form and form[0] == first for form, _ in self.kb._loose[c.entry.id])]
                    if any(k in soft for k in range(i, end)):
                        cands = [c for c in cands if c.score >= 0.85 * 0.95]
                    # a common word of the span must be a word of the name it matches, or
                    # end one (कोंडा गांव): संयुक्त सत्र (a joint session) is no spelling of
                    # संयुक्त राष्ट्र, जाकर ताज none of जकार्ता
                    plain = {k - i: loose(words[k].norm) for k in range(i, end)
                             if self.evidence.is_common(words[k].norm)}
                    if plain:
                        cands = [c for c in cands if any(_has_words(form, plain, length)
                                                         for form, _ in self.kb._loose[c.entry.id])]
                if cands:
                    return Span(i, end, cands, "name", method="fuzzy")
            return None

        return _greedy(n, at)

    def _fuzzy(self, surface: str, *args: object, **kwargs: object) -> list[Candidate]:
        """:meth:`KnowledgeBase.fuzzy`, remembered: news repeats its phrases."""
        key = (normalise(surface), args, tuple(sorted(kwargs.items())))
        found = self._fuzzy_cache.get(key)
        if found is None:
            if len(self._fuzzy_cache) > 200_000:
                self._fuzzy_cache.clear()
            found = self._fuzzy_cache[key] = self.kb.fuzzy(surface, *args, **kwargs)  # type: ignore[arg-type]
        return list(found)

    def _name_like(self, norm: str) -> bool:
        found = self._name_cache.get(norm)
        if found is None:
            found = self._name_cache[norm] = self.kb.name_like(norm)
        return found


def written_like(norm: str, entry: Entry) -> bool:
    """Whether the normalised word ``norm`` is written like one of ``entry``'s one-word
    Devanagari spellings (rapidfuzz ratio at least WRITTEN_LIKE), or of its Latin ones
    written in Devanagari by rule when it has none."""
    words = [text for text, _ in entry.forms() if " " not in text.strip()]
    spellings = [text for text in words if regex.search(r"\p{Devanagari}", text)] or [
        s for text in words for s in latin_to_devanagari(text)]
    return any(fuzz.ratio(norm, normalise(s)) >= WRITTEN_LIKE for s in spellings)


def _has_words(form: tuple[str, ...], plain: dict[int, str], length: int) -> bool:
    """Whether a name's phonetic ``form`` has the words ``plain`` (position in a span of
    ``length`` words → key): word for word when the form has as many words, else as the
    ending of a one-word form (कोंडा गांव, कोंडागांव)."""
    if len(form) == length:
        return all(_same_word(form[k], key) for k, key in plain.items())
    return len(form) == 1 and len(plain) == 1 and all(
        len(key) > 2 and form[0].endswith(key) for key in plain.values())


def _same_word(word: str, key: str) -> bool:
    """Whether two phonetic keys are one word spelled two ways (बैंक and bank, एशियन and
    Asian): equal, or close (SAME_WORD) with the same first letter or both opening with a
    vowel; सत्र is not राष्ट्र, आम not लाम."""
    if word == key:
        return True
    return len(key) > 2 and fuzz.ratio(word, key) >= SAME_WORD and (
        word[:1] == key[:1] or (word[:1] in "aeiou" and key[:1] in "aeiou"))
