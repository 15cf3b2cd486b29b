from __future__ import annotations

import pytest

from ghatna.model import Article
from ghatna.pipeline import Pipeline
from ghatna.settings import data_lines
from ghatna.text.segment import SentenceSplitter


@pytest.fixture(scope="module")
def split():
    splitter = SentenceSplitter(data_lines("abbreviations.txt"))
    return lambda text: [text[s:e] for s, e in splitter.split(text)]


@pytest.mark.parametrize("text, expected", [
    ("भारत ने निंदा की। चीन चुप रहा।", ["भारत ने निंदा की।", "चीन चुप रहा।"]),
    ("क्या बातचीत होगी? हाँ! जरूर होगी.", ["क्या बातचीत होगी?", "हाँ!", "जरूर होगी."]),
    ("उन्होंने कहा, “हम तैयार हैं।” इसके बाद बैठक हुई।",
     ["उन्होंने कहा, “हम तैयार हैं।”", "इसके बाद बैठक हुई।"]),
    ("डॉ. शर्मा ने यू.एस. दूतावास का दौरा किया। फिर लौटे।",
     ["डॉ. शर्मा ने यू.एस. दूतावास का दौरा किया।", "फिर लौटे।"]),
    ("विकास दर 6.5 प्रतिशत रही। यह अनुमान से कम है।",
     ["विकास दर 6.5 प्रतिशत रही।", "यह अनुमान से कम है।"]),
    ("पहली पंक्ति बिना विराम\nदूसरी पंक्ति।", ["पहली पंक्ति बिना विराम", "दूसरी पंक्ति।"]),
    ("U.N. महासचिव ने अपील की। बैठक ख़त्म।", ["U.N. महासचिव ने अपील की।", "बैठक ख़त्म।"]),
    ("रिपोर्ट (पृष्ठ 4) देखें॥ अगला भाग।", ["रिपोर्ट (पृष्ठ 4) देखें॥", "अगला भाग।"]),
])
def test_split(split, text, expected):
    assert split(text) == expected


def test_segment_stage_tokens_keep_vowel_signs(settings):
    pipeline = Pipeline(settings, ["clean", "langid", "segment"])
    a = pipeline(Article(raw="विदेश मंत्रियों की बैठक\n\nदोनों देशों ने सहयोग बढ़ाने पर सहमति जताई।",
                         doc="t.txt"))
    assert [s.part for s in a.sentences] == ["title", "body"]
    body = a.sentences[1]
    assert a.text[body.start:body.end] == body.text
    assert body.token_texts() == ["दोनों", "देशों", "ने", "सहयोग", "बढ़ाने", "पर", "सहमति", "जताई", "।"]


def test_non_hindi_article_is_not_segmented(settings):
    pipeline = Pipeline(settings, ["clean", "langid", "segment"])
    a = pipeline(Article(raw="Talks in Delhi\n\nThe ministers met on Tuesday and agreed to meet "
                             "again next month in Tokyo.", doc="en.txt"))
    assert a.language == "en" and a.sentences == []
