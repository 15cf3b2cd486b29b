"""Language identification with lingua, restricted to the languages that matter.

Only the languages named in ``[langid] languages`` are considered, which keeps the
detector small, fast and sure about Hindi versus its Devanagari neighbour Marathi.
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
SAMPLE_CHARS = 2000


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
            return ("hi", share) if share > 0.5 else (None, 0.0)
        values = self._detector.compute_language_confidence_values(sample)
        if not values:
            return None, 0.0
        best = values[0]
        return self._lang[best.language], best.value


@stage("langid", requires=("text",), assigns=("language",))
def make_langid(settings: Settings):
    conf = settings["langid"]
    identifier = LanguageIdentifier(conf["languages"], int(conf["min_letters"]))

    def langid(article: Article) -> Article:
        article.language, article.language_confidence = identifier.identify(
            article.title + "\n" + article.text)
        return article

    return langid
