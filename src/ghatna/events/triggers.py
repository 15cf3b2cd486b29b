"""Which pattern matches of a sentence it presents as events.

The pattern dictionary (:mod:`ghatna.events.patterns`) finds the triggers;
:func:`triggers` keeps those the sentence reports as having happened, happening or
planned:

* the pattern's own conditions: not right after its ``not_after`` words, its clause
  having one of the ``needs`` roles and none of the ``unless`` roles;
* a bare noun only where it happened (``… में हुए हमले``, ``हमले में``, ``शिखर सम्मेलन
  रविवार को शुरू हुआ``, a headline: a short sentence without a finite verb, wherever it
  stands, so that a line coded alone and the same line as an article's title agree), not
  merely named;
* the elliptic reading of a verbal pattern (its first word alone, ``… हवाईअड्डे से
  गिरफ्तार``) only at the end of a clause without a finite verb;
* a verb, not a participle modifying a noun (``प्रदर्शन कर रहे सांसदों``, ``हिरासत में लिए
  गए पत्रकारों``); an intransitive one (``यात्रा पर आए प्रधानमंत्री``) is kept and marked
  ``background``;
* not an infinitive governed by a later verbal trigger of its clause (``सहयोग बढ़ाने को
  लेकर सहमति बनी`` is one AGREE).

:func:`off_topic` tells sentences about sports or entertainment (``event_filters.txt``),
which yield no events at all.
"""

from __future__ import annotations

from collections.abc import Callable

from .clauses import (
    CLAUSE_WORDS,
    CONNECTORS,
    COPULA,
    FINITE,
    GENITIVE,
    HARD_PUNCT,
    Analysis,
    Clause,
    is_finite,
)
from .dates import find_date_expressions
from .patterns import KI_VERB_AFTER, POSTPOSITIONS, Match, PatternSet, fold
from .where_when import is_place

HAPPENED_BEFORE = frozenset("हुई हुए हुआ हुयी होने वाली वाले".split())
EVENT_FOLLOWERS = (("में",), ("के", "दौरान"), ("के", "बीच"), ("पर",), ("के", "तहत"), ("से",))
# Tokens after a participle showing it is the clause's verb, not a noun modifier.
VERBAL_FOLLOWERS = frozenset(
    "है हैं था थे थी थीं गया गई गए गये गयी जा जाएगा जाएगी जाएंगे जाएँगे जाने जाते रहा रही "
    "रहे चुका चुकी चुके सकता सकती सकते दिया दी दिए लिया ली लिए नहीं भी ही हुए हुई तो "
    "था। हैं। और तथा एवं व".split())
SUBORDINATE_ENDINGS = ("ने", "ना", "नी")
HO_PERFECTIVE = frozenset("हुआ हुई हुए हुईं".split())
INTRANSITIVE = frozenset("आए आई आये गए गई गये पहुंचे पहुंची पहुँचे लौटे".split())
NOT_PARTICIPLES = frozenset("पूरी पूरे पूरा जारी शुरू लागू भी ही नहीं".split())
PARTICIPLE_ENDINGS = ("ए", "े", "ये", "ई", "ी", "यी")
# What an infinitive predicate leans on: obligation, need, beginning (करना होगा, करनी
# चाहिए, करना शुरू किया); without one the infinitive is a noun.
INFINITIVE_HEADS = frozenset(fold(w) for w in (
    "है हैं था थे थी होगा होगी होंगे चाहिए चाहिये चाहता चाहती चाहते "
    "पड़ा पड़ी पड़े पड़ेगा पड़ेगी पड़ेंगे शुरू जारी बंद").split())
# Nouns whose infinitive complement names an act that has not happened: what is demanded,
# threatened, alleged, planned or attempted ("… देने की मांग", "हमला करने की धमकी"). An
# order, decision or announcement ("भेजने का आदेश/फैसला/ऐलान") reports the act itself.
UNREALISED_HEADS = frozenset(
    "मांग माँग अनुरोध अपील आग्रह गुहार निवेदन धमकी चेतावनी आरोप योजना योजनाएं साजिश साज़िश "
    "षड्यंत्र कोशिश कोशिशें प्रयास इरादा मंशा आशंका अंदेशा सुझाव सलाह प्रस्ताव".split())
