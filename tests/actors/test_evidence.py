"""Links that need evidence beyond a spelling: surnames, common words, news agencies,
titles used as names, NER person spans, and dated roles. Sentences written for these
tests, in the shapes of real errors (a surname read as a state, an agency as a party)."""

from __future__ import annotations

import pytest

from ghatna.actors.evidence import WordEvidence, compatible
from ghatna.actors.link import build_linker, link_text
from ghatna.actors.words import TOKEN
from ghatna.model import Article, Mention, Sentence


@pytest.fixture(scope="module")
def linker(settings):
    return build_linker(settings)


def ids(linker, text, date=None):
    return {m.text: m.entity.id for m in link_text(linker, text, date) if m.entity is not None}


def test_word_figures_are_computed_data():
    evidence = WordEvidence.load()
    assert evidence.is_name_word("मिश्रा") and evidence.is_name_word("शर्मा")
    assert not evidence.is_name_word("भारत")
    assert evidence.is_common("भूखे") and not evidence.is_common("चीन")


@pytest.mark.parametrize("text", [
    "विधायक मिश्रा ने कहा कि सड़क अगले महीने बनेगी।",
    "मिश्र ने बताया कि परीक्षा के नतीजे कल आएंगे।",
    "प्रोफेसर रमाकांत मिश्र ने छात्रों को संबोधित किया।",
    "थाना प्रभारी हसन ने बताया कि आरोपी फरार है।",
    "अभिनेत्री प्रियंका चोपड़ा ने नई फिल्म की घोषणा की।",
    "गायक की बेटी पेरिस माइकल ने मंच पर गीत गाया।",
])
def test_surnames_are_not_states_or_places(linker, text):
    linked = link_text(linker, text)
    assert not [m for m in linked if m.entity and m.entity.type in ("country", "place")], linked


@pytest.mark.parametrize("text, word", [
    ("मिस्र में संसदीय चुनाव के लिए मतदान शुरू हुआ।", "मिस्र"),
    ("मिश्र में नए संविधान पर जनमत संग्रह हुआ।", "मिश्र"),
    ("मिश्र ने गाजा सीमा पर राहत सामग्री भेजने की अनुमति दी और इजरायल से बात की।", "मिश्र"),
])
def test_the_state_with_support_still_links(linker, text, word):
    assert ids(linker, text).get(word) == "EGY"


@pytest.mark.parametrize("text, word", [
    ("बाढ़ के बाद कई परिवार भूखे सोने को मजबूर हैं।", "भूखे"),
    ("पिछले साल के मुकाबले दाम तीन गुना बढ़ गए।", "गुना"),
    ("इसी के साथ बैठक समाप्त हो गई।", "इसी"),
])
def test_common_words_never_link(linker, text, word):
    assert not [m for m in link_text(linker, text) if word in m.text and m.entity]


@pytest.mark.parametrize("text, word", [
    ("इस हत्या का रहस्य अब तक नहीं खुला है।", "रहस्य"),
    ("बांध की दीवार ढीली पड़ गई थी।", "ढीली"),
    ("किले के खंडहर देखने पर्यटक आते हैं।", "खंडहर"),
    ("दुकान से बीयर की बोतलें जब्त की गईं।", "बीयर"),
    ("राष्ट्रपति ने संसद के संयुक्त सत्र को संबोधित किया।", "संयुक्त सत्र"),
    ("वे मंदिर जाकर ताज देखने गए।", "जाकर"),
])
def test_ordinary_words_are_no_unseen_spellings(linker, text, word):
    # a frequent word of general Hindi (or a common word inside a longer span) that only
    # sounds like a name is that word
    assert not [m for m in link_text(linker, text) if word in m.text and m.entity]


@pytest.mark.parametrize("text, word, want", [
    ("इसराइल ने सीमा पर गश्त बढ़ाई।", "इसराइल", "ISR"),
    ("एशियन डेवलपमेंट बैंक ने कर्ज मंजूर किया।", "एशियन डेवलपमेंट बैंक", "IGO:ADB"),
])
def test_spellings_written_like_a_name_still_link(linker, text, word, want):
    assert ids(linker, text).get(word) == want


