"""Coding free text (`ghatna code`, `ghatna eval events`): a stage that fails is an error
the user sees, never a silent skip."""

from __future__ import annotations

import json

from ghatna.pipeline import _REGISTRY, stage


def _failing_stage_config(tmp_path):
    """Settings whose pipeline has a stage that fails on every text with "कुछ"."""
    if "failing" not in _REGISTRY:
        @stage("failing", requires=("sentences",), assigns=("mentions",))
        def make(settings):
            def run(article):
                if "कुछ" in article.text:
                    raise ValueError("cannot read this text")
                return article
            return run
    config = tmp_path / "ghatna.toml"
    config.write_text('[pipeline]\nstages = ["clean", "dedup", "langid", "segment", "failing", '
                      '"ner", "link", "quotes", "events"]\n', "utf-8")
    return str(config)


def test_a_failing_stage_is_reported_per_line_and_the_batch_goes_on(cli, tmp_path):
    lines = tmp_path / "lines.jsonl"
    lines.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": 1, "text": "चीन ने अमेरिका की आलोचना की।"},
        {"id": 2, "text": "कुछ नहीं हुआ।"},
        {"id": 3, "text": "रूस ने यूक्रेन पर हमला किया।"}]) + "\n", "utf-8")
    result = cli("--config", _failing_stage_config(tmp_path), "code", "--input", str(lines),
                 "--json", code=1)
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2, 3]
    assert out[0]["events"] and out[2]["events"]
    assert "stage failing failed" in out[1]["error"] and "cannot read this text" in result.stderr


def test_a_failing_stage_stops_an_evaluation(cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "कुछ देशों ने बैठक की।", "events": []},
                               ensure_ascii=False) + "\n", "utf-8")
    result = cli("--config", _failing_stage_config(tmp_path), "eval", "events", str(gold), code=2)
    assert "stage failing failed" in result.stderr


def test_characters_are_repaired_as_ingestion_repairs_them(settings):
    from ghatna.events.coding import Processor
    proc = Processor(settings)
    plain = "पुलिस ने तीन लोगों को गिरफ्तार किया।"
    joined = plain.replace("फ्त", "फ्\u200dत")  # a zero-width joiner after the virama
    assert joined != plain
    events = proc.code_text(joined)["events"]
    assert [e["event"] for e in events] == ["COERCE"]
    assert events[0]["evidence"]["sentence"] == plain