MEANS = frozenset("मदद सहायता सहयोग".split())  # "X की मदद से": with X's help
OBJECT_MARKERS = frozenset("से को की का के पर".split())
CLAUSE_END = frozenset(", : । . - ! ? ; | –".split())
HEADLINE_TOKENS = 20  # a headline is short


def off_topic(tokens: list[str], filters: dict[str, list[tuple[str, ...]]]) -> bool:
    """The sentence contains one of the ``filters`` phrases (sports, entertainment), given
    by their first word, and says no one was killed: people killed (``मारे गए``) are news
    whatever else the sentence names (``लाहौर में श्रीलंकाई क्रिकेट टीम पर हमला हुआ, जिसमें
    सात लोग मारे गए``)."""
    if any(tokens[i:i + 2] in (["मारे", "गए"], ["मारे", "गये"]) for i in range(len(tokens) - 1)):
        return False
    for i, tok in enumerate(tokens):
        for phrase in filters.get(tok, ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                return True
    return False


def triggers(an: Analysis, patterns: PatternSet) -> list[Match]:
    """The matches of the sentence that are events, in sentence order."""
    def finite(tok: str) -> bool:
        return is_finite(tok) or fold(tok) in patterns.finite

    matches = patterns.match(
        an.tokens, accept=lambda m: _licensed(m, an, finite, patterns.infinitives))
    return _drop_subordinate(matches, an)


def _licensed(m: Match, an: Analysis, finite: Callable[[str], bool],
              infinitives: frozenset[str]) -> bool:
    if not _conditions_hold(m, an) or _press(m, an):
        return False
    if m.form == "elliptic":
        return _verbless_end(m, an, finite)
    if m.form == "inverted" and _verb_follows(m, an, finite):
        return False  # "द्वारा लगाए प्रतिबंध हटाए जाएंगे": a participle before the verb
    if m.form == "inverted" and _object_goes_on(m, an):
        return False  # "किया संघर्ष विराम का उल्लंघन": the violation, not a ceasefire
    if m.pattern.kind == "nominal":
        return _happened(m, an, finite)
    return _predicate(m, an, infinitives, finite) and not _habitual(m, an)


# nouns whose genitive is the act they report ("किया युद्धविराम का ऐलान")
REPORTING_HEADS = frozenset("ऐलान एलान घोषणा आदेश फैसला फ़ैसला निर्णय".split())


def _object_goes_on(m: Match, an: Analysis) -> bool:
    """An inverted headline's object is a genitive of the noun after it (``किया संघर्ष विराम
    का उल्लंघन``): that noun is what was done, unless it announces the act (``… का ऐलान``)."""
    toks = an.tokens
    k = m.last + 1
    return k + 1 < len(toks) and toks[k] in GENITIVE and toks[k + 1][:1].isalpha() \
        and toks[k + 1] not in POSTPOSITIONS and toks[k + 1] not in REPORTING_HEADS


# what follows an oblique infinitive used as a noun or participle
PARTICIPLE_HEADS = frozenset("वाले वाला वाली वालों".split())
OBLIQUE_HEADS = frozenset("के का की को से पर".split())
PRESS = frozenset("पत्रकारों संवाददाताओं मीडिया मीडियाकर्मियों प्रेस".split())


def _press(m: Match, an: Analysis) -> bool:
    """Talking to reporters or to a news outlet (``पत्रकारों से बातचीत में कहा``, ``बीबीसी से
    हुई बातचीत में``) is how news is made, not a meeting between political actors."""
    if m.pattern.type != "CONSULT":
        return False
    k = m.first - 1
    if k > 0 and an.tokens[k] in HAPPENED_BEFORE:
        k -= 1  # "… से हुई बातचीत"
    if k < 1 or an.tokens[k] not in ("से", "के", "को"):
        return False
    # the reporters, or an outlet's name ending at most two words before the postposition
    # ("बीबीसी बांग्ला सेवा से")
    return an.tokens[k - 1] in PRESS or any(j in an.media for j in range(max(0, k - 3), k))


HABITUAL_PASSIVE = frozenset(["जाता", "जाती", "जाते"])
SUBJUNCTIVE_PASSIVE = frozenset(["जाए", "जाये", "जाएं", "जाएँ", "जायें"])
PAST = frozenset(["था", "थे", "थी", "थीं"])
PRESENT = frozenset(["है", "हैं"])


def _habitual(m: Match, an: Analysis) -> bool:
    """A habit, a practice or a wish, not an event: the habitual passive (``सेवा में तैनात किया
    जाता था``, ``जांच की जाती है``), the past habitual (``मदद करते थे``), what happens as a
    rule (``चर्चा होती है``) and what should be done (``राष्ट्रपति शासन लगाया जाए``)."""
    nxt = an.tokens[m.last + 1:m.last + 3]
    if nxt[:1] and nxt[0] in ("किया", "की", "किए", "किये") and m.pattern.kind == "verbal":
        nxt = an.tokens[m.last + 2:m.last + 4]  # "… जारी किया जाता है"
    if nxt[:1] and (nxt[0] in HABITUAL_PASSIVE or nxt[0] in SUBJUNCTIVE_PASSIVE):
        return True
    last = an.tokens[m.last]
    if last in ("होता", "होती", "होते") and nxt[:1] and nxt[0] in PRESENT:
        return True
    if last.endswith(("ता", "ती", "ते")) and len(last) > 2 and nxt[:1] and nxt[0] in PRESENT \
            and m.pattern.kind == "verbal" and not _first_person(an, an.clause_of(m.first)) \
            and an.clauses[an.clause_of(m.first)].reporter is None:
        return True  # "… में मदद करता है", "वे गलत आरोप लगाते हैं": what someone does as a rule
    # the imperfective participle is the trigger's last word or the word after it
    imperfective = ("ता", "ती", "ते")
    verb, after = (nxt[0], nxt[1:2]) if nxt and nxt[0].endswith(imperfective) else (last, nxt[:1])
    return m.pattern.kind == "verbal" and verb.endswith(imperfective) and len(verb) > 2 \
        and bool(after) and after[0] in PAST


FIRST_PERSON = frozenset("हम मैं हमें मुझे हमने मैंने हमारी हमारा हमारे".split())


def _first_person(an: Analysis, ci: int) -> bool:
    """``हम इसकी निंदा करते हैं``: a speaker's present is a deed done by saying it (and so in
    reported speech: ``X ने कहा कि यूक्रेन प्रस्ताव स्वीकार करता है``)."""
    c = an.clauses[ci]
    return any(t in FIRST_PERSON for t in an.tokens[c.start:c.end])


def _headline(an: Analysis, finite: Callable[[str], bool]) -> bool:
    """A short sentence without a finite verb: a headline, or a line written like one."""
    return len(an.tokens) <= HEADLINE_TOKENS and not any(finite(t) for t in an.tokens)


def _verbless_end(m: Match, an: Analysis, finite: Callable[[str], bool]) -> bool:
    """The trigger ends a clause that has no finite verb: ``पूर्व मंत्री हवाईअड्डे से
    गिरफ्तार``, ``…, दो आतंकी ढेर``; not the subject a headline puts after its verb
    (``ठंडी पड़ी है घोटाले की जांच``)."""
    toks = an.tokens
    clause = an.clauses[an.clause_of(m.first)]
    if clause.start > 0 and toks[clause.start - 1] in COPULA:
        return False
    nxt = toks[m.last + 1] if m.last + 1 < len(toks) else None
    # "… शख्स हुआ गिरफ्तार": होना's perfective put before the participle is no other verb
    before = m.first - 1 if m.first > clause.start and toks[m.first - 1] in HO_PERFECTIVE else -1
    # in a headline, a comma or dash closes a verbless part of its own: "स्कूल प्रिंसिपल की
    # हत्या, हरियाणा में मिला भाई का शव", "विपक्ष का तंज- …"
    end = m.last + 1 if len(toks) <= HEADLINE_TOKENS else clause.end
    return (nxt is None or nxt in CLAUSE_END) and not any(
        finite(t) and not _genitive_ki(toks, k, clause.start, clause.end)
        for k, t in enumerate(toks[clause.start:end], clause.start) if k != before)


def _genitive_ki(toks: list[str], k: int, start: int, end: int) -> bool:
    """The की at ``k`` is the genitive, not करना's perfective: a noun before it and a word
    of its clause after it (``व्यापारी की हत्या``, but ``… ने की हत्या``, ``हत्या की``,
    and in a clause with a ने phrase, ``… ने खारिज की याचिका``)."""
    return toks[k] == "की" and k > 0 and toks[k - 1] not in KI_VERB_AFTER \
        and toks[k - 1] not in CLAUSE_END and k + 1 < end and toks[k + 1] not in CLAUSE_END \
        and "ने" not in toks[start:k]


def _conditions_hold(m: Match, an: Analysis) -> bool:
    """The pattern's ``not_after``, ``not_before``, ``only_after``, ``after_place``, ``needs`` and ``unless``."""
    p = m.pattern
    if p.not_after and m.first > 0 and an.tokens[m.first - 1] in p.not_after:
        return False
    if p.not_before and an.tokens[m.last + 1:m.last + 2] and an.tokens[m.last + 1] in p.not_before:
        return False
    if p.only_after and (m.first == 0 or an.tokens[m.first - 1] not in p.only_after):
        return False
    if p.after_place and not any(
            an.mention_span[id(x)][1] == m.first and x.entity is not None
            and x.entity.type in ("place", "country") for x in an.mentions):
        return False
    if p.needs or p.unless:
        ci = an.clause_of(m.first)
        roles = {a.role for a in an.args_in(ci)}
        if an.clauses[ci].reporter is not None:
            roles.add("reported")
        needs = set(p.needs) - {"actor", "recipient"}  # (checked on the built event)
        if needs and not roles & needs:
            return False
        if p.unless and roles & set(p.unless):
            return False
        if "reported" in p.needs and _speakers_own_deed(m, an, ci):
            return False
    return True


SPEAKER_SUBJECTS = frozenset("हमने मैंने हम मैं".split())


def _speakers_own_deed(m: Match, an: Analysis, ci: int) -> bool:
    """``मंत्री ने कहा कि हमने संघर्षविराम का उल्लंघन नहीं किया``: what the speaker tells of
    their own side (most often denying it) is no accusation of anyone."""
    return any(t in SPEAKER_SUBJECTS for t in an.tokens[an.clauses[ci].start:m.first])


def _happened(m: Match, an: Analysis, finite: Callable[[str], bool]) -> bool:
    """A nominal trigger names an event that took place, not merely the notion: not a
    kind of event (``ऐसे हमलों से``), not what others oppose (``हमले के खिलाफ``), not what
    happens as a rule (``इन हमलों में आम नागरिक मारे जाते हैं``), and not an event named
    inside a noun phrase (``हमलों में शामिल लोगों के ख़िलाफ़``, ``हमलों में मारे गए लोगों के
    परिजनों``)."""
    toks = an.tokens
    if GENERIC & set(toks[max(0, m.first - 2):m.first]):
        return False
    if tuple(toks[m.last + 1:m.last + 3]) in OPPOSED:
        return False  # "पुलवामा हमले के खिलाफ … भारत बंद": what people oppose, told before
    if _headline(an, finite):
        return True
    clause = an.clauses[an.clause_of(m.first)]
    if _as_a_rule(toks[clause.start:clause.end]) or _inside_phrase(an, m.last + 1):
        return False
    nxt_tok = toks[m.last + 1] if m.last + 1 < len(toks) else None
    if (nxt_tok is None or nxt_tok in (",", ":", "।", ".", "-")) and not any(
            t in FINITE for t in toks[clause.start:clause.end]):
        return True  # a verbless headline-style clause: "ट्रेन पर आतंकी हमला, …"
    prev = toks[max(0, m.first - 3):m.first]
    if any(t in HAPPENED_BEFORE for t in prev):
        return True
    nxt = tuple(toks[m.last + 1:m.last + 3])
    if m.pattern.type == "CONSULT" and any(
            t in ("शुरू", "संपन्न", "आयोजित", "समाप्त", "चली", "चला", "चले") and not (
                k + 1 < clause.end and toks[k + 1].endswith("ने"))
            for k, t in enumerate(toks[:clause.end]) if k > m.last):
        return True  # "शिखर सम्मेलन रविवार को शुरू हुआ"
    return any(nxt[:len(f)] == f for f in EVENT_FOLLOWERS) or _took_place(m, an, clause)


# words of when and where between an event noun and its होना (रविवार को, दिल्ली में)
WHEN_WHERE = frozenset("को में पर भी ही फिर आज कल सुबह शाम रात दोपहर देर यहां यहाँ वहां वहाँ "
                       "सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार".split())


def _took_place(m: Match, an: Analysis, clause: Clause) -> bool:
    """The noun is the subject of a perfective of होना with only when and where between
    (``भारत-पाक वार्ता रविवार को इस्लामाबाद में हुई``, ``हमला सुबह हुआ``)."""
    toks = an.tokens
    verb = next((k for k in range(m.last + 1, clause.end) if toks[k] in HO_PERFECTIVE), None)
    if verb is None:
        return False  # (most nouns: the sentence's dates are not looked for)
    spans = [(d.start, d.end) for d in find_date_expressions(an.sentence.text)]
    places = {k for mm in an.mentions if is_place(mm.entity) for k in range(*an.mention_span[id(mm)])}
    for k in range(m.last + 1, verb):
        s, e = an.char_span(k, k + 1)
        if not (toks[k] in WHEN_WHERE or k in places or any(ds <= s and e <= de for ds, de in spans)):
            return False
    return True


# what follows an event that others oppose or protest against
OPPOSED = frozenset([("के", "खिलाफ"), ("के", "ख़िलाफ़"), ("के", "खिलाफ़"), ("के", "ख़िलाफ"),
                     ("के", "विरोध"), ("के", "विरुद्ध")])
# determiners of a kind, not of an event that took place
GENERIC = frozenset("ऐसे ऐसी ऐसा किसी".split())
# participles and adjectives that make "X में …" describe people: "हमले में मारे गए लोगों के"
IN_EVENT_MODIFIERS = frozenset("शामिल मारे घायल जख्मी ज़ख्मी हताहत मृत लिप्त संलिप्त "
                               "पकड़े बचे".split())


def _as_a_rule(clause: list[str]) -> bool:
    """The clause's verb is a present habitual (``मारे जाते हैं``, ``होते हैं``)."""
    return any(t.endswith(("ता", "ती", "ते")) and len(t) > 2 and nxt in PRESENT
               for t, nxt in zip(clause, clause[1:]))


def _inside_phrase(an: Analysis, j: int) -> bool:
    """``[trigger] में शामिल लोगों के``: the ``में`` phrase describes a noun that a
    postposition closes, so the event is named inside a noun phrase."""
    toks = an.tokens
    if toks[j:j + 1] != ["में"] or toks[j + 1:j + 2] == [] or toks[j + 1] not in IN_EVENT_MODIFIERS:
        return False
    k = j + 2
    if toks[k:k + 1] and toks[k] in ("गए", "गई", "गये", "गयी", "हुए", "हुई"):
        k += 1
    return k + 1 < len(toks) and not _verbal_after(an, k) and (
        k + 1 in an.marker_tokens or toks[k + 1] in GENITIVE) \
        and toks[k + 2:k + 3] != ["संख्या"]  # "… में मारे गए लोगों की संख्या": its toll


def _verbal_after(an: Analysis, j: int) -> bool:
    """Token ``j`` shows that the word before it is the clause's verb."""
    t = an.tokens[j]
    return (t in VERBAL_FOLLOWERS or t in HARD_PUNCT or t in CLAUSE_WORDS or t in CONNECTORS
            or j in an.marker_tokens)


def _predicate(m: Match, an: Analysis, infinitives: frozenset[str],
               finite: Callable[[str], bool]) -> bool:
    """A verb trigger is the clause's predicate, not a participle modifying a noun nor an
    infinitive used as a noun (``भारत को निशाना बनाना अनुचित है``)."""
    toks = an.tokens
    last = toks[m.last]
    j = m.last + 1
    if toks[m.first] in MEANS and toks[m.first + 1:m.first + 2] == ["से"]:
        return False  # "एनजीओ की मदद से काम जारी रखा": the means, not an act of aid
    if toks[j:j + 1] == ["जाने"] and toks[j + 1:j + 2] in (["का"], ["की"]) \
            and toks[j + 2:j + 3] and toks[j + 2] in UNREALISED_HEADS:
        return False  # "आयकर साझा किए जाने का सुझाव": what is proposed, not done
    if m.pattern.kind == "verbal" and fold(last) in infinitives:
        if last.endswith(("ना", "नी")) and (j >= len(toks) or fold(toks[j]) not in INFINITIVE_HEADS):
            return False
        if last.endswith("ने") and j < len(toks) and toks[j] == "में":
            return False  # "… की मदद करने में भूमिका": a way of doing, not a deed
        if last.endswith("ने") and toks[j:j + 1] and toks[j] in PARTICIPLE_HEADS:
            return False  # "सजा सुनाने वाले जज": who did it, named by the deed
        if len(m.tokens) == 1 and last.endswith("ने") and toks[j:j + 1] and toks[j] in OBLIQUE_HEADS \
                and toks[j:j + 2] != ["के", "बाद"]:
            return False  # "पीटने के आरोप में": a verb used as a noun (but "पीटने के बाद …":
            # what was done before)
        if last.endswith("ने") and toks[j:j + 1] in (["का"], ["की"]) and j + 1 < len(toks) \
                and toks[j + 1] in UNREALISED_HEADS:
            return False  # "हथियार न देने की मांग", "हमला करने की योजना": not a deed
    if j + 1 < len(toks) and toks[j] in ("रहे", "रही", "रहा", "चुके", "चुकी", "चुका") \
            and not _verbal_after(an, j + 1):
        return False  # "प्रदर्शन कर रहे सांसदों": a participle modifying a noun
    # (an inverted headline ends in its object: "मांगी फांसी की सजा" names no participle)
    if m.pattern.kind == "verbal" and len(m.tokens) > 1 and m.form != "inverted" \
            and last.endswith(PARTICIPLE_ENDINGS) \
            and not last.endswith(("ने", "ते", "ती")) and last not in NOT_PARTICIPLES \
            and not (last.endswith("के") and fold(last[:-2] + "ना") in infinitives):  # करके
        if j < len(toks) and toks[j] in ("गए", "गई", "गये", "गयी"):
            j += 1
        if j < len(toks) and not _verbal_after(an, j):
            if j == m.last + 1 and finite(last) and _headline_tail(an, j, finite) and (
                    last not in GENITIVE or _ergative_before(m, an, j, finite)):
                return True  # "… रिहा किए 100 मछुआरे", "… से मिले किसान नेता": a headline;
                # after a ने phrase की is करना's ("… ने खारिज की चार दया याचिकाएं")
            passive = m.last > m.first and toks[m.last - 1].endswith(PARTICIPLE_ENDINGS) \
                and m.last - 1 not in an.marker_tokens  # "मारे गए": गए is the passive's
            if last in GENITIVE or last not in INTRANSITIVE or passive:
                return False  # "हमलों की निंदा", "हिरासत में लिए गए पत्रकारों": background
            # "यात्रा पर आए प्रधानमंत्री": a past event named inside a noun phrase;
            # coded, with lower confidence (see ghatna.events.build)
            m.background = True
    return True


def _to_comma(an: Analysis, ci: int, j: int) -> list[str]:
    """The tokens of clause ``ci`` from ``j`` up to its end or a comma (any CLAUSE_END)."""
    end = j
    while end < an.clauses[ci].end and an.tokens[end] not in CLAUSE_END:
        end += 1
    return an.tokens[j:end]


def _verb_follows(m: Match, an: Analysis, finite: Callable[[str], bool]) -> bool:
    """A finite verb (not the genitive की) follows the match before the clause or a comma
    ends."""
    return any(finite(tok) and tok not in GENITIVE
               for tok in _to_comma(an, an.clause_of(m.first), m.last + 1))


HEADLINE_TAIL = 5


def _headline_tail(an: Analysis, j: int, finite: Callable[[str], bool]) -> bool:
    """What follows a perfective from token ``j`` is a headline's object or subject: a bare
    phrase of at most HEADLINE_TAIL words up to the end of the clause or a comma (no
    postposition but the genitive and ``और``, no verb, no ``कि``)."""
    tail = _to_comma(an, an.clause_of(j - 1), j)
    return 0 < len(tail) <= HEADLINE_TAIL and not any(
        (t in POSTPOSITIONS or finite(t) or t == "कि") and t not in GENITIVE and t != "और"
        for t in tail)


def _ergative_before(m: Match, an: Analysis, j: int, finite: Callable[[str], bool]) -> bool:
    """A ने phrase of the trigger's clause stands before it, and no verb follows it from
    ``j`` (a की there is one unless a word follows it): the trigger's की is then the
    clause's verb."""
    ci = an.clause_of(m.first)
    tail = _to_comma(an, ci, j)
    return "ने" in an.tokens[an.clauses[ci].start:m.first] and not any(
        finite(t) and not (t == "की" and k + 1 < len(tail)) for k, t in enumerate(tail))


def _drop_subordinate(matches: list[Match], an: Analysis) -> list[Match]:
    """Triggers that are part of another event, or only a time reference, are not coded on
    their own:

    * an infinitive governed by a later trigger of its clause (``सहयोग बढ़ाने को लेकर
      सहमति बनी`` is one AGREE);
    * what a refusal refuses (``बातचीत से इनकार``, ``इस्तीफे की मांग ठुकराई``: a REJECT,
      not also a CONSULT or a REQUEST), and what one is ready for (``बातचीत को तैयार``);
    * a noun naming an earlier event as a point in time (``हमले के एक दिन बाद``);
    * a noun naming the act another trigger is about, through the genitive (``सीमा पर हुए
      हमलों की निंदा की``: background to the condemnation, EVENTS.md).
    """
    keep = []
    for k, m in enumerate(matches):
        if _refused(m, matches, an) or _time_reference(m, an) or _genitive_object(m, matches, an):
            continue
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


def _genitive_object(m: Match, matches: list[Match], an: Analysis) -> bool:
    """``m`` is a noun whose genitive is followed by another verbal trigger: the act that
    trigger condemns, investigates or answers."""
    if m.pattern.kind != "nominal" or an.tokens[m.last + 1:m.last + 2] not in (["की"], ["के"], ["का"]):
        return False
    return any(o.first == m.last + 2 and o.pattern.kind != "nominal" and o.form != "inverted"
               and o.pattern.type != m.pattern.type for o in matches)


def _refused(m: Match, matches: list[Match], an: Analysis) -> bool:
    """``m`` is the object of a REJECT trigger whose noun follows it, joined only by
    postpositions (the noun of an inverted headline is its last word: ``किया … बातचीत से
    इनकार``), or what a copular AGREE is ready for (``बातचीत को तैयार``)."""
    for o in matches:
        head = o.last if o.form == "inverted" else o.first
        willing = o.pattern.type == "AGREE" and o.pattern.kind == "copular"
        if not (o.pattern.type == "REJECT" or willing) or m.pattern.type == o.pattern.type \
                or head <= m.last:
            continue
        between = an.tokens[m.last + 1:head]
        if willing:  # "बातचीत को तैयार", "बातचीत के लिए राजी": what one is ready for
            return between in (["को"], ["के", "लिए"], ["के", "लिये"])
        if between[:1] == ["से"] and len(between) <= 6 and not any(
                t in HARD_PUNCT or t in CLAUSE_WORDS or t in CONNECTORS for t in between):
            return True  # "हमले से श्रीलंका सरकार का इनकार"
        return 1 <= len(between) <= 2 and all(t in OBJECT_MARKERS for t in between)
    return False


def _time_reference(m: Match, an: Analysis) -> bool:
    """A noun trigger followed by ``के (…) बाद`` or ``से पहले``: the sentence dates
    something else by it; or by ``के मामले``: it names an earlier event as a case."""
    if m.pattern.kind != "nominal":
        return False
    nxt = an.tokens[m.last + 1:m.last + 6]
    if nxt[:1] == ["के"] and nxt[1:2] in (["मामले"], ["मामलों"], ["सिलसिले"]):
        return True  # "बम धमाकों के मामले में", "हत्या के मामले में"
    if nxt[:1] == ["से"] and nxt[1:2] in (["पहले"], ["पूर्व"]):
        return True
    return nxt[:1] == ["के"] and any(t in ("बाद", "उपरांत") for t in nxt[1:5]) and not any(
        t in HARD_PUNCT for t in nxt[1:5])
