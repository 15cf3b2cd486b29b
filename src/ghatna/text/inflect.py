"""The inflected forms of a Hindi verb, generated from its infinitive.

Hindi news writes one verb in dozens of forms: gender and number (किया, की, किए, कीं),
tense and aspect (करता, करेगा, करेंगी), honorific and plural (करें, कीजिए), the infinitive
and its oblique (करना, करने), the conjunctive (करके, कर) and spelling variants (किए/किये,
लगाए/लगाये, करूंगा/करूँगा). Event patterns name a verb by its infinitive (``@करना``) and
match every form :func:`verb_forms` lists, instead of enumerating forms by hand.

The rules are those of standard Hindi grammar: the stem is the infinitive without ना;
perfective endings are ा ी े ीं after a consonant and या ई ए ये यी ईं after आ; a few common
verbs are irregular (करना, देना, लेना, होना, जाना, पीना). The bare stem is a form too, since
compound verbs put it before their vector verb (सौंप दिया, रिहा कर दिया, छोड़ देंगे).
"""

from __future__ import annotations

from functools import lru_cache

VIRAMA = "\u094d"
# Irregular perfectives (masculine singular, feminine, masculine plural, feminine plural,
# and spelling variants), and irregular polite imperatives.
_PERFECTIVE = {
    "कर": ("किया", "की", "किए", "कीं", "किये"),
    "दे": ("दिया", "दी", "दिए", "दीं", "दिये"),
    "ले": ("लिया", "ली", "लिए", "लीं", "लिये"),
    "हो": ("हुआ", "हुई", "हुए", "हुईं", "हुये", "हुयी"),
    "जा": ("गया", "गई", "गए", "गईं", "गये", "गयी", "गयीं"),
    "पी": ("पिया", "पी", "पिए", "पीं", "पिये"),
}
# Irregular subjunctives (singular, plural and honorific, spelling variants).
_SUBJUNCTIVE = {
    "कर": ("करे", "करें"),
    "दे": ("दे", "दें"),
    "ले": ("ले", "लें"),
    "हो": ("हो", "हों"),
    "जा": ("जाए", "जाएं", "जाएँ", "जाये", "जायें"),
    "पी": ("पिए", "पिएं", "पीए", "पीएं"),
}
_POLITE = {"कर": ("कीजिए", "कीजिये"), "दे": ("दीजिए", "दीजिये"), "ले": ("लीजिए", "लीजिये"),
           "हो": ("होइए",), "पी": ("पीजिए",)}
_VOWEL_SIGNS = "ािीुूृेैोौ"


def stem_of(infinitive: str) -> str:
    """करना → कर, लगाना → लगा; a word that is not an infinitive is returned as it is."""
    return infinitive[:-2] if infinitive.endswith("ना") and len(infinitive) > 2 else infinitive


def _ends_in_aa(stem: str) -> bool:
    return stem.endswith("ा") or stem.endswith("आ")


def _ends_in_vowel(stem: str) -> bool:
    return stem[-1] in _VOWEL_SIGNS or stem[-1] in "अआइईउऊएऐओऔ"


