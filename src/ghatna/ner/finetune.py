"""Fine-tune the e5 encoder for NER with low-rank adapters (``ghatna train ner --encoder e5
--head lora``; needs PyTorch, ``pip install 'ghatna[finetune]'``).

The frozen-encoder head of :mod:`ghatna.ner.train_accurate` reads the encoder as it
came; here the encoder itself learns the task, within what this CPU affords:

* the lower ``first_layer`` layers stay frozen, and their output for every training
  sentence is computed once, in memory, before training;
* each projection of the upper layers (query, key, value, attention output, both
  feed-forward matrices) learns a low-rank update ``A @ B`` (LoRA, rank ``rank``, scaled by
  ``alpha / rank``), and their layer norms are trained outright; the 4-bit base weights
  never change, so what ships is the adapters alone (a few MB in float16);
* a learned vector per gazetteer feature (see :func:`ghatna.ner.gazetteer.match_features`)
  is added to each word's first piece where the trained layers begin, so the knowledge
  base's names reach the encoder;
* a linear layer scores every BIO tag from the last layer's state of each word's first
  piece.

After every epoch the model is scored on the development set (IL-NER Hindi dev, exact
spans, the Viterbi decoding the tagger uses); the best epoch is kept, and the weight of
the shipped fast model's tags at decoding is chosen on dev as for the frozen head.
Inference needs no PyTorch: :class:`ghatna.ner.accurate.AccurateTagger` folds the
adapters into the numpy encoder (:meth:`ghatna.ner.e5.E5Encoder.adapt`).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError
from .accurate import ADAPTERS_FILE, GAZETTEER_FILE, INFO_FILE, WordKeys
from .corpus import LABELS, TaggedSentence
from .e5 import _LAYER_TENSORS, E5Encoder
from .features import model_words
from .gazetteer import N_FEATURES, build_gazetteer, write_gazetteer
from .train import TrainResult, load_training_data, parse_corpora
from .train_accurate import record_epoch, span_scores, tag_set, tune_hint_weight

log = logging.getLogger(__name__)

INSTALL_HINT = "fine-tuning needs PyTorch: pip install 'ghatna[finetune]'"
PROJECTIONS = tuple(n for n in _LAYER_TENSORS if not n.endswith("ln"))


@dataclass
class LoraConfig:
    first_layer: int = 4      # layers 1..first_layer stay frozen
    rank: int = 16
    alpha: float = 16.0
    epochs: int = 4
    learning_rate: float = 1e-3  # peak, after a linear warm-up over 6% of the steps
    batch_tokens: int = 1500  # padded pieces per batch
    dropout: float = 0.1
    weight_decay: float = 0.01


def _torch():
    try:
        import torch
    except ModuleNotFoundError:
        raise ModelError(INSTALL_HINT) from None
    return torch


def _modules(torch, encoder: E5Encoder, cfg: LoraConfig, n_tags: int):
    """The trainable upper layers, as torch modules over the encoder's own weights."""
    nn, F = torch.nn, torch.nn.functional
    h = encoder.header

    class LoraLinear(nn.Module):
        def __init__(self, weight: np.ndarray, bias: np.ndarray, rank: int):
            super().__init__()
            self.register_buffer("w", torch.from_numpy(np.ascontiguousarray(weight)))  # (in, out)
            self.register_buffer("bias", torch.from_numpy(np.array(bias)))
            self.rank = rank
            if rank:
                self.a = nn.Parameter(torch.randn(weight.shape[0], rank) / np.sqrt(weight.shape[0]))
                self.b = nn.Parameter(torch.zeros(rank, weight.shape[1]))

        def forward(self, x):
            y = x @ self.w + self.bias
            if self.rank:
                y = y + (F.dropout(x, cfg.dropout, self.training) @ self.a) @ self.b * (cfg.alpha / self.rank)
            return y

    class Layer(nn.Module):
        def __init__(self, weights: dict, rank: int):
            super().__init__()
            self.lin = nn.ModuleDict({n: LoraLinear(*weights[n], rank) for n in PROJECTIONS})
            self.norms = nn.ModuleDict()
            for n in ("aln", "oln"):
                norm = nn.LayerNorm(h.hidden, eps=h.eps)
                norm.weight.data = torch.from_numpy(np.array(weights[n][0]))
                norm.bias.data = torch.from_numpy(np.array(weights[n][1]))
                norm.requires_grad_(bool(rank))
                self.norms[n] = norm

        def forward(self, x, mask):
            B, T, H = x.shape
            size = H // h.heads

            def split(t):
                return t.view(B, T, h.heads, size).transpose(1, 2)

            q, k, v = (split(self.lin[n](x)) for n in ("q", "k", "v"))
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask).transpose(1, 2).reshape(B, T, H)
            x = self.norms["aln"](x + F.dropout(self.lin["ao"](ctx), cfg.dropout, self.training))
            ffn = self.lin["fo"](F.gelu(self.lin["fi"](x), approximate="tanh"))
            return self.norms["oln"](x + F.dropout(ffn, cfg.dropout, self.training))

    class Top(nn.Module):
        def __init__(self):
            super().__init__()
            self.gaz = nn.Embedding(N_FEATURES, h.hidden)
            nn.init.zeros_(self.gaz.weight)
            self.layers = nn.ModuleList([Layer(encoder._layers[i], cfg.rank)
                                         for i in range(cfg.first_layer, h.layers)])
            self.cls = nn.Linear(h.hidden, n_tags)

        def forward(self, x, mask, gaz):
            x = x + self.gaz(gaz)
            for layer in self.layers:
                x = layer(x, mask)
            return self.cls(F.dropout(x, cfg.dropout, self.training))

    frozen = [Layer(encoder._layers[i], 0).eval() for i in range(cfg.first_layer)]  # no dropout
    return frozen, Top()


