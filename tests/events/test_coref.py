"""Anaphors in news: pronouns, group phrases, short names."""

from __future__ import annotations

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
