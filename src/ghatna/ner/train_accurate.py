"""Train the accurate NER model's head on frozen e5 features (``ghatna train ner --encoder e5``).

Fine-tuning the encoder does not fit a small CPU, so the encoder stays frozen: the
features of every corpus sentence are computed once (and cached, see
:mod:`ghatna.ner.features`) and only the small head of :mod:`ghatna.ner.accurate` is
trained, in numpy, with Adam, dropout and cross-entropy over BIO tags. After every
epoch the head is scored on the development set (IL-NER Hindi dev, exact spans, the
same Viterbi decoding the tagger uses) and the best epoch is written to
``OUT/model`` (``head.npz`` in float16 and ``ghatna-training.json``).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from .accurate import (
    GAZETTEER_FILE,
    HEAD_FILE,
    INFO_FILE,
    N_GAZETTEER,
    WindowHead,
    WordKeys,
    decode,
    head_scores,
    hint_ids,
)
from .corpus import LABELS, bio_spans
from .e5 import E5Encoder
from .evaluate import score_spans
from .features import cached_features, model_words
from .gazetteer import build_gazetteer, write_gazetteer
from .train import TrainResult, load_training_data, parse_corpora

log = logging.getLogger(__name__)


@dataclass
class HeadConfig:
    layers: tuple[int, ...] = (9, 10, 11, 12)
    window: int = 1
    table_rows: int = 50000
    table_width: int = 48
    projection: int = 256
    hidden: int = 256
    epochs: int = 6
    learning_rate: float = 1e-3
    decay: float = 0.7  # the learning rate is multiplied by this after every epoch
    batch_words: int = 1000
    input_dropout: float = 0.3
    hidden_dropout: float = 0.5


def tag_set(labels: list[str]) -> list[str]:
    return ["O"] + [f"{prefix}-{label}" for label in labels for prefix in "BI"]


def feature_stats(feats: list[np.ndarray], chunk: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of every feature over all words (in float64, a few
    thousand sentences at a time)."""
    total = sq = 0.0
    count = 0
    for start in range(0, len(feats), chunk):
        x = np.concatenate(feats[start:start + chunk]).astype(np.float64)
        total = total + x.sum(axis=0)
        sq = sq + (x * x).sum(axis=0)
        count += len(x)
    mean = total / count
    return mean, np.sqrt(np.maximum(sq / count - mean * mean, 1e-6))


def init_head(dim: int, n_tags: int, cfg: HeadConfig, mean: np.ndarray, std: np.ndarray,
              rng: np.random.Generator) -> WindowHead:
    """A head for ``dim`` encoder features with random weights."""
    def glorot(n_in: int, n_out: int) -> np.ndarray:
        return (rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / (n_in + n_out))).astype(np.float32)

    width = 2 * cfg.window + 1
    n_in = dim + 3 * cfg.table_width + N_GAZETTEER
    params = {
        "mean": mean.astype(np.float32), "inv_std": (1.0 / std).astype(np.float32),
        "emb": (rng.standard_normal((cfg.table_rows, cfg.table_width)) * 0.1).astype(np.float32),
        "w1": glorot(n_in, cfg.projection), "b1": np.zeros(cfg.projection, np.float32),
        "w2": glorot(width * cfg.projection, cfg.hidden), "b2": np.zeros(cfg.hidden, np.float32),
        "w3": glorot(cfg.hidden, n_tags), "b3": np.zeros(n_tags, np.float32),
    }
    return WindowHead(params, cfg.window)


def gradients(head: WindowHead, x: np.ndarray, keys: np.ndarray, lengths: list[int], gold: np.ndarray,
              cfg: HeadConfig, rng: np.random.Generator | None) -> tuple[float, dict[str, np.ndarray]]:
    """Mean cross-entropy of a batch and its gradient for every trained parameter."""
    logits, cache = head.forward(x, keys, lengths, rng=rng, input_dropout=cfg.input_dropout,
                                 hidden_dropout=cfg.hidden_dropout)
    p, n = head.params, len(x)
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    loss = float(-np.log(probs[np.arange(n), gold] + 1e-9).mean())
    d = probs
    d[np.arange(n), gold] -= 1.0
    d /= n
    hidden = cache["hidden"]
    grads = {"w3": hidden.T @ d, "b3": d.sum(axis=0)}
    dh = (d @ p["w3"].T) * cache["hidden_mask"]
    grads["w2"] = cache["joined"].T @ dh
    grads["b2"] = dh.sum(axis=0)
    dj = (dh @ p["w2"].T).reshape(n, -1, p["w1"].shape[1])
    dproj = np.zeros((n + 1, dj.shape[2]), dtype=np.float32)
    for col in range(dj.shape[1]):  # within one column a word is nobody else's neighbour
        dproj[cache["idx"][:, col]] += dj[:, col]
    dproj = dproj[:n]
    grads["w1"] = cache["inputs"].T @ dproj
    grads["b1"] = dproj.sum(axis=0)
    dim, width = len(p["mean"]), p["emb"].shape[1]
    dinputs = dproj @ p["w1"][dim:dim + 3 * width].T
    if np.ndim(cache["input_mask"]):  # inputs were dropped
        dinputs *= cache["input_mask"][:, dim:dim + 3 * width]
    grads["emb"] = np.zeros_like(p["emb"])
    np.add.at(grads["emb"], keys[:, :3], dinputs.reshape(n, 3, width))
    return loss, grads


