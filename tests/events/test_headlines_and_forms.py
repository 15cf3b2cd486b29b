"""Trigger matching that holds on unseen news: inflected light verbs, headline grammar,
glosses in brackets, and what is not an event. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from ghatna.events.coding import Processor
from ghatna.events.patterns import load_patterns


@pytest.fixture(scope="module")
def proc(settings):
    return Processor(settings)


def _types(proc, text):
    return [e["event"] for e in proc.code_text(text, id="t", date="2025-02-10")["events"]]


def _keys(refs):
    return sorted({r.get("country") or f"IGO:{r.get('org')}" for r in refs if r.get("country") or r.get("org")})


@pytest.mark.parametrize("text, etype", [
    # plural, feminine and honorific forms of the light verb
    ("दोनों विदेश मंत्रियों ने दिल्ली में दो बैठकें कीं।", "CONSULT"),
    ("रूस और यूक्रेन के प्रतिनिधियों के बीच तुर्की में कई दौर की बातचीत हुईं।", "CONSULT"),
    ("जापान और वियतनाम ने रक्षा समझौते पर हस्ताक्षर किये।", "AGREE"),
    # compound verbs: the stem before a vector verb
    ("नेपाल ने हिरासत में लिए गए भारतीय मछुआरों को रिहा कर दिया।", "RETREAT"),
    ("पाकिस्तान ने पकड़े गए जवानों को भारत को सौंप दिया।", "RETREAT"),
    ("घोटाले के आरोपों के बाद जर्मनी के वित्त मंत्री ने पद छोड़ दिया।", "RETREAT"),
    # passive
    ("दिल्ली में तीन संदिग्ध आतंकियों को गिरफ्तार किया गया।", "COERCE"),
])
def test_inflected_and_compound_light_verbs(proc, text, etype):
    assert etype in _types(proc, text)


@pytest.mark.parametrize("text, etype", [
    # the verb before its object, no auxiliary
    ("सीबीआई ने पूर्व विधायक को किया गिरफ्तार", "COERCE"),
    ("हाईकोर्ट ने जमानत याचिका को किया खारिज", "REJECT"),
    ("पुलिस ने प्रदर्शनकारियों पर दागे आंसू गैस के गोले", "COERCE"),
    # a compound verb before its object
    ("नकाबपोश हमलावरों ने व्यापारी पर कर दी फायरिंग", "ASSAULT"),
    ("जिला प्रशासन ने आंदोलनकारी किसानों पर कर दिया लाठीचार्ज", "COERCE"),
    ("घोटाले में नाम आने के बाद राज्य मंत्री ने दे दिया इस्तीफा", "RETREAT"),
    # the predicate and its verb before the object
    ("हिंसा के बाद जिला प्रशासन ने तीन दिन के लिए बंद कर दिया इंटरनेट", "COERCE"),
    # the verb between the partner and the talk
    ("बाढ़ के बाद प्रधानमंत्री ने नेपाल के प्रधानमंत्री से की बात", "CONSULT"),
    ("विपक्ष ने नए कानून पर की आपत्ति", "ACCUSE"),
    # no verb at all: the participle ends the headline
    ("चुनाव आयोग का अधिकारी रिश्वत लेते गिरफ्तार", "COERCE"),
    ("सीमा पर तीन घुसपैठिए ढेर", "ASSAULT"),
])
def test_headline_grammar(proc, text, etype):
    assert etype in _types(proc, text)


def test_a_compound_verb_alone_opens_no_headline_object(proc):
    assert _types(proc, "मजदूरों ने काम पूरा कर दिया और घर लौट गए।") == []


def test_a_headline_is_coded_the_same_alone_and_as_a_title(proc):
    """Headline readings depend on the line's form, not on its being sentence 0."""
    line = "कश्मीर में सेना के काफिले पर आतंकी हमला"
    alone = [e["event"] for e in proc.code_text(line, id="a", date="2025-02-10")["events"]]
    article = proc.article("सेना ने इलाके की घेराबंदी कर दी है।", date="2025-02-10", title=line)
    titled = [e.event for e in article.events if e.sentence_index == 0]
    assert alone == titled == ["ASSAULT"]


