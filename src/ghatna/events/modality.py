"""Modality and polarity of a coded event: PLOVER's ``aux_mode``.

Hindi marks these on the verb group that follows the predicate (``समर्थन नहीं करेंगे``,
``मदद दे सकता है``, ``प्रतिबंध लगाए थे``) and with a few clause-level words (``अगर … तो``,
``संभावना``, ``योजना``). :func:`aux_mode` looks at the verb group after the trigger, the
words just before it and the clause, and returns one of ``negation``, ``hypothetical``,
``future``, ``historical`` or None, in that order of precedence.

Reported speech (``कहा कि``, ``के मुताबिक``) does not change the mode: the event is kept and
the reporter is recorded on the event by :mod:`ghatna.events.build`.
"""

from __future__ import annotations

NEGATORS = frozenset(["नहीं", "न", "मत", "ना", "नही"])
MODAL_POSSIBLE = frozenset("सकता सकती सकते सके सकें सकेगा सकेगी सकेंगे सकेंगी चाहिए चाहिये".split())
INTENT = frozenset("चाहता चाहती चाहते चाहा".split())
HYPOTHETICAL_WORDS = frozenset("अगर यदि संभावना संभावनाएं आशंका संभव शायद मुमकिन".split())
PLAN_WORDS = frozenset("योजना इरादा".split())
PAST_AUX = frozenset(["था", "थे", "थी", "थीं"])
PROGRESSIVE = frozenset(["रहा", "रही", "रहे"])
FUTURE_ENDINGS = ("ेगा", "ेगी", "ेंगे", "ेंगी", "ूंगा", "ूँगा", "ूंगी", "एगा", "एगी", "एंगे",
                  "एँगे", "ेगें")
FUTURE_WORDS = frozenset(["होगा", "होगी", "होंगे", "होंगी", "वाला", "वाली", "वाले"])
# Tokens that can follow a predicate inside its verb group.
VERB_GROUP = (NEGATORS | MODAL_POSSIBLE | INTENT | PAST_AUX | PROGRESSIVE | FUTURE_WORDS
              | frozenset("है हैं हूं हूँ हो दिया दी दिए दिये लिया ली लिए गया गई गए गये जा "
                          "जाएगा जाएगी जाएंगे जाएँगे जाता जाती जाते चुका चुकी चुके पाया पाई "
                          "पाए भी ही तो दें दे ले लें डाला डाले की किया किए किये कर".split()))
PASSIVE = frozenset("गया गई गए गये गयी जाएगा जाएगी जाएंगे जाएँगे जाता जाती जाते जाना जाने".split())


def verb_group(tokens: list[str], after: int, end: int, limit: int = 6) -> list[str]:
    """The auxiliaries following the predicate ending at token ``after - 1``."""
    out = []
    i = after
    while i < end and len(out) < limit:
        tok = tokens[i]
        if tok in VERB_GROUP or tok.endswith(FUTURE_ENDINGS):
            out.append(tok)
            i += 1
            continue
        break
    return out


def aux_mode(tokens: list[str], first: int, last: int, clause_start: int, clause_end: int,
             *, trigger_has_negator: bool = False, group: list[str] | None = None,
             sentence_tokens_before: list[str] | None = None) -> str | None:
    """aux_mode for the predicate spanning tokens ``first..last`` of a clause."""
    group = group if group is not None else verb_group(tokens, last + 1, clause_end)
    inside = tokens[first:last + 1]
    before = tokens[max(clause_start, first - 2):first]
    if not trigger_has_negator and (
            any(t in NEGATORS for t in inside) or any(t in NEGATORS for t in group)
            or (before and before[-1] in NEGATORS)):
        return "negation"
    if any(t in MODAL_POSSIBLE for t in group):
        return "hypothetical"
    context = sentence_tokens_before or []
    if any(t in HYPOTHETICAL_WORDS for t in tokens[clause_start:first]) or (
            any(t in ("अगर", "यदि") for t in context)):
        return "hypothetical"
    if any(t in INTENT for t in group) or any(t.endswith(FUTURE_ENDINGS) for t in inside + group) \
            or any(t in FUTURE_WORDS for t in group):
        return "future"
    if any(t in PLAN_WORDS for t in tokens[last + 1:clause_end]):
        return "future"
    for k, tok in enumerate(group):
        if tok in PAST_AUX and (k == 0 or group[k - 1] not in PROGRESSIVE):
            return "historical"
    return None


def is_passive(predicate: str, group: list[str]) -> bool:
    """A form of जाना after a perfective participle: ``लगाए गए``, ``की जा रही``, ``ले लिया गया``
    (not ``हो गए``, which is a change of state)."""
    prev = predicate
    for tok in group:
        if tok in PASSIVE and prev not in ("हो", "हुआ", "हुई", "हुए") and \
                prev.endswith(("ा", "ी", "े", "ए", "ई", "या", "यी", "ये")):
            return True
        prev = tok
    return False


def tense_hint(mode: str | None) -> str:
    return "future" if mode == "future" else "past"
