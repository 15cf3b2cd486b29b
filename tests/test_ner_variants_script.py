"""The helpers of ``benchmarks/ner_variants.py`` whose output the experiment report quotes."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import ner_variants  # noqa: E402


def test_vote_keeps_spans_enough_models_predict_and_drops_overlaps():
    a = [[(0, 2, "PER"), (5, 6, "LOC")]]
    b = [[(0, 2, "PER"), (4, 6, "ORG")]]
    c = [[(1, 2, "PER"), (4, 6, "ORG")]]
    assert ner_variants.vote([a, b, c], 2) == [[(0, 2, "PER"), (4, 6, "ORG")]]
    assert ner_variants.vote([a, b, c], 3) == [[]]
    # With one vote each, the most voted span wins and the ones overlapping it go.
    assert sorted(ner_variants.vote([a, b, c], 1)[0]) == [(0, 2, "PER"), (4, 6, "ORG")]


def test_character_ids_are_positional_with_padding():
    ids = ner_variants.character_ids("पुतिन")
    assert len(ids) == 2 * ner_variants.CHAR_POSITIONS
    assert ids[0] == 1 + ord("प") - 0x0900 and ids[-1] == 1 + ord("न") - 0x0900
    short = ner_variants.character_ids("a")
    assert short[1:4] == [0, 0, 0] and short[0] == short[-1] > 128
