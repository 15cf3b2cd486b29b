"""Clause analysis for Hindi news sentences, by postpositions over the sentence's tokens.

Hindi marks roles with postpositions after the noun phrase: ``X ने`` (agent of a
perfective transitive verb), ``Y को``, ``Y से``, ``Y पर``, ``Y के साथ``, ``Y के ख़िलाफ़``,
``X की ओर से`` / ``X द्वारा`` (agent of a passive or of a participle), ``X और Y के बीच``,
and a genitive ``X की`` before a predicate noun (``X की आलोचना की``). This module

* splits a sentence into clauses (at ``कि``, relative pronouns, quotes, sentence
  punctuation, after a finite copula, and at ``और`` joining two finite clauses), and marks
  complements of reporting verbs (``X ने कहा कि …``) with their reporter;
* finds every postposition and the noun phrase it closes (the run of tokens to its left
  up to the previous postposition, verb or clause boundary, genitive chains and
  coordination included);
* maps linked mentions onto those phrases, one referent per conjunct (the rightmost
  mention of the conjunct, which in Hindi is the head: ``चीन के विदेश मंत्री वांग यी``).

Nothing here knows about event types; :mod:`ghatna.events.triggers` and
:mod:`ghatna.events.roles` combine this analysis with the patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..model import Mention, Sentence
from ..text.inflect import perfective_forms
from .patterns import POSTPOSITIONS, fold

# Postpositions, longest first within a role; each is a token sequence.
MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (role, tuple(seq.split()))
    for role, seqs in (
        ("agent", ["की ओर से", "की तरफ से", "की तरफ़ से", "की तरफ़ से", "के द्वारा", "द्वारा"]),
        ("ke_khilaf", ["के ख़िलाफ़", "के खिलाफ", "के ख़िलाफ", "के खिलाफ़", "के विरुद्ध", "के विरोध में"]),
        ("ke_saath", ["के साथ", "के संग"]),
        ("ke_beech", ["के बीच", "के मध्य", "के दरम्यान"]),
        ("ke_liye", ["के लिए", "के लिये"]),
        ("ko_lekar", ["को लेकर", "के बारे में", "के संबंध में", "के सिलसिले में"]),
        ("prati", ["के प्रति"]),
        ("according", ["के मुताबिक", "के मुताबिक़", "के अनुसार", "के हवाले से"]),
        ("time", ["के बाद", "के दौरान", "से पहले", "के पहले", "तक"]),
        ("cause", ["के चलते", "के कारण", "की वजह से", "के मद्देनजर", "के मद्देनज़र"]),
        ("ne", ["ने"]),
        ("ko", ["को"]),
        ("se", ["से"]),
        ("par", ["पर"]),
        ("me", ["में"]),
    )
    for seq in seqs
)
MARKERS = tuple(sorted({(r, tuple(fold(w) for w in seq)) for r, seq in MARKERS},
                      key=lambda m: (-len(m[1]), m[0], m[1])))


def _by_first_word(markers):
    """The markers by their first word, each list in the order of ``markers``."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for marker in markers:
        out.setdefault(marker[1][0], []).append(marker)
    return out


MARKERS_BY_FIRST = _by_first_word(MARKERS)

GENITIVE = frozenset(["का", "की", "के"])
CONNECTORS = frozenset(["और", "एवं", "तथा", "व", ",", "समेत", "सहित", "या", "/", "-"])
LIST_JOINERS = frozenset(["और", "एवं", "तथा", "व", "या"])
COPULA = frozenset(["है", "हैं", "था", "थे", "थी", "थीं"])
FINITE = COPULA | frozenset(
    "किया किए किये दिया दी दिए दिये लिया ली लिए गया गई गए गये हुआ हुई हुए कहा बताया "
    "दीं कीं लीं".split())
