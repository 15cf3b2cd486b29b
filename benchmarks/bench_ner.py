"""Tagging speed of the NER model on one core, and its load time.

Usage (from the project root):
    PYTHONPATH=src taskset -c 0 python benchmarks/bench_ner.py [--model DIR|accurate] [--conll FILE] [--repeat N]

Without --conll it tags the tokens of ../shared/data/ner/ilner-hindi-dev.txt. The
process pins itself to one core (os.sched_setaffinity) and BLAS to one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    parser.add_argument("--conll", default=str(Path(__file__).resolve().parents[1].parent
                                               / "shared" / "data" / "ner" / "ilner-hindi-dev.txt"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    t0 = time.perf_counter()
    import spacy  # noqa: F401  (import time is part of what a user waits for)
    t_import = time.perf_counter() - t0
    from ghatna.ner.corpus import read_tokens
    from ghatna.ner.tagger import load_tagger

    t1 = time.perf_counter()
    tagger = load_tagger(args.model)
    t_load = time.perf_counter() - t1
    sentences = read_tokens(args.conll)
    n_tokens = sum(len(s) for s in sentences)
    list(tagger.tag(sentences[:50]))  # warm-up
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        for _spans in tagger.tag(sentences):
            pass
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(json.dumps({
        "model": str(tagger.path), "sentences": len(sentences), "tokens": n_tokens,
        "spacy_import_s": round(t_import, 3), "model_load_s": round(t_load, 3),
        "tag_s": round(best, 3), "tokens_per_s": round(n_tokens / best),
        # CPU time: what the wall time follows when no other job shares the core
        "tag_cpu_s": round(best_cpu, 3), "tokens_per_cpu_s": round(n_tokens / best_cpu),
    }))


if __name__ == "__main__":
    main()