def test_a_gloss_in_brackets_does_not_break_the_trigger(proc):
    events = proc.code_text("भारत ने व्यापार समझौते (Free Trade Agreement) को निलंबित कर दिया।",
                            id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["SANCTION"]
    assert _keys(events[0]["actor"]) == ["IND"]


@pytest.mark.parametrize("text", [
    "युवा बल्लेबाज ने फाइनल में शानदार प्रदर्शन किया।",        # a performance
    "प्रवक्ता ने सभी सवालों का विस्तार से जवाब दिया।",          # answered
    "ये सुधार छोटे उद्योगों को पूंजी जुटाने में मदद करेंगे।",       # ordinary language
    "इस योजना में किसानों को सस्ता ऋण देने का लक्ष्य रखा गया है।",
    "भारत को निशाना बनाना अनुचित है।",                          # an infinitive as a noun
    "राज्यों की मदद करने में आयोग की बड़ी भूमिका है।",            # a way of doing, not a deed
    "ऐसे धमाकों से निपटने के लिए पुलिस के पास साधन नहीं हैं।",      # a kind of event
    "इन झड़पों में अक्सर बेकसूर लोग घायल होते हैं।",               # what happens as a rule
    "धमाकों में घायल लोगों के परिजन अस्पताल के बाहर जमा हैं।",       # inside a phrase
    "सीआरपीएफ के पांच अफसरों को तीन जिलों में टीम का नेतृत्व दिया गया है।",  # a team is sent, not given
    "भारत का नया संसद भवन तेज़ी से तैयार हो रहा है।",              # being built, not willing
    "केंद्रीय मंत्रिमंडल ने रेलवे की नई नीति को मंज़ूरी दे दी।",         # an administrative approval
    "उपराष्ट्रपति ने देशवासियों को दीपावली की शुभकामनाएं दीं।",        # festival greetings
    "मकर संक्रांति पर मुख्यमंत्री ने देशवासियों को बधाई दी",
])
def test_not_events(proc, text):
    assert _types(proc, text) == []


def test_what_a_refusal_refuses_is_not_an_event_of_its_own(proc):
    assert _types(proc, "ईरान ने अमेरिका के साथ सीधी बातचीत से इनकार कर दिया।") == ["REJECT"]
    assert _types(proc, "प्रधानमंत्री ने विपक्ष की जांच की मांग ठुकरा दी।") == ["REJECT"]


@pytest.mark.parametrize("text, etype", [
    # the act demanded, threatened or alleged is the content of that act, not a deed
    ("पाकिस्तान ने अमेरिका से भारत को हथियार न देने की मांग रखी।", "REQUEST"),
    ("ईरान ने रूस से और ड्रोन भेजने का अनुरोध दोहराया।", "REQUEST"),
    ("चीन ने ताइवान पर हमला करने की धमकी दी।", "THREATEN"),
])
def test_the_content_of_a_demand_is_not_an_event(proc, text, etype):
    assert _types(proc, text) == [etype]


@pytest.mark.parametrize("text, etype", [
    # synonyms and light verbs of Hindi news
    ("भारत ने चीन के नए नक्शे पर कड़ा ऐतराज़ जताया।", "ACCUSE"),
    ("रूसी सेना नदी के पूर्वी किनारे से पीछे हट गई।", "RETREAT"),
    ("पुलिस ने पूरे इलाके की घेराबंदी कर दी।", "COERCE"),
    ("काबुल में एक आत्मघाती हमलावर ने खुद को उड़ा लिया।", "ASSAULT"),
    ("यूक्रेन ने एक रूसी युद्धपोत को डुबो दिया।", "ASSAULT"),
    ("अमेरिका ने ईरान को परमाणु कार्यक्रम रोकने की हिदायत दी।", "REQUEST"),
    ("भारत और नेपाल के अधिकारियों के बीच बातचीत का सिलसिला जारी है।", "CONSULT"),
    ("राज्य सरकार ने अपनी चूक मान ली।", "CONCEDE"),
    ("ईरान ने इन प्रतिबंधों पर कई बार अपनी नाराज़गी जाहिर की है।", "ACCUSE"),
    ("जांच एजेंसी ने पूर्व मंत्री से घंटों पूछताछ की।", "ACCUSE"),
    ("भीड़ ने दो लोगों को ज़िंदा जला दिया।", "ASSAULT"),
    ("पुलिस ने प्रदर्शनकारियों के साथ मारपीट की।", "ASSAULT"),
    # the conjunctive participle (करके) is a deed before the main verb
    ("सोमवार को रूसी राजदूत ने विदेश सचिव से मुलाकात करके अपना विरोध दर्ज कराया।", "CONSULT"),
    ("डीएमके के चौदह सांसदों ने अपना इस्तीफ़ा पार्टी अध्यक्ष करुणानिधि को सौंप दिया।", "RETREAT"),
    ("विपक्ष के सांसदों ने सदन में जमकर हंगामा किया।", "PROTEST"),
    ("पुलिस ने प्रदर्शनकारियों को वहाँ से खदेड़ दिया।", "COERCE"),
    ("संयुक्त राष्ट्र में इस प्रस्ताव को कई देशों का समर्थन मिला।", "SUPPORT"),
    ("नेपाल ने सीमा समझौते पर संतोष जताया।", "SUPPORT"),
    ("मंत्री ने जांच में हुई चूक स्वीकारी।", "CONCEDE"),
    ("शिक्षकों ने बीस दिन बाद अपनी हड़ताल समाप्त कर दी।", "RETREAT"),
    ("सामाजिक कार्यकर्ता ने आश्वासन मिलने पर अनशन तोड़ दिया।", "RETREAT"),
    ("झड़प के बाद कस्बे में हिंसा भड़क उठी।", "PROTEST"),
    ("विपक्ष का आरोप है कि सरकार आंकड़े छिपा रही है।", "ACCUSE"),
    ("श्रमिक संघ ने श्रम अदालत का दरवाज़ा खटखटाया।", "ACCUSE"),       # going to court
    ("उग्रवादियों ने रात में दो पुलों को उड़ा दिया।", "ASSAULT"),          # blown up
    ("विद्रोहियों ने सेना पर हमले रोक दिए हैं।", "RETREAT"),              # attacks halted
    ("पीड़ित परिवार ने मुख्यमंत्री से मांगी सुरक्षा", "REQUEST"),           # asked someone for
    ("भाजपा ने कांग्रेस के फ़ैसले को अलोकतांत्रिक बताया।", "ACCUSE"),        # words of censure
    ("मुख्यमंत्री ने विपक्षी दल पर निशाना लगाया।", "ACCUSE"),
])
def test_synonyms_and_light_verbs(proc, text, etype):
    assert etype in _types(proc, text)


def test_an_order_or_announcement_reports_the_act(proc):
    assert "MOBILIZE" in _types(proc, "गृह मंत्रालय ने असम में अर्धसैनिक बलों की दस कंपनियां भेजने का आदेश दिया।")


def test_an_earlier_event_as_a_point_in_time_is_background(proc):
    types = _types(proc, "धमाके के दो दिन बाद पुलिस ने चार संदिग्धों को गिरफ्तार किया।")
    assert types == ["COERCE"]


def test_cooperation_needs_a_party_but_an_unnamed_agent_counts(proc):
    assert _types(proc, "गांव वालों ने तहसीलदार से पुल बनवाने की अपील की।") == ["REQUEST"]
    assert _types(proc, "कई देशों ने युद्धविराम समझौते का स्वागत किया है।") == ["SUPPORT"]


def test_a_single_actor_is_not_its_own_recipient(proc):
    events = proc.code_text("जर्मनी ने जर्मनी की नई नीति की आलोचना की।", id="t", date="2025-02-10")["events"]
    assert all(not (_keys(e["actor"]) == ["DEU"] and e["recipient"] and
                    e["recipient"][0]["start"] == e["actor"][0]["start"]) for e in events)


def test_verbs_are_named_by_their_infinitives(tmp_path):
    """A user pattern names a verb by its infinitive and matches all its forms."""
    f = tmp_path / "mine.yaml"
    f.write_text('patterns:\n- {id: coerce.nazarband, type: COERCE, words: ["नजरबंद @रखना"]}\n', "utf-8")
    ps = load_patterns(str(f))
    for sentence in ("उन्हें घर में नजरबंद रखा गया", "नेताओं को नजरबंद रखेंगे"):
        assert any(m.pattern.id == "coerce.nazarband" for m in ps.match(sentence.split()))


def test_a_news_agency_is_the_source_never_a_party(proc):
    events = proc.code_text("एएनआई के मुताबिक ईरान ने इजराइल के हमले की निंदा की।", id="t",
                            date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["ACCUSE"]
    assert all("IRN" != k for e in events for k in _keys(e["recipient"]))
    assert _keys(events[0]["actor"]) == ["IRN"]


@pytest.mark.parametrize("text, actor, recipient", [
    ("भारत के प्रधानमंत्री ने व्हाइट हाउस में जो बाइडेन से मुलाकात की।", ["IND"], ["USA"]),
    ("जो बाइडन ने यूक्रेन के राष्ट्रपति से फोन पर बात की।", ["USA"], ["UKR"]),
])
def test_a_name_that_begins_with_jo_is_not_a_relative_clause(proc, text, actor, recipient):
    events = proc.code_text(text, id="t", date="2023-05-10")["events"]
    consult = [e for e in events if e["event"] == "CONSULT"]
    assert consult and set(_keys(consult[0]["actor"] + consult[0]["recipient"])) == set(actor + recipient)


@pytest.mark.parametrize("text, actor, victims", [
    ("इजराइल के हवाई हमलों में लेबनान के बारह लोग मारे गए।", ["ISR"], "लेबनान"),
    ("सूडानी सेना की गोलाबारी में कई नागरिक मारे गए।", ["SDN"], "नागरिक"),
])
def test_the_genitive_of_an_attack_noun_is_its_agent(proc, text, actor, victims):
    events = [e for e in proc.code_text(text, id="t", date="2025-02-10")["events"] if e["event"] == "ASSAULT"]
    assert events and _keys(events[0]["actor"]) == actor
    assert [r["text"] for r in events[0]["recipient"]] == [victims]  # who died, not the attacker


def test_the_consequent_of_a_condition_has_its_own_subject(proc):
    """अगर X ने … तो Y …: Y acts in the consequent, hypothetically; X is only the condition."""
    events = proc.code_text("अगर चीन ने ताइवान पर हमला किया तो अमेरिका जवाबी कार्रवाई कर सकता है।",
                            id="t", date="2025-02-10")["events"]
    attack = [e for e in events if e["event"] == "ASSAULT" and e["evidence"]["trigger"]["text"].startswith("हमला")]
    assert attack and _keys(attack[0]["actor"]) == ["CHN"] and attack[0]["aux_mode"] == "hypothetical"
    later = [e for e in events if e["evidence"]["trigger"]["start"] > attack[0]["evidence"]["trigger"]["end"]]
    assert all("CHN" not in _keys(e["actor"]) for e in later)


def test_a_reported_condition_keeps_its_speaker(proc):
    events = proc.code_text("रूस के विदेश मंत्री ने कहा कि अगर प्रतिबंध हटाए गए तो रूस समझौते में "
                            "लौटने को तैयार है।", id="t", date="2025-02-10")["events"]
    agree = [e for e in events if e["event"] == "AGREE"]
    assert agree and _keys(agree[0]["actor"]) == ["RUS"] and agree[0]["aux_mode"] == "hypothetical"


@pytest.mark.parametrize("text, actor, recipient", [
    # the subject after an opening adverbial of time
    ("कई महीनों की बातचीत के बाद जापान और दक्षिण कोरिया रक्षा समझौते पर सहमत हो गए।", "JPN", "KOR"),
    # a mutual headline: both parties act on each other
    ("भारत-जापान में रक्षा सहयोग पर करार", "IND", "JPN"),
    ("भारत और जापान के बीच रक्षा सहयोग पर करार", "JPN", "IND"),
])
def test_parties_of_an_agreement(proc, text, actor, recipient):
    events = proc.code_text(text, id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["AGREE"]
    assert actor in _keys(events[0]["actor"]) and recipient in _keys(events[0]["recipient"])


@pytest.mark.parametrize("text, actor, recipient", [
    # what is unacceptable to someone: the dative is who rejects, the subject what is rejected
    ("पाकिस्तान का यह दावा भारत को मंजूर नहीं है।", "IND", "PAK"),
    # "उसे" is a pronoun with को; "उनकी सरकार" in reported speech is the speaker's
    ("श्रीलंका के राष्ट्रपति ने कहा कि चीन का यह प्रस्ताव उनकी सरकार को मंज़ूर नहीं है।", "LKA", "CHN"),
])
def test_who_finds_something_unacceptable(proc, text, actor, recipient):
    events = proc.code_text(text, id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["REJECT"]
    assert _keys(events[0]["actor"]) == [actor] and _keys(events[0]["recipient"]) == [recipient]


@pytest.mark.parametrize("text", [
    "आपात स्थिति में सेना को राहत कार्य में तैनात किया जाता है।",   # a practice
    "पुराने समय में राजा पड़ोसी राज्यों की मदद करते थे।",           # a past habit
    "राजनीतिक हलकों में इस बात की अक्सर चर्चा होती है।",              # what happens as a rule
    "राज्यपाल ने लिखा कि राज्य में राष्ट्रपति शासन लगाया जाए।",         # what should be done
    "यह संस्था जांच के दौरान आरोपियों के अधिकार बचाने में मदद करती है।",   # what it does as a rule
    "इस योजना ने छोटे व्यापारियों को कर्ज दिलाने में मदद की है।",    # a programme, not someone
    "मुख्यमंत्री ने पटना में एक संवाददाता सम्मेलन में नई नीति की जानकारी दी।",  # a press conference
    "अदालत ने दंगों के मामले में सुनवाई टाल दी।",                      # an earlier event as a case
    "मंत्री ने पत्रकारों से बातचीत में कहा कि बजट जल्द पेश होगा।",      # talking to reporters
    "राज्यपाल ने बीबीसी हिंदी से हुई बातचीत में अपना पक्ष रखा।",          # or to a news outlet
    "राशन का वितरण जांच के बाद ही जारी किया जाता है।",                 # a procedure
    "गांव वालों ने स्वयंसेवकों की मदद से अपना काम जारी रखा।",            # with someone's help
    "समिति ने राज्यों के बीच कर साझा किए जाने का सुझाव दिया।",          # what is proposed
])
def test_practices_habits_and_programmes_are_not_events(proc, text):
    assert _types(proc, text) == []


def test_in_a_headline_the_genitive_of_a_refusal_is_who_refuses(proc):
    events = proc.code_text("आरोपों से चीन सरकार का इनकार", id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["REJECT"] and _keys(events[0]["actor"]) == ["CHN"]


def test_who_died_in_an_attack_is_its_recipient(proc):
    events = proc.code_text("नक्सल हमले में 13 पुलिसकर्मी मारे गए।", id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert [r["text"] for r in events[0]["recipient"]] == ["पुलिसकर्मी"]


def test_asking_for_something_is_a_request_and_other_states_are_not_the_actors_own(proc):
    assert _types(proc, "चुनाव आयोग ने जिला प्रशासन से रिपोर्ट मांगी है।") == ["REQUEST"]
    events = proc.code_text("यूक्रेन ने पश्चिमी देशों से और मदद मांगी।", id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["REQUEST"]
    assert _keys(events[0]["actor"]) == ["UKR"] and "UKR" not in _keys(events[0]["recipient"])


def test_a_wrongdoing_in_reported_speech_is_an_accusation_by_the_speaker(proc):
    events = proc.code_text("विदेश मंत्रालय ने कहा कि पाकिस्तान ने संघर्षविराम का उल्लंघन किया है।",
                            id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["ACCUSE"]
    assert _keys(events[0]["actor"]) == ["IND"] and _keys(events[0]["recipient"]) == ["PAK"]
    # stated as a fact, with nobody saying so, it is no accusation
    assert _types(proc, "पाकिस्तान ने संघर्षविराम का उल्लंघन किया।") == []


def test_a_place_phrase_is_not_the_attackers_own_people(proc):
    events = proc.code_text("चीनी सेना ने सीमा चौकियों पर गोलाबारी की।", id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert _keys(events[0]["actor"]) == ["CHN"] and "CHN" not in _keys(events[0]["recipient"])


def test_a_speakers_present_is_a_deed(proc):
    assert _types(proc, "हम इस हमले की कड़ी निंदा करते हैं।") == ["ACCUSE"]


def test_a_first_person_subject_is_not_the_name_after_it(proc):
    events = proc.code_text("मैं राष्ट्रपति सोलिह और मालदीव के लोगों को इस सफलता के लिए बधाई देता हूँ।",
                            id="t", date="2025-02-10")["events"]
    assert [e["event"] for e in events] == ["SUPPORT"]
    assert _keys(events[0]["actor"]) == [] and "MDV" in _keys(events[0]["recipient"])


@pytest.mark.parametrize("text, actor", [
    # a state's own forces named bare fight in the country the sentence's towns lie in
    ("सेना ने श्रीनगर के एक मकान पर गोलीबारी की।", ["IND"]),
    ("पुलिस ने लाहौर के एक मदरसे पर छापा मारकर गोलीबारी की।", ["PAK"]),
    # ... but the target of an attack says nothing of whose a bare army is
    ("सेना ने पाकिस्तान पर हमला किया।", []),
    # and attackers other than forces take no state from the place
    ("हमलावरों ने काबुल के एक होटल पर हमला किया।", []),
])
def test_bare_forces_take_the_state_of_the_towns_named(proc, text, actor):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "ASSAULT"]
    assert events and _keys(events[0]["actor"]) == actor


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # an inverted headline's object may carry adjectives and a genitive before it
    ("कांग्रेस ने भाजपा पर लगाया धांधली का आरोप", "ACCUSE", ["IND"], ["IND"]),
    ("यूरोपीय संघ ने रूस पर लगाए नए प्रतिबंध", "SANCTION", ["IGO:EU"], ["RUS"]),
    # a headline's subject after its verb
    ("सीमा पर गोलीबारी की घटना पर भड़का नेपाल", "ACCUSE", ["NPL"], []),
    # the verbal attacks of Hindi political news
    ("नीतीश कुमार पर जमकर बरसे लालू यादव", "ACCUSE", ["IND"], ["IND"]),
    ("केजरीवाल ने उपराज्यपाल पर कसा तंज", "ACCUSE", ["IND"], []),
    ("विपक्ष ने सरकार की नीतियों पर दागे सवाल", "ACCUSE", [], []),
])
def test_headline_objects_subjects_and_verbal_attacks(proc, text, etype, actor, recipient):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype]
    assert events, text
    assert all(k in _keys(events[0]["actor"]) for k in actor)
    assert all(k in _keys(events[0]["recipient"]) for k in recipient)


@pytest.mark.parametrize("text", [
    "सीमा पर हिंसा भड़की",                                   # violence flares: no one lashes out
    "पहाड़ों पर बादल जमकर बरसे",                              # rain
    "राजदूत ने हमले की बरसी पर श्रद्धांजलि दी।",               # an anniversary
    "गांव को दी जाने वाली सहायता रोक दी गई।",                  # a participle, no inverted verb
    "डॉक्टरों ने सुरक्षा की मांग को लेकर काम बंद रखा।",          # the demand named as a cause
])
def test_what_looks_like_a_headline_verbal_attack_but_is_not(proc, text):
    assert "ACCUSE" not in _types(proc, text) and "REQUEST" not in _types(proc, text) \
        and "AID" not in _types(proc, text)


@pytest.mark.parametrize("text, etype, actor", [
    # की right after the ने phrase or an adverb is the verb of an inverted headline
    ("गांव में दबंगों ने जमकर की मारपीट", "ASSAULT", "दबंगों"),
    ("आयकर विभाग ने की छापेमारी", "COERCE", "आयकर विभाग"),
])
def test_ki_after_the_agent_is_the_headline_verb(proc, text, etype, actor):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype]
    assert events and events[0]["actor"] and actor in events[0]["actor"][0]["text"]


def test_ki_after_a_noun_is_the_genitive(proc):
    # "मंत्री की पिटाई" is the minister's beating, named: nothing here says it happened
    assert "ASSAULT" not in _types(proc, "मंत्री की पिटाई का वीडियो देखकर लोग हैरान हैं")


@pytest.mark.parametrize("text", [
    "विपक्ष ने सरकार के फैसले को 'गैर-जिम्मेदाराना' करार दिया।",  # a hyphenated word of a class
    "पूर्व मंत्री ने नई नीति को तानाशाही बताया।",
    "भाजपा ने कांग्रेस को बताया धोखेबाज",                        # inverted
])
def test_words_of_censure(proc, text):
    assert "ACCUSE" in _types(proc, text)


@pytest.mark.parametrize("text, etype, actor", [
    # a headline signed by its speaker: what comes before the colon is the speaker's
    ("पाकिस्तान ने फिर संघर्षविराम तोड़ा: भारतीय सेना", "ACCUSE", ["IND"]),
    ("ब्रिटेन की नीतियों की कड़ी आलोचना की: चीन", "ACCUSE", ["CHN"]),
])
def test_a_headline_signed_by_its_speaker(proc, text, etype, actor):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype]
    assert events and _keys(events[0]["actor"]) == actor


def test_a_heading_before_the_colon_is_no_speaker(proc):
    # "रिपोर्ट: …" opens a line; only a name after the last colon signs it
    events = proc.code_text("रिपोर्ट: चीन ने ब्रिटेन की आलोचना की", id="t")["events"]
    assert [_keys(e["actor"]) for e in events if e["event"] == "ACCUSE"] == [["CHN"]]


@pytest.mark.parametrize("text, etype, recipient", [
    # whom an attack or an arrest is done to, named by no entity, as written
    ("खनन माफिया ने ग्रामीणों पर गोली चलाई।", "ASSAULT", "ग्रामीणों"),
    ("दो युवकों ने किशोरी के साथ दुष्कर्म किया।", "ASSAULT", "किशोरी"),
    ("अदालत ने पूर्व मंत्री के खिलाफ वारंट जारी किया।", "COERCE", "मंत्री"),
])
def test_plain_victims_are_recipients(proc, text, etype, recipient):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == etype]
    assert events and any(recipient in r["text"] for r in events[0]["recipient"])


@pytest.mark.parametrize("text", [
    "बदमाशों ने सोमवार को गोली चलाई।",               # a time is no victim
    "घुसपैठियों ने सीमा पर गोलीबारी की।",              # a place is no victim
])
def test_times_and_places_are_no_victims(proc, text):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "ASSAULT"]
    assert events and not events[0]["recipient"]


@pytest.mark.parametrize("text, etype", [
    ("हत्या के आरोप में फरार शख्स हुआ गिरफ्तार", "COERCE"),   # होना's perfective first
    ("राजधानी में पुलिस के साथ बदमाशों का एनकाउंटर", "ASSAULT"),
    ("ईरान को फ्रांस की नसीहत- परमाणु वार्ता में लौटो", "REQUEST"),   # X की सलाह- …
    ("चुनाव नतीजों के खिलाफ हाईकोर्ट जाएगी पार्टी", "ACCUSE"),           # will go to court: sue
    ("घोटाले के बाद मंत्री का पद से इस्तीफा", "RETREAT"),                 # a resignation's headline
])
def test_more_headline_acts(proc, text, etype):
    assert etype in _types(proc, text)


@pytest.mark.parametrize("text, etype", [
    # a politician's "attack" on a party or a government is a verbal one
    ("ममता बनर्जी का भाजपा पर हमला", "ACCUSE"),
    ("अखिलेश यादव ने योगी सरकार पर हमला किया", "ACCUSE"),
    # ... unless the sentence speaks of violence, or the attackers are no politicians
    ("भाजपा नेता पर गोली चलाकर जानलेवा हमला", "ASSAULT"),
    ("चीन ने भारत पर हमला किया", "ASSAULT"),
])
def test_political_attacks_are_verbal(proc, text, etype):
    types = _types(proc, text)
    assert etype in types and ({"ACCUSE", "ASSAULT"} - {etype}).isdisjoint(types)


@pytest.mark.parametrize("text, etype", [
    # a perfective followed by a bare phrase to the end of the clause is a headline verb
    ("नेपाल ने रिहा किए 20 भारतीय मछुआरे", "RETREAT"),
    ("रूस ने जब्त किए यूक्रेन के दो जहाज", "COERCE"),
])
def test_a_headline_verb_before_its_object(proc, text, etype):
    assert etype in _types(proc, text)


def test_a_participle_before_the_verb_is_no_inverted_headline(proc):
    assert "SANCTION" not in _types(proc, "सरकार द्वारा लगाए प्रतिबंध अगले महीने हटाए जाएंगे")


@pytest.mark.parametrize("text", [
    "नीतीश कुमार सोनिया गांधी से मिले।",
    "सोनिया गांधी से मिले नीतीश कुमार",          # the headline order
])
def test_the_postposition_that_opens_a_trigger_marks_its_recipient(proc, text):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "CONSULT"]
    assert events and [r["text"] for r in events[0]["recipient"]] == ["सोनिया गांधी"]


