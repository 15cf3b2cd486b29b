"""Hindi verb forms generated from the infinitive."""

from __future__ import annotations

import pytest

from ghatna.text.inflect import (
    compound_perfective_forms,
    finite_forms,
    infinitive_forms,
    perfective_forms,
    subjunctive_forms,
    verb_forms,
)


@pytest.mark.parametrize("verb, forms", [
    ("करना", ["किया", "की", "किए", "कीं", "किये", "करेगा", "करेंगी", "करते", "करने", "करके", "कर", "कीजिए"]),
    ("देना", ["दिया", "दीं", "दिये", "देंगे", "दूंगा", "देकर", "दे", "दें"]),
    ("होना", ["हुआ", "हुईं", "होगी", "होंगे", "होने"]),
    ("लगाना", ["लगाया", "लगाईं", "लगाये", "लगाएगा", "लगायेंगे", "लगा", "लगाकर", "लगाने"]),
    ("भेजना", ["भेजा", "भेजीं", "भेजेगी", "भेजें", "भेज", "भेजकर"]),
    ("जाना", ["गया", "गईं", "गये", "जाएंगे", "जाकर"]),
])
def test_forms_of_regular_and_irregular_verbs(verb, forms):
    assert set(forms) <= verb_forms(verb)


def test_no_form_is_made_up():
    assert "करकर" not in verb_forms("करना")  # the conjunctive is करके or कर
    assert "कराया" not in verb_forms("करना")  # a causative is a verb of its own
    assert all(f.startswith("सौंप") for f in verb_forms("सौंपना"))


def test_perfective_finite_and_infinitive_subsets():
    assert perfective_forms("करना") == {"किया", "की", "किए", "कीं", "किये"}
    assert perfective_forms("छोड़ना") == {"छोड़ा", "छोड़ी", "छोड़े", "छोड़ीं"}
    assert {"भेजा", "भेजेगा"} <= finite_forms("भेजना")
    assert not {"भेजने", "भेज", "भेजता"} & finite_forms("भेजना")
    assert infinitive_forms("रोकना") == {"रोकना", "रोकने", "रोकनी"}
    assert {"कर दिया", "कर दी", "कर ली", "कर डाली"} <= compound_perfective_forms("करना")
    assert "दे दी" in compound_perfective_forms("देना")


def test_subjunctive_forms():
    assert subjunctive_forms("करना") == {"करे", "करें"}
    assert subjunctive_forms("सौंपना") == {"सौंपे", "सौंपें"}
    assert {"लगाए", "लगाएं", "लगायें"} <= subjunctive_forms("लगाना")
    assert "जाएं" in subjunctive_forms("जाना")
    # every subjunctive is among the verb's forms
    for verb in ("करना", "देना", "लेना", "होना", "जाना", "सौंपना", "लगाना", "मांगना"):
        assert subjunctive_forms(verb) <= verb_forms(verb), verb
