"""One event from one trigger: the order in which its parts are decided.

For a trigger the sentence presents as an event (:mod:`ghatna.events.triggers`),
:func:`build_event`

1. reads the verb group after it: mode, aux_mode (:mod:`ghatna.events.modality`) and voice
   (a party's negated willingness, ``सहमत नहीं``, is a refusal: REJECT);
2. fills the actor, then the recipient, from the pattern's argument frame and, failing
   that, from the fallbacks of :mod:`ghatna.events.roles`, in a fixed order;
3. places the event (:mod:`ghatna.events.where_when`) and lets parties named without a
   state act for the country where it happens, or for the actor's own state
   (``पुलिस``, ``राज्यपाल पर``);
4. arranges the parties of symmetric and mutual types, gives IGOs their parent body and
   bare national institutions their state;
5. records the reporter, the contexts, the confidence (:mod:`ghatna.events.confidence`)
   and the sentence's date.

:func:`split_mutual` and :func:`threat_content` then decide how many events the sentence's
triggers make: a mutual act is two, what a threat says will happen is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import ActorRef, Event
from .checks import OWN_FORCES
from .clauses import Analysis, Arg, is_finite
from .confidence import features, probability
from .coref import ref_key
from .modality import aux_mode, is_passive, verb_group
from .patterns import Match, PatternSet, TypeInfo
from .resolve import Resolver, domestic, reporter_for, speakers_own
from .roles import (
    PLACE_NOUNS,
    accused_in_content,
    addressee,
    arrange,
    background_agent,
    bare_phrase,
    compound,
    fill,
    leading_phrase,
    modified_noun,
    nearest_party,
    place_reached,
    plain_party,
    reciprocal,
    subject_after,
    unnamed_subject,
    victims,
)
from .triggers import INTRANSITIVE
from .where_when import country_hint, date_event, place, public_location

DOMESTIC_TYPES = frozenset(["COERCE", "PROTEST", "ASSAULT", "MOBILIZE"])
# words of willingness: negated, they tell a refusal
UNWILLING = frozenset("सहमत राजी तैयार इच्छुक रजामंद रज़ामंद".split())
# Types whose unnamed actors (police, protesters, troops) act for the place's country;
# unnamed attackers ("अज्ञात हमलावरों") are left without one.
STATE_ACTOR_TYPES = frozenset(["COERCE", "PROTEST", "MOBILIZE"])


def build_event(m: Match, an: Analysis, pub_date: str | None, res: Resolver, patterns: PatternSet,
                contexts: Sequence[tuple[str, str]], igo_parents: dict[str, str],
                weights: dict[str, float]) -> Event:
    """The event trigger ``m`` reports in sentence ``an``, published on ``pub_date``."""
    p = m.pattern
    tinfo = patterns.types[p.type]
    ci = an.clause_of(m.first)
    clause = an.clauses[ci]
    # 1. the verb group: aux_mode and voice (a verbless headline participle is passive:
    #    "पूर्व मंत्री गिरफ्तार" is the minister arrested)
    mode, passive = _verb(m, an, ci)
    # (but "X का इनकार": a noun with its owner's genitive is the owner's act)
    passive = passive or (m.form == "elliptic" and p.kind == "verbal" and an.tokens[
        m.first - 1:m.first] not in (["का"], ["की"], ["के"]))
    # 2. the parties; a phrase that fills one role is ``used`` and fills no other
    recip_roles = p.recipient + (("subj",) if passive else ())
    used: set[int] = set()
    actor, actor_arg = _actor(m, an, ci, res, used, passive, tinfo)
    if p.type == "AGREE" and mode == "negation" and an.tokens[m.first] in UNWILLING \
            and any(ref_key(a) for a in actor):
        # "भारत … से सहमत नहीं", "तैयार नहीं": a party's unwillingness is a refusal, as
        # स्वीकार्य नहीं is
        p = replace(p, type="REJECT", cameo=patterns.types["REJECT"].cameo, mutual=False)
        tinfo, mode = patterns.types["REJECT"], None
    symmetric = tinfo.symmetric or p.mutual
    recipient = _recipient(m, an, ci, res, used, recip_roles, actor, actor_arg, symmetric)
    # 3. the place, and the states of parties named without one
    location = place(an, ci)
    if location and any(a.start < location["end"] and location["start"] < a.end for a in actor):
        location = None  # "पाकिस्तान के हमलों में": the actor's own words, not a place
    if location is None and p.type in STATE_ACTOR_TYPES:
        location = country_hint(an, res.home)
    actor, recipient = _by_place(m, an, ci, actor, recipient, location, passive, res)
    recipient = _by_actor_state(m, an, ci, actor, recipient, recip_roles, used, symmetric)
    # 4. both sides of symmetric and mutual events; IGO parents, bare national institutions
    actor, recipient = _paired(m, actor, actor_arg, recipient, tinfo, symmetric)
    for ref in actor + recipient:
        if ref.org in igo_parents:
            ref.org = igo_parents[ref.org]
        if not ref.country and not ref.org:
            res.home_state(ref, an)
        if not ref.country and not ref.org:
            speakers_own(ref, an)
    # 5. the record, and the date the sentence gives it
    first_s, _ = an.char_span(m.first, m.first + 1)
    last = max((t for t in m.tokens if any(ch.isalnum() for ch in an.tokens[t])), default=m.last)
    _, last_e = an.char_span(last, last + 1)  # (punctuation a pattern reads is no trigger word)
    reporter = res.refs(clause.reporter, an) if clause.reporter else []
    ev = Event(
        event=p.type, sentence_index=an.sentence.index,
        trigger_text=an.sentence.text[first_s:last_e], trigger_start=first_s,
        trigger_end=last_e, pattern=p.id, cameo=p.cameo,
        quad_code=patterns.quad(p.cameo, p.type), mode=p.mode, aux_mode=mode,
        context=_contexts(an.tokens, contexts), actor=actor, recipient=recipient,
        location=public_location(location),
        confidence=probability(weights, features(p.kind, tinfo.quad, mode, actor, recipient,
                                                    len(an.tokens))),
        reported_by=reporter)
    date_event(ev, an.sentence.text, pub_date, mode)
    return ev


def _verb(m: Match, an: Analysis, ci: int) -> tuple[str | None, bool]:
    """The aux_mode of the trigger's verb group, and whether it is passive."""
    p = m.pattern
    clause = an.clauses[ci]
    toks = an.tokens
    verbal_end = toks[m.last] not in ("मिलकर", "मिल-जुलकर") and p.kind != "nominal"
    if verbal_end:
        group = verb_group(toks, m.last + 1, clause.end)
    else:
        group = verb_group(toks, max(m.last + 1, clause.end - 4), clause.end) or \
            [t for t in toks[max(m.last + 1, clause.end - 3):clause.end]]
    has_neg = any("नहीं" in w.split() for w in p.raw_words)
    before = toks[:clause.start]
    mode = aux_mode(toks, m.first, m.last, clause.start, clause.end, trigger_has_negator=has_neg,
                    group=group, sentence_tokens_before=before)
    return mode, verbal_end and is_passive(toks[m.last], group)


