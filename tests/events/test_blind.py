"""The blind set and the judged general news (tests/data/events_blind.README.md): scored
against saved minimums, from text read from ../shared."""

from __future__ import annotations

import json
import sys

import pytest
from helpers import DATA, ROOT, SHARED

from ghatna.events.coding import Processor
from ghatna.events.evaluate import Report, score_sentence

sys.path.insert(0, str(ROOT / "tools"))
import corpus_sample  # noqa: E402

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text("utf-8"))
needs_corpora = pytest.mark.skipif(not (SHARED / "data" / "ner").is_dir(),
                                   reason="../shared/data/ner is absent (the sets are references into it)")


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


def _rows(name):
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines()]


@needs_corpora
@pytest.mark.parametrize("name, sentences, key", [
    ("events_blind.refs.jsonl", 420, "events_blind_f1"),
    ("events_blind2.refs.jsonl", 320, "events_blind2_f1"),
    ("events_blind3.refs.jsonl", 360, "events_blind3_f1"),
    ("events_blind4.refs.jsonl", 360, "events_blind4_f1"),
])
def test_blind_set_f1_does_not_drop(proc, name, sentences, key):
    report = Report()
    for row in _rows(name):
        text = corpus_sample.sentence_text(row["ref"])
        score_sentence(report, row["id"], text, row["events"], proc.code_text(text, id=row["id"])["events"])
    assert report.sentences == sentences
    assert report.overall.f1 >= BASELINE[key], report.overall.to_dict()


@needs_corpora
def test_general_news_codes_few_events_and_no_new_wrong_ones(proc):
    """On unselected news the coder codes no event the judge has not seen, and no more of
    the ones judged wrong than the saved maximum."""
    coded = wrong = 0
    for row in _rows("general_judged.refs.jsonl"):
        judged = {(j["event"], j["trigger"]): j["type_right"] for j in row["judged"]}
        for e in proc.code_text(corpus_sample.sentence_text(row["ref"]), id=row["id"])["events"]:
            coded += 1
            key = (e["event"], e["evidence"]["trigger"]["text"])
            assert key in judged, f"{row['id']}: {key} was never judged; judge it or fix it"
            wrong += not judged[key]
    assert coded <= BASELINE["general_events_max"] and wrong <= BASELINE["general_wrong_max"]


def test_sample_references_resolve_to_the_same_sentences():
    """The references are stable: the tool's draw with its seed gives the stored sets."""
    if not (SHARED / "data" / "ner").is_dir():
        pytest.skip("../shared/data/ner is absent")
    blind = [r["ref"] for r in _rows("events_blind.refs.jsonl")]
    assert [r["ref"] for r in corpus_sample.draw("blind", 20261207, 250, 170, set())] == blind
