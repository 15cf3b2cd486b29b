"""Scoring the linker against gold judged by name (ghatna.actors.evaluate)."""

from __future__ import annotations

import json

import pytest

from ghatna.actors.evaluate import evaluate, read_gold
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
])
def test_a_states_own_body_named_by_its_generic_agent(linker, tmp_path, text, mention, gold, right):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g1", "text": text, "mention": mention, "gold": gold},
                               ensure_ascii=False) + "\n", "utf-8")
    assert evaluate(linker, read_gold(path)).correct == int(right)
