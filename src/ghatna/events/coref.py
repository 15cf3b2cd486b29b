"""Coreference for news: pronouns, short names and group phrases resolved to actors the
article has just named.

News articles name their actors in full once (``चीन के विदेश मंत्री वांग यी``) and then
refer back with ``उन्होंने``, ``वांग``, ``दोनों देश``, ``इन देशों``, ``इन तीनों``, ``उनका देश``;
reported speech says ``मैं``, ``हम`` (its speaker and their side) and ``आप``, ``तुम`` (whom
the speaker addresses).
:func:`find_anaphors` marks such phrases in a sentence as pseudo-mentions (label
``ANAPHOR``) so that clause analysis treats them as noun phrases; an :class:`ArticleMemory`
built while the coder walks through the article resolves them. When the article does not
make the referent clear (nothing suitable was named before), the slot stays empty rather
than guessed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..model import ActorRef, Mention

PRONOUNS = frozenset(
    "उन्होंने उन्होने इन्होंने इन्होने उसने इसने वे वह उन्हें उन्हे उनको उसे उनसे उससे उन्हीं".split())
POSSESSIVES = frozenset("उनका उनके उनकी उसका उसके उसकी".split())
# The first person in reported speech is its speaker (मैं, मैंने); the first person plural
# is the speaker's side (हम, हमने, हमारा देश).
FIRST_SINGULAR = frozenset("मैं मैंने मुझे मुझसे मेरा मेरी मेरे".split())
FIRST_PLURAL = frozenset("हम हमने हमें हमसे हमारा हमारी हमारे".split())
# The second person in reported speech is whom the speaker addresses (आप, आपको, तुम्हें);
# आप written alone is also the Aam Aadmi Party's short name, which a linked mention keeps.
SECOND = frozenset(
    "आप आपने आपको आपसे आपका आपकी आपके तुम तुमने तुम्हें तुमको तुमसे तुम्हारा तुम्हारी "
    "तुम्हारे तू तुझे तुझसे तेरा तेरी तेरे".split())
PERSONAL = ("first", "first_plural", "second")
COUNTRY_NOUNS = frozenset("देश देशों सरकार सरकारों मुल्क".split())
GROUP_NOUNS = frozenset(
    "देश देशों नेता नेताओं पक्ष पक्षों मंत्री मंत्रियों सरकारें सरकारों राष्ट्र राष्ट्रों "
    "राष्ट्राध्यक्ष राष्ट्राध्यक्षों विदेश".split())
DEMONSTRATIVES = frozenset("इन ये इन्हीं उन".split())
QUANTIFIERS = frozenset("तीनों सभी चारों पांचों दोनों".split())
# Words that can never be a short name for a person.
NOT_NAMES = frozenset("ने को से पर में का की के और विदेश मंत्री राष्ट्रपति प्रधानमंत्री".split())


def ref_key(ref: ActorRef) -> str | None:
    """The gold-file key of an actor: ``IGO:<acronym>`` or its ISO3 country."""
    if ref.org:
        return f"IGO:{ref.org}"
    return ref.country


def find_anaphors(sentence_index: int, text: str, spans: list[tuple[int, int]]) -> list[Mention]:
    """Pronouns and group phrases of a sentence as ``ANAPHOR`` pseudo-mentions."""
    tokens = [text[s:e] for s, e in spans]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind, n = None, 1
        if tok == "दोनों" and i + 1 < len(tokens) and tokens[i + 1] in GROUP_NOUNS:
            kind, n = "pair", 2
        elif tok in DEMONSTRATIVES and i + 1 < len(tokens) and (
                tokens[i + 1] in GROUP_NOUNS or tokens[i + 1] in QUANTIFIERS):
            kind, n = "group", 2
            if tokens[i + 1] == "दोनों":
                kind = "pair"
        elif tok in POSSESSIVES and i + 1 < len(tokens) and tokens[i + 1] in COUNTRY_NOUNS:
            kind, n = "poss_country", 2
        elif tok in PRONOUNS:
            kind = "pron"
        elif tok in FIRST_SINGULAR:
            kind = "first"
        elif tok in FIRST_PLURAL:
            kind = "first_plural"
        elif tok in SECOND:
            kind = "second"
        if kind:
            # extend over trailing group nouns: "इन तीनों विदेश मंत्रियों"
            while i + n < len(tokens) and tokens[i + n] in GROUP_NOUNS and kind != "pron" \
                    and kind not in PERSONAL:
                n += 1
            s, e = spans[i][0], spans[i + n - 1][1]
            out.append(Mention(sentence_index, s, e, text[s:e], "ANAPHOR", None, f"coref:{kind}"))
            i += n
        else:
            i += 1
    return out


def with_anaphors(mentions: list[Mention], anaphors: list[Mention]) -> list[Mention]:
    """A sentence's mentions and anaphors together: a group phrase stands for its parties,
    so the generic words inside it (``दोनों नेताओं``: नेताओं) are no mention of their own,
    and a personal pronoun a linked mention covers (``आप``, the party) is that mention."""
    def inside(m: Mention, a: Mention) -> bool:
        return a.start <= m.start and m.end <= a.end

    groups = [a for a in anaphors if a.source.endswith(("pair", "group"))]
    kept = [m for m in mentions if not (m.entity is not None and m.entity.type == "agent"
                                        and any(inside(m, a) for a in groups))]
    named = [m for m in mentions if m.entity is not None]
    return kept + [a for a in anaphors if not (
        a.source.endswith("second") and any(m.start < a.end and a.start < m.end for m in named))]


@dataclass
class ArticleMemory:
    """What the article has named so far, most recent last."""

    persons: list[ActorRef] = field(default_factory=list)
    group: list[ActorRef] = field(default_factory=list)     # last acting group (उन्होंने)
    pair: list[ActorRef] = field(default_factory=list)      # last two parties (दोनों देश)
    multi: list[ActorRef] = field(default_factory=list)     # last list of parties (इन देशों)
    speaker: ActorRef | None = None                          # last named speaker (उनका देश)
    addressee: tuple[int, list[ActorRef]] = (-1, [])         # (sentence, whom it addresses)

    # -- observing -------------------------------------------------------------
    def observe_mentions(self, mentions: list[Mention]) -> None:
        for m in mentions:
            ent = m.entity
            if ent is not None and (ent.type or "").lower() in ("person", "per", "leader"):
                ref = ActorRef.from_mention(m)
                self.persons = [p for p in self.persons if p.entity_id != ref.entity_id] + [ref]

    def observe_group(self, refs: list[ActorRef]) -> None:
        """A phrase naming one or more parties (a coordinated noun phrase, an event's sides)."""
        refs = [r for r in refs if ref_key(r)]
        if not refs:
            return
        keys = _distinct_keys(refs)
        if len(keys) == 2:
            self.pair = _one_per_key(refs)
        if len(keys) >= 2:
            self.multi = _one_per_key(refs)

    def observe_sides(self, sides: list[list[ActorRef]]) -> None:
        """The two sides of an event (``मोदी ने शी से मुलाकात की``): a pair named together
        when they are two parties; a coordinated phrase observed later overrides it."""
        for refs in sides:
            refs = [r for r in refs if ref_key(r)]
            if len(_distinct_keys(refs)) == 2:
                self.pair = _one_per_key(refs)

    def observe_addressee(self, sentence_index: int, refs: list[ActorRef]) -> None:
        if refs:
            self.addressee = (sentence_index, list(refs))

    def addressee_before(self, sentence_index: int) -> list[ActorRef]:
        """Whom the sentence before ``sentence_index`` addressed: ``X ने Y से फोन पर बात
        की। उन्होंने कहा, "मैं आपको …"``."""
        index, refs = self.addressee
        return list(refs) if index == sentence_index - 1 else []

    def observe_actor(self, refs: list[ActorRef]) -> None:
        refs = [r for r in refs if ref_key(r)]
        if refs:
            self.group = list(refs)
            self.observe_group(refs)

    def observe_speaker(self, refs: list[ActorRef]) -> None:
        refs = [r for r in refs if ref_key(r)]
        if refs:
            self.speaker = refs[0]

    # -- resolving -------------------------------------------------------------
    def resolve(self, mention: Mention) -> list[ActorRef]:
        """The actors an ``ANAPHOR`` pseudo-mention refers to, or [] when unclear."""
        kind = mention.source.split(":", 1)[-1]
        if kind == "pron":
            target = self.group
        elif kind == "pair":
            target = self.pair
        elif kind == "group":
            target = self.multi
        elif kind == "poss_country":
            target = [self.speaker] if self.speaker else []
            return [country_of(r, mention) for r in target]
        else:
            target = []
        return [relabel(r, mention) for r in target]

    def resolve_name(self, mention: Mention) -> list[ActorRef]:
        """A short form of a person named earlier (``वांग`` for ``वांग यी``)."""
        words = [w for w in mention.text.split() if w not in NOT_NAMES and len(w) >= 2]
        if not words:
            return []
        for p in reversed(self.persons):
            ptoks = p.text.split()
            if not ptoks:
                continue
            if all(w in ptoks for w in words) and (words[0] in (ptoks[0], ptoks[-1])):
                return [relabel(p, mention)]
        return []


def _distinct_keys(refs: list[ActorRef]) -> list[str]:
    keys: list[str] = []
    for r in refs:
        k = ref_key(r)
        if k and k not in keys:
            keys.append(k)
    return keys


def _one_per_key(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for r in refs:
        k = ref_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def relabel(ref: ActorRef, mention: Mention) -> ActorRef:
    new = copy.copy(ref)
    new.text, new.start, new.end = mention.text, mention.start, mention.end
    return new


def country_of(ref: ActorRef, mention: Mention) -> ActorRef:
    """The government of ``ref``'s state, named by ``mention`` (उनका देश, हम)."""
    new = relabel(ref, mention)
    new.entity_id, new.name, new.org = None, None, None
    new.sector = "GOV"
    new.code = f"{ref.country}GOV" if ref.country else None
    return new
