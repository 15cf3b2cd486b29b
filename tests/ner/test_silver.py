"""Silver sentences for distillation: read as the pipeline reads text, dev text refused."""

import pytest
from click.testing import CliRunner

from ghatna.cli import main
from ghatna.ner.corpus import spans_to_bio
from ghatna.ner.silver import (
    SilverReport,
    devanagari_share,
    read_sentences,
    select,
    silver_sentences,
)

# Sentences written for these tests.
DEV = [
    "राज्यपाल ने सोमवार को जयपुर में नए पुल का उद्घाटन किया और लोगों से बात की ।".split(),
    "बैठक में किसानों की समस्याओं पर चर्चा हुई ।".split(),
]
TRAIN = ["नगर निगम ने सड़कों की मरम्मत का काम शुरू किया ।".split()]
TEXT = [
    "मुख्यमंत्री ने भोपाल में अस्पताल का दौरा किया। उन्होंने डॉक्टरों से बात की।",  # two sentences
    "राज्यपाल ने सोमवार को जयपुर में नए पुल का उद्घाटन किया और लोगों से बात की।",  # a dev sentence
    "कल राज्यपाल ने सोमवार को जयपुर में नए पुल का उद्घाटन किया",  # eight dev words in a row
    "बैठक में किसानों की समस्याओं पर चर्चा हुई",  # a dev sentence without its danda
    "नगर निगम ने सड़कों की मरम्मत का काम शुरू किया।",  # a training sentence
    "The minister visited Bhopal on Monday.",  # not Devanagari
    "",
    "मुख्यमंत्री ने भोपाल में अस्पताल का दौरा किया।",  # repeated
    "वाह!",  # too short
    "पटना में  बारिश से कई सड़कें डूब गईं",
]


class Teacher:
    """Tags the first token of every sentence as a place."""

    path = "teacher"

    def tag(self, sentences):
        for tokens in sentences:
            yield [(0, 1, "LOC")]


def test_lines_are_split_and_tokenised_like_the_pipeline():
    report = SilverReport()
    sentences = read_sentences(TEXT[:1] + TEXT[-1:], report=report)
    assert sentences == [
        "मुख्यमंत्री ने भोपाल में अस्पताल का दौरा किया ।".split(),
        "उन्होंने डॉक्टरों से बात की ।".split(),
        "पटना में बारिश से कई सड़कें डूब गईं".split(),
    ]
    assert (report.lines, report.sentences) == (2, 3)


def test_dev_training_foreign_repeated_and_short_sentences_are_dropped():
    report = SilverReport()
    kept = select(read_sentences(TEXT), DEV, TRAIN, report)
    assert [" ".join(t) for t in kept] == [
        "मुख्यमंत्री ने भोपाल में अस्पताल का दौरा किया ।",
        "उन्होंने डॉक्टरों से बात की ।",
        "पटना में बारिश से कई सड़कें डूब गईं",
    ]
    assert (report.dev_text, report.training_text, report.not_devanagari, report.repeated,
            report.too_short) == (3, 1, 1, 1, 1)
    assert devanagari_share("UN में भारत") == pytest.approx(7 / 9)  # letters and their signs


def test_silver_sentences_carry_the_teachers_tags(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text("\n".join(TEXT) + "\n", "utf-8")
    tagged, report = silver_sentences([path], DEV, TRAIN, Teacher())
    assert len(tagged) == report.kept == 3 and report.spans == 3
    assert all(s.tags == spans_to_bio(len(s.tokens), [(0, 1, "LOC")]) for s in tagged)
    assert report.teacher == "teacher"


def test_train_ner_refuses_silver_for_the_accurate_model(tmp_path):
    path = tmp_path / "text.txt"
    path.write_text(TEXT[0] + "\n", "utf-8")
    result = CliRunner().invoke(main, ["train", "ner", "--encoder", "e5", "--silver", str(path),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code != 0 and "--silver" in result.output
