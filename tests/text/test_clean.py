from __future__ import annotations

import pytest
from helpers import SEED_000, SEED_001

from ghatna.model import Article
from ghatna.text.clean import Cleaner, repair_text, repair_token


@pytest.fixture(scope="module")
def cleaner(settings):
    return Cleaner.from_settings(settings)


@pytest.mark.parametrize("broken, fixed", [
    ("ताकताें", "ताकतों"),            # ा + े + ं  → ों
    ("सहयाेग", "सहयोग"),              # ा + े → ो
    ("जानेे", "जाने"),                # doubled vowel sign
    ("कौन", "कौन"),                   # already right
    ("का\u0948न", "कौन"),             # ा + ै → ौ
    ("डा\u0945क्टर", "डॉक्टर"),         # ा + ॅ → ॉ
    ("भा\u200dरत", "भारत"),            # zero-width joiner dropped
    ("सर\u00adकार", "सरकार"),          # soft hyphen dropped
    ("नई\u00a0दिल्ली", "नई दिल्ली"),    # no-break space made plain
    ("\ufeffचीन", "चीन"),              # byte-order mark
    ("क\u093c", "क\u093c"),            # nukta kept (NFC keeps क़ decomposed)
    # a visarga typed for the colon after a dateline or label opening a line
    ("कानपुरः पुलिस ने छापा मारा", "कानपुर: पुलिस ने छापा मारा"),
    ("नई दिल्लीः संसद में हंगामा", "नई दिल्ली: संसद में हंगामा"),
    ("अतः सरकार ने फ़ैसला बदला", "अतः सरकार ने फ़ैसला बदला"),     # adverbs keep it
    ("क्रमशः सुधार हुआ", "क्रमशः सुधार हुआ"),
    ("पुनः मतदान होगा", "पुनः मतदान होगा"),
    ("उन्हें दुःख है", "उन्हें दुःख है"),                             # inside a word
    # … and after any word, before a headline's speaker or claim
    ("सड़कों की मरम्मत होः महापौर", "सड़कों की मरम्मत हो: महापौर"),
    ("बिजली बिल पर घमासानः विपक्ष", "बिजली बिल पर घमासान: विपक्ष"),
    ("छः महीने बाद चुनाव", "छः महीने बाद चुनाव"),                     # the numeral six
])
def test_character_repair(broken, fixed):
    assert repair_text(broken) == fixed


def test_repair_token():
    assert repair_token("ताकताें") == "ताकतों"
    assert repair_token("ज़\u200cरूर") == repair_token("\u095bरूर") == "ज\u093cरूर"
    assert repair_token("\u200d") == "\u200d"  # nothing left: kept as it was
    assert repair_token("भारत") == "भारत"


def test_mojibake_is_repaired_and_curly_quotes_kept():
    text = "“भारत” ने कहा"
    garbled = text.encode("utf-8").decode("cp1252", errors="replace")
    assert repair_text(garbled) != garbled
    assert repair_text(text) == text  # nothing to repair, curly quotes stay


def _clean(cleaner, raw, **kw):
    return cleaner.clean(Article(raw=raw, doc="t.txt", **kw))


def test_headline_byline_artefacts(cleaner):
    raw = ("संसद में बजट पर बहस\n\nसंसद में बजट पर बहस\n- संवाददाता डेस्क\n\n"
           "लोकसभा में मंगलवार को बजट पर बहस शुरू हुई। विपक्ष ने सरकार की आलोचना की।\n"
           "ये भी पढ़ें: दिल्ली में बारिश\nशेयर करें\nepmty\nTop")
    a = _clean(cleaner, raw)
    assert a.title == "संसद में बजट पर बहस"
    assert a.byline == "संवाददाता डेस्क"
    assert a.text == "लोकसभा में मंगलवार को बजट पर बहस शुरू हुई। विपक्ष ने सरकार की आलोचना की।"


@pytest.mark.parametrize("first, dateline, body_start", [
    ("मास्को चीन और रूस के बीच सहयोग बढ़ाने पर सहमति बनी है।", "मास्को", "चीन और रूस"),
    ("नई दिल्ली, 12 मार्च (भाषा) केंद्र सरकार ने नई नीति की घोषणा की है।", "नई दिल्ली, 12 मार्च (भाषा)", "केंद्र सरकार"),
    ("लखनऊ: उत्तर प्रदेश सरकार ने सभी जिलों में अलर्ट जारी कर दिया है।", "लखनऊ", "उत्तर प्रदेश"),
    ("दिल्ली में मंगलवार को भारी बारिश हुई और कई इलाकों में पानी भर गया।", None, "दिल्ली में"),
    ("मुंबई के लोगों ने बुधवार को नए पुल का जोरदार स्वागत किया है।", None, "मुंबई के"),
])
def test_dateline(cleaner, first, dateline, body_start):
    a = _clean(cleaner, "शीर्षक यहाँ है\n\n" + first)
    assert a.dateline == dateline
    assert a.text.startswith(body_start)


def test_offsets_point_back_to_raw(cleaner):
    raw = "शीर्षक\n\n\u200bभारत  ने\u00a0सहयाेग की पेशकश की।\nTop\nदूसरा वाक्य यहाँ है।"
    a = _clean(cleaner, raw)
    assert a.text == "भारत ने सहयोग की पेशकश की।\nदूसरा वाक्य यहाँ है।"
    for word in ("भारत", "पेशकश", "दूसरा"):
        start = a.text.index(word)
        raw_start = a.offsets.to_raw(start)
        assert raw[raw_start:raw_start + len(word)] == word


def test_title_from_metadata_keeps_first_line(cleaner):
    a = _clean(cleaner, "पहली पंक्ति लेख का हिस्सा है।\nदूसरी पंक्ति।", title_hint="अलग शीर्षक")
    assert a.title == "अलग शीर्षक"
    assert a.text.startswith("पहली पंक्ति")


def test_seed_000(cleaner, shared):
    a = _clean(cleaner, SEED_000.read_text("utf-8"))
    assert a.title.startswith("पश्चिमी प्रतिबंधों के चलते")
    assert "Khidki Desk" in a.byline and "Khidki" not in a.text


def test_seed_001(cleaner, shared):
    a = _clean(cleaner, SEED_001.read_text("utf-8"))
    assert a.title == "चीन और रूस एक साथ, एक-दूसरे के हकों की हिमायत"
    assert a.title not in a.text
    assert "epmty" not in a.text and "\nTop" not in a.text and not a.text.endswith("Top")
    assert "ताकतों" in a.text and "सहयोग संगठन" in a.text and "जानेे" not in a.text
    assert a.dateline == "मास्को" and a.text.startswith("चीन और रूस")
