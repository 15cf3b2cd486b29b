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


@pytest.mark.parametrize("text, expected", [
    ("मंत्री ने यह बात कहा।उन्होंने फिर सफाई दी।", ["मंत्री ने यह बात कहा।", "उन्होंने फिर सफाई दी।"]),
    ("कोच ने टीम को बधाई दी।भारतीय खिलाड़ी खुश थे॥अगला मैच कल है।",
     ["कोच ने टीम को बधाई दी।", "भारतीय खिलाड़ी खुश थे॥", "अगला मैच कल है।"]),
    # a line wrapped mid-sentence runs on; offsets stay in the clean text
    ("राज्य सरकार ने मंगलवार को विधानसभा में एक नया विधेयक पेश किया जिसमें\n"
     "किसानों के लिए सिंचाई योजनाओं का प्रावधान है। विपक्ष ने विरोध किया।",
     ["राज्य सरकार ने मंगलवार को विधानसभा में एक नया विधेयक पेश किया जिसमें\n"
      "किसानों के लिए सिंचाई योजनाओं का प्रावधान है।", "विपक्ष ने विरोध किया।"]),
    # a short subhead, a list, a blank line, a colon and a closing quote end their line
    ("बाढ़ से राहत\nसरकार ने पैकेज घोषित किया।", ["बाढ़ से राहत", "सरकार ने पैकेज घोषित किया।"]),
    ("बैठक में इन मुद्दों पर चर्चा हुई जो आगे भी जारी रहेगी और\n- सीमा व्यापार\n- बिजली",
     ["बैठक में इन मुद्दों पर चर्चा हुई जो आगे भी जारी रहेगी और", "- सीमा व्यापार", "- बिजली"]),
    ("पहले अनुच्छेद की यह पंक्ति बिना किसी विराम के खत्म होती है\n\nदूसरा अनुच्छेद शुरू हुआ।",
     ["पहले अनुच्छेद की यह पंक्ति बिना किसी विराम के खत्म होती है", "दूसरा अनुच्छेद शुरू हुआ।"]),
    ("प्रधानमंत्री ने अपने भाषण में देश की जनता से यह अपील की:\nसब लोग मतदान करें।",
     ["प्रधानमंत्री ने अपने भाषण में देश की जनता से यह अपील की:", "सब लोग मतदान करें।"]),
    ("The minister said that the new policy would be announced in the coming\n"
     "New Delhi session.", ["The minister said that the new policy would be announced in the coming",
                            "New Delhi session."]),
])
def test_glued_dandas_and_wrapped_lines(split, text, expected):
    assert split(text) == expected


def test_wrapped_sentence_keeps_exact_offsets_and_tokens(settings):
    pipeline = Pipeline(settings, ["clean", "langid", "segment"])
    raw = ("सिंचाई योजना\n\nराज्य सरकार ने मंगलवार को विधानसभा में एक नया विधेयक पेश किया जिसमें\n"
           "किसानों के लिए सिंचाई योजनाओं का प्रावधान है।")
    a = pipeline(Article(raw=raw, doc="w.txt"))
    body = a.sentences[1]
    assert a.text[body.start:body.end] == body.text and "\n" in body.text
    assert "\n" not in body.token_texts() and body.token_texts()[-2:] == ["है", "।"]


def test_splitting_is_linear(split):
    """The time per character stays flat from 50,000 to 400,000 characters (it grew
    with the text's length when every full stop rescanned the text from its start)."""
    import time

    unit = "डॉ. शर्मा ने कहा कि विकास दर 6.5 प्रतिशत रही. यू.एस. दूतावास ने बयान दिया। "
    times = {}
    for n in (50_000, 400_000):
        text = (unit * (n // len(unit) + 1))[:n]
        started = time.perf_counter()
        split(text)
        times[n] = time.perf_counter() - started
    assert times[400_000] < 8 * 3 * times[50_000]  # 8x the text; 3x slack for a busy machine


def test_a_hyphen_opening_or_closing_a_word_is_a_dash_of_its_own():
    from ghatna.text.segment import hindi_tokenizer
    tok = hindi_tokenizer()
    assert [t.text for t in tok("मंत्री बोले- जांच होगी")] == ["मंत्री", "बोले", "-", "जांच", "होगी"]
    assert [t.text for t in tok("कोविड-19 का टीका")] == ["कोविड-19", "का", "टीका"]
