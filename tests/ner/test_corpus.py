"""Loaders for the NER corpora: tag mapping and repair of malformed tags."""


import pytest
from helpers import SHARED as SHARED_ROOT

from ghatna.ner.corpus import (
    AUX_TYPE_MAP,
    TagReport,
    bio_spans,
    load_corpus,
    normalise_tags,
    read_tagged,
    read_tokens,
    spans_to_bio,
)

SHARED = SHARED_ROOT / "data" / "ner"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/ner is absent")

# Written for this test: IL-NER-style tags, including the malformed kinds the corpus has.
SMALL = """\
नरेंद्र	B-NEP
मोदी	I-NEP
ने	O
वाराणसी	-NEL
में	O
भारतीय	B-NEO
जनता	I-NEO
पार्टी	-NEO
की	O
बैठक	-
2019	B-NETI
में	O
की	O
।	O

O
राहुल	I-NEP
गांधी	NEP
दिल्ली	B-NEL
पहुँचे	O
"""


def test_small_file_repairs_and_counts(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    sents, report = load_corpus(path)
    assert [len(s.tokens) for s in sents] == [14, 4]
    assert sents[0].tags[:10] == ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert sents[0].tags[10] == "O"  # NETI (time) is not kept
    assert sents[1].tokens == ["राहुल", "गांधी", "दिल्ली", "पहुँचे"]
    assert sents[1].tags == ["B-PER", "I-PER", "B-LOC", "O"]
    assert report.missing_prefix == 3 and report.bare_dash == 1
    assert report.orphan_inside == 1 and report.dropped_lines == 1
    assert report.malformed == 5
    assert report.dropped_types["NETI"] == 1


@pytest.mark.parametrize("raw,expected", [
    (["B-PERSON", "I-PERSON", "O", "B-LOCATION"], ["B-PER", "I-PER", "O", "B-LOC"]),
    (["B-ORGANIZATION", "I-ORGANIZATION", "B-TIMEX", "I-TIMEX"], ["B-ORG", "I-ORG", "O", "O"]),
    (["B-NEAR", "I-NEAR", "B-NEN"], ["O", "O", "O"]),
    (["NEL", "NEL", "O", "-NEL"], ["B-LOC", "I-LOC", "O", "B-LOC"]),
    (["B-NEP", "B-NEP"], ["B-PER", "B-PER"]),
    (["??", "B-NEP"], ["O", "B-PER"]),
])
def test_normalise_tags(raw, expected):
    assert normalise_tags(raw) == expected


def test_auxiliary_labels_keep_numbers_times_and_other_names():
    raw = ["B-NEN", "I-NEN", "B-NETI", "NEAR", "B-NEP", "B-TIMEX", "B-LANGUAGE"]
    assert normalise_tags(raw, type_map=AUX_TYPE_MAP) == [
        "B-NUM", "I-NUM", "B-TIME", "B-MISC", "B-PER", "B-TIME", "O"]
    assert normalise_tags(raw) == ["O", "O", "O", "O", "B-PER", "O", "O"]


def test_spans_roundtrip():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]
    spans = bio_spans(tags)
    assert spans == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
    assert spans_to_bio(len(tags), spans) == ["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "B-ORG", "I-ORG"]


def test_space_separated_columns_and_tokens(tmp_path):
    path = tmp_path / "spaces.conll"
    path.write_text("-DOCSTART- O\n\nअमित NNP B-PERSON\nशाह NNP I-PERSON\n\nपटना NNP B-LOCATION\n", "utf-8")
    sents = read_tagged(path.read_text("utf-8").splitlines(), TagReport())
    assert [s.tags for s in sents] == [["B-PER", "I-PER"], ["B-LOC"]]
    assert read_tokens(path) == [["अमित", "शाह"], ["पटना"]]


@needs_shared
@pytest.mark.parametrize("name,sentences,min_kept", [
    ("ilner-hindi-train.txt", 11076, 5000),
    ("ilner-hindi-dev.txt", 1389, 600),
    ("hiner-collapsed-train.conll", 8680, 20000),
    ("hiner-original-train.conll", 8680, 20000),
])
def test_shared_corpora(name, sentences, min_kept):
    sents, report = load_corpus(SHARED / name)
    assert len(sents) == sentences
    assert sum(report.kept_types.values()) >= min_kept
    for s in sents:
        assert len(s.tokens) == len(s.tags)
        assert all(t == "O" or t[2:] in ("PER", "LOC", "ORG") for t in s.tags)
        assert all(not t.startswith("I-") or (i and s.tags[i - 1][2:] == t[2:])
                   for i, t in enumerate(s.tags))
    if name.startswith("ilner"):
        assert report.malformed > 0  # the corpus has a bare "-" or prefix-less tags
