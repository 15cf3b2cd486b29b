"""An accusation whose content follows in a कि clause accuses that clause's subject.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from ghatna.events.coding import Processor


def _keys(refs):
    return sorted({r.get("country") or f"IGO:{r.get('org')}" for r in refs
                   if r.get("country") or r.get("org")})


def _accuse(proc, text):
    return next(e for e in proc.code_text(text, id="t")["events"] if e["event"] == "ACCUSE")


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


@pytest.mark.parametrize("text, recipient", [
    ("ईरान ने आरोप लगाया कि इज़राइल क्षेत्र में अशांति फैला रहा है।", ["ISR"]),
    ("चीन ने आरोप लगाया है कि जापान ने समझौते का उल्लंघन किया।", ["JPN"]),
    # an unmarked subject whose object's phrase seems to reach back over it
    ("रूस ने आरोप लगाया कि ब्रिटेन यूक्रेन को उकसा रहा है।", ["GBR"]),
])
def test_the_subject_of_the_content_is_accused(proc, text, recipient):
    assert _keys(_accuse(proc, text)["recipient"]) == recipient



@pytest.mark.parametrize("text, actor, recipient", [
    ("चीन पर व्यापार नियम तोड़ने का आरोप लगाते हुए जापान ने कहा कि वह शिकायत करेगा।", ["JPN"], ["CHN"]),
    ("ईरान की आलोचना करते हुए फ़्रांस ने कहा कि बातचीत ही रास्ता है।", ["FRA"], ["IRN"]),
])
def test_an_adverbial_participle_takes_the_main_clauses_subject(proc, text, actor, recipient):
    ev = _accuse(proc, text)
    assert _keys(ev["actor"]) == actor and _keys(ev["recipient"]) == recipient
