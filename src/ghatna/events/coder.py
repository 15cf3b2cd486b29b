"""The ``events`` stage: PLOVER events from the clauses of each sentence.

:class:`Coder` walks through an article sentence by sentence, keeping what the article has
named so far (:class:`~ghatna.events.coref.ArticleMemory`). For every sentence it

1. analyses its clauses and postposition arguments (:mod:`ghatna.events.clauses`), with
   pronouns and group phrases marked for coreference (:mod:`ghatna.events.coref`);
2. skips it if it is about sports or entertainment (``event_filters.txt``), else keeps the
   triggers of the pattern dictionary the sentence presents as events
   (:mod:`ghatna.events.triggers`);
3. builds an event from each trigger (:mod:`ghatna.events.build`): its mode and aux_mode,
   actor and recipient (:mod:`ghatna.events.roles`, resolved by
   :mod:`ghatna.events.resolve`), place and date (:mod:`ghatna.events.where_when`),
   reporter, context and confidence; an event told twice counts once, a mutual act is two
   and what a threat says will happen is part of the threat; what cannot be right is
   dropped (:mod:`ghatna.events.checks`);
4. tells the memory what the sentence named.

Undated events then take a date from the rest of the article or its publication date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article, Event, Mention, Sentence
from ..pipeline import stage
from ..settings import Settings, data_lines, home_institutions
from .build import build_event, split_mutual, threat_content
from .checks import STATE_FORCES, abroad, checked, tolls, unplaced, verbal_attacks
from .clauses import Analysis, analyse, tokenize
from .confidence import load_weights
from .coref import ArticleMemory, find_anaphors, ref_key, with_anaphors
from .demands import as_request, mark_demands
from .patterns import PatternSet, load_patterns
from .resolve import Resolver, domestic, observe_sentence
from .triggers import off_topic, triggers
from .where_when import fill_dates


@dataclass
class CoderConfig:
    default_to_publication_date: bool = True
    min_confidence: float = 0.0
    home_country: str = ""


@dataclass(frozen=True)
class Coder:
    """Codes the events of an Article; built once, used for many articles (nothing of one
    article is kept for the next)."""

    patterns: PatternSet
    filters: dict[str, list[tuple[str, ...]]]  # event_filters.txt: sports and entertainment
                                               # phrases, by their first word
    contexts: list[tuple[str, str]]  # event_contexts.tsv: word beginning → context
    config: CoderConfig
    igo_parents: dict[str, str]      # igo_parents.tsv: IGO → the body it belongs to
    home: list[tuple[str, str]]      # home_institutions.tsv: phrase → state, longest first
    confidence: dict[str, float]     # confidence.tsv: the weights of the event confidence
    branches: dict[tuple[str, str], tuple[str, ...]]  # group_branches.tsv: (entity, state of
                                     # the event) → the entity there (id, name, country, sector, code)

    @classmethod
    def from_settings(cls, settings: Settings, patterns_file: str | None = None) -> Coder:
        cfg = settings.values.get("events", {})
        patterns = load_patterns(patterns_file or cfg.get("patterns_file") or None)
        filters: dict[str, list[tuple[str, ...]]] = {}
        for line in data_lines("event_filters.txt", cfg.get("filters_file") or None):
            phrase = tuple(line.split())
            filters.setdefault(phrase[0], []).append(phrase)
        contexts = []
        for line in data_lines("event_contexts.tsv"):
            word, ctx = line.split("\t")
            contexts.append((word, ctx))
        config = CoderConfig(
            default_to_publication_date=bool(cfg.get("default_to_publication_date", True)),
            min_confidence=float(cfg.get("min_confidence", 0.0)),
            home_country=str(cfg.get("home_country", "") or ""))
        parents = dict(line.split("\t") for line in data_lines("igo_parents.tsv"))
        branches = {(row[0], row[1]): tuple(row[2:]) for row in
                    (line.split("\t") for line in data_lines("group_branches.tsv"))}
        return cls(patterns, filters, contexts, config, parents,
                   home_institutions(), load_weights(), branches)

    def code(self, article: Article) -> list[Event]:
        memory = ArticleMemory()
        resolver = Resolver(memory, self.home)
        by_sentence: dict[int, list[Mention]] = {}
        for m in article.mentions:
            by_sentence.setdefault(m.sentence_index, []).append(m)
        events: list[Event] = []
        for sent in article.sentences:
            if not sent.tokens:
                sent = Sentence(sent.index, sent.part, sent.start, sent.end, sent.text,
                                tokenize(sent.text))
            # news agencies are the source of a report, never a party to its events
            named = [m for m in by_sentence.get(sent.index, []) if m.label != "ANAPHOR"]
            media = [m for m in named if m.entity and m.entity.type == "media"]
            mentions = [m for m in named if not (m.entity and m.entity.type == "media")]
            anaphors = find_anaphors(sent.index, sent.text, sent.tokens)
            an = analyse(sent, with_anaphors(mentions, anaphors), media)
            memory.observe_mentions(mentions)
            coded = [] if off_topic(an.tokens, self.filters) else \
                self._code_sentence(an, article.date, resolver)
            events.extend(coded)
            memory.observe_sides([e.actor + e.recipient for e in coded])
            memory.observe_addressee(sent.index, resolver.addressees(an, 0, len(an.tokens)))
            observe_sentence(an, memory)
        if self.config.home_country:
            at_home(events, article.mentions, self.config.home_country)
            forces_at_home(events, self.config.home_country)
        local_branches(events, self.branches)
        fill_dates(events, article.date, self.config.default_to_publication_date)
        return [e for e in events if e.confidence >= self.config.min_confidence]

    def _code_sentence(self, an: Analysis, pub_date: str | None, resolver: Resolver
                       ) -> list[Event]:
        for clause in an.clauses:
            if clause.reporter is not None:
                resolver.memory.observe_speaker(resolver.refs(clause.reporter, an))
        events: list[Event] = []
        seen: set[tuple] = set()
        for m in mark_demands(triggers(an, self.patterns), an, self.patterns):
            ev = build_event(m, an, pub_date, resolver, self.patterns, self.contexts,
                             self.igo_parents, self.confidence)
            if unplaced(ev, an, an.clause_of(m.first)) or (
                    "actor" in m.pattern.needs and not ev.actor) or (
                    "recipient" in m.pattern.needs and not any(ref_key(r) for r in ev.recipient)) or (
                    m.pattern.abroad and not abroad(ev)):
                continue
            if m.demand:
                ev = as_request(ev, m, an, resolver, self.patterns, self.confidence)
            key = (ev.event, frozenset(ref_key(a) for a in ev.actor + ev.recipient) - {None})
            if key[1] and key in seen:
                continue  # "… से मुलाकात की और … पर चर्चा की": one meeting told twice
            seen.add(key)
            events.extend(split_mutual(ev, self.patterns.types[ev.event]))
        verbal_attacks(events, an.tokens, ("111", self.patterns.quad("111", "ACCUSE")),
                       self.patterns.verbal_attack_ids)
        return checked(threat_content(tolls(events, self.patterns.toll_ids)))


@stage("events", requires=("sentences", "mentions"), assigns=("events",), hindi_only=True)
def make(settings: Settings) -> Callable[[Article], Article]:
    coder = Coder.from_settings(settings)

    def run(article: Article) -> Article:
        article.events = coder.code(article)
        return article

    return run


def at_home(events: list[Event], mentions: list[Mention], home: str) -> None:
    """Parties named without a state (पुलिस, ग्रामीणों, पीड़ित परिवार) in an article that names
    no state but ``home`` — no foreign state, no place, person or body abroad — act for the
    home country of the press that reports them: Indian Hindi news tells of India unless it
    says otherwise."""
    named = [m.entity for m in mentions if m.entity is not None]
    states = {ent.country for ent in named if ent.country}
    states |= {r.country for e in events for r in e.actor + e.recipient if r.country}
    international = any(ent.org and not ent.country for ent in named) or any(
        r.org and not r.country for e in events for r in e.actor + e.recipient)
    if states - {home} or international:
        return
    for ev in events:
        domestic(ev.actor + ev.recipient, {"country": home})


def local_branches(events: list[Event], branches: dict[tuple[str, str], tuple[str, ...]]) -> None:
    """A movement whose name stands for groups of several states acts, in an event placed in
    one of the others, as that state's group: the Taliban of a Swat valley battle are the
    Pakistani Taliban, the Maoists of Kathmandu Nepal's."""
    for ev in events:
        where = (ev.location or {}).get("country")
        if not where:
            continue
        for ref in ev.actor + ev.recipient:
            branch = branches.get((ref.entity_id or "", where))
            if branch:
                ref.entity_id, ref.name, ref.country, ref.sector, ref.code = branch
                ref.org = None


def forces_at_home(events: list[Event], home: str) -> None:
    """Soldiers or police named without a state (जवान, सुरक्षाबल) whom another state's
    attack falls on are ``home``'s: the press of a country tells of its own forces so
    (``पाकिस्तान की ओर से फायरिंग में एक जवान शहीद``)."""
    for ev in events:
        if ev.event == "ASSAULT" and any(a.country and a.country != home for a in ev.actor):
            forces = [r for r in ev.recipient if not r.country and not r.org
                      and r.sector in STATE_FORCES]
            domestic(forces, {"country": home})
