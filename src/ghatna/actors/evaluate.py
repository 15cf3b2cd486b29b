"""Score the linker on a gold file of mentions.

The gold file is TSV (``#`` comments) with the columns ``id text mention gold seen``
and optionally ``date`` and ``group``:

* ``text`` is a sentence, ``mention`` the words of one mention in it (its first
  occurrence is meant, unless ``mention`` is written ``words@N`` for the N-th, from 1);
* ``gold`` is the knowledge-base id the mention must link to, ``code:CHNGOV`` when only
  the actor code is judged (generic agents), or ``NONE`` when nothing may be linked there;
* a ``text`` (or ``date``) of ``^`` repeats the previous row's, so one sentence's
  mentions can follow each other without copying it;
* ``seen`` is ``yes`` when that exact spelling is written in the knowledge base, ``no``
  when it is not (unseen spellings test the cross-script matcher).

A row is correct when a linked mention overlapping the gold span has the gold id (or
code; a state inside an agent phrase counts when the phrase's entity carries that
state), or, for ``NONE``, when no linked mention overlaps it.

A JSON Lines gold file (``.jsonl``) judges by what an outside grader can see instead of
knowledge-base ids: lines ``{"id", "text", "mention", "gold": {"name", "type",
"country", "org"}}``. A person or place is right when the linked entity's canonical
English name, or one of its English aliases, is the gold name — compared also without a
designator (``Indus River``, ``Kumaon division``), a leading "the" and a person's or place's
qualifier (``(politician)``, ``, India``), and never across two different states; a state when the entity acts for the gold country (a
state, or an agent phrase of that state); an organisation when its acronym or name
matches, or when the gold names a state's own body and the link is the generic agent for
that body of that state: "Government of India" is right for ``भारत सरकार`` linked to the
agent INDGOV *government*, "Pakistan Army" for ``पाकिस्तानी सेना`` linked to PAKMIL
*military* (Hindi सेना names a state's army and its armed forces alike), "Indian Air Force"
and "Indian Navy" for its *air force* and *navy* agents. The gold's state is what makes this
judgement sound: an agent without a state (``सरकार`` alone) or of another state is wrong.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..errors import InputError
from .link import Linker, link_text


@dataclass
class GoldRow:
    id: str
    text: str
    mention: str
    gold: str
    seen: bool
    date: str | None = None
    group: str = ""
    attributes: dict[str, Any] | None = None

    def span(self) -> tuple[int, int]:
        words, _, nth = self.mention.partition("@")
        count = int(nth) if nth else 1
        pos = -1
        for _ in range(count):
            pos = self.text.find(words, pos + 1)
            if pos < 0:
                raise InputError(f"gold row {self.id}", f"{words!r} is not in its text")
        return pos, pos + len(words)


@dataclass
class LinkScore:
    total: int = 0
    correct: int = 0
    by_seen: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_group: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        def acc(pair: list[int]) -> dict[str, Any]:
            return {"n": pair[1], "accuracy": round(pair[0] / pair[1], 4) if pair[1] else None}

        return {"n": self.total, "accuracy": round(self.accuracy, 4),
                "seen": {k: acc(v) for k, v in sorted(self.by_seen.items())},
                "group": {k: acc(v) for k, v in sorted(self.by_group.items())},
                "errors": self.errors}


def _fold(name: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", (name or "").lower())
    return "".join(c for c in decomposed if c.isalnum())


# A gold organisation's English name that says which body of its state it is, and the roles
# of the generic agents (lexicon/agents.tsv) that stand for that body.
STATE_BODIES = (
    (regex.compile(r"^(the )?((federal|central|union|national) )?government of\b|"
                   r"\bgovernment$", regex.I), frozenset(["government", "administration"])),
    (regex.compile(r"\b(army|armed forces|military)$", regex.I), frozenset(["military"])),
    (regex.compile(r"\bair force$", regex.I), frozenset(["air force"])),
    (regex.compile(r"\bnavy$", regex.I), frozenset(["navy"])),
    (regex.compile(r"^(the )?supreme court\b", regex.I), frozenset(["supreme court"])),
)


def _state_body(entity: Any, gold: dict[str, Any]) -> bool:
    """Whether ``entity`` is the generic agent for the body of its state the gold names."""
    if entity.type != "agent" or not gold.get("country") or entity.country != gold["country"]:
        return False
    name = (gold.get("name") or "").strip()
    return any(pattern.search(name) and entity.role in roles for pattern, roles in STATE_BODIES)


# Words that say what kind of place a name names ("Indus River", "Kumaon division"), and the
# qualifier of a person's or a place's name ("Harsh Vardhan (politician)", "Punjab, India"):
# graders and knowledge bases write them or leave them out. (A party's or an organisation's
# bracket is part of its name: Janata Dal (United) is not Janata Dal.)
DESIGNATORS = frozenset("district division river province region state city town island "
                        "islands valley".split())


def _forms(name: str | None, qualified: bool) -> set[str]:
    """Comparison keys of a name: folded as written and, without its designator (and, if
    ``qualified``, without its bracketed or comma qualifier), folded again."""
    name = name or ""
    bare = regex.sub(r"\([^)]*\)", " ", name).split(",")[0] if qualified else name
    words = regex.findall(r"[\p{L}\p{N}]+", bare.lower())
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1 and words[-1] in DESIGNATORS:
        words.pop()
    return {_fold(name), _fold(" ".join(words))} - {""}


def _same_name(entity: Any, gold: dict[str, Any]) -> bool:
    """The entity's canonical English name, or one of its English aliases, is the gold's
    name (by :func:`_forms`), and their states do not disagree."""
    qualified = gold.get("type") in ("person", "place")
    want = _forms(gold.get("name"), qualified)
    if not want or (gold.get("country") and entity.country
                    and entity.country != gold["country"]):
        return False
    return any(want & _forms(n, qualified)
               for n in [entity.name, *(getattr(entity, "aliases", None) or [])])


def _attributes_match(entity: Any, gold: dict[str, Any]) -> bool:
    kind = gold.get("type")
    if kind in ("person", "place"):
        return _same_name(entity, gold)
    if kind == "country":
        return entity.country == gold.get("country") and entity.type != "person"
    return bool((gold.get("org") and (entity.org or "").upper() == gold["org"].upper())
                or _same_name(entity, gold) or _state_body(entity, gold))


def _read_jsonl_gold(path: Path) -> list[GoldRow]:
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rows.append(GoldRow(rec["id"], rec["text"], rec["mention"], "", False,
                                rec.get("date"), rec["gold"].get("type", ""), rec["gold"]))
        except (json.JSONDecodeError, KeyError, AttributeError, TypeError):
            raise InputError(f"{path}:{n}", "expected {id, text, mention, gold: {name, type, "
                             "country, org}}") from None
    return rows


def read_gold(path: str | Path) -> list[GoldRow]:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "the gold file does not exist")
    if path.suffix == ".jsonl":
        return _read_jsonl_gold(path)
    lines = [ln for ln in path.read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows: list[GoldRow] = []
    for rec in reader:
        try:
            text = rec["text"].strip()
            date = (rec.get("date") or "").strip() or None
            if text == "^":
                if not rows:
                    raise InputError(str(path), "the first row cannot say ^")
                text = rows[-1].text
                date = rows[-1].date if date in (None, "^") else date
            rows.append(GoldRow(rec["id"], text, rec["mention"].strip(), rec["gold"].strip(),
                                rec["seen"].strip().lower() in ("yes", "y", "1", "true"),
                                date, (rec.get("group") or "").strip()))
        except (KeyError, AttributeError):
            raise InputError(str(path), "every row needs id, text, mention, gold, seen; "
                             f"got {rec}") from None
    return rows


def evaluate(linker: Linker, rows: list[GoldRow]) -> LinkScore:
    score = LinkScore()
    cache: dict[tuple[str, str | None], list] = {}
    for row in rows:
        key = (row.text, row.date)
        if key not in cache:
            cache[key] = link_text(linker, row.text, row.date)
        start, end = row.span()
        linked = [m for m in cache[key] if m.entity is not None and m.start < end and start < m.end]
        if row.attributes is not None:
            ok = any(_attributes_match(m.entity, row.attributes) for m in linked)
        elif row.gold == "NONE":
            ok = not linked
        elif row.gold.startswith("code:"):
            ok = any(m.entity.code == row.gold[5:] for m in linked)
        else:
            # a state named inside an agent phrase ("मिस्र के राष्ट्रपति") is linked through
            # the phrase's entity, which carries that state
            ok = any(m.entity.id == row.gold or (m.entity.type == "agent"
                                                 and m.entity.country == row.gold)
                     for m in linked)
        score.total += 1
        score.correct += ok
        seen = "unknown" if row.attributes is not None else "seen" if row.seen else "unseen"
        for table, k in ((score.by_seen, seen), (score.by_group, row.group or "-")):
            table[k][1] += 1
            table[k][0] += ok
        if not ok:
            score.errors.append({"id": row.id, "mention": row.mention,
                                 "gold": row.gold or row.attributes,
                                 "got": [f"{m.text}={m.entity.id}" for m in linked]})
    return score
