"""Which phrase of the sentence fills an event's actor or recipient.

:func:`fill` reads the pattern's argument frame: the roles it names (``ne``, ``ko``,
``se``, ``par``, the unmarked ``subj``, the genitive ``gen`` before a predicate noun …), in
order, nearest the trigger first. The other functions are the fallbacks
:mod:`ghatna.events.build` tries, in its order, when the frame finds no party: a subject
after a ``करके`` clause or opening the clause (:func:`leading_phrase`), the noun a participle
modifies (:func:`modified_noun`), parties inside a nominal predicate (:func:`compound`),
the agent of a criticised act (:func:`background_agent`), the subject of what an accusation
says (:func:`accused_in_content`), the addressee of a message
(:func:`addressee`), the party nearest the predicate (:func:`nearest_party`), people named
by no entity (:func:`unnamed_subject`) or an office named bare (:func:`bare_phrase`).
:func:`arrange` then keeps each party on one side.
"""

from __future__ import annotations

from typing import Any

from ..model import ActorRef, Mention
from .clauses import (
    CLAIM_PUNCT,
    COPULA,
    FUSED_GENITIVE,
    GENITIVE,
    HARD_PUNCT,
    Analysis,
    Arg,
    Clause,
    _np_left,
    free_runs,
    is_finite,
)
from .coref import ref_key
from .dates import find_date_expressions
from .patterns import Match
from .resolve import Resolver, dedupe, first_phrase, message_to
from .where_when import is_place


def fill(roles: tuple[str, ...], m: Match, an: Analysis, ci: int, res: Resolver,
         used: set[int], *, as_actor: bool, anywhere: bool = False
         ) -> tuple[list[ActorRef], Arg | None]:
    """The first phrase of the frame's ``roles`` naming a party, and its argument. Phrases
    in ``used`` are taken; before the trigger only, unless ``anywhere``. A recipient takes
    the states of its phrase's modifiers too, and prefers a party with a state."""
    clause = an.clauses[ci]
    limit = clause.end if anywhere else m.first
    weak: tuple[list[ActorRef], Arg | None] = ([], None)
    for role in roles:
        for arg in _args_for(role, m, an, ci, limit):
            if any(t in used for t in range(arg.np_start, arg.np_end)):
                arg = _after_used(arg, an, used)
                if arg is None:
                    continue
            if any(t in m.tokens if m.form == "inverted" else m.first <= t <= m.last
                   for t in range(arg.np_start, arg.np_end)):
                continue
            refs = res.refs(arg, an, subject=(role == "subj"))
            if not refs and not as_actor and any(
                    x.label == "ANAPHOR" and x.source.endswith("second") for x in arg.mentions):
                return [], arg  # "आपको": whom the speaker addresses, unnamed; nobody else
            if refs and not as_actor:
                # "यूक्रेन की यूरोपीय संघ सदस्यता के पक्ष में": the modifiers' states too
                for mention in an.mentions_in(arg.np_start, arg.np_end):
                    if mention.entity is not None and mention.label != "ANAPHOR":
                        ref = ActorRef.from_mention(mention)
                        if ref_key(ref) and ref_key(ref) not in {ref_key(r) for r in refs}:
                            refs.append(ref)
            if refs and not any(ref_key(r) for r in refs) and not as_actor:
                # "कंपनियों पर": a party without a state; a later role may name one
                if not weak[0]:
                    weak = (refs, arg)
                continue
            if refs:
                return refs, arg
            if not as_actor and role in ("gen", "ko") and _has_participle(an, arg):
                # "X की ओर से लगाए गए प्रतिबंधों की आलोचना": X is who is criticised
                refs = background_agent(m, an, ci, res, None, arg)
                if refs:
                    return refs, arg
    if weak[0]:
        return weak
    return [], None


def _after_used(arg: Arg, an: Analysis, used: set[int]) -> Arg | None:
    """What a phrase names after the words another role took: a headline's subject
    without ने runs into the next phrase (``ममता बनर्जी केंद्र सरकार पर बरसीं``: the पर
    phrase is केंद्र सरकार)."""
    start = max(t for t in used if arg.np_start <= t < arg.np_end) + 1
    mentions = an.mentions_in(start, arg.np_end)
    if start >= arg.np_end or not mentions:
        return None
    return Arg(arg.role, start, arg.np_end, arg.marker_start, arg.marker_end, mentions)


