"""Who a phrase of the sentence names, and for which state an actor acts.

A :class:`Resolver` lives for one article. It turns a noun phrase into actors
(:meth:`Resolver.refs`): its linked mentions (a title's state taken from its own phrase,
``श्रीलंका के नवनिर्वाचित राष्ट्रपति``), its anaphors (the reporter for ``वह`` in ``रूस ने
कहा कि वह …``, the two states just named for ``दोनों देश``, else the article's
:class:`~ghatna.events.coref.ArticleMemory`, else the subject of the sentence's first
clause; whom reported speech addresses for ``आप``, ``तुम``), short names the NER missed (``वांग``), and national institutions Hindi news names
bare (``केंद्र``, ``सुप्रीम कोर्ट``; ``home_institutions.tsv``). :func:`observe_sentence`
tells the memory what a sentence named, and :func:`domestic` lets an actor named without a
state (``पुलिस``) act for the country where the event takes place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import ActorRef, Mention
from .clauses import (
    CONNECTORS,
    GENITIVE,
    NAME_HEADS,
    NP_BREAKERS,
    REPORTING,
    Analysis,
    Arg,
    free_runs,
)
from .coref import ArticleMemory, country_of, ref_key, relabel
from .where_when import is_place

# "X को दिए संदेश में", "X के साथ हुई बातचीत में", "X को संबोधित करते हुए": X is addressed
ADDRESSEE_VERBS = frozenset("दिए दिये लिखे भेजे हुई हुए हुआ हुयी".split())
ADDRESSEE_NOUNS = frozenset("संदेश संदेशों पत्र चिट्ठी बातचीत बैठक मुलाकात वार्ता फोन कॉल".split())
ADDRESSING = frozenset("संबोधित".split())
# roles of a phrase a subject acts upon or addresses ("दोनों देशों से", "दोनों पक्षों पर")
OBJECT_ROLES = frozenset("ko se par ke_saath ke_khilaf prati".split())
# "X ने Y से कहा / बात की / अपील की": Y is addressed
TALK_WORDS = REPORTING | frozenset("बात बातचीत वार्ता मुलाकात भेंट अपील आग्रह अनुरोध पूछा".split())


@dataclass(frozen=True)
class Resolver:
    """Resolves phrases to actors while one article is coded."""

    memory: ArticleMemory
    home: Sequence[tuple[str, str]]  # national institutions named bare, longest first

    def refs(self, arg: Arg | None, an: Analysis, subject: bool = False) -> list[ActorRef]:
        """The actors the phrase of ``arg`` names, one per conjunct; ``subject`` skips a
        dateline place opening the sentence."""
        if arg is None:
            return []
        refs: list[ActorRef] = []
        for gs, ge, group in an.conjuncts(arg.np_start, arg.np_end):
            if not group and ge - gs <= 2:
                # a short name the NER did not mark ("वांग ने", "वांग यी और लावरोव")
                s, e = an.char_span(gs, ge)
                probe = Mention(an.sentence.index, s, e, an.sentence.text[s:e], "PER")
                refs.extend(self.memory.resolve_name(probe))
            for mention in group:
                if subject and arg.np_start == 0 and is_place(mention.entity):
                    continue  # a dateline ("मास्को …"), not a capital acting
                if mention.label == "ANAPHOR":
                    refs.extend(self._anaphor(mention, an, gs))
                elif mention.entity is None:
                    refs.extend(self.memory.resolve_name(mention) or [ActorRef.from_mention(mention)])
                else:
                    ref = ActorRef.from_mention(mention)
                    if not ref.country and not ref.org:
                        state_from_conjunct(ref, an, gs, ge)
                    refs.append(ref)
        if not refs:
            refs.extend(self._institution(arg, an))
        return dedupe(refs)

    def addressees(self, an: Analysis, lo: int, hi: int) -> list[ActorRef]:
        """Whom the sentence between tokens ``lo`` and ``hi`` addresses, the last named
        first: ``Y से`` where it speaks or talks, ``Y को संबोधित करते हुए``, ``Y को लिखे
        पत्र में``; places are not addressed (``दिल्ली से फोन पर बात की``)."""
        places = {id(m) for m in an.mentions if is_place(m.entity)}
        for a in sorted(an.args, key=lambda a: -a.marker_start):
            if lo <= a.np_start and a.marker_end <= hi and addressed(an, a):
                heads = [m for g in an.conjunct_heads(a.np_start, a.np_end) for m in g]
                if heads and not any(id(m) in places for m in heads):
                    refs = [r for r in self.refs(a, an) if ref_key(r)]
                    if refs:
                        return refs
        return []

    def _second_person(self, mention: Mention, an: Analysis, tok: int) -> list[ActorRef]:
        """``आप``/``तुम`` in reported speech: whom its speaker addresses in this sentence or
        the one before; never the speaker, and nobody outside reported speech."""
        clause = an.clauses[an.clause_of(tok)]
        if clause.reporter is None or clause.reporter.role == "according":
            return []
        speaker = {ref_key(r) for r in self.speaker(an, tok)}
        found = self.addressees(an, 0, clause.start) or \
            self.memory.addressee_before(an.sentence.index)
        return [relabel(r, mention) for r in found if ref_key(r) not in speaker]

    def speaker(self, an: Analysis, tok: int) -> list[ActorRef]:
        """Who speaks the reported speech token ``tok`` stands in (``उन्होंने कहा, "मैं …"``:
        whom उन्होंने refers to); [] outside reported speech."""
        rep = an.clauses[an.clause_of(tok)].reporter
        if rep is None or rep.role == "according":
            return []
        return [r for r in self.refs(rep, an) if ref_key(r)]

    def _anaphor(self, mention: Mention, an: Analysis, tok: int) -> list[ActorRef]:
        if mention.source.endswith("second"):
            return self._second_person(mention, an, tok)
        reporter = reporter_for(an, tok)
        if mention.source.endswith(("first", "first_plural")):
            reporter = reporter or self.speaker(an, tok)
            # the speaker of reported speech, or their side; outside it, the writer: nobody
            if mention.source.endswith("plural"):
                return [country_of(r, mention) for r in reporter if r.country or r.org]
            return [relabel(r, mention) for r in reporter]
        local = pair_before(an, tok) if mention.source.endswith("pair") else []
        if reporter and mention.source.endswith(("pron", "poss_country")):
            return reporter
        if local:
            return local
        found = self.memory.resolve(mention)
        if not found and mention.source.endswith("pron"):
            found = main_subject(an, tok)
        return found

    def _institution(self, arg: Arg, an: Analysis) -> list[ActorRef]:
        """``केंद्र से``: a national institution the linker does not know."""
        text = an.text(arg.np_start, arg.np_end)
        for phrase, country in self.home:
            if text == phrase or text.endswith(" " + phrase):
                s0, _ = an.char_span(arg.np_start, arg.np_end)
                start = s0 + len(text) - len(phrase)
                return [ActorRef(text=phrase, start=start, end=start + len(phrase),
                                 country=country)]
        return []

    def home_state(self, ref: ActorRef, an: Analysis) -> None:
        """``केंद्र सरकार``, ``सुप्रीम कोर्ट``: a national institution Hindi news names bare."""
        s = max(0, ref.start - 12)
        window = an.sentence.text[s:ref.end]
        for phrase, country in self.home:
            if window.endswith(phrase) or ref.text == phrase or ref.text.startswith(phrase):
                ref.country = country
                if ref.sector:
                    ref.code = country + ref.sector
                return


POSSESSIVES = frozenset("उनकी उनके उनका उसकी उसके उसका".split())


def speakers_own(ref: ActorRef, an: Analysis) -> None:
    """``नेपाली प्रधानमंत्री ने कहा कि … उनकी सरकार को``: an institution the reported clause
    gives a possessive pronoun belongs to the speaker's state."""
    toks = [k for k, (s, e) in enumerate(an.spans) if s >= ref.start]
    if not toks or toks[0] == 0 or an.tokens[toks[0] - 1] not in POSSESSIVES:
        return
    rep = an.clauses[an.clause_of(toks[0])].reporter
    if rep is None or rep.role == "according":
        return
    country = next((r.country for r in speaker_refs(an, rep) if r.country), None)
    if country:
        domestic([ref], {"country": country})


