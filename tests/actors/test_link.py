"""The link stage: seeds, agents, short forms, NER mentions, the pipeline, the quality gate."""

from __future__ import annotations

import json

import pytest
import spacy
from helpers import ROOT

from ghatna.actors.evaluate import evaluate, read_gold
from ghatna.actors.kb import _form_words
from ghatna.actors.link import build_linker, link_text
from ghatna.actors.words import simple_sentences
from ghatna.model import Article, Entity, Mention, Sentence
from ghatna.pipeline import Pipeline, registered

GOLD = ROOT / "tests" / "data" / "link_eval.tsv"
BASELINE = ROOT / "tests" / "eval_baseline.json"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def linker(settings):
    return build_linker(settings)


def linked(linker, text, date=None):
    return [(m.text, m.entity.id, m.entity.code) for m in link_text(linker, text, date)
            if m.entity is not None]


def test_seeds_link_every_listed_actor(linker):
    """The acceptance list: every spelling in the two seed articles links."""
    if not SEEDS.is_dir():
        pytest.skip("../shared is absent (the seed articles are third-party text)")
    found: dict[str, set[str]] = {}
    for path, date in (("000_04c785b988e55163.txt", "2021-03-23"),
                       ("001_448cbc235505306c.txt", "2020-09-11")):
        for m in link_text(linker, (SEEDS / path).read_text("utf-8"), date):
            if m.entity is not None:
                found.setdefault(m.text, set()).add(m.entity.id)
                if m.entity.type == "agent" and m.entity.country:
                    found.setdefault(m.text, set()).add(m.entity.country)
    want = {
        "सर्गेई लावरोव": "per:sergey_lavrov", "सर्जेई लावरोव": "per:sergey_lavrov",
        "सर्गेइ लावरोव": "per:sergey_lavrov", "लावरोव": "per:sergey_lavrov",
        "शी चिनफिंग": "per:xi_jinping", "शी जिनपिंग": "per:xi_jinping",
        "वांग यी": "per:wang_yi", "वांग": "per:wang_yi", "किम जोंग उन": "per:kim_jong_un",
        "व्लादिमीर पुतिन": "per:vladimir_putin", "ईयू": "IGO:EU", "यूरोपीय संघ": "IGO:EU",
        "अमेरिका": "USA", "ब्रिटेन": "GBR", "कनाडा": "CAN", "ईरान": "IRN",
        "उत्तर कोरिया": "PRK", "दक्षिण कोरिया": "KOR", "जापान": "JPN", "भारत": "IND",
        "एससीओ": "IGO:SCO", "शंघाई सहयाेग संगठन": "IGO:SCO", "आसियान": "IGO:ASEAN",
        "नान्निंग": "place:nanning", "रूसी": "RUS", "चीनी विदेश मंत्री": "CHN",
        "चीनी अधिकारियों": "CHN", "वाशिंगटन": "place:washington", "बीजिंग": "place:beijing",
        "प्योंगयांग": "place:pyongyang", "तेहरान": "place:tehran", "मास्को": "place:moscow",
    }
    for text, ident in want.items():
        assert ident in found.get(text, set()), (text, ident, found.get(text))


def test_dated_role_follows_the_article_date(linker):
    assert link_text(linker, "वांग यी ने कहा।", "2021-03-23")[0].entity.role == "foreign minister"
    early = link_text(linker, "नरेंद्र मोदी ने कहा।", "2010-05-01")[0].entity
    assert early.role == "chief minister of Gujarat"


@pytest.mark.parametrize("text, span, code", [
    ("चीन के विदेश मंत्री ने बयान दिया।", "चीन के विदेश मंत्री", "CHNGOV"),
    ("रूसी सेना ने हमला किया।", "रूसी सेना", "RUSMIL"),
    ("भारत सरकार ने फैसला किया।", "भारत सरकार", "INDGOV"),
    ("पाकिस्तान की पुलिस ने गिरफ्तार किया।", "पाकिस्तान की पुलिस", "PAKCOP"),
    ("अमरीकी अधिकारियों ने कहा।", "अमरीकी अधिकारियों", "USAGOV"),
    ("बीजिंग के राजनयिकों ने कहा।", "बीजिंग के राजनयिकों", "CHNGOV"),
])
def test_agents_take_the_state_named_before_them(linker, text, span, code):
    assert (span, code) in [(t, c) for t, _, c in linked(linker, text)]


