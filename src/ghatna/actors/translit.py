"""Devanagari normalisation, romanisation and a phonetic key shared by both scripts.

Three functions carry the cross-script matcher:

* :func:`normalise` folds spelling variation that does not change a Hindi word
  (nukta, chandrabindu, a nasal consonant + virama written for an anusvara, vowel
  signs typed as two pieces, zero-width joiners), so that exact matching can work
  on the normal form.
* :func:`romanise` turns Devanagari into plain ASCII Latin the way Hindi names are
  usually written in English: long and short vowels folded, the inherent vowel
  dropped at the end of a word and in the middle where Hindi speakers drop it
  (``लावरोव`` → ``lavrov``, ``कमल`` → ``kamal``).
* :func:`keys` builds a consonant skeleton from Latin text (or romanised
  Devanagari): aspirates folded, soft/hard g, ``sh``/``s``/``x``, ``v``/``w``,
  ``f``/``ph``/``p``, ``z``/``j``/``ch``, vowels dropped except at the start of a
  word. Names that sound alike in the two scripts get the same key, which is used
  to find candidates that :mod:`rapidfuzz` then confirms.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_P0 = regex.compile(r"([\s\-_.,'’]+)")
_P1 = regex.compile(r"[\s\-_.,'’]+")
_P2 = regex.compile(r"\s+")
_P3 = regex.compile(r"[^a-z0-9 ]+")
_P4 = regex.compile(r"c(?=[eiy])")
_P5 = regex.compile(r"c(?!h)")
_P6 = regex.compile(r"g(?=[eiy])")
_P7 = regex.compile(r"g[eiy]")
_P8 = regex.compile(r"\bx")
_P9 = regex.compile(r"(.)\1+")

VIRAMA = "\u094d"
NUKTA = "\u093c"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"
VISARGA = "\u0903"

_NUKTA_PRECOMPOSED = {
    "\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
    "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f",
    "\u0929": "\u0928", "\u0931": "\u0930", "\u0934": "\u0933",
}
# A nasal consonant with virama before a consonant is an anusvara in modern spelling.
_NASALS = "\u0919\u091e\u0923\u0928\u092e"  # ङ ञ ण न म
_HALF_NASAL = regex.compile(f"[{_NASALS}]{VIRAMA}(?=[\u0915-\u092e])")
_SPLIT_VOWELS = [("\u093e\u0947", "\u094b"), ("\u093e\u0948", "\u094c"),
                 ("\u0947\u093e", "\u094b"), ("\u0905\u093e", "\u0906"),
                 ("\u0905\u0949", "\u0911")]
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u00ad\ufeff]")
_REPEATED_SIGN = regex.compile(r"([\u093e-\u094c\u0902])\1+")


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """The normal form used for exact matching (Devanagari folded, Latin lowered)."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(_NUKTA_PRECOMPOSED.get(ch, ch) for ch in text).replace(NUKTA, "")
    text = text.replace(CHANDRABINDU, ANUSVARA)
    for pair, single in _SPLIT_VOWELS:
        text = text.replace(pair, single)
    text = _HALF_NASAL.sub(ANUSVARA, text)
    text = _REPEATED_SIGN.sub(r"\1", text)
    return text.lower()


# --- romanisation ---------------------------------------------------------------

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n",
    "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v",
    "श": "sh", "ष": "sh", "स": "s", "ह": "h",
}
_NUKTA_CONSONANTS = {"क": "q", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh",
                     "फ": "f", "य": "y", "न": "n", "र": "r", "ळ": "l"}
_MATRAS = {
    "\u093e": "a", "\u093f": "i", "\u0940": "i", "\u0941": "u", "\u0942": "u",
    "\u0943": "ri", "\u0944": "ri", "\u0945": "e", "\u0946": "e", "\u0947": "e",
    "\u0948": "ai", "\u0949": "o", "\u094a": "o", "\u094b": "o", "\u094c": "au",
}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri",
    "ऍ": "e", "ए": "e", "ऐ": "ai", "ऑ": "o", "ओ": "o", "औ": "au", "ऎ": "e", "ऒ": "o",
}
_DIGITS = {chr(0x0966 + i): str(i) for i in range(10)}
_DEVANAGARI = regex.compile(r"[\u0900-\u097f]")