def message_to(an: Analysis, a: Arg) -> bool:
    """``Y को लिखे पत्र में``, ``Y के साथ हुई बातचीत में``, ``Y को संबोधित करते हुए``."""
    toks = an.tokens
    j = a.marker_end
    if a.role in ("ko", "ke_saath", "se") and j + 1 < len(toks) \
            and toks[j] in ADDRESSEE_VERBS and toks[j + 1] in ADDRESSEE_NOUNS:
        return True
    return a.role == "ko" and j < len(toks) and toks[j] in ADDRESSING


def addressed(an: Analysis, a: Arg) -> bool:
    """Whether the phrase of ``a`` is whom a message or speech is addressed to: a message
    (:func:`message_to`), or ``Y से`` in a clause that speaks or talks."""
    if message_to(an, a):
        return True
    clause = an.clauses[an.clause_of(a.marker_start)]
    return a.role == "se" and any(t in TALK_WORDS for t in an.tokens[a.marker_end:clause.end])


def reporter_for(an: Analysis, tok: int) -> list[ActorRef]:
    """``रूस ने कहा कि वह …``: a pronoun subject of a reported clause is the reporter."""
    clause = an.clauses[an.clause_of(tok)]
    rep = clause.reporter
    if rep is None or rep.role == "according" or not (clause.start <= tok < clause.start + 3):
        return []
    return speaker_refs(an, rep)