def _actor(m: Match, an: Analysis, ci: int, res: Resolver, used: set[int], passive: bool,
           tinfo: TypeInfo) -> tuple[list[ActorRef], Arg | None]:
    """The actor from the frame (the agent of a passive verb), else from the fallbacks in
    order; its phrase is then ``used``."""
    p = m.pattern
    clause = an.clauses[ci]
    toks = an.tokens
    actor_roles = (("agent", "subj") if p.type == "MOBILIZE" else ("agent",)) if passive else p.actor
    reached = place_reached(m, an) if p.abroad else None
    if reached is not None:  # the place reached is not who arrived
        used.update(range(*an.mention_span[id(reached)]))
    between = _pair_in(m, an, ci) if p.mutual and not passive else None
    if between is not None:
        # "शिवसेना और भाजपा में समझौता": a pair closed by में before a mutual act is
        # "between" them, as के बीच is
        actor_arg = Arg("ke_beech", between.np_start, between.np_end, between.marker_start,
                        between.marker_end, between.mentions)
        actor = res.refs(actor_arg, an)
        used.update(range(actor_arg.np_start, actor_arg.np_end))
        return actor, actor_arg
    actor, actor_arg = fill(actor_roles, m, an, ci, res, used, as_actor=True)
    if actor_arg is not None and actor_arg.role in ("ke_beech", "subj"):
        # an unmarked subject and "X और Y के बीच": the phrase nearer the predicate
        other = "subj" if actor_arg.role == "ke_beech" else "ke_beech"
        if other in actor_roles:
            alt, alt_arg = fill((other,), m, an, ci, res, used, as_actor=True)
            if alt_arg is not None and alt_arg.np_end > actor_arg.np_end:
                actor, actor_arg = alt, alt_arg
    if not actor and not passive and (toks[m.last].endswith(("कर", "करके")) or (
            m.last + 1 < len(toks) and toks[m.last + 1] in ("कर", "करके")) or (
            toks[m.last].endswith("ते") and toks[m.last + 1:m.last + 2] == ["हुए"])):
        # "फ़ोन पर बात करके मिस्र के राष्ट्रपति ने …", "… का आरोप लगाते हुए पाकिस्तान ने
        # कहा": an adverbial participle's subject is the main clause's, which follows
        later = [a for a in an.args_in(ci) if a.role == "ne" and a.marker_start > m.last]
        if later:
            actor = res.refs(later[0], an)
            actor_arg = later[0] if actor else None
    if not actor and clause.prev is not None and not passive:
        actor, actor_arg = fill(("ne", "subj"), m, an, clause.prev, res, used,
                                as_actor=True, anywhere=True)
    if not actor and not passive and "subj" in actor_roles:
        actor, actor_arg = leading_phrase(m, an, ci, res)
    if not actor and not passive and "subj" in actor_roles and (p.kind != "nominal" or not any(
            is_finite(t) for t in toks[clause.start:clause.end])):
        # (a noun's too in a verbless headline: "राजीव के बचाव में कांग्रेस")
        group = len(verb_group(toks, m.last + 1, clause.end)) if m.form == "full" else 0
        actor, actor_arg = subject_after(m, an, ci, res, used, group)
    if not actor and not passive and "ne" in actor_roles and any(
            a.role == "ne" and a.marker_end <= m.first for a in an.args_in(ci)):
        # "दबंगों ने … पिटाई की": an agent no entity names is still the one who acted
        actor = unnamed_subject(m, an, ci, {"country": None})
    if not actor and m.background and toks[m.last] in INTRANSITIVE:
        actor = modified_noun(m, an, res)  # "यात्रा पर आए मलेशिया के प्रधानमंत्री"
    if not actor and p.kind == "nominal" and p.actor:
        actor = compound(m, an)  # (a frame with no actor role leaves it to the reporter)
    if not actor and clause.reporter is not None and tinfo.quad in (1, 3) \
            and clause.reporter.role != "according":
        actor = reporter_for(an, clause.start)  # "X ने कहा कि … तैयार है"
    if actor_arg is not None:
        used.update(range(actor_arg.np_start, actor_arg.np_end))
    return actor, actor_arg


