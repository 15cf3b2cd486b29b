"""Stories: articles linked by a shared specific event or as near-duplicates."""

from __future__ import annotations

import pytest
from helpers import stored_events

from ghatna.store.filters import BadParameter
from ghatna.store.stories import find_stories

AGENCY = ("रूस ने सोमवार तड़के यूक्रेन के खारकीव शहर पर मिसाइलों और ड्रोन से बड़ा हमला किया। "
          "स्थानीय प्रशासन के अनुसार हमले में कई इमारतें क्षतिग्रस्त हुईं और बिजली आपूर्ति ठप हो गई। "
          "यूक्रेन के विदेश मंत्रालय ने हमले की निंदा की और सहयोगी देशों से वायु रक्षा प्रणाली मांगी। "
          "राष्ट्रपति ने राष्ट्र के नाम संदेश में कहा कि देश इस आक्रमण का जवाब देगा और नागरिकों की "
          "सुरक्षा के लिए हर संभव कदम उठाया जाएगा। आपात सेवाओं के कर्मचारी पूरी रात मलबे में फंसे लोगों "
          "को निकालने में जुटे रहे, जबकि अस्पतालों में घायलों का इलाज जारी है। शहर के मेयर ने बताया कि "
          "स्कूल और सरकारी दफ्तर अगले आदेश तक बंद रहेंगे और लोगों से आश्रय स्थलों में रहने की अपील की गई है।")


def test_articles_sharing_a_specific_event_are_one_story(db):
    articles = [("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6)]),
                ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7),
                                    ("AID", "DEU", "UKR", "2026-01-28", 0.5)]),
                ("a3", "Patrika", [("AID", "DEU", "UKR", "2026-01-28", 0.5)]),
                ("a4", "Akhbar", [("AID", "FRA", "UKR", "2026-01-28", 0.5)])]
    with stored_events(db, articles) as store:
        stories = find_stories(store)
    assert len(stories) == 1
    story = stories[0]
    # a1 and a2 share the attack; a2 and a3 the aid: one story, chained.
    assert sorted(a["doc"] for a in story["articles"]) == ["a1", "a2", "a3"]
    assert story["sources"] == 3 and story["first_date"] == story["last_date"] == "2026-01-28"
    assert [e["articles"] for e in story["shared_events"]] == [2, 2]
    assert {e["key"].split()[1] for e in story["shared_events"]} == {"ASSAULT/-/-", "AID/-/-"}


def test_vague_events_and_single_articles_make_no_story(db):
    articles = [("a1", "Akhbar", [("ACCUSE", "?", "PAK", "2026-01-27", 0.6)]),
                ("a2", "Samachar", [("ACCUSE", "?", "PAK", "2026-01-27", 0.6)]),
                ("a3", "Patrika", [("PROTEST", "IND", None, "2026-01-27", 0.6)]),
                ("a4", "Akhbar", [("PROTEST", "IND", None, "2026-01-27", 0.6)])]
    with stored_events(db, articles) as store:
        assert find_stories(store) == []
        assert len(store.events(unique=True)) == 2  # still one event each, for counting


def test_near_duplicates_are_one_story_and_dates_bound_the_articles(db):
    copy = AGENCY.replace("बड़ा हमला", "भीषण हमला")
    articles = [("wire", "Akhbar", [], AGENCY), ("copy", "Samachar", [], copy),
                ("other", "Patrika", [], AGENCY.replace("रूस ने", "चीन ने").replace("यूक्रेन", "ताइवान"))]
    with stored_events(db, articles) as store:
        near = store.query("SELECT doc FROM articles WHERE near_duplicate_of IS NOT NULL")
        stories = find_stories(store)
        assert find_stories(store, since="2026-01-29") == []
        assert len(find_stories(store, since="2026-01", until="2026-01")) == 1
        with pytest.raises(BadParameter):
            find_stories(store, since="January")
    assert [r["doc"] for r in near] == ["copy"]
    assert len(stories) == 1 and sorted(a["doc"] for a in stories[0]["articles"]) == ["copy", "wire"]
    assert stories[0]["shared_events"] == []


def test_the_web_lists_stories(db):
    from fastapi.testclient import TestClient

    from ghatna.settings import Settings
    from ghatna.web.app import create_app

    articles = [("a1", "Akhbar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.6)]),
                ("a2", "Samachar", [("ASSAULT", "RUS", "UKR", "2026-01-27", 0.7)]),
                ("a3", "Patrika", [("AID", "DEU", "UKR", "2026-01-28", 0.5)])]
    stored_events(db, articles).close()
    with TestClient(base_url="http://localhost", app=create_app(db, Settings.load())) as client:
        found = client.get("/api/stories").json()
        assert found["total"] == 1 and found["items"][0]["sources"] == 2
        assert client.get("/api/stories", params={"since": "2026-02"}).json()["total"] == 0
        assert client.get("/api/stories", params={"since": "soon"}).status_code == 400
        page = client.get("/stories").text
        assert "2 sources, 2 articles" in page and "a1</a>" in page
        # the shared event in words: date, type, parties, a link to its sentence; no raw key
        assert "ASSAULT/-/-" not in page and '<span class="etype t-ASSAULT">ASSAULT</span>' in page
        assert '<a href="/actors/RUS">' in page and '<a href="/actors/UKR">' in page
        shared = found["items"][0]["shared_events"][0]["event"]
        second = next(a["id"] for a in found["items"][0]["articles"] if "a2" in (a["title"] or a["doc"]))
        assert shared["date"] == "2026-01-27" and shared["article"] == second  # the more confident
        assert f'href="/articles/{second}#s{shared["sentence_index"]}">sentence ›</a>' in page
        assert "No story" in client.get("/stories", params={"until": "2025"}).text
