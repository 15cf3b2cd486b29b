"""Language identification: short, plainly Hindi items are Hindi, not Marathi."""

from __future__ import annotations

import pytest

from ghatna.text.langid import LanguageIdentifier, function_word_votes


@pytest.fixture(scope="module")
def identify(settings):
    conf = settings["langid"]
    return LanguageIdentifier(conf["languages"], int(conf["min_letters"])).identify


# Short Hindi items about Maharashtra that lingua alone labels Marathi.
HINDI = ["मुंबई महानगरपालिका चुनाव की तैयारी तेज",
         "राज्य सरकार ने विधानसभा का विशेष सत्र बुलाया है",
         "ठाणे पुलिस ने तीन लोगों को हिरासत में लिया",
         "शरद पवार ने केंद्र सरकार पर निशाना साधा",
         "नाशिक में किसानों का आंदोलन जारी है",
         "पुणे में भारी बारिश के बाद स्कूल बंद"]
MARATHI = ["मुंबई में पावसामुळे वाहतूक विस्कळीत झाली आहे",
           "मुख्यमंत्र्यांनी पूरग्रस्तांसाठी मदत जाहीर केली आणि पाहणी केली",
           "राज्य सरकारच्या निर्णयाला विरोधकांनी विरोध केला आहे",
           "पुण्यात आज पाणीपुरवठा बंद राहणार आहे आणि नागरिकांनी पाणी जपून वापरावे"]


@pytest.mark.parametrize("text", HINDI)
def test_short_hindi_is_hindi(identify, text):
    assert identify(text)[0] == "hi"


@pytest.mark.parametrize("text", MARATHI)
def test_marathi_stays_marathi(identify, text):
    assert identify(text)[0] == "mr"


def test_function_words_vote():
    assert function_word_votes("सरकार ने कहा है कि योजना में बदलाव होगा") == (4, 0)
    assert function_word_votes("सरकारच्या योजनेत बदल होणार आहे आणि लोकांना फायदा") == (0, 3)


def test_confidence_is_a_probability(identify):
    for text in HINDI + MARATHI + ["ठीक है"]:
        assert 0.0 <= identify(text)[1] <= 1.0
