"""Parties named without a state act for the home country of the press ([events]
home_country) only when the article names no other state. Sentences written for these tests."""

from __future__ import annotations

import copy

import pytest

from ghatna.events.coding import Processor


def _keys(refs):
    return sorted({r.get("country") or f"IGO:{r.get('org')}" for r in refs
                   if r.get("country") or r.get("org")})


def _first(proc, text, etype):
    return next(e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype)


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


def test_bare_parties_act_for_the_home_country(proc):
    ev = _first(proc, "पुलिस ने प्रदर्शनकारियों पर लाठीचार्ज किया।", "COERCE")
    assert _keys(ev["actor"]) == ["IND"] and _keys(ev["recipient"]) == ["IND"]


@pytest.mark.parametrize("text, etype, actor", [
    # another state named in the article: the bare party is not placed at home
    ("पुलिस ने आठ लोगों को गिरफ्तार किया, नेपाल ने विरोध जताया।", "COERCE", ["NPL"]),
    # an international body: no home default either
    ("नाटो के महासचिव ने बयान जारी किया। सैनिकों ने भीड़ पर गोलीबारी की।", "ASSAULT", []),
])
def test_not_at_home_when_the_article_names_another_state(proc, text, etype, actor):
    assert _keys(_first(proc, text, etype)["actor"]) == actor


def test_the_default_can_be_turned_off(settings):
    off = copy.deepcopy(settings)
    off.values.setdefault("events", {})["home_country"] = ""
    ev = _first(Processor(off), "पुलिस ने प्रदर्शनकारियों पर लाठीचार्ज किया।", "COERCE")
    assert _keys(ev["actor"]) == []


@pytest.mark.parametrize("text, code", [
    ("पेशावर में तालिबान ने एक पुलिस चौकी पर हमला किया", "PAKREB"),    # the Pakistani Taliban
    ("कंधार में तालिबान ने एक पुलिस चौकी पर हमला किया", "AFGREB"),
    ("काठमांडू में माओवादियों ने सरकार के खिलाफ प्रदर्शन किया", "NPLPTY"),
    ("दंतेवाड़ा में माओवादियों ने सरकार के खिलाफ प्रदर्शन किया", "INDREB"),
])
def test_a_movement_of_several_states_is_that_of_the_events_state(settings, text, code):
    ev = Processor(settings).code_text(text, id="t")["events"]
    assert ev and ev[0]["actor"][0]["code"] == code


def test_each_branch_is_described_as_the_knowledge_base_describes_it():
    # group_branches.tsv repeats the branch's name and codes (the coder reads no
    # knowledge base); they must not drift from its entry
    from ghatna.actors.kb import KnowledgeBase
    from ghatna.settings import data_lines
    kb = KnowledgeBase.load(world_cities=0)
    for line in data_lines("group_branches.tsv"):
        entity, _, branch, name, country, sector, code = line.split("\t")
        assert kb.get(entity) is not None
        entry = kb.get(branch)
        assert (entry.name, entry.country, entry.sector, entry.code) == (name, country, sector, code)