def _pair_in(m: Match, an: Analysis, ci: int) -> Arg | None:
    """The में phrase right before the trigger, or before the phrase of what the act is
    about (``… में सीटों पर समझौता``), when it joins two or more named parties."""
    args = an.args_in(ci)
    ends = {m.first} | {a.np_start for a in args
                        if a.role in ("par", "ko_lekar") and a.marker_end == m.first}
    for arg in args:
        if arg.role == "me" and arg.marker_end in ends and \
                len([heads for heads in an.conjunct_heads(arg.np_start, arg.np_end) if heads]) >= 2:
            return arg
    return None


def _recipient(m: Match, an: Analysis, ci: int, res: Resolver, used: set[int],
               recip_roles: tuple[str, ...], actor: list[ActorRef], actor_arg: Arg | None,
               symmetric: bool) -> list[ActorRef]:
    """The recipient from the frame, else from the fallbacks in order; none when both
    parties of a symmetric event are named as its actor."""
    p = m.pattern
    pair_named = symmetric and len({ref_key(a) for a in actor} - {None}) >= 2
    if pair_named:
        recipient, recip_arg = [], None  # "X और Y ने बैठक की": the parties are both named
    else:
        recipient, recip_arg = fill(recip_roles, m, an, ci, res, used, as_actor=False)
        if recip_arg is not None and not recipient:
            return []  # the frame names a recipient the text leaves unnamed ("आपको")
    if not recipient:
        recipient = background_agent(m, an, ci, res, actor_arg, recip_arg)
    if not recipient:
        recipient = accused_in_content(m, an, ci, res, used)
    if not any(ref_key(r) for r in recipient) and reciprocal(an, an.clauses[ci]) and actor:
        recipient = [ActorRef(**vars(r)) for r in actor]
    if not recipient:
        recipient = addressee(an, res, actor)
    if p.abroad:
        reached = place_reached(m, an)
        return [ActorRef.from_mention(reached)] if reached else []
    destination = compound(m, an) if p.mode == "visit" else []
    if destination and not any(ref_key(r) for r in recipient):
        recipient = [r for r in destination if ref_key(r) not in {ref_key(a) for a in actor}]
    if recipient and not any(ref_key(r) for r in recipient) and p.type != "PROTEST":
        near = nearest_party(m, an, ci, actor, used)
        if near and not (p.type in DOMESTIC_TYPES and all(
                (r.entity_id or "").startswith("place:") for r in near)):
            recipient = near  # (a town is where victims were, not who they were)
    if not recipient and p.type == "ASSAULT":
        recipient = victims(m, an, ci, res)
    if not recipient and p.type not in ("PROTEST",) and not pair_named:
        recipient = nearest_party(m, an, ci, actor, used)
    if not recipient and p.type in ("ASSAULT", "COERCE") and len(
            {ref_key(a) for a in actor} - {None}) < 2:  # a pair: each side acts on the other
        recipient = plain_party(m, an, ci, recip_roles, used)
    return recipient