class _Unit:
    __slots__ = ("cons", "vowel", "inherent", "coda")

    def __init__(self, cons: str | None, vowel: str, inherent: bool):
        self.cons = cons
        self.vowel = vowel
        self.inherent = inherent
        self.coda = ""


@lru_cache(maxsize=200_000)
def _romanise_word(word: str) -> str:
    units: list[_Unit] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _CONSONANTS:
            cons = _CONSONANTS[ch]
            if i + 1 < n and word[i + 1] == NUKTA:
                cons = _NUKTA_CONSONANTS.get(ch, cons)
                i += 1
            unit = _Unit(cons, "a", True)
            if i + 1 < n:
                nxt = word[i + 1]
                if nxt == VIRAMA:
                    unit.vowel, unit.inherent = "", False
                    i += 1
                elif nxt in _MATRAS:
                    unit.vowel, unit.inherent = _MATRAS[nxt], False
                    i += 1
            units.append(unit)
        elif ch in _NUKTA_PRECOMPOSED:
            word = word[:i] + _NUKTA_PRECOMPOSED[ch] + NUKTA + word[i + 1:]
            n = len(word)
            continue
        elif ch in _VOWELS:
            units.append(_Unit(None, _VOWELS[ch], False))
        elif ch in (ANUSVARA, CHANDRABINDU):
            if units:  # "ng" before ह (सिंह → singh), else n
                units[-1].coda += "ng" if word[i + 1:i + 2] == "ह" else "n"
            else:
                units.append(_Unit(None, "n", False))
        elif ch == VISARGA:
            if units:
                units[-1].coda += "h"
        elif ch in _DIGITS:
            units.append(_Unit(None, _DIGITS[ch], False))
        elif ch in _MATRAS:  # a stray vowel sign
            units.append(_Unit(None, _MATRAS[ch], False))
        elif ch == NUKTA or ch == VIRAMA:
            pass
        else:
            units.append(_Unit(None, ch.lower() if ch.isascii() else "", False))
        i += 1
    # Schwa deletion, right to left: the inherent vowel goes at the end of a word and
    # between a vowel-final syllable and a consonant+vowel syllable (VC_CV).
    for k in range(len(units) - 1, 0, -1):
        unit = units[k]
        if not unit.inherent or unit.coda:
            continue
        if k == len(units) - 1:
            # kept after a conjunct (नरेंद्र, मित्र), dropped otherwise
            if len(units) > 1 and units[k - 1].vowel:
                unit.vowel = ""
            continue
        prev, nxt = units[k - 1], units[k + 1]
        if prev.vowel and nxt.cons is not None and nxt.vowel:
            unit.vowel = ""
    out = []
    for unit in units:
        out.append((unit.cons or "") + unit.vowel + unit.coda)
    return "".join(out)


@lru_cache(maxsize=200_000)
def romanise(text: str) -> str:
    """Plain ASCII Latin for ``text``; Latin input is folded to ASCII lower case."""
    if not _DEVANAGARI.search(text):
        return ascii_fold(text)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    for pair, single in _SPLIT_VOWELS:
        text = text.replace(pair, single)
    words = _P0.split(text)
    out = []
    for part in words:
        if not part:
            continue
        if _P1.fullmatch(part):
            out.append(" ")
        else:
            out.append(_romanise_word(part))
    return _P2.sub(" ", "".join(out)).strip()


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and spaces: diacritics stripped, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("_", " ").replace("-", " ")
    text = _P3.sub("", text)
    return _P2.sub(" ", text).strip()


# --- search key -------------------------------------------------------------------

