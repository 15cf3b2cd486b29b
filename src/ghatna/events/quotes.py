"""Direct and indirect speech, with who said it.

Direct speech is text in “…”, "…" or ‘…’ tied to a speech cue: a speech verb or "X के
मुताबिक" just before the opening mark (``उन्होंने कहा, “…”``), a speech verb just after
the closing mark (``“…”, मंत्री ने कहा।``), or a long quotation in a sentence with such a
cue. A quotation may run over several sentences; it becomes one :class:`Quote` per
sentence, each with the same speaker. Short quoted phrases with no cue (“कीमती संपदा”)
are terms, not speech.

A speech verb followed by a colon or dash (``शाह बोले- …``, common in headlines) also
introduces direct speech, up to the end of the sentence.

Indirect speech is ``X ने कहा कि …``, ``X का कहना/मानना है कि …``, ``X बोले कि …`` and
``X के मुताबिक/अनुसार, …``: the speech runs from after कि (or the cue) to the end of the
sentence.

The speaker is the agent of the speech verb: the noun phrase before ने (का/की/के for
``कहना है``, nothing for ``बोले``). Coordinated speakers (``X और Y ने``) are all kept;
within each conjunct the last mention is the head (``चीन के विदेश मंत्री वांग यी`` →
वांग यी). A pronoun (उन्होंने, उनका, वे) is resolved to the most recent agent or speaker
group with a PER or ORG mention, looking back ``[quotes] pronoun_lookback`` sentences;
else the speaker list is left empty (``speaker_text`` still holds the words).
The cue words are data: ``ghatna/data/speech_cues.toml``.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..errors import ConfigError
from ..model import ActorRef, Article, Mention, Quote, Sentence
from ..pipeline import stage
from ..settings import Settings, data_text
from ..text.hindi import L, R, alternation, fold

log = logging.getLogger(__name__)

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_CLAUSE_END = regex.compile(rf"[।;?!“”\"‘’]|{L}कि{R}")
_CONJUNCTIONS = frozenset({"और", "तथा", "एवं", "व"})
# Words a speaker's noun phrase does not extend over, reading back from its marker
# (not की, which is also the genitive: "चीन की शिन्हुआ न्यूज एजेंसी के मुताबिक").
_NP_STOP = frozenset(
    "में पर को से तक ने कि है हैं था थी थे भी ही तो जब जो जिसने लिए बाद साथ दौरान बीच "
    "द्वारा किया गया गई गए हुआ हुई हुए दिया लिया कहा बताया".split())
# Words a speaker phrase does not start with ("की शिन्हुआ न्यूज एजेंसी" → "शिन्हुआ न्यूज एजेंसी").
_NP_LEADING = frozenset({"का", "की", "के", "और", "तथा", "एवं", "व"})
_SPEAKER_LABELS = frozenset({"PER", "PERSON", "NEP", "ORG", "ORGANIZATION", "NEO"})
_AUX = r"(?:\s+(?:है|हैं|था|थी|थे|थीं|गया|गई|गए))*"


@dataclass(frozen=True)
class Cues:
    """Compiled speech cues (built once by the stage factory)."""

    verb: Any
    verb_then_ki: Any
    verb_then_colon: Any
    according: Any
    before_quote: Any
    pron_erg: frozenset[str]
    pron_gen: frozenset[str]
    pron_nom: frozenset[str]
    sources: frozenset[str]


def load_cues(user_file: str | None = None) -> Cues:
    """The shipped speech cues, with the lists of ``user_file`` (same TOML shape) added."""
    data = tomllib.loads(data_text("speech_cues.toml"))
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise ConfigError(f"speech cue file {path} does not exist; fix [quotes] cues_file")
        for table, values in tomllib.loads(path.read_text("utf-8")).items():
            for key, words in values.items():
                data.setdefault(table, {}).setdefault(key, [])
                data[table][key] = list(data[table][key]) + list(words)
    verbs, prons = data["verbs"], data["pronouns"]
    verb = (rf"{L}(?:(?P<erg>{alternation(verbs['ergative'])})|(?P<gen>{alternation(verbs['genitive'])})"
            rf"|(?P<nom>{alternation(verbs['nominative'])})){R}")
    according = (rf"{L}(?:(?P<marker>के|की)|(?P<pron>{alternation(prons['genitive'])}))\s+"
                 rf"{alternation(verbs['according'])}{R}")
    return Cues(
        verb=regex.compile(verb),
        verb_then_ki=regex.compile(rf"{verb}{_AUX}\s*,?\s+कि{R}"),
        verb_then_colon=regex.compile(rf"{verb}{_AUX}\s*(?::|\s[-–—]|[-–—]\s)\s*(?=[\p{{L}}\p{{N}}])"),
        according=regex.compile(according + r"\s*[,:]?\s*"),
        before_quote=regex.compile(rf"(?:{verb}{_AUX}(?:\s+कि)?|{according})\s*[,:\-–—]?\s*$"),
        pron_erg=frozenset(fold(w) for w in prons["ergative"]),
        pron_gen=frozenset(fold(w) for w in prons["genitive"]),
        pron_nom=frozenset(fold(w) for w in prons["nominative"]),
        sources=frozenset(fold(w) for w in data["sources"]["nouns"]),
    )


@dataclass
class _Agent:
    """Who a speech cue's verb has as agent, within one sentence."""

    sentence_index: int
    start: int          # of the speaker's words
    end: int
    text: str
    marker: int         # offset of the marker (ने, का, के, the pronoun) ordering agents
    heads: list[Mention] = field(default_factory=list)
    pronoun: str | None = None
    resolved: list[Mention] = field(default_factory=list)


