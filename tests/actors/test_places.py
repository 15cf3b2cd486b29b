"""Geocoding: places of one name told apart by the article's state and by population."""

from __future__ import annotations

import importlib.util

import pytest
from helpers import ROOT

from ghatna.actors.link import build_linker, link_text

PLACES_MIN = 110  # of 145 mentions in tests/data/places_eval.jsonl; minimums only go up


@pytest.fixture(scope="module")
def linker(settings):
    return build_linker(settings)


def place_of(linker, text, word):
    at = text.index(word)
    hit = next(m for m in link_text(linker, text) if m.start <= at < m.end)
    return hit.entity.id, hit.entity.country


@pytest.mark.parametrize("text, word, want", [
    ("छत्तीसगढ़ के बीजापुर में मुठभेड़ हुई।", "बीजापुर", ("place:bijapur", "IND")),
    ("कर्नाटक के बीजापुर में धरना हुआ।", "बीजापुर", ("place:vijayapura", "IND")),
    ("मऊ में प्रदर्शन हुआ।", "मऊ", ("place:mau", "IND")),
    ("इंदौर के पास मऊ में अभ्यास हुआ।", "मऊ", ("place:mau_in35", "IND")),
    ("कंधार में धमाका हुआ।", "कंधार", ("place:kandahar", "AFG")),
    ("सिंध के हैदराबाद में रैली हुई।", "हैदराबाद", ("place:hyderabad_pk05", "PAK")),
    ("हैदराबाद में रैली हुई।", "हैदराबाद", ("place:hyderabad", "IND")),
])
def test_namesakes_by_region_then_size(linker, text, word, want):
    assert place_of(linker, text, word) == want


def test_places_gate(linker):
    """The annotated set: at least PLACES_MIN mentions in the right state and region."""
    spec = importlib.util.spec_from_file_location("places_eval",
                                                  ROOT / "benchmarks" / "places_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    right, total, wrong = module.score(linker)
    assert total == 145
    assert right >= PLACES_MIN, "\n".join(wrong)
