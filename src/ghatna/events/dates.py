"""Dates in Hindi sentences, resolved against the article's publication date.

:func:`find_date_expressions` finds every date expression in a sentence with its
offsets (the event coder picks the one nearest its trigger); :func:`resolve_expression`
turns one into a calendar date; :func:`resolve_date` does both and returns one.

What is covered, and how it resolves (``pub`` is the publication date):

* weekdays: ``सोमवार को`` is the most recent Monday on or before ``pub`` (the same day
  included), or the first on or after it when the verb is future; ``पिछले/बीते सोमवार``
  is strictly before, ``अगले सोमवार`` strictly after;
* ``आज``; ``कल`` and ``परसों`` by the tense of the verb they modify (past: -1/-2 days,
  future -गा/-गी/-गे: +1/+2); ``बीती रात`` is the day before;
* ``दो दिन पहले``, ``3 सप्ताह बाद``, ``एक साल पहले`` with number words or digits; not when
  counted from another event (``बैठक के दो दिन बाद``);
* ``पिछले/बीते/गत/इस/अगले सप्ताह|महीने|साल``: months and years at month and year
  precision; a week at month precision, in the month holding the week's Thursday
  (the ISO 8601 rule for which month a week belongs to);
* explicit dates in Devanagari or Latin digits: ``15 अगस्त 2021``, ``१५ अगस्त``,
  ``12 मार्च को``, ``मार्च 2020``, ``2019 में``, ``23/03/2021``, ``2021-03-23``. A date
  without a year takes the year that puts it on or before ``pub`` (on or after for a
  future verb), or the year just before it (``पिछले साल 12 मार्च को``).

Without a publication date, relative expressions resolve to nothing, while explicit
dates (with a year) still resolve.

dateparser (``languages=["hi"]``) is used for numeric dates and messy publication
dates, where it is right. It is not used for the rest because, with ``RELATIVE_BASE``
2021-03-23 (a Tuesday), it gets these wrong (``benchmarks/dateparser_hindi.py`` prints
the comparison): ``मंगलवार`` → 2021-03-16 (never the same day), ``कल`` → always
tomorrow, ``परसों`` → always two days back, ``पिछले सप्ताह``/``पिछले महीने``/``बीते
वर्ष``/``गत सप्ताह`` → None, number words (``दो दिन पहले``, ``एक सप्ताह पहले``, ``दस दिन
बाद``) → None, ``मार्च 2020`` → 2020-03-23 and ``2019`` → 2019-03-23 (day filled from the
base date, the precision lost).
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass, field
from typing import Any

import regex

from ..settings import data_text
from ..text.hindi import L as _L
from ..text.hindi import R as _R
from ..text.hindi import alternation as _alternation
from ..text.hindi import fold as _fold

_DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass
class DateExpression:
    """A date expression found in a sentence; ``start``/``end`` are sentence offsets."""

    text: str
    start: int
    end: int
    kind: str
    parts: dict[str, Any] = field(default_factory=dict)


@dataclass
class DateResolution:
    """A resolved date: ``date`` is YYYY-MM-DD (the first day of a month or year at
    month or year precision); ``text``/``start``/``end`` are the words in the sentence."""

    date: str
    precision: str
    text: str
    start: int
    end: int
    kind: str = ""


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    modifiers: dict[str, int]
    directions: dict[str, int]
    not_future: tuple[str, ...]
    past_aux: frozenset[str]
    patterns: tuple[tuple[str, Any], ...]


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = tomllib.loads(data_text("hindi_dates.toml"))

    def folded(table: str) -> dict[str, Any]:
        return {_fold(k): v for k, v in data[table].items()}

    months, weekdays = folded("months"), folded("weekdays")
    numbers, units = folded("numbers"), folded("units")
    modifiers, directions = folded("span_modifiers"), folded("directions")
    month = _alternation(data["months"])
    weekday = _alternation(data["weekdays"])
    number = _alternation(data["numbers"])
    unit = _alternation(data["units"])
    span_unit = _alternation(k for k, v in data["units"].items() if v != "day")
    mod = _alternation(data["span_modifiers"])
    direction = _alternation(data["directions"])
    post = r"(?:\s+(?:को|में))?"
    year = r"(?:1[89]|20)[0-9]{2}"
    pats = [
        ("numeric", rf"{_L}(?:[0-9]{{1,2}}([/.\-])[0-9]{{1,2}}\1{year}|{year}-[0-9]{{1,2}}-[0-9]{{1,2}}){_R}{post}"),
        ("dmy", rf"{_L}(?P<d>[0-9]{{1,2}})\s*(?P<m>{month})(?:,?\s+(?P<y>{year}))?{_R}{post}"),
        ("mdy", rf"{_L}(?P<m>{month})\s+(?P<d>[0-9]{{1,2}}),?\s+(?P<y>{year}){_R}{post}"),
        ("my", rf"{_L}(?P<m>{month}),?\s+(?P<y>{year}){_R}{post}"),
        ("month", rf"{_L}(?P<m>{month})(?:\s+(?:महीने|माह))?(?=\s+(?:में|को|के|की|से|तक){_R}){post}"),
        ("year", rf"{_L}(?:(?:साल|वर्ष|सन्?)\s+(?P<y>{year}){_R}|(?P<y2>{year})(?=\s+(?:में|को|के|की|का|से|तक){_R})){post}"),
        ("weekday", rf"{_L}(?:(?P<mod>{mod})\s+)?(?P<wd>{weekday}){_R}(?:\s+को{_R})?"),
        ("deictic", rf"{_L}(?P<deictic>आज|कल|परसों|बीती\s+रात){_R}(?:\s+को{_R})?"),
        ("relative", rf"{_L}(?P<n>[0-9]+|{number})\s+(?P<unit>{unit})\s+(?P<dir>{direction}){_R}"),
        ("span", rf"{_L}(?P<mod>{mod})\s+(?P<unit>{span_unit}){_R}"),
    ]
    return _Lexicon(
        months, weekdays, numbers, units, modifiers, directions,
        tuple(_fold(w) for w in data["tense"]["not_future_suffixes"]),
        frozenset(data["tense"]["past_auxiliaries"]),
        tuple((kind, regex.compile(p)) for kind, p in pats),
    )


def find_date_expressions(sentence_text: str) -> list[DateExpression]:
    """Every date expression in the sentence, in text order, without overlaps
    (the longer of two overlapping expressions wins)."""
    lex = _lexicon()
    work = sentence_text.translate(_DEV_DIGITS)  # same length: offsets are kept
    found: list[DateExpression] = []
    for kind, pattern in lex.patterns:
        for m in pattern.finditer(work):
            parts = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "relative" and regex.search(r"(?:के|से)\s*$", work[:m.start()]):
                continue  # "बैठक के दो दिन बाद" counts from another event
            found.append(DateExpression(sentence_text[m.start():m.end()], m.start(), m.end(),
                                        kind, parts))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[DateExpression] = []
    for expr in found:
        if kept and expr.start < kept[-1].end:
            continue
        kept.append(expr)
    return _merge_years(sentence_text, kept, lex)


def _merge_years(text: str, exprs: list[DateExpression], lex: _Lexicon) -> list[DateExpression]:
    """Join a year before a year-less date: "पिछले साल 12 मार्च को", "2019 मार्च में"."""
    out: list[DateExpression] = []
    for expr in exprs:
        prev = out[-1] if out else None
        if (prev is not None and expr.kind in ("dmy", "month") and "y" not in expr.parts
                and regex.fullmatch(r"\s*,?\s*", text[prev.end:expr.start])
                and (prev.kind == "year" and not prev.text.endswith(("में", "को"))
                     or prev.kind == "span" and lex.units.get(_fold(prev.parts["unit"])) == "year")):
            parts = dict(expr.parts, year_of=prev.kind, year_parts=prev.parts)
            out[-1] = DateExpression(text[prev.start:expr.end], prev.start, expr.end, expr.kind, parts)
            continue
        out.append(expr)
    return out


_BOUNDARY = regex.compile(r"(?<![\p{L}\p{M}])कि(?![\p{L}\p{M}])|[।.?!;,:“”\"‘’]")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+")
_FUTURE = regex.compile(r"(?:[ेोूएओऊ]|ाए)[ंँ]?ग[ाीे][ंँ]?$")
_PAST_FORMS = frozenset("ने गया गई गए गयी गये हुआ हुई हुए किया किए किये कहा दिया दिए "
                        "लिया लिए बताया".split())


def _token_future(tok: str, lex: _Lexicon) -> bool:
    return bool(_FUTURE.search(tok)) and not _fold(tok).endswith(lex.not_future)


def _has_future(text: str, lex: _Lexicon) -> bool:
    if regex.search(r"ने\s+वाल[ाीे]" + _R, text):
        return True
    return any(_token_future(t, lex) for t in _TOKEN.findall(text))


def infer_tense(sentence_text: str, start: int = 0, end: int | None = None) -> str:
    """"future" or "past" for the verb governing the words at ``start:end``.

    Hindi puts the verb after its time adverb, so the clause after the expression is
    read first (up to कि or punctuation): a future form (-गा/-गी/-गे, "होने वाली")
    there means future, a past form means past; failing both, any future form in the
    sentence means future. Otherwise past: news mostly reports what happened.
    """
    lex = _lexicon()
    end = start if end is None else end
    rest = sentence_text[end:]
    stop = _BOUNDARY.search(rest)
    window = rest[:stop.start()] if stop else rest
    if _has_future(window, lex):
        return "future"
    tokens = _TOKEN.findall(window)
    if any(t in lex.past_aux or t in _PAST_FORMS for t in tokens):
        return "past"
    return "future" if _has_future(sentence_text, lex) else "past"


def parse_pub_date(pub_date: str | dt.date | None) -> dt.date | None:
    """The publication date as a date: ISO first, then dateparser for other formats."""
    if pub_date is None or isinstance(pub_date, dt.date):
        return pub_date
    text = str(pub_date).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"DATE_ORDER": "DMY"})
    return parsed.date() if parsed else None


def _shift_months(day: dt.date, k: int) -> dt.date:
    n = day.year * 12 + day.month - 1 + k
    return dt.date(n // 12, n % 12 + 1, 1)


def _number(text: str, lex: _Lexicon) -> int | None:
    if text.isdigit():
        return int(text)
    return lex.numbers.get(_fold(text))


def resolve_expression(expr: DateExpression, sentence_text: str,
                       pub_date: str | dt.date | None,
                       tense_hint: str | None = None) -> DateResolution | None:
    """The calendar date of one expression found in ``sentence_text``, or None."""
    lex = _lexicon()
    pub = parse_pub_date(pub_date)
    p = expr.parts

    def tense() -> str:
        if tense_hint in ("past", "future"):
            return tense_hint
        return infer_tense(sentence_text, expr.start, expr.end)

    def out(day: dt.date, precision: str) -> DateResolution:
        return DateResolution(day.isoformat(), precision, expr.text, expr.start, expr.end, expr.kind)

    try:
        if expr.kind == "numeric":
            import dateparser

            core = regex.sub(r"\s+(?:को|में)$", "", expr.text).translate(_DEV_DIGITS)
            parsed = dateparser.parse(core, settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})
            return out(parsed.date(), "day") if parsed else None
        if "year_of" in p:  # a year-less date after its year
            yp = p["year_parts"]
            if p["year_of"] == "year":
                year = int(yp.get("y") or yp["y2"])
            elif pub is None:
                return None
            else:
                year = pub.year + lex.modifiers[_fold(yp["mod"])]
            month = lex.months[_fold(p["m"])]
            if expr.kind == "dmy":
                return out(dt.date(year, month, int(p["d"])), "day")
            return out(dt.date(year, month, 1), "month")
        if expr.kind in ("dmy", "mdy"):
            month, day = lex.months[_fold(p["m"])], int(p["d"])
            if "y" in p:
                return out(dt.date(int(p["y"]), month, day), "day")
            if pub is None:
                return None
            cand = dt.date(pub.year, month, day)
            if tense() == "future":
                return out(cand if cand >= pub else dt.date(pub.year + 1, month, day), "day")
            return out(cand if cand <= pub else dt.date(pub.year - 1, month, day), "day")
        if expr.kind == "my":
            return out(dt.date(int(p["y"]), lex.months[_fold(p["m"])], 1), "month")
        if expr.kind == "year":
            return out(dt.date(int(p.get("y") or p["y2"]), 1, 1), "year")
        if pub is None:
            return None
        if expr.kind == "month":
            month = lex.months[_fold(p["m"])]
            year = pub.year
            if tense() == "future":
                year += month < pub.month
            else:
                year -= month > pub.month
            return out(dt.date(year, month, 1), "month")
        if expr.kind == "weekday":
            wd = lex.weekdays[_fold(p["wd"])]
            mod = lex.modifiers.get(_fold(p.get("mod", "")), 0)
            back = (pub.weekday() - wd) % 7
            ahead = (wd - pub.weekday()) % 7
            if mod < 0:
                return out(pub - dt.timedelta(days=back or 7), "day")
            if mod > 0:
                return out(pub + dt.timedelta(days=ahead or 7), "day")
            if tense() == "future":
                return out(pub + dt.timedelta(days=ahead), "day")
            return out(pub - dt.timedelta(days=back), "day")
        if expr.kind == "deictic":
            word = _fold(p["deictic"])
            if word == "आज":
                return out(pub, "day")
            if word.startswith("बीती"):
                return out(pub - dt.timedelta(days=1), "day")
            days = 1 if word == "कल" else 2
            sign = 1 if tense() == "future" else -1
            return out(pub + dt.timedelta(days=sign * days), "day")
        if expr.kind == "relative":
            n = _number(p["n"], lex)
            unit = lex.units[_fold(p["unit"])]
            sign = lex.directions[_fold(p["dir"])]
            if n is None:
                return None
            if unit in ("day", "week"):
                return out(pub + dt.timedelta(days=sign * n * (7 if unit == "week" else 1)), "day")
            if unit == "month":
                return out(_shift_months(pub, sign * n), "month")
            return out(dt.date(pub.year + sign * n, 1, 1), "year")
        if expr.kind == "span":
            mod = lex.modifiers[_fold(p["mod"])]
            unit = lex.units[_fold(p["unit"])]
            if unit == "week":
                monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=mod)
                return out((monday + dt.timedelta(days=3)).replace(day=1), "month")
            if unit == "month":
                return out(_shift_months(pub, mod), "month")
            return out(dt.date(pub.year + mod, 1, 1), "year")
    except (ValueError, OverflowError, KeyError):
        return None  # e.g. "31 फरवरी", or a year out of range
    return None


def resolve_all(sentence_text: str, pub_date: str | dt.date | None,
                tense_hint: str | None = None) -> list[DateResolution]:
    """Every resolvable date expression in the sentence, in text order."""
    out = []
    for expr in find_date_expressions(sentence_text):
        res = resolve_expression(expr, sentence_text, pub_date, tense_hint)
        if res is not None:
            out.append(res)
    return out


def resolve_date(sentence_text: str, pub_date: str | dt.date | None,
                 tense_hint: str | None = None, near: int | None = None) -> DateResolution | None:
    """One resolved date for the sentence, or None.

    With ``near`` (an offset, e.g. an event trigger's start), the expression closest to
    it is chosen, one before it winning a tie (Hindi puts time adverbs before the verb);
    otherwise the first in the sentence.
    """
    found = resolve_all(sentence_text, pub_date, tense_hint)
    if not found:
        return None
    if near is None:
        return found[0]

    def distance(res: DateResolution) -> tuple[int, int]:
        if res.end <= near:
            return (near - res.end, 0)
        return (max(res.start - near, 0), 1)

    return min(found, key=distance)
