"""Fit the event confidence (``src/ghatna/data/confidence.tsv``) on events judged by people
who never saw the coder's rules, and print its reliability table.

    python tools/calibrate_confidence.py            # fit, write the weights, print the table
    python tools/calibrate_confidence.py --check    # only the table for the shipped weights

The judged events are those the coder makes today on samples of ../shared's corpora,
stored in the project as references (text is read from ../shared):

* ``tests/data/events_blind{,2,3}.refs.jsonl``: the three blind sets; a coded event is right
  when it matches a required gold event by the rule of ``ghatna eval events``, wrong when it
  matches none (one matching only an optional gold event is left out);
* ``tests/data/general_judged.refs.jsonl``: unselected general news whose coded events a
  judge marked right or wrong (``type_right``); events the judge did not see are left out.

The model is a logistic regression with a small ridge penalty (a handful of features, so
that a few hundred judged events can fix them). Two reliability tables are printed: by
leave-one-out (every event's probability from a model fitted without it), and on the third
blind set from a model fitted on the other sets only — text of another corpus and another
annotator, the closest stand-in for news nobody has seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import corpus_sample  # noqa: E402

from ghatna.events.clauses import tokenize  # noqa: E402
from ghatna.events.coding import Processor  # noqa: E402
from ghatna.events.confidence import FEATURES, features, load_weights  # noqa: E402
from ghatna.events.evaluate import matches  # noqa: E402
from ghatna.model import ActorRef  # noqa: E402
from ghatna.settings import Settings  # noqa: E402

OUT = ROOT / "src" / "ghatna" / "data" / "confidence.tsv"
RIDGE = 1.0
BLIND_SETS = (("events_blind", "blind"), ("events_blind2", "blind2"), ("events_blind3", "blind3"))
HELD_OUT = "blind3"


def _refs(side: list[dict]) -> list[ActorRef]:
    return [ActorRef(text=r["text"], start=r["start"], end=r["end"], country=r.get("country"),
                     org=r.get("org")) for r in side]


def _keys(side: list[dict]) -> list:
    return [r.get("country") or (f"IGO:{r['org']}" if r.get("org") else None) for r in side]


def judged_events(proc: Processor) -> list[tuple[dict[str, float], int, str]]:
    """(features, right, set) for every coded event a person judged."""
    kinds = {p.id: p.kind for p in proc.coder.patterns.patterns}
    quads = {t: info.quad for t, info in proc.coder.patterns.types.items()}
    out = []

    def feats(rec):
        return features(kinds.get(rec["evidence"]["pattern"], "verbal"), quads[rec["event"]],
                        rec["aux_mode"], _refs(rec["actor"]), _refs(rec["recipient"]),
                        len(tokenize(rec["evidence"]["sentence"])))

    for stem, name in BLIND_SETS:
        for line in open(ROOT / f"tests/data/{stem}.refs.jsonl", encoding="utf-8"):
            row = json.loads(line)
            gold = row["events"]
            text = corpus_sample.sentence_text(row["ref"])
            for rec in proc.code_text(text, id=row["id"])["events"]:
                if any(matches(g, rec) for g in gold if g.get("required", True)):
                    out.append((feats(rec), 1, name))
                elif not any(matches(g, rec) for g in gold):
                    out.append((feats(rec), 0, name))
    for line in open(ROOT / "tests/data/general_judged.refs.jsonl", encoding="utf-8"):
        row = json.loads(line)
        verdicts = {(j["event"], j["trigger"], tuple(j["actor"]), tuple(j["recipient"])): j["type_right"]
                    for j in row["judged"]}
        for rec in proc.code_text(corpus_sample.sentence_text(row["ref"]), id=row["id"])["events"]:
            key = (rec["event"], rec["evidence"]["trigger"]["text"], tuple(_keys(rec["actor"])),
                   tuple(_keys(rec["recipient"])))
            if key in verdicts:
                out.append((feats(rec), int(verdicts[key]), "general"))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Ridge-penalised logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], RIDGE)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def reliability(probs: np.ndarray, y: np.ndarray) -> list[str]:
    lines = ["| confidence | events | right |", "|---|---|---|"]
    for lo, hi in ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
        sel = (probs >= lo) & (probs < hi)
        if sel.any():
            lines.append(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {int(sel.sum())} | {y[sel].mean():.2f} |")
    at = probs >= 0.8
    lines.append(f"| ≥ 0.8 | {int(at.sum())} | {y[at].mean() if at.any() else float('nan'):.2f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only the table for the shipped weights")
    args = parser.parse_args()
    if not corpus_sample.SHARED.is_dir():
        print(f"{corpus_sample.SHARED} is absent", file=sys.stderr)
        return 2
    data = judged_events(Processor(Settings.load()))
    x = np.array([[f[name] for name in FEATURES] for f, _, _ in data])
    y = np.array([right for _, right, _ in data], dtype=float)
    sets = np.array([s for *_, s in data])
    counts = ", ".join(f"{name} {int((sets == name).sum())}" for name in dict.fromkeys(sets))
    print(f"{len(y)} judged events, {int(y.sum())} right ({counts})")
    if args.check:
        weights = load_weights()
        w = np.array([weights.get(name, 0.0) for name in FEATURES])
        print("\n".join(reliability(np.round(1 / (1 + np.exp(-x @ w)), 2), y)))
        return 0
    loo = np.array([1 / (1 + np.exp(-x[i] @ fit(np.delete(x, i, 0), np.delete(y, i))))
                    for i in range(len(y))])
    print("leave-one-out reliability:")
    print("\n".join(reliability(np.round(loo, 2), y)))
    held = sets == HELD_OUT
    w_rest = fit(x[~held], y[~held])
    print(f"on {HELD_OUT} ({int(held.sum())} events), fitted on the other sets only:")
    print("\n".join(reliability(np.round(1 / (1 + np.exp(-x[held] @ w_rest)), 2), y[held])))
    w = fit(x, y)
    header = ("# Weights of the event confidence (ghatna.events.confidence): a logistic model fitted\n"
              f"# by tools/calibrate_confidence.py on {len(y)} coded events judged by people who never\n"
              "# saw the coder's rules (the blind sets and unselected general news). Do not edit:\n"
              "# rerun the tool after the coder changes.\n")
    OUT.write_text(header + "".join(f"{name}\t{v:.4f}\n" for name, v in zip(FEATURES, w)), "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}:", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