def _args_for(role: str, m: Match, an: Analysis, ci: int, limit: int) -> list[Arg]:
    clause = an.clauses[ci]
    if role == "subj":
        if any(a.role == "ne" for a in an.args_in(ci)):
            return []  # the ने phrase is the subject, resolved or not
        runs = [first_phrase(an, r) for r in free_runs(an, ci, limit, ignore=(m.first, m.last))]
        g = _genitive(m, an, clause.start)
        if g is not None:  # "X की आलोचना": X is the object, not the subject
            runs = [(s, min(e, g.np_start)) for s, e in runs if s < g.np_start]
        return [Arg("subj", s, e, e, e, an.mentions_in(s, e)) for s, e in runs]
    if role == "gen":
        g = _genitive(m, an, clause.start)
        return [g] if g else []
    args = [a for a in an.args_in(ci) if a.role == role]
    # (a postposition may open the trigger itself: "X से मिले", "X पर बरसे"; an inverted
    # headline may hold a party between its verb and its object: "साधा भाजपा पर निशाना")
    before = sorted([a for a in args if a.marker_end <= m.first or a.marker_start == m.first],
                    key=lambda a: -a.marker_start)
    if m.form == "inverted":
        before = [_after_verb(a, m, an) for a in args if m.first < a.marker_start
                  and a.marker_end <= m.last and a.marker_start not in m.tokens] + before
    after = [a for a in args if a.marker_start > m.last] if limit >= clause.end or \
        m.pattern.kind == "nominal" else []
    return before + after


def _after_verb(a: Arg, m: Match, an: Analysis) -> Arg:
    """An argument inside an inverted headline, its phrase cut after the verb."""
    start = max(a.np_start, m.first + 1)
    return Arg(a.role, start, a.np_end, a.marker_start, a.marker_end,
               an.mentions_in(start, a.np_end))


def _genitive(m: Match, an: Analysis, floor: int) -> Arg | None:
    """``X की आलोचना``: the genitive phrase right before the predicate noun (adjectives
    and an intervening ``Y ने`` phrase allowed: ``अभियान का रूस ने समर्थन किया``)."""
    toks = an.tokens
    j = m.first - 1
    skipped = 0
    while j >= floor and skipped <= 3:
        if toks[j] in FUSED_GENITIVE:  # "आपका समर्थन": pronoun and genitive in one word
            return Arg("gen", j, j + 1, j + 1, j + 1, an.mentions_in(j, j + 1))
        if toks[j] in GENITIVE:
            if skipped and any(ms < j < me <= m.first for ms, me in an.mention_span.values()):
                return None  # "नेपाल के प्रधानमंत्री इस्तीफा देंगे": the genitive is the name's
            start = _np_left(an, j, floor)
            if start < j:
                return Arg("gen", start, j, j, j + 1, an.mentions_in(start, j))
            return None
        ne = next((a for a in an.args if a.role == "ne" and a.marker_end == j + 1), None)
        if ne is not None:
            j = ne.np_start - 1
            continue
        if j in an.marker_tokens or toks[j] in HARD_PUNCT or toks[j] in COPULA:
            return None
        skipped += 1
        j -= 1
    return None


def _has_participle(an: Analysis, arg: Arg) -> bool:
    toks = an.tokens[arg.np_start:arg.np_end]
    return any(t in ("गए", "गई", "गये", "गयी") or (t.endswith(("ाए", "ाये")) and k + 1 < len(toks))
               for k, t in enumerate(toks))


def background_agent(m: Match, an: Analysis, ci: int, res: Resolver,
                     actor_arg: Arg | None, recip_arg: Arg | None) -> list[ActorRef]:
    """``X की ओर से लगाए गए प्रतिबंधों की आलोचना``: the agent of the criticised act."""
    if m.pattern.type not in ("ACCUSE", "REJECT", "PROTEST", "THREATEN"):
        return []
    for a in sorted(an.args_in(ci), key=lambda a: -a.marker_start):
        if a.role == "agent" and a.marker_end <= m.first and a is not actor_arg:
            refs = res.refs(a, an)
            if refs:
                return refs
    return []


# auxiliaries of a passive (``… पर हमला किया गया``): its subject is who suffered, not who did
PASSIVE_AUX = frozenset("गया गई गए गये गयी जाएगा जाएगी जाएंगे जाता जाती जाते जा".split())