# Spellings that sound alike, merged for search; applied in order (``\x01`` holds "ch").
_SEARCH_FOLDS = [
    ("chh", "\x01"), ("ch", "\x01"), ("ck", "k"), ("c", "k"), ("\x01", "c"), ("ph", "f"),
    ("w", "v"), ("q", "k"), ("x", "ks"), ("z", "j"), ("sh", "s"), ("ee", "i"), ("oo", "u"),
    ("ai", "ay"),
]
_SEARCH_ASPIRATE = regex.compile(r"(?<=[bcdgjklmnprtv])h")
_SEARCH_FINAL_Y = regex.compile(r"(?<=[a-z][a-z])y$")


@lru_cache(maxsize=200_000)
def search_key(word: str) -> str:
    """A spelling-tolerant Latin key of one word in either script, for prefix search.

    The word is :func:`romanise`-d (Latin is only folded to ASCII), then spellings that
    sound alike are merged: ``w``/``v``, ``ph``/``f``, ``c``/``k``, ``z``/``j``, ``x``/``ks``
    (``s`` at the start of a word), ``sh``/``s``, ``ee``/``i``, ``oo``/``u``, a final
    ``y``/``i``, the ``h`` of aspirates, doubled letters. ``लावरोव`` and ``Lavrov`` both
    give ``lavrov``, ``वांग`` and ``Wang`` give ``vang``. A query word's key is matched as
    a prefix of the stored keys.
    """
    plain = _P8.sub("s", romanise(word).replace(" ", ""))  # Xi, Xinjiang: शी, शिनच्यांग
    for old, new in _SEARCH_FOLDS:
        plain = plain.replace(old, new)
    plain = _SEARCH_ASPIRATE.sub("", plain)
    plain = _SEARCH_FINAL_Y.sub("i", plain)
    return _P9.sub(r"\1", plain)


# --- phonetic key -----------------------------------------------------------------

_DIGRAPHS = [
    ("tch", "c"), ("sch", "s"), ("chh", "c"), ("ch", "c"), ("sh", "s"), ("zh", "j"),
    ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("bh", "b"),
    ("jh", "j"), ("ck", "k"), ("wh", "v"), ("rh", "r"), ("dz", "j"), ("tz", "s"),
    ("ks", "x"),
]
_CLASS = {
    "b": "B", "c": "J", "d": "D", "f": "P", "g": "G", "h": "", "j": "J", "k": "K",
    "l": "L", "m": "M", "n": "N", "p": "P", "q": "K", "r": "R", "s": "S", "t": "T",
    "v": "V", "w": "V", "x": "S", "y": "", "z": "J",
}
_VOWEL_CHARS = set("aeiou")


@lru_cache(maxsize=200_000)
def _word_key(word: str, soft_g: bool, latin: bool) -> str:
    if not word:
        return ""
    if latin:
        # English spelling: c before e/i/y is s, otherwise k; "ch" stays an affricate.
        word = _P4.sub("s", word)
        word = _P5.sub("k", word)
        if soft_g:
            word = _P6.sub("j", word)
        if word.startswith("x"):
            word = "s" + word[1:]
    for src, dst in _DIGRAPHS:
        word = word.replace(src, dst)
    out = []
    first = word[0]
    if first in _VOWEL_CHARS or first == "y":  # यू/यू-, "U-", "Yu-" all start alike
        out.append("A")
    for idx, ch in enumerate(word):
        if ch in _VOWEL_CHARS:
            continue
        cls = _CLASS.get(ch)
        if cls is None:
            cls = ch if ch.isdigit() else ""
        if ch == "x" and idx > 0:
            cls = "KS"
        if not cls:
            continue
        if cls == "M" and idx + 1 < len(word) and word[idx + 1] in "pbf":
            cls = "N"
        if out and out[-1] == cls:
            continue
        out.append(cls)
    return "".join(out)


@lru_cache(maxsize=200_000)
def keys(text: str) -> tuple[str, ...]:
    """Phonetic keys of ``text`` (one for Devanagari, one or two for Latin)."""
    latin = not _DEVANAGARI.search(text)
    if not latin and " " in text.strip():  # word by word, each remembered
        joined = "".join((keys(w) or ("",))[0] for w in text.split())
        return (joined,) if joined else ()
    plain = _english(ascii_fold(text)) if latin else romanise(text)
    words = plain.split()
    variants = (False, True) if latin and _P7.search(plain) else (False,)
    out = []
    for soft in variants:
        key = "".join(_word_key(w, soft, latin) for w in words)
        if key and key not in out:
            out.append(key)
    return tuple(out)


