"""Cross-script name matching on 9,081 English ↔ Devanagari personal names.

For each Devanagari name in ../shared/data/names/en-hi-person-names.tsv, rank all the
English names of the file by the same comparison the linker uses (rapidfuzz ratio of the
sound-alike forms of :func:`ghatna.actors.translit.loose`) and count how often the right English
name is first (top-1) or among the first five (top-5). Names equal after case folding
count as the same name.

    PYTHONPATH=src /work/venv/bin/python benchmarks/translit_names.py [--n N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "names" / "en-hi-person-names.tsv"


def load(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["english"].strip(), r["hindi"].strip()) for r in reader
                if r.get("english") and r.get("hindi")]


def run(pairs: list[tuple[str, str]], limit: int | None = None) -> dict[str, float]:
    from ghatna.actors.translit import ascii_fold, loose

    english = sorted({ascii_fold(e) for e, _ in pairs})
    choices = [loose(e) for e in english]
    queries = pairs[:limit] if limit else pairs
    top1 = top5 = 0
    for eng, hin in queries:
        want = ascii_fold(eng)
        found = process.extract(loose(hin), choices, scorer=fuzz.ratio, limit=5)
        names = [english[idx] for _, _, idx in found]
        top1 += bool(names) and names[0] == want
        top5 += want in names
    n = len(queries)
    return {"n": n, "candidates": len(english), "top1": top1 / n, "top5": top5 / n}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=None, help="Only the first N names.")
    args = parser.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} not found (needs ../shared)")
    sys.path.insert(0, str(ROOT / "src"))
    t0 = time.perf_counter()
    result = run(load(DATA), args.n)
    print(f"{result['n']} Devanagari names against {result['candidates']} distinct English "
          f"names: top-1 {result['top1']:.1%}, top-5 {result['top5']:.1%} "
          f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
