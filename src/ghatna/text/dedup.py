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

import numpy as np
import regex

from ..model import Article
from ..pipeline import stage
from ..settings import Settings

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
BANDS = 4
MASK64 = (1 << 64) - 1


def simhash(text: str, shingle: int = 3) -> int | None:
    """The 64-bit SimHash of ``text``'s word shingles; None for very short texts."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < shingle + 2:
        return None
    digests = b"".join(
        hashlib.blake2b(" ".join(words[i:i + shingle]).encode("utf-8"), digest_size=8).digest()
        for i in range(len(words) - shingle + 1))
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    # Bit k of the result is set when most shingles have bit k set (big-endian order).
    majority = bits.sum(axis=0) * 2 > bits.shape[0]
    return int.from_bytes(np.packbits(majority).tobytes(), "big")


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
