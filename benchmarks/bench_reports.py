"""Time `ghatna events --unique` (Store.events(unique=True)) against the plain listing,
and `ghatna stories` (ghatna.store.stories.find_stories).

Uses the store of synthetic events that bench_web.py builds (100,000 random events by
default), and prints how many distinct events and stories are found and how long each
takes (best of three).

    PYTHONPATH=src python benchmarks/bench_reports.py [--events 100000] [--db FILE] [--reuse]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_web import build

from ghatna.store.sqlite import Store
from ghatna.store.stories import find_stories


def best_of(n: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(n):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/ghatna-bench-web.db")
    parser.add_argument("--reuse", action="store_true", help="use the store at --db if it exists")
    args = parser.parse_args()
    if not (args.reuse and Path(args.db).exists()):
        Path(args.db).unlink(missing_ok=True)
        print(f"built {args.events} events in {build(args.db, args.events):.1f} s")
    with Store(args.db, readonly=True) as store:
        plain, records = best_of(3, store.events)
        grouped, unique = best_of(3, lambda: store.events(unique=True))
        linked, stories = best_of(3, lambda: find_stories(store))
    merged = sum(1 for r in unique if r["reports"]["mentions"] > 1)
    print(f"{len(records)} records listed in {plain:.2f} s; {len(unique)} distinct events "
          f"({merged} reported more than once) in {grouped:.2f} s with --unique")
    print(f"{len(stories)} stories of {sum(len(s['articles']) for s in stories)} articles "
          f"found in {linked:.2f} s")


if __name__ == "__main__":
    main()
