"""The ``events`` stage: PLOVER events from the clauses of each sentence.

For every sentence the coder

1. analyses its clauses and postposition arguments (:mod:`ghatna.events.clauses`), with
   pronouns and group phrases marked for coreference (:mod:`ghatna.events.coref`);
2. finds the triggers of the pattern dictionary (:mod:`ghatna.events.patterns`), keeps those the
   sentence presents as events (a bare noun only where it happened, not a participle that
   modifies a noun, not an infinitive governed by another trigger of the clause);
3. fills actor and recipient from the pattern's argument frame, resolves anaphors,
   splits coordinated parties of symmetric types, records the reporter of reported
   speech, the mode and aux_mode (:mod:`ghatna.events.modality`), the context, the location
   (a place named with ``में`` in the clause) and the date (``ghatna.events.dates`` when present).

Sentences about sports or entertainment (``event_filters.txt``) yield nothing.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..model import ActorRef, Article, Event, Mention, Sentence
from ..pipeline import stage
from ..settings import Settings, data_lines
from .clauses import (
    CLAUSE_WORDS,
    CONNECTORS,
    COPULA,
    FINITE,
    GENITIVE,
    HARD_PUNCT,
    Analysis,
    Arg,
    _np_left,
    analyse,
    free_runs,
    tokenize,
)
from .coref import ArticleMemory, find_anaphors, ref_key
from .modality import aux_mode, is_passive, tense_hint, verb_group
from .patterns import Match, PatternSet, load_patterns

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

HAPPENED_BEFORE = frozenset("हुई हुए हुआ हुयी होने वाली वाले".split())
EVENT_FOLLOWERS = (("में",), ("के", "दौरान"), ("के", "बीच"), ("पर",), ("के", "तहत"), ("से",))
PLACE_TYPES = frozenset("place city location loc region province state district town gpe capital".split())
ADDRESSEE_VERBS = frozenset("दिए दिये लिखे भेजे हुई हुए हुआ हुयी".split())
ADDRESSEE_NOUNS = frozenset("संदेश संदेशों पत्र चिट्ठी बातचीत बैठक मुलाकात वार्ता फोन कॉल".split())
# Tokens after a participle showing it is the clause's verb, not a noun modifier.
VERBAL_FOLLOWERS = frozenset(
    "है हैं था थे थी थीं गया गई गए गये गयी जा जाएगा जाएगी जाएंगे जाएँगे जाने जाते रहा रही "
    "रहे चुका चुकी चुके सकता सकती सकते दिया दी दिए लिया ली लिए नहीं भी ही हुए हुई तो "
    "था। हैं। और तथा एवं व".split())
SUBORDINATE_ENDINGS = ("ने", "ना", "नी")
INTRANSITIVE = frozenset("आए आई आये गए गई गये पहुंचे पहुंची पहुँचे लौटे".split())
NOT_PARTICIPLES = frozenset("पूरी पूरे पूरा जारी शुरू लागू भी ही नहीं".split())
PARTICIPLE_ENDINGS = ("ए", "े", "ये", "ई", "ी", "यी")


@dataclass
class CoderConfig:
    default_to_publication_date: bool = True
    min_confidence: float = 0.0


class Coder:
    """Codes the events of an Article; built once, used for many articles."""

    def __init__(self, patterns: PatternSet, filters: list[tuple[str, ...]],
                 contexts: list[tuple[str, str]], config: CoderConfig,
                 resolve_date: Callable[..., Any] | None = None,
                 igo_parents: dict[str, str] | None = None):
        self.patterns = patterns
        self.igo_parents = igo_parents or {}
        self.home: list[tuple[str, str]] = []
        self.filters = filters
        self.contexts = contexts
        self.config = config
        self.resolve_date = resolve_date

    @classmethod
    def from_settings(cls, settings: Settings, patterns_file: str | None = None) -> "Coder":
        cfg = settings.values.get("events", {})
        pfile = patterns_file or cfg.get("patterns_file") or None
        patterns = load_patterns(pfile)
        filters = [tuple(line.split()) for line in data_lines("event_filters.txt",
                                                                cfg.get("filters_file") or None)]
        contexts = []
        for line in data_lines("event_contexts.tsv"):
            word, ctx = line.split("\t")
            contexts.append((word, ctx))
        config = CoderConfig(
            default_to_publication_date=bool(cfg.get("default_to_publication_date", True)),
            min_confidence=float(cfg.get("min_confidence", 0.0)))
        parents = dict(line.split("\t") for line in data_lines("igo_parents.tsv"))
        home = [tuple(line.split("\t")) for line in data_lines("home_institutions.tsv")]
        coder = cls(patterns, filters, contexts, config, _date_resolver(), parents)
        coder.home = sorted(home, key=lambda h: -len(h[0]))
        return coder

    # ------------------------------------------------------------------ article
    def code(self, article: Article) -> list[Event]:
        memory = ArticleMemory()
        events: list[Event] = []
        by_sentence: dict[int, list[Mention]] = {}
        for m in article.mentions:
            by_sentence.setdefault(m.sentence_index, []).append(m)
        for sent in article.sentences:
            if not sent.tokens:
                sent = Sentence(sent.index, sent.part, sent.start, sent.end, sent.text,
                                tokenize(sent.text))
            mentions = [m for m in by_sentence.get(sent.index, []) if m.label != "ANAPHOR"]
            anaphors = find_anaphors(sent.index, sent.text, sent.tokens)
            an = analyse(sent, mentions + anaphors)
            memory.observe_mentions(mentions)
            if not self._filtered(an.tokens):
                events.extend(self._code_sentence(an, article, memory))
            self._observe_sentence(an, memory)
        self._fill_dates(events, article)
        return [e for e in events if e.confidence >= self.config.min_confidence]

    def _filtered(self, tokens: list[str]) -> bool:
        for phrase in self.filters:
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                if tuple(tokens[i:i + n]) == phrase:
                    return True
        return False

    # ------------------------------------------------------------------ sentence
    def _code_sentence(self, an: Analysis, article: Article, memory: ArticleMemory) -> list[Event]:
        for clause in an.clauses:
            if clause.reporter is not None:
                memory.observe_speaker(self._refs_of(clause.reporter, an, memory))
        matches = self.patterns.match(an.tokens, accept=lambda m: self._licensed(m, an))
        matches = self._drop_subordinate(matches, an)
        out: list[Event] = []
        seen: set[tuple] = set()
        for m in matches:
            ev = self._build(m, an, article, memory)
            if ev is None:
                continue
            key = (ev.event, frozenset(ref_key(a) for a in ev.actor + ev.recipient) - {None})
            if key[1] and key in seen:
                continue  # "… से मुलाकात की और … पर चर्चा की": one meeting told twice
            seen.add(key)
            out.extend(self._split_mutual(ev, an))
        return _threat_content(out)

    def _split_mutual(self, ev: Event, an: Analysis) -> list[Event]:
        """``कनाडा और भारत ने एक-दूसरे के राजनयिकों को निष्कासित किया``: a mutual material
        act is two events, one each way."""
        akeys = [k for k in dict.fromkeys(ref_key(a) for a in ev.actor) if k]
        rkeys = {ref_key(r) for r in ev.recipient} - {None}
        if self.patterns.types[ev.event].quad != 4 or len(akeys) != 2 or set(akeys) != rkeys:
            return [ev]
        out = []
        for k in akeys:
            other = [a for a in ev.actor if ref_key(a) != k]
            out.append(Event(**{**vars(ev), "actor": [a for a in ev.actor if ref_key(a) == k],
                                "recipient": [ActorRef(**vars(o)) for o in other]}))
        return out

    def _licensed(self, m: Match, an: Analysis) -> bool:
        toks = an.tokens
        p = m.pattern
        if p.not_after and m.first > 0 and toks[m.first - 1] in p.not_after:
            return False
        if p.needs or p.unless:
            ci = an.clause_of(m.first)
            roles = {a.role for a in an.args_in(ci)}
            if p.needs and not roles & set(p.needs):
                return False
            if p.unless and roles & set(p.unless):
                return False
        if m.pattern.kind == "nominal":
            if an.sentence.part == "title":
                return True
            clause = an.clauses[an.clause_of(m.first)]
            nxt_tok = toks[m.last + 1] if m.last + 1 < len(toks) else None
            if (nxt_tok is None or nxt_tok in (",", ":", "।", ".", "-")) and not any(
                    t in FINITE for t in toks[clause.start:clause.end]):
                return True  # a verbless headline-style clause: "ट्रेन पर आतंकी हमला, …"
            prev = toks[max(0, m.first - 3):m.first]
            if any(t in HAPPENED_BEFORE for t in prev):
                return True
            nxt = tuple(toks[m.last + 1:m.last + 3])
            if p.type == "CONSULT" and any(t in ("शुरू", "संपन्न", "आयोजित", "समाप्त", "चली", "चला", "चले") and not (
                    k + 1 < clause.end and toks[k + 1].endswith("ने"))
                    for k, t in enumerate(toks[:clause.end]) if k > m.last):
                return True  # "शिखर सम्मेलन रविवार को शुरू हुआ"
            return any(nxt[:len(f)] == f for f in EVENT_FOLLOWERS)
        last = toks[m.last]
        j = m.last + 1
        if j + 1 < len(toks) and toks[j] in ("रहे", "रही", "रहा", "चुके", "चुकी", "चुका") and not (
                toks[j + 1] in VERBAL_FOLLOWERS or toks[j + 1] in HARD_PUNCT
                or toks[j + 1] in CLAUSE_WORDS or toks[j + 1] in CONNECTORS or j + 1 in an.marker_tokens):
            return False  # "प्रदर्शन कर रहे सांसदों": a participle modifying a noun
        if m.pattern.kind == "verbal" and len(m.tokens) > 1 and last.endswith(PARTICIPLE_ENDINGS) \
                and not last.endswith(("ने", "ते", "ती")) and last not in NOT_PARTICIPLES:
            j = m.last + 1
            if j < len(toks) and toks[j] in ("गए", "गई", "गये", "गयी"):
                j += 1
            if j < len(toks):
                nxt = toks[j]
                if not (nxt in VERBAL_FOLLOWERS or nxt in HARD_PUNCT or nxt in CLAUSE_WORDS
                        or nxt in CONNECTORS or j in an.marker_tokens):
                    if last in GENITIVE or last not in INTRANSITIVE:
                        return False  # "हमलों की निंदा", "हिरासत में लिए गए पत्रकारों": background
                    # "यात्रा पर आए प्रधानमंत्री": a past event named inside a noun phrase;
                    # coded, with lower confidence (see _build)
                    m.background = True
        return True

    def _drop_subordinate(self, matches: list[Match], an: Analysis) -> list[Match]:
        """An infinitive trigger governed by a later trigger of its clause is not coded
        on its own (``सहयोग बढ़ाने को लेकर सहमति बनी`` is one AGREE)."""
        keep = []
        for k, m in enumerate(matches):
            last = an.tokens[m.last]
            ci = an.clause_of(m.first)
            after = an.tokens[m.last + 1] if m.last + 1 < len(an.tokens) else ""
            infinitive = (last.endswith(SUBORDINATE_ENDINGS) and len(last) > 2) or (
                after.endswith("ने") and len(after) > 2 and after not in ("ने",))
            governed = infinitive and any(
                an.clause_of(o.first) == ci and o.pattern.kind != "nominal"
                for o in matches[k + 1:])
            if not governed:
                keep.append(m)
        return keep

    def _build(self, m: Match, an: Analysis, article: Article, memory: ArticleMemory) -> Event | None:
        pat = self.patterns
        p = m.pattern
        tinfo = pat.types[p.type]
        ci = an.clause_of(m.first)
        clause = an.clauses[ci]
        toks = an.tokens
        # verb group and modality
        verbal_end = toks[m.last] not in ("मिलकर", "मिल-जुलकर") and p.kind != "nominal"
        if verbal_end:
            group = verb_group(toks, m.last + 1, clause.end)
        else:
            group = verb_group(toks, max(m.last + 1, clause.end - 4), clause.end) or \
                [t for t in toks[max(m.last + 1, clause.end - 3):clause.end]]
        has_neg = any("नहीं" in w.split() for w in p.raw_words)
        before = toks[:an.clauses[ci].start]
        mode = aux_mode(toks, m.first, m.last, clause.start, clause.end, trigger_has_negator=has_neg,
                        group=group, sentence_tokens_before=before)
        passive = verbal_end and is_passive(toks[m.last], group)
        actor_roles = (("agent", "subj") if p.type == "MOBILIZE" else ("agent",)) if passive else p.actor
        recip_roles = p.recipient + (("subj",) if passive else ())
        used: set[int] = set()
        actor, actor_arg = self._fill(actor_roles, m, an, ci, memory, used, as_actor=True)
        if actor_arg is not None and actor_arg.role in ("ke_beech", "subj"):
            # an unmarked subject and "X और Y के बीच": the phrase nearer the predicate
            other = "subj" if actor_arg.role == "ke_beech" else "ke_beech"
            if other in actor_roles:
                alt, alt_arg = self._fill((other,), m, an, ci, memory, used, as_actor=True)
                if alt_arg is not None and alt_arg.np_end > actor_arg.np_end:
                    actor, actor_arg = alt, alt_arg
        if not actor and not passive and (toks[m.last].endswith(("कर", "करके")) or (
                m.last + 1 < len(toks) and toks[m.last + 1] in ("कर", "करके"))):
            # "फ़ोन पर बात करके मिस्र के राष्ट्रपति ने …": the subject follows
            later = [a for a in an.args_in(ci) if a.role == "ne" and a.marker_start > m.last]
            if later:
                actor = self._refs_of(later[0], an, memory)
                actor_arg = later[0] if actor else None
        if not actor and clause.prev is not None and not passive:
            actor, actor_arg = self._fill(("ne", "subj"), m, an, clause.prev, memory, used,
                                          as_actor=True, anywhere=True)
        if not actor and not passive and "subj" in actor_roles:
            actor, actor_arg = self._leading_phrase(m, an, ci, memory)
        if not actor and getattr(m, "background", False) and toks[m.last] in INTRANSITIVE:
            actor = self._modified_noun(m, an, memory)  # "यात्रा पर आए मलेशिया के प्रधानमंत्री"
        if not actor and p.kind == "nominal":
            actor = self._compound(m, an)
        destination = self._compound(m, an) if p.mode == "visit" else []
        if not actor and clause.reporter is not None and tinfo.quad in (1, 3) \
                and clause.reporter.role != "according":
            actor = self._reporter_for(an, clause.start)  # "X ने कहा कि … तैयार है"
        if actor_arg is not None:
            used.update(range(actor_arg.np_start, actor_arg.np_end))
        symmetric = tinfo.symmetric or p.mutual
        if symmetric and len({ref_key(a) for a in actor} - {None}) >= 2:
            recipient, recip_arg = [], None  # "X और Y ने बैठक की": the parties are both named
        else:
            recipient, recip_arg = self._fill(recip_roles, m, an, ci, memory, used, as_actor=False)
        if not recipient and actor_arg is not None and actor_arg.role == "ke_beech":
            pass
        if not recipient:
            recipient = self._background_agent(m, an, ci, memory, actor_arg, recip_arg)
        if not any(ref_key(r) for r in recipient) and self._reciprocal(an, clause) and actor:
            recipient = [ActorRef(**vars(r)) for r in actor]
        if not recipient:
            recipient = self._addressee(an, memory, actor)
        if destination and not any(ref_key(r) for r in recipient):
            recipient = [r for r in destination if ref_key(r) not in {ref_key(a) for a in actor}]
        if recipient and not any(ref_key(r) for r in recipient) and p.type != "PROTEST":
            recipient = self._nearest_party(m, an, ci, actor, used) or recipient
        if not recipient and p.type not in ("PROTEST",) and not (
                symmetric and len({ref_key(a) for a in actor} - {None}) >= 2):
            recipient = self._nearest_party(m, an, ci, actor, used)
        location = self._location(an, ci)
        if location is None and p.type in STATE_ACTOR_TYPES:
            location = self._country_hint(an)
        if not actor and p.type in STATE_ACTOR_TYPES and location and location.get("country") \
                and not passive:
            actor = self._unnamed_subject(m, an, ci, location)
        if not actor and p.type == "PROTEST" and location and location.get("country"):
            actor = [ActorRef(text=location["text"], start=location["start"], end=location["end"],
                              country=location["country"])]
        if p.type != "ASSAULT":
            _domestic(actor, location)
        if p.type in DOMESTIC_TYPES:
            _domestic(recipient, location)
        if not recipient and location and location.get("country") and (
                not location.get("hint") or p.type in ("PROTEST", "COERCE")) and (
                p.type in DOMESTIC_TYPES or (p.mode == "visit")):
            akeys = {ref_key(a) for a in actor}
            if p.type in DOMESTIC_TYPES or location["country"] not in akeys:
                recipient = [ActorRef(text=location["text"], start=location["start"],
                                      end=location["end"], country=location["country"])]
        if p.type == "COERCE" and recipient and not any(ref_key(r) for r in recipient) \
                and actor and actor[0].country:
            _domestic(recipient, {"country": actor[0].country})  # "सांसदों को हिरासत में"
        if not recipient and p.type in ("COERCE",) and actor and ref_key(actor[0]):
            recipient = [ActorRef(text=actor[0].text, start=actor[0].start, end=actor[0].end,
                                  country=actor[0].country, org=actor[0].org)]
        if recipient and actor and not any(ref_key(r) for r in recipient) and actor[0].country \
                and not symmetric:
            # "राज्यपाल पर", "अपने नागरिकों से": an unnamed institution or people of the
            # actor's own state
            _domestic(recipient, {"country": actor[0].country})
        if not recipient and not symmetric and actor and actor[0].country:
            bare = self._bare_phrase(m, an, ci, recip_roles, used)
            if bare is not None:  # "राज्यपाल पर … का आरोप": an unnamed office of the actor's state
                recipient = [bare]
                _domestic(recipient, {"country": actor[0].country})
        if p.mutual and not tinfo.symmetric and not recipient \
                and len({ref_key(a) for a in actor} - {None}) >= 2:
            recipient = [ActorRef(**vars(r)) for r in actor]  # each party to the other
        actor, recipient = _arrange(actor, recipient, symmetric and not recipient)
        if not symmetric and actor_arg is not None and actor_arg.role == "ke_beech" \
                and not recipient and len({ref_key(a) for a in actor}) > 1:
            recipient = [ActorRef(**vars(r)) for r in actor]  # "X और Y के बीच युद्धविराम"
        for ref in actor + recipient:
            if ref.org in self.igo_parents:
                ref.org = self.igo_parents[ref.org]
            if not ref.country and not ref.org:
                self._home(ref, an)
        first_s, _ = an.char_span(m.first, m.first + 1)
        _, last_e = an.char_span(m.last, m.last + 1)
        reporter = self._refs_of(clause.reporter, an, memory) if clause.reporter else []
        conf = 0.75 if p.kind != "nominal" else 0.6
        if getattr(m, "background", False):
            conf -= 0.2
        conf += 0.1 if any(a.entity_id for a in actor) else (-0.15 if not actor else 0)
        conf += 0.05 if any(r.entity_id for r in recipient) else 0
        ev = Event(
            event=p.type, sentence_index=an.sentence.index,
            trigger_text=an.sentence.text[first_s:last_e], trigger_start=first_s,
            trigger_end=last_e, pattern=p.id, cameo=p.cameo,
            quad_code=pat.quad(p.cameo, p.type), mode=p.mode, aux_mode=mode,
            context=self._contexts(an.tokens), actor=actor, recipient=recipient,
            location=None if (location or {}).get("hint") else _public_location(location), confidence=max(0.05, min(0.99, conf)),
            reported_by=reporter)
        if self.resolve_date is not None:
            self._date(ev, an, article, mode)
        return ev

    # ------------------------------------------------------------------ arguments
    def _fill(self, roles: tuple[str, ...], m: Match, an: Analysis, ci: int,
              memory: ArticleMemory, used: set[int], *, as_actor: bool,
              anywhere: bool = False) -> tuple[list[ActorRef], Arg | None]:
        clause = an.clauses[ci]
        limit = clause.end if anywhere else m.first
        weak: tuple[list[ActorRef], Arg | None] = ([], None)
        for role in roles:
            for arg in self._args_for(role, m, an, ci, limit):
                if any(t in used for t in range(arg.np_start, arg.np_end)):
                    continue
                if any(m.first <= t <= m.last for t in range(arg.np_start, arg.np_end)):
                    continue
                refs = self._refs_of(arg, an, memory, subject=(role == "subj"))
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
                    refs = self._background_agent(m, an, ci, memory, None, arg)
                    if refs:
                        return refs, arg
        if weak[0]:
            return weak
        return [], None

    def _args_for(self, role: str, m: Match, an: Analysis, ci: int, limit: int) -> list[Arg]:
        clause = an.clauses[ci]
        if role == "subj":
            if any(a.role == "ne" for a in an.args_in(ci)):
                return []  # the ने phrase is the subject, resolved or not
            runs = [_first_phrase(an, r) for r in free_runs(an, ci, limit, ignore=(m.first, m.last))]
            g = self._genitive(m, an, clause.start)
            if g is not None:  # "X की आलोचना": X is the object, not the subject
                runs = [(s, min(e, g.np_start)) for s, e in runs if s < g.np_start]
            return [Arg("subj", s, e, e, e, an.mentions_in(s, e)) for s, e in runs]
        if role == "gen":
            g = self._genitive(m, an, clause.start)
            return [g] if g else []
        args = [a for a in an.args_in(ci) if a.role == role]
        before = sorted([a for a in args if a.marker_end <= m.first], key=lambda a: -a.marker_start)
        after = [a for a in args if a.marker_start > m.last] if limit >= clause.end or \
            m.pattern.kind == "nominal" else []
        return before + after

    def _genitive(self, m: Match, an: Analysis, floor: int) -> Arg | None:
        """``X की आलोचना``: the genitive phrase right before the predicate noun (adjectives
        and an intervening ``Y ने`` phrase allowed: ``अभियान का रूस ने समर्थन किया``)."""
        toks = an.tokens
        j = m.first - 1
        skipped = 0
        while j >= floor and skipped <= 3:
            if toks[j] in GENITIVE:
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

    def _refs_of(self, arg: Arg | None, an: Analysis, memory: ArticleMemory,
                 subject: bool = False) -> list[ActorRef]:
        if arg is None:
            return []
        refs: list[ActorRef] = []
        for gs, ge, group in an.conjuncts(arg.np_start, arg.np_end):
            if not group and ge - gs <= 2:
                # a short name the NER did not mark ("वांग ने", "वांग यी और लावरोव")
                s, e = an.char_span(gs, ge)
                probe = Mention(an.sentence.index, s, e, an.sentence.text[s:e], "PER")
                refs.extend(memory.resolve_name(probe))
            for mention in group:
                if subject and arg.np_start == 0 and mention.entity is not None and \
                        (mention.entity.type or "").lower() in PLACE_TYPES:
                    continue  # a dateline ("मास्को …"), not a capital acting
                if mention.label == "ANAPHOR":
                    reporter = self._reporter_for(an, gs)
                    local = _pair_before(an, gs) if mention.source.endswith("pair") else []
                    if reporter and mention.source.endswith(("pron", "poss_country")):
                        refs.extend(reporter)
                    elif local:
                        refs.extend(local)
                    else:
                        found = memory.resolve(mention)
                        if not found and mention.source.endswith("pron"):
                            found = self._main_subject(an, gs)
                        refs.extend(found)
                elif mention.entity is None:
                    refs.extend(memory.resolve_name(mention) or [ActorRef.from_mention(mention)])
                else:
                    ref = ActorRef.from_mention(mention)
                    if not ref.country and not ref.org:
                        _state_from_conjunct(ref, an, gs, ge)
                    refs.append(ref)
        if not refs:
            # "केंद्र से": a national institution the linker does not know
            text = an.text(arg.np_start, arg.np_end)
            for phrase, country in self.home:
                if text == phrase or text.endswith(" " + phrase):
                    s0, _ = an.char_span(arg.np_start, arg.np_end)
                    start = s0 + len(text) - len(phrase)
                    refs.append(ActorRef(text=phrase, start=start, end=start + len(phrase),
                                         country=country))
                    break
        return _dedupe(refs)

    def _modified_noun(self, m: Match, an: Analysis, memory: ArticleMemory) -> list[ActorRef]:
        """The noun an intransitive participle modifies is who came or went."""
        j = m.last + 1
        if j < len(an.tokens) and an.tokens[j] in ("गए", "गई", "हुए"):
            j += 1
        arg = next((a for a in an.args if a.np_start <= j < a.np_end), None)
        if arg is not None:
            sub = Arg("subj", j, arg.np_end, arg.marker_start, arg.marker_end,
                      an.mentions_in(j, arg.np_end))
            return [r for r in self._refs_of(sub, an, memory) if ref_key(r)]
        for mention in an.mentions:
            if j <= an.mention_span[id(mention)][0] <= j + 2 and mention.entity is not None:
                ref = ActorRef.from_mention(mention)
                return [ref] if ref_key(ref) else []
        return []

    def _main_subject(self, an: Analysis, tok: int) -> list[ActorRef]:
        """``वांग यी भारत आ रहे हैं, जहां वे …``: a pronoun in a later clause of the sentence
        refers to the subject of its first clause."""
        ci = an.clause_of(tok)
        if ci == 0 or an.clauses[ci].kind == "complement":
            return []
        first = an.clauses[0]
        cands = [a for a in an.args_in(0) if a.role == "ne"]
        spans = [(a.np_start, a.np_end) for a in cands] or \
            [_first_phrase(an, r) for r in free_runs(an, 0, first.end)][:1]
        refs = []
        for s, e in spans:
            for group in an.conjunct_heads(s, e):
                for mention in group:
                    if mention.entity is not None and mention.label != "ANAPHOR":
                        refs.append(ActorRef.from_mention(mention))
        return [r for r in refs if ref_key(r)]

    def _reporter_for(self, an: Analysis, tok: int) -> list[ActorRef]:
        """``रूस ने कहा कि वह …``: a pronoun subject of a reported clause is the reporter."""
        clause = an.clauses[an.clause_of(tok)]
        rep = clause.reporter
        if rep is None or rep.role == "according" or not (clause.start <= tok < clause.start + 3):
            return []
        refs = []
        for _, _, group in an.conjuncts(rep.np_start, rep.np_end):
            for mention in group:
                if mention.entity is not None:
                    ref = ActorRef.from_mention(mention)
                    if not ref.country and not ref.org:
                        _state_from_conjunct(ref, an, rep.np_start, rep.np_end)
                    refs.append(ref)
        return refs

    def _background_agent(self, m: Match, an: Analysis, ci: int, memory: ArticleMemory,
                          actor_arg: Arg | None, recip_arg: Arg | None) -> list[ActorRef]:
        """``X की ओर से लगाए गए प्रतिबंधों की आलोचना``: the agent of the criticised act."""
        if m.pattern.type not in ("ACCUSE", "REJECT", "PROTEST", "THREATEN"):
            return []
        for a in sorted(an.args_in(ci), key=lambda a: -a.marker_start):
            if a.role == "agent" and a.marker_end <= m.first and a is not actor_arg:
                refs = self._refs_of(a, an, memory)
                if refs:
                    return refs
        return []

    def _country_hint(self, an: Analysis) -> dict[str, Any] | None:
        """The one state a sentence names (or a national institution of Hindi news such as
        ``राज्यसभा``): where its domestic protests and arrests take place."""
        keys = {}
        for mention in an.mentions:
            ent = mention.entity
            if ent is not None and ent.country and ent.type in ("country", "place"):
                keys.setdefault(ent.country, mention)
        if len(keys) == 1:
            (country, mention), = keys.items()
            return {"text": mention.text, "start": mention.start, "end": mention.end,
                    "name": None, "country": country, "lat": None, "lon": None, "hint": True}
        if not keys:
            for phrase, country in self.home:
                pos = an.sentence.text.find(phrase)
                if pos >= 0:
                    return {"text": phrase, "start": pos, "end": pos + len(phrase), "name": None,
                            "country": country, "lat": None, "lon": None, "hint": True}
        return None

    def _home(self, ref: ActorRef, an: Analysis) -> None:
        """``केंद्र सरकार``, ``सुप्रीम कोर्ट``: a national institution Hindi news names bare."""
        s = max(0, ref.start - 12)
        window = an.sentence.text[s:ref.end]
        for phrase, country in self.home:
            if window.endswith(phrase) or ref.text == phrase or ref.text.startswith(phrase):
                ref.country = country
                if ref.sector:
                    ref.code = country + ref.sector
                return

    def _unnamed_subject(self, m: Match, an: Analysis, ci: int, location: dict[str, Any]
                         ) -> list[ActorRef]:
        """``हजारों कर्मचारियों ने जंतर-मंतर पर प्रदर्शन किया``: people named by no entity act
        for the country where the sentence places them."""
        ne = [a for a in an.args_in(ci) if a.role == "ne" and a.marker_end <= m.first]
        if ne:
            s, e = ne[-1].np_start, ne[-1].np_end
        else:
            runs = [r for r in free_runs(an, ci, m.first, ignore=(m.first, m.last))
                    if any(self._letters(an.tokens[k]) for k in range(*r))]
            if not runs:
                return []
            s, e = runs[0]
        if any(an.tokens[k] in ("उन्होंने", "वे", "वह", "उसने") for k in range(s, e)):
            return []
        cs, ce = an.char_span(s, e)
        return [ActorRef(text=an.sentence.text[cs:ce], start=cs, end=ce,
                         country=location["country"])]

    @staticmethod
    def _letters(tok: str) -> bool:
        return any(ch.isalpha() for ch in tok) and tok not in HARD_PUNCT

    def _bare_phrase(self, m: Match, an: Analysis, ci: int, roles: tuple[str, ...],
                     used: set[int]) -> ActorRef | None:
        """The frame's phrase when no entity is named in it (short phrases only)."""
        for role in roles:
            if role in ("subj",):
                continue
            for arg in self._args_for(role, m, an, ci, m.first):
                if arg.mentions or arg.np_end - arg.np_start > 3 or \
                        any(t in used for t in range(arg.np_start, arg.np_end)):
                    continue
                if any(an.tokens[k] in ("उन्हें", "उसे", "इसे", "इस", "उस", "यह", "वह", "वे")
                       for k in range(arg.np_start, arg.np_end)):
                    continue
                s0, e0 = an.char_span(arg.np_start, arg.np_end)
                return ActorRef(text=an.sentence.text[s0:e0], start=s0, end=e0)
        return None

    def _leading_phrase(self, m: Match, an: Analysis, ci: int, memory: ArticleMemory
                        ) -> tuple[list[ActorRef], Arg | None]:
        """An unmarked subject swallowed by the first phrase of the clause
        (``अमेरिका और भारत की जांच एजेंसियां … नेटवर्क पर मिलकर काम कर रही हैं``)."""
        clause = an.clauses[ci]
        if any(a.role == "ne" for a in an.args_in(ci)):
            return [], None
        # a name opening the clause and not followed by a genitive is its subject:
        # "फ़्रांस राफ़ेल विमानों के सौदे में … का इच्छुक है"
        for mention in an.mentions:
            ms, me = an.mention_span[id(mention)]
            if clause.start <= ms <= clause.start + 1 and me < m.first and mention.entity \
                    and mention.label != "NORP" \
                    and mention.entity.type in ("country", "person", "igo", "party", "armed_group") \
                    and an.tokens[me] not in GENITIVE and me not in an.marker_tokens:
                ref = ActorRef.from_mention(mention)
                if ref_key(ref):
                    return [ref], Arg("subj", ms, me, me, me, [mention])
        first = min((a for a in an.args_in(ci) if a.marker_end <= m.first),
                    key=lambda a: a.np_start, default=None)
        if first is None or first.role in ("me", "time", "according") or any(
                an.mentions_in(clause.start, first.np_start)):
            return [], None
        heads = an.conjuncts(first.np_start, first.np_end)
        if len(heads) < 2:
            return [], None
        sub = Arg("subj", first.np_start, heads[-1][0], first.marker_start, first.marker_end,
                  [])
        refs = self._refs_of(sub, an, memory, subject=True)
        last = heads[-1][2]
        if last and last[0].entity is not None:
            refs = _dedupe(refs + [ActorRef.from_mention(last[0])])
        return refs, (sub if refs else None)

    def _compound(self, m: Match, an: Analysis) -> list[ActorRef]:
        """Parties named inside a nominal predicate's own phrase: ``ब्रिक्स शिखर सम्मेलन``,
        ``मोदी-ट्रंप मुलाकात``."""
        refs = []
        j = m.first - 1
        while j >= 0 and m.first - j <= 4:
            hit = [mm for mm in an.mentions if an.mention_span[id(mm)][1] == j + 1
                   and mm.entity is not None]
            if hit:
                refs.insert(0, ActorRef.from_mention(hit[0]))
                j = an.mention_span[id(hit[0])][0] - 1
                continue
            if an.tokens[j] in ("-", "और", ","):
                j -= 1
                continue
            break
        return refs

    def _nearest_party(self, m: Match, an: Analysis, ci: int, actor: list[ActorRef],
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
                if not key or key in akeys:
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

    def _reciprocal(self, an: Analysis, clause) -> bool:
        toks = an.tokens[clause.start:clause.end]
        text = " ".join(toks)
        return "एक - दूसरे" in text or "एक दूसरे" in text or "एक-दूसरे" in text or "परस्पर" in toks

    def _addressee(self, an: Analysis, memory: ArticleMemory, actor: list[ActorRef]) -> list[ActorRef]:
        """``X को दिए संदेश में`` / ``X के साथ हुई बातचीत में``: X is addressed by the sentence."""
        toks = an.tokens
        akeys = {ref_key(a) for a in actor}
        for a in an.args:
            if a.role not in ("ko", "ke_saath", "se"):
                continue
            j = a.marker_end
            if j + 1 < len(toks) and toks[j] in ADDRESSEE_VERBS and toks[j + 1] in ADDRESSEE_NOUNS:
                refs = [r for r in self._refs_of(a, an, memory) if ref_key(r) not in akeys]
                if refs:
                    return refs
        return []

    # ------------------------------------------------------------------ attributes
    def _contexts(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        for word, ctx in self.contexts:
            if ctx not in out and any(t.startswith(word) for t in tokens):
                out.append(ctx)
        return out

    def _location(self, an: Analysis, ci: int) -> dict[str, Any] | None:
        best = None
        for pool in (an.args_in(ci), an.args):
            for a in pool:
                if a.role not in ("me", "par"):
                    continue
                for group in an.conjunct_heads(a.np_start, a.np_end):
                    for mention in group:
                        ent = mention.entity
                        is_place = (ent is not None and (ent.type or "").lower() in PLACE_TYPES) \
                            or mention.label in ("LOC", "GPE", "LOCATION", "PLACE")
                        is_country = ent is not None and (ent.type or "").lower() == "country"
                        if not (is_place or is_country) or (a.role == "par" and is_country):
                            continue
                        rank = 2 if is_place and not is_country else 1
                        if best is None or rank > best[0]:
                            best = (rank, mention)
            if best:
                break
        if best is None:
            return None
        mention = best[1]
        ent = mention.entity
        return {"text": mention.text, "start": mention.start, "end": mention.end,
                "name": ent.name if ent else None,
                "country": ent.country if ent else None,
                "lat": getattr(ent, "lat", None) if ent else None,
                "lon": getattr(ent, "lon", None) if ent else None}

    def _date(self, ev: Event, an: Analysis, article: Article, mode: str | None) -> None:
        try:
            res = self.resolve_date(an.sentence.text, article.date, tense_hint(mode))
        except Exception:  # a date we cannot read must not lose the event
            log.debug("date resolution failed on %r", an.sentence.text, exc_info=True)
            res = None
        if res is not None:
            ev.date, ev.date_precision, ev.date_text = res.date, res.precision, res.text

    def _fill_dates(self, events: list[Event], article: Article) -> None:
        """An undated event takes the date of the same event named elsewhere in the
        article (same type and place, or same type and parties); otherwise, if set, the
        publication date for events reported as having just happened."""
        dated = [e for e in events if e.date]
        for ev in events:
            if ev.date:
                continue
            keys = {ref_key(r) for r in ev.actor + ev.recipient} - {None}
            place = (ev.location or {}).get("name")
            same = [o for o in dated if o.event == ev.event and place
                    and (o.location or {}).get("name") == place]
            same += [o for o in dated if o.event == ev.event and keys
                     and keys == {ref_key(r) for r in o.actor + o.recipient} - {None}]
            if same:
                other = same[0]
                ev.date, ev.date_precision, ev.date_text = other.date, other.date_precision, other.date_text
            if not ev.date and self.config.default_to_publication_date and article.date \
                    and _ISO_DATE.match(article.date) and ev.aux_mode in (None, "negation"):
                ev.date, ev.date_precision, ev.date_text = article.date[:10], "day", None

    # ------------------------------------------------------------------ memory
    def _observe_sentence(self, an: Analysis, memory: ArticleMemory) -> None:
        for a in an.args:
            refs = [ActorRef.from_mention(m) for g in an.conjunct_heads(a.np_start, a.np_end)
                    for m in g if m.entity is not None]
            memory.observe_group(refs)
            if a.role == "ne" and refs:
                memory.observe_actor(refs)
                memory.observe_speaker([r for r in refs])
        for ci in range(len(an.clauses)):
            for s, e in free_runs(an, ci, an.clauses[ci].end):
                refs = [ActorRef.from_mention(m) for g in an.conjunct_heads(s, e)
                        for m in g if m.entity is not None]
                memory.observe_group(refs)


DOMESTIC_TYPES = frozenset(["COERCE", "PROTEST", "ASSAULT", "MOBILIZE"])
# Types whose unnamed actors (police, protesters, troops) act for the place's country;
# unnamed attackers ("अज्ञात हमलावरों") are left without one.
STATE_ACTOR_TYPES = frozenset(["COERCE", "PROTEST", "MOBILIZE"])


def _domestic(actor: list[ActorRef], location: dict[str, Any] | None) -> None:
    """An actor named without a state (``पुलिस``, ``प्रदर्शनकारियों``) acts for the country
    where the sentence places the event."""
    if not location or not location.get("country"):
        return
    for a in actor:
        if not a.country and not a.org:
            a.country = location["country"]
            if a.sector:
                a.code = location["country"] + a.sector


def _threat_content(events: list[Event]) -> list[Event]:
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


def _first_phrase(an: Analysis, run: tuple[int, int]) -> tuple[int, int]:
    """The first noun phrase of an unmarked run: ``ब्लिंकन | अगले हफ्ते इस्राइल का दौरा``."""
    from .clauses import NAME_HEADS, NP_BREAKERS

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


def _pair_before(an: Analysis, tok: int) -> list[ActorRef]:
    """``चीन ने भारत के साथ … और कहा कि दोनों देश …``: the two states named before in the sentence."""
    refs: list[ActorRef] = []
    for mention in an.mentions:
        if an.mention_span[id(mention)][1] > tok or mention.entity is None:
            continue
        ref = ActorRef.from_mention(mention)
        if ref_key(ref) and ref_key(ref) not in {ref_key(r) for r in refs}:
            refs.append(ref)
    return refs if len(refs) == 2 else []


def _state_from_conjunct(ref: ActorRef, an: Analysis, gs: int, ge: int) -> None:
    """``श्रीलंका के नवनिर्वाचित राष्ट्रपति``: a title's state named in its own phrase."""
    for other in reversed(an.mentions_in(gs, ge)):
        ent = other.entity
        if ent is not None and (ent.country or ent.org) and other.label != "ANAPHOR":
            ref.country, ref.org = ent.country, ent.org
            if ref.sector and ent.country:
                ref.code = ent.country + ref.sector
            return


def _public_location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {k: loc[k] for k in ("text", "name", "country", "lat", "lon")}


def _has_participle(an: Analysis, arg: Arg) -> bool:
    toks = an.tokens[arg.np_start:arg.np_end]
    return any(t in ("गए", "गई", "गये", "गयी") or (t.endswith(("ाए", "ाये")) and k + 1 < len(toks))
               for k, t in enumerate(toks))


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for r in refs:
        k = (r.entity_id or r.text, r.country, r.org)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _arrange(actor: list[ActorRef], recipient: list[ActorRef], symmetric: bool
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


def _date_resolver() -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module("ghatna.events.dates")
    except ImportError:
        return None
    return getattr(mod, "resolve_date", None)


@stage("events", requires=("sentences", "mentions"), assigns=("events",), hindi_only=True)
def make(settings: Settings) -> Callable[[Article], Article]:
    coder = Coder.from_settings(settings)

    def run(article: Article) -> Article:
        article.events = coder.code(article)
        return article

    return run
