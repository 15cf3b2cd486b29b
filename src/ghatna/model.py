"""The data model every stage reads and writes.

An :class:`Article` owns its raw text, its clean text and the offset map between
them. Everything found in it (sentences, mentions, events, quotes) points into the
clean text by character offsets, so each fact can be traced back to the words it
came from, and through :class:`OffsetMap` to the original input.

Offsets are always Python string indices (code points), end exclusive.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class OffsetMap:
    """Maps positions in a clean text back to positions in the raw text.

    Stored as sorted anchor points ``(clean_pos, raw_pos)``; between two anchors the
    mapping advances one raw character per clean character (a copied run). Built by
    :class:`ghatna.text.clean.TrackedText`.
    """

    clean: list[int] = field(default_factory=list)
    raw: list[int] = field(default_factory=list)

    @classmethod
    def from_positions(cls, positions: list[int]) -> "OffsetMap":
        """Compress one raw position per clean character into anchor points."""
        omap = cls()
        for i, pos in enumerate(positions):
            if omap.raw and pos == omap.raw[-1] + (i - omap.clean[-1]):
                continue
            omap.clean.append(i)
            omap.raw.append(pos)
        return omap

    def to_raw(self, pos: int) -> int:
        """The raw-text position of clean position ``pos``."""
        if not self.clean:
            return pos
        k = bisect.bisect_right(self.clean, pos) - 1
        if k < 0:
            return self.raw[0]
        return self.raw[k] + (pos - self.clean[k])

    def to_json(self) -> list[list[int]]:
        return [self.clean, self.raw]

    @classmethod
    def from_json(cls, data: list[list[int]] | None) -> "OffsetMap":
        if not data:
            return cls()
        return cls(list(data[0]), list(data[1]))


@dataclass
class Sentence:
    """A sentence of the article.

    ``part`` is ``"title"`` for the headline and ``"body"`` otherwise; ``start`` and
    ``end`` index into that part (``Article.title`` or ``Article.text``). Indices run
    over the whole article, the headline first. ``tokens`` holds token offsets
    relative to the sentence itself.
    """

    index: int
    part: str
    start: int
    end: int
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)

    def token_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.tokens]


@dataclass
class Entity:
    """A knowledge-base entity a mention links to (codes as in EVENTS.md)."""

    id: str
    name: str
    type: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # a place's GeoNames admin-1 region ("IN.37" = Chhattisgarh)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A named-entity mention; ``start``/``end`` are offsets in its sentence."""

    sentence_index: int
    start: int
    end: int
    text: str
    label: str
    entity: Entity | None = None
    source: str = "ner"
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["entity"] = self.entity.to_dict() if self.entity else None
        return data


@dataclass
class ActorRef:
    """An actor or recipient of an event: the words in the sentence and what they are."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As ``dataclasses.asdict``, which deep-copies (every value here is a string or a
        number) and takes most of the single writer's time for the events' records."""
        return {name: getattr(self, name) for name in _ACTOR_FIELDS}

    @classmethod
    def from_mention(cls, mention: "Mention") -> "ActorRef":
        ent = mention.entity
        return cls(
            text=mention.text, start=mention.start, end=mention.end,
            entity_id=ent.id if ent else None, name=ent.name if ent else None,
            country=ent.country if ent else None, org=ent.org if ent else None,
            sector=ent.sector if ent else None, code=ent.code if ent else None,
        )


_ACTOR_FIELDS = tuple(f.name for f in fields(ActorRef))


