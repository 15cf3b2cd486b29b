"""Sentences cut into parts for highlighting: entity mentions and event triggers.

Offsets of mentions and triggers are within their sentence. A sentence becomes a list
of parts, each a piece of its text with the marks that cover it; templates wrap marked
parts in elements and escape every piece, so no article text is ever trusted as HTML.
"""

from __future__ import annotations

from typing import Any


def actor_key(ref: dict[str, Any] | None) -> str | None:
    """The actor-page key of an actor reference or a linked entity: the state (ISO3)
    for a state itself, ``IGO:<acronym>`` for an organisation, else the entity's own id
    (a minister gets a page of his own; the page links to the state he acts for)."""
    if not ref:
        return None
    entity_id = ref.get("entity_id") or ref.get("id")
    country, org, code = ref.get("country"), ref.get("org"), ref.get("code")
    is_state = ref.get("type") in ("GPE", "LOC", "country") or (
        "type" not in ref and not ref.get("sector") and (code is None or code == country))
    if country and (is_state or not entity_id):
        return country
    if org and not entity_id:
        return "IGO:" + org
    if org and ref.get("type") in ("ORG", "igo") and not ref.get("sector"):
        return "IGO:" + org
    return entity_id or country or ("IGO:" + org if org else None) or code


def review_key(ref: dict[str, Any]) -> str | None:
    """The key a review gives for an actor reference: its CAMEO code, else its state,
    else ``IGO:<acronym>`` (:mod:`ghatna.store.reviews`: a correction naming this key
    keeps the coder's actor object)."""
    return ref.get("code") or ref.get("country") or ("IGO:" + ref["org"] if ref.get("org") else None)


def locate(text: str, start: Any, end: Any, words: str | None) -> tuple[int, int] | None:
    """Offsets of ``words`` in ``text``: the given ones when they fit, else the first
    occurrence, else None."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not words or text[start:end] == words:
            return start, end
    if words:
        found = text.find(words)
        if found >= 0:
            return found, found + len(words)
    return None


def parts(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``text`` cut at every mark boundary; each part lists the marks covering it.

    A mark is ``{"start", "end", "kind", ...}`` with offsets in ``text``.
    """
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m["start"], m["end"]))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a == b:
            continue
        covering = [m for m in marks if m["start"] <= a and b <= m["end"]]
        out.append({"text": text[a:b], "marks": covering,
                    "mention": next((m for m in covering if m["kind"] == "mention"), None),
                    "trigger": next((m for m in covering if m["kind"] == "trigger"), None),
                    "actor": next((m for m in covering if m["kind"] in ("actor", "recipient")), None)})
    return out


def article_sentences(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's sentences, each with its highlighted parts and its events."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    events: dict[int, list[dict[str, Any]]] = {}
    for m in article.get("mentions", []):
        by_sentence.setdefault(m["sentence_index"], []).append(
            {"start": m["start"], "end": m["end"], "kind": "mention", "label": m.get("label"),
             "text": m.get("text"), "entity": m.get("entity"), "key": actor_key(m.get("entity"))})
    for e in article.get("events", []):
        ev = e.get("evidence") or {}
        events.setdefault(ev.get("sentence_index"), []).append(e)
    out = []
    for s in article.get("sentences", []):
        text = s["text"]
        marks = []
        for m in by_sentence.get(s["index"], []):
            span = locate(text, m["start"], m["end"], m["text"])
            if span:
                marks.append(m | {"start": span[0], "end": span[1]})
        for e in events.get(s["index"], []):
            trig = (e.get("evidence") or {}).get("trigger") or {}
            span = locate(text, trig.get("start"), trig.get("end"), trig.get("text"))
            if span:
                marks.append({"start": span[0], "end": span[1], "kind": "trigger",
                              "event": e.get("event"), "id": e.get("id")})
        out.append(s | {"parts": parts(text, marks), "events": events.get(s["index"], [])})
    return out


def evidence_parts(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The event's sentence with its trigger, actors and recipients marked."""
    ev = record.get("evidence") or {}
    text = ev.get("sentence") or ""
    marks = []
    trig = ev.get("trigger") or {}
    span = locate(text, trig.get("start"), trig.get("end"), trig.get("text"))
    if span:
        marks.append({"start": span[0], "end": span[1], "kind": "trigger",
                      "event": record.get("event"), "id": record.get("id")})
    for role in ("actor", "recipient"):
        for ref in record.get(role) or []:
            span = locate(text, ref.get("start"), ref.get("end"), ref.get("text"))
            if span:
                marks.append({"start": span[0], "end": span[1], "kind": role,
                              "key": actor_key(ref), "name": ref.get("name")})
    return parts(text, marks)
