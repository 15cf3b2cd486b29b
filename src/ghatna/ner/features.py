"""Word features from the frozen e5 encoder, computed once per corpus and cached.

Training the accurate model's head reads every corpus sentence through the encoder;
that is the slow part (a few hundred words a second per core), so the features are
saved as float16 under a cache folder (by default in the system's temporary folder,
never in the repository) and reused while the sentences, the layers and the encoder's
weights file are the same.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from ..text.clean import repair_token
from .e5 import E5Encoder

log = logging.getLogger(__name__)

CHUNK = 1000  # sentences per encoder call (progress is logged after each)


def default_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "ghatna-e5-features"


def model_words(tokens: Sequence[str]) -> list[str]:
    """Tokens as the accurate tagger reads them (character-repaired, as the fast model)."""
    return [repair_token(t) for t in tokens]


def sentence_features(encoder: E5Encoder, sentences: Sequence[Sequence[str]],
                      layers: Sequence[int]) -> list[np.ndarray]:
    """The encoder's features ``(n_words, len(layers) * hidden)`` for each sentence."""
    feats = encoder.word_features([model_words(s) for s in sentences], layers)
    return [f.reshape(len(f), f.shape[1] * f.shape[2]) for f in feats]


def cached_features(encoder: E5Encoder, sentences: Sequence[Sequence[str]], layers: Sequence[int],
                    cache_dir: Path, name: str) -> list[np.ndarray]:
    """:func:`sentence_features` of ``sentences`` (float16), read from ``cache_dir`` when
    an earlier run computed them for the same sentences, layers and encoder."""
    digest = hashlib.sha1(repr((encoder.fingerprint, tuple(layers))).encode())
    for s in sentences:
        digest.update("\t".join(s).encode("utf-8") + b"\n")
    path = cache_dir / f"{name}-{digest.hexdigest()[:16]}.npz"
    lengths = np.array([len(s) for s in sentences], dtype=np.int64)
    if path.is_file():
        log.info("e5 features of %s from %s", name, path)
        flat = np.load(path)["features"]
    else:
        started, parts = time.time(), []
        for start in range(0, len(sentences), CHUNK):
            chunk = sentence_features(encoder, sentences[start:start + CHUNK], layers)
            parts.extend(f.astype(np.float16) for f in chunk)
            done = min(start + CHUNK, len(sentences))
            log.info("e5 features of %s: %d/%d sentences (%.0f s)", name, done, len(sentences),
                     time.time() - started)
        flat = np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float16)
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, features=flat)
        tmp.replace(path)
    return np.split(flat, np.cumsum(lengths)[:-1])