def key(text: str) -> str:
    """The first phonetic key of ``text`` ("" when it has none)."""
    found = keys(text)
    return found[0] if found else ""


def is_devanagari(text: str) -> bool:
    return bool(_DEVANAGARI.search(text))


_ENGLISH_ATION = regex.compile(r"ation")
_ENGLISH_TION = regex.compile(r"[ts]ion")
_ENGLISH_MAGIC_E = regex.compile(r"a([bdfgklmnprstvz])e(?=s?\b)")
_LOOSE_CLASS = str.maketrans({"c": "j", "z": "j", "f": "p", "q": "k", "w": "v", "x": "s",
                              "y": "i", "h": None, " ": None})


def _english(plain: str) -> str:
    """English spellings as Hindi writes them: -ation/-tion → -eshan/-shan, magic e
    (states → stets), ea → e, -ture → -char."""
    plain = _ENGLISH_ATION.sub("eshan", plain)
    plain = _ENGLISH_TION.sub("shan", plain)
    plain = _ENGLISH_MAGIC_E.sub(r"e\1", plain)
    return plain.replace("ea", "e").replace("ture", "char")


# English letters as Hindi spells them out in initials ("एस जयशंकर" = S. Jaishankar).
LETTER_NAMES = {
    "ए": "a", "बी": "b", "सी": "c", "डी": "d", "ई": "e", "एफ": "f", "जी": "g", "एच": "h",
    "आई": "i", "जे": "j", "एल": "l", "एम": "m", "एन": "n", "ओ": "o", "पी": "p",
    "क्यू": "q", "आर": "r", "एस": "s", "टी": "t", "यू": "u", "वी": "v", "डब्ल्यू": "w",
    "डब्लू": "w", "एक्स": "x", "वाई": "y", "जेड": "z",
}


@lru_cache(maxsize=200_000)
def loose(text: str) -> str:
    """A sound-alike Latin form for fuzzy comparison: like :func:`keys` but keeping vowels.

    A Devanagari word that spells out an English letter (एस, बी) becomes that letter."""
    if " " in text.strip():
        return "".join(loose(w) for w in text.split())
    letter = LETTER_NAMES.get(text.strip(" .।"))
    if letter:
        return letter
    latin = not _DEVANAGARI.search(text)
    plain = ascii_fold(text) if latin else romanise(text)
    if latin:
        plain = _english(plain)
        plain = _P4.sub("s", plain)
        plain = _P5.sub("k", plain)
        plain = _P8.sub("s", plain)
    for src, dst in _DIGRAPHS:
        plain = plain.replace(src, dst)
    plain = plain.replace("y", "i")
    for src, dst in (("ee", "i"), ("oo", "u"), ("ai", "e"), ("ei", "e"), ("au", "o"),
                     ("ou", "u"), ("iu", "u"), ("iy", "i")):
        plain = plain.replace(src, dst)
    plain = plain.translate(_LOOSE_CLASS)
    return _P9.sub(r"\1", plain)


@lru_cache(maxsize=50_000)
def spelled_letters(word: str) -> str | None:
    """The Latin letters a Devanagari word spells out letter by letter (यूएनओ → "uno"),
    or None when it is not such a word."""
    word = normalise(word)
    names = sorted(((normalise(k), v) for k, v in LETTER_NAMES.items()), key=lambda kv: -len(kv[0]))
    out, i = [], 0
    while i < len(word):
        for name, letter in names:
            if word.startswith(name, i):
                out.append(letter)
                i += len(name)
                break
        else:
            return None
    return "".join(out) or None


# --- Latin place names to Devanagari ------------------------------------------------

