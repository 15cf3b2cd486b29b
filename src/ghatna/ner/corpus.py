"""Readers for annotated Hindi NER corpora, mapped to PER/LOC/ORG in BIO.

Two corpora are read (both one token per line, columns separated by tabs or
spaces, a blank line between sentences, the tag in the last column):

* HiNER (CFILT, IIT Bombay): ``PERSON``/``LOCATION``/``ORGANIZATION`` in the
  collapsed files, plus ``NUMEX``, ``TIMEX``, ``LANGUAGE``, ``MISC``, ... in the
  original files.
* IL-NER (Bhashini): ``NEP`` person, ``NEL`` location, ``NEO`` organisation,
  ``NEN`` number, ``NETI`` time, ``NEAR`` (undocumented; in the data it marks
  artefacts such as books, schemes and buildings) and a few stray ``NEU``/``NED``.

Only persons, locations and organisations are kept; every other type becomes
``O`` -- unless the training data is read with :data:`AUX_TYPE_MAP`, which also keeps
numbers, times and other names as auxiliary labels (``NUM``, ``TIME``, ``MISC``) that
the model learns to tell apart from PER/LOC/ORG but the tagger never outputs.
Malformed tags are repaired where the intent is clear and dropped otherwise, and
every repair is counted in a :class:`TagReport`:

* ``-NEL`` or ``NEL`` (type without ``B-``/``I-``): ``I-`` when it continues a
  span of the same type, else ``B-``;
* a bare ``-`` (no type at all): ``O``;
* ``I-X`` that does not follow ``B-X``/``I-X``: ``B-X``;
* any other unreadable tag: ``O``;
* a line with a tag but no token (one column, in a tagged file): dropped.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import regex

log = logging.getLogger(__name__)

LABELS = ("PER", "LOC", "ORG")

# Source type names -> ghatna's three labels. Anything absent maps to O.
TYPE_MAP = {
    "PER": "PER", "PERSON": "PER", "NEP": "PER",
    "LOC": "LOC", "LOCATION": "LOC", "NEL": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "NEO": "ORG",
}

# Training may also keep these types, so that "O" is not taught to cover dates,
# numbers and titles of works that look like names; they are never output.
AUX_TYPE_MAP = TYPE_MAP | {
    "NEN": "NUM", "NUMEX": "NUM",
    "NETI": "TIME", "TIMEX": "TIME",
    "NEAR": "MISC", "MISC": "MISC", "LITERATURE": "MISC", "GAME": "MISC", "FESTIVAL": "MISC",
}

# A tag with a prefix and a type ("B-NEP"), a dangling prefix-less type ("-NEL",
# "NEL"), or a bare "-". Types are ASCII letters in every corpus we read.
_TAG = regex.compile(r"^(?:(?P<prefix>[BIES])-(?P<type>[A-Za-z_]+)|-?(?P<bare>[A-Za-z_]+)|(?P<dash>-))$")


@dataclass
class TaggedSentence:
    """One annotated sentence: tokens and their BIO tags over PER/LOC/ORG."""

    tokens: list[str]
    tags: list[str]

    def spans(self) -> list[tuple[int, int, str]]:
        """Entity spans as (first token, end token exclusive, label)."""
        return bio_spans(self.tags)


@dataclass
class TagReport:
    """What was read and what had to be repaired."""

    sentences: int = 0
    tokens: int = 0
    missing_prefix: int = 0
    bare_dash: int = 0
    orphan_inside: int = 0
    unreadable: int = 0
    dropped_lines: int = 0
    kept_types: Counter = field(default_factory=Counter)
    dropped_types: Counter = field(default_factory=Counter)

    @property
    def malformed(self) -> int:
        """Tags that were not well-formed BIO in the source."""
        return self.missing_prefix + self.bare_dash + self.unreadable + self.dropped_lines

    def to_dict(self) -> dict:
        return {
            "sentences": self.sentences, "tokens": self.tokens,
            "malformed": self.malformed, "missing_prefix": self.missing_prefix,
            "bare_dash": self.bare_dash, "orphan_inside": self.orphan_inside,
            "unreadable": self.unreadable, "dropped_lines": self.dropped_lines,
            "kept_types": dict(self.kept_types), "dropped_types": dict(self.dropped_types),
        }


def split_columns(line: str) -> list[str]:
    """Columns of a CoNLL line: tab-separated if it has a tab, else whitespace."""
    if "\t" in line:
        return [c for c in (p.strip() for p in line.split("\t")) if c]
    return line.split()


def read_blocks(lines: Iterable[str], skip_docstart: bool = True) -> Iterator[list[list[str]]]:
    """Sentences of a CoNLL text as lists of column lists (``-DOCSTART-`` lines skipped
    unless ``skip_docstart`` is false)."""
    block: list[list[str]] = []
    for line in lines:
        line = line.rstrip("\r\n")
        cols = split_columns(line) if line.strip() else []
        if not cols:
            if block:
                yield block
            block = []
            continue
        if skip_docstart and cols[0] == "-DOCSTART-":
            continue
        block.append(cols)
    if block:
        yield block


def read_tokens(path: str | Path) -> list[list[str]]:
    """Token sentences of a CoNLL file (first column; other columns ignored)."""
    with open(path, encoding="utf-8-sig") as fh:
        return [[cols[0] for cols in block] for block in read_blocks(fh)]


def normalise_tags(raw_tags: list[str], report: TagReport | None = None,
                   type_map: dict[str, str] = TYPE_MAP) -> list[str]:
    """Map one sentence's source tags to well-formed BIO over the labels of ``type_map``
    (PER/LOC/ORG by default)."""
    report = report if report is not None else TagReport()
    # First pass: repair to BIO over the source types.
    fixed: list[tuple[str, str | None]] = []  # (prefix B/I/O, source type)
    prev_type: str | None = None
    for raw in raw_tags:
        tag = raw.strip()
        if tag in ("O", "0", ""):
            fixed.append(("O", None))
            prev_type = None
            continue
        m = _TAG.match(tag)
        if m is None:
            report.unreadable += 1
            fixed.append(("O", None))
            prev_type = None
            continue
        if m.group("dash"):
            report.bare_dash += 1
            fixed.append(("O", None))
            prev_type = None
            continue
        if m.group("bare"):
            etype = m.group("bare").upper()
            report.missing_prefix += 1
            prefix = "I" if prev_type == etype else "B"
        else:
            etype = m.group("type").upper()
            prefix = {"B": "B", "S": "B", "I": "I", "E": "I"}[m.group("prefix")]
            if prefix == "I" and prev_type != etype:
                report.orphan_inside += 1
                prefix = "B"
        fixed.append((prefix, etype))
        prev_type = etype
    # Second pass: keep the three types, everything else O.
    out = []
    for prefix, etype in fixed:
        if prefix == "O":
            out.append("O")
            continue
        label = type_map.get(etype)
        if label is None:
            if prefix == "B":
                report.dropped_types[etype] += 1
            out.append("O")
            continue
        if prefix == "B":
            report.kept_types[etype] += 1
        out.append(f"{prefix}-{label}")
    return out


def read_tagged(lines: Iterable[str], report: TagReport | None = None,
                type_map: dict[str, str] = TYPE_MAP) -> list[TaggedSentence]:
    """Annotated sentences from CoNLL lines (token first column, tag last column)."""
    report = report if report is not None else TagReport()
    sentences = []
    for block in read_blocks(lines):
        tokens, raw = [], []
        for cols in block:
            if len(cols) < 2:
                report.dropped_lines += 1
                continue
            tokens.append(cols[0])
            raw.append(cols[-1])
        if not tokens:
            continue
        sentences.append(TaggedSentence(tokens, normalise_tags(raw, report, type_map)))
        report.sentences += 1
        report.tokens += len(tokens)
    return sentences


def load_corpus(path: str | Path, type_map: dict[str, str] = TYPE_MAP) -> tuple[list[TaggedSentence], TagReport]:
    """Read one annotated file (HiNER or IL-NER format) with its repair report."""
    report = TagReport()
    with open(path, encoding="utf-8-sig") as fh:
        sentences = read_tagged(fh, report, type_map)
    log.info("%s: %d sentences, %d malformed tags repaired or dropped",
             path, report.sentences, report.malformed)
    return sentences, report


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans of a BIO sequence; an ``I-`` that starts a span is read as ``B-``."""
    spans = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, typ = tag.partition("-")
        if label is not None and (prefix != "I" or typ != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and label is None:
            start, label = i, typ
    return spans


def spans_to_bio(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


# The files under ../shared/data/ner, by role.
CORPUS_FILES = {
    "ilner-train": "ilner-hindi-train.txt",
    "ilner-dev": "ilner-hindi-dev.txt",
    "hiner-train": "hiner-collapsed-train.conll",
    "hiner-original": "hiner-original-train.conll",
}


def hiner_split(sentences: list[TaggedSentence], every: int = 10) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """HiNER has one file: every ``every``-th sentence is held out for measuring."""
    train = [s for i, s in enumerate(sentences) if i % every != every - 1]
    held = [s for i, s in enumerate(sentences) if i % every == every - 1]
    return train, held