def test_agent_alone_has_a_sector_but_no_state(linker):
    found = link_text(linker, "प्रदर्शनकारियों ने सड़क जाम की।")
    assert [(m.text, m.entity.sector, m.entity.country) for m in found] == \
        [("प्रदर्शनकारियों", "OPP", None)]


def test_title_before_a_named_person_leaves_the_person_and_the_state(linker):
    found = linked(linker, "चीन के विदेश मंत्री वांग यी ने कहा।", "2021-03-23")
    assert [t for t, _, _ in found] == ["चीन", "वांग यी"]


def test_short_forms_follow_the_full_name_anywhere_in_the_article(linker):
    text = "लावरोव ने बयान दिया।\nरूस के विदेश मंत्री सर्गेई लावरोव ने कहा।\nउन्होंने कहा कि लावरोव जाएंगे।"
    ids = [i for t, i, _ in linked(linker, text) if "लावरोव" in t]
    assert ids == ["per:sergey_lavrov"] * 3
    # a short form alone, with no full name in the article, is not guessed
    assert not [t for t, _, _ in linked(linker, "वांग ने कहा।")]


@pytest.mark.parametrize("text", [
    "उन्होंने अमेरिका से आग्रह किया।",
    "चीन पर बढ़ती निर्भरता।",
    "शहर की सूरत बदल गई।",
    "उन देशों ने कुछ नहीं कहा।",
])
def test_common_words_are_not_linked(linker, text):
    assert all(t not in ("आग्रह", "बढ़ती", "सूरत", "उन") for t, _, _ in linked(linker, text))


def _article_with_tokens(text: str) -> Article:
    nlp = spacy.blank("hi")
    tokens = [(t.idx, t.idx + len(t.text)) for t in nlp(text)]
    art = Article(raw=text, doc="t", text=text, language="hi", date="2021-03-23")
    art.sentences = [Sentence(0, "body", 0, len(text), text, tokens)]
    return art


def test_ner_mentions_are_linked_or_kept(linker):
    text = "सर्जेइ लावरोफ़ और राम प्रसाद ने चीन में बात की।"
    art = _article_with_tokens(text)
    start = text.index("सर्जेइ लावरोफ़")
    art.mentions = [
        Mention(0, start, start + len("सर्जेइ लावरोफ़"), "सर्जेइ लावरोफ़", "PER", source="ner"),
        Mention(0, text.index("राम प्रसाद"), text.index("राम प्रसाद") + 10, "राम प्रसाद", "PER",
                source="ner"),
        Mention(0, text.index("चीन"), text.index("चीन") + 3, "चीन", "LOC", source="ner"),
    ]
    linker.link_article(art)
    by_text = {m.text: m for m in art.mentions}
    assert by_text["सर्जेइ लावरोफ़"].entity.id == "per:sergey_lavrov"
    assert by_text["राम प्रसाद"].entity is None and by_text["राम प्रसाद"].source == "ner"
    assert by_text["चीन"].entity.id == "CHN"
    assert len([m for m in art.mentions if m.text == "चीन"]) == 1  # one mention per span


def test_a_shared_surname_with_another_given_name_is_another_person(linker):
    # the knowledge base knows ए आर रहमान; शेरी रहमान shares the surname only
    text = "मंत्री शेरी रहमान और सर्जेई लावरोव ने बात की।"
    art = _article_with_tokens(text)
    art.mentions = [Mention(0, text.index(n), text.index(n) + len(n), n, "PER", source="ner")
                    for n in ("शेरी रहमान", "सर्जेई लावरोव")]
    linker.link_article(art)
    by_text = {m.text: m for m in art.mentions}
    assert by_text["शेरी रहमान"].entity is None
    assert by_text["सर्जेई लावरोव"].entity.id == "per:sergey_lavrov"  # a spelling of the same name


