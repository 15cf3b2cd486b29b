"""Score NER output against gold files: exact-span precision, recall and F1.

A predicted span counts only if its first token, last token and label all match a
gold span. Gold tags in HiNER or IL-NER naming are mapped to PER/LOC/ORG by
:mod:`ghatna.ner.corpus`; other types are ignored.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from .corpus import LABELS, TagReport, read_tagged

Span = tuple[int, int, str]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": n_gold, "predicted": n_pred, "correct": tp}


def score_spans(gold: Iterable[list[Span]], pred: Iterable[list[Span]]) -> dict:
    """Per-label and overall (micro) scores over parallel sentences of spans."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for span in gs:
            n_gold[span[2]] += 1
        for span in ps:
            n_pred[span[2]] += 1
            if span in gs:
                tp[span[2]] += 1
    labels = list(LABELS) + sorted((set(n_gold) | set(n_pred)) - set(LABELS))
    out = {"per_type": {lab: _prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}}
    out["overall"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def evaluate_file(tagger, gold_path: str | Path) -> dict:
    """Tag the tokens of a gold CoNLL file and score the result."""
    report = TagReport()
    with open(gold_path, encoding="utf-8-sig") as fh:
        gold = read_tagged(fh, report)
    pred = list(tagger.tag(s.tokens for s in gold))
    scores = score_spans((s.spans() for s in gold), pred)
    scores["sentences"] = len(gold)
    scores["tokens"] = report.tokens
    scores["gold_repairs"] = report.malformed
    scores["model"] = str(tagger.path)
    return scores


def format_scores(scores: dict) -> str:
    lines = [f"{'type':<8}{'precision':>10}{'recall':>8}{'f1':>8}{'gold':>7}{'pred':>7}"]
    rows = list(scores["per_type"].items()) + [("overall", scores["overall"])]
    for name, s in rows:
        lines.append(f"{name:<8}{s['precision']:>10.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}"
                     f"{s['gold']:>7}{s['predicted']:>7}")
    return "\n".join(lines)
