"""The event scorer: matching rules, optional events, grouping, the CLI."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT

from ghatna.errors import InputError
from ghatna.events.evaluate import Report, matches, read_gold, score_sentence


def _pred(etype, actor=(), recipient=()):
    return {"event": etype, "actor": [{"country": k} if len(k) == 3 else {"org": k[4:]} for k in actor],
            "recipient": [{"country": k} for k in recipient],
            "evidence": {"trigger": {"text": "x"}, "pattern": "p"}}


@pytest.mark.parametrize("gold, pred, ok", [
    ({"event": "ACCUSE", "actor": ["CHN"], "recipient": ["USA"]}, _pred("ACCUSE", ["CHN"], ["USA", "GBR"]), True),
    ({"event": "ACCUSE", "actor": ["CHN"], "recipient": ["USA"]}, _pred("ACCUSE", ["USA"], ["CHN"]), False),
    ({"event": ["AGREE", "SUPPORT"], "actor": [], "recipient": []}, _pred("SUPPORT"), True),
    ({"event": "REJECT", "actor": [], "recipient": []}, _pred("ACCUSE"), False),
    ({"event": "CONSULT", "actor": ["CHN"], "recipient": ["RUS"]}, _pred("CONSULT", ["RUS"], ["CHN"]), True),
    ({"event": "COOPERATE", "actor": ["IND"], "recipient": ["USA"]}, _pred("COOPERATE", ["IND", "USA"]), True),
    ({"event": "AGREE", "actor": ["IND"], "recipient": ["USA"]}, _pred("AGREE", ["USA"], ["IND"]), False),
    ({"event": "SANCTION", "actor": ["IGO:EU"], "recipient": []}, _pred("SANCTION", ["IGO:EU"]), True),
    # a gold key list is met when it shares one key with the prediction (EVENTS.md)
    ({"event": "ACCUSE", "actor": ["CHN", "RUS"], "recipient": ["USA"]}, _pred("ACCUSE", ["RUS"], ["USA"]), True),
    ({"event": "ACCUSE", "actor": ["CHN", "RUS"], "recipient": ["USA"]}, _pred("ACCUSE", ["RUS"], []), False),
    # symmetric types: covered, or at least two keys shared
    ({"event": "CONSULT", "actor": ["IND", "USA", "JPN"], "recipient": []}, _pred("CONSULT", ["USA"], ["JPN"]), True),
    ({"event": "CONSULT", "actor": ["IND", "USA", "JPN"], "recipient": []}, _pred("CONSULT", ["USA"], ["CHN"]), False),
])

def test_matches(gold, pred, ok):
    assert matches(gold, pred) is ok


def test_a_state_organ_is_keyed_by_its_state_not_also_by_an_organisation():
    """A predicted party's key is its country, else IGO:<org>: India's delegation to the UN
    is IND, not IGO:UN."""
    pred = {"event": "REQUEST", "actor": [{"country": "IND", "org": "UN"}], "recipient": []}
    assert matches({"event": "REQUEST", "actor": ["IND"], "recipient": []}, pred)
    assert not matches({"event": "REQUEST", "actor": ["IGO:UN"], "recipient": []}, pred)


def test_optional_events_neither_reward_nor_punish():
    rep = Report()
    gold = [{"event": "ACCUSE", "actor": ["CHN"], "recipient": [], "required": True},
            {"event": "SANCTION", "actor": [], "recipient": ["CHN"], "required": False}]
    score_sentence(rep, "s", "…", gold, [_pred("ACCUSE", ["CHN"]), _pred("SANCTION", [], ["CHN"])])
    assert (rep.overall.tp, rep.overall.fp, rep.overall.fn) == (1, 0, 0)
    score_sentence(rep, "t", "…", gold, [_pred("SANCTION", [], ["CHN"]), _pred("THREATEN")])
    assert (rep.overall.tp, rep.overall.fp, rep.overall.fn) == (1, 1, 1)
    assert rep.per_type["THREATEN"].fp == 1 and rep.per_type["ACCUSE"].fn == 1
    assert rep.misses[0]["id"] == "t" and rep.extras[0]["event"] == "THREATEN"
    assert rep.overall.f1 == pytest.approx(0.5)


def test_one_prediction_matches_one_gold_event():
    rep = Report()
    gold = [{"event": "CONSULT", "actor": [], "recipient": [], "required": True}] * 2
    score_sentence(rep, "s", "…", gold, [_pred("CONSULT")])
    assert (rep.overall.tp, rep.overall.fn) == (1, 1)


def test_read_gold_rejects_bad_lines(tmp_path):
    bad = tmp_path / "g.jsonl"
    bad.write_text('{"id": "x", "events": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="needs 'events'"):
        read_gold(bad)


def test_cli_eval_free_sentences(tmp_path):
    import os
    import subprocess
    import sys

    def ghatna(*args):
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        return subprocess.run([sys.executable, "-m", "ghatna", *args], capture_output=True,
                              text=True, encoding="utf-8", env=env)

    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": "अमेरिका ने रूस पर नए प्रतिबंध लगाए हैं।",
         "events": [{"event": "SANCTION", "actor": ["USA"], "recipient": ["RUS"], "required": True}]},
        {"id": "b", "text": "भारत ने मैच में ऑस्ट्रेलिया को हराया।", "events": []},
        {"id": "c", "text": "फ्रांस ने ईरान की आलोचना की।",
         "events": [{"event": "REJECT", "actor": ["FRA"], "recipient": [], "required": True}]},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = ghatna("eval", "events", str(gold), "--json")
    assert res.returncode == 0, res.stderr
    rep = json.loads(res.stdout)
    assert rep["sentences"] == 3
    assert (rep["overall"]["tp"], rep["overall"]["fp"], rep["overall"]["fn"]) == (1, 1, 1)
    assert rep["per_type"]["SANCTION"]["f1"] == 1.0
    res = ghatna("eval", "events", str(gold))
    assert "MISS  c: REJECT" in res.stdout and "EXTRA c: ACCUSE" in res.stdout