def test_a_short_word_only_sounding_like_a_state_is_not_that_state(linker):
    # the Odia surname जेना sounds like चीन to the phonetic key, but states are written as known
    assert "CHN" not in [e for _, e, _ in linked(linker, "पूर्व मंत्री श्रीकांत जेना पर कार्रवाई हुई।")]
    assert "CHN" in [e for _, e, _ in linked(linker, "चीन पर कार्रवाई हुई।")]


def test_link_text_offsets_point_into_the_text(linker):
    text = "पहला वाक्य।\nदूसरे वाक्य में जापान और कनाडा हैं।"
    for m in link_text(linker, text):
        assert text[m.start:m.end] == m.text


def test_simple_sentences_tokenise():
    sents = simple_sentences("चीन ने कहा। रूस ने भी कहा!\nतीसरा")
    assert [s.text for s in sents] == ["चीन ने कहा।", "रूस ने भी कहा!", "तीसरा"]
    assert sents[1].token_texts()[0] == "रूस"


def test_stage_is_registered_and_runs_in_the_pipeline(settings):
    spec = registered()["link"]
    assert spec.requires == ("sentences",) and spec.assigns == ("mentions",)
    assert "link" in settings["pipeline"]["stages"]
    pipe = Pipeline(settings, ["clean", "langid", "segment", "link"])
    art = pipe(Article(raw="चीन और रूस ने हाथ मिलाया\n\nचीन के विदेश मंत्री वांग यी ने मॉस्को में "
                           "रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की।", doc="x",
                       date="2021-03-23"))
    codes = [(m.text, m.entity.code) for m in art.mentions if m.entity]
    assert ("वांग यी", "CHNGOV") in codes and ("सर्गेई लावरोव", "RUSGOV") in codes
    for m in art.mentions:
        assert art.sentence_text(art.sentences[m.sentence_index])[m.start:m.end] == m.text


def test_eval_file_marks_unseen_spellings_truthfully(linker):
    """Rows marked seen=no must not be written in the knowledge base (kept honest)."""
    rows = read_gold(GOLD)
    assert len(rows) >= 300
    assert sum(not r.seen for r in rows) >= 80
    kb = linker.kb
    for row in rows:
        if row.gold.startswith("code:") or row.gold == "NONE":
            continue
        assert row.gold in kb, row.gold
        norm = " ".join(_form_words(row.mention.split("@")[0]))
        written = any(e == row.gold for e, _ in kb.index.get(norm, []))
        assert written == row.seen, (row.id, row.mention)


def test_link_accuracy_gate(linker):
    score = evaluate(linker, read_gold(GOLD))
    minimum = json.loads(BASELINE.read_text("utf-8"))
    assert score.accuracy >= minimum["link_accuracy"], score.errors
    unseen = score.by_seen["unseen"]
    assert unseen[0] / unseen[1] >= minimum["link_accuracy_unseen"], score.errors


def test_entity_model_round_trip():
    ent = Entity("per:x", "X", "person", "IND", None, "GOV", "INDGOV", "minister")
    assert Mention(0, 0, 1, "x", "PER", ent, "kb").to_dict()["entity"]["code"] == "INDGOV"


@pytest.mark.parametrize("text, ident", [
    ("डब्ल्यू.एच.ओ. ने चेतावनी दी।", "IGO:WHO"),
    ("यू.एन. ने अपील की।", "IGO:UN"),
    ("नान निंग शहर में बैठक हुई।", "place:nanning"),
])
def test_forms_written_in_pieces(linker, text, ident):
    assert ident in [i for _, i, _ in linked(linker, text)]


def test_leader_surname_alone_and_a_first_name_that_is_a_function_word(linker):
    assert [i for _, i, _ in linked(linker, "जिनपिंग ने कहा।")] == ["per:xi_jinping"]
    assert [i for _, i, _ in linked(linker, "जो बिडेन ने कहा।")] == ["per:joe_biden"]
    # not South Asian surnames that many share, nor after another name word
    assert not linked(linker, "बनर्जी ने कहा।")
    assert not [i for _, i, _ in linked(linker, "उन्होंने कहा कि जो लोग आए।")]


def test_agents_after_a_region_and_not_across_brackets(linker):
    found = linked(linker, "हरियाणा पुलिस ने रोका। भारत, अमेरिका और जापान) के नेताओं ने बात की।")
    assert ("हरियाणा पुलिस", "agent:INDCOP:police", "INDCOP") in found
    assert ("नेताओं", "agent:GOV:leaders", "GOV") in found


