"""NER variants tried against the shipped configuration (issue 4, rows Q, S to Z, CW, CH,
NP, ST, WI, SP and EN of ``benchmarks/ner_experiments.md``). None of them beat it; this
script reproduces them.

Usage (from the project root, one core per run):
    PYTHONPATH=src taskset -c 0 python benchmarks/ner_variants.py train VARIANT OUT [--seed N]
    PYTHONPATH=src python benchmarks/ner_variants.py finetune MODEL OUT [--steps N] [--learn-rate X]
    PYTHONPATH=src python benchmarks/ner_variants.py soup MODEL OUT [--forks N] [--first-seed N] [--steps N] [--learn-rate X]
    PYTHONPATH=src python benchmarks/ner_variants.py crossweigh OUT [--folds 4] [--seed N]
    PYTHONPATH=src python benchmarks/ner_variants.py decode [--model DIR]
    PYTHONPATH=src python benchmarks/ner_variants.py ensemble MODEL MODEL ... [--size 3 5]

``train`` trains the committed config with one change to the embedding:

* ``frequency``: a column giving the word's frequency band in general Hindi (wordfreq's
  Hindi list; ``pip install wordfreq==3.1.1``, which is not a ghatna dependency);
* ``affixes``: hashed first two and three and last two and four characters;
* ``phonetic``: hashed phonetic keys of the word (``translit.key`` and ``translit.loose``,
  which make spelling variants such as लन्दन/लंदन one key);
* ``characters``: each of the first and last four characters embedded by position
  (Devanagari code points; other characters folded into 32 ids);
* ``name-parts``: a column giving, for each word, the labels of the known names it is a
  word of (the gazetteer's names, and the shared person-name pairs as PER);
* ``state-tokens``: no change to the embedding; the NER transition model reads more
  tokens of its state (spaCy's ``extra_state_tokens``);
* ``wide``: no new column; the CNN encoder is 192 wide instead of 128;
* ``bilstm``: a bidirectional LSTM (thinc's own) in place of the CNN encoder;
* ``near-missing``: no change to the model; IL-NER's NEAR spans (titles of schemes,
  books, buildings) are marked as missing annotation in training instead of "O".

``finetune`` continues training a model on IL-NER train alone at a lower learning rate.
``soup`` forks a model into several that are trained further on the joint data in other
orders, and averages their weights.
``crossweigh`` tags each quarter of IL-NER train with a model trained without it, then
trains once without the sentences where that model and the annotation disagree ("drop")
and once with the agreeing sentences twice ("weight").
``decode`` scores two changes to decoding on IL-NER dev without retraining: propagating
labels to other occurrences of the same words, and a penalty on the "O" move that makes
the tagger start more entities.
``ensemble`` scores majority votes of several trained models on IL-NER dev: every model
alone, all of them at each vote threshold, and the mean and best of all subsets of
``--size`` models. It measures how much a vote could gain, not something ghatna ships:
tagging with n models costs n times the time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy  # noqa: E402
from spacy.strings import hash_string  # noqa: E402
from spacy.util import registry  # noqa: E402
from thinc.api import (  # noqa: E402
    LSTM,
    Embed,
    HashEmbed,
    Model,
    chain,
    concatenate,
    list2ragged,
    with_array,
    with_padded,
)

from ghatna.actors.translit import key, loose  # noqa: E402
from ghatna.ner.gazetteer import gazetteer_column, hash_embed_with_columns  # noqa: E402

SHARED_NER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"
DEV = SHARED_NER / "ilner-hindi-dev.txt"
FREQUENCY_BANDS = 12
AFFIXES = ((0, 2), (0, 3), (-2, None), (-4, None))


def token_column(name: str, value, dtype: str):
    """A thinc layer: docs -> one row of ``value(word)`` per token."""
    def forward(model, docs, is_train):
        rows = [model.ops.asarray(numpy.asarray([value(t.text) for t in doc], dtype=dtype).reshape(len(doc), -1),
                                  dtype=dtype) for doc in docs]
        return rows, lambda d_rows: []
    return Model(name, forward)


def frequency_bands():
    """Word -> frequency band (1 to 11, half a Zipf unit each; 0 for words not listed)."""
    from wordfreq import get_frequency_dict

    table = {word: min(FREQUENCY_BANDS - 1, max(1, round((math.log10(f) + 9 - 2.5) * 2)))
             for word, f in get_frequency_dict("hi", "small").items()}
    return lambda word: [table.get(word, 0)]


@lru_cache(maxsize=200_000)
def affix_hashes(word: str) -> list[int]:
    return [hash_string(("p" if a == 0 else "s") + word[a:b]) for a, b in AFFIXES]


@lru_cache(maxsize=200_000)
def phonetic_hashes(word: str) -> list[int]:
    return [hash_string("k" + key(word)), hash_string("l" + loose(word))]


CHAR_POSITIONS = 4  # first and last characters embedded by position
DEVANAGARI_BLOCK = 0x0900


def character_ids(word: str) -> list[int]:
    """Ids of the first and last CHAR_POSITIONS characters: 1-128 for the Devanagari
    block, 129-160 for other characters (folded), 0 where the word is shorter."""
    def cid(ch: str) -> int:
        cp = ord(ch)
        return 1 + cp - DEVANAGARI_BLOCK if 0 <= cp - DEVANAGARI_BLOCK < 128 else 129 + cp % 32
    ids = [cid(c) for c in word[:CHAR_POSITIONS]]
    ids += [0] * (CHAR_POSITIONS - len(ids))
    tail = [cid(c) for c in word[-CHAR_POSITIONS:]]
    return ids + [0] * (CHAR_POSITIONS - len(tail)) + tail


def name_part_bits():
    """Word -> bitmask of the labels of the known names it is a word of: the gazetteer's
    names and the shared person-name pairs (PER)."""
    import csv

    from ghatna.ner.gazetteer import LABEL_BITS, build_gazetteer

    table: dict[str, int] = defaultdict(int)
    for name, bits in build_gazetteer().items():
        for word in name.split():
            table[word] |= bits
    with open(SHARED_NER.parent / "names" / "en-hi-person-names.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for word in row["hindi"].split():
                if len(word) > 1:
                    table[word] |= LABEL_BITS["PER"]
    return lambda word: [table.get(word, 0)]


def extra_columns(kind: str, width: int):
    """(layer, output width) for the extra embedding columns of one variant."""
    if kind == "characters":
        n = 2 * CHAR_POSITIONS
        tables = [Embed(16, 161, column=i, dropout=0.0) for i in range(n)]
        return chain(token_column(kind, character_ids, "int32"), list2ragged(), with_array(concatenate(*tables))), 16 * n
    if kind == "name-parts":
        return (chain(token_column(kind, name_part_bits(), "int32"), list2ragged(),
                      with_array(Embed(16, 8, column=0, dropout=0.0))), 16)
    if kind == "frequency":
        return (chain(token_column("frequency", frequency_bands(), "int32"), list2ragged(),
                      with_array(Embed(16, FREQUENCY_BANDS, column=0, dropout=0.0))), 16)
    hashes, n = {"affixes": (affix_hashes, len(AFFIXES)), "phonetic": (phonetic_hashes, 2)}[kind]
    tables = [HashEmbed(width, 5000, column=i, seed=20 + i, dropout=0.0) for i in range(n)]
    return chain(token_column(kind, hashes, "uint64"), list2ragged(), with_array(concatenate(*tables))), width * n


@registry.architectures("bench.ExtraColumnsEmbed.v1")
def extra_columns_embed(width: int, attrs: list, rows: list[int], include_static_vectors: bool,
                        gazetteer: str | None = None, gazetteer_width: int = 16, extra: str = "frequency"):
    """ghatna.GazetteerHashEmbed.v1 with one variant's columns beside it."""
    return hash_embed_with_columns(width, attrs, rows, include_static_vectors,
                                   [(gazetteer_column(gazetteer, gazetteer_width), gazetteer_width),
                                    extra_columns(extra, width)])


