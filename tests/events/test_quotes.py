"""Direct and indirect speech with speakers, on Hindi sentences written for these tests."""

import pytest
import spacy

from ghatna.events.quotes import find_quotes, load_cues, make
from ghatna.model import Article, Entity, Mention, Sentence
from ghatna.settings import Settings

NLP = spacy.blank("hi")

WANG = Entity("Q1", "Wang Yi", "PER", country="CHN")
LAVROV = Entity("Q2", "Sergey Lavrov", "PER", country="RUS")
KCNA = Entity("Q3", "Korean Central News Agency", "ORG", country="PRK")


def sentence(index, text, part="body"):
    return Sentence(index, part, 0, len(text), text, [(t.idx, t.idx + len(t)) for t in NLP(text)])


def article(*rows):
    """rows: (text, [(mention text, label, entity or None), ...]); the first is the headline."""
    art = Article(raw="", doc="test", language="hi", date="2021-03-23")
    for i, (text, ments) in enumerate(rows):
        art.sentences.append(sentence(i, text, "title" if i == 0 else "body"))
        for mtext, label, ent in ments:
            start = text.index(mtext)
            art.mentions.append(Mention(i, start, start + len(mtext), mtext, label, ent))
    return art


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def names(quote):
    return [s["name"] or s["text"] for s in quote.speaker]


def test_indirect_with_named_speaker(cues):
    art = article(
        ("रूस और चीन की बैठक", [("रूस", "LOC", None), ("चीन", "LOC", None)]),
        ("रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि उनका देश चीन के साथ सहयोग बढ़ाएगा।",
         [("रूस", "LOC", None), ("सर्गेई लावरोव", "PER", LAVROV), ("चीन", "LOC", None)]),
    )
    [q] = find_quotes(art, cues)
    assert q.kind == "indirect" and q.sentence_index == 1
    assert q.text == "उनका देश चीन के साथ सहयोग बढ़ाएगा"
    assert art.sentences[1].text[q.start:q.end] == q.text
    assert names(q) == ["Sergey Lavrov"]
    assert q.speaker[0]["country"] == "RUS" and q.speaker[0]["entity_id"] == "Q2"
    assert q.speaker_text == "रूस के विदेश मंत्री सर्गेई लावरोव"


def test_coordinated_speakers_and_pronoun(cues):
    art = article(
        ("चीन और रूस ने मिलाया हाथ", [("चीन", "LOC", None), ("रूस", "LOC", None)]),
        ("बैठक में चीन के विदेश मंत्री वांग यी और रूसी विदेश मंत्री सर्गेई लावरोव ने ईयू के कदमों को "
         "दखलअंदाजी करार दिया।",
         [("चीन", "LOC", None), ("वांग यी", "PER", WANG), ("सर्गेई लावरोव", "PER", LAVROV),
          ("ईयू", "ORG", None)]),
        ("उन्होंने कहा कि वे जलवायु परिवर्तन पर मिलकर काम कर रहे हैं।", []),
    )
    [q] = find_quotes(art, cues)
    assert q.sentence_index == 2 and q.kind == "indirect"
    assert q.speaker_text == "उन्होंने"
    # the most recent agent group with people in it, not the last ORG mentioned (ईयू)
    assert names(q) == ["Wang Yi", "Sergey Lavrov"]
    assert q.speaker[0]["sentence_index"] == 1


def test_direct_quote_over_two_sentences(cues):
    art = article(
        ("चीन और रूस एक साथ", []),
        ("वांग यी ने कहा, \" दोनों देशों के बीच संबंध पहले की तरह कायम हैं।",
         [("वांग यी", "PER", WANG)]),
        ("सरकारी कामकाज भी पटरी पर लौट रहा है।\"", []),
        ("दोनों देशों के बीच आपसी सहयोग बढ़ना चाहिए।", []),
    )
    quotes = find_quotes(art, cues)
    assert [(q.sentence_index, q.kind) for q in quotes] == [(1, "direct"), (2, "direct")]
    assert quotes[0].text == "दोनों देशों के बीच संबंध पहले की तरह कायम हैं"
    assert quotes[1].text == "सरकारी कामकाज भी पटरी पर लौट रहा है"
    assert all(names(q) == ["Wang Yi"] for q in quotes)


def test_direct_quote_with_curly_marks_and_pronoun(cues):
    art = article(
        ("प्रतिबंधों की आलोचना", []),
        ("वांग ने प्रेस कॉन्फ्रेंस में प्रतिबंधों की कड़ी आलोचना की।", [("वांग", "PER", WANG)]),
        ("इन देशों ने प्रतिबंध लगाए थे। उन्होंने कहा, “एकपक्षीय प्रतिबंधों के खिलाफ सभी देशों को "
         "साथ खड़ा होना चाहिए।”", []),
    )
    [q] = find_quotes(art, cues)
    assert q.kind == "direct" and q.text.startswith("एकपक्षीय प्रतिबंधों")
    assert q.text.endswith("खड़ा होना चाहिए")
    assert names(q) == ["Wang Yi"]


def test_speech_verb_after_the_quote(cues):
    art = article(
        ("बयान", []),
        ("“हम किसी भी दबाव के आगे नहीं झुकेंगे”, विदेश मंत्री सर्गेई लावरोव ने कहा।",
         [("सर्गेई लावरोव", "PER", LAVROV)]),
    )
    [q] = find_quotes(art, cues)
    assert q.kind == "direct" and q.text == "हम किसी भी दबाव के आगे नहीं झुकेंगे"
    assert names(q) == ["Sergey Lavrov"]


