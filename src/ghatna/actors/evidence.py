"""What a link needs beyond a matching spelling.

A spelling that matches a knowledge-base form is not always a mention of it: मिश्रा is a
surname before it is Egypt, भूखे is "hungry" before it is Bouaké, पीटीआई in an Indian
report is the news agency, not Pakistan's party. The word figures behind these checks
are computed from name lists and NER corpora by ``tools/make_name_words.py``:

* ``lexicon/common_words.tsv``: words annotators left outside entities again and again;
  such a word never links on its own;
* ``lexicon/name_words.tsv``: words of people's names; such a word, alone, links to a
  place or a state only with support (a locative after it, the same state named another
  way in the article), and never inside a PER span the NER stage found.

Beyond those corpora (20,000 sentences), wordfreq's frequencies of general Hindi say which
words are ordinary: a word used at least twice in a million (``ORDINARY_ZIPF``) that is no
known spelling of an entry is that word, not an unseen spelling of a name (रहस्य is not
रशिया, खंडहर not कंधार, ढीली not दिल्ली, though their phonetic keys are the same).

``lexicon/named_after.tsv`` (written by hand) lists the words that make a person's name the
name of a scheme, an institution or a place named after them (राजीव गांधी पंचायत
सशक्तीकरण अभियान): such a name is no mention of the person.

``lexicon/topic_words.tsv`` (written by hand) lists entries that share a spelling with
another and are meant only in articles on their own topic, with that topic's words
(आईसीसी is the cricket council where the article speaks of cricket, else the criminal court).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from wordfreq import zipf_frequency

from ..model import Mention
from .translit import normalise

# after a place: "में" (in); a state with its office: "के/की" + an agent ("मिस्र के राष्ट्रपति")
LOCATIVES = {"में"}
POSSESSIVES = {"के", "की", "का"}
# words that make an acronym a party rather than the agency it also spells (पीटीआई नेता)
PARTY_CUES = {"पार्टी", "समर्थक", "समर्थकों", "नेता", "नेताओं", "प्रमुख", "अध्यक्ष", "सांसद",
              "सांसदों", "कार्यकर्ता", "कार्यकर्ताओं", "सरकार", "संस्थापक", "चेयरमैन"}
PLACE_TYPES = {"country", "place"}
# wordfreq's Zipf scale: 3.3 is about two uses in a million words of general Hindi
ORDINARY_ZIPF = 3.3


def _rows(name: str) -> list[list[str]]:
    text = resources.files("ghatna").joinpath("data/kb/lexicon").joinpath(name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


# "The centre" of Indian Hindi news is India's union government (केंद्र सरकार, केंद्रीय
# मंत्री), as in home_institutions.tsv, which the event coder reads.
CENTRE = frozenset(normalise(w) for w in "केंद्र केन्द्र केंद्रीय केन्द्रीय".split())

# A house named as the kind of an election or a seat (लोकसभा चुनाव, लोक सभा निर्वाचन
# क्षेत्र, राज्यसभा सीट): no party of the sentence.
ELECTION_WORDS = frozenset(normalise(w) for w in (
    "चुनाव चुनावों उपचुनाव उपचुनावों निर्वाचन क्षेत्र सीट सीटों सीटें".split()))

# Currencies a demonym names (अमेरिकी डॉलर, चीनी युआन): no party of the sentence.
CURRENCIES = frozenset(normalise(w) for w in (
    "डॉलर डालर पाउंड यूरो येन युआन रूबल दीनार दिनार रियाल रुपये रुपया रुपए टका लीरा फ्रैंक".split()))


@dataclass
class WordEvidence:
    """Per-word figures from ``name_words.tsv`` and ``common_words.tsv``."""

    common: frozenset[str]
    names: dict[str, tuple[int, int, int]]  # word -> (ends a name, elsewhere in one, a place)
    namesake_heads: frozenset[str] = frozenset()
    namesake_between: frozenset[str] = frozenset()
    topics: dict[str, frozenset[str]] = field(default_factory=dict)  # entry id -> its words

    @classmethod
    def load(cls) -> "WordEvidence":
        # the files hold normalised words (tools/make_name_words.py)
        common = frozenset(row[0] for row in _rows("common_words.tsv"))
        names = {row[0]: (int(row[1]), int(row[2]), int(row[3])) for row in _rows("name_words.tsv")}
        named_after = [(normalise(word), kind) for word, kind in _rows("named_after.tsv")]
        topics = {ident: frozenset(normalise(w) for w in words.split("|") if w.strip())
                  for ident, words in _rows("topic_words.tsv")}
        return cls(common, names, frozenset(w for w, k in named_after if k == "head"),
                   frozenset(w for w, k in named_after if k == "between"), topics)

    def on_topic(self, ident: str, article_words: set[str]) -> bool | None:
        """Whether the article's words (normalised) touch the topic of ``ident``, an entry
        meant only on its own topic; ``None`` for an entry meant on any."""
        words = self.topics.get(ident)
        return None if words is None else bool(words & article_words)

    def named_after(self, following: list[str]) -> bool:
        """Whether the words ``following`` a person's name make it the name of a scheme,
        an institution or a place named after them (``… राष्ट्रीय ग्रामीण रोजगार गारंटी
        योजना``, ``… विश्वविद्यालय``): up to four words between, then a head word."""
        for k, norm in enumerate(following[:5]):
            if norm in self.namesake_heads:
                return True
            if norm not in self.namesake_between or k == 4:
                return False
        return False

    def is_common(self, norm: str) -> bool:
        return norm in self.common

    @staticmethod
    def is_ordinary(surface: str) -> bool:
        """Whether general Hindi uses ``surface`` often (wordfreq, at least ORDINARY_ZIPF)."""
        return _zipf(surface) >= ORDINARY_ZIPF

    def is_name_word(self, norm: str) -> bool:
        """A word more often in people's names than a place by itself (मिश्रा, हसन)."""
        last, given, place = self.names.get(norm, (0, 0, 0))
        return last + given >= 2 and place < last + given


@functools.lru_cache(maxsize=100_000)
def _zipf(surface: str) -> float:
    return zipf_frequency(surface, "hi")


def ner_person_spans(mentions: list[Mention]) -> dict[int, list[tuple[int, int]]]:
    """Character spans of the PER mentions an NER stage found, by sentence."""
    out: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.source != "kb" and m.label == "PER":
            out.setdefault(m.sentence_index, []).append((m.start, m.end))
    return out


def inside_any(start: int, end: int, spans: list[tuple[int, int]], whole: bool = False) -> bool:
    """Whether [start, end) overlaps (or, with ``whole``, lies within) one of ``spans``."""
    if whole:
        return any(s <= start and end <= e for s, e in spans)
    return any(s < end and start < e for s, e in spans)


def compatible(label: str, entity_type: str) -> bool:
    """Whether an NER label allows an entity type: a PER span is a person, a LOC span a
    place or state; an ORG span anything but a person or a place."""
    if label == "PER":
        return entity_type == "person"
    if label in ("LOC", "GPE"):
        return entity_type in PLACE_TYPES
    if label == "ORG":
        return entity_type not in ("person", "place")
    return True