@pytest.mark.parametrize("text, etype, recipient", [
    # an inverted headline may hold the party between its verb and its object
    ("ममता बनर्जी ने साधा केंद्र सरकार पर निशाना", "ACCUSE", "केंद्र सरकार"),
    ("उत्तर कोरिया ने दी दक्षिण कोरिया को धमकी", "THREATEN", "दक्षिण कोरिया"),
    ("चीन ने किया भारत से सीमा वार्ता से इनकार", "REJECT", "भारत"),
])
def test_a_party_between_the_inverted_verb_and_its_object(proc, text, etype, recipient):
    events = proc.code_text(text, id="t")["events"]
    assert [e["event"] for e in events] == [etype]
    assert any(recipient in r["text"] for r in events[0]["recipient"])


@pytest.mark.parametrize("text, etype", [
    ("पुलिस ने प्रदर्शनकारियों पर बल प्रयोग किया।", "COERCE"),          # use of force
    ("प्रवर्तन निदेशालय ने पूर्व मंत्री को समन भेजा।", "ACCUSE"),          # a summons
    ("आयोग ने सरकार से दोषी अधिकारियों को हटाने की सिफारिश की।", "REQUEST"),  # a recommendation
])
def test_force_summonses_and_recommendations(proc, text, etype):
    assert etype in _types(proc, text)


