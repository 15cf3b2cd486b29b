"""Words and sentences of a text as the linker reads them: word tokens with their
normalised form and offsets, the phrase breaks between them, and a plain sentence
splitter for text that no ``segment`` stage has split."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from ..model import Sentence
from .translit import normalise

WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+")
TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+|[^\s]")
JOINERS = {"-", "‐", "–", ".", "'", "’", "‘", "_", "/"}


@dataclass
class Word:
    norm: str
    start: int
    end: int


def words_of(text: str, tokens: Iterable[tuple[int, int]] | None = None
             ) -> tuple[list[Word], set[int]]:
    """Word tokens of a sentence and the word indices preceded by a phrase break."""
    spans = list(tokens) if tokens else [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    words: list[Word] = []
    breaks: set[int] = set()
    for s, e in spans:
        tok = text[s:e]
        if WORD.search(tok):
            # a token may still hold punctuation (spaCy keeps "अमेरिका," apart, but be safe)
            for m in WORD.finditer(tok):
                words.append(Word(normalise(m.group()), s + m.start(), s + m.end()))
        elif tok.strip() and tok not in JOINERS:
            breaks.add(len(words))
    return words, breaks


_SENT_END = regex.compile(r"(?<=[।!?|]|(?<!\p{Lu})\.)\s+|\n\s*\n|\n")


def simple_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into body sentences with token offsets (a stand-in for ``segment``)."""
    out: list[Sentence] = []
    pos = 0
    for piece in _SENT_END.split(text) + [""]:
        if piece is None:
            continue
        start = text.find(piece, pos) if piece else -1
        if not piece.strip() or start < 0:
            continue
        pos = start + len(piece)
        stripped = piece.strip()
        start += piece.index(stripped)
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(stripped)]
        out.append(Sentence(len(out), "body", start, start + len(stripped), stripped, tokens))
    return out
