"""aux_mode from the verb group and the clause."""

from __future__ import annotations

import pytest

from ghatna.events.modality import aux_mode, is_passive, verb_group


def _mode(sentence: str, trigger: str) -> str | None:
    toks = sentence.split()
    trig = trigger.split()
    first = next(i for i in range(len(toks)) if toks[i:i + len(trig)] == trig)
    last = first + len(trig) - 1
    return aux_mode(toks, first, last, 0, len(toks))


@pytest.mark.parametrize("sentence, trigger, mode", [
    ("भारत इस प्रस्ताव का समर्थन नहीं करेगा", "समर्थन नहीं करेगा", "negation"),
    ("चीन उत्तर कोरिया को मदद दे सकता है", "मदद दे", "hypothetical"),
    ("अगर बातचीत विफल हुई तो अमेरिका प्रतिबंध लगाएगा", "प्रतिबंध लगाएगा", "hypothetical"),
    ("प्रधानमंत्री अगले सप्ताह जापान का दौरा करेंगे", "दौरा करेंगे", "future"),
    ("सरकार विदेशी कंपनियों पर प्रतिबंध लगाना चाहती है", "प्रतिबंध लगाना", "future"),
    ("इन देशों ने प्रतिबंध लगाए थे", "प्रतिबंध लगाए", "historical"),
    ("प्रदर्शनकारी नारेबाजी कर रहे थे", "नारेबाजी कर", None),
    ("पुलिस ने उन्हें गिरफ्तार किया", "गिरफ्तार किया", None),
])
def test_aux_mode(sentence, trigger, mode):
    assert _mode(sentence, trigger) == mode


def test_passive_needs_a_participle():
    assert is_passive("लगाए", verb_group("लगाए गए हैं".split(), 1, 3))
    assert not is_passive("हो", verb_group("हो गए हैं".split(), 1, 3))
