"""Cost of one article by its size: the whole pipeline (clean … events) on one article
of 100,000 and of 400,000 characters of Hindi news text, written here.

Acceptance (issue 18): the 400,000-character article takes at most 5 times as long as
the 100,000-character one, i.e. the cost is linear, not quadratic.

    python benchmarks/bench_article_size.py [--sizes 100000 400000]
"""

from __future__ import annotations

import argparse
import time

from ghatna.ingest import Processor
from ghatna.readers import RawItem
from ghatna.settings import Settings

PARAGRAPH = ("नई दिल्ली में मंगलवार को भारत और नेपाल के विदेश मंत्रियों ने सीमा व्यापार पर बैठक की। "
             "डॉ. शर्मा ने कहा कि दोनों देश 6.5 प्रतिशत व्यापार वृद्धि चाहते हैं। "
             "प्रधानमंत्री नरेंद्र मोदी ने पाकिस्तान की आलोचना की और चीन से बातचीत की अपील की।\n"
             "विपक्ष ने सरकार पर आरोप लगाया कि उसने किसानों की मांगों को नज़रअंदाज़ किया है।\n\n")


def article_text(chars: int) -> str:
    """A headline and body paragraphs, ``chars`` characters long."""
    body = PARAGRAPH * (chars // len(PARAGRAPH) + 1)
    return "भारत-नेपाल वार्ता\n\n" + body[:chars]


def seconds_for(processor: Processor, chars: int) -> float:
    item = RawItem(input=f"bench-{chars}", doc=f"bench-{chars}.txt", content=article_text(chars))
    started = time.perf_counter()
    entry, article = processor(item)
    elapsed = time.perf_counter() - started
    assert article is not None and entry.outcome == "stored", entry
    return elapsed


def measure(sizes: list[int], settings: Settings | None = None) -> dict[int, float]:
    """Seconds per article size (after one warm-up article loads the models)."""
    settings = (settings or Settings.load()).with_overrides(
        {"ingest": {"max_article_chars": max(sizes) + 1000, "max_article_seconds": 3600.0}})
    processor = Processor(settings)
    seconds_for(processor, 2000)
    return {size: seconds_for(processor, size) for size in sizes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000])
    args = parser.parse_args()
    times = measure(args.sizes)
    for size, secs in times.items():
        print(f"{size:>9,} characters: {secs:7.2f} s")
    if len(times) >= 2:
        small, large = min(times), max(times)
        print(f"ratio {large // small}x size -> {times[large] / times[small]:.2f}x time")


if __name__ == "__main__":
    main()