CLAUSE_WORDS = frozenset(
    "कि लेकिन मगर परंतु परन्तु किंतु जबकि क्योंकि जब तब जो जिसे जिसकी जिसके जिसका जिससे "
    "जिसमें जिसने जिन्होंने जिन्हें जिनके जिनकी जिनका जिनसे जहां जहाँ ताकि बल्कि अगर यदि".split())
HARD_PUNCT = frozenset("। . ? ! ; : | ॥".split())
QUOTES = frozenset("“ ” \" ' ‘ ’".split())
# Nouns that follow a name inside its phrase (नान्निंग शहर, अमेरिका सरकार).
NAME_HEADS = frozenset(
    "शहर प्रांत राज्य जिले जिला जिलों इलाके इलाका क्षेत्र देश सरकार प्रशासन सेना सेनाओं मंत्रालय "
    "पार्टी नगर गांव गाँव कस्बे राजधानी प्रायद्वीप सीमा द्वीप बंदरगाह सम्मेलन शिखर पुलिस बैठक "
    "संसद दूतावास उच्चायोग वायुसेना नौसेना वायुसेनाएं बल बलों अधिकारी अधिकारियों नेता नेताओं "
    "प्रवक्ता राष्ट्रपति प्रधानमंत्री कंपनी कंपनियों एजेंसी एजेंसियों एजेंसियां सैनिक सैनिकों "
    "नागरिक नागरिकों नागरिकता समूह संगठन मोर्चा आयोग अदालत कोर्ट हाईकोर्ट विधानसभा यात्रा दौरे "
    "मुलाकात वार्ता प्रशासन प्रतिनिधिमंडल गठबंधन".split())
# Words that end a noun phrase when they follow a name: adverbs, particles, time words.
NP_BREAKERS = frozenset(
    "भी ही तो जल्दी अब फिर पहले आज कल अभी हाल तुरंत लगातार फिलहाल साफ स्पष्ट सीधे खुद स्वयं "
    "सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार रात सुबह शाम दोपहर बार अक्सर हमेशा "
    "कथित तौर कभी पिछले अगले इस उस यह वह ये वे एक दो तीन चार पांच पाँच छह सात आठ नौ दस "
    "बीस सौ हजार हज़ार लाख करोड़ कई सभी हर आने जाने होने रहने".split())
# Reflexive and demonstrative determiners open a noun phrase.
NP_OPENERS = frozenset("अपने अपना अपनी अपनों".split())
REPORTING = frozenset(
    "कहा कहना कहते कहती कहता बताया बताते बताती दावा माना मानना उम्मीद जताई लिखा "
    "जोर ज़ोर स्पष्ट साफ दोहराया ऐलान घोषणा आगाह चेताया".split()) | perfective_forms("बोलना")
# a claim named as a noun, and the punctuation that headlines put in place of "है कि" after it
CLAIM_NOUNS = frozenset("आरोप इल्जाम इल्ज़ाम दावा".split())
CLAIM_PUNCT = frozenset(", : - –".split())
# the perfective of a verb of saying that a comma, colon or dash, in place of कि, leads into
# the words said ("X ने कहा, …", a headline's "X बोले- …")
SAID = frozenset("कहा बताया लिखा दोहराया".split()) | perfective_forms("बोलना")
SAID_PUNCT = CLAIM_PUNCT | {"—"}
MAX_NP = 14
ERGATIVE_PRONOUNS = frozenset("उन्होंने उन्होने इन्होंने इन्होने उसने इसने जिन्होंने जिसने मैंने हमने आपने".split())
# Pronouns written with their postposition in one word: "उसे" is "उस" + "को" (dative or
# accusative), "आपसे" is "आप" + "से".
FUSED_CASE = {**dict.fromkeys("उसे इसे उन्हें उन्हे इन्हें इन्हे उनको इनको हमें मुझे आपको तुम्हें "
                              "तुमको तुझे".split(), "ko"),
              **dict.fromkeys("आपसे तुमसे तुझसे".split(), "se")}
