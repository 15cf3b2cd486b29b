"""Mention replacement: more training sentences with other names in the same places.

A tagger trained on a few thousand names learns those names more than the contexts
that announce a name. :func:`replace_mentions` copies each training sentence that
has entities and puts another name of the same type into each span (the context and
the postpositions stay as they were), so the model sees many more names in real
contexts. Names come from the training corpus itself, from the knowledge base's
Hindi forms of people, places and organisations, and, when given, from a list of
Devanagari personal names (``../shared/data/names/en-hi-person-names.tsv``).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from .corpus import LABELS, TaggedSentence, spans_to_bio


def corpus_names(sentences: list[TaggedSentence]) -> dict[str, set[tuple[str, ...]]]:
    """The PER/LOC/ORG mentions of a corpus, by label."""
    pools: dict[str, set[tuple[str, ...]]] = {label: set() for label in LABELS}
    for sent in sentences:
        for start, end, label in sent.spans():
            if label in pools:
                pools[label].add(tuple(sent.tokens[start:end]))
    return pools


def person_names(path: Path) -> set[tuple[str, ...]]:
    """Devanagari names from a TSV with a ``hindi`` column."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {tuple(row["hindi"].split()) for row in csv.DictReader(fh, delimiter="\t")
                if (row.get("hindi") or "").strip()}


def replace_mentions(sentences: list[TaggedSentence], own: dict[str, set[tuple[str, ...]]],
                     extra: dict[str, set[tuple[str, ...]]], seed: int = 0) -> list[TaggedSentence]:
    """One copy of every sentence with entities, each entity replaced by another name of
    its label: half the time one seen in the corpus, half the time one from ``extra``."""
    rng = random.Random(seed)
    own_lists = {label: sorted(names) for label, names in own.items()}
    extra_lists = {label: sorted(names) for label, names in extra.items()}
    out = []
    for sent in sentences:
        spans = sent.spans()
        if not any(label in own_lists for _, _, label in spans):
            continue
        tokens: list[str] = []
        new_spans = []
        pos = 0
        for start, end, label in spans:
            tokens += sent.tokens[pos:start]
            pool = extra_lists.get(label) if rng.random() < 0.5 else None
            pool = pool or own_lists.get(label)
            name = list(rng.choice(pool)) if pool else sent.tokens[start:end]
            new_spans.append((len(tokens), len(tokens) + len(name), label))
            tokens += name
            pos = end
        tokens += sent.tokens[pos:]
        out.append(TaggedSentence(tokens, spans_to_bio(len(tokens), new_spans)))
    return out
