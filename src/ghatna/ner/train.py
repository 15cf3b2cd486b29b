"""Train ghatna's Hindi NER model (PER/LOC/ORG) with spaCy.

:func:`train_ner` reads the annotated corpora (see :mod:`ghatna.ner.corpus`),
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

from ..errors import InputError
from ..text.clean import repair_token
from .corpus import (
    AUX_TYPE_MAP,
    CORPUS_FILES,
    LABELS,
    TYPE_MAP,
    TaggedSentence,
    hiner_split,
    load_corpus,
)
from .gazetteer import build_gazetteer, kb_names, write_gazetteer

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
        words = [repair_token(t) for t in sent.tokens]  # as the tagger will read them
        db.add(Doc(nlp.vocab, words=words, spaces=[True] * len(words), ents=sent.tags))
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


def load_training_data(data_dir: Path, corpora: tuple[str, ...] = CORPORA, limit: int = 0,
                       seed: int = 0, aux_labels: bool = False) -> tuple[list[TaggedSentence], list[TaggedSentence], dict]:
    """Training and development sentences, with a report of what was read.

    IL-NER dev is always the development set. HiNER has no split of its own: every
    tenth sentence is held out (never trained on) so it can be measured separately.
    With ``aux_labels`` numbers, times and other names are kept as extra labels
    (HiNER's original tag set is read for them).
    """
    type_map = AUX_TYPE_MAP if aux_labels else TYPE_MAP
    weights = parse_corpora(corpora)
    for name in CORPUS_FILES.values():
        if not (data_dir / name).is_file():
            raise InputError(str(data_dir / name), "not found; pass --data with the folder "
                             f"holding {', '.join(CORPUS_FILES.values())}")
    report: dict = {}
    train: list[TaggedSentence] = []
    if "ilner" in weights:
        sents, rep = load_corpus(data_dir / CORPUS_FILES["ilner-train"], type_map)
        train += sents * weights["ilner"]
        report["ilner-train"] = rep.to_dict() | {"repeat": weights["ilner"]}
    if "hiner" in weights:
        hiner_file = CORPUS_FILES["hiner-original" if aux_labels else "hiner-train"]
        sents, rep = load_corpus(data_dir / hiner_file, type_map)
        hiner_train, _held = hiner_split(sents)
        train += hiner_train * weights["hiner"]
        report["hiner-train"] = rep.to_dict() | {"used_sentences": len(hiner_train),
                                                 "repeat": weights["hiner"]}
    dev, rep = load_corpus(data_dir / CORPUS_FILES["ilner-dev"], type_map)
    report["ilner-dev"] = rep.to_dict()
    if limit:
        rng = random.Random(seed)
        train = rng.sample(train, min(limit, len(train)))
        dev = dev[: max(1, limit // 5)]
    return train, dev, report


def augmented(train: list[TaggedSentence], data_dir: Path, seed: int) -> list[TaggedSentence]:
    """Mention-replaced copies of the training sentences (names from the corpus, the
    knowledge base and, when present beside the NER data, the shared person names)."""
    from .augment import corpus_names, person_names, replace_mentions

    extra = kb_names()
    names_file = data_dir.parent / "names" / "en-hi-person-names.tsv"
    if names_file.is_file():
        extra["PER"] |= person_names(names_file)
    return replace_mentions(train, corpus_names(train), extra, seed)


def unique_texts(sentences: list[TaggedSentence]) -> list[list[str]]:
    """The token lists of ``sentences``, each once, in a fixed order (for unsupervised steps)."""
    return [list(t) for t in sorted({tuple(s.tokens) for s in sentences})]


def pretrain_tok2vec(config: Path, sentences: list[list[str]], out_dir: Path, settings: dict) -> Path:
    """Pretrain the tok2vec layer on raw sentences; returns the weights for ``init_tok2vec``."""
    import srsly
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    out_dir.mkdir(parents=True, exist_ok=True)
    raw = out_dir / "raw.jsonl"
    srsly.write_jsonl(raw, ({"text": " ".join(tokens)} for tokens in sentences))
    cfg = load_config(config, overrides=settings | {"paths.raw_text": str(raw)}, interpolate=True)
    with open(out_dir / "pretrain.log", "w", encoding="utf-8") as logfile, contextlib.redirect_stdout(logfile):
        pretrain(cfg, out_dir, silent=False)
    return out_dir / "model-last.bin"


def score_main_labels(examples, **kwargs) -> dict:
    """spaCy's NER scores, with ``ents_p/r/f`` counted over PER/LOC/ORG only, so that
    auxiliary labels neither help nor hurt the choice of the best model."""
    import numpy
    from spacy.scorer import PRFScore, get_ner_prf

    scores = get_ner_prf(examples)
    main = PRFScore()
    for eg in examples:
        gold = {(e.start, e.end, e.label_) for e in eg.reference.ents if e.label_ in LABELS}
        pred = set()
        for e in eg.predicted.ents:
            if e.label_ not in LABELS:
                continue
            aligned = numpy.asarray(eg.alignment.x2y[e.start:e.end]).ravel()
            if len(aligned):
                pred.add((int(aligned.min()), int(aligned.max()) + 1, e.label_))
        main.score_set(pred, gold)
    scores.update({"ents_p": main.precision, "ents_r": main.recall, "ents_f": main.fscore})
    return scores


def _register_scorer() -> None:
    from spacy.util import registry

    if "ghatna.ner_scorer.v1" not in registry.scorers:
        registry.scorers.register("ghatna.ner_scorer.v1", func=lambda: score_main_labels)


def train_ner(data_dir: str | Path, out_dir: str | Path, *, corpora: tuple[str, ...] = CORPORA,
              config: str | Path | None = None, overrides: dict | None = None,
              limit: int = 0, seed: int = 0, aux_labels: bool = False,
              vectors: bool = False, pretrain_epochs: int = 0, augment: bool = False,
              gazetteer: bool = True, silver: tuple[str | Path, ...] = (), silver_teacher: str = "accurate",
              silver_repeat: int = 1, cache_dir: Path | None = None) -> TrainResult:
    """Train the NER model; the result is in ``out_dir/model``.

    ``aux_labels`` adds numbers, times and other names as extra training labels;
    ``vectors`` trains floret vectors on the training text and adds them to the
    embedding (see :mod:`ghatna.ner.vectors`); ``pretrain_epochs`` first pretrains
    the tok2vec layer on the training text for that many epochs (``spacy pretrain``);
    ``augment`` adds a copy of each sentence with entities where other names fill the
    spans (see :mod:`ghatna.ner.augment`). ``gazetteer`` fills the embedding's column
    saying which tokens are part of a name the knowledge base or GeoNames knows (see
    :mod:`ghatna.ner.gazetteer`); without it that column is always empty. ``silver``
    names plain-text files whose sentences the ``silver_teacher`` model (``accurate``, or
    a model folder) tags, to be trained on ``silver_repeat`` times beside the corpora
    (distillation, see :mod:`ghatna.ner.silver`; the accurate teacher's encoder features
    are cached in ``cache_dir``).
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    config = Path(config) if config else default_config()
    train, dev, report = load_training_data(data_dir, corpora, limit=limit, seed=seed, aux_labels=aux_labels)
    if augment:
        train += augmented(train, data_dir, seed)
        report["augmented_sentences"] = len(train)
    if silver:
        train += silver_training(silver, silver_teacher, silver_repeat, train, dev, cache_dir, report)
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus_dir = out_dir / "corpus"
    to_docbin(train, corpus_dir / "train.spacy")
    to_docbin(dev, corpus_dir / "dev.spacy")
    settings = {"paths.train": str(corpus_dir / "train.spacy"), "paths.dev": str(corpus_dir / "dev.spacy"),
                "system.seed": seed, "components.ner.scorer": {"@scorers": "ghatna.ner_scorer.v1"}}
    # The raw training text, for the unsupervised steps (vectors, pretraining).
    texts = unique_texts(train) if vectors or pretrain_epochs else []
    if vectors:
        from .vectors import train_vectors

        settings["paths.vectors"] = str(train_vectors(texts, out_dir / "vectors"))
        settings["components.tok2vec.model.embed.include_static_vectors"] = True
    if gazetteer:
        names = build_gazetteer()
        settings["paths.gazetteer"] = str(write_gazetteer(names, out_dir / "gazetteer.tsv"))
        report["gazetteer_names"] = len(names)
    _register_scorer()
    if pretrain_epochs:
        started = time.perf_counter()
        weights = pretrain_tok2vec(config, texts, out_dir / "pretrain",
                                   settings | {"pretraining.max_epochs": pretrain_epochs})
        settings["paths.init_tok2vec"] = str(weights)
        report["pretrain_seconds"] = round(time.perf_counter() - started, 1)
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
        "corpora": list(corpora), "silver_repeat": silver_repeat if silver else 0, "aux_labels": aux_labels, "vectors": vectors, "gazetteer": gazetteer,
        "train_sentences": len(train), "dev_sentences": len(dev),
        "seed": seed, "overrides": {k: v for k, v in settings.items() if not k.startswith("paths.")},
        "train_seconds": round(seconds, 1), "data": report,
        # The stage gives each mention its label's precision on dev as its score.
        "label_precision": {label: round(v["p"], 3) for label, v in
                            (meta.get("performance", {}).get("ents_per_type") or {}).items()},
    }
    model_dir = ship_model(best, out_dir / "model", info)
    return TrainResult(model_dir, seconds, meta.get("performance", {}), report)


