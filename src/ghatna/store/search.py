"""Words as search sees them, and the Latin search keys stored with each article."""

from __future__ import annotations

import regex

from ..actors.translit import search_key

# A word for search: letters with their marks (Devanagari vowel signs), and digits.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def search_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of ``text``, as search sees words."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def search_latin(title: str, text: str) -> str:
    """The Latin search keys (:func:`ghatna.actors.translit.search_key`) of every word of an
    article, space-separated: what ``articles.search_latin`` holds."""
    return " ".join(filter(None, map(search_key, _WORD.findall(title + "\n" + text))))