def accused_in_content(m: Match, an: Analysis, ci: int, res: Resolver, used: set[int]
                       ) -> list[ActorRef]:
    """``कांग्रेस ने आरोप लगाया कि सरकार … भटका रही है``: an accusation whose content follows
    in a कि clause accuses that clause's subject (its ने phrase, or its unmarked subject
    unless the clause is passive)."""
    if m.pattern.type != "ACCUSE" or ci + 1 >= len(an.clauses):
        return []
    nxt = an.clauses[ci + 1]
    if nxt.kind != "complement" or an.tokens[nxt.start - 1] not in CLAIM_PUNCT | {"कि"} \
            or m.last + 1 < an.clauses[ci].end - 3:
        return []  # the trigger ends its clause: "आरोप लगाया कि", not "आरोप … कहा कि"
    if PASSIVE_AUX & set(an.tokens[nxt.start:nxt.end]):
        return fill(("ne",), m, an, ci + 1, res, used, as_actor=True, anywhere=True)[0]
    refs = fill(("ne", "subj"), m, an, ci + 1, res, used, as_actor=True, anywhere=True)[0]
    if not refs:
        # "कि कांग्रेस देश को बांट रही है": a name opening the clause is its subject, even
        # where the object's phrase seems to reach back over it
        first = [x for x in an.mentions_in(nxt.start, nxt.end) if x.entity is not None
                 and an.mention_span[id(x)][0] == nxt.start and x.label != "ANAPHOR"]
        if first:
            e = an.mention_span[id(first[0])][1]
            refs = res.refs(Arg("subj", nxt.start, e, e, e, first[:1]), an, subject=True)
    return refs


PERSONAL_SUBJECTS = frozenset("मैं हम आप तुम".split())


TRAILING_PUNCT = HARD_PUNCT | {",", "-", "–"}


def subject_after(m: Match, an: Analysis, ci: int, res: Resolver, used: set[int],
                  group: int) -> tuple[list[ActorRef], Arg | None]:
    """A headline's subject after its verb: the unmarked phrase that closes the clause right
    after the trigger and its ``group`` of verb words ("यूएन की रिपोर्ट पर भड़का भारत", "X से
    मिले नीतीश"), when the clause has no ``ने`` phrase."""
    clause = an.clauses[ci]
    if any(a.role == "ne" for a in an.args_in(ci)):
        return [], None
    start, end = m.last + 1 + group, clause.end
    # a comma closes a headline's clause: "… पर भड़का भारत, बीजेपी के साथ आई कांग्रेस"
    end = next((k for k in range(start, end) if an.tokens[k] == ","), end)
    while end > start and an.tokens[end - 1] in TRAILING_PUNCT:
        end -= 1
    runs = free_runs(an, ci, end)
    if end <= start or not any(s <= start and e >= end for s, e in runs) \
            or any(t in used for t in range(start, end)):
        return [], None
    arg = Arg("subj", start, end, end, end, an.mentions_in(start, end))
    refs = res.refs(arg, an, subject=True)
    return (refs, arg) if any(ref_key(r) for r in refs) else ([], None)


# heads of place phrases, which are where an event happens, not who it happens to
PLACE_NOUNS = frozenset("सीमा सीमाओं सरहद सरहदों बॉर्डर रेखा सेक्टर इलाके इलाका इलाकों इलाक़े इलाक़ा "
                        "इलाक़ों क्षेत्र क्षेत्रों चौकी चौकियों मोर्चे मोर्चा एलओसी एलएसी LoC LOC LAC".split())
PLAIN_PRONOUNS = frozenset("उन्हें उसे इन्हें इसे उन उस इन इस वे वह ये यह उनको उसको हमें मुझे आपको "
                           "खुद ख़ुद स्वयं अपने अपनी अपना".split())
NO_VICTIM = PLAIN_PRONOUNS | PLACE_NOUNS