@registry.architectures("bench.BiLSTMEncoder.v1")
def bilstm_encoder(width: int, depth: int):
    return with_padded(LSTM(width, width, bi=True, depth=depth))


def variant_overrides(variant: str) -> dict:
    embed = "components.tok2vec.model.embed"
    if variant == "bilstm":
        return {"components.tok2vec.model.encode": {"@architectures": "bench.BiLSTMEncoder.v1",
                                                   "width": 128, "depth": 1}}
    if variant == "wide":
        return {"components.tok2vec.model.encode.width": 192}
    if variant == "state-tokens":
        return {"components.ner.model.extra_state_tokens": True}
    return {f"{embed}.@architectures": "bench.ExtraColumnsEmbed.v1", f"{embed}.extra": variant}


def train_near_missing(out: Path, seed: int):
    """Train the committed config with IL-NER's NEAR spans as missing (unknown) tags."""
    from ghatna import ner_train
    from ghatna.ner.corpus import TaggedSentence

    type_map, to_docbin = ner_train.TYPE_MAP, ner_train.to_docbin

    def near_missing(sentences, path):
        missing = "O" if path.name == "dev.spacy" else ""  # dev is scored as IL-NER tags it
        return to_docbin([TaggedSentence(s.tokens, [missing if t.endswith("-NEAR") else t for t in s.tags])
                          for s in sentences], path)

    ner_train.TYPE_MAP, ner_train.to_docbin = type_map | {"NEAR": "NEAR"}, near_missing
    try:
        return ner_train.train_ner(SHARED_NER, out, seed=seed)
    finally:
        ner_train.TYPE_MAP, ner_train.to_docbin = type_map, to_docbin