def _by_place(m: Match, an: Analysis, ci: int, actor: list[ActorRef], recipient: list[ActorRef],
              location: dict[str, Any] | None, passive: bool, res: Resolver
              ) -> tuple[list[ActorRef], list[ActorRef]]:
    """Police, protesters and troops named without a state act for the country where the
    event happens (in an attack, only a state's own forces and rebels: where an attack
    happens does not say whose the attackers are, but a bare सेना or पुलिस fights in its own
    country, the one the sentence's towns and regions lie in); so do the authorities left
    unnamed by a passive act only a state does (an arrest, a curfew, a deployment); a
    domestic event without a recipient happens to that country."""
    p = m.pattern
    if not actor and p.type in STATE_ACTOR_TYPES and location and location.get("country") \
            and not passive:
        actor = unnamed_subject(m, an, ci, location)
    if not actor and location and location.get("country") and (
            p.type == "PROTEST" or (passive and p.state_agent)):
        # protesters named by no one, and the unnamed authorities of "… को हिरासत में लिया
        # गया": the country where it happens
        actor = [ActorRef(text=location["text"], start=location["start"], end=location["end"],
                          country=location["country"])]
    if p.type != "ASSAULT":
        domestic(actor, location)
    else:
        domestic([a for a in actor if a.sector in OWN_FORCES],
                 location or country_hint(an, res.home, kinds=("place",)))
    if p.type in DOMESTIC_TYPES:
        domestic(recipient, location)
    if not recipient and location and location.get("country") and (
            not location.get("hint") or p.type in ("PROTEST", "COERCE")) and (
            p.type in DOMESTIC_TYPES or (p.mode == "visit")):
        akeys = {ref_key(a) for a in actor}
        if p.type in DOMESTIC_TYPES or location["country"] not in akeys:
            recipient = [ActorRef(text=location["text"], start=location["start"],
                                  end=location["end"], country=location["country"])]
    return actor, recipient


def _by_actor_state(m: Match, an: Analysis, ci: int, actor: list[ActorRef],
                    recipient: list[ActorRef], recip_roles: tuple[str, ...], used: set[int],
                    symmetric: bool) -> list[ActorRef]:
    """A recipient named without a state (``सांसदों को हिरासत में``, ``अपने नागरिकों से``,
    ``राज्यपाल पर``) belongs to the actor's state; an arrest without one is of the actor's own."""
    p = m.pattern
    if p.type == "COERCE" and recipient and not any(ref_key(r) for r in recipient) \
            and actor and actor[0].country:
        domestic(recipient, {"country": actor[0].country})  # "सांसदों को हिरासत में"
    if not recipient and p.type in ("COERCE",) and actor and ref_key(actor[0]):
        recipient = [ActorRef(text=actor[0].text, start=actor[0].start, end=actor[0].end,
                              country=actor[0].country, org=actor[0].org)]
    if recipient and actor and not any(ref_key(r) for r in recipient) and actor[0].country \
            and not symmetric and not any(_other_states(r) for r in recipient) \
            and not (p.type == "ASSAULT" and all(r.sector in OWN_FORCES for r in recipient)):
        # (forces an attack falls on are not the attacker's own: "… फायरिंग में दो जवान शहीद")
        # "राज्यपाल पर", "अपने नागरिकों से": an unnamed institution or people of the
        # actor's own state (but not "पश्चिमी देशों से": other states)
        domestic(recipient, {"country": actor[0].country})
    if not recipient and not symmetric and actor and actor[0].country:
        bare = bare_phrase(m, an, ci, recip_roles, used)
        if bare is not None and not _other_states(bare):
            # "राज्यपाल पर … का आरोप": an unnamed office of the actor's state
            recipient = [bare]
            domestic(recipient, {"country": actor[0].country})
    return recipient