def silver_training(paths: tuple[str | Path, ...], teacher: str, repeat: int, train: list[TaggedSentence],
                    dev: list[TaggedSentence], cache_dir: Path | None, report: dict) -> list[TaggedSentence]:
    """The teacher-tagged sentences of the text files at ``paths``, ``repeat`` times;
    what was read and kept goes into ``report["silver"]`` (counts only, no text)."""
    from .silver import silver_sentences
    from .tagger import load_tagger

    if repeat < 1:
        raise InputError("--silver-repeat", "must be a positive whole number")
    if cache_dir is None:
        from .features import default_cache_dir

        cache_dir = default_cache_dir()
    started = time.perf_counter()
    tagged, rep = silver_sentences(paths, [s.tokens for s in dev], [s.tokens for s in train],
                                   load_tagger(teacher), cache_dir)
    # The teacher as the user named it, not a path of this machine.
    report["silver"] = rep.to_dict() | {"teacher": teacher, "files": [Path(p).name for p in paths],
                                        "repeat": repeat, "seconds": round(time.perf_counter() - started, 1)}
    return tagged * repeat


def ship_model(best: Path, dest: Path, info: dict) -> Path:
    """Copy a trained spaCy pipeline to ``dest`` with a JSON note on how it was made."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest)
    # The training folders named in the config are this machine's; do not ship them.
    from spacy.util import load_config

    cfg = load_config(dest / "config.cfg", interpolate=False)
    # Vectors and gazetteer names are in the model's vocab and weights.
    cfg["paths"] = {key: None for key in cfg["paths"]}
    # The shipped model loads with spaCy's own scorer.
    cfg["components"]["ner"]["scorer"] = {"@scorers": "spacy.ner_scorer.v1"}
    cfg.to_disk(dest / "config.cfg")
    (dest / "ghatna-training.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return dest
