"""Demands in reported speech: what a speaker says someone should do is the speaker's REQUEST.

Hindi puts a demand in the verb's mood: the subjunctive (``दोषियों पर कार्रवाई करे पाकिस्तान``,
``माफी मांगें``, ``प्रतिबंध लगाया जाए``) or an infinitive with चाहिए (``इस्तीफा देना
चाहिए``). Said by someone, in a headline signed by its speaker (``…: विदेश मंत्री``) or in
the words after ``X ने कहा कि`` or ``X बोले-``, it is a REQUEST (CAMEO 10, demand) by the
speaker of whoever is to act, whatever the act: ``पाकिस्तान पर प्रतिबंध लगाए अमेरिका:
मंत्री`` is the minister's demand of the United States, not an American sanction.

:func:`mark_demands` finds those clauses, marks the matches of the demanded act and adds the
directive pattern's match where no pattern names the act; :func:`as_request` turns the event
built from a marked match into the speaker's request, the act's would-be actor becoming its
recipient.

Not demands: a subjunctive told by the writer (advice to the reader, ``लड़कियों को पढ़ाएं``);
one in a condition, purpose or relative clause (``ताकि वे मदद करें``); a question (``क्या
इस्तीफा दें मंत्री?``); one whose subject is the speaker's side (``हम मिलकर काम करें``, an
exhortation); ``करना चाहिए था`` (should have done), which is criticism; and a court's
``कहा कि … ज़मानत दी जाए``, which is its order, not a request.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import ActorRef, Event
from .clauses import CLAIM_PUNCT, GENITIVE, HARD_PUNCT, Analysis, Clause, is_finite
from .confidence import features, probability
from .patterns import POSTPOSITIONS, Match, PatternSet, fold
from .resolve import Resolver
from .triggers import PAST, SUBJUNCTIVE_PASSIVE

OBLIGATION = frozenset(["चाहिए", "चाहिये"])  # after an infinitive: what should be done
PARTICLES = frozenset("भी ही तो न ना नहीं मत".split())
# a first-person subject: the speaker exhorts their own side (हम, and the dative subject of
# चाहिए: हमें … करना चाहिए), or an invitation (आइए … करें)
OWN_SIDE = frozenset("हम मैं हमें मुझे आइए आइये आओ".split())
MAX_SUBJECT_AFTER = 5  # words of an inverted headline's subject after its verb (करे पाकिस्तान)


def mark_demands(matches: list[Match], an: Analysis, patterns: PatternSet) -> list[Match]:
    """``matches`` with those of demanded acts marked ``demand``, and a match of the
    directive pattern for each demand no match names, in sentence order."""
    if patterns.directive is None or "?" in an.tokens:
        return matches
    out = list(matches)
    for ci in range(len(an.clauses)):
        predicate = demand_predicate(an, ci, patterns)
        if predicate is None:
            continue
        first, last = predicate
        demanded = [m for m in matches if an.clause_of(m.first) == ci and _names_act(m, an, first, last)]
        for m in demanded:
            m.demand = True
        if not demanded:
            out.append(Match(patterns.directive, list(range(first, last + 1)), demand=True))
    return sorted(out, key=lambda m: (m.first, m.last))


def demand_predicate(an: Analysis, ci: int, patterns: PatternSet) -> tuple[int, int] | None:
    """The first and last token of the predicate of clause ``ci`` when it is someone's
    reported demand: its verb a subjunctive or an infinitive with चाहिए, at the clause's
    end or before an inverted headline's subject (``कार्रवाई करे पाकिस्तान``)."""
    c = an.clauses[ci]
    if c.reporter is None or c.reporter.role == "according" or \
            c.kind in ("relative", "condition", "consequent"):
        return None
    if any(m.entity is not None and m.entity.sector == "JUD" for m in c.reporter.mentions):
        return None  # a court's "let bail be granted" is its order: the act itself
    toks = [fold(t) for t in an.tokens]
    if any(t in OWN_SIDE for t in toks[c.start:c.end]):
        return None
    end = c.end
    while end > c.start and (toks[end - 1] in HARD_PUNCT or toks[end - 1] in CLAIM_PUNCT
                             or toks[end - 1] in PARTICLES):
        end -= 1
    for k in range(end - 1, max(c.start, end - 1 - MAX_SUBJECT_AFTER) - 1, -1):
        tok = toks[k]
        if k > c.start and tok in SUBJUNCTIVE_PASSIVE and toks[k - 1] in patterns.finite:
            first = k - 1  # "प्रतिबंध लगाया जाए": what should be done, its doer unnamed
        elif k > c.start and tok in OBLIGATION and toks[k - 1] in patterns.infinitives:
            if toks[k + 1:k + 2] and toks[k + 1] in PAST:
                return None  # "करना चाहिए था": what should have been done
            first = k - 1
        elif tok in patterns.subjunctives and _verb_not_noun(an, ci, toks, k, patterns):
            first = k - 1 if k > c.start and _content_word(toks[k - 1]) else k
        else:
            if tok in POSTPOSITIONS and tok not in GENITIVE or is_finite(tok) \
                    or tok in patterns.finite or tok in HARD_PUNCT:
                return None  # a marked phrase or a verb: no inverted subject after the verb
            continue
        if any((is_finite(t) or t in patterns.finite) and t not in GENITIVE
               and j not in an.marker_tokens for j, t in enumerate(toks[c.start:first], c.start)):
            return None  # the clause has its verb before: the form is not its predicate
        return first, k
    return None


