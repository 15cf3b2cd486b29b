"""Clean scraped Hindi news text while keeping a map back to the raw text.

Every edit goes through :class:`TrackedText`, which carries for each character of the
current text the position in the raw text it came from; the final positions become the
article's :class:`~ghatna.model.OffsetMap`. The steps, in order:

1. line breaks unified; lines with mojibake repaired by ftfy (curly quotes kept);
2. zero-width characters and soft hyphens dropped, exotic spaces made plain;
3. Unicode NFC, then repair of broken Devanagari vowel signs (ा+े → ो, ा+ै → ौ,
   doubled signs), which NFC does not do, and a visarga typed for a colon after a word
   (``फरीदाबादः …``, a headline's ``… की जांच होः दिग्विजय``; not the adverbs अतः,
   क्रमशः, पुनः … nor the numeral छः);
4. scraping artefacts (``epmty``, ``Top``, share widgets, "ये भी पढ़ें" boxes) dropped,
   from ``data/artefacts.txt`` plus the user's file;
5. headline taken (first line for plain text), copies of it at the top of the body
   dropped, bylines ("- Khidki Desk") moved to ``byline``, a dateline glued to the
   first words ("मास्को चीन और रूस…") moved to ``dateline``.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Callable

import ftfy
import regex

from ..model import Article, OffsetMap
from ..pipeline import stage
from ..settings import Settings, data_lines


class TrackedText:
    """A string with, for each character, its position in the raw text."""

    __slots__ = ("text", "pos")

    def __init__(self, text: str, pos: list[int] | None = None):
        self.text = text
        self.pos = list(range(len(text))) if pos is None else pos

    def __len__(self) -> int:
        return len(self.text)

    def sub(self, pattern: "regex.Pattern[str]", repl: str | Callable[["regex.Match[str]"], str]) -> "TrackedText":
        """Like ``pattern.sub``; replacement characters map to the start of their match."""
        out: list[str] = []
        pos: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new == m.group(0):
                continue  # unchanged: copied with the text around it
            out.append(self.text[last:m.start()])
            pos.extend(self.pos[last:m.start()])
            out.append(new)
            span = self.pos[m.start():m.end()] or [self._pos_at(m.start())]
            pos.extend(span[min(i, len(span) - 1)] for i in range(len(new)))
            last = m.end()
        if not out:
            return self
        out.append(self.text[last:])
        pos.extend(self.pos[last:])
        return TrackedText("".join(out), pos)

    def _pos_at(self, i: int) -> int:
        if i < len(self.pos):
            return self.pos[i]
        return self.pos[-1] + 1 if self.pos else 0

    def slice(self, start: int, end: int) -> "TrackedText":
        return TrackedText(self.text[start:end], self.pos[start:end])

    def strip(self) -> "TrackedText":
        stripped = self.text.strip()
        if not stripped:
            return TrackedText("", [])
        start = self.text.index(stripped)
        return self.slice(start, start + len(stripped))

    def lines(self) -> list["TrackedText"]:
        result = []
        start = 0
        for i, ch in enumerate(self.text):
            if ch == "\n":
                result.append(self.slice(start, i))
                start = i + 1
        result.append(self.slice(start, len(self.text)))
        return result

    @staticmethod
    def join(parts: list["TrackedText"], seps: list[str]) -> "TrackedText":
        """Concatenate ``parts`` with ``seps[i]`` before part ``i+1``."""
        text: list[str] = []
        pos: list[int] = []
        for i, part in enumerate(parts):
            if i:
                sep = seps[i - 1]
                text.append(sep)
                anchor = pos[-1] + 1 if pos else 0
                pos.extend([anchor] * len(sep))
            text.append(part.text)
            pos.extend(part.pos)
        return TrackedText("".join(text), pos)


# Zero-width characters, the BOM, soft hyphen, word joiner and bidi marks.
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# A base with its marks; the precomposed nukta letters (क़ … य़, excluded from NFC
# composition) stand alone too, and NFC splits them into letter + nukta.
_CLUSTER = regex.compile(r"[\u0958-\u095f]\p{M}*|\P{M}\p{M}+")
_MULTISPACE = regex.compile(r" {2,}")
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x85]")

_MONTHS = ("जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|"
           "अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर")

# Broken Devanagari vowel signs as scrapers and old fonts leave them.
_VOWEL_FIXES = {
    "\u093e\u0947": "\u094b",  # ा + े → ो
    "\u0947\u093e": "\u094b",  # े + ा → ो
    "\u093e\u0948": "\u094c",  # ा + ै → ौ
    "\u0948\u093e": "\u094c",  # ै + ा → ौ
    "\u093e\u0945": "\u0949",  # ा + ॅ → ॉ
    "\u0945\u093e": "\u0949",  # ॅ + ा → ॉ
}
_BROKEN_VOWELS = regex.compile("|".join(sorted(_VOWEL_FIXES, key=len, reverse=True)))
# The same dependent vowel sign, nukta, virama or anusvara written twice in a row.
_DOUBLED_SIGN = regex.compile(r"([\u093c-\u094d\u0901\u0902])\1+")


# A visarga typed for a colon after a word, before a space: after a dateline or a label
# ("फरीदाबादः दिवाली की रात …", "नई दिल्लीः …", "सबरीमाला पर घमासानः …") or before a
# headline's speaker ("… की जांच होः दिग्विजय"). Words that do end in a visarga are Sanskrit
# adverbs in -तः/-शः (अतः, अंततः, क्रमशः), a few others (पुनः, प्रायः, नमः, शनैः) and the
# numeral छः: those are left alone.
_VISARGA_COLON = regex.compile(
    r"(?<![\p{L}\p{M}])([\p{L}\p{M}]{2,}?)(?<!त|श|पुन|प्राय|नम|छ|शनै)\u0903(?=\s)")


def _nfc(match: "regex.Match[str]") -> str:
    return unicodedata.normalize("NFC", match.group(0))


def _fix_mojibake(line: TrackedText) -> TrackedText:
    if not line.text or line.text.isascii() or not ftfy.is_bad(line.text):
        return line
    fixed = ftfy.fix_text(line.text, uncurl_quotes=False, fix_latin_ligatures=False,
                          fix_character_width=False, normalization=None)
    if fixed == line.text:
        return line
    return TrackedText(fixed, [line.pos[min(i, len(line.pos) - 1)] for i in range(len(fixed))])


def repair_characters(raw: str | TrackedText) -> TrackedText:
    """Steps 1–3 of the module docstring: character-level repair, offsets kept."""
    tt = raw if isinstance(raw, TrackedText) else TrackedText(raw)
    tt = tt.sub(_NEWLINES, "\n")
    lines = [_fix_mojibake(line) for line in tt.lines()]
    tt = TrackedText.join(lines, ["\n"] * (len(lines) - 1))
    tt = tt.sub(_INVISIBLE, "")
    tt = tt.sub(_SPACES, " ")
    if not unicodedata.is_normalized("NFC", tt.text):  # else every cluster is NFC too
        tt = tt.sub(_CLUSTER, _nfc)
    tt = tt.sub(_BROKEN_VOWELS, lambda m: _VOWEL_FIXES[m.group(0)])
    tt = tt.sub(_DOUBLED_SIGN, r"\1")
    tt = tt.sub(_VISARGA_COLON, r"\1:")
    return tt


def repair_text(text: str) -> str:
    """Character repair of a plain string (NFC, vowel signs, invisible characters)."""
    return repair_characters(text).text


_NEEDS_REPAIR = regex.compile("|".join((_INVISIBLE.pattern, _BROKEN_VOWELS.pattern, _DOUBLED_SIGN.pattern)))


@functools.lru_cache(maxsize=1 << 16)
def repair_token(token: str) -> str:
    """:func:`repair_text` for one token, fast on the clean ones; a token that repair
    would empty (only invisible characters) is returned as it was."""
    if unicodedata.is_normalized("NFC", token) and not _NEEDS_REPAIR.search(token):
        return token
    return repair_text(token) or token


def _fold(text: str) -> str:
    """A comparison key for lines: no punctuation, no spaces, lower case."""
    return regex.sub(r"[\p{P}\p{S}\s]+", "", text).lower()


@dataclass
class Cleaner:
    """Line-level cleaning rules built once from settings and data files."""

    artefact: "regex.Pattern[str]"
    byline: "regex.Pattern[str]"
    dateline: "regex.Pattern[str]"
    max_byline_chars: int

    @classmethod
    def from_settings(cls, settings: Settings) -> "Cleaner":
        conf = settings["clean"]
        artefacts = data_lines("artefacts.txt", conf.get("artefacts_file") or None)
        places = data_lines("datelines.txt", conf.get("datelines_file") or None)
        places.sort(key=len, reverse=True)
        artefact = regex.compile(r"(?:" + "|".join(f"(?:{a})" for a in artefacts) + r")",
                                 regex.IGNORECASE | regex.V1)
        byline = regex.compile(
            r"^(?:[-–—]+\s*(?P<name>\S.*)"
            r"|(?:by|द्वारा|रिपोर्ट|लेखक|संवाददाता|रिपोर्टर|edited by|संपादन)\s*[:：-]?\s*(?P<name2>\S.*))$",
            regex.IGNORECASE)
        place = "|".join(regex.escape(p) for p in places)
        # "नई दिल्ली, 12 मार्च (भाषा)।", "मास्को:", "मास्को चीन और रूस…" (no postposition after it)
        dateline = regex.compile(
            rf"^(?P<dl>(?:{place})"
            rf"(?:\s*,\s*[\p{{N}}]{{1,2}}\s+(?:{_MONTHS})(?:\s*,?\s*[\p{{N}}]{{4}})?)?"
            r"(?:\s*\((?:भाषा|वार्ता|एजेंसी|एजेंसियां|आईएएनएस|पीटीआई|एएनआई|प्रेट्र|यूएनआई|"
            r"[\p{L}\p{M} ]{1,20})\))?"
            r"(?:\s*[:：।|–—-]+\s*|\s+(?!(?:में|से|के|की|का|को|ने|पर|तक|और|एवं|तथा|ही|भी)(?:\s|$|[,।])))"
            r")(?=\S)")
        return cls(artefact, byline, dateline, int(conf.get("max_byline_chars", 60)))

    def is_artefact(self, line: str) -> bool:
        return bool(self.artefact.fullmatch(line))

    def byline_of(self, line: str) -> str | None:
        if len(line) > self.max_byline_chars:
            return None
        m = self.byline.match(line)
        if not m:
            return None
        name = (m.group("name") or m.group("name2") or "").strip()
        # A dash line that is a sentence ends in a danda or a full stop: not a byline.
        if not name or name.endswith(("।", ".", "?", "!")) or len(name.split()) > 6:
            return None
        return name

    def clean(self, article: Article) -> Article:
        tt = repair_characters(article.raw)
        lines = [ln.sub(_MULTISPACE, " ").strip() for ln in tt.lines()]
        blank_before: list[bool] = []
        kept: list[TrackedText] = []
        gap = False
        for line in lines:
            if not line.text or self.is_artefact(line.text):
                gap = gap or not line.text
                continue
            kept.append(line)
            blank_before.append(gap)
            gap = False

        title_line: TrackedText | None = None
        if article.title_hint:
            article.title = repair_text(" ".join(article.title_hint.split()))
        elif kept:
            title_line = kept.pop(0)
            blank_before.pop(0)
            article.title = title_line.text
            article.title_raw_start = title_line.pos[0] if title_line.pos else 0

        bylines: list[str] = []
        body: list[TrackedText] = []
        body_gaps: list[bool] = []
        title_key = _fold(article.title)
        for line, gap in zip(kept, blank_before):
            if not body and title_key and _fold(line.text) == title_key:
                continue  # the headline repeated at the top of the body
            name = self.byline_of(line.text)
            if name and (not body or len(body) <= 2):
                bylines.append(name)
                continue
            body.append(line)
            body_gaps.append(gap)

        if body:
            m = self.dateline.match(body[0].text)
            if m and len(body[0].text) > m.end() + 20:
                article.dateline = m.group("dl").strip(" :：।|–—-")
                body[0] = body[0].slice(m.end(), len(body[0]))

        joined = TrackedText.join(body, ["\n\n" if g else "\n" for g in body_gaps[1:]])
        article.text = joined.text
        article.offsets = OffsetMap.from_positions(joined.pos)
        if bylines:
            article.byline = "; ".join(bylines)
        return article


@stage("clean", requires=("raw",), assigns=("title", "text", "offsets", "byline", "dateline"))
def make_cleaner(settings: Settings):
    cleaner = Cleaner.from_settings(settings)
    return cleaner.clean