FUSED_GENITIVE = frozenset("आपका आपकी आपके तुम्हारा तुम्हारी तुम्हारे तेरा तेरी तेरे".split())

_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+|\S")


@dataclass
class Arg:
    """A postposition and the noun phrase it closes (token ranges, end exclusive)."""

    role: str
    np_start: int
    np_end: int
    marker_start: int
    marker_end: int
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Clause:
    start: int
    end: int
    kind: str = "main"  # main | complement | relative | condition | consequent | quote | coord
    reporter: Arg | None = None  # for complements of reporting verbs
    prev: int | None = None      # the clause this one is coordinated with (shared subject)


@dataclass
class Analysis:
    """Tokens, clauses, arguments and mention positions of one sentence."""

    sentence: Sentence
    tokens: list[str]
    spans: list[tuple[int, int]]
    clauses: list[Clause]
    args: list[Arg]
    mention_span: dict[int, tuple[int, int]]   # id(mention) -> token range
    mentions: list[Mention]
    marker_tokens: set[int]
    media: frozenset[int] = frozenset()  # tokens of news media's names (no party to events)
    # _conjuncts' answers, by phrase: the roles ask about the same phrases again and again
    _conjunct_cache: dict[tuple[int, int, bool], list] = field(default_factory=dict, repr=False)

    def clause_of(self, tok: int) -> int:
        for i, c in enumerate(self.clauses):
            if c.start <= tok < c.end:
                return i
        return len(self.clauses) - 1

    def args_in(self, ci: int) -> list[Arg]:
        c = self.clauses[ci]
        return [a for a in self.args if c.start <= a.marker_start < c.end]

    def text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.sentence.text[self.spans[start][0]:self.spans[end - 1][1]]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.spans[start][0], self.spans[end - 1][1]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        out = []
        for m in self.mentions:
            ms, me = self.mention_span[id(m)]
            if start <= ms and me <= end:
                out.append(m)
        return out

    def conjuncts(self, start: int, end: int) -> list[tuple[int, int, list[Mention]]]:
        """The conjuncts of [start, end) with their head mention(s) (possibly none)."""
        return self._conjuncts(start, end, keep_empty=True)

    def conjunct_heads(self, start: int, end: int) -> list[list[Mention]]:
        return [h for _, _, h in self._conjuncts(start, end, keep_empty=False)]

    def _conjuncts(self, start: int, end: int, keep_empty: bool) -> list[tuple[int, int, list[Mention]]]:
        """Per conjunct of the phrase [start, end): its head mention(s), linked ones first.

        A conjunct's head is its rightmost mention (Hindi noun phrases are head-final);
        when a conjunct has a linked mention, unlinked NER mentions are ignored. The
        answer is shared between calls: callers read it, never change it.
        """
        key = (start, end, keep_empty)
        cached = self._conjunct_cache.get(key)
        if cached is None:
            cached = self._conjunct_cache[key] = self._find_conjuncts(start, end, keep_empty)
        return cached

    def _find_conjuncts(self, start: int, end: int, keep_empty: bool
                        ) -> list[tuple[int, int, list[Mention]]]:
        groups: list[tuple[int, int]] = []
        s = start
        for i in range(start, end):
            if self.tokens[i] in CONNECTORS and not self._inside_mention(i):
                if s < i:
                    groups.append((s, i))
                s = i + 1
        if s < end:
            groups.append((s, end))
        heads: list[tuple[int, int, list[Mention]]] = []
        for gs, ge in groups:
            ms = self.mentions_in(gs, ge)
            if not ms:
                if keep_empty:
                    heads.append((gs, ge, []))
                continue
            linked = [m for m in ms if m.entity is not None]
            pool = linked or ms
            best_end = max(self.mention_span[id(m)][1] for m in pool)
            cands = [m for m in pool if self.mention_span[id(m)][1] == best_end]
            cands.sort(key=lambda m: -(m.end - m.start))
            heads.append((gs, ge, cands[:1]))
        return heads

    def _inside_mention(self, tok: int) -> bool:
        for m in self.mentions:
            ms, me = self.mention_span[id(m)]
            if ms < tok < me - 1 or (ms < tok < me and me - ms > 2):
                return True
        return False


