"""Where and when an event took place.

* The place: a place (or, failing one, a country) named with ``में`` or ``पर`` in the
  trigger's clause, else anywhere in the sentence, else a headline's leading ``दिल्ली:``
  (:func:`place`), with its admin-1 region
  (GeoNames code and name, ``IN.37`` Chhattisgarh) where the knowledge base knows it. For domestic types
  without one, :func:`country_hint` offers the one state the sentence names (or a national
  institution such as ``राज्यसभा``): it decides whose police or protesters act, but is not
  recorded as the event's place.
* The date: the date expression of the sentence (:func:`ghatna.events.dates.resolve_date`,
  read with the tense of the event's aux_mode); an undated event then takes the date of the
  same event named elsewhere in the article, or the publication date (:func:`fill_dates`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from ..model import Event, Mention
from ..settings import admin1_names
from .clauses import Analysis
from .coref import ref_key
from .dates import resolve_date
from .modality import tense_hint

log = logging.getLogger(__name__)

PLACE_TYPES = frozenset("place city location loc region province state district town gpe capital".split())


def is_place(entity: Any) -> bool:
    """The entity is a town, region or other place (not a state, a body or a person)."""
    return entity is not None and (entity.type or "").lower() in PLACE_TYPES

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def place(an: Analysis, ci: int) -> dict[str, Any] | None:
    """The place named with ``में``/``पर`` in clause ``ci``, else in the sentence; a city or
    region is preferred to a country, and a country ``पर`` is a target, not a place."""
    best = None
    for pool in (an.args_in(ci), an.args):
        for a in pool:
            if a.role not in ("me", "par"):
                continue
            for group in an.conjunct_heads(a.np_start, a.np_end):
                for mention in group:
                    if mention.label == "NORP":
                        continue  # "पाकिस्तानी गोलीबारी में": whose the firing was, not where
                    ent = mention.entity
                    a_place = is_place(ent) or mention.label in ("LOC", "GPE", "LOCATION", "PLACE")
                    is_country = ent is not None and (ent.type or "").lower() == "country"
                    if not (a_place or is_country) or (a.role == "par" and is_country):
                        continue
                    rank = 2 if a_place and not is_country else 1
                    if best is None or rank > best[0]:
                        best = (rank, mention)
        if best:
            break
    if best is None or best[1].entity is None or not best[1].entity.country:
        # (a school or village no one knows: the headline's dateline says where it lies)
        dateline = _dateline(an)
        if dateline is not None:
            best = (0, dateline)
    if best is None:
        return None
    mention = best[1]
    ent = mention.entity
    admin1 = getattr(ent, "admin1", None) if ent else None
    return {"text": mention.text, "start": mention.start, "end": mention.end,
            "name": ent.name if ent else None,
            "country": ent.country if ent else None,
            "lat": getattr(ent, "lat", None) if ent else None,
            "lon": getattr(ent, "lon", None) if ent else None,
            "admin1": admin1, "admin1_name": admin1_names().get(admin1 or "")}


def _dateline(an: Analysis) -> Mention | None:
    """A headline's leading place and colon (``दिल्ली: स्कूल में हंगामा``): where it happened."""
    for mention in an.mentions:
        start, end = an.mention_span[id(mention)]
        ent = mention.entity
        if start == 0 and an.tokens[end:end + 1] == [":"] and ent is not None \
                and (ent.type or "").lower() in PLACE_TYPES | {"country"}:
            return mention
    return None


def country_hint(an: Analysis, home: Sequence[tuple[str, str]],
                 kinds: tuple[str, ...] = ("country", "place")) -> dict[str, Any] | None:
    """The one state a sentence names (or a national institution of Hindi news such as
    ``राज्यसभा``): where its domestic protests and arrests take place. With ``kinds``
    ``("place",)``, the one state its towns and regions lie in."""
    keys = {}
    for mention in an.mentions:
        ent = mention.entity
        if ent is not None and ent.country and ent.type in kinds:
            keys.setdefault(ent.country, mention)
    if len(keys) == 1:
        (country, mention), = keys.items()
        return {"text": mention.text, "start": mention.start, "end": mention.end,
                "name": None, "country": country, "lat": None, "lon": None, "hint": True}
    if not keys:
        for phrase, country in home:
            pos = an.sentence.text.find(phrase)
            if pos >= 0:
                return {"text": phrase, "start": pos, "end": pos + len(phrase), "name": None,
                        "country": country, "lat": None, "lon": None, "hint": True}
    return None


def public_location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    """The event's recorded place: none for a hint, else the place without its offsets."""
    if loc is None or loc.get("hint"):
        return None
    out = {k: loc[k] for k in ("text", "name", "country", "lat", "lon")}
    if loc.get("admin1"):  # added to EVENTS.md's five keys only where known
        out |= {"admin1": loc["admin1"], "admin1_name": loc.get("admin1_name")}
    return out


def date_event(ev: Event, sentence_text: str, pub_date: str | None, mode: str | None) -> None:
    """The date the sentence gives the event, read with the tense of its aux_mode."""
    try:
        res = resolve_date(sentence_text, pub_date, tense_hint(mode))
    except Exception:  # a date we cannot read must not lose the event
        log.debug("date resolution failed on %r", sentence_text, exc_info=True)
        res = None
    if res is not None:
        ev.date, ev.date_precision, ev.date_text = res.date, res.precision, res.text


def fill_dates(events: list[Event], pub_date: str | None,
               default_to_publication_date: bool) -> None:
    """An undated event takes the date of the same event named elsewhere in the
    article (same type and place, or same type and parties); otherwise, if set, the
    publication date for events reported as having just happened."""
    dated = [e for e in events if e.date]
    for ev in events:
        if ev.date:
            continue
        keys = {ref_key(r) for r in ev.actor + ev.recipient} - {None}
        where = (ev.location or {}).get("name")
        same = [o for o in dated if o.event == ev.event and where
                and (o.location or {}).get("name") == where]
        same += [o for o in dated if o.event == ev.event and keys
                 and keys == {ref_key(r) for r in o.actor + o.recipient} - {None}]
        if same:
            other = same[0]
            ev.date, ev.date_precision, ev.date_text = other.date, other.date_precision, other.date_text
        if not ev.date and default_to_publication_date and pub_date \
                and _ISO_DATE.match(pub_date) and ev.aux_mode in (None, "negation"):
            ev.date, ev.date_precision, ev.date_text = pub_date[:10], "day", None