@dataclass
class _Windows:
    """Model inputs of a set of sentences: :meth:`E5Encoder._windows`, each window's
    frozen-layer states, gold tag and gazetteer ids per piece (-100 / 0 off first pieces)."""

    windows: list
    states: list
    gold: list
    gaz: list


def _prepare(torch, encoder: E5Encoder, frozen, sentences: list[TaggedSentence], keys: WordKeys,
             tag_id: dict[str, int], name: str) -> _Windows:
    words = [model_words(s.tokens) for s in sentences]
    windows = encoder._windows(words)
    gold, gaz = [], []
    for si, first, ids, firsts in windows:
        features = keys(words[si])[:, 3]
        y, g = np.full(len(ids), -100), np.zeros(len(ids), dtype=np.int64)
        for k, piece in enumerate(firsts):
            if piece > 0:
                y[piece] = tag_id.get(sentences[si].tags[first + k], 0)
                g[piece] = features[first + k]
        gold.append(torch.from_numpy(y))
        gaz.append(torch.from_numpy(g))
    states: list = [None] * len(windows)
    order = sorted(range(len(windows)), key=lambda i: len(windows[i][2]))
    started = time.time()
    with torch.no_grad():
        for k in range(0, len(order), 64):
            batch = order[k:k + 64]
            ids = [windows[i][2] for i in batch]
            x, mask = _embed(torch, encoder, ids)
            for layer in frozen:
                x = layer(x, mask)
            for j, i in enumerate(batch):
                states[i] = x[j, :len(ids[j])].half()
    log.info("%s: %d windows through the %d frozen layers (%.0f s)", name, len(windows),
             len(frozen), time.time() - started)
    return _Windows(windows, states, gold, gaz)


def _embed(torch, encoder: E5Encoder, ids: list[list[int]]):
    """Embeddings (as the numpy encoder computes them) and the attention mask of a batch."""
    return torch.from_numpy(encoder.embeddings(ids).astype(np.float32)), _mask(torch, ids)


def _mask(torch, ids: list[list[int]]):
    lengths = torch.tensor([len(s) for s in ids])
    return (torch.arange(max(map(len, ids)))[None, :] < lengths[:, None])[:, None, None, :]


def _batch(torch, data: _Windows, idx: list[int]):
    pad = torch.nn.utils.rnn.pad_sequence
    x = pad([data.states[i] for i in idx], batch_first=True).float()
    return (x, _mask(torch, [data.windows[i][2] for i in idx]),
            pad([data.gaz[i] for i in idx], batch_first=True),
            pad([data.gold[i] for i in idx], batch_first=True, padding_value=-100))


def _batches(data: _Windows, budget: int) -> list[list[int]]:
    """Windows of like length, up to ``budget`` padded pieces a batch."""
    order = sorted(range(len(data.windows)), key=lambda i: len(data.windows[i][2]))
    out, cur, longest = [], [], 0
    for i in order:
        n = len(data.windows[i][2])
        if cur and max(longest, n) * (len(cur) + 1) > budget:
            out.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        out.append(cur)
    return out


def _word_scores(torch, model, data: _Windows, sentences: list[TaggedSentence], n_tags: int) -> np.ndarray:
    """Tag log-probabilities of every word of ``sentences``, laid end to end."""
    model.eval()
    words = [np.zeros((len(s.tokens), n_tags), np.float32) for s in sentences]
    with torch.no_grad():
        for idx in _batches(data, 4096):
            x, mask, gaz, _ = _batch(torch, data, idx)
            lp = torch.nn.functional.log_softmax(model(x, mask, gaz), -1).numpy()
            for j, i in enumerate(idx):
                si, first, _ids, firsts = data.windows[i]
                for k, piece in enumerate(firsts):
                    if piece > 0:
                        words[si][first + k] = lp[j, piece]
    model.train()
    return np.concatenate(words)


