"""Latin search finding Devanagari names: 9,081 English ↔ Devanagari personal names.

For every name pair of ../shared/data/names/en-hi-person-names.tsv whose two spellings
have the same number of words, each English word of two letters or more is a query and
the Devanagari word in the same place is what the store indexed. A word is found when
the query's :func:`ghatna.actors.translit.search_key` is a prefix of the indexed word's key,
which is how the web search matches. Also reported: how many distinct English words
share a key (a rough measure of how much the key merges).

    PYTHONPATH=src /work/venv/bin/python benchmarks/search_keys.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "names" / "en-hi-person-names.tsv"


def run(pairs: list[tuple[str, str]], key) -> dict[str, float]:
    import regex

    word = regex.compile(r"[\p{L}\p{M}\p{N}]+")
    found = total = 0
    english = set()
    for eng, hin in pairs:
        e_words, h_words = word.findall(eng), word.findall(hin)
        if len(e_words) != len(h_words):
            continue
        for e, h in zip(e_words, h_words):
            if len(e) < 2:
                continue
            total += 1
            found += key(h).startswith(key(e))
            english.add(e.lower())
    keys = {key(e) for e in english}
    return {"words": total, "found": found / total, "english_words": len(english),
            "distinct_keys": len(keys)}


def main() -> None:
    if not DATA.is_file():
        sys.exit(f"{DATA} not found (needs ../shared)")
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from translit_names import load

    from ghatna.actors.translit import search_key

    t0 = time.perf_counter()
    result = run(load(DATA), search_key)
    print(f"{result['words']} English name words as queries: {result['found']:.1%} find the "
          f"Devanagari word; {result['english_words']} distinct English words share "
          f"{result['distinct_keys']} keys ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