@pytest.mark.parametrize("text, word, want", [
    ("लखनऊ, 12 मार्च (पीटीआई) राज्य सरकार ने नई नीति घोषित की।", "पीटीआई", "media:pti"),
    ("आईएएनएस की खबर के मुताबिक बैठक टल गई।", "आईएएनएस", "media:ians"),
    ("रॉयटर्स ने सूत्रों के हवाले से बताया कि वार्ता विफल रही।", "रॉयटर्स", "media:reuters"),
    ("पीटीआई के कार्यकर्ताओं ने लाहौर में रैली निकाली।", "पीटीआई", "party:pti"),
])
def test_news_agencies_are_media(linker, text, word, want):
    assert ids(linker, text)[word] == want
    if want.startswith("media:"):
        assert linker.kb.get(want).type == "media"


@pytest.mark.parametrize("text, linked", [
    ("हेड कांस्टेबल सुल्तान ने चोरी के आरोपी को पकड़ा।", False),
    ("ब्रुनेई के सुल्तान ने राजधानी में नई मस्जिद का उद्घाटन किया।", True),
])
def test_a_monarch_needs_a_realm_or_a_name(linker, text, linked):
    codes = [m.entity.code for m in link_text(linker, text)
             if m.entity is not None and m.entity.role == "monarch"]
    assert bool(codes) == linked, codes


@pytest.mark.parametrize("text, name, want", [
    ("प्रधानमंत्री ने वाशिंगटन में जो बाइडन से बातचीत की।", "जो बाइडन", "per:joe_biden"),
    ("इंग्लैंड के कप्तान जो रूट ने दूसरे टेस्ट में शतक लगाया।", "जो रूट", "per:joe_root"),
])
def test_names_that_begin_with_a_function_word(linker, text, name, want):
    assert ids(linker, text)[name] == want


def _article(text: str, persons: list[str]) -> Article:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    art = Article(raw=text, doc="t", text=text, language="hi",
                  sentences=[Sentence(0, "body", 0, len(text), text, tokens)])
    art.mentions = [Mention(0, text.index(p), text.index(p) + len(p), p, "PER", source="ner")
                    for p in persons]
    return art


@pytest.mark.parametrize("text, person", [
    ("जासूस शेरलॉक होम्स की कहानियां आज भी पढ़ी जाती हैं।", "शेरलॉक होम्स"),
    ("क्रिकेटर जॉर्ज बेली ने संन्यास की घोषणा की।", "जॉर्ज बेली"),
    ("लेखिका पेरिस हिल्टन ने किताब लिखी।", "पेरिस हिल्टन"),
])
def test_nothing_inside_an_ner_person_is_a_place(linker, text, person):
    art = linker.link_article(_article(text, [person]))
    start = text.index(person)
    inside = [m for m in art.mentions if m.start < start + len(person) and start < m.end
              and m.entity is not None]
    assert all(m.entity.type not in ("country", "place", "agent") for m in inside), inside


def test_ner_label_limits_the_entity_type():
    assert compatible("PER", "person") and not compatible("PER", "country")
    assert compatible("LOC", "place") and not compatible("LOC", "person")
    assert not compatible("ORG", "place")


@pytest.mark.parametrize("date, code, role", [
    ("2010-06-01", "GBR", "no known role on 2010-06-01"),
    ("2017-01-01", "GBRGOV", "foreign secretary"),
    ("2020-01-01", "GBRGOV", "prime minister"),
    ("2023-01-01", "GBRELI", "former prime minister"),
])
def test_no_role_before_the_first_known_date(linker, date, code, role):
    ent = next(m.entity for m in link_text(linker, "बोरिस जॉनसन ने लंदन में भाषण दिया।", date)
               if m.entity is not None and m.entity.id == "per:boris_johnson")
    assert (ent.code, ent.role) == (code, role)
    assert (linker.kb.get("per:boris_johnson").role_on(date) is None) == (code == "GBR")


def test_word_figures_are_what_the_tool_computes(tmp_path):
    """The shipped files are the tool's output, unedited (and the tool is deterministic)."""
    import subprocess
    import sys

    from helpers import ROOT, SHARED

    if not (SHARED / "data" / "ner").is_dir():
        pytest.skip("../shared is absent (the NER corpora are third-party data)")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_name_words.py"),
                    "--out", str(tmp_path)], check=True)
    lexicon = ROOT / "src" / "ghatna" / "data" / "kb" / "lexicon"
    for name in ("name_words.tsv", "common_words.tsv"):
        assert (tmp_path / name).read_text("utf-8") == (lexicon / name).read_text("utf-8")


