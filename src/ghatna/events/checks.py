"""Checks on finished events: what cannot be right is dropped or mended before it is stored.

* A single actor named again as the recipient (the same words, or the same entity) of a
  verbal event is the actor only: nobody criticises, meets or helps themselves. Mutual
  events name each party on both sides, and domestic ones (an arrest, a protest) the
  actor's own people, so those keep their copies.
* Verbal cooperation — a meeting, help, support, a request, an agreement — is done by
  someone: with no party the knowledge base places (a state, an organisation, a person)
  and no agent in the clause (``X ने``), the words are ordinary language (``मदद करेंगे``,
  ``बातचीत को तीन बिंदुओं में``, ``किसानों को ऋण देने का लक्ष्य``), not a political event.
  An unplaced agent still counts (``ग्रामीणों ने … गुहार लगाई``, ``उन्होंने … अपील की``),
  but not the pronouns of everyday talk (``उसने … फ़ोन किया``, ``तुमने … मदद की``) outside
  someone's reported speech.
  Conflictual events keep an unnamed side: a bomb blast is news whoever set it off.
* Deaths reported beside an attack the sentence names are that attack's toll, not a second
  event.
* A politician's or a party's "attack" on another or on a government (``उद्धव ठाकरे का
  भाजपा पर हमला``, ``… ने मोदी सरकार पर हमला किया``) is the verbal attack of Hindi
  political news: an ACCUSE, unless the sentence speaks of violence (a shot, a bomb, the
  wounded or the dead).
"""

from __future__ import annotations

from ..model import ActorRef, Event
from .clauses import Analysis

NEEDS_A_PARTY = frozenset(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                           "REQUEST"])


def known(ref: ActorRef) -> bool:
    """A party the knowledge base places: a state, an organisation, a person, a party, a
    generic agent of a named state (भारतीय सेना) — not a bare generic agent (सरकार,
    किसानों) nor a place, which say who or where only in context."""
    if ref.org:
        return True
    if not ref.entity_id or ref.entity_id.startswith("place:"):
        return False
    return not ref.entity_id.startswith("agent:") or bool(ref.country)


def unplaced(ev: Event, an: Analysis, clause: int) -> bool:
    """A cooperative event with no placed party and no agent phrase in its clause."""
    if ev.event not in NEEDS_A_PARTY or any(known(r) for r in ev.actor + ev.recipient):
        return False
    reported = an.clauses[clause].reporter is not None  # "मैंने" of a quoted speaker
    return not any(a.role in ("ne", "agent") and (a.mentions or not _thing(an, a))
                   and (reported or not _private(an, a)) for a in an.args_in(clause))


# Pronouns of everyday talk, not of news about public actors (whose subjects are उन्होंने;
# a first person is most often a speaker quoted, so it is not among them)
PRIVATE_PRONOUNS = frozenset("उसने इसने तुमने तूने".split())


def _private(an: Analysis, arg) -> bool:
    return all(an.tokens[k] in PRIVATE_PRONOUNS or an.tokens[k] == "ने"
               for k in range(arg.np_start, max(arg.np_end, arg.marker_end)))


# Nouns for programmes, documents and abstractions: "इस योजना ने … मदद की" is a
# description, not someone acting.
THINGS = frozenset(
    "योजना योजनाओं कार्यक्रम कार्यक्रमों मिशन अभियान नीति नीतियों पहल परियोजना परियोजनाओं "
    "कानून कानूनों विधेयक अधिनियम रिपोर्ट अध्ययन सर्वेक्षण प्रणाली व्यवस्था तकनीक "
    "प्रौद्योगिकी संस्थान पोर्टल ऐप मंच फंड कोष निधि सुविधा सुविधाओं अनुवाद पुस्तक किताब "
    "फिल्म लोकप्रियता".split())


def _thing(an: Analysis, arg) -> bool:
    return an.tokens[arg.np_end - 1] in THINGS


KEEP_COPIES = frozenset(["COERCE", "PROTEST", "ASSAULT", "MOBILIZE", "CONSULT", "COOPERATE"])


def checked(events: list[Event]) -> list[Event]:
    """The events with a party named on both sides mended."""
    out = []
    for ev in events:
        if ev.event not in KEEP_COPIES and len(ev.actor) == 1:
            ev.recipient = [r for r in ev.recipient if not _same(r, ev.actor[0])]
        out.append(ev)
    return out


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.start < b.end and b.start < a.end and a.text == b.text:
        return True  # the same words of the sentence
    return bool(a.entity_id) and a.entity_id == b.entity_id


POLITICAL = ("per:", "party:", "agent:OPP:opposition")
VIOLENCE = frozenset("गोली गोलियां गोलियों बम धमाका धमाके विस्फोट घायल जख्मी ज़ख्मी मौत मारे मारा "
                     "हत्या जानलेवा हथियार हथियारों चाकू लाठी लाठियों डंडों पत्थर पत्थरों तलवार "
                     "हमलावर हमलावरों शहीद".split())


def verbal_attacks(events: list[Event], tokens: list[str], accuse: tuple[str, int],
                   attack_patterns: frozenset[str]) -> None:
    """An attack (of ``attack_patterns``, the ``verbal_attack`` ones) by politicians or
    parties on each other or on a government, with no violence in the sentence, becomes an
    ACCUSE (``accuse``: its CAMEO code and quad class)."""
    if VIOLENCE & set(tokens):
        return
    for ev in events:
        if ev.pattern in attack_patterns and ev.actor and ev.recipient and all(
                _political(r) for r in ev.actor) and all(
                _political(r) or r.sector == "GOV" for r in ev.recipient):
            ev.event, ev.mode = "ACCUSE", None
            ev.cameo, ev.quad_code = accuse


def tolls(events: list[Event], toll_patterns: frozenset[str]) -> list[Event]:
    """The events less deaths reported beside an attack the same sentence names. Deaths
    with no attack named (``पांच नक्सली मारे गए``, the ``toll`` patterns) are an event; with
    one (``मुठभेड़ में दो आतंकी मारे गए``), the attack is, and the dead are its toll."""
    if not any(e.event == "ASSAULT" and e.pattern not in toll_patterns for e in events):
        return events
    return [e for e in events if e.pattern not in toll_patterns]


# sectors of a state's forces, and with its rebels those it calls its own
STATE_FORCES = frozenset(["MIL", "COP", "SPY"])
OWN_FORCES = STATE_FORCES | {"REB", "INS"}


def abroad(ev: Event) -> bool:
    """A visit told only as arriving: by people or office-holders of a known state (not a
    state's name alone, as in a sports team's "दक्षिण अफ्रीकी टीम", nor an armed force:
    troops arriving are a deployment), to a place in another state."""
    states = {a.country for a in ev.actor if a.country}
    reached = {r.country for r in ev.recipient if r.country}
    return bool(states and reached) and not states & reached and all(
        (a.entity_id or "").startswith(("per:", "agent:")) and a.sector not in OWN_FORCES
        for a in ev.actor)


def _political(ref: ActorRef) -> bool:
    """A politician, a party, or the opposition named generically (विपक्ष; not protesters,
    whose attack may be a mob's)."""
    return (ref.entity_id or "").startswith(POLITICAL)