@dataclass
class Event:
    """A coded event; :meth:`to_record` gives the record of EVENTS.md."""

    event: str
    sentence_index: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    pattern: str
    cameo: str | None = None
    quad_code: int | None = None
    mode: str | None = None
    aux_mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    confidence: float = 0.5
    reported_by: list[ActorRef] = field(default_factory=list)

    @property
    def negated(self) -> bool:
        return self.aux_mode == "negation"

    def record_id(self, article_id: str) -> str:
        key = f"{article_id}:{self.sentence_index}:{self.trigger_start}:{self.event}"
        if len(self.actor) == 1 and len(self.recipient) >= 1:  # one side of a mutual act
            key += ":" + (self.actor[0].entity_id or self.actor[0].country or self.actor[0].text)
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def to_record(self, article_id: str, doc: str, sentence: str, coder: str) -> dict[str, Any]:
        """The JSON record of EVENTS.md for this event."""
        return {
            "id": self.record_id(article_id),
            "event": self.event,
            "mode": self.mode,
            "aux_mode": self.aux_mode,
            "negated": self.negated,
            "context": list(self.context),
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location,
            "cameo": self.cameo,
            "quad_code": self.quad_code,
            "confidence": round(self.confidence, 3),
            "evidence": {
                "article": article_id,
                "doc": doc,
                "sentence_index": self.sentence_index,
                "sentence": sentence,
                "trigger": {"text": self.trigger_text, "start": self.trigger_start,
                            "end": self.trigger_end},
                "pattern": self.pattern,
                "reported_by": [a.to_dict() for a in self.reported_by],
            },
            "coder": coder,
            "review": None,  # an analyst's verdict, once the event is stored and judged
        }


@dataclass
class Quote:
    """Direct or indirect speech with its speaker; offsets in its sentence."""

    sentence_index: int
    start: int
    end: int
    text: str
    kind: str
    speaker: list[dict[str, Any]] = field(default_factory=list)
    speaker_text: str | None = None


@dataclass
class Article:
    """One news article as it moves through the pipeline."""

    raw: str
    doc: str
    source: str | None = None
    title: str = ""
    title_hint: str | None = None
    date: str | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    raw_format: str = "text"
    text: str = ""
    title_raw_start: int = 0
    offsets: OffsetMap = field(default_factory=OffsetMap)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    simhash: int | None = None
    near_duplicate_of: str | None = None
    done: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Hash of the normalised clean text (headline and body), whitespace folded."""
        return self._hashes()[0]

    @property
    def id(self) -> str:
        """Stable id: hash of the news source and the normalised clean text."""
        return self._hashes()[1]

    def _hashes(self) -> tuple[str, str]:
        """(content hash, id), computed once for the current source, headline and text: the
        store asks for the id of every sentence, mention and event it writes. The cache
        (an attribute, not a field) holds the very string objects it was computed from, so
        assigning a new text, headline or source computes it anew."""
        cached = self.__dict__.get("_hash_cache")
        if cached and cached[0] is self.source and cached[1] is self.title and cached[2] is self.text:
            return cached[3]
        norm = " ".join((self.title + "\n" + self.text).split())
        content = hashlib.sha256(norm.encode("utf-8")).hexdigest()
        key = (self.source or "") + "\x00" + content
        hashes = (content, hashlib.sha256(key.encode("utf-8")).hexdigest()[:16])
        self.__dict__["_hash_cache"] = (self.source, self.title, self.text, hashes)
        return hashes

    def sentence_text(self, sentence: Sentence) -> str:
        part = self.title if sentence.part == "title" else self.text
        return part[sentence.start:sentence.end]

    @property
    def is_hindi(self) -> bool:
        return self.language == "hi"

    def to_json(self) -> dict[str, Any]:
        """The whole article as plain JSON data (:meth:`from_json` reads it back): how a
        processed article travels between machines, e.g. from a Spark job to a store."""
        data = asdict(self)
        data["offsets"] = self.offsets.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)

        def refs(items: list[dict[str, Any]]) -> list[ActorRef]:
            return [ActorRef(**r) for r in items]

        data["offsets"] = OffsetMap.from_json(data.get("offsets"))
        data["sentences"] = [Sentence(**(s | {"tokens": [tuple(t) for t in s["tokens"]]}))
                             for s in data.get("sentences", [])]
        data["mentions"] = [Mention(**(m | {"entity": Entity(**m["entity"]) if m["entity"] else None}))
                            for m in data.get("mentions", [])]
        data["events"] = [Event(**(e | {"actor": refs(e["actor"]), "recipient": refs(e["recipient"]),
                                        "reported_by": refs(e["reported_by"])}))
                          for e in data.get("events", [])]
        data["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        return cls(**data)
