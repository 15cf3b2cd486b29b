"""Near-duplicate detection with SimHash over word shingles.

Exact duplicates are caught by the article's content hash. Near-duplicates — the same
agency story with another headline, a corrected paragraph, a different byline — get a
64-bit SimHash of their word 3-shingles; two articles whose hashes differ in at most
``[dedup] max_bits`` bits are near-duplicates. The store finds candidates through four
16-bit bands (two hashes within 3 bits share at least one band exactly) and records the
earlier article's id on the later one; both are kept, since they may differ in facts.
"""

from __future__ import annotations

import hashlib

import regex

from .model import Article
from .pipeline import stage
from .settings import Settings

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
BANDS = 4
MASK64 = (1 << 64) - 1


def simhash(text: str, shingle: int = 3) -> int | None:
    """The 64-bit SimHash of ``text``'s word shingles; None for very short texts."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < shingle + 2:
        return None
    weights = [0] * 64
    for i in range(len(words) - shingle + 1):
        digest = hashlib.blake2b(" ".join(words[i:i + shingle]).encode("utf-8"), digest_size=8)
        value = int.from_bytes(digest.digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def bands(value: int) -> list[int]:
    return [(value >> (16 * i)) & 0xFFFF for i in range(BANDS)]


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def distance(a: int, b: int) -> int:
    return ((a & MASK64) ^ (b & MASK64)).bit_count()


@stage("dedup", requires=("text",), assigns=("simhash",))
def make_dedup(settings: Settings):
    def fingerprint(article: Article) -> Article:
        value = simhash(article.text or article.title)
        article.simhash = to_signed(value) if value is not None else None
        return article

    return fingerprint
