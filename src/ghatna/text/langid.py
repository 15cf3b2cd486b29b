"""Language identification with lingua, restricted to the languages that matter.

Only the languages named in ``[langid] languages`` are considered, which keeps the
detector small and fast. Between Hindi and its Devanagari neighbour Marathi the letters
say little on a short text, so the decision there is length-aware: the function words
each language cannot do without (Hindi है, हैं, का, की, के, ने, में; Marathi आहे, आहेत,
च्या, ला, मध्ये, आणि) decide when the text is shorter than ``SURE_LETTERS`` letters or
when they clearly outnumber the other language's; the detector decides otherwise.
Articles that are not Hindi keep their language and are skipped by later stages.
"""

from __future__ import annotations

import regex
from lingua import IsoCode639_1, LanguageDetectorBuilder

from ..model import Article
from ..pipeline import stage
from ..settings import Settings

_LETTER = regex.compile(r"\p{L}")
_DEVANAGARI = regex.compile(r"\p{Devanagari}")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
SAMPLE_CHARS = 2000
SURE_LETTERS = 400
HINDI_WORDS = frozenset("है हैं था थे थी का की के ने में से को और भी यह वह कहा किया गया".split())
MARATHI_WORDS = frozenset("आहे आहेत आणि मध्ये ला च्या चा ची चे नाही केले केली म्हणाले यांनी "
                          "त्यांनी हे".split())
# Marathi genitive and locative endings written on the word (भारताच्या, पुण्यात).
_MARATHI_SUFFIX = regex.compile(r"(?:च्या|ाच्या|ाचा|ाची|ाचे|ांनी|ामध्ये)$")


def function_word_votes(text: str) -> tuple[int, int]:
    """(Hindi, Marathi) counts of each language's own function words in ``text``."""
    hindi = marathi = 0
    for word in _WORD.findall(text):
        in_hi, in_mr = word in HINDI_WORDS, word in MARATHI_WORDS or bool(_MARATHI_SUFFIX.search(word))
        if in_hi and not in_mr:
            hindi += 1
        elif in_mr and not in_hi:
            marathi += 1
    return hindi, marathi


class LanguageIdentifier:
    def __init__(self, codes: list[str], min_letters: int):
        languages = [IsoCode639_1.from_str(code) for code in codes]
        from lingua import Language

        self._detector = LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()
        self._lang = {lang: lang.iso_code_639_1.name.lower() for lang in Language.all()}
        self.min_letters = min_letters

    def identify(self, text: str) -> tuple[str | None, float]:
        """The ISO 639-1 code of ``text`` and the detector's confidence in it."""
        sample = text[:SAMPLE_CHARS]
        letters = len(_LETTER.findall(sample))
        if letters == 0:
            return None, 0.0
        if letters < self.min_letters:
            share = len(_DEVANAGARI.findall(sample)) / letters
            return ("hi", min(1.0, share)) if share > 0.5 else (None, 0.0)
        values = self._detector.compute_language_confidence_values(sample)
        if not values:
            return None, 0.0
        best = values[0]
        code = self._lang[best.language]
        if code in ("hi", "mr"):
            return self._hindi_or_marathi(sample, letters, code, best.value)
        return code, best.value

    @staticmethod
    def _hindi_or_marathi(sample: str, letters: int, code: str, confidence: float) -> tuple[str, float]:
        hindi, marathi = function_word_votes(sample)
        votes = hindi + marathi
        if votes == 0:
            return ("hi", 0.5) if letters < SURE_LETTERS and code == "mr" else (code, confidence)
        share = max(hindi, marathi) / votes
        winner = "hi" if hindi > marathi else "mr" if marathi > hindi else code
        if letters < SURE_LETTERS or (share >= 0.8 and votes >= 5):
            return winner, round(share, 3) if winner != code else max(confidence, share)
        return code, confidence


@stage("langid", requires=("text",), assigns=("language",))
def make_langid(settings: Settings):
    conf = settings["langid"]
    identifier = LanguageIdentifier(conf["languages"], int(conf["min_letters"]))

    def langid(article: Article) -> Article:
        article.language, article.language_confidence = identifier.identify(
            article.title + "\n" + article.text)
        return article

    return langid
