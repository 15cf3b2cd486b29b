"""Dates resolved against the publication date (sentences written for these tests)."""

import pytest

from ghatna.events.dates import (
    find_date_expressions,
    infer_tense,
    parse_pub_date,
    resolve_all,
    resolve_date,
)

TUE = "2021-03-23"  # a Tuesday (publication date of seed article 000)
FRI = "2020-09-11"  # a Friday (publication date of seed article 001)


@pytest.mark.parametrize("sentence, pub, date, precision, text", [
    # weekdays: the most recent on or before publication, the same day included
    ("दोनों मंत्रियों ने मंगलवार को हुई बैठक में एकता दिखाई।", TUE, "2021-03-23", "day", "मंगलवार को"),
    ("नान्निंग में सोमवार को पहली बैठक हुई।", TUE, "2021-03-22", "day", "सोमवार को"),
    ("वांग यी ने शुक्रवार को लावरोव से मुलाकात की।", FRI, "2020-09-11", "day", "शुक्रवार को"),
    ("रविवार को दिल्ली में प्रदर्शन हुआ।", TUE, "2021-03-21", "day", "रविवार को"),
    ("बुधवार को संसद में हंगामा हुआ।", TUE, "2021-03-17", "day", "बुधवार को"),
    ("गुरुवार को बैठक होगी।", TUE, "2021-03-25", "day", "गुरुवार को"),
    ("पिछले मंगलवार को हमला हुआ था।", TUE, "2021-03-16", "day", "पिछले मंगलवार को"),
    ("अगले सोमवार को चुनाव होंगे।", TUE, "2021-03-29", "day", "अगले सोमवार को"),
    # today, yesterday/tomorrow and the day before/after by tense
    ("आज राजधानी में बैठक हुई।", TUE, "2021-03-23", "day", "आज"),
    ("प्रधानमंत्री कल अमेरिका जाएंगे।", TUE, "2021-03-24", "day", "कल"),
    ("मंत्री कल रूस के दौरे पर गए थे।", TUE, "2021-03-22", "day", "कल"),
    ("पुलिस ने कल दस लोगों को गिरफ्तार किया।", TUE, "2021-03-22", "day", "कल"),
    ("उन्होंने कहा कि वे कल इस्तीफा देंगे।", TUE, "2021-03-24", "day", "कल"),
    ("उन्होंने कल कहा कि सरकार नया कानून लाएगी।", TUE, "2021-03-22", "day", "कल"),
    ("परसों दोनों देशों के बीच वार्ता होगी।", TUE, "2021-03-25", "day", "परसों"),
    ("परसों सीमा पर गोलीबारी हुई।", TUE, "2021-03-21", "day", "परसों"),
    ("कल होने वाली बैठक में दोनों नेता मिलेंगे।", TUE, "2021-03-24", "day", "कल"),
    # counted days and weeks, in digits and in words
    ("दो दिन पहले सेना ने गांव पर हमला किया।", TUE, "2021-03-21", "day", "दो दिन पहले"),
    ("3 दिन पहले विरोध प्रदर्शन हुआ।", TUE, "2021-03-20", "day", "3 दिन पहले"),
    ("दस दिन बाद चुनाव होंगे।", TUE, "2021-04-02", "day", "दस दिन बाद"),
    ("एक सप्ताह पहले समझौते पर हस्ताक्षर हुए।", TUE, "2021-03-16", "day", "एक सप्ताह पहले"),
    ("पाँच साल पहले दोनों देशों में युद्ध हुआ था।", TUE, "2016-01-01", "year", "पाँच साल पहले"),
    ("तीन महीने पहले प्रतिबंध लगाए गए।", TUE, "2020-12-01", "month", "तीन महीने पहले"),
    # spans: month and year precision; a week at the month of its Thursday
    ("पिछले महीने दोनों देशों में समझौता हुआ।", TUE, "2021-02-01", "month", "पिछले महीने"),
    ("बीते वर्ष चीन ने प्रतिबंध लगाए थे।", TUE, "2020-01-01", "year", "बीते वर्ष"),
    ("गत सप्ताह सीमा पर झड़प हुई।", TUE, "2021-03-01", "month", "गत सप्ताह"),
    ("पिछले हफ़्ते सीमा पर झड़प हुई।", "2021-03-02", "2021-02-01", "month", "पिछले हफ़्ते"),
    ("इस साल चुनाव होंगे।", TUE, "2021-01-01", "year", "इस साल"),
    ("इस महीने संसद का सत्र चलेगा।", TUE, "2021-03-01", "month", "इस महीने"),
    ("अगले साल शिखर सम्मेलन होगा।", TUE, "2022-01-01", "year", "अगले साल"),
    # explicit dates, Devanagari and Latin digits, Hindi month names
    ("१५ अगस्त को प्रधानमंत्री ने भाषण दिया।", TUE, "2020-08-15", "day", "१५ अगस्त को"),
    ("15 अगस्त 2021 को स्वतंत्रता दिवस मनाया जाएगा।", TUE, "2021-08-15", "day", "15 अगस्त 2021 को"),
    ("12 मार्च को दोनों नेताओं ने फोन पर बात की।", TUE, "2021-03-12", "day", "12 मार्च को"),
    ("12 अप्रैल को दोनों नेताओं ने फोन पर बात की।", TUE, "2020-04-12", "day", "12 अप्रैल को"),
    ("12 अप्रैल को दोनों नेता फोन पर बात करेंगे।", TUE, "2021-04-12", "day", "12 अप्रैल को"),
    ("२३ मार्च २०२१ को बैठक हुई।", None, "2021-03-23", "day", "२३ मार्च २०२१ को"),
    ("मार्च 2020 में महामारी फैली।", TUE, "2020-03-01", "month", "मार्च 2020 में"),
    ("2019 में दोनों देशों के बीच समझौता हुआ।", TUE, "2019-01-01", "year", "2019 में"),
    ("सितंबर में चुनाव हुए थे।", TUE, "2020-09-01", "month", "सितंबर में"),
    ("23/03/2021 को जारी बयान में यह कहा गया।", None, "2021-03-23", "day", "23/03/2021 को"),
    ("०३/०४/२०२१ को बयान जारी हुआ।", None, "2021-04-03", "day", "०३/०४/२०२१ को"),
    ("2021-03-23 को बयान जारी हुआ।", None, "2021-03-23", "day", "2021-03-23 को"),
    ("दिसंबर 5, 2020 को बैठक हुई।", None, "2020-12-05", "day", "दिसंबर 5, 2020 को"),
])
def test_resolve_date(sentence, pub, date, precision, text):
    res = resolve_date(sentence, pub)
    assert res is not None
    assert (res.date, res.precision, res.text) == (date, precision, text)
    assert sentence[res.start:res.end] == res.text


