"""Checks on tests/data/events_gold.jsonl: the format of EVENTS.md and the coverage it promises."""
import collections
import datetime
import json

import pycountry
import pytest
import regex
from helpers import DATA

GOLD = DATA / "events_gold.jsonl"
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
COMMON = TYPES - {"CONCEDE", "RETREAT"}
AUX_MODES = {"negation", "future", "hypothetical", "historical"}
IGOS = {"UN", "EU", "NATO", "SCO", "ASEAN", "BRICS", "SAARC", "AU", "OPEC", "WHO", "IMF", "IAEA",
        "WTO", "G7", "G20", "ICC"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def _rows():
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _types(event):
    return event["event"] if isinstance(event["event"], list) else [event["event"]]


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_line_follows_the_gold_format(row):
    assert set(row) == {"id", "text", "date", "events"}
    datetime.date.fromisoformat(row["date"])
    assert regex.search(r"\p{Devanagari}", row["text"]) and "\n" not in row["text"]
    for event in row["events"]:
        assert {"event", "actor", "recipient", "required"} <= set(event) <= {
            "event", "actor", "recipient", "required", "aux_mode"}
        assert _types(event) and set(_types(event)) <= TYPES
        assert isinstance(event["required"], bool)
        assert event.get("aux_mode", "negation") in AUX_MODES
        for key in event["actor"] + event["recipient"]:
            assert key in ISO3 or (key.startswith("IGO:") and key[4:] in IGOS), key


def test_ids_and_sentences_are_unique():
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert len({r["text"] for r in ROWS}) == len(ROWS)


def test_coverage_promised_by_the_readme():
    required = collections.Counter(
        t for r in ROWS for e in r["events"] if e["required"] for t in _types(e))
    assert len(ROWS) >= 260
    assert sum(1 for r in ROWS if not r["events"]) >= 40
    assert all(required[t] >= 10 for t in COMMON), required
    assert required["CONCEDE"] >= 6 and required["RETREAT"] >= 6, required
    aux = collections.Counter(e.get("aux_mode") for r in ROWS for e in r["events"])
    assert all(aux[m] >= 3 for m in AUX_MODES), aux
