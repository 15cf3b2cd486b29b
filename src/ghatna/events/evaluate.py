"""Score coded events against gold files in the format of EVENTS.md.

Gold lines are either ``{"id", "doc", "anchor", "date", "events"}`` (a sentence of a
source article, found by the anchor substring) or ``{"id", "text", "events"}`` (a free
sentence). A gold event is ``{"event": TYPE or [TYPES], "actor": [keys], "recipient":
[keys], "required": bool}`` with keys ISO3 codes or ``IGO:<acronym>``.

The matching rule is the one EVENTS.md writes down, so these figures agree with independent
scoring: a predicted event matches a gold event when its type is one of the gold types and
each non-empty gold key list shares at least one key with the predicted actors' (or
recipients') keys; an empty gold list accepts anything. For CONSULT and COOPERATE, whose
direction is not meaningful, actor and recipient form one set on both sides, and the gold
set must be covered by the predicted one or share at least two keys with it. A predicted
party's key is its ``country``, else ``IGO:<org>``. Required gold events found are true
positives, those not found are misses; predicted events matching an optional gold event
are neither rewarded nor punished; every other predicted event of a listed sentence is a
false positive. Several gold lines anchored in the same sentence are scored together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError

SYMMETRIC = frozenset(["CONSULT", "COOPERATE"])


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}", f"not JSON: {exc}") from None
            if "events" not in row or not ("text" in row or "anchor" in row):
                raise InputError(f"{path}:{n}", "needs 'events' and either 'text' or 'doc'+'anchor'")
            rows.append(row)
    return rows


def _types(g: dict[str, Any]) -> list[str]:
    t = g.get("event")
    return list(t) if isinstance(t, list) else [t]


def _keys(refs: Iterable[dict[str, Any]]) -> set[str]:
    """The gold keys of predicted parties: the state, else the organisation."""
    out = set()
    for r in refs:
        if r.get("country"):
            out.add(r["country"])
        elif r.get("org"):
            out.add(f"IGO:{r['org']}")
    return out


def matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if pred["event"] not in _types(gold):
        return False
    ga, gr = set(gold.get("actor") or []), set(gold.get("recipient") or [])
    pa, pr = _keys(pred.get("actor", [])), _keys(pred.get("recipient", []))
    if pred["event"] in SYMMETRIC:
        wanted, found = ga | gr, pa | pr
        return wanted <= found or len(wanted & found) >= 2
    return (not ga or bool(ga & pa)) and (not gr or bool(gr & pr))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    per_type: dict[str, Score] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)
    sentences: int = 0
    unresolved: list[str] = field(default_factory=list)

    def _t(self, name: str) -> Score:
        return self.per_type.setdefault(name, Score())

    def to_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "overall": self.overall.to_dict(),
                "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
                "misses": self.misses, "extras": self.extras, "unresolved": self.unresolved}


def score_sentence(report: Report, sid: str, sentence: str, gold: list[dict[str, Any]],
                   pred: list[dict[str, Any]]) -> None:
    """Add one sentence's gold and predicted events to ``report``."""
    report.sentences += 1
    required = [g for g in gold if g.get("required", True)]
    optional = [g for g in gold if not g.get("required", True)]
    # match the most constrained gold events first
    order = sorted(range(len(required)),
                   key=lambda i: sum(matches(required[i], p) for p in pred))
    taken: set[int] = set()
    for gi in order:
        g = required[gi]
        hit = next((pi for pi, p in enumerate(pred) if pi not in taken and matches(g, p)), None)
        if hit is None:
            report.overall.fn += 1
            report._t(_types(g)[0]).fn += 1
            report.misses.append({"id": sid, "sentence": sentence, "gold": g})
        else:
            taken.add(hit)
            report.overall.tp += 1
            report._t(pred[hit]["event"]).tp += 1
    for pi, p in enumerate(pred):
        if pi in taken or any(matches(o, p) for o in optional):
            continue
        report.overall.fp += 1
        report._t(p["event"]).fp += 1
        report.extras.append({"id": sid, "sentence": sentence, "event": p["event"],
                              "actor": sorted(_keys(p.get("actor", []))),
                              "recipient": sorted(_keys(p.get("recipient", []))),
                              "trigger": p.get("evidence", {}).get("trigger", {}).get("text"),
                              "pattern": p.get("evidence", {}).get("pattern")})


def evaluate(gold_rows: list[dict[str, Any]], processor, docs_dir: str | Path | None = None,
             articles: dict[str, Any] | None = None) -> Report:
    """Score ``processor`` (a :class:`ghatna.events.coding.Processor`) on gold rows.

    Seed-form rows need their article: from ``articles`` (doc name -> processed Article,
    e.g. read from the store) or read from ``docs_dir`` and processed with the row's date.
    """
    report = Report()
    articles = dict(articles or {})
    grouped: dict[tuple[str, int], dict[str, Any]] = {}
    order: list[tuple[str, int]] = []
    for row in gold_rows:
        if "text" in row:
            pred = processor.code_text(row["text"], id=str(row["id"]), date=row.get("date"))
            key = ("", len(order))
            grouped[key] = {"id": row["id"], "sentence": row["text"], "gold": list(row["events"]),
                            "pred": pred["events"]}
            order.append(key)
            continue
        doc = row["doc"]
        if doc not in articles:
            if docs_dir is None:
                raise InputError(f"gold row {row['id']}", f"names doc {doc}; pass --docs DIR or --db")
            path = Path(docs_dir) / doc
            if not path.is_file():
                raise InputError(str(path), f"not found (gold row {row['id']}); check --docs")
            articles[doc] = process_file(processor, path, row.get("date"))
        sentences, recs = _view(articles[doc])
        idx = find_sentence(sentences, row["anchor"])
        if idx is None:
            report.unresolved.append(row["id"])
            continue
        key = (doc, idx)
        if key not in grouped:
            grouped[key] = {"id": row["id"], "sentence": sentences[idx], "gold": [],
                            "pred": [r for r in recs if r["evidence"]["sentence_index"] == idx]}
            order.append(key)
        else:
            grouped[key]["id"] += "+" + row["id"]
        grouped[key]["gold"].extend(row["events"])
    for key in order:
        g = grouped[key]
        score_sentence(report, str(g["id"]), g["sentence"], g["gold"], g["pred"])
    return report


def process_file(processor, path: Path, date: str | None):
    """A source article file: first non-empty line the headline, the rest the body."""
    raw = path.read_text("utf-8")
    lines = raw.strip().split("\n")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    return processor.article(body, doc=path.name, date=date, title=title)


def _view(article) -> tuple[dict[int, str], list[dict[str, Any]]]:
    """Sentences by index and event records of a processed Article or a stored article
    (``Store.article`` data)."""
    if isinstance(article, dict):
        return ({s["index"]: s["text"] for s in article["sentences"]}, list(article["events"]))
    from .coding import records

    return {s.index: s.text for s in article.sentences}, records(article)


def find_sentence(sentences: dict[int, str], anchor: str) -> int | None:
    norm = " ".join(anchor.split())
    for idx, text in sorted(sentences.items()):
        if norm in " ".join(text.split()):
            return idx
    return None