def test_questioning_is_of_whom_it_names(proc):
    events = [e for e in proc.code_text("सीबीआई ने पूर्व मंत्री से पूछताछ की।", id="t")["events"]
              if e["event"] == "ACCUSE"]
    assert events and "मंत्री" in events[0]["recipient"][0]["text"]


@pytest.mark.parametrize("text, coded", [
    ("उसने लगभग रोज़ मुझे फ़ोन किया।", False),                   # everyday talk
    ("उन्होंने राष्ट्रपति से फोन पर बात की।", True),              # a public actor's pronoun
])
def test_everyday_pronouns_make_no_political_meeting(proc, text, coded):
    assert ("CONSULT" in _types(proc, text)) is coded


@pytest.mark.parametrize("text, coded", [
    ("घाटी में तीन घुसपैठिए मारे गए।", True),             # fighters killed: a conflict
    ("सड़क हादसे में चार लोग मारे गए।", False),            # people killed: maybe an accident
])
def test_deaths_with_no_agent_named(proc, text, coded):
    assert ("ASSAULT" in _types(proc, text)) is coded


def test_deaths_beside_an_attack_are_its_toll(proc):
    assert _types(proc, "सुरक्षा बलों के साथ मुठभेड़ में दो उग्रवादी मारे गए।") == ["ASSAULT"]