def train(args) -> dict:
    from ghatna.ner.train import train_ner

    if args.variant == "near-missing":
        result = train_near_missing(args.out, args.seed)
    else:
        result = train_ner(SHARED_NER, args.out, seed=args.seed, overrides=variant_overrides(args.variant))
    return {"variant": args.variant, "seed": args.seed, "train_seconds": round(result.seconds),
            **dev_scores(args.out / "model")}


def continue_training(model: Path, out: Path, corpora: tuple[str, ...], steps: int, learn_rate: float,
                      seed: int, eval_frequency: int = 100) -> float:
    """Train MODEL's tok2vec and ner further (sourced) on ``corpora`` for ``steps`` steps
    with the data shuffled by ``seed``; the result is in ``out/training``. Returns seconds."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.util import load_config

    from ghatna.ner.train import _register_scorer, load_training_data, to_docbin

    out.mkdir(parents=True, exist_ok=True)
    train_sents, dev, _ = load_training_data(SHARED_NER, corpora)
    to_docbin(train_sents, out / "train.spacy")
    to_docbin(dev, out / "dev.spacy")
    cfg = load_config(model / "config.cfg", interpolate=False)
    cfg["components"] = {name: {"source": str(model)} for name in ("tok2vec", "ner")}
    cfg["paths"].update(train=str(out / "train.spacy"), dev=str(out / "dev.spacy"), gazetteer=None)
    cfg["system"]["seed"] = seed
    cfg["training"].update(max_steps=steps, eval_frequency=eval_frequency, patience=0)
    cfg["training"]["optimizer"]["learn_rate"] = learn_rate
    cfg.to_disk(out / "config.cfg")
    _register_scorer()
    spacy.util.fix_random_seed(seed)
    started = time.perf_counter()
    with open(out / "train.log", "w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        spacy_train(out / "config.cfg", out / "training", use_gpu=-1,
                    overrides={"components.ner.scorer": {"@scorers": "ghatna.ner_scorer.v1"}})
    return time.perf_counter() - started


def finetune(args) -> dict:
    """Continue training MODEL on IL-NER train alone (sourced tok2vec and ner)."""
    seconds = continue_training(args.model, args.out, ("ilner",), args.steps, args.learn_rate, args.seed)
    return {"finetune": str(args.model), "steps": args.steps, "learn_rate": args.learn_rate,
            "seconds": round(seconds), "before": dev_scores(args.model),
            "best": dev_scores(args.out / "training" / "model-best")}


def average_weights(models: list[Path], out: Path) -> Path:
    """A model whose every weight is the mean of ``models``' (which must share one
    architecture and, for the mean to mean anything, one starting point)."""
    import spacy

    import ghatna.ner.gazetteer  # noqa: F401  (the architecture the models use)

    pipelines = [spacy.load(m, exclude=["tokenizer"]) for m in models]
    first = pipelines[0]
    for name in ("tok2vec", "ner"):
        walks = [list(nlp.get_pipe(name).model.walk()) for nlp in pipelines]
        for nodes in zip(*walks):
            for param in nodes[0].param_names:
                if nodes[0].has_param(param):
                    nodes[0].set_param(param, sum(n.get_param(param) for n in nodes) / len(nodes))
    first.to_disk(out)
    return out


def soup(args) -> dict:
    """Fork MODEL: train it further on the joint training data with ``--forks`` data
    orders, then average the forks' weights into one model ("model soup")."""
    forks, result = [], {"model": str(args.model), "steps": args.steps, "learn_rate": args.learn_rate}
    for seed in range(args.first_seed, args.first_seed + args.forks):
        fork = args.out / f"fork{seed}"
        if not (fork / "training" / "model-last" / "meta.json").exists():
            continue_training(args.model, fork, ("ilner", "hiner"), args.steps, args.learn_rate, seed,
                              eval_frequency=args.steps)
        forks.append(fork / "training" / "model-last")
        result[f"fork{seed}"] = dev_scores(forks[-1])["dev"]["f1"]
    result["before"] = dev_scores(args.model)["dev"]
    result["soup"] = dev_scores(average_weights(forks, args.out / "soup"))
    result["soup_with_start"] = dev_scores(average_weights([args.model, *forks], args.out / "soup-start"))
    return result