class Adam:
    def __init__(self, params: dict[str, np.ndarray], names: list[str], lr: float):
        self.lr, self.step = lr, 0
        self.m = {k: np.zeros_like(params[k]) for k in names}
        self.v = {k: np.zeros_like(params[k]) for k in names}

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray],
               b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8) -> None:
        self.step += 1
        corr = np.sqrt(1 - b2 ** self.step) / (1 - b1 ** self.step)
        for k, g in grads.items():
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            params[k] -= (self.lr * corr * self.m[k] / (np.sqrt(self.v[k]) + eps)).astype(np.float32)


HINT_WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)


def dev_scores(head: WindowHead, tags: list[str], feats: list[np.ndarray], keys: list[np.ndarray],
               gold_spans: list) -> dict:
    return span_scores(head_scores(head, feats, keys), tags, [len(f) for f in feats], gold_spans)


def span_scores(scores: np.ndarray, tags: list[str], lengths: list[int], gold_spans: list,
                hints: np.ndarray | None = None, hint_weight: float = 0.0) -> dict:
    """Exact-span scores of the decoded tag log-probabilities of sentences laid end to end."""
    decoded = decode(scores, lengths, tags, hints, hint_weight)
    pred = [[s for s in bio_spans(t) if s[2] in LABELS] for t in decoded]
    return score_spans(gold_spans, pred)


def tune_hint_weight(scores: np.ndarray, tags: list[str], dev: list, logfile: TextIO) -> tuple[float, dict]:
    """The weight of the shipped fast model's tags (see :func:`ghatna.ner.accurate.decode`)
    that gives the best dev F1 with the dev words' tag log-probabilities ``scores``, and
    the dev scores with it."""
    from .tagger import NerTagger

    sentences = [s.tokens for s in dev]
    hints = hint_ids(tags, sentences, NerTagger.load().tag(sentences))
    best = (-1.0, 0.0, {})
    for weight in HINT_WEIGHTS:
        result = span_scores(scores, tags, [len(s) for s in sentences], [s.spans() for s in dev],
                             hints, weight)
        logfile.write(f"fast-model hint weight {weight}: dev F1 {result['overall']['f1']:.4f}\n")
        best = max(best, (result["overall"]["f1"], weight, result), key=lambda b: b[0])
    return best[1], best[2]


def record_epoch(history: list, epoch: int, losses: list[float], scores: dict, started: float,
                 logfile: TextIO) -> float:
    """Add an epoch's mean loss and dev F1 to ``history`` and the log; its dev F1."""
    f1 = scores["overall"]["f1"]
    history.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 4), "dev_f1": f1})
    line = f"epoch {epoch}: loss {np.mean(losses):.4f}, dev F1 {f1:.4f} ({time.time() - started:.0f} s)"
    log.info(line)
    logfile.write(line + "\n")
    logfile.flush()
    return f1