# Words of a phrase that say it is not the actor's own people: other states, or a place
# (``नियंत्रण रेखा पर``, ``सीमा चौकियों पर``: whose it is, the phrase does not say).
OTHER_STATES = frozenset("देश देशों राष्ट्र राष्ट्रों मुल्क मुल्कों सहयोगियों सहयोगी पड़ोसियों "
                         "पड़ोसी पश्चिमी विदेशी अंतरराष्ट्रीय अंतर्राष्ट्रीय".split())


def _other_states(ref: ActorRef) -> bool:
    words = ref.text.split()
    return any(w in OTHER_STATES for w in words) or bool(words and words[-1] in PLACE_NOUNS)


def _parties(refs: list[ActorRef]) -> set[tuple[str, str]]:
    """The distinct parties among refs with a state or body: two of one state (two Indian
    parties) are two parties, where :func:`ref_key` sees one."""
    return {(ref_key(r), r.entity_id or r.text) for r in refs if ref_key(r)}


def _paired(m: Match, actor: list[ActorRef], actor_arg: Arg | None, recipient: list[ActorRef],
            tinfo: TypeInfo, symmetric: bool) -> tuple[list[ActorRef], list[ActorRef]]:
    """The parties of a mutual or symmetric event, or ``X और Y के बीच``, on both sides."""
    if m.pattern.mutual and not tinfo.symmetric and not recipient and (
            len({ref_key(a) for a in actor} - {None}) >= 2 or (
            actor_arg is not None and actor_arg.role == "ke_beech" and len(_parties(actor)) >= 2)):
        recipient = [ActorRef(**vars(r)) for r in actor]  # each party to the other
    elif m.pattern.mutual and not tinfo.symmetric and not actor \
            and len({ref_key(r) for r in recipient} - {None}) >= 2:
        actor = [ActorRef(**vars(r)) for r in recipient]  # "भारत-जापान में करार"
    actor, recipient = arrange(actor, recipient, symmetric and not recipient)
    if not symmetric and actor_arg is not None and actor_arg.role == "ke_beech" \
            and not recipient and len(_parties(actor)) > 1:
        recipient = [ActorRef(**vars(r)) for r in actor]  # "X और Y के बीच युद्धविराम"
    return actor, recipient




def _contexts(tokens: list[str], contexts: Sequence[tuple[str, str]]) -> list[str]:
    """The contexts (``event_contexts.tsv``) whose words begin a token of the sentence."""
    out: list[str] = []
    # a token begins with a word when its first len(word) characters are the word
    lengths = {len(word) for word, _ctx in contexts}
    beginnings = {t[:n] for t in tokens for n in lengths}
    for word, ctx in contexts:
        if ctx not in out and word in beginnings:
            out.append(ctx)
    return out


def split_mutual(ev: Event, tinfo: TypeInfo) -> list[Event]:
    """``कनाडा और भारत ने एक-दूसरे के राजनयिकों को निष्कासित किया``: a mutual material
    act is two events, one each way."""
    akeys = [k for k in dict.fromkeys(ref_key(a) for a in ev.actor) if k]
    rkeys = {ref_key(r) for r in ev.recipient} - {None}
    if tinfo.quad != 4 or len(akeys) != 2 or set(akeys) != rkeys:
        return [ev]
    out = []
    for k in akeys:
        other = [a for a in ev.actor if ref_key(a) != k]
        out.append(Event(**{**vars(ev), "actor": [a for a in ev.actor if ref_key(a) == k],
                            "recipient": [ActorRef(**vars(o)) for o in other]}))
    return out


def threat_content(events: list[Event]) -> list[Event]:
    """After a threat or warning, what the speaker says will or may happen is its content,
    not another event: "धमकी दी कि … शुल्क लगाया जाएगा" is one THREATEN."""
    threat = next((e for e in events if e.event == "THREATEN"), None)
    if threat is None:
        return events
    out = []
    for ev in events:
        if ev is not threat and ev.trigger_start > threat.trigger_start and (
                ev.aux_mode in ("future", "hypothetical", "negation") or
                (ev.event == "THREATEN" and not ev.actor)):
            for r in ev.recipient:
                if ref_key(r) and ref_key(r) not in {ref_key(x) for x in threat.recipient}:
                    threat.recipient.append(r)
            continue
        out.append(ev)
    return out
