"""Devanagari → Latin romanisation and a spelling-tolerant search key, for search.

Search must find ``लावरोव`` when a user types ``lavrov``. The store keeps, beside each
article's text, the *search keys* of its words: Devanagari words are first romanised
the way Hindi names are usually written in English (long and short vowels folded, the
inherent vowel dropped at the end of a word and between a vowel and a consonant that
carries its own vowel), then both scripts go through :func:`fold`, which merges spellings
that sound alike (``w``/``v``, ``ph``/``f``, aspirates, doubled letters). A query is folded
the same way and matched as a prefix.

This is a small romaniser written for the web interface; the knowledge base has its
own (``ghatna.translit`` on the ``kb`` branch) and the two can be unified.
"""

from __future__ import annotations

import unicodedata

import regex

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j",
    "झ": "jh", "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t",
    "थ": "th", "द": "d", "ध": "dh", "न": "n", "ऩ": "n", "प": "p", "फ": "ph", "ब": "b",
    "भ": "bh", "म": "m", "य": "y", "र": "r", "ऱ": "r", "ल": "l", "ळ": "l", "व": "v",
    "श": "sh", "ष": "sh", "स": "s", "ह": "h",
    "क़": "q", "ख़": "kh", "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}
_NUKTA_FORMS = {"क": "क़", "ख": "ख़", "ग": "ग़", "ज": "ज़", "ड": "ड़", "ढ": "ढ़", "फ": "फ़", "य": "य़"}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e",
    "ऐ": "ai", "ओ": "o", "औ": "au", "ऍ": "e", "ऑ": "o", "ऎ": "e", "ऒ": "o",
}
_MATRAS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai",
    "ो": "o", "ौ": "au", "ॅ": "e", "ॉ": "o", "ॆ": "e", "ॊ": "o",
}
_CODAS = {"ं": "n", "ँ": "n", "ः": "h"}
_VIRAMA, _NUKTA = "्", "़"
_DIGITS = {chr(0x0966 + i): str(i) for i in range(10)}

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")


class _Unit:
    """One consonant with its vowel, or an independent vowel; plus a coda (ं ः)."""

    __slots__ = ("cons", "vowel", "inherent", "coda")

    def __init__(self, cons: str, vowel: str, inherent: bool):
        self.cons, self.vowel, self.inherent, self.coda = cons, vowel, inherent, ""


def _units(word: str) -> list[_Unit]:
    units: list[_Unit] = []
    chars = unicodedata.normalize("NFC", word)
    i = 0
    while i < len(chars):
        ch = chars[i]
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in _CONSONANTS or ch in _NUKTA_FORMS:
            if nxt == _NUKTA and ch in _NUKTA_FORMS:
                ch = _NUKTA_FORMS[ch]
                i += 1
            units.append(_Unit(_CONSONANTS.get(ch, ""), "a", True))
        elif ch in _VOWELS:
            units.append(_Unit("", _VOWELS[ch], False))
        elif ch in _MATRAS and units:
            units[-1].vowel, units[-1].inherent = _MATRAS[ch], False
        elif ch == _VIRAMA and units:
            units[-1].vowel, units[-1].inherent = "", False
        elif ch in _CODAS and units:
            units[-1].coda += _CODAS[ch]
        elif ch in _DIGITS:
            units.append(_Unit(_DIGITS[ch], "", False))
        elif ch.isascii() and ch.isalnum():
            units.append(_Unit(ch.lower(), "", False))
        i += 1
    return units


def romanise_word(word: str) -> str:
    """One Devanagari word in plain ASCII Latin (``लावरोव`` → ``lavrov``)."""
    units = _units(word)
    if not units:
        return ""
    last = units[-1]
    if len(units) > 1 and last.inherent and not last.coda:
        last.vowel = ""
    for k in range(1, len(units) - 1):
        unit, before, after = units[k], units[k - 1], units[k + 1]
        if (unit.inherent and not unit.coda and before.vowel and not before.coda
                and after.cons and after.vowel):
            unit.vowel = ""
    return "".join(u.cons + u.vowel + u.coda for u in units)


def romanise(text: str) -> str:
    """Every Devanagari word of ``text`` romanised; other words kept as they are."""
    return _WORD.sub(lambda m: romanise_word(m.group()) if _DEVANAGARI.search(m.group())
                     else m.group(), text)


_FOLDS = [
    ("chh", "\x01"), ("ch", "\x01"), ("ck", "k"), ("c", "k"), ("\x01", "c"), ("ph", "f"),
    ("w", "v"), ("q", "k"), ("x", "ks"), ("z", "j"), ("sh", "s"), ("ee", "i"), ("oo", "u"),
    ("ai", "ay"),
]


def fold(word: str) -> str:
    """A spelling-tolerant key for one Latin word (lowercase ASCII): ``Wang`` → ``vang``."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if c.isascii() and c.isalnum())
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = regex.sub(r"(?<=[bcdgjklmnprtv])h", "", word)
    word = regex.sub(r"(?<=[a-z][a-z])y$", "i", word)
    return regex.sub(r"(.)\1+", r"\1", word)


def search_keys(text: str) -> list[str]:
    """The folded search key of every word of ``text``, in either script."""
    keys = []
    for m in _WORD.finditer(text):
        word = m.group()
        latin = romanise_word(word) if _DEVANAGARI.search(word) else word
        key = fold(latin)
        if key:
            keys.append(key)
    return keys


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text``, Devanagari vowel signs included."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def is_devanagari(word: str) -> bool:
    return bool(_DEVANAGARI.search(word))