def test_a_name_closed_by_its_head_noun_ends_its_phrase(proc):
    # "पाकिस्तान सरकार | इमरान ख़ान मामले में": the government is the subject, not inside the
    # phrase of में
    events = proc.code_text("पाकिस्तान सरकार इमरान ख़ान मामले में सुप्रीम कोर्ट गई।", id="t")["events"]
    assert [(e["event"], _keys(e["actor"])) for e in events] == [("ACCUSE", ["PAK"])]


def test_a_comma_closes_a_headlines_clause(proc):
    # the subject after the verb ends at the comma; a list goes on over its commas
    events = proc.code_text("ईरान के बयान पर भड़का सऊदी अरब, कतर के साथ आया बहरीन", id="t")["events"]
    assert [(e["event"], _keys(e["actor"]), _keys(e["recipient"])) for e in events] == [
        ("ACCUSE", ["SAU"], ["IRN"])]
    events = proc.code_text("भारत ने जापान, फ्रांस और जर्मनी के साथ बातचीत की।", id="t")["events"]
    assert _keys(events[0]["actor"] + events[0]["recipient"]) == ["DEU", "FRA", "IND", "JPN"]


@pytest.mark.parametrize("text, actor, recipient", [
    ("पाकिस्तान का बयान भड़काऊ: भारत", ["IND"], ["PAK"]),
    ("अमेरिका की नई नीति नाकाम: ईरान", ["IRN"], ["USA"]),
    ("चीन के राष्ट्रपति झूठे हैं: अमेरिका", ["USA"], ["CHN"]),
    # "X ने कहा, …": the comma in place of कि
    ("जर्मनी के चांसलर ने कहा, रूस की सरकार अलोकतांत्रिक है", ["DEU"], ["RUS"]),
])
def test_censure_signed_by_its_speaker(proc, text, actor, recipient):
    # a headline that states a censure without a verb and ends with who said it
    events = proc.code_text(text, id="t")["events"]
    assert [(e["event"], _keys(e["actor"]), _keys(e["recipient"])) for e in events] == [
        ("ACCUSE", actor, recipient)]


def test_a_headlines_subject_without_ne_leaves_the_next_phrase_its_party(proc):
    # the पर phrase's words run back over the subject; what it names after the subject is its own
    events = proc.code_text("शरद पवार केंद्र सरकार पर जमकर बरसे", id="t")["events"]
    assert [(e["event"], _keys(e["actor"]), _keys(e["recipient"])) for e in events] == [
        ("ACCUSE", ["IND"], ["IND"])]
    assert events[0]["recipient"][0]["text"] == "केंद्र सरकार"


@pytest.mark.parametrize("text", [
    "शिवसेना का आरोप, राज्य सरकार ने बाढ़ पीड़ितों की अनदेखी की",
    "किसान संगठनों का आरोप: केंद्र सरकार ने वादा तोड़ा",
])
def test_a_headlines_named_accusation_accuses_the_claims_subject(proc, text):
    # "X का आरोप," with the punctuation in place of "है कि"
    events = proc.code_text(text, id="t")["events"]
    accuse = [e for e in events if e["event"] == "ACCUSE"]
    assert len(accuse) == 1 and _keys(accuse[0]["recipient"]) == ["IND"]
    assert accuse[0]["evidence"]["trigger"]["text"] == "आरोप"  # the comma is no trigger word


def test_beating_someone_is_an_assault(proc):
    events = proc.code_text("गांव के दबंगों ने दलित किसान को लाठियों से पीटा", id="t")["events"]
    assert [(e["event"], e["cameo"]) for e in events] == [("ASSAULT", "182")]
    assert events[0]["recipient"][0]["text"].endswith("किसान")
    assert _types(proc, "सभा में नेता ने अपनी उपलब्धियों का ढिंढोरा पीटा") == []  # no one beaten
    # the verb as a noun is no deed of its own; what was done before something else is
    assert "ASSAULT" not in _types(proc, "कैदियों को पीटने के आरोप में जेलर निलंबित")
    assert "ASSAULT" in _types(proc, "भीड़ ने चोर को पीटने के बाद पुलिस को सौंप दिया")


@pytest.mark.parametrize("text", [
    "नियंत्रण रेखा पर चीनी गोलीबारी में तीन जवान शहीद",      # a demonym is whose the fire was, not where
    "बांग्लादेश की ओर से फायरिंग, सीमा चौकी पर दो जवान घायल",  # the toll after a headline's comma
])
def test_forces_another_state_attacks_are_not_the_attackers_own(proc, text):
    events = proc.code_text(text, id="t")["events"]
    assert len(events) == 1 and events[0]["event"] == "ASSAULT"
    (actor,), (victim,) = _keys(events[0]["actor"]), _keys(events[0]["recipient"])
    assert actor in ("CHN", "BGD") and victim == "IND"  # a Hindi paper's own forces


def test_relief_received_from_a_court_is_no_meeting(proc):
    assert _types(proc, "लेखिका को सुप्रीम कोर्ट से मिली राहत") == []
    assert _types(proc, "प्रधानमंत्री से मिले किसान नेता") == ["CONSULT"]