@lru_cache(maxsize=None)
def verb_forms(infinitive: str) -> frozenset[str]:
    """Every finite and non-finite form of the verb ``infinitive`` (करना, लगाना, भेजना …)."""
    s = stem_of(infinitive)
    forms = {s, s + "ना", s + "ने", s + "नी", s + "ता", s + "ती", s + "ते", s + "तीं", s + "के"}
    if s != "कर":  # the conjunctive of करना is करके or कर, never करकर
        forms.add(s + "कर")
    if s in _PERFECTIVE:
        forms.update(_PERFECTIVE[s])
    elif _ends_in_aa(s):
        forms.update(s + e for e in ("या", "ई", "ए", "ये", "यी", "ईं", "यीं"))
    elif _ends_in_vowel(s):  # खो → खोया, सो → सोया
        forms.update(s + e for e in ("या", "ई", "ए", "ये", "ईं"))
    else:
        forms.update(s + e for e in ("ा", "ी", "े", "ीं"))
    if _ends_in_vowel(s) and s[-1] in "ेो":  # देगा, लेंगे, होगी: the vowel carries the ending
        forms.update(s + e for e in ("गा", "गी", "ंगे", "ंगी", "ँगे", "ं", "ँ"))
        forms.update(s[:-1] + e for e in ("ूंगा", "ूँगा", "ूंगी") if s in ("दे", "ले"))
        forms.update((s[:-1] + "ूं", s[:-1] + "ो") if s in ("दे", "ले") else ())
    elif _ends_in_vowel(s):
        forms.update(s + e for e in ("एगा", "एगी", "एंगे", "एँगे", "एंगी", "येगा", "येगी",
                                     "येंगे", "ऊंगा", "ऊँगा", "ऊंगी", "ओगे", "ओगी",
                                     "ए", "एं", "एँ", "ये", "यें", "ऊं", "ओ", "इए", "इये"))
    else:
        forms.update(s + e for e in ("ेगा", "ेगी", "ेंगे", "ेंगी", "ेगें", "ूंगा", "ूँगा",
                                     "ूंगी", "ोगे", "ोगी", "े", "ें", "ूं", "ो", "िए", "िये"))
    forms.update(_POLITE.get(s, ()))
    return frozenset(forms)


def perfective_forms(infinitive: str) -> frozenset[str]:
    """Only the perfective participles (किया, की, किए …): the forms a headline puts before
    its object (``ईडी ने किया गिरफ्तार``)."""
    s = stem_of(infinitive)
    if s in _PERFECTIVE:
        return frozenset(_PERFECTIVE[s])
    if _ends_in_aa(s):
        return frozenset(s + e for e in ("या", "ई", "ए", "ये", "यी", "ईं"))
    if _ends_in_vowel(s):
        return frozenset(s + e for e in ("या", "ई", "ए", "ये", "ईं"))
    return frozenset(s + e for e in ("ा", "ी", "े", "ीं"))


def subjunctive_forms(infinitive: str) -> frozenset[str]:
    """The subjunctive, singular and plural or honorific (करे, करें, लगाए, लगाएं, सौंपे): the
    mood of wishes and demands (``पाकिस्तान कार्रवाई करे``). After a consonant its singular
    is spelt as the masculine plural perfective (सौंपे), after आ as the perfective (लगाए)."""
    s = stem_of(infinitive)
    if s in _SUBJUNCTIVE:
        return frozenset(_SUBJUNCTIVE[s])
    if _ends_in_vowel(s):
        return frozenset(s + e for e in ("ए", "एं", "एँ", "ये", "यें"))
    return frozenset(s + e for e in ("े", "ें"))


# vector verbs: the second verb of a compound, which carries its tense (कर दिया, कर डाली)
VECTORS = ("देना", "लेना", "डालना")


def compound_perfective_forms(infinitive: str) -> frozenset[str]:
    """The verb's stem and a vector verb's perfective, as two words (``कर दिया``, ``दे दी``,
    ``कर डाली``): the compound a headline also puts before its object (``पुलिस ने कर दिया
    लाठीचार्ज``, ``सरकार ने दे दी मंजूरी``)."""
    s = stem_of(infinitive)
    return frozenset(f"{s} {p}" for vector in VECTORS for p in perfective_forms(vector))


def finite_forms(infinitive: str) -> frozenset[str]:
    """The forms that are a clause's finite verb by themselves: perfective and future (an
    imperfective participle is finite only with its auxiliary, which is finite itself:
    ``करते हैं``; alone it is adverbial: ``रिश्वत लेते गिरफ्तार``)."""
    return perfective_forms(infinitive) | frozenset(
        f for f in verb_forms(infinitive) if f.endswith(("गा", "गी", "गे", "गें")))


def infinitive_forms(infinitive: str) -> frozenset[str]:
    """The infinitive and its oblique and feminine (करना, करने, करनी)."""
    s = stem_of(infinitive)
    return frozenset((s + "ना", s + "ने", s + "नी"))


# Intransitive verbs: their perfective before a noun is a participle (हुई बैठक, बनी सहमति,
# गए सैनिक), never a headline's inverted predicate.
INTRANSITIVE = frozenset("होना बनना जाना मिलना पहुंचना पहुँचना हटना भड़कना चलना बैठना भुगतना".split())