@pytest.mark.parametrize("sentence", [
    "मंगलवार को बैठक हुई।",
    "कल बैठक होगी।",
    "दो दिन पहले हमला हुआ।",
    "पिछले महीने समझौता हुआ।",
    "12 मार्च को बैठक हुई।",
    "सितंबर में चुनाव हुए।",
])
def test_relative_dates_need_a_publication_date(sentence):
    assert find_date_expressions(sentence)
    assert resolve_date(sentence, None) is None


@pytest.mark.parametrize("sentence", [
    "2000 लोग सड़कों पर उतरे।",            # a count, not a year
    "बैठक के दो दिन बाद हमला हुआ।",         # counted from another event, not from publication
    "आजकल दोनों देशों के रिश्ते अच्छे हैं।",   # "nowadays"
    "पिछले दिनों कई बैठकें हुईं।",            # vague
    "सहयोगी देशों ने समर्थन दिया।",
])
def test_no_date(sentence):
    assert resolve_date(sentence, TUE) is None


def test_tense_hint_overrides_inference():
    sentence = "मंत्री कल दिल्ली में थे।"
    assert resolve_date(sentence, TUE).date == "2021-03-22"
    assert resolve_date(sentence, TUE, tense_hint="future").date == "2021-03-24"


@pytest.mark.parametrize("sentence, tense", [
    ("वे कल दिल्ली जाएँगे।", "future"),
    ("सरकार कल नया कानून लाएगी।", "future"),
    ("योगी आदित्यनाथ ने कल बैठक की।", "past"),
    ("सहयोगी दल कल बैठक कर चुके थे।", "past"),
])
def test_infer_tense(sentence, tense):
    start = sentence.index("कल")
    assert infer_tense(sentence, start, start + 2) == tense


def test_all_candidates_and_nearest():
    sentence = "2019 में हुए समझौते के बाद दोनों देशों ने सोमवार को फिर बैठक की।"
    found = find_date_expressions(sentence)
    assert [e.text for e in found] == ["2019 में", "सोमवार को"]
    assert [r.date for r in resolve_all(sentence, TUE)] == ["2019-01-01", "2021-03-22"]
    trigger = sentence.index("बैठक")
    assert resolve_date(sentence, TUE, near=trigger).text == "सोमवार को"
    assert resolve_date(sentence, TUE, near=sentence.index("समझौते")).text == "2019 में"


def test_nukta_variants():
    # decomposed फ + nukta, precomposed फ़ (U+095E), and no nukta at all
    for week in ("हफ\u093c्ते", "ह\u095e्ते", "हफ्ते"):
        res = resolve_date(f"पिछले {week} हमला हुआ।", TUE)
        assert res is not None and res.precision == "month", week


def test_impossible_date_is_not_resolved():
    assert resolve_date("31 फरवरी 2021 को बैठक हुई।", TUE) is None


@pytest.mark.parametrize("raw, iso", [
    ("2021-03-23", "2021-03-23"),
    ("2021-03-23T08:15:00+05:30", "2021-03-23"),
    ("23 March 2021", "2021-03-23"),
    ("", None),
    (None, None),
])
def test_parse_pub_date(raw, iso):
    day = parse_pub_date(raw)
    assert (day.isoformat() if day else None) == iso


@pytest.mark.parametrize("sentence, pub, date, precision, text", [
    ("पिछले साल 12 मार्च को दोनों देशों ने समझौता किया।", TUE, "2020-03-12", "day", "पिछले साल 12 मार्च को"),
    ("इस साल मार्च में चुनाव हुए।", TUE, "2021-03-01", "month", "इस साल मार्च में"),
    ("साल 2019 अगस्त में अनुच्छेद 370 हटाया गया।", None, "2019-08-01", "month", "साल 2019 अगस्त में"),
])
def test_year_before_a_yearless_date(sentence, pub, date, precision, text):
    res = resolve_date(sentence, pub)
    assert (res.date, res.precision, res.text) == (date, precision, text)
    assert len(find_date_expressions(sentence)) == 1