def fit(head: WindowHead, feats: list[np.ndarray], keys: list[np.ndarray], gold: list[np.ndarray],
        dev: tuple[list, list, list], tags: list[str], cfg: HeadConfig, rng: np.random.Generator,
        logfile: TextIO) -> tuple[dict, dict, list]:
    """Train ``head`` for ``cfg.epochs`` epochs; the parameters and dev scores of the
    epoch with the best dev F1, and every epoch's loss and dev F1."""
    opt = Adam(head.params, ["emb", "w1", "b1", "w2", "b2", "w3", "b3"], cfg.learning_rate)
    started = time.time()
    best, best_f1, history = None, -1.0, []
    for epoch in range(1, cfg.epochs + 1):
        order = rng.permutation(len(feats))
        losses, batch = [], []
        for pos, si in enumerate(order):
            batch.append(si)
            if sum(len(gold[i]) for i in batch) >= cfg.batch_words or pos == len(order) - 1:
                x = np.concatenate([feats[i] for i in batch]).astype(np.float32)
                k = np.concatenate([keys[i] for i in batch])
                y = np.concatenate([gold[i] for i in batch])
                loss, grads = gradients(head, x, k, [len(gold[i]) for i in batch], y, cfg, rng)
                opt.update(head.params, grads)
                losses.append(loss)
                batch = []
        scores = dev_scores(head, tags, *dev)
        f1 = record_epoch(history, epoch, losses, scores, started, logfile)
        if f1 > best_f1:
            best_f1, best = f1, ({k: v.copy() for k, v in head.params.items()}, scores)
        opt.lr *= cfg.decay
    return best[0], best[1], history


def train_accurate(data_dir: str | Path, out_dir: str | Path, corpora: tuple[str, ...],
                   cache_dir: Path, limit: int = 0, seed: int = 0, aux_labels: bool = False,
                   cfg: HeadConfig | None = None, fast_hints: bool = True) -> TrainResult:
    """Compute (or read cached) e5 features, train the head, write ``OUT/model``. With
    ``fast_hints`` the weight given to the shipped fast model's tags at decoding is
    chosen on the development set (0 if they do not help)."""
    cfg = cfg or HeadConfig()
    started = time.time()
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    encoder = E5Encoder.load()
    sentences, feats, report = [], [], {}
    for name, times in parse_corpora(corpora).items():
        train, dev, rep = load_training_data(data_dir, (name,), limit, seed, aux_labels)
        corpus_feats = cached_features(encoder, [s.tokens for s in train], cfg.layers, cache_dir, name)
        sentences += train * times
        feats += corpus_feats * times
        report.update(rep)
    dev_feats = cached_features(encoder, [s.tokens for s in dev], cfg.layers, cache_dir, "dev")
    features_seconds = time.time() - started

    labels = list(LABELS) + sorted({t[2:] for s in sentences for t in s.tags if t != "O"} - set(LABELS))
    tags = tag_set(labels)
    tag_id = {t: i for i, t in enumerate(tags)}
    gold = [np.array([tag_id[t] for t in s.tags], dtype=np.int64) for s in sentences]
    mean, std = feature_stats(feats)
    words = sum(len(f) for f in feats)
    names = build_gazetteer()
    word_keys = WordKeys(names, cfg.table_rows)
    keys = [word_keys(model_words(s.tokens)) for s in sentences]
    dev_keys = [word_keys(model_words(s.tokens)) for s in dev]
    rng = np.random.default_rng(seed)
    head = init_head(len(mean), len(tags), cfg, mean, std, rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "train.log", "w", encoding="utf-8") as logfile:
        logfile.write(f"{len(sentences)} training sentences ({'+'.join(corpora)}), {words} words, "
                      f"{len(mean)} features; dev {len(dev)} sentences; features in "
                      f"{features_seconds:.0f} s\n")
        params, scores, history = fit(head, feats, keys, gold, (dev_feats, dev_keys, [s.spans() for s in dev]),
                                      tags, cfg, rng, logfile)
        head.params = params
        hint_weight, scores = (tune_hint_weight(head_scores(head, dev_feats, dev_keys), tags, dev, logfile)
                               if fast_hints else (0.0, scores))
    model_dir = out_dir / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(model_dir / HEAD_FILE, **{k: v.astype(np.float16) for k, v in params.items()})
    write_gazetteer(names, model_dir / GAZETTEER_FILE)
    seconds = time.time() - started
    info = {
        "encoder": encoder.fingerprint, "layers": list(cfg.layers), "window": cfg.window,
        "tags": tags, "config": asdict(cfg), "hint_weight": hint_weight, "corpora": list(corpora), "seed": seed,
        "limit": limit, "aux_labels": aux_labels, "train_sentences": len(sentences),
        "dev_sentences": len(dev), "history": history, "dev_scores": scores, "data": report,
        # The stage gives each mention its label's precision on dev as its score.
        "label_precision": {k: v["precision"] for k, v in scores["per_type"].items() if k in LABELS},
        "seconds": round(seconds), "feature_seconds": round(features_seconds),
    }
    (model_dir / INFO_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return TrainResult(model_dir, seconds, {"ents_f": scores["overall"]["f1"]}, report)