def test_a_deed_naming_who_did_it_is_background(proc):
    # "X करने वाले Y": the deed names Y; the clause's own event is what Y does
    assert "SANCTION" not in _types(proc, "दंगाइयों को सजा सुनाने वाले न्यायाधीश का तबादला")
    assert _types(proc, "सरकार और विद्रोहियों के बीच समझौता कराने वाले नेता बीमार") == []


def test_a_coachs_post_is_sport(proc):
    assert _types(proc, "जिदान को फ्रांस के कोच पद से हटाया गया") == []


def test_the_other_side_of_an_encounter_is_its_actor(proc):
    events = proc.code_text("पुलिस के साथ मुठभेड़ में मारा गया इनामी बदमाश", id="t")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert events[0]["actor"][0]["text"] == "पुलिस"


def test_a_headlines_dateline_is_where_it_happened(proc):
    events = proc.code_text("लखनऊ: निजी स्कूल में हंगामा, फीस बढ़ोतरी पर अभिभावकों का बवाल", id="t")["events"]
    assert [e["event"] for e in events] == ["PROTEST"]
    assert events[0]["location"]["text"] == "लखनऊ" and _keys(events[0]["actor"]) == ["IND"]


@pytest.mark.parametrize("text", [
    "शिवसेना ने भाजपा से झाड़ा पल्ला",                    # the idiom, in a headline's order
    "राष्ट्रीय लोक दल ने कांग्रेस से किनारा किया",
])
def test_distancing_oneself_from_a_party_is_a_rejection(proc, text):
    events = proc.code_text(text, id="t")["events"]
    assert [e["event"] for e in events] == ["REJECT"] and _keys(events[0]["recipient"]) == ["IND"]


def test_expelling_a_member_from_the_party_is_a_sanction(proc):
    events = proc.code_text("राष्ट्रीय जनता दल ने बागी विधायक को पार्टी से निकाला", id="t")["events"]
    assert [(e["event"], e["cameo"]) for e in events] == [("SANCTION", "166")]
    assert _types(proc, "वह पार्टी दफ्तर से निकलकर घर गया") == []


def test_censure_of_no_one_is_no_accusation(proc):
    # a plot foiled, signed by the army that foiled it: no party is censured
    assert _types(proc, "सीमा पर घुसपैठ की कोशिश नाकाम: सेना") == []


def test_a_headlines_bare_killing_is_an_assault(proc):
    # "X की हत्या" with the verb left out: the genitive की is no finite verb
    events = proc.code_text("जयपुर में सर्राफा व्यापारी की गोली मारकर हत्या", id="t")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert [e["event"] for e in proc.code_text("दो बच्चों की मां की हत्या, पति फरार", id="t")["events"]] \
        == ["ASSAULT"]
    # a postposed subject after a copula is no verbless clause
    assert _types(proc, "अब तक अधूरी है नहर घोटाले की जांच") == []


def test_a_headlines_bare_opposition_is_a_protest(proc):
    assert _types(proc, "भोपाल में नए भूमि कानून का विरोध") == ["PROTEST"]
    assert _types(proc, "झारखंड सरकार ने किया भूमि विधेयक का विरोध") == ["REJECT"]


def test_a_place_named_with_band_is_a_general_strike(proc):
    events = proc.code_text("किसानों की गिरफ़्तारी के ख़िलाफ़ विपक्ष का पंजाब बंद", id="t")["events"]
    assert [e["event"] for e in events] == ["PROTEST"]  # the arrests are what is opposed
    assert _types(proc, "बारिश के कारण शहर के सभी स्कूल बंद रहे।") == []


def test_victims_named_in_pairs_are_the_recipients(proc):
    # a dateline typed with a visarga; the pair before पर is whom the attack was on, and the
    # town is where it happened, not who
    events = proc.code_text("लखनऊः होली की रात दुकानदार और सिपाही पर जानलेवा हमला", id="t")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"] and events[0]["actor"] == []
    texts = [r["text"] for r in events[0]["recipient"]]
    assert "सिपाही" in texts and "लखनऊ" not in texts


def test_ready_for_talks_in_a_headline_is_one_agree(proc):
    # the copula left out; the talks are what the state is ready for, not an event
    events = proc.code_text("भारत पाकिस्तान से बातचीत को तैयार", id="t")["events"]
    assert [(e["event"], _keys(e["actor"]), _keys(e["recipient"])) for e in events] == [
        ("AGREE", ["IND"], ["PAK"])]


@pytest.mark.parametrize("text", [
    "कांग्रेस और राजद में सीटों पर समझौता",
    "भारत और श्रीलंका में करार",
])
def test_a_pair_closed_by_me_before_a_mutual_act_is_between_them(proc, text):
    # "X और Y में समझौता" is an agreement between X and Y, as "X और Y के बीच" is; two
    # parties of one state are still two parties
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "AGREE"]
    assert len(events) == 1
    actor, recipient = events[0]["actor"], events[0]["recipient"]
    assert len(actor) == 2 and [r["text"] for r in recipient] == [a["text"] for a in actor]


@pytest.mark.parametrize("text", [
    "पाकिस्तान की ओर से एलओसी पर फायरिंग",
    "चीन की ओर से सरहद पर गोलीबारी",
])
def test_a_border_line_is_where_firing_happens_not_whom_it_hits(proc, text):
    events = proc.code_text(text, id="t")["events"]
    assert [e["event"] for e in events] == ["ASSAULT"]
    assert all(r["text"] not in ("एलओसी", "सरहद") for r in events[0]["recipient"])


@pytest.mark.parametrize("text, actor, reached", [
    ("ब्रिटेन के प्रधानमंत्री कल शाम टोक्यो पहुंचे", ["GBR"], ["JPN"]),
    ("नेपाल के विदेश मंत्री पहुंचे चीन, व्यापार पर होगी बात", ["NPL"], ["CHN"]),
])
def test_a_leader_arriving_abroad_is_a_visit(proc, text, actor, reached):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "CONSULT"]
    assert [(e["mode"], _keys(e["actor"]), _keys(e["recipient"])) for e in events][:1] == [
        ("visit", actor, reached)]


@pytest.mark.parametrize("text", [
    "मुख्यमंत्री आज शाम लखनऊ पहुंचे",          # at home: no visit
    "अमेरिकी सैनिक इराक पहुंचे",                # troops arriving: a deployment, not a visit
    "दूसरा मैच खेलने मुंबई पहुंची ऑस्ट्रेलियाई टीम",  # a state's name alone: a sports team
    "बाढ़ का पानी कई गांवों तक पहुंचा",
])
def test_arriving_at_home_or_by_others_is_no_visit(proc, text):
    assert "CONSULT" not in _types(proc, text)


def test_a_title_with_its_states_genitive_is_the_subject(proc):
    # "X के प्रधानमंत्री" before the predicate is one name: its के is not the act's genitive
    events = proc.code_text("श्रीलंका के प्रधानमंत्री अगले हफ्ते इस्तीफा देंगे", id="t")["events"]
    assert [(e["event"], _keys(e["actor"])) for e in events] == [("RETREAT", ["LKA"])]


@pytest.mark.parametrize("text", [
    "उच्च न्यायालय ने दिल्ली सरकार को एक महीने में सड़कें ठीक करने का आदेश दिया",
    "सुप्रीम कोर्ट ने इस मामले में राज्य सरकार को नोटिस जारी किया है",
])
def test_an_order_or_notice_to_someone_is_a_request(proc, text):
    events = [e for e in proc.code_text(text, id="t")["events"] if e["event"] == "REQUEST"]
    assert len(events) == 1 and events[0]["recipient"]


