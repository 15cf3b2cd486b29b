"""Acceptance on the two seed articles (needs ../shared; skipped without it)."""

from __future__ import annotations

import pytest

from ghatna.events.coding import Processor
from ghatna.events.evaluate import evaluate, process_file, read_gold


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


@pytest.fixture(scope="module")
def seeds_dir():
    from helpers import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared is absent (the seed articles are third-party text kept there)")
    return SEEDS


@pytest.fixture(scope="module")
def articles(proc, seeds_dir):
    from helpers import SEED_DATES

    return {name: process_file(proc, seeds_dir / name, date) for name, date in SEED_DATES.items()}


def test_seed_f1(proc, seeds_dir, articles):
    rep = evaluate(read_gold(seeds_dir / "gold-events.jsonl"), proc, articles=articles)
    assert not rep.unresolved
    assert rep.overall.f1 >= 0.80, rep.to_dict()


def test_nanning_meeting_place_and_date(articles):
    art = articles["000_04c785b988e55163.txt"]
    meetings = [e for e in art.events if e.event == "CONSULT" and e.location
                and e.location["name"] == "Nanning"]
    assert meetings
    for ev in meetings:
        assert ev.location["country"] == "CHN" and ev.location["lat"] is not None
        assert ev.date in ("2021-03-22", "2021-03-23")


def test_aid_in_the_last_sentence_is_hypothetical(articles):
    art = articles["000_04c785b988e55163.txt"]
    last = max(s.index for s in art.sentences if "खाद्य सामग्री" in s.text)
    aid = [e for e in art.events if e.event == "AID" and e.sentence_index == last]
    assert aid and aid[0].aux_mode == "hypothetical"
    assert {a.country for a in aid[0].actor} == {"CHN"} and {r.country for r in aid[0].recipient} == {"PRK"}


def test_wang_yi_meeting_is_dated(articles):
    art = articles["001_448cbc235505306c.txt"]
    meet = [e for e in art.events if e.event == "CONSULT" and "मुलाकात" in e.trigger_text
            and any(a.name == "Wang Yi" for a in e.actor)]
    assert meet and meet[0].date == "2020-09-11"