# GeoNames writes Indian names with macrons for long vowels (Jhānsi, Bilāspur); without
# them a short vowel is read, except at the end of a word, where Hindi names end long
# (Gaya गया, Kota कोटा, Sangli सांगली). ``ṛ`` stands for ड़, ``ṃ`` for the anusvara.
_LATIN_ENDINGS = [("abad", "ābād"), ("garh", "gaṛh"), ("gadh", "gaṛh"), ("gaon", "gāṃv"),
                  ("wara", "wāṛā"), ("wada", "wāṛā"), ("bagh", "bāg"), ("ao", "āv")]
# the last parts of compound names: no cluster is written across their start
_COMPOUND_PARTS = ("pur", "nagar", "gaṛh", "ganj", "ābād", "kot", "pura", "puram", "gāṃv",
                   "wāṛā", "bāg", "ur")
_LATIN_CONSONANTS = [
    ("chh", "छ"), ("kh", "ख"), ("gh", "घ"), ("ch", "च"), ("jh", "झ"), ("th", "थ"),
    ("dh", "ध"), ("ph", "फ"), ("bh", "भ"), ("sh", "श"), ("ṛh", "ढ़"), ("ṛ", "ड़"),
    ("k", "क"), ("g", "ग"), ("j", "ज"), ("t", "त"), ("d", "द"), ("n", "न"), ("p", "प"),
    ("b", "ब"), ("m", "म"), ("y", "य"), ("r", "र"), ("l", "ल"), ("v", "व"), ("w", "व"),
    ("s", "स"), ("h", "ह"), ("f", "फ"), ("z", "ज"), ("q", "क"), ("c", "क"), ("x", "क्स"),
]
# dental letters Latin spelling shares with retroflex ones (Kota कोटा, Rajkot राजकोट)
_RETROFLEX = {"त": "ट", "थ": "ठ", "द": "ड", "ध": "ढ"}
# vowel letters: (independent, sign); "a" has no sign
_LATIN_VOWELS = [
    ("ai", "ऐ", "ै"), ("au", "औ", "ौ"), ("ee", "ई", "ी"), ("oo", "ऊ", "ू"), ("ā", "आ", "ा"),
    ("ī", "ई", "ी"), ("ū", "ऊ", "ू"), ("a", "अ", ""), ("i", "इ", "ि"), ("u", "उ", "ु"),
    ("e", "ए", "े"), ("o", "ओ", "ो"),
]
_VOWEL_LETTERS = {latin: (indep, sign) for latin, indep, sign in _LATIN_VOWELS}
_LONG_AT_END = {"a": "ā", "i": "ī"}
_UNMARKED = str.maketrans("āīū", "aiu")
# where a name carries no length marks, a short i or u may be long (Bhilwara भीलवाड़ा)
_LONG = {"i": "ī", "u": "ū"}
# a nasal before a consonant of its own class is written as the anusvara (Sangli सांगली,
# Banda बांदा/बंदा, Sambhal संभल), not across a compound (Saharanpur सहारनपुर)
_NASAL_BEFORE = {"न": set("कखगघचछजझतथदधटठडढसशह"), "म": set("बभ")}
# consonants that join the one before them into a cluster at the start of a word
# (Prayagraj प्र, Gwalior ग्व, Srinagar श्र)
_ONSET_SECOND = {"र", "य", "व", "ल"}
MAX_SPELLINGS = 6


def _latin_units(word: str) -> list[tuple[str, str, int]]:
    """A lower-case Latin word as ("c", consonant, at) and ("v", vowel, at) units."""
    units: list[tuple[str, str, int]] = []
    i = 0
    while i < len(word):
        if word[i] == "ṃ":
            units.append(("n", ANUSVARA, i))
            i += 1
            continue
        for latin, deva in _LATIN_CONSONANTS:
            if word.startswith(latin, i):
                units.append(("c", deva, i))
                i += len(latin)
                break
        else:
            for latin, *_ in _LATIN_VOWELS:
                if word.startswith(latin, i):
                    units.append(("v", latin, i))
                    i += len(latin)
                    break
            else:
                i += 1  # a letter no Hindi name has: left out
    return units


