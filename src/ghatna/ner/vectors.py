"""Subword word vectors (floret) trained on the raw text of the NER training data.

spaCy can add static vectors to the tok2vec embedding. No pretrained Hindi vectors
may be downloaded here, so :func:`train_vectors` learns them from the sentences the
model is trained on (tokens only, no tags): floret hashes each word and its
character n-grams into a fixed table, so an unseen name still gets a vector from
its pieces, and the table's size does not grow with the vocabulary.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)

# Table size and n-gram range; the table is saved inside the model (rows x dim x 4 bytes).
FLORET = {"dim": 64, "bucket": 25000, "hashCount": 2, "minn": 2, "maxn": 5,
          "epoch": 10, "minCount": 2, "model": "skipgram", "ws": 4}


def train_vectors(sentences: Iterable[list[str]], out_dir: Path, **options) -> Path:
    """Train floret vectors on ``sentences`` and write a spaCy vectors folder.

    Returns the folder (``out_dir/vectors``) to give spaCy's ``[initialize] vectors``.
    One thread, so the same text gives the same table.
    """
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    out_dir.mkdir(parents=True, exist_ok=True)
    text = out_dir / "vectors-text.txt"
    with open(text, "w", encoding="utf-8") as fh:
        for tokens in sentences:
            fh.write(" ".join(tokens) + "\n")
    params = FLORET | options
    model = floret.train_unsupervised(str(text), mode="floret", thread=1, verbose=0, **params)
    raw = out_dir / "vectors.floret"
    model.save_floret_vectors(str(raw))
    nlp = spacy.blank("hi")
    convert_vectors(nlp, raw, truncate=0, prune=-1, mode="floret")
    dest = out_dir / "vectors"
    nlp.to_disk(dest)
    log.info("floret vectors %s (%d x %d)", dest, params["bucket"], params["dim"])
    return dest