def train_finetuned(data_dir: str | Path, out_dir: str | Path, corpora: tuple[str, ...],
                    limit: int = 0, seed: int = 0, cfg: LoraConfig | None = None,
                    fast_hints: bool = True) -> TrainResult:
    """Fine-tune, keep the best epoch on dev, write ``OUT/model`` (see the module doc)."""
    torch = _torch()
    cfg = cfg or LoraConfig()
    started = time.time()
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    encoder = E5Encoder.load()
    sentences, report = [], {}
    for name, times in parse_corpora(corpora).items():
        train, dev, rep = load_training_data(data_dir, (name,), limit, seed)
        sentences += train * times
        report.update(rep)
    labels = list(LABELS)
    tags = tag_set(labels)
    tag_id = {t: i for i, t in enumerate(tags)}
    names = build_gazetteer()
    keys = WordKeys(names, 1)
    frozen, model = _modules(torch, encoder, cfg, len(tags))
    train_data = _prepare(torch, encoder, frozen, sentences, keys, tag_id, "train")
    dev_data = _prepare(torch, encoder, frozen, dev, keys, tag_id, "dev")
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)
    batches = _batches(train_data, cfg.batch_tokens)
    total = len(batches) * cfg.epochs
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    out_dir.mkdir(parents=True, exist_ok=True)
    gold_spans = [s.spans() for s in dev]
    best, best_f1, history = None, -1.0, []
    with open(out_dir / "train.log", "w", encoding="utf-8") as logfile:
        logfile.write(f"{len(sentences)} training sentences ({'+'.join(corpora)}), "
                      f"{len(train_data.windows)} windows; dev {len(dev)}; "
                      f"{sum(p.numel() for p in params)} trained parameters; {asdict(cfg)}\n")
        for epoch in range(1, cfg.epochs + 1):
            losses = []
            for b in rng.permutation(len(batches)):
                x, mask, gaz, gold = _batch(torch, train_data, batches[b])
                logits = model(x, mask, gaz)
                loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(tags)), gold.reshape(-1),
                                                         ignore_index=-100)
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                losses.append(loss.item())
            scores = _word_scores(torch, model, dev_data, dev, len(tags))
            result = span_scores(scores, tags, [len(s.tokens) for s in dev], gold_spans)
            f1 = record_epoch(history, epoch, losses, result, started, logfile)
            if f1 > best_f1:
                best_f1 = f1
                best = ({k: v.detach().clone() for k, v in model.state_dict().items()}, scores, result)
        state, dev_scores, result = best
        hint_weight, result = (tune_hint_weight(dev_scores, tags, dev, logfile)
                               if fast_hints else (0.0, result))
    model_dir = out_dir / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(model_dir / ADAPTERS_FILE, **_adapters(state, cfg))
    write_gazetteer(names, model_dir / GAZETTEER_FILE)
    seconds = time.time() - started
    info = {
        "kind": "lora", "encoder": encoder.fingerprint, "first_layer": cfg.first_layer,
        "scale": cfg.alpha / cfg.rank, "tags": tags, "config": asdict(cfg), "hint_weight": hint_weight,
        "corpora": list(corpora), "seed": seed, "limit": limit, "train_sentences": len(sentences),
        "dev_sentences": len(dev), "history": history, "dev_scores": result, "data": report,
        "label_precision": {k: v["precision"] for k, v in result["per_type"].items() if k in LABELS},
        "seconds": round(seconds), "torch": torch.__version__,
    }
    (model_dir / INFO_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return TrainResult(model_dir, seconds, {"ents_f": result["overall"]["f1"]}, report)


def _adapters(state: dict, cfg: LoraConfig) -> dict[str, np.ndarray]:
    """The trained tensors under the names :meth:`E5Encoder.adapt` and the tagger read."""
    out = {"gaz": state["gaz.weight"], "cls.w": state["cls.weight"].T, "cls.b": state["cls.bias"]}
    for k in range(len([key for key in state if key.endswith("lin.q.a")])):
        i = cfg.first_layer + k
        for n in PROJECTIONS:
            out[f"l{i}.{n}.a"] = state[f"layers.{k}.lin.{n}.a"]
            out[f"l{i}.{n}.b"] = state[f"layers.{k}.lin.{n}.b"]
        for n in ("aln", "oln"):
            out[f"l{i}.{n}.w"] = state[f"layers.{k}.norms.{n}.weight"]
            out[f"l{i}.{n}.b"] = state[f"layers.{k}.norms.{n}.bias"]
    return {k: v.numpy().astype(np.float16) for k, v in out.items()}