def _latin_word_spellings(word: str) -> list[str]:
    plain = word.translate(_UNMARKED)  # Bhīlwāra ends in -wara too
    unmarked = plain == word  # GeoNames marks no vowel length in this name
    for ending, marked in _LATIN_ENDINGS:
        if plain.endswith(ending) and len(word) > len(ending) + 1:
            word = word[: -len(ending)] + marked
            break
    if word[-1:] in _LONG_AT_END and len(word) > 2:
        word = word[:-1] + _LONG_AT_END[word[-1]]
    if word.startswith("sri"):
        word = "shrī" + word[3:]
    compound_at = {i for part in _COMPOUND_PARTS for i in range(2, len(word))
                   if word.endswith(part) and i == len(word) - len(part)}
    units = _latin_units(word)
    # each position holds its options, the usual one first
    options: list[list[str]] = []
    for k, (kind, value, at) in enumerate(units):
        prev = units[k - 1] if k else None
        nxt = units[k + 1] if k + 1 < len(units) else None
        if kind == "n":
            options.append([value])
        elif kind == "v":
            if prev is not None and prev[0] == "c":
                options.append([_VOWEL_LETTERS[value][1]] + (
                    [_VOWEL_LETTERS[_LONG[value]][1]] if unmarked and value in _LONG else []))
            elif prev is not None and prev[1] in ("i", "ī") and value in ("a", "ā"):
                options.append(["य" + _VOWEL_LETTERS[value][1]])  # Patiala पटियाला
            else:
                options.append([_VOWEL_LETTERS[value][0]])
        elif nxt is not None and nxt[1] == value:
            options.append([value + VIRAMA, ""])  # a doubled letter: Unnao उन्नाव, Ballia बलिया
        elif prev is not None and prev[0] == "v" and nxt is not None and nxt[0] == "c" \
                and nxt[1] in _NASAL_BEFORE.get(value, ()) and nxt[2] not in compound_at:
            options.append([ANUSVARA])
        elif value == "न" and prev is not None and prev[0] == "v" and nxt is not None \
                and nxt[2] in compound_at:
            options.append([value, ANUSVARA])  # सहारनपुर, but शाहजहांपुर
        else:
            letters = [value] + ([_RETROFLEX[value]] if value in _RETROFLEX else [])
            if nxt is not None and nxt[0] == "c" and nxt[2] not in compound_at:
                if k == 0 and nxt[1] in _ONSET_SECOND:
                    letters = [v + VIRAMA for v in letters]
                elif k > 0:  # a medial cluster: written joined (बस्ती) or not (करनाल)
                    letters = [v + suffix for suffix in ("", VIRAMA) for v in letters]
            options.append(letters)
    # every way of choosing (a few hundred at most), those with fewest unusual choices first
    ways: list[tuple[int, str]] = [(0, "")]
    for choice in options:
        ways = sorted(((rank + k, text + c) for rank, text in ways for k, c in enumerate(choice)),
                      key=lambda w: w[0])[:64]
    return [text for _, text in ways]


def latin_to_devanagari(name: str) -> list[str]:
    """Devanagari spellings of an Indian place name written in Latin letters, by rule,
    the likeliest first, at most :data:`MAX_SPELLINGS` (``Jhānsi`` → झांसी, ``Gorakhpur``
    → गोरखपुर, ``Kota`` → कोता, कोटा). Macrons mark long vowels; unmarked vowels are
    short except a final a or i; dental letters may be retroflex; a medial cluster may be
    written joined; ``-abad``, ``-garh``, ``-gaon`` take their usual Hindi forms."""
    text = unicodedata.normalize("NFD", name.lower())
    text = unicodedata.normalize("NFC", "".join(
        ch for ch in text if ch == "\u0304" or not unicodedata.combining(ch)))
    words = [w for w in regex.split(r"[^a-zāīūṛ]+", text) if w]
    if not words:
        return []
    spellings = [""]
    for w in words:
        spellings = [f"{s} {x}".strip() for s in spellings for x in _latin_word_spellings(w)]
    seen: list[str] = []
    for s in spellings:
        if normalise(s) not in seen:
            seen.append(normalise(s))
    return seen[:MAX_SPELLINGS]
