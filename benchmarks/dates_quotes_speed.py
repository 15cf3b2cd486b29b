"""Throughput of date resolution and quote finding on the seed articles (needs ../shared).

Run from the project root:  PYTHONPATH=src python benchmarks/dates_quotes_speed.py
Sentences are split naively at ।.?! here (the segment stage is not used), no mentions.
"""

from __future__ import annotations

import time
from pathlib import Path

import regex

from ghatna.events.dates import resolve_all
from ghatna.events.quotes import find_quotes, load_cues
from ghatna.model import Article, Sentence

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
PUB = {"000": "2021-03-23", "001": "2020-09-11"}


def articles() -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("00*.txt")):
        text = path.read_text("utf-8")
        art = Article(raw=text, doc=path.name, language="hi", date=PUB[path.name[:3]])
        for para in text.split("\n"):
            for m in regex.finditer(r'[^।.?!]+(?:[।.?!]+["”’]?|$)', para):
                s = m.group().strip()
                if len(s) > 2:
                    i = len(art.sentences)
                    art.sentences.append(Sentence(i, "title" if i == 0 else "body", 0, len(s), s))
        out.append(art)
    return out


def main(repeat: int = 50) -> None:
    arts = articles()
    n = sum(len(a.sentences) for a in arts) * repeat
    cues = load_cues()
    t = time.perf_counter()
    for _ in range(repeat):
        for a in arts:
            for s in a.sentences:
                resolve_all(s.text, a.date)
    t_dates = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(repeat):
        for a in arts:
            find_quotes(a, cues)
    t_quotes = time.perf_counter() - t
    print(f"{n} sentences: dates {n / t_dates:,.0f} sentences/s, quotes {n / t_quotes:,.0f} sentences/s")


if __name__ == "__main__":
    main()