def test_unseen_demonym_spellings(linker):
    found = link_text(linker, "फ्रांसिसी राष्ट्रपति ने कहा। उन्होंने अंग्रेजी में भाषण दिया।")
    assert [(m.text, m.entity.country) for m in found if m.entity.country] == \
        [("फ्रांसिसी राष्ट्रपति", "FRA")]


def test_a_leaders_government(linker):
    found = linked(linker, "अमेरिका के बाइडन प्रशासन ने और मोदी सरकार ने कहा।", "2022-01-01")
    assert ("बाइडन प्रशासन", "agent:USAGOV:administration", "USAGOV") in found
    assert ("मोदी सरकार", "agent:INDGOV:government", "INDGOV") in found


def test_link_heldout_gate(linker):
    """A set written by someone who never saw the knowledge base, judged by canonical
    names, states and acronyms as an outside grader would."""
    score = evaluate(linker, read_gold(ROOT / "tests" / "data" / "link_heldout.jsonl"))
    minimum = json.loads(BASELINE.read_text("utf-8"))["link_heldout_accuracy"]
    assert score.accuracy >= minimum, score.errors


@pytest.mark.parametrize("text, mention, ident, code", [
    ("इसरो ने नए उपग्रह का प्रक्षेपण किया।", "इसरो", "org:isro", "INDGOV"),
    ("सशस्त्र सीमा बल और असम राइफल्स के जवान तैनात हैं।", "असम राइफल्स", "org:assam_rifles", "INDMIL"),
    ("भारतीय प्रतिभूति और विनिमय बोर्ड ने जुर्माना लगाया।", "भारतीय प्रतिभूति और विनिमय बोर्ड",
     "org:sebi", "INDGOV"),
    ("बुंदेलखंड और विदर्भ में सूखे से किसान परेशान हैं।", "विदर्भ", "place:vidarbha", "IND"),
    ("कुमाऊं और गढ़वाल में भारी बारिश हुई।", "गढ़वाल", "place:garhwal", "IND"),
    ("दक्षिण अमेरिका के देशों ने बैठक की।", "दक्षिण अमेरिका", "place:south_america", None),
    ("सरदार वल्लभभाई पटेल ने रियासतों का विलय कराया।", "सरदार वल्लभभाई पटेल",
     "per:vallabhbhai_patel", "INDGOV"),
])
def test_indian_institutions_regions_and_figures(linker, text, mention, ident, code):
    found = {m.text: (m.entity.id, m.entity.code) for m in link_text(linker, text, "1949-01-01"
             if ident.startswith("per:") else "2024-01-01") if m.entity is not None}
    assert found.get(mention) == (ident, code)


@pytest.mark.parametrize("date, code, role", [
    ("1975-06-25", "INDGOV", "prime minister"),
    ("1978-06-01", "INDELI", "former prime minister"),   # between her two terms
    ("1982-01-01", "INDGOV", "prime minister"),
    ("1960-01-01", "IND", "no known role on 1960-01-01"),  # before her first office
])
def test_a_past_prime_ministers_dated_roles(linker, date, code, role):
    ent = next(m.entity for m in link_text(linker, "इंदिरा गांधी ने कहा।", date)
               if m.entity is not None)
    assert (ent.id, ent.code, ent.role) == ("per:indira_gandhi", code, role)


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "ner").is_dir(),
                    reason="../shared/data/ner is absent (the set is references into it)")
