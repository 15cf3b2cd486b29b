"""The events stage and `ghatna code`, on sentences written for these tests, through the
real pipeline (segment + knowledge-base linker + events)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT

from ghatna.events.coding import Processor
from ghatna.events.coref import ref_key
from ghatna.pipeline import Pipeline, registered


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


def _events(proc, text, date="2024-05-10"):
    return proc.code_text(text, id="t", date=date)["events"]


def _keys(refs):
    return sorted({f"IGO:{r['org']}" if r.get("org") else r.get("country") for r in refs} - {None})


@pytest.mark.parametrize("text, etype, actor, recipient", [
    ("जापान के प्रधानमंत्री ने नई दिल्ली में भारतीय प्रधानमंत्री से मुलाकात की।", "CONSULT", ["JPN"], ["IND"]),
    ("फ्रांस ने ईरान के परमाणु कार्यक्रम की कड़ी आलोचना की।", "ACCUSE", ["FRA"], ["IRN"]),
    ("भारत ने श्रीलंका को दवाएं और राहत सामग्री भेजी।", "AID", ["IND"], ["LKA"]),
    ("अमेरिका ने रूस पर नए प्रतिबंध लगाए हैं।", "SANCTION", ["USA"], ["RUS"]),
    ("चीन और पाकिस्तान ने सोमवार को बीजिंग में वार्ता की।", "CONSULT", ["CHN"], ["PAK"]),
    ("जर्मनी ने इजराइल की ओर से किए गए हमलों की निंदा की।", "ACCUSE", ["DEU"], ["ISR"]),
    ("पुलिस ने पेरिस में सौ से अधिक प्रदर्शनकारियों को गिरफ्तार किया।", "COERCE", ["FRA"], ["FRA"]),
])
def test_sentence_events(proc, text, etype, actor, recipient):
    evs = _events(proc, text)
    assert [e["event"] for e in evs] == [etype]
    assert _keys(evs[0]["actor"]) == actor
    assert _keys(evs[0]["recipient"]) == recipient


@pytest.mark.parametrize("text", [
    "भारत ने मैच में ऑस्ट्रेलिया को हराया।",
    "फिल्म में अभिनेता ने खलनायक पर हमला किया।",
    "दोनों देशों के बीच द्विपक्षीय सहयोग काफी महत्वपूर्ण है।",
    "पश्चिमी देशों की ओर से लगाए गए प्रतिबंधों पर चर्चा के लिए समय नहीं है।",
])
def test_non_events(proc, text):
    assert _events(proc, text) == []


@pytest.mark.parametrize("text, aux", [
    ("ब्रिटेन ने कहा कि वह यूक्रेन को हथियार नहीं भेजेगा।", "negation"),
    ("चीन उत्तर कोरिया को मदद दे सकता है।", "hypothetical"),
    ("प्रधानमंत्री अगले सप्ताह जापान का दौरा करेंगे।", "future"),
    ("इन देशों ने 2019 में ईरान पर प्रतिबंध लगाए थे।", "historical"),
])
def test_aux_mode(proc, text, aux):
    evs = _events(proc, text)
    assert evs and evs[0]["aux_mode"] == aux
    assert evs[0]["negated"] is (aux == "negation")


def test_reported_speech_keeps_the_event_and_its_reporter(proc):
    evs = _events(proc, "ब्रिटेन ने कहा कि वह यूक्रेन को हथियार नहीं भेजेगा।")
    assert _keys(evs[0]["actor"]) == ["GBR"]  # the pronoun is the reporter
    assert [r["text"] for r in evs[0]["evidence"]["reported_by"]] == ["ब्रिटेन"]


def test_record_shape_trigger_date_location(proc):
    text = "चीन और पाकिस्तान ने सोमवार को बीजिंग में वार्ता की।"
    ev = _events(proc, text)[0]
    trig = ev["evidence"]["trigger"]
    assert ev["evidence"]["sentence"][trig["start"]:trig["end"]] == trig["text"] == "वार्ता की"
    assert ev["date"] == "2024-05-06" and ev["date_precision"] == "day"  # the Monday before
    assert ev["location"]["name"] == "Beijing" and ev["location"]["country"] == "CHN"
    assert ev["cameo"] == "046" and ev["quad_code"] == 1
    assert ev["evidence"]["pattern"] == "consult.vaarta"
    assert ev["coder"].startswith("ghatna ")
    assert set(ev) >= {"id", "event", "mode", "aux_mode", "negated", "context", "actor", "recipient",
                       "date", "date_precision", "date_text", "location", "cameo", "quad_code",
                       "confidence", "evidence", "coder"}


def test_an_indian_towns_event_carries_its_state(proc):
    ev = _events(proc, "छत्तीसगढ़ के बीजापुर में नक्सलियों ने सुरक्षा बलों पर हमला किया।")[0]
    assert ev["location"]["text"] == "बीजापुर"
    assert (ev["location"]["admin1"], ev["location"]["admin1_name"]) == ("IN.37", "Chhattisgarh")
    abroad = _events(proc, "चीन और पाकिस्तान ने सोमवार को बीजिंग में वार्ता की।")[0]
    # GeoNames' region code abroad; ghatna ships region names for India only
    assert abroad["location"]["admin1"] == "CN.22" and abroad["location"]["admin1_name"] is None
    country = _events(proc, "चीन और पाकिस्तान ने भारत में वार्ता की।")
    assert all("admin1" not in (e["location"] or {}) for e in country)  # EVENTS.md's five keys


def test_coreference_across_sentences(proc):
    text = ("चीन के विदेश मंत्री वांग यी और रूसी विदेश मंत्री सर्गेई लावरोव ने बैठक की। "
            "उन्होंने अमेरिका से प्रतिबंध हटाने का आग्रह किया। दोनों देश मिलकर काम करेंगे।")
    evs = proc.code_text(text, id="c", date="2024-05-10")["events"]
    by_type = {e["event"]: e for e in evs}
    assert _keys(by_type["REQUEST"]["actor"]) == ["CHN", "RUS"]
    assert _keys(by_type["REQUEST"]["recipient"]) == ["USA"]
    coop = by_type["COOPERATE"]
    assert _keys(coop["actor"] + coop["recipient"]) == ["CHN", "RUS"]
    assert coop["aux_mode"] == "future"


def test_unresolvable_pronoun_stays_empty(proc):
    ev = _events(proc, "उन्होंने भारत की आलोचना की।")[0]
    assert ev["actor"] == [] and _keys(ev["recipient"]) == ["IND"]


def test_stage_is_registered_last(settings):
    spec = registered()["events"]
    assert spec.requires == ("sentences", "mentions") and spec.assigns == ("events",)
    assert settings["pipeline"]["stages"][-1] == "events"
    Pipeline(settings)  # the default order satisfies every requirement


def _ghatna(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "ghatna", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env)


def test_cli_code_json_lines_in_order(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "a", "text": "अमेरिका ने रूस पर नए प्रतिबंध लगाए हैं।", "date": "2024-05-10"},
        {"id": "b", "text": "भारत ने मैच में ऑस्ट्रेलिया को हराया।"},
        {"id": "c", "text": "फ्रांस ने ईरान की आलोचना की।"},
    ]), encoding="utf-8")
    res = _ghatna("code", "--input", str(inp), "--json")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(l) for l in res.stdout.splitlines()]
    assert [l["id"] for l in lines] == ["a", "b", "c"]
    assert [len(l["events"]) for l in lines] == [1, 0, 1]
    assert lines[0]["events"][0]["event"] == "SANCTION"
    res = _ghatna("code", "फ्रांस ने ईरान की आलोचना की।")
    assert res.returncode == 0 and "ACCUSE" in res.stdout and "फ्रांस" in res.stdout


def test_ref_key():
    from ghatna.model import ActorRef

    assert ref_key(ActorRef("x", 0, 1, org="EU")) == "IGO:EU"
    assert ref_key(ActorRef("x", 0, 1, country="IND")) == "IND"