def _clause_floor(text: str, pos: int, floor: int = 0) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, floor, pos)]
    return max(ends) if ends else floor


def _noun_phrase(sentence: Sentence, text: str, marker_start: int, floor: int,
                 mentions: list[Mention]) -> _Agent:
    """The speaker phrase ending at ``marker_start``: its conjuncts' head mentions."""
    words = [m for m in _WORD.finditer(text, floor, marker_start)]
    np: list[Any] = []
    for w in reversed(words):
        gap = text[w.end():(np[0].start() if np else marker_start)]
        if w.group() in _NP_STOP or len(np) >= 12 or regex.search(r"[^\s,\-–()]", gap):
            break
        np.insert(0, w)
    # split into conjuncts at और/तथा/एवं/व and commas
    conjuncts: list[list[Any]] = [[]]
    for i, w in enumerate(np):
        if w.group() in _CONJUNCTIONS:
            conjuncts.append([])
            continue
        if i and "," in text[np[i - 1].end():w.start()] and conjuncts[-1]:
            conjuncts.append([])
        conjuncts[-1].append(w)
    heads: list[Mention] = []
    first_start = None
    for conj in conjuncts:
        if not conj:
            continue
        cs, ce = conj[0].start(), conj[-1].end()
        inside = [m for m in mentions if m.start >= cs and m.end <= ce]
        if inside:
            heads.append(max(inside, key=lambda m: m.end))
            first_start = cs if first_start is None else first_start
    while np and np[0].group() in _NP_LEADING:
        np.pop(0)
    if np:
        start = first_start if first_start is not None else np[0].start()
        end = np[-1].end()
    else:
        start = end = marker_start
    return _Agent(sentence.index, start, end, text[start:end], marker_start, heads)


def _agent_at(sentence: Sentence, word: Any, floor: int, mentions: list[Mention],
              pronouns: frozenset[str]) -> _Agent:
    if fold(word.group()) in pronouns:
        return _Agent(sentence.index, word.start(), word.end(), word.group(), word.start(),
                      pronoun=word.group())
    return _noun_phrase(sentence, sentence.text, word.start(), floor, mentions)


def _find_agent(sentence: Sentence, verb_start: int, kind: str, mentions: list[Mention],
                cues: Cues, floor: int = 0) -> _Agent | None:
    """The agent of the speech verb starting at ``verb_start`` in ``sentence``."""
    text = sentence.text
    floor = _clause_floor(text, verb_start, floor)
    words = list(_WORD.finditer(text, floor, verb_start))
    if kind == "nom":
        if not words:
            return None
        if fold(words[-1].group()) in cues.pron_nom:
            return _agent_at(sentence, words[-1], floor, mentions, cues.pron_nom)
        agent = _noun_phrase(sentence, text, verb_start, floor, mentions)
        return agent if agent.text else None
    markers = ({"ने"}, cues.pron_erg) if kind == "erg" else ({"का", "की", "के"}, cues.pron_gen)
    for w in reversed(words[-25:]):
        if w.group() in markers[0] or fold(w.group()) in markers[1]:
            return _agent_at(sentence, w, floor, mentions, markers[1])
    return None


def _actor(mention: Mention) -> dict[str, Any]:
    data = asdict(ActorRef.from_mention(mention))
    data["sentence_index"] = mention.sentence_index
    data["label"] = mention.label
    return data


class _Speakers:
    """Agents and speakers of the article in reading order, for resolving pronouns."""

    def __init__(self, lookback: int):
        self.lookback = lookback
        self.groups: list[_Agent] = []

    def resolve(self, agent: _Agent) -> list[Mention]:
        for prev in reversed(self.groups):
            if (prev.sentence_index, prev.marker) >= (agent.sentence_index, agent.marker):
                continue
            if agent.sentence_index - prev.sentence_index > self.lookback:
                break
            group = [m for m in (prev.resolved or prev.heads) if m.label.upper() in _SPEAKER_LABELS]
            if group:
                return group
        return []

    def add(self, agent: _Agent) -> None:
        if agent.pronoun:
            agent.resolved = self.resolve(agent)
        self.groups.append(agent)