def test_ordering_an_inquiry_names_no_one_asked(proc):
    # no one is addressed with को: an inquiry ordered is an investigation, not a request
    assert "REQUEST" not in _types(proc, "सरकार ने इस हादसे की जांच के आदेश दिए")


@pytest.mark.parametrize("text, etype", [
    ("दहेज हत्या के दोषी पति को उम्रकैद", "SANCTION"),
    ("दंगों के मामले में पूर्व विधायक को जेल", "SANCTION"),
    ("अवैध खनन पर हाईकोर्ट से राज्य सरकार को फटकार", "ACCUSE"),
])
def test_a_headlines_dative_noun_is_what_was_given(proc, text, etype):
    # "X को उम्रकैद": the verb of giving (सुनाई, दी, लगाई) left out of a headline
    assert etype in _types(proc, text)


def test_a_dative_noun_before_a_verb_is_no_headline_ellipsis(proc):
    assert "SANCTION" not in _types(proc, "दोषी को फांसी नहीं दे पाने का अफसोस है")


@pytest.mark.parametrize("text, etype", [
    ("हाईकोर्ट ने खारिज की पूर्व मंत्री की जमानत याचिका", "REJECT"),
    ("आयोग ने खारिज की दो और आपत्तियां", "REJECT"),
])
def test_after_a_ne_phrase_ki_is_the_verb_of_a_headline(proc, text, etype):
    # "… ने खारिज की X": की agrees with the object put after it, it is no genitive
    assert etype in _types(proc, text)


def test_a_genitive_ki_after_a_ne_phrase_is_no_verb(proc):
    # "ने हमलों की निंदा की": the attacks are what was condemned, not an attack
    assert _types(proc, "विदेश मंत्रालय ने सीमा पर हुए हमलों की निंदा की") == ["ACCUSE"]


@pytest.mark.parametrize("text, etype", [
    ("चुनावी रैली में विधायक ने विपक्ष के खिलाफ उगला जहर", "ACCUSE"),
    ("महंगाई के आरोपों पर वित्त मंत्री का पलटवार", "ACCUSE"),
    ("विशेष अदालत ने गिरफ्तार पत्रकार की हिरासत चार दिन बढ़ाई", "COERCE"),
])
def test_spoken_attacks_and_longer_custody(proc, text, etype):
    assert etype in _types(proc, text)


def test_a_cricket_comeback_is_no_accusation(proc):
    assert _types(proc, "ऑस्ट्रेलिया का पलटवार, मेहमान टीम 150 रन पर ढेर") == []


@pytest.mark.parametrize("text", [
    "ममता बनर्जी बोलीं- भाजपा के आरोप झूठे हैं",
    "अखिलेश यादव ने कहा- योगी सरकार नाकाम",
])
def test_a_dash_after_a_verb_of_saying_leads_into_the_words_said(proc, text):
    # a headline's "X बोले- …" / "X ने कहा- …": the dash stands for कि
    assert "ACCUSE" in _types(proc, text)


@pytest.mark.parametrize("text, etype", [
    ("समाजवादी पार्टी ने मांगा विधानसभा उपाध्यक्ष का पद", "REQUEST"),
    ("आयकर विभाग ने कांग्रेस नेता को भेजा समन", "ACCUSE"),
])
def test_asking_for_a_post_and_a_summons(proc, text, etype):
    assert etype in _types(proc, text)


@pytest.mark.parametrize("text", [
    "मंत्री ने अपने बयान के लिए माफी मांगी",   # an apology is no request
    "भाजपा ने किसानों की मांग पर चुप्पी साधी",   # मांग, the noun, is no verb of asking
])
def test_apologies_and_the_noun_demand_are_no_request(proc, text):
    assert "REQUEST" not in _types(proc, text)


def test_the_genitive_of_a_protest_is_who_protests(proc):
    ev = proc.code_text("केंद्र सरकार के खिलाफ कांग्रेस का विरोध प्रदर्शन", id="t")["events"]
    protests = [e for e in ev if e["event"] == "PROTEST"]
    assert protests and [a.get("entity_id") for a in protests[0]["actor"]] == ["party:inc"]


@pytest.mark.parametrize("text", [
    "चारा घोटाला मामला: मुख्यमंत्री ने अफसरों के लिए समयसीमा तय की",  # a case named as a topic
    "बैंक धोखाधड़ी केस: सुनवाई अगले हफ्ते",
    "भ्रष्टाचार के आरोप के बाद महापौर को पद से हटाया",               # removed, not resigned
])
def test_a_case_named_as_a_topic_or_a_removal_is_no_event(proc, text):
    assert _types(proc, text) == []


@pytest.mark.parametrize("text", [
    "जमीन घोटाले में पूर्व विधायक के खिलाफ मामला",
    "विशेष अदालत ने पूर्व सांसद के खिलाफ धोखाधड़ी के आरोप तय किए",
])
def test_a_case_against_someone_and_charges_framed_are_accusations(proc, text):
    assert _types(proc, text) == ["ACCUSE"]


def test_people_killed_are_news_whatever_else_the_sentence_names(proc):
    # a sports word does not make an attack in which people died a sports report
    assert "ASSAULT" in _types(proc, "कराची में हॉकी टीम की बस पर हमला हुआ, जिसमें चार लोग मारे गए")
    assert _types(proc, "फाइनल मैच में भारत ने पाकिस्तान पर हमला बोला") == []


def test_in_the_grip_of_the_police_is_an_arrest(proc):
    assert "COERCE" in _types(proc, "ल्हासा: प्रदर्शन के बाद 60 भिक्षु पुलिस की गिरफ़्त में")


@pytest.mark.parametrize("text", [
    "अखिलेश यादव के बचाव में उतरीं मायावती",
    "ममता बनर्जी को कांग्रेस का साथ",
])
def test_coming_to_someones_defence_and_a_headlines_backing_are_support(proc, text):
    assert _types(proc, text) == ["SUPPORT"]


def test_a_lawyers_defence_is_no_political_support(proc):
    assert "SUPPORT" not in _types(proc, "वकील ने अदालत में आरोपी का बचाव किया")


@pytest.mark.parametrize("text, etype", [
    ("दंगों पर राज्य सरकार को सुप्रीम कोर्ट का नोटिस", "REQUEST"),    # the author's genitive
    ("अवैध खनन पर राज्य सरकार को हाईकोर्ट की फटकार", "ACCUSE"),
    ("महंगाई पर कांग्रेस का तंज- सरकार सो रही है", "ACCUSE"),
    ("शहर में व्यापारी की हत्या, पुलिस को मिला अहम सुराग", "ASSAULT"),  # a comma closes the part
    ("मेरठ: जेल में चाकूबाजी, दो कैदी घायल", "ASSAULT"),
])
def test_headline_parts_closed_by_a_comma_or_dash(proc, text, etype):
    assert etype in _types(proc, text)


def test_asking_with_no_party_named_is_no_request(proc):
    assert _types(proc, "उन्होंने मुझसे किताब के लिए पैसे माँगे।") == []


def test_a_cabinet_meeting_is_the_governments(proc):
    # मंत्रिमंडल / कैबिनेट is the government's; केंद्रीय कैबिनेट India's, as केंद्र सरकार is
    ev = proc.code_text("केंद्रीय मंत्रिमंडल की बैठक में नई कृषि नीति पर मुहर", id="t")["events"]
    assert [(e["event"], [a["code"] for a in e["actor"]]) for e in ev] == [("CONSULT", ["INDGOV"])]


