"""Train ghatna's Hindi NER model (PER/LOC/ORG) with spaCy.

:func:`train_ner` reads the annotated corpora (see :mod:`ghatna.ner_data`),
writes them as spaCy DocBins, trains with the committed config
``ghatna/data/ner_config.cfg`` and copies the best model (by entity F1 on the
development set, IL-NER Hindi dev) to ``OUT/model`` with a note saying what it
is. spaCy's own training log goes to ``OUT/train.log``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import shutil
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import InputError
from .ner_data import CORPUS_FILES, TaggedSentence, hiner_split, load_corpus

log = logging.getLogger(__name__)

CORPORA = ("ilner", "hiner")


def default_config() -> Path:
    return Path(str(resources.files("ghatna").joinpath("data/ner_config.cfg")))


@dataclass
class TrainResult:
    model_dir: Path
    seconds: float
    dev_scores: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


def to_docbin(sentences: list[TaggedSentence], path: Path) -> int:
    """Write sentences as a spaCy DocBin; returns the number of docs."""
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("hi")
    db = DocBin(store_user_data=False)
    for sent in sentences:
        db.add(Doc(nlp.vocab, words=sent.tokens, spaces=[True] * len(sent.tokens), ents=sent.tags))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return len(sentences)


def parse_corpora(corpora: tuple[str, ...]) -> dict[str, int]:
    """``("ilner:2", "hiner")`` -> ``{"ilner": 2, "hiner": 1}``: corpus names with repeat counts."""
    weights = {}
    for item in corpora:
        name, _, times = item.partition(":")
        if name not in CORPORA:
            raise InputError("--corpora", f"unknown corpus {name!r}; choose from "
                             f"{', '.join(CORPORA)} (optionally NAME:TIMES to repeat it)")
        if times and not (times.isdigit() and int(times) > 0):
            raise InputError("--corpora", f"repeat count in {item!r} must be a positive whole number")
        weights[name] = int(times or 1)
    return weights


def load_training_data(data_dir: Path, corpora: tuple[str, ...] = CORPORA,
                       limit: int = 0, seed: int = 0) -> tuple[list[TaggedSentence], list[TaggedSentence], dict]:
    """Training and development sentences, with a report of what was read.

    IL-NER dev is always the development set. HiNER has no split of its own: every
    tenth sentence is held out (never trained on) so it can be measured separately.
    """
    weights = parse_corpora(corpora)
    for name in CORPUS_FILES.values():
        if not (data_dir / name).is_file():
            raise InputError(str(data_dir / name), "not found; pass --data with the folder "
                             f"holding {', '.join(CORPUS_FILES.values())}")
    report: dict = {}
    train: list[TaggedSentence] = []
    if "ilner" in weights:
        sents, rep = load_corpus(data_dir / CORPUS_FILES["ilner-train"])
        train += sents * weights["ilner"]
        report["ilner-train"] = rep.to_dict() | {"repeat": weights["ilner"]}
    if "hiner" in weights:
        sents, rep = load_corpus(data_dir / CORPUS_FILES["hiner-train"])
        hiner_train, _held = hiner_split(sents)
        train += hiner_train * weights["hiner"]
        report["hiner-train"] = rep.to_dict() | {"used_sentences": len(hiner_train),
                                                 "repeat": weights["hiner"]}
    dev, rep = load_corpus(data_dir / CORPUS_FILES["ilner-dev"])
    report["ilner-dev"] = rep.to_dict()
    if limit:
        rng = random.Random(seed)
        train = rng.sample(train, min(limit, len(train)))
        dev = dev[: max(1, limit // 5)]
    return train, dev, report


def train_ner(data_dir: str | Path, out_dir: str | Path, *, corpora: tuple[str, ...] = CORPORA,
              config: str | Path | None = None, overrides: dict | None = None,
              limit: int = 0, seed: int = 0) -> TrainResult:
    """Train the NER model; the result is in ``out_dir/model``."""
    import spacy
    from spacy.cli.train import train as spacy_train

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    config = Path(config) if config else default_config()
    train, dev, report = load_training_data(data_dir, corpora, limit=limit, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus_dir = out_dir / "corpus"
    to_docbin(train, corpus_dir / "train.spacy")
    to_docbin(dev, corpus_dir / "dev.spacy")
    settings = {"paths.train": str(corpus_dir / "train.spacy"), "paths.dev": str(corpus_dir / "dev.spacy"),
                "system.seed": seed}
    settings.update(overrides or {})
    log.info("training on %d sentences (%s), dev %d", len(train), "+".join(corpora), len(dev))
    spacy.util.fix_random_seed(seed)
    runs = out_dir / "training"
    started = time.perf_counter()
    with open(out_dir / "train.log", "w", encoding="utf-8") as logfile, contextlib.redirect_stdout(logfile):
        spacy_train(config, runs, use_gpu=-1, overrides=settings)
    seconds = time.perf_counter() - started
    best = runs / "model-best"
    meta = json.loads((best / "meta.json").read_text("utf-8"))
    info = {
        "corpora": list(corpora), "train_sentences": len(train), "dev_sentences": len(dev),
        "seed": seed, "overrides": {k: v for k, v in settings.items() if not k.startswith("paths.")},
        "train_seconds": round(seconds, 1), "data": report,
        # The stage gives each mention its label's precision on dev as its score.
        "label_precision": {label: round(v["p"], 3) for label, v in
                            (meta.get("performance", {}).get("ents_per_type") or {}).items()},
    }
    model_dir = ship_model(best, out_dir / "model", info)
    return TrainResult(model_dir, seconds, meta.get("performance", {}), report)


def ship_model(best: Path, dest: Path, info: dict) -> Path:
    """Copy a trained spaCy pipeline to ``dest`` with a JSON note on how it was made."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    # The training folders named in the config are this machine's; do not ship them.
    from spacy.util import load_config

    cfg = load_config(dest / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(dest / "config.cfg")
    (dest / "ghatna-training.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return dest
