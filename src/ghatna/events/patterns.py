"""Event patterns: the Hindi triggers of the 16 PLOVER types, loaded from YAML data.

Patterns live in ``ghatna/data/patterns/*.yaml`` (the files starting with ``_`` hold the
word classes and the type table) plus an optional user file (``[events] patterns_file``
or ``ghatna code --patterns FILE``) whose entries are added to, or replace by id, the
shipped ones. A pattern file has a top-level ``patterns:`` list (and may add ``classes:``);
each entry is a mapping::

    - id: accuse.aalochana          # unique, recorded on every event it codes
      type: ACCUSE                  # one of the 16 PLOVER types
      cameo: "111"                  # CAMEO code (default: the type's code)
      mode: null                    # PLOVER mode, e.g. visit, arrest, firearms
      kind: verbal                  # verbal | nominal | copular
      words: ["आलोचना|निंदा @KAR"]  # one or more token sequences
      actor: [ne, subj, agent]      # optional: roles that fill the actor, in order
      recipient: [gen, ko, par]     # optional: roles that fill the recipient
      mutual: false                 # optional: coordinated actors act on each other
      needs: [par]                  # optional: coded only if the clause has such a role
                                    #   ("reported": only in someone's reported speech;
                                    #   "actor", "recipient": only if the event has an
                                    #   actor, a recipient keyed to a state or body)
      unless: [par]                 # optional: not coded if the clause has such a role
      not_after: [का, की]           # optional: not coded right after these words
      not_before: [राहत]            # optional: not coded right before these words
      only_after: [नक्सली]          # optional: coded only right after one of these words
      headline_bare: true           # optional, copular patterns: the adjective alone closing
                                    #   a verbless clause counts (पाकिस्तान बातचीत को तैयार)
      after_place: true             # optional: coded only right after a place's or state's
                                    #   name (भारत बंद, बिहार बंद: a general strike)
      toll: true                    # optional: deaths only; beside an attack the sentence
                                    #   names they are its toll, not a second event
      verbal_attack: true           # optional: an "attack" word that, between politicians or
                                    #   parties and without violence, is criticism (ACCUSE)
      state_agent: true             # optional: an act only a state's authorities do (arrest,
                                    #   curfew, deployment): told without its agent, the
                                    #   state where it happens did it
      abroad: true                  # optional, visits: coded only when the place reached
                                    #   lies in another state than the actor's (मोदी जापान पहुंचे)
      example: "वांग ने प्रतिबंधों की कड़ी आलोचना की"

A ``words`` sequence is a space-separated list of elements; an element is one or more
alternatives joined by ``|``, each a literal token, ``a_b`` (the tokens ``a b`` in a row),
``@CLASS`` (any form of a word class), ``@करना`` (any form of the verb, generated from its
infinitive by :func:`ghatna.text.inflect.verb_forms`) or ``stem*`` (the stem plus at most
three characters); an element ending in ``?`` is optional, and the element ``~`` lets the next
one come up to four tokens later (not across a clause boundary). Between two elements up to three filler tokens (``भी``, ``ही``, ``नहीं``, ``को``,
``और`` …) may stand. ``nominal`` patterns are a bare noun, coded only where the sentence
presents the event as having happened (``हुई बैठक``, ``बैठक में``) or in a headline;
``copular`` ones are an adjective with a form of होना (``तैयार है``). The one ``directive``
pattern has no words: it is what a demand in someone's reported speech is coded as, found by
the verb's mood (``कार्रवाई करे पाकिस्तान: मंत्री``, :mod:`ghatna.events.demands`).

A class is a list of words under ``classes:``, or the forms of verbs under ``verbs:``
(``KAR: [करना, कराना, करवाना]``), or both. Headline grammar needs no patterns of its own:
a sequence that ends in a verb (``गिरफ्तार @KAR``) also matches with a perfective form of
the verb first (``ईडी ने किया गिरफ्तार``), and a two-element one also matches its first word
alone at the end of a verbless clause (``पूर्व मंत्री हवाईअड्डे से गिरफ्तार``: the
*elliptic* form, licensed by :mod:`ghatna.events.triggers`). A gloss in brackets inside a
trigger (``संधि (Indus Waters Treaty) को निलंबित``) is passed over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..text.inflect import (
    INTRANSITIVE,
    compound_perfective_forms,
    finite_forms,
    infinitive_forms,
    perfective_forms,
    subjunctive_forms,
    verb_forms,
)

log = logging.getLogger(__name__)

def fold(word: str) -> str:
    """Spelling-tolerant form for matching: no nukta (ज़→ज, फ़→फ, ख़→ख, क़→क) and
    chandrabindu as anusvara (माँग→मांग), the two ways Hindi news writers differ most."""
    return word.replace("\u093c", "").replace("\u0901", "\u0902")


PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
KINDS = ("verbal", "nominal", "copular", "directive")
ROLES = ("ne", "subj", "agent", "ko", "se", "par", "me", "ke_saath", "ke_khilaf", "ke_beech",
         "ke_liye", "prati", "ko_lekar", "gen", "tak")
FILLERS = frozenset("भी ही नहीं न तो को और अधिक ज्यादा ज़्यादा एक बार फिर से कड़ी कड़े तीखी "
                    "तीखे खुलकर जमकर पूरी पूरा".split())
POSTPOSITIONS = frozenset("से को पर में के की का ने तक और".split())
ELIDED = frozenset(["किया", "हुआ"])  # a class with these holds करना or होना
# की after these is a verb, never the genitive (… ने की छापेमारी, जमकर की पिटाई, … से की बात)
KI_VERB_AFTER = FILLERS | {"ने", "से", "पर"}
MAX_FILLERS = 3
MAX_GAP = 4
# between an inverted headline's verb and its object: adjectives, genitive phrases and one
# party's phrase (साधा भाजपा पर निशाना, दी अमेरिका को धमकी); no subject, clause boundary or verb
MAX_MODIFIERS = 4
MODIFIER_STOPS = (POSTPOSITIONS - {"का", "की", "के", "पर", "को", "से"}) | frozenset(
    "। . ? ! ; : , - – कि है हैं था थी थे गया गई गए जाने जाता जाती जाते वाला वाली वाले "
    "रहा रही रहे".split())  # "दी जाने वाली सहायता": a participle, no headline's verb
GAP_STOPS = frozenset("। . ? ! ; : , कि और ने तैनात रिहा गिरफ्तार गिरफ़्तार हिरासत रोक रोकी रोका रोके रोकने बंद".split())


@dataclass(frozen=True)
class TypeInfo:
    name: str
    cameo: str
    quad: int
    symmetric: bool
    actor: tuple[str, ...]
    recipient: tuple[str, ...]


@dataclass(frozen=True)
class Alt:
    """One alternative of an element: a literal, a class's forms, a stem (the stem plus at
    most three characters), or a sequence of tokens; :meth:`Element.matches` tries them."""

    words: frozenset[str] = frozenset()
    stem: str | None = None
    seq: tuple[str, ...] = ()  # several tokens in a row (then words and stem are empty)


@dataclass(frozen=True)
class Element:
    alts: tuple[Alt, ...]
    optional: bool = False
    gap: bool = False  # "~": the next element may come up to MAX_GAP tokens later
    tight: bool = False  # must follow the element before it directly, with no filler
    # may follow after up to MAX_MODIFIERS words that modify it (an inverted headline's
    # object: "लगाया भ्रष्टाचार का आरोप", "लगाए नए प्रतिबंध")
    modified: bool = False
    perfective: frozenset[str] = frozenset()  # for a verb class: its perfective forms
    elidable: bool = False  # a form of करना or होना, which headlines leave out

    def __post_init__(self) -> None:
        # the alternatives merged for matching: multi-token ones longest first, and the
        # words and stems of the one-token ones
        seqs: dict[str, list[tuple[str, ...]]] = {}  # by their first token
        for seq in sorted((a.seq for a in self.alts if a.seq), key=len, reverse=True):
            seqs.setdefault(seq[0], []).append(seq)
        object.__setattr__(self, "_seqs", seqs)
        object.__setattr__(self, "_words", frozenset().union(*(a.words for a in self.alts if not a.seq)))
        object.__setattr__(self, "_stems", tuple(a.stem for a in self.alts if a.stem and not a.seq))

    def matches(self, tokens: list[str], j: int) -> int:
        """How many tokens from ``j`` the longest matching alternative matches (0: none)."""
        token = tokens[j]
        if token in self._seqs:
            for seq in self._seqs[token]:
                if tuple(tokens[j:j + len(seq)]) == seq:
                    return len(seq)
        if token in self._words:
            return 1
        for stem in self._stems:
            if token.startswith(stem) and len(token) - len(stem) <= 3:
                return 1
        return 0


@dataclass
class Pattern:
    id: str
    type: str
    cameo: str
    mode: str | None
    kind: str
    sequences: list[list[Element]]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    example: str = ""
    source: str = ""
    mutual: bool = False
    needs: tuple[str, ...] = ()      # coded only if the clause has one of these roles
    unless: tuple[str, ...] = ()     # not coded if the clause has one of these roles
    not_after: frozenset[str] = frozenset()  # not coded right after one of these words
    not_before: frozenset[str] = frozenset()  # not coded right before one of these words
    only_after: frozenset[str] = frozenset()  # coded only right after one of these words
    state_agent: bool = False  # done only by a state's authorities (see the module doc)
    after_place: bool = False  # coded only right after a place's or state's name
    toll: bool = False  # deaths only: the toll of an attack the sentence names
    verbal_attack: bool = False  # an "attack" that between politicians is criticism
    abroad: bool = False  # coded only when the place reached is another state's
    raw_words: list[str] = field(default_factory=list)
    # how each sequence is read: "full", "inverted" (verb first) or "elliptic" (no verb)
    forms: list[str] = field(default_factory=list)


@dataclass
class Match:
    pattern: Pattern
    tokens: list[int]  # indices of the sentence tokens that matched an element
    background: bool = False  # a participle inside a noun phrase (set by triggers.py)
    demand: bool = False  # what a speaker says someone should do (set by demands.py)
    form: str = "full"  # the reading of the sequence that matched (see Pattern.forms)

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


@dataclass
class PatternSet:
    """All patterns, word classes and type defaults, with a token matcher."""

    patterns: list[Pattern]
    types: dict[str, TypeInfo]
    cameo_table: list[tuple[str, str, int]]
    finite: frozenset[str] = frozenset()  # finite forms of the verbs the classes name
    infinitives: frozenset[str] = frozenset()  # their infinitives (करना, करने, करनी)
    subjunctives: frozenset[str] = frozenset()  # their subjunctives (करे, करें, लगाएं)
    directive: Pattern | None = None  # what a demand in reported speech is coded as
    by_first: dict[str, list[tuple[Pattern, int]]] = field(default_factory=dict)
    # sequences whose first element may be several tokens (``कर दिया``): by the first two
    by_pair: dict[tuple[str, str], list[tuple[Pattern, int]]] = field(default_factory=dict)
    # sequences whose first word may be a stem: by the stem's first two letters, and those
    # that may start with an optional element (tried everywhere); each with its rank, so
    # that they are tried in the order of the patterns
    stemmed: dict[str, list[tuple[int, Pattern, int]]] = field(default_factory=dict)
    stemmed_anywhere: list[tuple[int, Pattern, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._quads: dict[tuple[str, str], int] = {}  # quad()'s answers
        self.toll_ids = frozenset(p.id for p in self.patterns if p.toll)
        self.verbal_attack_ids = frozenset(p.id for p in self.patterns if p.verbal_attack)
        rank = 0
        for pat in self.patterns:
            for si, seq in enumerate(pat.sequences):
                first = next(e for e in seq if not e.optional)
                stems = set()
                for alt in first.alts:
                    for word in alt.words:
                        self.by_first.setdefault(word, []).append((pat, si))
                    if alt.seq:
                        self.by_pair.setdefault(alt.seq[:2], []).append((pat, si))
                    if alt.stem:
                        stems.add(alt.stem)
                if not stems:
                    continue
                if seq[0] is not first or any(len(s) < 2 for s in stems):
                    self.stemmed_anywhere.append((rank, pat, si))
                else:
                    for prefix in {s[:2] for s in stems}:
                        self.stemmed.setdefault(prefix, []).append((rank, pat, si))
                rank += 1
        # what match() tries at a token, computed once: the sequences listed under the
        # token, then, in the order of the patterns, the stemmed ones its first two
        # letters may begin (each sequence once)
        anywhere = sorted(self.stemmed_anywhere, key=lambda c: c[0])
        self._by_prefix = {prefix: [(pat, si) for _, pat, si in sorted(found + self.stemmed_anywhere,
                                                                       key=lambda c: c[0])]
                           for prefix, found in self.stemmed.items()}
        self._anywhere = [(pat, si) for _, pat, si in anywhere]
        # the words a sentence must hold for a sequence to match anywhere in it: one of
        # each later required element's words (elements with stems or multi-word
        # alternatives are not listed); most sequences tried at a common verb form
        # ("किया …", an inverted headline) fail here at once
        self._needs = {(id(pat), si): tuple(
            frozenset().union(*(a.words for a in el.alts))
            for el in seq[1:] if not el.optional and not el.gap
            and all(not a.stem and not a.seq for a in el.alts))
            for pat in self.patterns for si, seq in enumerate(pat.sequences)}
        self._by_word = {}
        for word, first in self.by_first.items():
            listed = {(id(pat), si) for pat, si in first}  # by identity: patterns are large
            self._by_word[word] = list(first) + [
                (pat, si) for pat, si in self._by_prefix.get(word[:2], self._anywhere)
                if (id(pat), si) not in listed]

    def quad(self, cameo: str, plover: str) -> int:
        found = self._quads.get((cameo, plover))
        if found is None:
            found = self._quads[cameo, plover] = next(
                (quad for prefix, _, quad in self.cameo_table if cameo.startswith(prefix)),
                self.types[plover].quad)
        return found

    def match(self, tokens: list[str], accept=None) -> list[Match]:
        """Every pattern occurrence in a token list that ``accept`` (if given) accepts;
        overlapping ones keep the longest. Tokens are compared in :func:`fold` form;
        bracketed glosses are passed over (the indices are those of ``tokens``)."""
        kept_at = _outside_brackets(tokens)
        view = [fold(tokens[i]) for i in kept_at]
        present = set(view)
        needs = self._needs
        feasible: dict[tuple[int, int], bool] = {}
        found: list[Match] = []
        for i, tok in enumerate(view):
            cands = self._by_word.get(tok)
            if cands is None:
                cands = self._by_prefix.get(tok[:2], self._anywhere)
            pair = self.by_pair.get((tok, view[i + 1])) if i + 1 < len(view) else None
            if pair:  # (a sequence listed under both finds the same match twice; kept once below)
                cands = cands + pair
            # की opens an inverted headline only right after the ने phrase, an adverb or a
            # से or पर phrase ("… ने की छापेमारी", "जमकर की पिटाई", "ममता से की बात");
            # after a noun it is the genitive
            ki_genitive = tok == "की" and (i == 0 or view[i - 1] not in KI_VERB_AFTER)
            for pat, si in cands:
                if ki_genitive and pat.forms[si] == "inverted":
                    continue
                key = (id(pat), si)
                ok = feasible.get(key)
                if ok is None:
                    ok = True
                    for words in needs[key]:
                        if words.isdisjoint(present):
                            ok = False
                            break
                    feasible[key] = ok
                if not ok:
                    continue
                idx = _match_seq(pat.sequences[si], view, i)
                if idx:
                    match = Match(pat, [kept_at[k] for k in idx], form=pat.forms[si])
                    if accept is None or accept(match):
                        found.append(match)
        # the most matched words first, then an inverted headline whose object closes it
        # ("किया पाकिस्तान से बातचीत से इनकार": the refusal, not the talks), then the most
        # compact ("याचिका को किया खारिज": the inverted किया खारिज, not याचिका … किया)
        def closes(m: Match) -> bool:
            nxt = m.last + 1
            return m.form == "inverted" and (nxt >= len(tokens) or not tokens[nxt][:1].isalpha())
        found.sort(key=lambda m: (-len(m.tokens), not closes(m), m.last - m.first, m.first))
        kept: list[Match] = []
        used: set[int] = set()
        for m in found:
            if any(t in used for t in m.tokens):
                continue
            kept.append(m)
            used.update(m.tokens)
        kept.sort(key=lambda m: m.first)
        return kept


def _outside_brackets(tokens: list[str]) -> list[int]:
    """Indices of the tokens outside round or square brackets (an unclosed bracket hides
    nothing)."""
    out: list[int] = []
    k = 0
    while k < len(tokens):
        if tokens[k] in ("(", "["):
            close = ")" if tokens[k] == "(" else "]"
            end = next((j for j in range(k + 1, min(len(tokens), k + 12)) if tokens[j] == close), None)
            if end is not None:
                k = end + 1
                continue
        out.append(k)
        k += 1
    return out


def _match_seq(seq: list[Element], tokens: list[str], start: int) -> list[int] | None:
    out: list[int] = []
    pos = start
    gap = False
    for k, el in enumerate(seq):
        if el.gap:
            gap = True
            continue
        hit = None
        limit = pos if k == 0 or el.tight else min(len(tokens), pos + (
            MAX_MODIFIERS if el.modified else MAX_GAP if gap else MAX_FILLERS) + 1)
        j = pos
        n = 0
        while j < len(tokens) and j <= limit:
            n = el.matches(tokens, j)
            if n:
                hit = j
                break
            if k == 0 or (tokens[j] in MODIFIER_STOPS if el.modified else
                          tokens[j] in GAP_STOPS if gap else tokens[j] not in FILLERS):
                break
            j += 1
        gap = False
        if hit is None:
            if el.optional:
                continue
            return None
        out.extend(range(hit, hit + n))
        pos = hit + n
    return out or None


# --------------------------------------------------------------------------- loading

def _parse_element(text: str, classes: dict[str, WordClass], where: str) -> Element:
    if text == "~":
        return Element((), optional=True, gap=True)
    optional = text.endswith("?") and len(text) > 1
    if optional:
        text = text[:-1]
    alts = []
    perfective: set[str] = set()
    elidable = False
    for alt in text.split("|"):
        if not alt:
            raise ConfigError(f"{where}: empty alternative in {text!r}")
        if alt.startswith("@"):
            name = alt[1:]
            if name in classes:
                single = [w for w in classes[name].forms if not _several_tokens(w)]
                alts.append(Alt(words=frozenset(fold(w) for w in single)))
                alts.extend(_literal(w) for w in classes[name].forms if _several_tokens(w))
                perfective |= classes[name].perfective
                elidable |= bool(ELIDED & classes[name].forms)
            elif _is_infinitive(name):
                alts.append(Alt(words=frozenset(fold(w) for w in verb_forms(name))))
                elidable |= bool(ELIDED & verb_forms(name))
                if name not in INTRANSITIVE:
                    perfective |= perfective_forms(name) | compound_perfective_forms(name)
            else:
                raise ConfigError(f"{where}: unknown word class @{name}; define it under "
                                  f"'classes:' or 'verbs:', name a verb by its infinitive "
                                  f"(@करना), or use one of {', '.join(sorted(classes))}")
        else:
            alts.append(_literal(alt))
    return Element(tuple(alts), optional, perfective=frozenset(perfective), elidable=elidable)


def _several_tokens(word: str) -> bool:
    # "a_b" is two tokens; a hyphenated word is tokenized as "a - b"
    return "_" in word or ("-" in word.strip("-") and len(word) > 2)


def _literal(alt: str) -> Alt:
    """A written alternative: a word, a stem (``संबंध*``) or several tokens (``a_b``)."""
    if _several_tokens(alt):
        parts = [w for w in alt.replace("-", "_-_").split("_") if w]
        return Alt(seq=tuple(fold(w) for w in parts))
    if alt.endswith("*") and len(alt) > 1:
        return Alt(stem=fold(alt[:-1]))
    return Alt(words=frozenset([fold(alt)]))


def _is_infinitive(word: str) -> bool:
    return word.endswith("ना") and len(word) > 2 and all("\u0900" <= c <= "\u097f" for c in word)


@dataclass(frozen=True)
class WordClass:
    """The forms of a class; for verbs, which of them are perfective (for inverted
    headlines; a compound's two words, ``कर दिया``, too) and which can be a clause's finite
    verb (to tell a verbless headline)."""

    forms: frozenset[str]
    perfective: frozenset[str] = frozenset()
    finite: frozenset[str] = frozenset()
    infinitive: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = frozenset()


def _readings(seq: list[Element]) -> list[tuple[list[Element], str]]:
    """A sequence, and the headline readings of one that ends in a verb: the perfective
    first (``किया गिरफ्तार``, ``कर दी फायरिंग``), or after the predicate that ends a longer
    one (``इंटरनेट बंद @KAR``: ``बंद कर दिया इंटरनेट``), and the first word alone (elliptic)
    when there are two."""
    out = [(seq, "full")]
    verb = seq[-1]
    rest = seq[:-1]
    if not verb.perfective or not rest or any(e.gap or e.optional for e in rest) or any(
            a.words & POSTPOSITIONS or (a.seq and a.seq[0] in POSTPOSITIONS)
            for e in rest for a in e.alts):
        return out  # "से @MILE": a postposition is no headline's predicate
    # की is a perfective of करना and the genitive: "की मांग" is an inverted headline only
    # right after the ने phrase or an adverb ("पुलिस ने की छापेमारी", "जमकर की पिटाई";
    # PatternSet.match checks it)
    inverted = Element((Alt(words=frozenset(fold(w) for w in verb.perfective if " " not in w)
                            - (POSTPOSITIONS - {"की"})),
                        *(_literal(w.replace(" ", "_")) for w in sorted(verb.perfective) if " " in w)))
    first = rest[0]
    object_first = Element(first.alts, first.optional, first.gap, modified=True)
    out.append(([inverted, object_first] + rest[1:], "inverted"))
    if len(rest) >= 2:  # the predicate and its verb first: "बंद कर दिया इंटरनेट"
        pred = rest[-1]
        out.append(([Element(pred.alts), Element(inverted.alts, tight=True), object_first]
                    + rest[1:-1], "inverted"))
    if len(rest) == 1 and verb.elidable:  # "गिरफ्तार (किया गया)", "रिहा (हुए)"
        out.append((rest, "elliptic"))
    return out


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where} is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping with 'patterns:' (and optionally 'classes:')")
    return data


def _build_pattern(entry: Any, classes: dict[str, WordClass], types: dict[str, TypeInfo],
                   where: str) -> Pattern:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each pattern must be a mapping, got {entry!r}")
    pid = entry.get("id")
    if not pid or not isinstance(pid, str):
        raise ConfigError(f"{where}: pattern without an 'id': {entry!r}")
    where = f"{where}, pattern {pid}"
    ptype = entry.get("type")
    if ptype not in PLOVER_TYPES:
        raise ConfigError(f"{where}: type {ptype!r} is not one of {', '.join(PLOVER_TYPES)}")
    kind = entry.get("kind", "verbal")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} must be one of {', '.join(KINDS)}")
    words = entry.get("words")
    if isinstance(words, str):
        words = [words]
    if kind == "directive":
        if words:
            raise ConfigError(f"{where}: a directive pattern is found by the verb's mood; it has no 'words'")
        words = []
    elif not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"{where}: 'words' must be a non-empty string or list of strings")
    cameo = str(entry.get("cameo") or types[ptype].cameo)
    if not cameo.isdigit() or not 2 <= len(cameo) <= 4:
        raise ConfigError(f"{where}: cameo {cameo!r} must be a 2-4 digit CAMEO code (quote it in YAML)")
    frame = {}
    for slot in ("actor", "recipient"):
        roles = entry.get(slot)
        if roles is None:
            frame[slot] = getattr(types[ptype], slot)
            continue
        if isinstance(roles, str):
            roles = [roles]
        bad = [r for r in roles if r not in ROLES]
        if bad:
            raise ConfigError(f"{where}: unknown {slot} role(s) {bad}; roles are {', '.join(ROLES)}")
        frame[slot] = tuple(roles)
    seqs, forms = [], []
    for w in words:
        seq = [_parse_element(e, classes, where) for e in w.split()]
        if all(e.optional for e in seq) or seq[0].gap or seq[-1].gap:
            raise ConfigError(f"{where}: sequence {w!r} has no required element")
        readings = _readings(seq) if kind == "verbal" else [(seq, "full")]
        if kind == "copular" and entry.get("headline_bare") and len(seq) == 2:
            readings.append((seq[:1], "elliptic"))  # "पाकिस्तान बातचीत को तैयार"
        for reading, form in readings:
            seqs.append(reading)
            forms.append(form)
    return Pattern(id=pid, type=ptype, cameo=cameo, mode=entry.get("mode"), kind=kind,
                   sequences=seqs, actor=frame["actor"], recipient=frame["recipient"],
                   example=str(entry.get("example") or ""), source=where.split(",")[0],
                   mutual=bool(entry.get("mutual", False)),
                   needs=_roles(entry.get("needs"), where, "needs"),
                   unless=_roles(entry.get("unless"), where, "unless"),
                   not_after=frozenset(fold(w) for w in entry.get("not_after") or ()),
                   not_before=frozenset(fold(w) for w in entry.get("not_before") or ()),
                   only_after=frozenset(fold(w) for w in entry.get("only_after") or ()),
                   state_agent=bool(entry.get("state_agent", False)),
                   after_place=bool(entry.get("after_place", False)),
                   toll=bool(entry.get("toll", False)),
                   verbal_attack=bool(entry.get("verbal_attack", False)),
                   abroad=bool(entry.get("abroad", False)),
                   raw_words=list(words), forms=forms)


def _roles(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    # "reported": the clause is someone's reported speech; "actor": the frame finds an actor
    known = ROLES + ("reported",) + (("actor", "recipient") if key == "needs" else ())
    bad = [r for r in value if r not in known]
    if bad:
        raise ConfigError(f"{where}: unknown {key} role(s) {bad}; roles are {', '.join(known)}")
    return tuple(value)


def _load_types(text: str) -> dict[str, TypeInfo]:
    data = _read_yaml(text, "patterns/_types.yaml")
    out = {}
    for name, d in data["types"].items():
        out[name] = TypeInfo(name, str(d["cameo"]), int(d["quad"]), bool(d["symmetric"]),
                             tuple(d["actor"]), tuple(d["recipient"]))
    missing = set(PLOVER_TYPES) - set(out)
    if missing:
        raise ConfigError(f"patterns/_types.yaml lacks types {sorted(missing)}")
    return out


def _load_cameo_table(text: str) -> list[tuple[str, str, int]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, plover, quad = line.split("\t")
        rows.append((code, plover, int(quad)))
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def load_patterns(user_file: str | None = None) -> PatternSet:
    """The shipped patterns plus ``user_file`` (entries with an existing id replace it)."""
    root = resources.files("ghatna").joinpath("data")
    pdir = root.joinpath("patterns")
    types = _load_types(pdir.joinpath("_types.yaml").read_text("utf-8"))
    classes: dict[str, WordClass] = {}
    docs: list[tuple[str, dict[str, Any]]] = []
    names = sorted(p.name for p in pdir.iterdir() if p.name.endswith(".yaml"))
    for name in names:
        if name == "_types.yaml":
            continue
        docs.append((f"patterns/{name}", _read_yaml(pdir.joinpath(name).read_text("utf-8"), name)))
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise ConfigError(f"patterns file {path} does not exist; fix [events] patterns_file or --patterns")
        docs.append((str(path), _read_yaml(path.read_text("utf-8"), str(path))))
    for where, data in docs:
        for cname, forms in (data.get("classes") or {}).items():
            if not isinstance(forms, list) or not forms:
                raise ConfigError(f"{where}: class {cname} must be a non-empty list of words")
            old = classes.get(str(cname), WordClass(frozenset()))
            classes[str(cname)] = WordClass(old.forms | {str(f) for f in forms}, old.perfective,
                                            old.finite, old.infinitive, old.subjunctive)
        for cname, verbs in (data.get("verbs") or {}).items():
            verbs = [verbs] if isinstance(verbs, str) else verbs
            if not isinstance(verbs, list) or not verbs or not all(_is_infinitive(str(v)) for v in verbs):
                raise ConfigError(f"{where}: verbs of {cname} must be Hindi infinitives (करना, लगाना …)")
            old = classes.get(str(cname), WordClass(frozenset()))
            forms = set(old.forms).union(*(verb_forms(str(v)) for v in verbs))
            perfective = set(old.perfective).union(
                *(perfective_forms(str(v)) | compound_perfective_forms(str(v))
                  for v in verbs if str(v) not in INTRANSITIVE))
            finite = set(old.finite).union(*(finite_forms(str(v)) for v in verbs))
            infinitive = set(old.infinitive).union(*(infinitive_forms(str(v)) for v in verbs))
            subjunctive = set(old.subjunctive).union(*(subjunctive_forms(str(v)) for v in verbs))
            classes[str(cname)] = WordClass(frozenset(forms), frozenset(perfective),
                                            frozenset(finite), frozenset(infinitive),
                                            frozenset(subjunctive))
    by_id: dict[str, Pattern] = {}
    for where, data in docs:
        entries = data.get("patterns") or []
        if not isinstance(entries, list):
            raise ConfigError(f"{where}: 'patterns' must be a list")
        seen: set[str] = set()
        for entry in entries:
            pat = _build_pattern(entry, classes, types, where)
            if pat.id in seen:
                raise ConfigError(f"{where}: pattern id {pat.id} is used twice")
            seen.add(pat.id)
            by_id[pat.id] = pat
    cameo = _load_cameo_table(root.joinpath("cameo_plover.tsv").read_text("utf-8"))
    log.debug("loaded %d event patterns", len(by_id))
    finite = frozenset(fold(w) for c in classes.values() for w in c.finite)
    infinitives = frozenset(fold(w) for c in classes.values() for w in c.infinitive)
    subjunctives = frozenset(fold(w) for c in classes.values() for w in c.subjunctive)
    patterns = list(by_id.values())
    directives = [p for p in patterns if p.kind == "directive"]
    if len(directives) > 1:
        raise ConfigError(f"only one directive pattern may be given, not {[p.id for p in directives]}")
    _drop_noun_ellipses(patterns)
    return PatternSet(patterns, types, cameo, finite, infinitives, subjunctives,
                      directives[0] if directives else None)


def _drop_noun_ellipses(patterns: list[Pattern]) -> None:
    """Elliptic readings stand for predicative participles (गिरफ्तार, रिहा, तैनात): a word
    that a nominal pattern lists is a noun (हमला, आलोचना), and a noun alone is read by
    the nominal patterns, so a verbal pattern's elliptic reading of it goes; so does one of
    a noun that a copular pattern reads alone in a headline (विरोध: a protest)."""
    nouns = {w for p in patterns if p.kind == "nominal"
             for seq in p.sequences for e in seq for a in e.alts for w in a.words}
    bare = {w for p in patterns if p.kind == "copular"
            for seq, f in zip(p.sequences, p.forms) if f == "elliptic"
            for e in seq for a in e.alts for w in a.words}
    for p in patterns:
        read = nouns | (bare if p.kind == "verbal" else set())
        keep = [(s, f) for s, f in zip(p.sequences, p.forms)
                if f != "elliptic" or not any(a.words & read for e in s for a in e.alts)]
        p.sequences = [s for s, _ in keep]
        p.forms = [f for _, f in keep]
