"""The ``link`` stage: find actors in each sentence and link them to the knowledge base.

For every sentence the linker

1. matches known spellings of entries (normalised, over the sentence's word tokens,
   longest first; an oblique or plural ending on the last word is tried off too);
2. matches generic agents (सरकार, सेना, विदेश मंत्री …) and joins them with a state
   named just before ("चीन के विदेश मंत्री" → CHNGOV, "रूसी सेना" → RUSMIL);
3. tries unseen spellings of the remaining words by phonetic key + rapidfuzz;
4. links mentions an NER stage left without an entity, keeping one mention where a
   knowledge-base span overlaps an NER span.

After all sentences, short forms of people named in full ("लावरोव", "वांग") are linked
to the same person anywhere in the article. Among several candidates the one whose
dated role covers the article date, whose state is named in the article, and whose
prior is higher wins.

The span finders (steps 1–3) are in :mod:`ghatna.actors.spans`; this module chooses
among their candidates and turns spans into mentions.
"""

from __future__ import annotations

import importlib.util
import logging
import math
from importlib import resources
from pathlib import Path
from typing import Callable

from ..model import Article, Entity, Mention, Sentence
from ..pipeline import stage
from ..settings import Settings, home_institutions
from ..text.inflect import verb_forms
from .evidence import (
    CENTRE,
    CURRENCIES,
    ELECTION_WORDS,
    LOCATIVES,
    PARTY_CUES,
    POSSESSIVES,
    WordEvidence,
    compatible,
    inside_any,
    ner_person_spans,
)
from .kb import SOUTH_ASIA, Candidate, KnowledgeBase
from .kb_cache import open_knowledge_base
from .spans import Agent, Span, SpanFinder
from .translit import normalise
from .words import WORD, Word, simple_sentences, words_of

log = logging.getLogger(__name__)

POSTPOSITIONS = {"के", "की", "का"}
LABELS = {"country": "GPE", "igo": "ORG", "person": "PER", "organisation": "ORG",
          "party": "ORG", "armed_group": "ORG", "place": "LOC", "agent": "ORG", "media": "ORG"}
STATE_TYPES = {"country"}
# a place in an admin-1 region the article names gains REGION_BONUS; a place ten times
# smaller than its largest namesake loses SIZE_WEIGHT (a state named adds 0.1)
REGION_BONUS = 0.3
SIZE_WEIGHT = 0.1
# a town whose namesakes are all this many times smaller names its region by itself
DOMINANT_SIZE = 10
# words after a town that say it is one ("गया जिले में", "कोटा शहर")
PLACE_NOUNS = {"जिले", "जिला", "जिलों", "शहर", "जनपद", "कस्बे", "कस्बा", "मंडल"}
# words for a district, division or province that its knowledge-base forms carry ("कन्नौज
# जिला", "जनपद कन्नौज", "कुमाऊं मंडल", "कुनार प्रांत"): the mention is the name without them
ADMIN_NOUNS = {"जिला", "जिले", "जनपद", "मंडल", "संभाग", "प्रमंडल", "डिवीजन", "प्रांत", "प्रान्त"}
# a verb form is never followed by a postposition: "गया में" is the town, "किया गया" the verb
PLACE_POSTPOSITIONS = {"में", "से"}
# the verbs whose forms are most often written alone, as auxiliaries and light verbs
COMMON_VERBS = ("जाना", "होना", "करना", "आना", "देना", "लेना", "रहना", "सकना", "पाना", "लगना")