def _verb_not_noun(an: Analysis, ci: int, toks: list[str], k: int, patterns: PatternSet) -> bool:
    """A subjunctive spelling is the verb: not a plural noun after a genitive (``किसानों की
    मांगें``), and, spelt as a perfective too (``सौंपे``, ``लगाए``), not after a ने phrase
    (``उसने शिविर बनाए``)."""
    if k > an.clauses[ci].start and toks[k - 1] in GENITIVE:
        return False
    return toks[k] not in patterns.finite or not any(
        a.role == "ne" and a.marker_start < k for a in an.args_in(ci))


def _content_word(tok: str) -> bool:
    return tok[:1].isalpha() and tok not in POSTPOSITIONS and tok not in PARTICLES


def _names_act(m: Match, an: Analysis, first: int, last: int) -> bool:
    """Match ``m`` is the demanded act: it holds the predicate's words, is the object right
    after its verb (``करें मदद``), or its verb group runs into them."""
    if any(first <= t <= last + 1 for t in m.tokens):
        return True
    return m.last < first and all(an.tokens[t] in PARTICLES for t in range(m.last + 1, first))


def as_request(ev: Event, m: Match, an: Analysis, res: Resolver, patterns: PatternSet,
               weights: dict[str, float]) -> Event:
    """The event built from the demanded act's match ``m`` as the speaker's REQUEST of the
    act's actor (none when the act has only the speaker, the reporter fallback)."""
    directive = patterns.directive
    clause = an.clauses[an.clause_of(m.first)]
    speaker = res.refs(clause.reporter, an) if clause.reporter is not None else []
    said_by = {r.entity_id or r.text for r in speaker}
    asked = [r for r in ev.actor if (r.entity_id or r.text) not in said_by] or \
        _obliged(m, an, res) or _addressed(clause, an, res)
    quad = patterns.quad(directive.cameo, directive.type)
    return replace(
        ev, event=directive.type, pattern=directive.id, cameo=directive.cameo, quad_code=quad,
        mode=directive.mode, aux_mode=None, actor=speaker, recipient=asked, reported_by=[],
        confidence=probability(weights, features("verbal", quad, None, speaker, asked,
                                                 len(an.tokens))))


def _obliged(m: Match, an: Analysis, res: Resolver) -> list[ActorRef]:
    """Who should act when the demand is an infinitive with चाहिए: its subject stands in the
    dative (``केजरीवाल को इस्तीफा देना चाहिए``)."""
    if not any(t in OBLIGATION for t in an.tokens[m.last:m.last + 3]):
        return []
    ci = an.clause_of(m.first)
    dative = [a for a in an.args_in(ci) if a.role == "ko" and a.marker_end <= m.first]
    return res.refs(dative[-1], an) if dative else []


def _addressed(clause: Clause, an: Analysis, res: Resolver) -> list[ActorRef]:
    """Whom the speaker told it (``X ने Y से कहा- …``): the से or को phrase of the reporting
    clause, when the demand names nobody to act."""
    reporter = clause.reporter
    if reporter is None or reporter.np_start >= clause.start:
        return []
    ri = an.clause_of(reporter.np_start)
    told = [a for a in an.args_in(ri) if a.role in ("se", "ko") and a.marker_start > reporter.np_end
            and a.marker_end <= clause.start]
    return res.refs(told[0], an) if told else []
