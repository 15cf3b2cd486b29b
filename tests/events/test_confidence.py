"""The event confidence: a probability from plain features, with fitted weights."""

from __future__ import annotations

from ghatna.events.confidence import FEATURES, features, load_weights, probability
from ghatna.model import ActorRef

CHINA = ActorRef("चीन", 0, 3, entity_id="CHN", country="CHN")
WORDS = ActorRef("कुछ लोगों", 0, 8)


def test_the_shipped_weights_name_every_feature():
    assert set(load_weights()) == set(FEATURES)


def test_what_raises_and_lowers_confidence():
    w = load_weights()
    named = probability(w, features("verbal", 3, None, [CHINA], [CHINA], 12))
    unnamed = probability(w, features("verbal", 3, None, [WORDS], [], 12))
    hypothetical = probability(w, features("verbal", 3, "hypothetical", [CHINA], [CHINA], 12))
    future = probability(w, features("verbal", 3, "future", [CHINA], [CHINA], 12))
    long = probability(w, features("verbal", 3, None, [CHINA], [CHINA], 45))
    assert 0 < unnamed < named < 1 and hypothetical < named and future < named and long < named