@pytest.mark.parametrize("text", [
    "सांसद बोले- सरकार ने किसानों को गुमराह किया",
    "विपक्ष के नेता ने कहा कि कंपनी ने निवेशकों को ठगा",
    "भाजपा ने किसानों को छला: पूर्व मुख्यमंत्री",
])
def test_a_reported_deception_is_an_accusation(proc, text):
    assert "ACCUSE" in _types(proc, text)


def test_deceiving_told_by_the_reporter_is_no_accusation(proc):
    assert "ACCUSE" not in _types(proc, "ठगों ने एक बुजुर्ग महिला को ठगा और फरार हो गए।")


def test_an_inverted_headlines_object_may_be_a_genitive_of_the_act(proc):
    """``किया X का उल्लंघन`` violates X; ``किया X का ऐलान`` announces X."""
    assert "RETREAT" not in _types(proc, "पड़ोसी देश ने फिर किया संघर्ष विराम का उल्लंघन")
    assert "RETREAT" in _types(proc, "विद्रोही गुट ने किया युद्धविराम का ऐलान")


@pytest.mark.parametrize("text, victims", [
    ("लाहौर धमाके में बीस लोगों की मौत", ["PAK"]),
    ("ढाका हमले में बीस लोग मारे गए", ["BGD"]),
])
def test_a_town_before_an_attack_noun_is_where_it_happened(proc, text, victims):
    attacks = [e for e in proc.code_text(text, id="t", date="2025-02-10")["events"] if e["event"] == "ASSAULT"]
    assert attacks and not _keys(attacks[0]["actor"]) and _keys(attacks[0]["recipient"]) == victims


@pytest.mark.parametrize("text, etype", [
    ("चीन और जापान के विदेश मंत्रियों के बीच वार्ता मंगलवार को टोक्यो में हुई।", "CONSULT"),
    ("पुलिस चौकी पर हमला देर रात हुआ।", "ASSAULT"),
])
def test_an_event_noun_with_when_and_where_before_its_verb(proc, text, etype):
    assert etype in _types(proc, text)


def test_an_event_on_a_festival_is_still_an_event(proc):
    assert "PROTEST" in _types(proc, "होली की रात शहर में दंगा भड़का।")
    assert "SUPPORT" in _types(proc, "प्रधानमंत्री ने चुनाव जीतने पर ब्रिटेन के नए प्रधानमंत्री को बधाई दी।")


def test_advice_named_by_its_content_has_no_adviser(proc):
    assert "REQUEST" not in _types(proc, "यात्रियों को सावधानी बरतने की सलाह")


def test_an_event_noun_with_another_subject_did_not_take_place(proc):
    # the talks are what the ministers want, the verb's subject is someone else
    assert "CONSULT" not in _types(proc, "वार्ता के लिए मंत्री मंगलवार को टोक्यो पहुंचे।")


@pytest.mark.parametrize("text, actor, recipient", [
    # the verb of saying before its speaker, then a dash or a comma
    ("चुनावी सभा में बोले अखिलेश यादव- भाजपा ने जनता को गुमराह किया", "per:akhilesh_yadav", "IND"),
    ("संसद में बोलीं विदेश मंत्री सुषमा स्वराज, पाकिस्तान आतंकवाद के खिलाफ कार्रवाई करे", "per:sushma_swaraj", "PAK"),
])
def test_a_headline_puts_the_speaker_after_the_verb_of_saying(proc, text, actor, recipient):
    events = proc.code_text(text, id="t", date="2016-02-10")["events"]
    said = [e for e in events if actor in [a.get("entity_id") for a in e["actor"]]]
    assert said and recipient in _keys(said[0]["recipient"]), events


def test_another_named_party_of_the_actors_own_state_is_a_recipient(proc):
    # a party's taunt at a rival of the same state names its target
    events = proc.code_text("भाजपा का तंज- राहुल गांधी को विदेश नीति की समझ नहीं", id="t",
                            date="2019-02-10")["events"]
    taunts = [e for e in events if e["event"] == "ACCUSE"]
    assert taunts and [r.get("entity_id") for r in taunts[0]["recipient"]] == ["per:rahul_gandhi"]
    # a state is never its own recipient
    events = proc.code_text("चीन का पलटवार- बीजिंग में कोई नहीं डरता", id="t")["events"]
    assert all("CHN" not in _keys(e["recipient"]) for e in events)


@pytest.mark.parametrize("text, etype, actor, recipient", [
    # a negated willingness is a refusal, as स्वीकार्य नहीं is
    ("जापान चीन के प्रस्ताव से सहमत नहीं है", "REJECT", ["JPN"], ["CHN"]),
    ("ईरान अमेरिका से बातचीत के लिए तैयार नहीं है", "REJECT", ["IRN"], ["USA"]),
    ("ईरान अमेरिका से बातचीत के लिए तैयार है", "AGREE", ["IRN"], ["USA"]),
    # a verbless headline's subject after its noun
    ("परमाणु करार पर अमेरिका से सहमत नहीं ईरान", "REJECT", ["IRN"], ["USA"]),
])
def test_unwillingness_is_a_refusal(proc, text, etype, actor, recipient):
    events = proc.code_text(text, id="t")["events"]
    assert [e["event"] for e in events] == [etype]
    assert _keys(events[0]["actor"]) == actor and _keys(events[0]["recipient"]) == recipient
    assert events[0]["aux_mode"] is None


def test_disagreeing_in_conversation_is_no_refusal(proc):
    assert "REJECT" not in _types(proc, "माफ़ कीजिए, पर मैं आपसे सहमत नहीं हूँ।")


@pytest.mark.parametrize("text, recipient", [
    ("केंद्र ने बिहार से भेदभाव किया: लालू प्रसाद यादव", "IND"),
    ("इजरायल गाजा के लोगों का अपमान कर रहा है: तुर्की", "ISR"),
    ("सस्ती राजनीति कर रहा है पाकिस्तान: भारत", "PAK"),
])
def test_wrongdoings_in_reported_speech(proc, text, recipient):
    events = [e for e in proc.code_text(text, id="t", date="2015-02-10")["events"] if e["event"] == "ACCUSE"]
    assert events and recipient in _keys(events[0]["recipient"])


@pytest.mark.parametrize("text", [
    "हमने किसी राज्य से भेदभाव नहीं किया: वित्त मंत्री",
    "मंत्री ने कहा कि हमने संघर्षविराम का उल्लंघन नहीं किया।",
])
def test_a_speakers_own_deed_accuses_nobody(proc, text):
    assert "ACCUSE" not in _types(proc, text)


def test_the_oppositions_attack_is_verbal_a_crowds_is_not(proc):
    assert _types(proc, "विपक्ष ने सरकार पर किया तीखा हमला") == ["ACCUSE"]
    assert _types(proc, "प्रदर्शनकारियों ने मंत्री पर हमला किया") == ["ASSAULT"]


@pytest.mark.parametrize("text, absent", [
    ("जिन्हें नतीजों पर शक है वे अदालत जा सकते हैं", "ACCUSE"),          # an invitation, no suit
    ("विपक्ष ने मंत्री के पद से इस्तीफे की मांग की", "RETREAT"),           # demanded, not done
])
def test_what_those_acts_are_not(proc, text, absent):
    assert absent not in _types(proc, text)