def ilner_blocks() -> list[list[str]]:
    """IL-NER train as raw line blocks, one per sentence, in file order."""
    blocks: list[list[str]] = [[]]
    with open(SHARED_NER / "ilner-hindi-train.txt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                blocks[-1].append(line)
            elif blocks[-1]:
                blocks.append([])
    return [b for b in blocks if b]


def data_dir(path: Path, blocks: list[list[str]]) -> Path:
    """A --data folder: the shared HiNER and dev files, and ``blocks`` as IL-NER train."""
    path.mkdir(parents=True, exist_ok=True)
    for name in ("hiner-collapsed-train.conll", "hiner-original-train.conll", "ilner-hindi-dev.txt"):
        if not (path / name).exists():
            (path / name).symlink_to(SHARED_NER / name)
    with open(path / "ilner-hindi-train.txt", "w", encoding="utf-8") as fh:
        fh.writelines(line for block in blocks for line in block + ["\n"])
    return path


def crossweigh(args) -> dict:
    import io

    from ghatna.ner.corpus import TagReport, read_tagged
    from ghatna.ner.tagger import NerTagger
    from ghatna.ner.train import train_ner

    blocks, k = ilner_blocks(), args.folds
    agree = [True] * len(blocks)
    for fold in range(k):
        rest = [b for i, b in enumerate(blocks) if i % k != fold]
        model = train_ner(data_dir(args.out / f"fold{fold}", rest), args.out / f"model{fold}", seed=args.seed).model_dir
        tagger = NerTagger.load(model)
        held = [i for i in range(len(blocks)) if i % k == fold]
        gold = [read_tagged(io.StringIO("".join(blocks[i])), TagReport()) for i in held]
        for i, g, pred in zip(held, gold, tagger.tag([g[0].tokens if g else ["."] for g in gold])):
            agree[i] = not g or set(g[0].spans()) == set(pred)
    result = {"sentences": len(blocks), "disagreeing": agree.count(False)}
    for name, (agreeing, disagreeing) in {"drop": (1, 0), "weight": (2, 1)}.items():
        chosen = [b for b, a in zip(blocks, agree) for _ in range(agreeing if a else disagreeing)]
        trained = train_ner(data_dir(args.out / name, chosen), args.out / f"run-{name}", seed=args.seed)
        result[name] = dev_scores(trained.model_dir)
    return result


def dev_scores(model) -> dict:
    from ghatna.ner.evaluate import evaluate_file
    from ghatna.ner.tagger import NerTagger

    scores = evaluate_file(NerTagger.load(model), DEV)
    return {"dev": scores["overall"], "f1_per_type": {k: v["f1"] for k, v in scores["per_type"].items()}}


def propagate(tokens: list[list[str]], spans: list[list[tuple]], min_words: int, min_count: int) -> list[list]:
    """Tag every other occurrence of a word sequence the tagger labelled at least
    ``min_count`` times in the file, with its commonest label (longest names first)."""
    seen: dict[tuple, Counter] = defaultdict(Counter)
    for words, sent in zip(tokens, spans):
        for s, e, label in sent:
            seen[tuple(words[s:e])][label] += 1
    names = {n: c.most_common(1)[0][0] for n, c in seen.items()
             if len(n) >= min_words and sum(c.values()) >= min_count}
    out = []
    for words, sent in zip(tokens, spans):
        sent, used = list(sent), {i for s, e, _ in sent for i in range(s, e)}
        for name in sorted(names, key=len, reverse=True):
            for k in range(len(words) - len(name) + 1):
                span = range(k, k + len(name))
                if tuple(words[k:k + len(name)]) == name and not used.intersection(span):
                    sent.append((k, k + len(name), names[name]))
                    used.update(span)
        out.append(sent)
    return out


def dev_gold() -> list:
    """IL-NER dev as tagged sentences."""
    from ghatna.ner.corpus import TagReport, read_tagged

    with open(DEV, encoding="utf-8") as fh:
        return read_tagged(fh, TagReport())


def decode(args) -> dict:
    from ghatna.ner.evaluate import score_spans
    from ghatna.ner.tagger import NerTagger

    gold = dev_gold()
    tokens = [s.tokens for s in gold]
    tagger = NerTagger.load(args.model)
    results: dict = {"propagation": {}, "o_penalty": {}}
    pred = list(tagger.tag(tokens))
    for min_words in (1, 2):
        for min_count in (1, 2):
            scores = score_spans((s.spans() for s in gold), propagate(tokens, pred, min_words, min_count))
            results["propagation"][f"words>={min_words},count>={min_count}"] = scores["overall"]
    ner = tagger.nlp.get_pipe("ner")
    upper = ner.model.get_ref("upper")
    bias = upper.get_param("b").copy()
    out_move = [i for i in range(ner.moves.n_moves) if ner.moves.get_class_name(i) == "O"]
    for penalty in (0.0, 0.25, 0.5, 1.0, 2.0):
        changed = bias.copy()
        changed[out_move] -= penalty
        upper.set_param("b", changed)
        results["o_penalty"][penalty] = score_spans((s.spans() for s in gold), tagger.tag(tokens))["overall"]
    return results


def vote(predictions: list[list[list[tuple]]], needed: int) -> list[list[tuple]]:
    """Per sentence, the spans at least ``needed`` models predicted (most votes first,
    overlapping spans dropped)."""
    out = []
    for spans in zip(*predictions):
        counts = Counter(span for model_spans in spans for span in model_spans)
        chosen: list[tuple] = []
        for span, n in sorted(counts.items(), key=lambda item: -item[1]):
            if n >= needed and all(span[1] <= o[0] or o[1] <= span[0] for o in chosen):
                chosen.append(span)
        out.append(chosen)
    return out


def ensemble(args) -> dict:
    import itertools

    from ghatna.ner.evaluate import score_spans
    from ghatna.ner.tagger import NerTagger

    gold = dev_gold()
    gold_spans = [s.spans() for s in gold]
    preds = {str(m): list(NerTagger.load(m).tag(s.tokens for s in gold)) for m in args.models}
    f1 = {name: score_spans(gold_spans, p)["overall"]["f1"] for name, p in preds.items()}
    result: dict = {"alone": f1, "all": {}, "subsets": {}}
    for needed in range(1, len(preds) + 1):
        result["all"][needed] = score_spans(gold_spans, vote(list(preds.values()), needed))["overall"]
    for size in args.size:
        scores = [score_spans(gold_spans, vote([preds[m] for m in subset], size // 2 + 1))["overall"]["f1"]
                  for subset in itertools.combinations(preds, size)]
        result["subsets"][size] = {"majority_of": size, "subsets": len(scores), "mean": round(sum(scores) / len(scores), 4),
                                   "best": max(scores), "worst": min(scores)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("train")
    p.add_argument("variant", choices=("frequency", "affixes", "phonetic", "characters", "name-parts", "state-tokens", "wide", "bilstm", "near-missing"))
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=0)
    for name, steps, learn_rate in (("finetune", 1000, 0.0003), ("soup", 900, 0.001)):
        p = commands.add_parser(name)  # both train MODEL further, into OUT
        p.add_argument("model", type=Path)
        p.add_argument("out", type=Path)
        p.add_argument("--steps", type=int, default=steps)
        p.add_argument("--learn-rate", type=float, default=learn_rate)
        if name == "finetune":
            p.add_argument("--seed", type=int, default=1)
        else:
            p.add_argument("--forks", type=int, default=4)
            p.add_argument("--first-seed", type=int, default=10)
    p = commands.add_parser("crossweigh")
    p.add_argument("out", type=Path)
    p.add_argument("--folds", type=int, default=4)
    p.add_argument("--seed", type=int, default=0)
    p = commands.add_parser("decode")
    p.add_argument("--model", type=Path, default=None)
    p = commands.add_parser("ensemble")
    p.add_argument("models", type=Path, nargs="+")
    p.add_argument("--size", type=int, nargs="*", default=[3, 5])
    args = parser.parse_args()
    if hasattr(args, "out"):
        args.out.mkdir(parents=True, exist_ok=True)
    run = {"train": train, "finetune": finetune, "soup": soup, "crossweigh": crossweigh,
           "decode": decode, "ensemble": ensemble}[args.command]
    print(json.dumps(run(args), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