def tokenize(text: str) -> list[tuple[int, int]]:
    """Fallback tokenizer (used only when a sentence carries no tokens)."""
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def analyse(sentence: Sentence, mentions: list[Mention], media: list[Mention] = ()) -> Analysis:
    """``media``: mentions of news media, kept out of ``mentions`` (the source of a report,
    never a party) and only marked where their names stand."""
    spans = list(sentence.tokens) or tokenize(sentence.text)
    tokens = [fold(sentence.text[s:e]) for s, e in spans]  # compared in folded spelling
    mention_span: dict[int, tuple[int, int]] = {}
    kept = []
    for m in mentions:
        toks = [i for i, (s, e) in enumerate(spans) if s < m.end and e > m.start]
        if toks:
            mention_span[id(m)] = (toks[0], toks[-1] + 1)
            kept.append(m)
    markers = _find_markers(tokens)
    marker_tokens = {i for _, s, e in markers for i in range(s, e)}
    # a clause word inside a name is part of the name: जो बाइडेन, जो रूट
    named = {i for s, e in mention_span.values() for i in range(s, e)}
    clauses = _split_clauses(tokens, marker_tokens, named)
    an = Analysis(sentence, tokens, spans, clauses, [], mention_span, kept, marker_tokens,
                  frozenset(i for m in media for i, (s, e) in enumerate(spans)
                            if s < m.end and e > m.start))
    for role, ms, me in markers:
        ci = an.clause_of(ms)
        np_start = _np_left(an, ms, clauses[ci].start)
        if np_start < ms:
            an.args.append(Arg(role, np_start, ms, ms, me, an.mentions_in(np_start, ms)))
    for i, tok in enumerate(tokens):
        if tok in ERGATIVE_PRONOUNS:  # "उन्होंने" is "उन" + "ने" in one word
            an.args.append(Arg("ne", i, i + 1, i + 1, i + 1, an.mentions_in(i, i + 1)))
        elif tok in FUSED_CASE:
            an.args.append(Arg(FUSED_CASE[tok], i, i + 1, i + 1, i + 1, an.mentions_in(i, i + 1)))
    an.args.sort(key=lambda a: a.marker_start)
    _mark_reporters(an)
    return an


def _find_markers(tokens: list[str]) -> list[tuple[str, int, int]]:
    out = []
    i = 0
    while i < len(tokens):
        for role, seq in MARKERS_BY_FIRST.get(tokens[i], ()):
            n = len(seq)
            if tuple(tokens[i:i + n]) == seq:
                out.append((role, i, i + n))
                i += n
                break
        else:
            i += 1
    return out