def _collect_agents(article: Article, mentions: dict[int, list[Mention]], cues: Cues,
                    lookback: int) -> _Speakers:
    """Every ने-agent and speech-cue speaker, pronouns resolved in reading order."""
    speakers = _Speakers(lookback)
    for s in article.sentences:
        found: list[_Agent] = []
        for w in _WORD.finditer(s.text):
            if w.group() == "ने" or fold(w.group()) in cues.pron_erg:
                found.append(_agent_at(s, w, _clause_floor(s.text, w.start()),
                                       mentions.get(s.index, []), cues.pron_erg))
        for m in cues.verb.finditer(s.text):
            if m.group("gen") or m.group("nom"):
                agent = _find_agent(s, m.start(), "gen" if m.group("gen") else "nom",
                                    mentions.get(s.index, []), cues)
                if agent is not None:
                    found.append(agent)
        for m in cues.according.finditer(s.text):
            found.append(_according_agent(s, m, mentions.get(s.index, []), cues))
        for agent in sorted(found, key=lambda a: a.marker):
            speakers.add(agent)
    return speakers


def _according_agent(sentence: Sentence, m: Any, mentions: list[Mention], cues: Cues) -> _Agent:
    if m.group("pron"):
        start = m.start("pron")
        return _Agent(sentence.index, start, m.end("pron"), m.group("pron"), start,
                      pronoun=m.group("pron"))
    floor = _clause_floor(sentence.text, m.start("marker"))
    return _noun_phrase(sentence, sentence.text, m.start("marker"), floor, mentions)


def _speaker_of(agent: _Agent | None, speakers: _Speakers) -> tuple[list[dict[str, Any]], str | None]:
    if agent is None:
        return [], None
    if agent.pronoun:
        known = next((g for g in speakers.groups if g.sentence_index == agent.sentence_index
                      and g.marker == agent.marker and g.pronoun), None)
        group = known.resolved if known else speakers.resolve(agent)
        return [_actor(m) for m in group], agent.text
    return [_actor(m) for m in agent.heads], agent.text or None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "।.|!?"):
        end -= 1
    return start, end


@dataclass
class _Quoted:
    pieces: list[tuple[int, int, int]]  # (sentence position in article.sentences, start, end)
    open_at: tuple[int, int]
    close_at: tuple[int, int]


def _quoted_spans(sentences: list[Sentence], max_sentences: int) -> list[_Quoted]:
    """Text between matching quotation marks, possibly over several sentences."""
    out: list[_Quoted] = []
    state: dict[str, Any] | None = None
    for pos, s in enumerate(sentences):
        if state and (s.part != sentences[state["open"][0]].part
                      or pos - state["open"][0] >= max_sentences):
            state = None  # never closed: a stray mark
        cursor = 0
        for m in regex.finditer(r"[“”\"‘’]", s.text):
            ch = m.group()
            if state is None:
                if ch in "“\"‘":
                    state = {"kind": "single" if ch == "‘" else "double", "open": (pos, m.start()),
                             "pieces": []}
                    cursor = m.end()
                continue
            closes = "’" if state["kind"] == "single" else "”\""
            if ch in closes:
                state["pieces"].append((pos, cursor, m.start()))
                out.append(_Quoted(state["pieces"], state["open"], (pos, m.start())))
                state = None
            elif state["kind"] == "double" and ch == "“":
                state = {"kind": "double", "open": (pos, m.start()), "pieces": []}
                cursor = m.end()
        if state is not None:
            state["pieces"].append((pos, cursor, len(s.text)))
            cursor = 0
    return out


