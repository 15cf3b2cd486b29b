"""Acts only a state's authorities do (``state_agent`` patterns), told in the passive with
no agent: the state where they happen is the actor. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ghatna.events.coding import Processor


def _keys(refs):
    return sorted({r.get("country") or f"IGO:{r.get('org')}" for r in refs
                   if r.get("country") or r.get("org")})


def _events(proc, text, etype):
    return [e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype]


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


@pytest.mark.parametrize("text, etype, actor", [
    ("पेशावर में तीन संदिग्धों को हिरासत में लिया गया।", "COERCE", ["PAK"]),
    ("ढाका में विपक्ष के दो नेताओं को गिरफ़्तार कर लिया गया है।", "COERCE", ["BGD"]),
    ("लखनऊ में पांच संदिग्ध गिरफ्तार", "COERCE", ["IND"]),
    ("कराची में दो पत्रकारों को जेल से रिहा कर दिया गया।", "RETREAT", ["PAK"]),
    ("काबुल में संसद के आसपास अतिरिक्त सैनिक तैनात किए गए हैं।", "MOBILIZE", ["AFG"]),
    ("कोलंबो में रात भर के लिए कर्फ़्यू लगा दिया गया।", "COERCE", ["LKA"]),
])
def test_the_state_where_it_happens_acts(proc, text, etype, actor):
    events = _events(proc, text, etype)
    assert events and _keys(events[0]["actor"]) == actor


def test_a_named_agent_is_kept(proc):
    ev = _events(proc, "पेशावर में अमेरिकी सैनिकों द्वारा तीन लोगों को हिरासत में लिया गया।",
                 "COERCE")[0]
    assert _keys(ev["actor"]) == ["USA"]


def test_an_attack_has_no_state_agent(proc):
    # where a bomb goes off does not say who set it
    for ev in _events(proc, "पेशावर में एक बाज़ार पर हमला किया गया।", "ASSAULT"):
        assert ev["actor"] == []