def _split_clauses(tokens: list[str], marker_tokens: set[int], named: set[int]) -> list[Clause]:
    clauses: list[Clause] = []
    start = 0
    kind = "main"
    in_quote = False
    condition = False  # an अगर/यदि clause is open: its तो begins the consequent

    def close(end: int, next_kind: str) -> None:
        nonlocal start, kind
        if end > start:
            clauses.append(Clause(start, end, kind))
        start = end
        kind = next_kind

    for i, tok in enumerate(tokens):
        if tok in QUOTES:
            opening = tok in ("“", "‘") or (tok in ("\"", "'") and not in_quote)
            if opening and not in_quote and _after_reporting(tokens, i):
                in_quote = True
                close(i, "quote")
                start = i + 1
            elif not opening and in_quote:
                in_quote = False
                close(i, "main")
                start = i + 1
        elif tok in CLAIM_PUNCT and _claim_before(tokens, i):
            # "विपक्ष का आरोप, …", "भाजपा का दावा: …": what follows is the claim, as after कि
            close(i, "complement")
            start = i + 1
        elif tok in HARD_PUNCT or (tok in SAID_PUNCT and said_before(tokens, i, named)):
            close(i, "main" if not in_quote else "quote")
            start = i + 1
        elif tok in CLAUSE_WORDS and i not in named and not (
                i > 0 and tokens[i - 1] == "ने" and tok in ("जहां", "जहाँ", "जब")):
            nxt = "complement" if tok == "कि" else ("coord" if tok in ("लेकिन", "मगर", "परंतु",
                                                                         "परन्तु", "किंतु", "बल्कि")
                                                  else "condition" if tok in ("अगर", "यदि")
                                                  else "relative")
            condition = nxt == "condition"
            close(i, nxt)
            start = i + 1
        elif tok == "तो" and condition and i not in named:
            # "अगर X ने … किया तो Y …": the consequent is a clause of its own, and its
            # subject is not the condition's
            condition = False
            close(i, "consequent")
            start = i + 1
        elif tok in ("और", "तथा", "एवं", ",") and i > 0 and is_finite(tokens[i - 1]) \
                and i - 1 not in marker_tokens:
            close(i, "coord")
            start = i + 1
        elif i > 0 and tokens[i - 1] in COPULA and tok not in HARD_PUNCT | CLAUSE_WORDS:
            close(i, "main")
    close(len(tokens), "main")
    for k, c in enumerate(clauses):
        if c.kind == "coord" and k > 0:
            c.prev = k - 1
    return clauses or [Clause(0, len(tokens))]


def said_before(tokens: list[str], i: int, named: set[int]) -> bool:
    """Token ``i`` follows a verb of saying (``X बोले-``), or a verb of saying and its
    speaker, which a headline puts after it (``रैली में बोले पीएम मोदी-``: a name, and up
    to two words of a title before it)."""
    j = i - 1
    while j >= 0 and j in named and i - j <= SPEAKER_TAG_TOKENS:
        j -= 1
    if j < i - 1:  # a name: the title before it, then the verb
        for _ in range(2):
            if j >= 0 and tokens[j] not in SAID and j not in named and tokens[j][:1].isalpha() \
                    and tokens[j] not in POSTPOSITIONS and not is_finite(tokens[j]):
                j -= 1
    return j >= 0 and tokens[j] in SAID


def _claim_before(tokens: list[str], i: int) -> bool:
    """Token ``i`` follows someone's claim named as a noun: ``X का आरोप``, ``X का दावा``."""
    return i >= 2 and tokens[i - 1] in CLAIM_NOUNS and tokens[i - 2] in ("का", "की")


def _after_reporting(tokens: list[str], i: int) -> bool:
    """Is the quote at ``i`` direct speech (``उन्होंने कहा, “…``)?"""
    j = i - 1
    while j >= 0 and tokens[j] in (",", ":", "-"):
        j -= 1
    return j >= 0 and (tokens[j] in REPORTING or tokens[j] in ("है", "हैं") and j > 0
                       and tokens[j - 1] in REPORTING)


def is_finite(tok: str) -> bool:
    """A finite verb or auxiliary (किया, है, करेंगे …)."""
    return tok in FINITE or tok.endswith(("ेगा", "ेगी", "ेंगे", "ेंगी"))


