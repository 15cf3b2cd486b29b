"""Small helpers for matching Hindi words: spelling-tolerant patterns and lookup keys.

Devanagari words are written with or without nukta (फ़ as one code point U+095E, as
फ + U+093C, or as plain फ) and with chandrabindu or anusvara (पाँच/पांच). Patterns
built here match every variant; :func:`fold` gives one key for all of them. Word
boundaries use Unicode letters *and* marks, since vowel signs are marks.
"""

from __future__ import annotations

from typing import Iterable

import regex

L = r"(?<![\p{L}\p{M}\p{N}])"
R = r"(?![\p{L}\p{M}\p{N}])"
NUKTA = "\u093c"
# Consonants that take a nukta, with their precomposed forms (U+0958..U+095F).
_WITH_NUKTA = {"क": "\u0958", "ख": "\u0959", "ग": "\u095a", "ज": "\u095b", "ड": "\u095c",
               "ढ": "\u095d", "फ": "\u095e", "य": "\u095f"}
_PRECOMPOSED = {v: k for k, v in _WITH_NUKTA.items()}
# fold(): precomposed nukta letters to their plain letter, the nukta dropped, ँ as ं
_FOLD = str.maketrans({**_PRECOMPOSED, NUKTA: "", "ँ": "ं"})


def flex(word: str) -> str:
    """A regex pattern for ``word`` matching it with or without nukta, ँ or ं, any spacing."""
    out = []
    chars = list(word)
    i = 0
    while i < len(chars):
        c = _PRECOMPOSED.get(chars[i], chars[i])
        if c in _WITH_NUKTA:
            out.append(f"(?:{c}{NUKTA}?|{_WITH_NUKTA[c]})")
            if i + 1 < len(chars) and chars[i + 1] == NUKTA:
                i += 1
        elif c in "ँं":
            out.append("[ँं]")
        elif c.isspace():
            out.append(r"\s+")
            while i + 1 < len(chars) and chars[i + 1].isspace():
                i += 1
        else:
            out.append(regex.escape(c))
        i += 1
    return "".join(out)


def alternation(words: Iterable[str]) -> str:
    """One group matching any of ``words`` (longest first), each through :func:`flex`."""
    return "(?:" + "|".join(flex(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def fold(word: str) -> str:
    """A lookup key: nukta dropped, ँ as ं, whitespace runs as one space."""
    return " ".join(word.translate(_FOLD).split())
