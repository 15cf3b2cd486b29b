"""Anaphors in news: pronouns, group phrases, short names."""

from __future__ import annotations

import pytest

from ghatna.events.clauses import tokenize
from ghatna.events.coref import ArticleMemory, find_anaphors, ref_key
from ghatna.model import ActorRef, Entity, Mention


def _ref(country, name="x", eid=None, org=None):
    return ActorRef(text=name, start=0, end=len(name), entity_id=eid or name, name=name,
                    country=country, org=org)


def test_find_anaphors():
    text = "उन्होंने कहा कि दोनों देश और इन तीनों विदेश मंत्रियों के साथ उनका देश काम करेगा"
    found = [(m.text, m.source) for m in find_anaphors(0, text, tokenize(text))]
    assert found == [("उन्होंने", "coref:pron"), ("दोनों देश", "coref:pair"),
                     ("इन तीनों विदेश मंत्रियों", "coref:group"), ("उनका देश", "coref:poss_country")]


def test_resolution_follows_what_was_named():
    mem = ArticleMemory()
    text = "दोनों देश उन्होंने इन देशों"
    pair, pron, group = find_anaphors(3, text, tokenize(text))
    assert mem.resolve(pair) == [] and mem.resolve(pron) == []  # nothing named yet: empty
    mem.observe_group([_ref("CHN"), _ref("RUS")])
    mem.observe_actor([_ref("CHN", "वांग यी", "wang")])
    mem.observe_group([_ref(None, "ईयू", org="EU"), _ref("GBR"), _ref("USA")])
    assert [ref_key(r) for r in mem.resolve(pair)] == ["CHN", "RUS"]
    assert [ref_key(r) for r in mem.resolve(pron)] == ["CHN"]
    assert [ref_key(r) for r in mem.resolve(group)] == ["IGO:EU", "GBR", "USA"]
    assert mem.resolve(pair)[0].text == "दोनों देश"


def test_short_names():
    mem = ArticleMemory()
    wang = Mention(0, 0, 7, "वांग यी", "PER", Entity("wang", "Wang Yi", "person", "CHN"))
    mem.observe_mentions([wang])
    short = Mention(1, 0, 4, "वांग", "PER")
    assert [r.name for r in mem.resolve_name(short)] == ["Wang Yi"]
    assert mem.resolve_name(Mention(1, 0, 3, "यांग", "PER")) == []


def test_the_first_person_in_reported_speech_is_its_speaker(settings):
    from ghatna.events.coding import Processor

    proc = Processor(settings)
    we = proc.code_text('ब्रसेल्स में फ्रांस के राष्ट्रपति ने कहा, "हम यूक्रेन को और मदद भेजेंगे।"',
                        id="t", date="2025-02-10")["events"]
    aid = [e for e in we if e["event"] == "AID"]
    assert aid and aid[0]["actor"][0]["country"] == "FRA" and aid[0]["actor"][0]["text"] == "हम"
    # outside reported speech the first person is the writer: no actor is guessed
    alone = proc.code_text("हम यूक्रेन को और मदद भेजेंगे।", id="t", date="2025-02-10")["events"]
    assert all(not e["actor"] for e in alone)


@pytest.fixture(scope="module")
def proc():
    from ghatna.events.coding import Processor
    from ghatna.settings import Settings

    return Processor(Settings.load())


def _sides(proc, text, event):
    found = [e for e in proc.code_text(text, id="t", date="2025-02-10")["events"]
             if e["event"] == event]
    assert found, f"no {event} in {text}"
    return [[(a.get("name"), a.get("country")) for a in e[k]] for e in found[:1]
            for k in ("actor", "recipient")]