def _read_lines(name: str) -> list[str]:
    text = resources.files("ghatna").joinpath("data/kb/lexicon").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _spacy_hindi_stop_words() -> set[str]:
    """spaCy's Hindi stop words (spaCy is a dependency), read from their own module
    without importing spaCy itself, which would take most of ``ghatna link``'s start-up."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.origin:  # pragma: no cover - spaCy is a dependency
        return set()
    path = Path(spec.origin).parent / "lang" / "hi" / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location("_ghatna_spacy_hi_stop_words", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


class Linker(SpanFinder):
    """Everything the stage needs, built once: the knowledge base and its matchers."""

    def __init__(self, kb: KnowledgeBase, fuzzy: bool = True, min_fuzzy_chars: int = 5,
                 single_threshold: float = 88.0, multi_threshold: float = 80.0):
        self.kb = kb
        self._name_cache: dict[str, bool] = {}
        self._fuzzy_cache: dict[tuple, list[Candidate]] = {}
        self._lookup_cache: dict[str, tuple[list[tuple[str, str]], str]] = {}
        self.segment: Callable[[Article], Article] | None = None
        self.fuzzy_enabled = fuzzy
        self.min_fuzzy_chars = min_fuzzy_chars
        self.single_threshold = single_threshold
        self.multi_threshold = multi_threshold
        self.index = kb.index
        self.joined = kb._joined
        self.joined_prefixes = {form[:n] for form in self.joined for n in range(1, len(form) + 1)}
        self.first_max = kb._first_max
        self.agents: dict[str, Agent] = {}
        self.agent_first_max: dict[str, int] = {}
        rows = _read_lines("agents.tsv")
        for row in rows[1:]:
            hi, name, sector, label = row.split("\t")
            agent = Agent(name, sector, label)
            for form in hi.split("|"):
                norm = " ".join(normalise(w) for w in WORD.findall(form))
                self.agents[norm] = agent
                parts = norm.split(" ")
                self.agent_first_max[parts[0]] = max(self.agent_first_max.get(parts[0], 0),
                                                     len(parts))
        # national institutions Hindi news names bare (सुप्रीम कोर्ट): the state they act for
        self.home = {" ".join(normalise(w) for w in WORD.findall(phrase)): country
                     for phrase, country in home_institutions()}
        self.stopwords = {normalise(w) for w in _read_lines("stopwords.txt")}
        self.first_words = kb._first_words
        self.surnames = kb._surnames
        self.verb_forms = frozenset(normalise(f) for v in COMMON_VERBS for f in verb_forms(v))
        self.stopwords |= {normalise(w) for w in _spacy_hindi_stop_words()}
        self.ambiguous = set(kb.ambiguous)
        self.evidence = WordEvidence.load()

    # --- choosing -----------------------------------------------------------------
    def _choose(self, cands: list[Candidate], date: str | None, states: set[str],
                local: set[str] | None = None,
                regions: frozenset[str] = frozenset()) -> Candidate | None:
        """The likeliest candidate. Places of one name are told apart by the article's
        words, then by size: one in an admin-1 region the article names (its state, or
        a town of that state) gains most, one in a state it names less, and each is
        marked down by how many times smaller it is than the largest town of the same name
        (GeoNames population)."""
        best, best_score = None, -1.0
        largest: dict[str, int] = {}  # the largest town of each name among the candidates
        for c in cands:
            if c.entry.type == "place":
                largest[c.entry.name] = max(largest.get(c.entry.name, 0), c.entry.population or 0)
        for cand in cands:
            entry = cand.entry
            score = cand.score * (0.5 + 0.5 * min(entry.prior, 1.5))
            if entry.type == "country":
                score += 0.05
            if entry.roles and date:
                if any(r.active(date) for r in entry.roles):
                    score += 0.2
                elif all(r.start and r.start > date for r in entry.roles):
                    score -= 0.3
            country = entry.entity(date).country
            if country and country in states:
                score += 0.1
            if local and entry.id in local:
                score += 0.3
            if entry.type == "place":
                if entry.admin1 and entry.admin1 in regions:
                    score += REGION_BONUS
                biggest = largest.get(entry.name, 0)
                if entry.population and biggest > entry.population:  # a smaller namesake
                    score -= SIZE_WEIGHT * math.log10(biggest / entry.population)
            # ties go to the first candidate: exact hits come in file order, sound-alikes
            # by score then id (KnowledgeBase.fuzzy), never in set order
            if score > best_score:
                best, best_score = cand, score
        return best

    # --- the article ------------------------------------------------------------------
    def link_article(self, article: Article) -> Article:
        date = article.date
        per_sentence: list[tuple[Sentence, list[Word], list[Span]]] = []
        breaks_of: dict[int, set[int]] = {}
        states: set[str] = set()
        for sent in article.sentences:
            words, breaks = words_of(sent.text, sent.tokens or None)
            breaks_of[id(sent)] = breaks
            spans = self._exact_spans(words, breaks)
            taken = {k for s in spans for k in range(s.i, s.j)}
            agents = self._agent_spans(words, breaks, taken)
            taken |= {k for s in agents for k in range(s.i, s.j)}
            if self.fuzzy_enabled:
                self._extend_people(spans, words, breaks, sent.text)
                taken |= {k for s in spans for k in range(s.i, s.j)}
                fuzzy = self._fuzzy_spans(words, breaks, spans, taken, sent.text)
                covered = {k for s in fuzzy for k in range(s.i, s.j)}
                spans = [s for s in spans if s.i not in covered] + fuzzy
            spans += agents
            spans.sort(key=lambda s: s.i)
            for span in spans:
                for cand in span.candidates:
                    if cand.entry.type == "country" and cand.score >= 1.0:
                        states.add(cand.entry.id)
            per_sentence.append((sent, words, spans))
        regions = self._regions(per_sentence)

        people: dict[str, str] = {}  # normalised short form -> entry id
        article_words = {w.norm for _, words, _ in per_sentence for w in words}
        for sent, words, spans in per_sentence:
            for span in spans:
                if span.kind == "agent":
                    continue
                self._prefer_media(span, words)
                self._prefer_topic(span, article_words)
                span.chosen = self._choose(span.candidates, date, states,
                                           regions=self._named_elsewhere(regions, span))
                if span.chosen is not None and span.chosen.entry.type == "person" and \
                        self.evidence.named_after([w.norm for w in words[span.j:span.j + 5]]):
                    span.chosen = None  # "राजीव गांधी पंचायत सशक्तीकरण अभियान": named after him
                if span.kind == "adj" and span.j < len(words) and words[span.j].norm in CURRENCIES:
                    span.chosen = None  # "अमेरिकी डॉलर": a currency, not the state
                if span.chosen is not None and span.chosen.entry.type == "organisation" \
                        and span.chosen.entry.entity(date).sector == "LEG" \
                        and span.j < len(words) and words[span.j].norm in ELECTION_WORDS:
                    span.chosen = None  # "लोकसभा चुनाव": an election, not the house
                ent = span.chosen.entry if span.chosen else None
                if ent is not None and ent.type == "person" and span.j - span.i >= 2:
                    for w in (words[span.i], words[span.j - 1]):
                        if w.norm not in self.stopwords and len(w.norm) >= 2:
                            people.setdefault(w.norm, ent.id)
        self._drop_unsupported(per_sentence, ner_person_spans(article.mentions), breaks_of)
        self._drop_weak_towns(per_sentence, regions)
        self._address_districts(per_sentence, regions)
        # within-article short forms
        for sent, words, spans in per_sentence:
            taken = {k for s in spans for k in range(s.i, s.j)}
            added = []
            for k, w in enumerate(words):
                if k in taken:
                    continue
                ident = people.get(w.norm)
                if ident:
                    cand = Candidate(self.kb.entries[ident], 0.9, "short", "short", w.norm)
                    added.append(Span(k, k + 1, [cand], "short", chosen=cand, method="short"))
            if added:
                spans.extend(added)
                spans.sort(key=lambda s: s.i)
        # a well-known person's surname alone (जिनपिंग ने कहा), when only one has it
        for sent, words, spans in per_sentence:
            taken = {k for s in spans for k in range(s.i, s.j)}
            added = []
            for k, w in enumerate(words):
                if k in taken or w.norm in self.stopwords or w.norm in self.ambiguous:
                    continue
                if k > 0 and k - 1 not in taken and k not in breaks_of[id(sent)] \
                        and words[k - 1].norm not in self.stopwords:
                    continue  # perhaps the first name of someone else with that surname
                ident = self.surnames.get(w.norm)
                if ident:
                    cand = Candidate(self.kb.entries[ident], 0.85, "surname", "short", w.norm)
                    added.append(Span(k, k + 1, [cand], "short", chosen=cand, method="surname"))
            if added:
                spans.extend(added)
                spans.sort(key=lambda s: s.i)
        mentions: list[Mention] = []
        for sent, words, spans in per_sentence:
            mentions.extend(self._mentions(sent, words, spans, date, breaks_of[id(sent)], states))
        article.mentions = self._merge_ner(article, mentions, states,
                                           self._named_elsewhere(regions, None))
        return article

    @staticmethod
    def _regions(per_sentence: list[tuple[Sentence, list[Word], list[Span]]]
                 ) -> dict[str, set[int]]:
        """The admin-1 regions the article names, each with the spans (by ``id``) that
        name it: places that leave no doubt (every candidate in one region: a state, or a
        town of one name, or a town ten times larger than any namesake: रायपुर), and the
        states of state agencies (राजस्थान सरकार). An ordinary word that may name a town
        (गया) names nothing."""
        found: dict[str, set[int]] = {}
        for _, _, spans in per_sentence:
            for span in spans:
                where: set[str | None] = set()
                if span.kind == "agent":
                    if span.state is not None and span.state.type == "place":
                        where = {span.state.admin1}
                elif not span.weak and span.candidates:
                    where = {c.entry.admin1 if c.entry.type == "place" else None
                             for c in span.candidates}
                    if len(where) > 1 and None not in where:
                        sizes = sorted((c.entry.population or 0, c.entry.admin1)
                                       for c in span.candidates)
                        dominant = sizes[-1][0] >= DOMINANT_SIZE * max(sizes[-2][0], 1)
                        where = {sizes[-1][1]} if dominant else set()
                if len(where) == 1 and None not in where:
                    found.setdefault(where.pop(), set()).add(id(span))
        return found

    @staticmethod
    def _named_elsewhere(regions: dict[str, set[int]], span: Span | None) -> frozenset[str]:
        """The regions other spans than ``span`` name (a town is no evidence for itself)."""
        return frozenset(r for r, spans in regions.items() if spans - {id(span)})

    def _drop_weak_towns(self, per_sentence: list[tuple[Sentence, list[Word], list[Span]]],
                         regions: dict[str, set[int]]) -> None:
        """An ordinary word that also names a town (कोटा, सूरत) stays the town only with
        place evidence: its region named elsewhere in the article (राजस्थान के कोटा में) or
        a word for a town after it (कोटा शहर). A word that is also a verb form (गया) needs
        a postposition or a word for a town after it (गया में, गया जिले: a verb takes
        neither), as a state named nearby may well be followed by the verb."""
        for _, words, spans in per_sentence:
            for span in spans:
                if not span.weak or span.chosen is None:
                    continue
                after = words[span.j].norm if span.j < len(words) else ""
                if after in PLACE_NOUNS:
                    continue
                if words[span.i].norm in self.verb_forms:
                    if after in PLACE_POSTPOSITIONS:
                        continue
                elif span.chosen.entry.admin1 in self._named_elsewhere(regions, span):
                    continue
                span.chosen = None

    def _address_districts(self, per_sentence: list[tuple[Sentence, list[Word], list[Span]]],
                           regions: dict[str, set[int]]) -> None:
        """The district of a place's address, linked to the district of that name in that
        state (districts_india.tsv), where there is one, whether or not it was linked to a
        town:

        * in an address of three or more parts that ends in a state, the part before the
          state, as Indian addresses run (गांव, तहसील, जिला, राज्य: "लोकपुर छिबरामऊ,
          कन्नौज, उत्तर प्रदेश");
        * a place's qualifier in brackets (a village's district: "बेली (औरंगाबाद)"), when
          the article names the district's state elsewhere (``regions``, by the spans that
          name each)."""
        for sent, words, spans in per_sentence:
            def between(k: int, mark: str) -> bool:  # ``mark`` right before word k
                return 0 < k < len(words) and mark in sent.text[words[k - 1].end:words[k].start]

            found: list[tuple[int, int, frozenset[str]]] = []  # words, the states allowed
            for state in [s for s in spans if s.chosen is not None and s.kind == "name"]:
                region = state.chosen.entry
                if region.type != "place" or region.population is not None \
                        or region.admin1 is None or not between(state.i, ","):
                    continue
                start = next((k for k in range(state.i - 1, max(state.i - 4, 0), -1)
                              if between(k, ",")), None)
                if start is not None:  # else no part before the district: "पटना, बिहार"
                    found.append((start, state.i, frozenset([region.admin1])))
            for k in range(1, len(words)):
                if between(k, "(") and k + 1 < len(words):
                    end = next((e for e in range(k + 1, min(k + 4, len(words)))
                                if ")" in sent.text[words[e - 1].end:words[e].start]), None)
                    if end is None:
                        continue
                    inside = {id(s) for s in spans if k <= s.i < end}
                    named = frozenset(r for r, ids in regions.items() if ids - inside)
                    if named:
                        found.append((k, end, named))
            for start, end, states in found:
                hits, form = self._lookup([w.norm for w in words[start:end]] + ["जिला"])
                districts = [self.kb.entries[e] for e, kind in hits if kind == "name"]
                if not districts and self.fuzzy_enabled:  # an unseen spelling (बलिया, बल्लिया)
                    form = sent.text[words[start].start:words[end - 1].end] + " जिला"
                    districts = [c.entry for c in self._fuzzy(form, ("place",),
                                                              threshold=self.multi_threshold)]
                districts = [d for d in districts if d.admin1 in states
                             and d.population is None]
                if not districts:
                    continue
                cand = Candidate(districts[0], 1.0, "exact", "name", form)
                spans[:] = [s for s in spans if s.j <= start or s.i >= end]
                spans.append(Span(start, end, [cand], "name", chosen=cand))
                spans.sort(key=lambda s: s.i)

    @staticmethod
    def _prefer_media(span: Span, words: list[Word]) -> None:
        """An acronym that spells a news agency and something else (पीटीआई) is the agency,
        the source of a report, unless a party word follows it (पीटीआई के नेता)."""
        media = sum(c.entry.type == "media" for c in span.candidates)
        if not media or media == len(span.candidates):
            return
        after = [w.norm for w in words[span.j:span.j + 2]] + ["", ""]
        party = after[0] in PARTY_CUES or (after[0] in POSSESSIVES and after[1] in PARTY_CUES)
        span.candidates = [c for c in span.candidates if (c.entry.type == "media") != party]

    def _prefer_topic(self, span: Span, article_words: set[str]) -> None:
        """Of entries sharing a spelling, one meant only on its own topic (the cricket
        council's आईसीसी) is the one meant when the article's words touch that topic, and
        no candidate when they do not (lexicon/topic_words.tsv)."""
        if len(span.candidates) < 2:
            return
        topic = [self.evidence.on_topic(c.entry.id, article_words) for c in span.candidates]
        if True in topic:
            span.candidates = [c for c, t in zip(span.candidates, topic) if t]
        elif False in topic and None in topic:
            span.candidates = [c for c, t in zip(span.candidates, topic) if t is None]

    def _inside_a_name(self, span: Span, words: list[Word], spans: list[Span],
                       breaks: set[int]) -> bool:
        """Whether a one-word place or state comes right before another word of people's
        names, free or linked to a person ("पेरिस माइकल जैक्सन"). (After a given name
        the data cannot tell "जॉन होम्स" from "अशोक कुमार दिल्ली पहुंचे"; that is left to
        the NER stage's PER spans.)"""
        after = span.j
        if span.kind == "adj" or span.j - span.i != 1 or after >= len(words) or after in breaks:
            return False
        if any(s.i <= after < s.j for s in spans if s.chosen is not None
               and s.chosen.entry.type == "person"):
            return True
        word = words[after].norm
        return not any(s.i <= after < s.j for s in spans) and word not in self.stopwords \
            and self.evidence.is_name_word(word) and not self.evidence.is_common(word)

    def _drop_unsupported(self, per_sentence: list[tuple[Sentence, list[Word], list[Span]]],
                          persons: dict[int, list[tuple[int, int]]],
                          breaks_of: dict[int, set[int]]) -> None:
        """Unlink places and states that a person's name only looks like.

        Nothing inside a PER span of the NER stage is a place, a state or a state's
        agent. A lone word of people's names (मिश्रा, हसन) stays a place or state only
        with support: a locative or the state's office after it ("मिस्र में", "मिस्र के
        राष्ट्रपति"), the same entry linked elsewhere in the article by other words, or
        a place or state beyond South Asia in the same sentence ("मिश्र ने रफ़ाह ...");
        never right after a given name (राजेश मिश्रा). Any lone place or state word
        right before another word of people's names is part of that name (पेरिस माइकल
        जैक्सन).
        """
        supported: set[str] = set()
        abroad: set[int] = set()  # sentences naming a place or state beyond South Asia
        doubtful: list[tuple[Span, list[Word], list[Span], int]] = []
        for sent, words, spans in per_sentence:
            here = persons.get(sent.index, [])
            if here:
                spans[:] = [s for s in spans if s.kind != "agent" or not inside_any(
                    words[s.i].start, words[s.j - 1].end, here, whole=True)]
            for span in spans:
                if span.chosen is None or span.chosen.entry.type not in ("country", "place"):
                    continue
                if inside_any(words[span.i].start, words[span.j - 1].end, here) \
                        or self._inside_a_name(span, words, spans, breaks_of[id(sent)]):
                    span.chosen = None
                elif span.kind != "adj" and span.j - span.i == 1 \
                        and self.evidence.is_name_word(words[span.i].norm):
                    doubtful.append((span, words, spans, sent.index))
                else:
                    supported.add(span.chosen.entry.id)
                    if span.chosen.entry.entity().country not in SOUTH_ASIA | {None}:
                        abroad.add(sent.index)
        for span, words, spans, index in doubtful:
            before = words[span.i - 1].norm if span.i else ""
            if self.evidence.is_name_word(before) and not any(s.j == span.i for s in spans):
                span.chosen = None  # the surname of a name (राजेश मिश्रा)
                continue
            if span.chosen.entry.id in supported or index in abroad:
                continue
            after = [w.norm for w in words[span.j:span.j + 1]]
            agent_at = {s.i for s in spans if s.kind == "agent"}
            if after and (after[0] in LOCATIVES or span.j in agent_at
                          or (after[0] in POSSESSIVES and span.j + 1 in agent_at)):
                continue
            span.chosen = None

    def _mentions(self, sent: Sentence, words: list[Word], spans: list[Span],
                  date: str | None, breaks: set[int], states: set[str]) -> list[Mention]:
        out: list[tuple[Span, Mention]] = []
        by_end = {s.j: s for s in spans if s.kind != "agent" and s.chosen}
        absorbed: set[int] = set()
        for span in spans:
            if span.kind == "agent":
                state_span = None
                prev = by_end.get(span.i)
                if prev is not None and span.i not in breaks \
                        and prev.chosen.entry.type in ("country", "place"):
                    state_span = prev  # "रूसी सेना", "भारत सरकार", "दिल्ली पुलिस"
                elif span.i >= 1 and words[span.i - 1].norm in POSTPOSITIONS \
                        and not {span.i - 1, span.i} & breaks:
                    prev = by_end.get(span.i - 1)
                    if prev is not None and prev.chosen.entry.type in ("country", "place"):
                        state_span = prev  # "चीन के विदेश मंत्री"
                leader = None
                if state_span is None and prev is not None and span.i not in breaks \
                        and prev.chosen.entry.type == "person" \
                        and span.agent.name in ("government", "administration"):
                    leader = prev  # "मोदी सरकार", "बाइडन प्रशासन"
                start_i = span.i
                country = None
                where = None
                if leader is not None:
                    country = leader.chosen.entry.entity(date).country
                    where = leader.chosen.entry.name
                    start_i = leader.i
                    absorbed.add(id(leader))
                before_person = any(s.i == span.j and s.kind != "agent" and s.chosen
                                    and s.chosen.entry.type == "person" for s in spans)
                if state_span is not None:
                    country = state_span.chosen.entry.entity(date).country
                    if state_span.chosen.entry.type == "place" and state_span.kind != "adj":
                        where = state_span.chosen.entry.name  # "Haryana police"
                    if not before_person:  # else the person carries the role, the state stays
                        start_i = state_span.i
                        absorbed.add(id(state_span))
                if country is None and span.i >= 1 and span.i - 1 not in breaks \
                        and words[span.i - 1].norm in CENTRE and span.agent.sector in ("GOV", "LEG"):
                    country, start_i = "IND", span.i - 1  # "केंद्र सरकार", "केंद्रीय मंत्री"
                if country is None and leader is None and span.agent.sector in ("JUD", "LEG"):
                    # a court or a house named bare acts for the home state of its phrase
                    # when the article names no other state ("सुप्रीम कोर्ट"; not
                    # "पाकिस्तान में सुप्रीम कोर्ट ने …")
                    bare = self.home.get(" ".join(w.norm for w in words[span.i:span.j]))
                    if bare and not states - {bare}:
                        country = bare
                if span.agent.name == "monarch" and state_span is None and not before_person:
                    continue  # a king is named with his realm or his name (कांस्टेबल सुल्तान)
                entity = self._agent_entity(span.agent, country, where)
                m = Mention(sent.index, words[start_i].start, words[span.j - 1].end,
                            sent.text[words[start_i].start:words[span.j - 1].end],
                            span.agent.label, entity, "kb", 0.9 if country else 0.6)
                out.append((span, m))
                continue
            if not span.chosen:
                continue
            entry = span.chosen.entry
            label = "NORP" if span.kind == "adj" else LABELS.get(entry.type, "ORG")
            i, j = span.i, span.j
            if entry.type == "place" and j - i >= 2:
                if words[j - 1].norm in ADMIN_NOUNS:
                    j -= 1
                elif words[i].norm in ADMIN_NOUNS:
                    i += 1
            m = Mention(sent.index, words[i].start, words[j - 1].end,
                        sent.text[words[i].start:words[j - 1].end], label,
                        entry.entity(date), "kb", round(min(span.chosen.score, 1.0), 3))
            out.append((span, m))
        result = []
        for k, (span, m) in enumerate(out):
            if id(span) in absorbed:
                continue
            # an agent title right before a named person: the person carries the role
            if span.kind == "agent" and k + 1 < len(out):
                nxt_span, nxt = out[k + 1]
                if nxt_span.kind != "agent" and nxt.entity and nxt.entity.type == "person" \
                        and nxt_span.i == span.j:
                    continue
            result.append(m)
        return result

    def _agent_entity(self, agent: Agent, country: str | None, where: str | None = None) -> Entity:
        prefix = country or ""
        cname = self.kb.entries[country].name if country and country in self.kb.entries else None
        name = f"{where or cname} {agent.name}" if (where or cname) else agent.name
        return Entity(id=f"agent:{prefix}{agent.sector}:{agent.name.replace(' ', '_')}",
                      name=name, type="agent", country=country, sector=agent.sector,
                      code=(country or "") + agent.sector, role=agent.name)

    def _ner_candidates(self, text: str) -> list[Candidate]:
        """Entries an NER span's words may name: known spellings (an oblique ending
        tried off), else sound-alikes of a type the NER label allows (a lone common
        word, none)."""
        cands = self.kb.exact(text)
        words, _ = words_of(text)
        if cands or not words:
            return cands
        hits, _ = self._lookup([w.norm for w in words])
        if hits:
            return [Candidate(self.kb.entries[e], 1.0, "exact", k) for e, k in hits]
        if not self.fuzzy_enabled or (len(words) == 1 and self.evidence.is_common(words[0].norm)):
            return []
        # the NER label is evidence too: one word needs the closeness asked of several words
        # found without it (मिश्रा is not मिश्र); several, the knowledge base's own
        return self._fuzzy(text, threshold=self.multi_threshold if len(words) == 1 else None)

    def _merge_ner(self, article: Article, kb_mentions: list[Mention],
                   states: set[str], regions: frozenset[str]) -> list[Mention]:
        ner = [m for m in article.mentions if m.source != "kb"]
        by_sentence: dict[int, list[Mention]] = {}
        for k in kb_mentions:
            by_sentence.setdefault(k.sentence_index, []).append(k)
        dropped: set[int] = set()  # ids of knowledge-base mentions an NER span replaced
        out = []
        for m in ner:
            if m.entity is None:
                cands = self._ner_candidates(m.text)
                cands = [c for c in cands if compatible(m.label, c.entry.type)]
                chosen = self._choose(cands, article.date, states,
                                      regions=regions) if cands else None
                if chosen is not None and chosen.entry.type == "person":
                    after = article.sentences[m.sentence_index].text[m.end:]
                    if self.evidence.named_after([normalise(w) for w in WORD.findall(after)[:5]]):
                        chosen = None  # a scheme or place named after the person
                if chosen is not None and chosen.score >= 0.7:
                    m.entity = chosen.entry.entity(article.date)
                    m.score = min(m.score, chosen.score)
            overlapping = [k for k in by_sentence.get(m.sentence_index, ())
                           if id(k) not in dropped and k.start < m.end and m.start < k.end]
            if not overlapping:
                out.append(m)
                continue
            if m.entity is not None and all((m.end - m.start) > (k.end - k.start)
                                            for k in overlapping):
                dropped.update(id(k) for k in overlapping)
                out.append(m)
            # otherwise the knowledge-base mention stays and the NER one goes
        out.extend(k for k in kb_mentions if id(k) not in dropped)
        out.sort(key=lambda m: (m.sentence_index, m.start))
        return out


def link_text(linker: "Linker", text: str, date: str | None = None) -> list[Mention]:
    """Mentions in ``text``; offsets are made relative to ``text`` itself.

    The text is split by the linker's segmenter (the ``segment`` stage when built by
    :func:`build_linker`), else by :func:`simple_sentences`.
    """
    article = Article(raw=text, doc="<text>", text=text, date=date, language="hi")
    if linker.segment is not None:
        linker.segment(article)
    else:
        article.sentences = simple_sentences(text)
    linker.link_article(article)
    out = []
    for m in article.mentions:
        sent = article.sentences[m.sentence_index]
        out.append(Mention(m.sentence_index, sent.start + m.start, sent.start + m.end, m.text,
                           m.label, m.entity, m.source, m.score))
    return out


def build_linker(settings: Settings, user_dir: str | None = None,
                 with_segmenter: bool = True) -> Linker:
    """The linker for ``settings``, with the user's folder ``user_dir`` if given."""
    kb = open_knowledge_base(settings, user_dir)
    linker = Linker(kb, fuzzy=bool(settings.get("kb", "fuzzy", True)),
                  min_fuzzy_chars=int(settings.get("kb", "min_fuzzy_chars", 5)),
                  single_threshold=float(settings.get("kb", "single_word_threshold", 88.0)),
                  multi_threshold=float(settings.get("kb", "multi_word_threshold", 80.0)))
    if with_segmenter:
        from ..text.segment import make_segmenter

        linker.segment = make_segmenter(settings)
    return linker


@stage("link", requires=("sentences",), assigns=("mentions",), hindi_only=True)
def make(settings: Settings):
    linker = build_linker(settings, with_segmenter=False)

    def link(article: Article) -> Article:
        return linker.link_article(article)

    return link
