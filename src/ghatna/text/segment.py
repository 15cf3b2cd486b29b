"""Hindi-aware sentence splitting and spaCy tokenisation.

Sentences end at a danda (। ॥), a full stop, ``?`` or ``!``, and at line breaks.
Closing quotes and brackets stay with the sentence they close. A danda ends a sentence
even when the next word is glued to it (``कहा।उन्होंने``); a full stop does not end one
after an abbreviation or an initial (डॉ., श्री., यू.एस., U.N.), inside a number (3.5),
glued to the next word, or before a lower-case Latin word. A single line break inside a
sentence (scraped text wrapped mid-sentence) does not end it: a line of at least
``MIN_WRAPPED_WORDS`` words that ends without terminal punctuation, a closing quote or a
colon runs on into the next line unless that starts a list item or a capital letter; a
blank line always ends a sentence. Spans are offsets into the clean text, so such a
sentence's text holds the line break. The work is linear in the text's length.
Tokens come from spaCy's Hindi tokenizer (``spacy.blank("hi")``), the substrate later
stages annotate, with one addition: a hyphen that opens or closes a word is a dash of its
own (the headline's ``शाह बोले- …``, ``… -राहुल``); one inside a word joins it
(``भारत-चीन`` is split by spaCy's infix rules as before).
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
_DEVANAGARI_INITIAL = regex.compile(r"\p{Devanagari}{1,3}\.")
_LOWER_NEXT = regex.compile(r"\s*\p{Ll}")
_LATIN_SINGLE = regex.compile(r"^\p{Latin}$")
_LINE = regex.compile(r"[^\n]+")
# How far back a word before a full stop is looked for: longer words are not abbreviations.
_WORD_WINDOW = 40
MIN_WRAPPED_WORDS = 6
_LINE_END = regex.compile(rf"[।॥?!.…:;][{regex.escape(_CLOSERS)}]*\s*$|[{regex.escape(_CLOSERS)}]\s*$")
_NOT_CONTINUATION = regex.compile(r"\s*(?:[-–—•*·▪►#]|\(?[\p{N}a-zA-Z]{1,3}[.)]\s|\p{Lu})")


class SentenceSplitter:
    def __init__(self, abbreviations: list[str]):
        self.abbreviations = {a.rstrip(".") for a in abbreviations}

    def _is_abbreviation(self, text: str, dot: int) -> bool:
        before = _WORD_BEFORE.search(text, max(0, dot - _WORD_WINDOW), dot)
        if before is None:
            return False
        word = before.group(1)
        if word in self.abbreviations:
            return True
        # Digits on both sides: a decimal number or a date like 23.03.2021.
        if word[-1].isdigit() and text[dot + 1:dot + 2].isdigit():
            return True
        # An initial: a single Latin letter, or a short Devanagari syllable written
        # with a full stop and followed directly by another initial (यू.एस.).
        if _LATIN_SINGLE.match(word):
            return True
        preceded_by_dot = before.start() > 0 and text[before.start() - 1] == "."
        if _DEVANAGARI_SHORT.match(word) and (preceded_by_dot or _DEVANAGARI_INITIAL.match(text, dot + 1)):
            return True
        return _LOWER_NEXT.match(text, dot + 1) is not None

    @staticmethod
    def _runs_on(text: str, line: "regex.Match[str]", following: "regex.Match[str]") -> bool:
        """Whether ``line`` is a sentence wrapped into ``following`` (one line break)."""
        if text.count("\n", line.end(), following.start()) != 1:
            return False
        words = line.group().split()
        if len(words) < MIN_WRAPPED_WORDS or _LINE_END.search(line.group()):
            return False
        return not _NOT_CONTINUATION.match(following.group())

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the runs of lines that sentences may span."""
        blocks: list[tuple[int, int]] = []
        previous = None
        for line in _LINE.finditer(text):
            if previous is not None and self._runs_on(text, previous, line):
                blocks[-1] = (blocks[-1][0], line.end())
            else:
                blocks.append((line.start(), line.end()))
            previous = line
        return blocks

    def split(self, text: str) -> list[tuple[int, int]]:
        """(start, end) spans of the sentences of ``text``, stripped of spaces."""
        spans: list[tuple[int, int]] = []
        for block_start, block_end in self.blocks(text):
            start = block_start
            for m in _END.finditer(text, block_start, block_end):
                mark = text[m.start()]
                if mark == "." and self._is_abbreviation(text, m.start()):
                    continue
                end = m.end()
                if mark not in "।॥" and end < block_end and not text[end].isspace():
                    continue  # "3.5", "U.N.", "?id=3": a mark glued to the next word
                spans.append((start, end))
                start = end
            spans.append((start, block_end))
        result = []
        for s, e in spans:
            piece = text[s:e]
            stripped = piece.strip()
            if not stripped or not regex.search(r"[\p{L}\p{N}]", stripped):
                continue
            lead = len(piece) - len(piece.lstrip())
            result.append((s + lead, s + lead + len(stripped)))
        return result


def hindi_tokenizer():
    """spaCy's Hindi tokenizer, splitting a hyphen off the start or end of a word."""
    nlp = spacy.blank("hi")
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(
        list(nlp.Defaults.prefixes) + [r"-+"]).search
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(
        list(nlp.Defaults.suffixes) + [r"-+"]).search
    return tokenizer


@stage("segment", requires=("text",), assigns=("sentences", "tokens"), hindi_only=True)
def make_segmenter(settings: Settings):
    splitter = SentenceSplitter(data_lines("abbreviations.txt"))
    tokenizer = hindi_tokenizer()

    def tokens_of(text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in tokenizer(text) if not t.is_space]

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