def speaker_refs(an: Analysis, rep: Arg) -> list[ActorRef]:
    """The named parties of a reporter phrase (``रूस के विदेश मंत्री ने कहा``), each with
    the state its own phrase names, and the persons the NER found there."""
    refs = []
    for _, _, group in an.conjuncts(rep.np_start, rep.np_end):
        for mention in group:
            if mention.entity is not None or mention.label == "PER":
                # (a person the knowledge base lacks still speaks: "…: अखिलेश")
                ref = ActorRef.from_mention(mention)
                if not ref.country and not ref.org:
                    state_from_conjunct(ref, an, rep.np_start, rep.np_end)
                refs.append(ref)
    return refs


def main_subject(an: Analysis, tok: int) -> list[ActorRef]:
    """``वांग यी भारत आ रहे हैं, जहां वे …``: a pronoun in a later clause of the sentence
    refers to the subject of its first clause."""
    ci = an.clause_of(tok)
    if ci == 0 or an.clauses[ci].kind == "complement":
        return []
    first = an.clauses[0]
    cands = [a for a in an.args_in(0) if a.role == "ne"]
    spans = [(a.np_start, a.np_end) for a in cands] or \
        [first_phrase(an, r) for r in free_runs(an, 0, first.end)][:1]
    refs = []
    for s, e in spans:
        for group in an.conjunct_heads(s, e):
            for mention in group:
                if mention.entity is not None and mention.label != "ANAPHOR":
                    refs.append(ActorRef.from_mention(mention))
    return [r for r in refs if ref_key(r)]