@pytest.mark.parametrize("text, name", [
    ("महात्मा गांधी राष्ट्रीय ग्रामीण रोजगार गारंटी योजना के तहत मजदूरी बढ़ी।", "महात्मा गांधी"),
    ("जवाहरलाल नेहरू विश्वविद्यालय में छात्रों ने प्रदर्शन किया।", "जवाहरलाल नेहरू"),
    ("इंदिरा गांधी अंतरराष्ट्रीय हवाई अड्डे पर उड़ानें रद्द हुईं।", "इंदिरा गांधी"),
    ("राजीव गांधी पंचायत सशक्तीकरण अभियान के लिए राशि जारी हुई।", "राजीव गांधी"),
])
def test_a_name_given_to_a_scheme_or_place_is_no_mention_of_the_person(linker, text, name):
    assert name not in ids(linker, text)
    # nor when the NER stage marked the name as a person
    art = linker.link_article(_article(text, [name]))
    assert all(m.entity is None for m in art.mentions if m.text == name)


def test_the_person_is_linked_beside_such_words(linker):
    found = ids(linker, "महात्मा गांधी ने योजना बनाई और नरेंद्र मोदी राष्ट्रीय राजधानी पहुंचे।")
    assert found["महात्मा गांधी"] == "per:mahatma_gandhi"
    assert found["नरेंद्र मोदी"] == "per:narendra_modi"


@pytest.mark.parametrize("text, title", [
    ("सरदार पटेल की जयंती पर गांव के सरदार ने भाषण दिया।", "सरदार"),
    ("पंडित रविशंकर के शिष्य पंडित ने सितार बजाया।", "पंडित"),
])
def test_titles_are_no_short_forms(linker, text, title):
    """A title opening a name (सरदार पटेल) does not name that person alone."""
    assert not any(m.text == title and m.entity is not None for m in link_text(linker, text))


def test_a_demonym_naming_a_currency_is_no_state(linker):
    assert ids(linker, "निर्यात 400 अरब अमेरिकी डॉलर तक पहुंच गया।") == {}
    assert ids(linker, "अमेरिकी सेना ने हमला किया।") == {"अमेरिकी सेना": "agent:USAMIL:military"}


def test_more_bodies_and_spellings(linker):
    found = ids(linker, "ईबीआरडी और नैटो के प्रतिनिधियों ने एनसीएलटी के फैसले पर चर्चा की।")
    assert found == {"ईबीआरडी": "IGO:EBRD", "नैटो": "IGO:NATO", "एनसीएलटी": "org:nclt"}


def test_the_centre_is_indias_government(linker):
    assert ids(linker, "केंद्र सरकार ने नई नीति की घोषणा की।") == {"केंद्र सरकार": "agent:INDGOV:government"}


@pytest.mark.parametrize("text, phrase, entity", [
    ("सुप्रीम कोर्ट ने राज्य सरकार से जवाब मांगा।", "सुप्रीम कोर्ट", "agent:INDJUD:supreme_court"),
    ("सर्वोच्च न्यायालय ने याचिका खारिज कर दी।", "सर्वोच्च न्यायालय", "agent:INDJUD:supreme_court"),
    ("बांग्लादेश के सुप्रीम कोर्ट ने चुनाव रद्द किया।", "बांग्लादेश के सुप्रीम कोर्ट",
     "agent:BGDJUD:supreme_court"),
    ("अमेरिकी सुप्रीम कोर्ट ने फैसला पलट दिया।", "अमेरिकी सुप्रीम कोर्ट", "agent:USAJUD:supreme_court"),
    ("जिला अदालत ने जमानत दे दी।", "अदालत", "agent:JUD:court"),
])
def test_a_supreme_court_named_bare_is_indias(linker, text, phrase, entity):
    """Hindi news names India's supreme court bare and another state's with its state."""
    assert ids(linker, text)[phrase] == entity


def test_the_houses_of_parliament_but_not_their_elections(linker):
    assert ids(linker, "विधेयक पर लोकसभा में बहस हुई और राज्य सभा ने उसे लौटा दिया।") == {
        "लोकसभा": "org:lok_sabha", "राज्य सभा": "org:rajya_sabha"}
    assert ids(linker, "अगले लोकसभा चुनाव में पार्टी अकेले लड़ेगी।") == {}
    assert "लोक सभा" not in ids(linker, "यह लोक सभा निर्वाचन क्षेत्र है।")


@pytest.mark.parametrize("text, word, entity", [
    ("नीतीश ने कहा कि बिहार में गठबंधन मजबूत है।", "नीतीश", "per:nitish_kumar"),
    ("चुनाव से पहले अखिलेश का भाजपा पर हमला।", "अखिलेश", "per:akhilesh_yadav"),
])
def test_a_leader_named_by_one_word_hindi_news_uses_alone(linker, text, word, entity):
    assert ids(linker, text)[word] == entity