def _np_left(an: Analysis, marker: int, floor: int) -> int:
    """Start of the noun phrase closed by the postposition at token ``marker``."""
    tokens = an.tokens
    ends = {me - 1: m for m in an.mentions for ms, me in [an.mention_span[id(m)]]}
    anaphor_ends = {k for k, m in ends.items() if m.label == "ANAPHOR"}
    pronoun_ends = {k for k, m in ends.items() if m.source == "coref:pron"}
    starts = {an.mention_span[id(m)][0] for m in an.mentions
              if m.entity is not None and m.entity.type != "agent"}
    named = {i for m in an.mentions if m.entity is not None
             for i in range(*an.mention_span[id(m)])}
    any_starts = {an.mention_span[id(m)][0] for m in an.mentions}
    j = marker - 1
    start = marker
    while j >= floor and marker - j <= MAX_NP:
        tok = tokens[j]
        if j in an_marker_tokens(an) and tok not in GENITIVE:
            break
        if tok in COPULA or (tok in CLAUSE_WORDS and j not in named) or tok in HARD_PUNCT \
                or tok == "ने":
            break  # a clause word inside a name is the name's: "जो बाइडेन को"
        if tok == ",":
            # a list goes on over its commas ("भारत, चीन और रूस के साथ"), a headline's clause
            # ends at one ("… पर भड़का भारत, बीजेपी के साथ")
            if not (j - 1 in ends and start < marker) or not any(
                    tokens[k] in LIST_JOINERS for k in range(j + 1, marker)):
                break
        if j in ends and j + 1 < marker and tokens[j + 1].isdigit():
            break
        if j in ends and j + 1 in any_starts and tok in NAME_HEADS \
                and ends[j].entity is not None and not _same_mention(an, j, j + 1):
            break  # "यूपी सरकार | वरुण मामले में": a name closed by its head noun, then a name
        if j in ends and j + 1 < marker and tokens[j + 1] not in CONNECTORS | GENITIVE \
                and not _same_mention(an, j, j + 1) and ends[j].label != "NORP" \
                and (j + 1 in starts or tokens[j + 1] in NP_BREAKERS or j in pronoun_ends
                     or (j in anaphor_ends and tokens[j + 1] not in NAME_HEADS)):
            break  # "रूस चीन के साथ", "चीन जल्दी ही … को": two phrases, not one
        if tok == "का" and j + 1 < marker:
            break  # before a postposition the noun is oblique: "X का" cannot be inside
        if tok == "हुए" and j > floor and tokens[j - 1].endswith("ते"):
            break  # "… की आलोचना करते हुए फ़्रांस ने": an adverbial participle ends there
        if tok in GENITIVE and j + 1 < marker and _starts_country(an, j + 1):
            break  # "अभियान का रूस ने": the genitive belongs to a scrambled object
        start = j
        if tok in NP_OPENERS:
            break
        j -= 1
    return start


def _starts_country(an: Analysis, tok: int) -> bool:
    for m in an.mentions:
        if an.mention_span[id(m)][0] == tok and m.entity is not None \
                and (m.entity.type or "").lower() in ("country", "igo"):
            return True
    return False


def an_marker_tokens(an: Analysis) -> set[int]:
    return an.marker_tokens


def _same_mention(an: Analysis, a: int, b: int) -> bool:
    for m in an.mentions:
        ms, me = an.mention_span[id(m)]
        if ms <= a < me and ms <= b < me:
            return True
    return False