def pair_before(an: Analysis, tok: int) -> list[ActorRef]:
    """``भारत और चीन के सैनिकों के बीच झड़प के बाद रूस ने दोनों देशों से …``: the last
    two parties named together before ``tok`` in the sentence, other than the subject that
    addresses them (``रूस और फ्रांस ने दोनों देशों से``); else, when the sentence names just
    two states before it (``चीन ने भारत के साथ … और कहा कि दोनों देश …``), those."""
    ci = an.clause_of(tok)
    own = next((a for a in an.args if a.np_start <= tok < a.np_end), None)
    addressing = own is not None and own.role in OBJECT_ROLES
    last: tuple[int, list[ActorRef]] | None = None
    for s, e, role in _phrases(an):
        if e > tok or (addressing and role == "ne" and an.clause_of(s) == ci):
            continue
        refs = [ActorRef.from_mention(m) for g in an.conjunct_heads(s, e) for m in g
                if m.entity is not None and m.label != "ANAPHOR"]
        refs = [r for r in refs if ref_key(r)]
        if len({ref_key(r) for r in refs}) == 2 and (last is None or e >= last[0]):
            last = (e, dedupe(refs))
    if last is not None:
        return last[1]
    refs: list[ActorRef] = []
    for mention in an.mentions:
        if an.mention_span[id(mention)][1] > tok or mention.entity is None:
            continue
        ref = ActorRef.from_mention(mention)
        if ref_key(ref) and ref_key(ref) not in {ref_key(r) for r in refs}:
            refs.append(ref)
    return refs if len(refs) == 2 else []


def _phrases(an: Analysis) -> list[tuple[int, int, str]]:
    """The sentence's argument phrases and unmarked runs: token span and role."""
    spans = [(a.np_start, a.np_end, a.role) for a in an.args]
    for ci in range(len(an.clauses)):
        spans.extend((s, e, "subj") for s, e in free_runs(an, ci, an.clauses[ci].end))
    return spans


def first_phrase(an: Analysis, run: tuple[int, int]) -> tuple[int, int]:
    """The first noun phrase of an unmarked run: ``ब्लिंकन | अगले हफ्ते इस्राइल का दौरा``."""
    s, e = run
    ends = {an.mention_span[id(m)][1] - 1 for m in an.mentions}
    for k in range(s, e - 1):
        nxt = an.tokens[k + 1]
        if k in ends and nxt not in CONNECTORS and nxt not in GENITIVE and nxt not in NAME_HEADS \
                and not any(an.mention_span[id(m)][0] <= k < an.mention_span[id(m)][1] - 1
                            for m in an.mentions):
            if nxt in NP_BREAKERS or nxt.isdigit() or any(
                    an.mention_span[id(m)][0] == k + 1 for m in an.mentions):
                return s, k + 1
    return run


def state_from_conjunct(ref: ActorRef, an: Analysis, gs: int, ge: int) -> None:
    """``श्रीलंका के नवनिर्वाचित राष्ट्रपति``: a title's state named in its own phrase."""
    for other in reversed(an.mentions_in(gs, ge)):
        ent = other.entity
        if ent is not None and (ent.country or ent.org) and other.label != "ANAPHOR":
            ref.country, ref.org = ent.country, ent.org
            if ref.sector and ent.country:
                ref.code = ent.country + ref.sector
            return


def domestic(actor: list[ActorRef], location: dict[str, Any] | None) -> None:
    """An actor named without a state (``पुलिस``, ``प्रदर्शनकारियों``) acts for the country
    where the sentence places the event."""
    if not location or not location.get("country"):
        return
    for a in actor:
        if not a.country and not a.org:
            a.country = location["country"]
            if a.sector:
                a.code = location["country"] + a.sector


def dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for r in refs:
        k = (r.entity_id or r.text, r.country, r.org)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def observe_sentence(an: Analysis, memory: ArticleMemory) -> None:
    """What the memory learns from a sentence: the parties each phrase names together, and
    the ``ने`` subjects as the last acting group and speaker."""
    for a in an.args:
        if a.role == "ne":
            refs = [ActorRef.from_mention(m) for g in an.conjunct_heads(a.np_start, a.np_end)
                    for m in g if m.entity is not None]
            if refs:
                memory.observe_actor(refs)
                memory.observe_speaker(list(refs))
    for s, e, _ in sorted(_phrases(an), key=lambda p: p[1]):
        refs = [ActorRef.from_mention(m) for g in an.conjunct_heads(s, e)
                for m in g if m.entity is not None]
        memory.observe_group(refs)
