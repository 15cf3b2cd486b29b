"""How long the events stage adds per sentence, on one core.

Runs segment + link once over a set of sentences (the seed articles when ../shared is
there, else the sentences of tests/data/events_gold.jsonl), then times only the event coder
over the prepared articles, several rounds, and reports milliseconds per sentence.

    PYTHONPATH=src python benchmarks/bench_events.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from ghatna.events.coding import Processor
from ghatna.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    proc = Processor(Settings.load())
    texts = [json.loads(l)["text"] for l in
             (ROOT / "tests" / "data" / "events_gold.jsonl").read_text("utf-8").splitlines() if l.strip()]
    if SEEDS.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = [proc.article(t, doc=str(i), date="2024-01-01") for i, t in enumerate(texts)]
    n_sent = sum(len(a.sentences) for a in articles)
    best = None
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        n_ev = 0
        for a in articles:
            n_ev += len(proc.coder.code(a))
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(json.dumps({"articles": len(articles), "sentences": n_sent, "events": n_ev,
                      "seconds_best_round": round(best, 4),
                      "ms_per_sentence": round(1000 * best / n_sent, 3)}))


if __name__ == "__main__":
    main()