def _mark_reporters(an: Analysis) -> None:
    """A complement or quote after a reporting verb gets the reporting clause's speaker."""
    named = {i for s, e in an.mention_span.values() for i in range(s, e)}
    for k, c in enumerate(an.clauses):
        reported_condition = c.kind == "condition" and c.start >= 2 and an.tokens[c.start - 2] == "कि"
        # "X ने कहा, …", "X ने कहा: …": what follows the reporting verb's comma is what was said
        said = c.start >= 2 and an.tokens[c.start - 1] in SAID_PUNCT \
            and said_before(an.tokens, c.start - 1, named)
        if (c.kind not in ("complement", "quote") and not reported_condition and not said) or k == 0:
            continue  # "X ने कहा कि अगर …": the condition is what X said
        prev = an.clauses[k - 1]
        if not any(t in REPORTING for t in an.tokens[prev.start:prev.end]):
            continue
        pargs = an.args_in(k - 1)
        speaker = next((a for a in pargs if a.role == "ne"), None)
        if speaker is None:
            free = free_runs(an, k - 1, prev.end)
            if free:
                s, e = free[0]
                speaker = Arg("subj", s, e, e, e, an.mentions_in(s, e))
        c.reporter = speaker
    # a clause coordinated with or depending on a reported one is reported too
    for k, c in enumerate(an.clauses):
        if c.reporter is None and k > 0 and c.kind in ("coord", "relative", "condition", "consequent") \
                and an.clauses[k - 1].kind in ("complement", "quote", "coord", "relative",
                                               "condition", "consequent") \
                and an.clauses[k - 1].reporter is not None:
            c.reporter = an.clauses[k - 1].reporter
    # a headline signed by its speaker ("… हमला करेंगे: मुशर्रफ") reports what comes before
    tag = _speaker_tag(an)
    if tag is not None:
        for c in an.clauses:
            if c.start < tag.np_start - 1 and c.reporter is None:
                c.reporter = tag
    # "X के मुताबिक/अनुसार, …": X reports everything in the clause
    for a in an.args:
        if a.role == "according":
            ci = an.clause_of(a.marker_start)
            if an.clauses[ci].reporter is None:
                an.clauses[ci].reporter = a


SPEAKER_TAG_TOKENS = 4
# words that qualify a speaker's title (``…: पूर्व मुख्यमंत्री``)
TITLE_MODIFIERS = frozenset("पूर्व वरिष्ठ कार्यवाहक नवनिर्वाचित".split())


def _speaker_tag(an: Analysis) -> Arg | None:
    """The speaker after the last colon of a headline (``…: अखिलेश``, ``…: विदेश मंत्री``): at
    most SPEAKER_TAG_TOKENS words, all of them a name or title the linker found, a word
    qualifying the title after it (``पूर्व``) or up to two words of a title before a person's
    name (``…: विदेश मंत्री जयशंकर``)."""
    toks = an.tokens
    end = len(toks)
    while end and toks[end - 1] in HARD_PUNCT - {":"}:
        end -= 1
    colon = next((k for k in range(end - 1, max(-1, end - SPEAKER_TAG_TOKENS - 2), -1)
                  if toks[k] == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= end:
        return None
    mentions = an.mentions_in(colon + 1, end)
    covered = {k for m in mentions for k in range(*an.mention_span[id(m)])}
    # a person named with the title before the name (``विदेश मंत्री जयशंकर``)
    person = next((m for m in mentions if an.mention_span[id(m)][1] == end and m.label == "PER"), None)
    titled = range(colon + 1, an.mention_span[id(person)][0]) if person is not None else range(0)
    if len(titled) > 2 or any(toks[k] in POSTPOSITIONS or is_finite(toks[k]) for k in titled):
        titled = range(0)
    if not mentions or any(k not in covered and k not in titled
                           and not (toks[k] in TITLE_MODIFIERS and k + 1 in covered)
                           for k in range(colon + 1, end)):
        return None
    return Arg("subj", colon + 1, end, end, end, mentions)


def free_runs(an: Analysis, ci: int, before: int, ignore: tuple[int, int] | None = None
              ) -> list[tuple[int, int]]:
    """Runs of tokens in clause ``ci`` before token ``before`` outside every argument and
    postposition: where an unmarked (nominative) subject stands. An argument whose phrase
    contains the tokens ``ignore`` (a nominal predicate) does not cover its tokens."""
    c = an.clauses[ci]
    covered = set(an.marker_tokens)
    for a in an.args:
        if ignore and a.np_start <= ignore[0] < a.np_end:
            covered.update(range(a.marker_start, a.marker_end))
            continue
        covered.update(range(a.np_start, a.np_end))
    runs = []
    s = None
    for i in range(c.start, min(before, c.end)):
        if i in covered or an.tokens[i] in HARD_PUNCT:
            if s is not None:
                runs.append((s, i))
                s = None
        elif s is None:
            s = i
    if s is not None:
        runs.append((s, min(before, c.end)))
    return runs
