"""Scoring the linker against gold judged by name (ghatna.actors.evaluate)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from ghatna.actors.evaluate import _attributes_match, evaluate, read_gold
from ghatna.actors.link import build_linker


@pytest.fixture(scope="module")
def linker(settings):
    return build_linker(settings)


def _gold(name, kind, country):
    return {"name": name, "type": kind, "country": country, "org": None}


@pytest.mark.parametrize("text, mention, gold, right", [
    # a state's government and armed forces named as the generic agent of that state
    ("भारत सरकार ने नई नीति की घोषणा की।", "भारत सरकार",
     _gold("Government of India", "organisation", "IND"), True),
    ("श्रीलंका सरकार ने कहा।", "श्रीलंका सरकार", _gold("Government of Sri Lanka", "organisation", "LKA"), True),
    ("पाकिस्तानी सेना ने गोलीबारी की।", "पाकिस्तानी सेना", _gold("Pakistan Army", "organisation", "PAK"), True),
    # another state, no state at all, or another body of the state: wrong
    ("पाकिस्तान सरकार ने कहा।", "पाकिस्तान सरकार", _gold("Government of India", "organisation", "IND"), False),
    ("सरकार ने कहा।", "सरकार", _gold("Government of India", "organisation", "IND"), False),
    ("भारत के विदेश मंत्री ने कहा।", "भारत के विदेश मंत्री",
     _gold("Government of India", "organisation", "IND"), False),
    ("पाकिस्तानी सेना ने गोलीबारी की।", "पाकिस्तानी सेना",
     _gold("Government of Pakistan", "organisation", "PAK"), False),
    # a supreme court: India's named bare, another state's with its state, not a lower court
    ("सुप्रीम कोर्ट ने कहा।", "सुप्रीम कोर्ट", _gold("Supreme Court of India", "organisation", "IND"), True),
    ("पाकिस्तान के सुप्रीम कोर्ट ने कहा।", "पाकिस्तान के सुप्रीम कोर्ट",
     _gold("Supreme Court of Pakistan", "organisation", "PAK"), True),
    ("पाकिस्तान के सुप्रीम कोर्ट ने कहा।", "पाकिस्तान के सुप्रीम कोर्ट",
     _gold("Supreme Court of India", "organisation", "IND"), False),
    ("अदालत ने कहा।", "अदालत", _gold("Supreme Court of India", "organisation", "IND"), False),
])
def test_a_states_own_body_named_by_its_generic_agent(linker, tmp_path, text, mention, gold, right):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g1", "text": text, "mention": mention, "gold": gold},
                               ensure_ascii=False) + "\n", "utf-8")
    assert evaluate(linker, read_gold(path)).correct == int(right)



@pytest.mark.parametrize("gold_name, kind, gold_state, entity_name, aliases, entity_state, right", [
    ("Indus River", "place", "PAK", "Indus", [], "PAK", True),          # a designator
    ("Kumaon division", "place", "IND", "Kumaon", [], "IND", True),
    ("Punjab, India", "place", "IND", "Punjab (India)", [], "IND", True),  # two qualifiers
    ("Harsh Vardhan (politician)", "person", "IND", "Harsh Vardhan", [], "IND", True),
    ("Republican Party", "party", "USA", "Republican Party (US)", ["Republican Party"], "USA", True),
    # a party's bracket is part of its name; two states never match; another name is wrong
    ("Janata Dal (United)", "party", "IND", "Janata Dal", [], "IND", False),
    ("Punjab", "place", "IND", "Punjab (Pakistan)", ["Punjab"], "PAK", False),
    ("Pauri Garhwal district", "place", "IND", "Pauri", [], "IND", False),
])
def test_names_compared_as_a_grader_would(gold_name, kind, gold_state, entity_name, aliases,
                                          entity_state, right):
    entity = SimpleNamespace(name=entity_name, aliases=aliases, country=entity_state, type=kind,
                             org=None, role=None)
    gold = {"name": gold_name, "type": kind, "country": gold_state, "org": None}
    assert _attributes_match(entity, gold) is right
