"""A real store for the web tests: Hindi articles written for these tests, run through
ghatna's real cleaning and segmentation, with mentions and events annotated by hand
(as the ner, link and events stages would record them) and saved through Store.save.

One article is hostile: markup and script in its headline, body, URL, source, entity
names and event fields, to prove the web interface never runs article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ghatna.model import ActorRef, Article, Entity, Event, Mention
from ghatna.pipeline import Pipeline
from ghatna.settings import Settings
from ghatna.store import open_store
from ghatna.store.sqlite import LogEntry

BASE_STAGES = ["clean", "langid", "segment"]

LAVROV = Entity("sergey_lavrov", "Sergey Lavrov", "PER", country="RUS", sector="GOV", code="RUSGOV")
WANG = Entity("wang_yi", "Wang Yi", "PER", country="CHN", sector="GOV", code="CHNGOV")
RUSSIA = Entity("russia", "Russia", "LOC", country="RUS", code="RUS")
CHINA = Entity("china", "China", "LOC", country="CHN", code="CHN")
INDIA = Entity("india", "India", "LOC", country="IND", code="IND")
JAPAN = Entity("japan", "Japan", "LOC", country="JPN", code="JPN")
UN = Entity("united_nations", "United Nations", "ORG", org="UN", code="IGOUNO")
MAOISTS = Entity("maoists_india", "Maoist rebels", "ORG", country="IND", sector="REB", code="INDREB")
POLICE = Entity("india_police", "Indian police", "ORG", country="IND", sector="COP", code="INDCOP")
HOSTILE = Entity('"><script>window.pwned=3</script>', "<script>window.pwned=4</script>", "ORG",
                 code="<b>X</b>")

NANNING = {"text": "नान्निंग", "name": "Nanning", "country": "CHN", "lat": 22.82, "lon": 108.32}
TOKYO = {"text": "टोक्यो", "name": "Tokyo", "country": "JPN", "lat": 35.68, "lon": 139.69}
BIJAPUR = {"text": "बीजापुर", "name": "Bijapur", "country": "IND", "lat": 18.79, "lon": 80.82,
           "admin1": "IN.37", "admin1_name": "Chhattisgarh"}


@dataclass
class Spec:
    """An event to annotate: the sentence it is in (a phrase of it), its trigger,
    and its actors and recipients as (words, entity)."""

    sentence: str
    event: str
    trigger: str
    actor: list[tuple[str, Entity]] = field(default_factory=list)
    recipient: list[tuple[str, Entity]] = field(default_factory=list)
    date: str | None = None
    location: dict | None = None
    mode: str | None = None
    aux_mode: str | None = None
    cameo: str | None = None
    quad: int | None = None


ARTICLES = [
    {
        "doc": "nanning-meeting.txt", "date": "2021-03-23", "source": "test-news",
        "url": "https://example.org/news/nanning",
        "title": "नान्निंग में लावरोव और वांग यी की मुलाकात, प्रतिबंधों की आलोचना",
        "body": [
            "रूस के विदेश मंत्री सर्गेई लावरोव ने सोमवार को चीन के नान्निंग शहर में चीनी विदेश मंत्री वांग यी से मुलाकात की।",
            "दोनों नेताओं ने पश्चिमी देशों की ओर से लगाए गए प्रतिबंधों की आलोचना की।",
            "लावरोव ने कहा कि रूस और चीन आपसी सहयोग और बढ़ाएंगे।",
            "वांग यी ने संयुक्त राष्ट्र की भूमिका का समर्थन किया।",
        ],
        "events": [
            Spec("नान्निंग शहर में", "CONSULT", "मुलाकात", [("सर्गेई लावरोव", LAVROV)],
                 [("वांग यी", WANG)], "2021-03-22", NANNING, "visit", None, "040", 1),
            Spec("पश्चिमी देशों", "ACCUSE", "आलोचना", [], [], "2021-03-23", None,
                 None, None, "111", 3),
            Spec("आपसी सहयोग", "COOPERATE", "सहयोग", [("रूस", RUSSIA), ("चीन", CHINA)], [],
                 None, None, None, "future", "050", 1),
            Spec("भूमिका का समर्थन", "SUPPORT", "समर्थन", [("वांग यी", WANG)],
                 [("संयुक्त राष्ट्र", UN)], "2021-03-23", NANNING, None, None, "051", 1),
        ],
    },
    {
        "doc": "india-japan.txt", "date": "2024-02-10", "source": "test-news",
        "title": "भारत और जापान के बीच टोक्यो में रक्षा समझौता",
        "body": [
            "भारत और जापान ने शनिवार को टोक्यो में रक्षा सहयोग समझौते पर हस्ताक्षर किए।",
            "भारत ने भूकंप के बाद जापान को राहत सामग्री भेजी।",
            "रूस ने भारत के इस समझौते की आलोचना की।",
        ],
        "events": [
            Spec("रक्षा सहयोग समझौते", "AGREE", "हस्ताक्षर", [("भारत", INDIA)], [("जापान", JAPAN)],
                 "2024-02-10", TOKYO, None, None, "057", 1),
            Spec("राहत सामग्री", "AID", "राहत सामग्री भेजी", [("भारत", INDIA)], [("जापान", JAPAN)],
                 "2024-02-08", None, None, None, "073", 2),
            Spec("इस समझौते की आलोचना", "ACCUSE", "आलोचना", [("रूस", RUSSIA)], [("भारत", INDIA)],
                 "2024-02-10", None, None, None, "111", 3),
        ],
    },
    {
        "doc": "bijapur.txt", "date": "2024-04-14", "source": "other-news",
        "title": "बीजापुर में सुरक्षा बलों पर हमला, दो गिरफ़्तार",
        "body": [
            "छत्तीसगढ़ के बीजापुर में माओवादियों ने रविवार को सुरक्षा बलों पर हमला किया।",
            "पुलिस ने दो संदिग्धों को गिरफ़्तार किया।",
        ],
        "events": [
            Spec("रविवार को सुरक्षा बलों पर हमला", "ASSAULT", "हमला", [("माओवादियों", MAOISTS)],
                 [("सुरक्षा बलों", POLICE)], "2024-04-14", BIJAPUR, "firearms", None, "190", 4),
            Spec("दो संदिग्धों", "COERCE", "गिरफ़्तार", [("पुलिस", POLICE)], [],
                 "2024-04-14", BIJAPUR, "arrest", None, "173", 4),
        ],
    },
    {
        "doc": "hostile.txt", "date": "2024-05-01", "source": "<b>evil</b>",
        "url": "javascript:window.pwned=5",
        "title": "<script>window.pwned=1</script> संयुक्त राष्ट्र की <img src=x onerror=\"window.pwned=2\"> चेतावनी",
        "body": [
            "संयुक्त राष्ट्र ने <img src=x onerror=\"window.pwned=6\"> हिंसा पर चेतावनी दी।",
            "संयुक्त राष्ट्र के अधिकारियों ने कहा कि दोनों पक्षों को तुरंत बातचीत शुरू करनी चाहिए और आम लोगों की सुरक्षा सुनिश्चित करनी चाहिए।",
            "इस बयान के बाद क्षेत्र में तनाव कुछ कम हुआ और बाजार फिर से खुल गए।",
            "<a href=\"javascript:window.pwned=7\">यहाँ</a> क्लिक करें और <script>window.pwned=8</script> पढ़ें।",
        ],
        "events": [
            Spec("हिंसा पर चेतावनी", "THREATEN", "चेतावनी", [("संयुक्त राष्ट्र", HOSTILE)], [],
                 "2024-05-01", {"text": "<img src=x onerror=\"window.pwned=9\">",
                                "name": "<script>window.pwned=10</script>", "country": None,
                                "lat": 10.0, "lon": 10.0}, None, None, "138", 3),
        ],
    },
]


def _find(article: Article, phrase: str):
    for s in article.sentences:
        if phrase in s.text:
            return s
    raise AssertionError(f"no sentence of {article.doc} contains {phrase!r}")


def _ref(sentence, words: str, entity: Entity) -> tuple[ActorRef, Mention]:
    assert words in sentence.text, (words, sentence.text)
    start = sentence.text.index(words)
    mention = Mention(sentence.index, start, start + len(words), words, entity.type, entity=entity,
                      source="test")
    return ActorRef.from_mention(mention), mention


def build_article(spec: dict, pipeline: Pipeline) -> Article:
    raw = spec["title"] + "\n\n" + "\n".join(spec["body"]) + "\n"
    article = Article(raw=raw, doc=spec["doc"], source=spec.get("source"), date=spec.get("date"),
                      url=spec.get("url"))
    article = pipeline(article)
    mentions: dict[tuple[int, int], Mention] = {}
    for ev in spec["events"]:
        sentence = _find(article, ev.sentence)
        refs = {}
        for role in ("actor", "recipient"):
            refs[role] = []
            for words, entity in getattr(ev, role):
                ref, mention = _ref(sentence, words, entity)
                refs[role].append(ref)
                mentions.setdefault((mention.sentence_index, mention.start), mention)
        start = sentence.text.index(ev.trigger)
        article.events.append(Event(
            event=ev.event, sentence_index=sentence.index, trigger_text=ev.trigger,
            trigger_start=start, trigger_end=start + len(ev.trigger), pattern="test",
            cameo=ev.cameo, quad_code=ev.quad, mode=ev.mode, aux_mode=ev.aux_mode,
            context=["diplomatic"] if ev.event in ("CONSULT", "AGREE") else [],
            actor=refs["actor"], recipient=refs["recipient"], date=ev.date,
            date_precision="day" if ev.date else None, location=ev.location, confidence=0.9))
    article.mentions.extend(sorted(mentions.values(), key=lambda m: (m.sentence_index, m.start)))
    return article


def build_store(path: str, settings: Settings | None = None) -> dict[str, str]:
    """Create the test store at ``path`` (an SQLite file or a ``postgresql://`` URL);
    returns article ids by document name."""
    settings = settings or Settings.load()
    pipeline = Pipeline(settings, BASE_STAGES)
    articles = [build_article(spec, pipeline) for spec in ARTICLES]
    with open_store(path) as store:
        store.save([(LogEntry(a.doc, "stored", fingerprint=a.id), a) for a in articles])
    return {a.doc: a.id for a in articles}
