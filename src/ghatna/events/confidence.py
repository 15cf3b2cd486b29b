"""How sure the coder is of an event: a probability that the event is right, from what the
coder knows when it builds it.

The features are few and plain — is the trigger a verb or a bare noun, are the actor and the
recipient placed (a state or an organisation), is the event asserted, only future, or
hypothetical or negated, is it conflictual, is the sentence long (over
:data:`LONG_SENTENCE` tokens: the more clauses, the more ways to misread one) — and their
weights come from a logistic model
fitted on events judged by people who never saw the rules (``data/confidence.tsv``, made by
``tools/calibrate_confidence.py``, which also prints the reliability table), so that events
at 0.8 are right about 80% of the time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..model import ActorRef
from ..settings import data_lines

FEATURES = ("bias", "verbal", "actor_placed", "recipient_placed", "future", "modal", "conflict",
            "long")
MODAL = frozenset(["hypothetical", "negation"])
LONG_SENTENCE = 30


def features(kind: str, quad: int, aux_mode: str | None, actor: Sequence[ActorRef],
             recipient: Sequence[ActorRef], n_tokens: int) -> dict[str, float]:
    """The features of an event in a sentence of ``n_tokens`` tokens, by the names of
    :data:`FEATURES`."""
    return {"bias": 1.0, "verbal": float(kind != "nominal"),
            "actor_placed": float(any(r.country or r.org for r in actor)),
            "recipient_placed": float(any(r.country or r.org for r in recipient)),
            "future": float(aux_mode == "future"), "modal": float(aux_mode in MODAL),
            "conflict": float(quad in (3, 4)), "long": float(n_tokens > LONG_SENTENCE)}


def load_weights() -> dict[str, float]:
    """The fitted weights (``data/confidence.tsv``: feature, weight)."""
    weights = {}
    for line in data_lines("confidence.tsv"):
        name, value = line.split("\t")
        weights[name] = float(value)
    return weights


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return round(1.0 / (1.0 + math.exp(-z)), 2)
