"""Demands in reported speech: a subjunctive or an infinitive with चाहिए that someone says is
their REQUEST of whoever is to act. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from ghatna.events.coding import Processor


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


def _events(proc, text):
    return proc.code_text(text, id="t", date="2025-02-10")["events"]


def _keys(refs):
    return sorted({r.get("country") or f"IGO:{r.get('org')}" for r in refs if r.get("country") or r.get("org")})


@pytest.mark.parametrize("text, actor, recipient", [
    # a headline signed by its speaker, the subject after the verb
    ("सीमा पर घुसपैठ रोकने के लिए कदम उठाए चीन: भारत", ["IND"], ["CHN"]),
    ("दोषियों के खिलाफ कार्रवाई करे पाकिस्तान: विदेश मंत्री जयशंकर", ["IND"], ["PAK"]),
    # the subject before the verb, the plural or honorific subjunctive
    ("ईरान परमाणु समझौते का पालन करे: फ्रांस", ["FRA"], ["IRN"]),
    # the words after कहा कि and after a headline's बोले-
    ("जर्मनी ने कहा कि रूस अपनी सेना वापस बुलाए।", ["DEU"], ["RUS"]),
    ("ब्रिटिश प्रधानमंत्री बोले- इजरायल गाजा में मानवीय सहायता पहुंचने दे", ["GBR"], ["ISR"]),
    # an infinitive with चाहिए, its subject in the dative
    ("अमेरिका ने कहा कि उत्तर कोरिया को परीक्षण बंद करना चाहिए।", ["USA"], ["PRK"]),
])
def test_a_demand_is_the_speakers_request(proc, text, actor, recipient):
    events = _events(proc, text)
    requests = [e for e in events if e["event"] == "REQUEST"]
    assert requests, events
    assert _keys(requests[0]["actor"]) == actor
    assert _keys(requests[0]["recipient"]) == recipient


def test_the_demanded_act_is_not_coded_as_done(proc):
    # the sanction and the apology are what the speaker wants, not what happened
    events = _events(proc, "ईरान पर नए प्रतिबंध लगाए यूरोपीय संघ: इजरायल")
    assert [e["event"] for e in events] == ["REQUEST"]
    assert _keys(events[0]["actor"]) == ["ISR"] and _keys(events[0]["recipient"]) == ["IGO:EU"]
    assert [e["event"] for e in _events(proc, "युद्ध अपराधों के लिए माफी मांगे जापान: चीन")] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    # the writer's advice to the reader: nobody's demand
    "गर्मी में बच्चों को धूप से बचाएं",
    # a purpose clause
    "सरकार ने कहा कि उसने राहत शिविर बनाए ताकि लोग वहां रह सकें।",
    # the speaker's own side
    "हम मिलकर आतंकवाद से लड़ें: प्रधानमंत्री मोदी",
    # a question
    "क्या चीन से बातचीत करे भारत? विशेषज्ञों की राय",
    # what should have been done is criticism, not a demand
    "अमेरिका ने कहा कि पाकिस्तान को पहले कार्रवाई करनी चाहिए थी।",
    # a court's order
    "अदालत ने कहा कि आरोपी को जमानत पर रिहा किया जाए।",
    # a plural noun after a genitive, a perfective after a ने phrase
    "सरकार ने मानी किसानों की मांगें: कृषि मंत्री",
])
def test_not_a_demand(proc, text):
    assert "REQUEST" not in [e["event"] for e in _events(proc, text)]