@pytest.mark.parametrize("name, kept, key", [
    ("link_blind.refs.jsonl", 187, "link_blind_accuracy"),
    ("link_blind2.refs.jsonl", 264, "link_blind2_accuracy"),
    ("link_blind3.refs.jsonl", 202, "link_blind3_accuracy"),
    ("link_blind4.refs.jsonl", 192, "link_blind4_accuracy"),
])
def test_link_blind_set_gate(linker, tmp_path, name, kept, key):
    """The blind linking sets (tests/data/events_blind.README.md; development data since
    they were scored), rebuilt from their references by tools/corpus_sample.py link."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import corpus_sample

    gold = tmp_path / "gold.jsonl"
    assert corpus_sample.main(["link", str(ROOT / "tests" / "data" / name), "-o", str(gold)]) == 0
    rows = read_gold(gold)
    assert len(rows) == kept and all(row.span() for row in rows)
    score = evaluate(linker, rows)
    minimum = json.loads(BASELINE.read_text("utf-8"))[key]
    assert score.accuracy >= minimum, score.errors


@pytest.mark.parametrize("text, mention, ident", [
    # आईसीसी: the criminal court, unless the article speaks of cricket (topic_words.tsv)
    ("हेग स्थित आईसीसी ने युद्ध अपराधों के आरोप में वारंट जारी किया।", "आईसीसी", "IGO:ICC"),
    ("आईसीसी ने टी20 विश्व कप का कार्यक्रम घोषित किया और सभी टीमों को सूचना भेजी।", "आईसीसी",
     "org:icc_cricket"),
    ("अंतरराष्ट्रीय आपराधिक अदालत ने पूर्व राष्ट्रपति को दोषी ठहराया।",
     "अंतरराष्ट्रीय आपराधिक अदालत", "IGO:ICC"),
    # international courts, agencies, banks and regional bodies
    ("चीन ने स्थायी मध्यस्थता न्यायालय का फैसला मानने से इनकार कर दिया।",
     "स्थायी मध्यस्थता न्यायालय", "IGO:PCA"),
    ("अफ्रीकी विकास बैंक ने केन्या को कर्ज दिया।", "अफ्रीकी विकास बैंक", "IGO:AFDB"),
    ("भारत को परमाणु आपूर्तिकर्ता समूह में प्रवेश नहीं मिला।", "परमाणु आपूर्तिकर्ता समूह",
     "IGO:NSG"),
    ("अंतरराष्ट्रीय नागरिक उड्डयन संगठन ने सुरक्षा मानकों पर चिंता जताई।",
     "अंतरराष्ट्रीय नागरिक उड्डयन संगठन", "IGO:ICAO"),
    ("इकोवास ने नाइजर पर प्रतिबंध लगा दिए।", "इकोवास", "IGO:ECOWAS"),
    # the LTTE as Hindi news named it
    ("तमिल विद्रोहियों ने उत्तर में सेना के ठिकाने पर हमला किया।", "तमिल विद्रोहियों", "ag:ltte"),
])
def test_international_courts_and_bodies(linker, text, mention, ident):
    found = {m.text: m.entity.id for m in link_text(linker, text, "2024-01-01")
             if m.entity is not None}
    assert found.get(mention) == ident


@pytest.mark.parametrize("text, date, mention, ident, role", [
    ("मुख्य चुनाव आयुक्त नसीम जैदी ने मतदान की तारीखें घोषित कीं।", "2016-01-04", "नसीम जैदी",
     "per:nasim_zaidi", "chief election commissioner"),
    ("विदेश सचिव निरुपमा राव ने इस्लामाबाद में वार्ता की।", "2010-06-24", "निरुपमा राव",
     "per:nirupama_rao", "foreign secretary"),
    ("पूर्व थलसेना अध्यक्ष वीके सिंह ने रैली को संबोधित किया।", "2013-09-15", "वीके सिंह",
     "per:vk_singh", "former army chief"),
])
def test_senior_officials_by_office(linker, text, date, mention, ident, role):
    found = {m.text: (m.entity.id, m.entity.role) for m in link_text(linker, text, date)
             if m.entity is not None}
    assert found.get(mention) == (ident, role)


@pytest.mark.parametrize("text, date, mention, ident, code", [
    ("लार्ड कर्जन ने बंगाल के विभाजन की घोषणा की।", "1905-07-19", "लार्ड कर्जन",
     "per:lord_curzon", "GBRGOV"),
    ("लॉर्ड माउंटबेटन ने सत्ता हस्तांतरण की योजना रखी।", "1947-06-03", "लॉर्ड माउंटबेटन",
     "per:lord_mountbatten", "GBRGOV"),
])
def test_governors_general_and_viceroys_of_india(linker, text, date, mention, ident, code):
    found = {m.text: (m.entity.id, m.entity.code) for m in link_text(linker, text, date)
             if m.entity is not None}
    assert found.get(mention) == (ident, code)