def test_according_to_coordinated_sources(cues):
    art = article(
        ("शी और किम", []),
        ("केसीएनए और चीन की शिन्हुआ न्यूज एजेंसी के मुताबिक, शी ने किम को दिए संदेश में संबंधों को "
         "“कीमती संपदा” करार दिया।",
         [("केसीएनए", "ORG", KCNA), ("चीन", "LOC", None), ("शिन्हुआ न्यूज एजेंसी", "ORG", None),
          ("शी", "PER", None), ("किम", "PER", None)]),
    )
    [q] = find_quotes(art, cues)  # the two quoted words are a term, not speech
    assert q.kind == "indirect" and q.text.startswith("शी ने किम को")
    assert names(q) == ["Korean Central News Agency", "शिन्हुआ न्यूज एजेंसी"]


@pytest.mark.parametrize("text, speaker_text", [
    ("प्रधानमंत्री का कहना है कि सरकार किसानों से बात करेगी।", "प्रधानमंत्री"),
    ("विशेषज्ञों का मानना है कि दोनों देशों के संबंध सुधरेंगे।", "विशेषज्ञों"),
    ("मंत्री बोले कि सरकार कानून वापस नहीं लेगी।", "मंत्री"),
    ("पुलिस सूत्रों के अनुसार, हमलावर सीमा पार से आए थे।", "पुलिस सूत्रों"),
])
def test_other_indirect_cues(cues, text, speaker_text):
    [q] = find_quotes(article(("शीर्षक", []), (text, [])), cues)
    assert q.kind == "indirect" and q.speaker_text == speaker_text and q.speaker == []


@pytest.mark.parametrize("text", [
    "नियमों के अनुसार, चुनाव छह महीने में होने चाहिए।",     # a rule, not a source of speech
    "सरकार ने “मेक इन इंडिया” योजना शुरू की।",              # a name in quotation marks
    "यह माना जाता है कि दोनों देश करीब आए हैं।",             # impersonal
    "चीन ने सीमा पर सैनिक तैनात किए।",
])
def test_not_speech(cues, text):
    assert find_quotes(article(("शीर्षक", []), (text, [])), cues) == []


def test_pronoun_without_antecedent_is_left_empty(cues):
    art = article(("शीर्षक", []), ("उन्होंने कहा कि बातचीत जारी रहेगी।", []))
    [q] = find_quotes(art, cues)
    assert q.speaker == [] and q.speaker_text == "उन्होंने"


def test_stage_fills_article_quotes():
    fn = make(Settings.load())
    art = article(("शीर्षक", []), ("वांग यी ने कहा कि सहयोग बढ़ेगा।", [("वांग यी", "PER", WANG)]))
    assert fn(art) is art
    assert [q.text for q in art.quotes] == ["सहयोग बढ़ेगा"]


def test_user_cue_file(tmp_path):
    extra = tmp_path / "cues.toml"
    extra.write_text('[verbs]\nergative = ["फरमाया"]\n', encoding="utf-8")
    art = article(("शीर्षक", []), ("वांग यी ने फरमाया कि सहयोग बढ़ेगा।", [("वांग यी", "PER", WANG)]))
    assert find_quotes(art, load_cues()) == []
    [q] = find_quotes(art, load_cues(str(extra)))
    assert names(q) == ["Wang Yi"]


@pytest.mark.parametrize("text, said", [
    ("गृह मंत्री बोले- सीमा पर शांति बनाए रखेंगे", "सीमा पर शांति बनाए रखेंगे"),
    ("लावरोव ने कहा: प्रतिबंध स्वीकार्य नहीं हैं।", "प्रतिबंध स्वीकार्य नहीं हैं"),
])
def test_direct_speech_after_colon_or_dash(cues, text, said):
    [q] = find_quotes(article((text, [])), cues)
    assert (q.kind, q.text, q.sentence_index) == ("direct", said, 0)


def test_open_quote_in_headline_does_not_run_into_body(cues):
    art = article(
        ("“सहयोग बढ़ेगा", []),
        ("वांग यी ने कहा कि दोनों देश साथ हैं।", [("वांग यी", "PER", WANG)]),
    )
    assert [q.kind for q in find_quotes(art, cues)] == ["indirect"]


def test_pronoun_lookback_is_limited(cues):
    rows = [("शीर्षक", []), ("वांग यी ने बैठक की।", [("वांग यी", "PER", WANG)])]
    rows += [("दोनों देशों के बीच व्यापार बढ़ा है।", [])] * 5
    rows += [("उन्होंने कहा कि बातचीत जारी रहेगी।", [])]
    q = find_quotes(article(*rows), cues)[-1]
    assert q.speaker == []
    near = find_quotes(article(*(rows[:3] + rows[-1:])), cues)[-1]
    assert names(near) == ["Wang Yi"]


def test_stage_is_registered_after_segment():
    import ghatna.events.quotes  # noqa: F401  (registers the stage)
    from ghatna.errors import PipelineError
    from ghatna.pipeline import _REGISTRY, STAGE_MODULES, Pipeline

    spec = _REGISTRY["quotes"]
    assert spec.requires == ("sentences", "mentions") and spec.assigns == ("quotes",)
    assert spec.hindi_only and "ghatna.events.quotes" in STAGE_MODULES
    with pytest.raises(PipelineError, match="requires mentions"):
        Pipeline(Settings.load(), ["clean", "langid", "segment", "quotes"])