def find_quotes(article: Article, cues: Cues, min_words: int = 6, lookback: int = 4,
                max_sentences: int = 8) -> list[Quote]:
    """All direct and indirect speech in the article, sorted by sentence and offset."""
    sentences = article.sentences
    mentions: dict[int, list[Mention]] = {}
    for m in article.mentions:
        mentions.setdefault(m.sentence_index, []).append(m)
    speakers = _collect_agents(article, mentions, cues, lookback)
    quotes: list[Quote] = []
    covered: dict[int, list[tuple[int, int]]] = {}

    for q in _quoted_spans(sentences, max_sentences):
        o_pos, o_off = q.open_at
        c_pos, c_off = q.close_at
        first, last = sentences[o_pos], sentences[c_pos]
        agent = None
        pre = first.text[:o_off]
        cue = cues.before_quote.search(pre)
        if cue is None and not pre.strip() and o_pos > 0:
            prev = sentences[o_pos - 1]
            if prev.part == first.part and (cue := cues.before_quote.search(prev.text)):
                first = prev
        if cue is not None:
            agent = _cue_agent(first, cue, mentions, cues)
        else:
            post_start = c_off + 1
            verb = cues.verb.search(last.text, post_start)
            between = last.text[post_start:verb.start()] if verb else ""
            if verb and len(_WORD.findall(between)) <= 8 and not _CLAUSE_END.search(between):
                kind = next(k for k in ("erg", "gen", "nom") if verb.group(k))
                agent = _find_agent(last, verb.start(), kind, mentions.get(last.index, []), cues,
                                    floor=post_start)
            else:
                words = sum(len(_WORD.findall(sentences[p].text[s:e])) for p, s, e in q.pieces)
                cue = cues.verb.search(pre) or cues.according.search(pre)
                if words < min_words or cue is None:
                    continue  # a term in quotation marks, not speech
                agent = _cue_agent(sentences[o_pos], cue, mentions, cues)
        speaker, speaker_text = _speaker_of(agent, speakers)
        for p, s, e in q.pieces:
            sent = sentences[p]
            s, e = _trim(sent.text, s, e)
            if s >= e:
                continue
            covered.setdefault(sent.index, []).append((s, e))
            quotes.append(Quote(sent.index, s, e, sent.text[s:e], "direct",
                                list(speaker), speaker_text))

    for sent in sentences:
        spans = covered.get(sent.index, [])
        ms = mentions.get(sent.index, [])
        inside = lambda pos: any(s - 1 <= pos <= e + 1 for s, e in spans)  # noqa: E731
        for m in cues.verb_then_ki.finditer(sent.text):
            if inside(m.start()):
                continue
            kind = next(k for k in ("erg", "gen", "nom") if m.group(k))
            _add_indirect(quotes, sent, m.end(), _find_agent(sent, m.start(), kind, ms, cues),
                          speakers, spans)
        for m in cues.verb_then_colon.finditer(sent.text):
            if inside(m.start()):
                continue  # "शाह बोले- …": direct speech without quotation marks
            kind = next(k for k in ("erg", "gen", "nom") if m.group(k))
            _add_indirect(quotes, sent, m.end(), _find_agent(sent, m.start(), kind, ms, cues),
                          speakers, spans, kind="direct")
        for m in cues.according.finditer(sent.text):
            if inside(m.start()):
                continue
            agent = _according_agent(sent, m, ms, cues)
            if not (agent.pronoun or agent.heads
                    or any(fold(w) in cues.sources for w in _WORD.findall(agent.text))):
                continue  # "नियमों के अनुसार": not a source of speech
            _add_indirect(quotes, sent, m.end(), agent, speakers, spans)
    quotes.sort(key=lambda q: (q.sentence_index, q.start))
    return quotes


def _cue_agent(sentence: Sentence, cue: Any, mentions: dict[int, list[Mention]],
               cues: Cues) -> _Agent | None:
    ms = mentions.get(sentence.index, [])
    groups = cue.groupdict()
    if groups.get("marker") or groups.get("pron"):
        return _according_agent(sentence, cue, ms, cues)
    kind = next(k for k in ("erg", "gen", "nom") if groups.get(k))
    return _find_agent(sentence, cue.start(), kind, ms, cues)


def _add_indirect(quotes: list[Quote], sent: Sentence, start: int, agent: _Agent | None,
                  speakers: _Speakers, direct: list[tuple[int, int]], kind: str = "indirect") -> None:
    s, e = _trim(sent.text, start, len(sent.text))
    if s >= e or sent.text[s] in "“\"‘" or any(ds <= s + 1 and s <= de for ds, de in direct):
        return  # empty, or the speech is a direct quotation already found
    if len(_WORD.findall(sent.text[s:e])) < 2:
        return
    speaker, speaker_text = _speaker_of(agent, speakers)
    quotes.append(Quote(sent.index, s, e, sent.text[s:e], kind, speaker, speaker_text))


@stage("quotes", requires=("sentences", "mentions"), assigns=("quotes",), hindi_only=True)
def make(settings: Settings):
    """Build the quotes stage: cues compiled once, no state between articles."""
    table = settings["quotes"]
    cues = load_cues(table.get("cues_file") or None)
    min_words = int(table.get("min_direct_words", 6))
    lookback = int(table.get("pronoun_lookback", 4))
    max_sentences = int(table.get("max_quote_sentences", 8))

    def quotes(article: Article) -> Article:
        article.quotes = find_quotes(article, cues, min_words, lookback, max_sentences)
        return article

    return quotes