@pytest.mark.parametrize("text, event, actor, recipient", [
    # the speaker congratulates whom they speak to (X ने Y से कहा)
    ('प्रधानमंत्री नरेंद्र मोदी ने ऑस्ट्रेलियाई प्रधानमंत्री एंथनी अल्बनीज से कहा, "मैं आपको बधाई देता हूं।"',
     "SUPPORT", [("Narendra Modi", "IND")], [("Anthony Albanese", "AUS")]),
    # the addressee named in the sentence before, the speaker by a pronoun
    ('प्रधानमंत्री नरेंद्र मोदी ने ऑस्ट्रेलियाई प्रधानमंत्री एंथनी अल्बनीज से फोन पर बात की। '
     'उन्होंने कहा, "मैं आपको बधाई देता हूं।"',
     "SUPPORT", [("Narendra Modi", "IND")], [("Anthony Albanese", "AUS")]),
    # Y को संबोधित करते हुए; a possessive second person (आपका समर्थन)
    ('जापान के प्रधानमंत्री को संबोधित करते हुए फ्रांस के राष्ट्रपति इमैनुएल मैक्रों ने कहा, '
     '"हम आपका समर्थन करते हैं।"', "SUPPORT", [(None, "FRA")], [("Japan prime minister", "JPN")]),
    # Y को लिखे पत्र में, in indirect speech
    ("अमेरिकी राष्ट्रपति जो बाइडेन को लिखे पत्र में पाकिस्तान के प्रधानमंत्री ने कहा कि वे आपसे "
     "मुलाकात करना चाहते हैं।", "CONSULT", [("Pakistan prime minister", "PAK")],
     [("Joe Biden", "USA")]),
    # nobody is addressed by name: never the host organisation of the occasion
    ('संयुक्त राष्ट्र के एक कार्यक्रम में फ्रांस के राष्ट्रपति इमैनुएल मैक्रों ने कहा, "मैं आपको '
     'बधाई देता हूं।"', "SUPPORT", [("Emmanuel Macron", "FRA")], []),
    ('विश्व बैंक के एक कार्यक्रम में प्रधानमंत्री नरेंद्र मोदी ने कहा, "मैं आपका समर्थन करता हूं।"',
     "SUPPORT", [("Narendra Modi", "IND")], []),
])
def test_the_second_person_in_reported_speech_is_its_addressee(proc, text, event, actor,
                                                               recipient):
    assert _sides(proc, text, event) == [actor, recipient]


def test_the_second_person_is_never_the_speaker(proc):
    # "X ने Y से कहा" where X and Y are one party: the speaker is not addressed
    text = 'नरेंद्र मोदी ने कहा, "मैं आपको बधाई देता हूं।"'
    assert _sides(proc, text, "SUPPORT") == [[("Narendra Modi", "IND")], []]


def test_second_person_anaphors():
    text = "मैंने आपको और तुम्हें कहा"
    found = [(m.text, m.source) for m in find_anaphors(0, text, tokenize(text))]
    assert found == [("मैंने", "coref:first"), ("आपको", "coref:second"),
                     ("तुम्हें", "coref:second")]


@pytest.mark.parametrize("text, event, actor, recipient", [
    # a pair named together in the sentence before
    ("भारत और चीन के विदेश मंत्रियों ने बीजिंग में बातचीत की। दोनों देशों ने सीमा पर शांति "
     "बनाए रखने पर सहमति जताई।", "AGREE", ["IND", "CHN"], ["IND", "CHN"]),
    # two pairs in a paragraph: the later one wins
    ("भारत और चीन के बीच सीमा विवाद पुराना है। पिछले हफ्ते रूस और यूक्रेन ने कैदियों की "
     "अदला-बदली की। दोनों देशों ने बातचीत जारी रखने पर सहमति जताई।", "AGREE",
     ["RUS", "UKR"], ["RUS", "UKR"]),
    # a pair and a third party between: the pair stays
    ("ईरान और सऊदी अरब ने राजनयिक संबंध बहाल किए। बाद में चीन ने कहा कि उसने वार्ता में मदद की "
     "थी। अमेरिका ने दोनों देशों से क्षेत्र में शांति बनाए रखने की अपील की।", "REQUEST",
     ["USA"], ["IRN", "SAU"]),
    # the two sides of a meeting are the two leaders
    ("प्रधानमंत्री नरेंद्र मोदी ने चीन के राष्ट्रपति शी जिनपिंग से मुलाकात की। दोनों नेताओं ने "
     "व्यापार पर चर्चा की।", "CONSULT", ["IND", "CHN"], ["IND", "CHN"]),
    # within one sentence, the pair named before and not the subject that addresses it
    ("भारत और पाकिस्तान के बीच तनाव के बाद रूस और फ्रांस ने दोनों देशों से संयम बरतने की "
     "अपील की।", "REQUEST", ["RUS", "FRA"], ["IND", "PAK"]),
    # two pairs in one sentence before: the later one
    ("इजरायल और हमास के बीच युद्ध पर अमेरिका और ब्रिटेन ने चिंता जताई। रूस ने दोनों पक्षों से "
     "युद्धविराम की अपील की।", "REQUEST", ["RUS"], ["GBR", "USA"]),
])
def test_both_countries_are_the_last_pair_named_together(proc, text, event, actor, recipient):
    """``actor``/``recipient``: the states each side may hold (a symmetric event between
    the pair may put one state on each side or both on both)."""
    found = [e for e in proc.code_text(text, id="t", date="2025-02-10")["events"]
             if e["event"] == event][-1]
    actors = {a["country"] for a in found["actor"]}
    recipients = {a["country"] for a in found["recipient"]}
    assert actors and actors <= set(actor) and recipients and recipients <= set(recipient)
    assert actors | recipients == set(actor) | set(recipient)