def plain_party(m: Match, an: Analysis, ci: int, roles: tuple[str, ...], used: set[int]
                ) -> list[ActorRef]:
    """Whom an attack or an arrest is done to, named by no entity (``स्थानीय लोगों पर चलाई
    गोली``, ``किशोरी के साथ दुष्कर्म``): the frame's phrase as written, with no state of its
    own; not a pronoun, a time or a phrase another role took."""
    dates = None  # the sentence's date expressions, found only if a phrase gets that far
    for role in roles:
        for arg in _args_for(role, m, an, ci, an.clauses[ci].end):
            span = range(arg.np_start, arg.np_end)
            if arg.mentions or not span or any(t in used or m.first <= t <= m.last for t in span) \
                    or any(an.tokens[t] in NO_VICTIM for t in span):
                continue
            cs, ce = an.char_span(arg.np_start, arg.np_end)
            if not any(ch.isalpha() for ch in an.sentence.text[cs:ce]):
                continue
            if dates is None:
                dates = [(d.start, d.end) for d in find_date_expressions(an.sentence.text)]
            if any(s < ce and cs < e for s, e in dates):
                continue
            return [ActorRef(text=an.sentence.text[cs:ce], start=cs, end=ce)]
    return []


def leading_phrase(m: Match, an: Analysis, ci: int, res: Resolver
                   ) -> tuple[list[ActorRef], Arg | None]:
    """An unmarked subject swallowed by the first phrase of the clause
    (``अमेरिका और भारत की जांच एजेंसियां … नेटवर्क पर मिलकर काम कर रही हैं``)."""
    clause = an.clauses[ci]
    if any(a.role == "ne" for a in an.args_in(ci)):
        return [], None
    # the clause proper begins after adverbials of time and cause ("लंबी बातचीत के बाद")
    lead = clause.start
    for a in sorted(an.args_in(ci), key=lambda a: a.np_start):
        if a.np_start <= lead + 1 and a.role in ("time", "cause") and a.marker_end <= m.first:
            lead = a.marker_end
    if an.tokens[lead:lead + 1] and an.tokens[lead] in PERSONAL_SUBJECTS:
        return [], None  # "मैं राष्ट्रपति सोलिह … को बधाई देता हूँ": the speaker, not the name after
    # a name opening the clause and not followed by a genitive is its subject:
    # "फ़्रांस राफ़ेल विमानों के सौदे में … का इच्छुक है"
    for mention in an.mentions:
        ms, me = an.mention_span[id(mention)]
        if lead <= ms <= lead + 1 and me < m.first and mention.entity \
                and mention.label != "NORP" \
                and mention.entity.type in ("country", "person", "igo", "party", "armed_group") \
                and an.tokens[me] not in GENITIVE and me not in an.marker_tokens:
            ref = ActorRef.from_mention(mention)
            if ref_key(ref):
                return [ref], Arg("subj", ms, me, me, me, [mention])
    first = min((a for a in an.args_in(ci) if a.marker_end <= m.first and a.np_start >= lead),
                key=lambda a: a.np_start, default=None)
    if first is None or first.role in ("me", "time", "according") or any(
            an.mentions_in(lead, first.np_start)):
        return [], None
    heads = an.conjuncts(first.np_start, first.np_end)
    if len(heads) < 2 or not any(an.tokens[k] in GENITIVE
                                 for k in range(heads[-1][0], first.np_end)):
        return [], None  # ("पुलिसकर्मी और पत्रकार पर हमला": the pair is the phrase of पर)
    sub = Arg("subj", first.np_start, heads[-1][0], first.marker_start, first.marker_end,
              [])
    refs = res.refs(sub, an, subject=True)
    last = heads[-1][2]
    if last and last[0].entity is not None:
        refs = dedupe(refs + [ActorRef.from_mention(last[0])])
    return refs, (sub if refs else None)


def modified_noun(m: Match, an: Analysis, res: Resolver) -> list[ActorRef]:
    """The noun an intransitive participle modifies is who came or went."""
    j = m.last + 1
    if j < len(an.tokens) and an.tokens[j] in ("गए", "गई", "हुए"):
        j += 1
    arg = next((a for a in an.args if a.np_start <= j < a.np_end), None)
    if arg is not None:
        sub = Arg("subj", j, arg.np_end, arg.marker_start, arg.marker_end,
                  an.mentions_in(j, arg.np_end))
        return [r for r in res.refs(sub, an) if ref_key(r)]
    for mention in an.mentions:
        if j <= an.mention_span[id(mention)][0] <= j + 2 and mention.entity is not None:
            ref = ActorRef.from_mention(mention)
            return [ref] if ref_key(ref) else []
    return []


