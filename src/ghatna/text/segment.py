"""Hindi-aware sentence splitting and spaCy tokenisation.

Sentences end at a danda (। ॥), a full stop, ``?`` or ``!``, and at line breaks.
Closing quotes and brackets stay with the sentence they close. A full stop does not end
a sentence after an abbreviation or an initial (डॉ., श्री., यू.एस., U.N.), inside a
number (3.5) or before a lower-case Latin word. Tokens come from spaCy's Hindi
tokenizer (``spacy.blank("hi")``), the substrate later stages annotate.
"""

from __future__ import annotations

import regex
import spacy

from ..model import Article, Sentence
from ..pipeline import stage
from ..settings import Settings, data_lines

_CLOSERS = "\"'”’»)]}›"
# A candidate end: terminal punctuation, then any closing quotes or brackets.
_END = regex.compile(rf"(?:[।॥?!]+|\.(?!\.)|…)[{regex.escape(_CLOSERS)}]*")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}\p{N}]+)$")
_DEVANAGARI_SHORT = regex.compile(r"^\p{Devanagari}{1,3}$")
_LATIN_SINGLE = regex.compile(r"^\p{Latin}$")


class SentenceSplitter:
    def __init__(self, abbreviations: list[str]):
        self.abbreviations = {a.rstrip(".") for a in abbreviations}

    def _is_abbreviation(self, text: str, dot: int) -> bool:
        before = _WORD_BEFORE.search(text, 0, dot)
        if before is None:
            return False
        word = before.group(1)
        if word in self.abbreviations:
            return True
        after = text[dot + 1:dot + 3]
        # Digits on both sides: a decimal number or a date like 23.03.2021.
        if word[-1].isdigit() and after[:1].isdigit():
            return True
        # An initial: a single Latin letter, or a short Devanagari syllable written
        # with a full stop and followed directly by another initial (यू.एस.).
        if _LATIN_SINGLE.match(word):
            return True
        preceded_by_dot = before.start() > 0 and text[before.start() - 1] == "."
        if _DEVANAGARI_SHORT.match(word) and (preceded_by_dot or regex.match(r"\p{Devanagari}{1,3}\.", text[dot + 1:])):
            return True
        next_word = regex.match(r"\s*(\p{Ll})", text[dot + 1:])
        return next_word is not None

    def split(self, text: str) -> list[tuple[int, int]]:
        """(start, end) spans of the sentences of ``text``, stripped of spaces."""
        spans: list[tuple[int, int]] = []
        for line in regex.finditer(r"[^\n]+", text):
            start = line.start()
            for m in _END.finditer(text, line.start(), line.end()):
                if text[m.start()] == "." and self._is_abbreviation(text, m.start()):
                    continue
                end = m.end()
                if end < line.end() and not text[end].isspace():
                    continue  # "3.5", "U.N.", a full stop glued to the next word
                spans.append((start, end))
                start = end
            spans.append((start, line.end()))
        result = []
        for s, e in spans:
            piece = text[s:e]
            stripped = piece.strip()
            if not stripped or not regex.search(r"[\p{L}\p{N}]", stripped):
                continue
            lead = len(piece) - len(piece.lstrip())
            result.append((s + lead, s + lead + len(stripped)))
        return result


@stage("segment", requires=("text",), assigns=("sentences", "tokens"), hindi_only=True)
def make_segmenter(settings: Settings):
    splitter = SentenceSplitter(data_lines("abbreviations.txt"))
    tokenizer = spacy.blank("hi").tokenizer

    def tokens_of(text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in tokenizer(text)]

    def segment(article: Article) -> Article:
        sentences: list[Sentence] = []
        if article.title:
            sentences.append(Sentence(0, "title", 0, len(article.title), article.title,
                                      tokens_of(article.title)))
        for start, end in splitter.split(article.text):
            text = article.text[start:end]
            sentences.append(Sentence(len(sentences), "body", start, end, text, tokens_of(text)))
        article.sentences = sentences
        return article

    return segment