def compound(m: Match, an: Analysis) -> list[ActorRef]:
    """Parties named inside a nominal predicate's own phrase: ``ब्रिक्स शिखर सम्मेलन``,
    ``मोदी-ट्रंप मुलाकात``. A town or region there is where it happened, not a party
    (``काबुल धमाके``, ``ढाका शिखर सम्मेलन``)."""
    refs = []
    j = m.first - 1
    while j >= 0 and m.first - j <= 4:
        hit = [mm for mm in an.mentions if an.mention_span[id(mm)][1] == j + 1
               and mm.entity is not None]
        if hit and is_place(hit[0].entity):
            break
        if hit:
            refs.insert(0, ActorRef.from_mention(hit[0]))
            j = an.mention_span[id(hit[0])][0] - 1
            continue
        if an.tokens[j] in ("-", "और", ","):
            j -= 1
            continue
        break
    return refs


def place_reached(m: Match, an: Analysis) -> Mention | None:
    """The state or place named right before a verb of arriving (``मोदी जापान पहुंचे``), or
    right after it closing a headline's clause (``मोदी पहुंचे जापान``)."""
    for mention in an.mentions:
        start, end = an.mention_span[id(mention)]
        if mention.entity is None or mention.entity.type not in ("country", "place"):
            continue
        if end == m.first or (start == m.last + 1 and (
                end >= len(an.tokens) or an.tokens[end] in HARD_PUNCT | {","})):
            return mention
    return None


def reciprocal(an: Analysis, clause: Clause) -> bool:
    """``एक-दूसरे``, ``परस्पर``: the parties act on each other."""
    toks = an.tokens[clause.start:clause.end]
    text = " ".join(toks)
    return "एक - दूसरे" in text or "एक दूसरे" in text or "एक-दूसरे" in text or "परस्पर" in toks


def addressee(an: Analysis, res: Resolver, actor: list[ActorRef]) -> list[ActorRef]:
    """``X को दिए संदेश में`` / ``X के साथ हुई बातचीत में``: X is addressed by the sentence."""
    akeys = {ref_key(a) for a in actor}
    for a in an.args:
        if message_to(an, a):
            refs = [r for r in res.refs(a, an) if ref_key(r) not in akeys]
            if refs:
                return refs
    return []


def nearest_party(m: Match, an: Analysis, ci: int, actor: list[ActorRef],
                  used: set[int]) -> list[ActorRef]:
    """Failing the frame, the other party named nearest the predicate: in its clause
    (before it first), then in the clauses it is coordinated with or that report it,
    then anywhere before it in the sentence
    (``ईरानी ड्रोन कार्यक्रम से जुड़े … पर प्रतिबंध लगाए`` → IRN)."""
    clause = an.clauses[ci]
    akeys = {ref_key(a) for a in actor}
    scopes = [(clause.start, clause.end)]
    k = ci
    while an.clauses[k].prev is not None:
        k = an.clauses[k].prev
        scopes.append((an.clauses[k].start, an.clauses[k].end))
    if ci + 1 < len(an.clauses) and an.clauses[ci + 1].kind == "complement":
        scopes.append((an.clauses[ci + 1].start, an.clauses[ci + 1].end))
    scopes.append((0, m.first))
    scopes.append((m.last + 1, len(an.tokens)))
    for lo, hi in scopes:
        cands = []
        for mention in an.mentions:
            ms, me = an.mention_span[id(mention)]
            if not (lo <= ms and me <= hi) or ms in used or ms in m.tokens:
                continue
            if mention.entity is None:
                continue
            ref = ActorRef.from_mention(mention)
            key = ref_key(ref)
            if not key or (key in akeys and not _another_body(ref, actor)):
                continue
            dist = (m.first - me) if me <= m.first else 100 + (ms - m.last)
            cands.append((dist, ref))
        if cands:
            cands.sort(key=lambda c: c[0])
            best = cands[0][1]
            # the whole coordinated phrase it stands in: "अमेरिका और दक्षिण कोरिया के …"
            for a in an.args:
                heads = an.conjunct_heads(a.np_start, a.np_end)
                group = [ActorRef.from_mention(h[0]) for h in heads if h and h[0].entity]
                if any(g.start == best.start for g in group):
                    keyed = [g for g in group if ref_key(g) and ref_key(g) not in akeys]
                    if len(keyed) > 1:
                        return keyed
            return [best]
    return []


def _another_body(ref: ActorRef, actor: list[ActorRef]) -> bool:
    """A person or body named by the knowledge base other than each actor, none of them a
    state or a generic office: a party of the actor's own state, yet another party
    (``वित्त मंत्री … आयकर विभाग``, a party and its rival)."""
    def named(r: ActorRef) -> bool:
        return ":" in (r.entity_id or "") and not (r.entity_id or "").startswith(("agent:", "place:"))
    return bool(actor) and named(ref) and all(named(a) and a.entity_id != ref.entity_id for a in actor)


def unnamed_subject(m: Match, an: Analysis, ci: int, location: dict[str, Any]
                    ) -> list[ActorRef]:
    """``हजारों कर्मचारियों ने जंतर-मंतर पर प्रदर्शन किया``: people named by no entity act
    for the country where the sentence places them."""
    ne = [a for a in an.args_in(ci) if a.role == "ne" and a.marker_end <= m.first]
    if ne:
        s, e = ne[-1].np_start, ne[-1].np_end
    else:
        runs = [r for r in free_runs(an, ci, m.first, ignore=(m.first, m.last))
                if any(_letters(an.tokens[k]) for k in range(*r))]
        if not runs:
            return []
        s, e = runs[0]
    if any(an.tokens[k] in ("उन्होंने", "वे", "वह", "उसने") for k in range(s, e)):
        return []
    cs, ce = an.char_span(s, e)
    return [ActorRef(text=an.sentence.text[cs:ce], start=cs, end=ce,
                     country=location["country"])]


def _letters(tok: str) -> bool:
    return any(ch.isalpha() for ch in tok) and tok not in HARD_PUNCT


CASUALTY_WORDS = frozenset("मारे मारा मारी घायल जख्मी ज़ख्मी शहीद हताहत".split())


def victims(m: Match, an: Analysis, ci: int, res: Resolver) -> list[ActorRef]:
    """``नक्सल हमले में 13 पुलिसकर्मी मारे गए``: who was killed or wounded in an attack
    is who it was done to."""
    toks = an.tokens
    if toks[m.last + 1:m.last + 2] == ["में"]:
        end = an.clauses[ci].end
    elif toks[m.last + 1:m.last + 2] == [","] and not any(
            is_finite(t) for t in toks[an.clauses[ci].start:m.first]):
        # a headline's verbless attack and its toll after a comma: "… की ओर से फायरिंग, एक
        # जवान शहीद" (where it happened is no victim: "LoC पर")
        end = len(toks)
    else:
        return []
    cas = next((k for k in range(m.last + 2, min(end, m.last + 10)) if toks[k] in CASUALTY_WORDS), None)
    if cas is None:
        return []
    out = []
    for mention in an.mentions_in(m.last + 2, cas):
        if mention.entity is not None and mention.label != "ANAPHOR" and not (
                mention.entity.type == "place" or mention.label in ("LOC", "FAC")):
            out.append(ActorRef.from_mention(mention))
    return out


def bare_phrase(m: Match, an: Analysis, ci: int, roles: tuple[str, ...],
                used: set[int]) -> ActorRef | None:
    """The frame's phrase when no entity is named in it (short phrases only)."""
    for role in roles:
        if role == "subj" or (role == "se" and m.pattern.type == "REJECT"):
            continue  # "आरोपों से इनकार": what is refused, not who
        for arg in _args_for(role, m, an, ci, m.first):
            if arg.mentions or arg.np_end - arg.np_start > 3 or \
                    any(t in used for t in range(arg.np_start, arg.np_end)):
                continue
            if any(an.tokens[k] in ("उन्हें", "उसे", "इसे", "इस", "उस", "यह", "वह", "वे")
                   for k in range(arg.np_start, arg.np_end)):
                continue
            s0, e0 = an.char_span(arg.np_start, arg.np_end)
            return ActorRef(text=an.sentence.text[s0:e0], start=s0, end=e0)
    return None


def arrange(actor: list[ActorRef], recipient: list[ActorRef], symmetric: bool
            ) -> tuple[list[ActorRef], list[ActorRef]]:
    """Keep a party on one side; split a coordinated pair of a symmetric event."""
    rkeys = {ref_key(r) for r in recipient} - {None}
    if rkeys and actor:
        rest = [a for a in actor if ref_key(a) not in rkeys]
        if rest and symmetric:
            actor = rest
    if symmetric and not recipient:
        keys = []
        for a in actor:
            k = ref_key(a)
            if k and k not in keys:
                keys.append(k)
        if len(keys) >= 2:
            recipient = [a for a in actor if ref_key(a) != keys[0]]
            actor = [a for a in actor if ref_key(a) == keys[0]]
    return actor, recipient
