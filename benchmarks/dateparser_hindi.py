"""Compare dateparser with ghatna.events.dates on Hindi date expressions.

Run from the project root:  PYTHONPATH=src python benchmarks/dateparser_hindi.py
Publication date 2021-03-23 (a Tuesday). dateparser gets the bare expression with
languages=["hi"], RELATIVE_BASE = the publication date and PREFER_DATES_FROM = "past"
(or "future" when the sentence's verb is future); ghatna gets the whole sentence.
Prints one line per case and the number each gets right: dateparser's date compared only
to the expected precision (it fills a missing day from the base date), ghatna's date and
precision both.
"""

from __future__ import annotations

import datetime as dt
import warnings

import dateparser

from ghatna.events.dates import resolve_date

warnings.filterwarnings("ignore")
PUB = dt.datetime(2021, 3, 23, 12)

# (expression, sentence, tense, expected date, expected precision)
CASES = [
    ("मंगलवार", "मंगलवार को बैठक हुई।", "past", "2021-03-23", "day"),
    ("सोमवार", "सोमवार को बैठक हुई।", "past", "2021-03-22", "day"),
    ("आज", "आज बैठक हुई।", "past", "2021-03-23", "day"),
    ("कल", "मंत्री कल दिल्ली गए थे।", "past", "2021-03-22", "day"),
    ("कल", "मंत्री कल दिल्ली जाएंगे।", "future", "2021-03-24", "day"),
    ("परसों", "परसों वार्ता होगी।", "future", "2021-03-25", "day"),
    ("परसों", "परसों गोलीबारी हुई।", "past", "2021-03-21", "day"),
    ("पिछले सप्ताह", "पिछले सप्ताह झड़प हुई।", "past", "2021-03-01", "month"),
    ("गत सप्ताह", "गत सप्ताह झड़प हुई।", "past", "2021-03-01", "month"),
    ("पिछले महीने", "पिछले महीने समझौता हुआ।", "past", "2021-02-01", "month"),
    ("बीते वर्ष", "बीते वर्ष चुनाव हुए।", "past", "2020-01-01", "year"),
    ("पिछले साल", "पिछले साल चुनाव हुए।", "past", "2020-01-01", "year"),
    ("इस साल", "इस साल चुनाव होंगे।", "future", "2021-01-01", "year"),
    ("दो दिन पहले", "दो दिन पहले हमला हुआ।", "past", "2021-03-21", "day"),
    ("3 दिन पहले", "3 दिन पहले हमला हुआ।", "past", "2021-03-20", "day"),
    ("दस दिन बाद", "दस दिन बाद चुनाव होंगे।", "future", "2021-04-02", "day"),
    ("एक सप्ताह पहले", "एक सप्ताह पहले समझौता हुआ।", "past", "2021-03-16", "day"),
    ("१५ अगस्त", "१५ अगस्त को भाषण हुआ।", "past", "2020-08-15", "day"),
    ("15 अगस्त 2021", "15 अगस्त 2021 को समारोह होगा।", "future", "2021-08-15", "day"),
    ("12 मार्च", "12 मार्च को बात हुई।", "past", "2021-03-12", "day"),
    ("मार्च 2020", "मार्च 2020 में महामारी फैली।", "past", "2020-03-01", "month"),
    ("2019", "2019 में समझौता हुआ।", "past", "2019-01-01", "year"),
    ("23/03/2021", "23/03/2021 को बयान आया।", "past", "2021-03-23", "day"),
    ("2021-03-23", "2021-03-23 को बयान आया।", "past", "2021-03-23", "day"),
]


def main() -> None:
    dp_ok = gh_ok = 0
    print(f"{'expression':<16} {'expected':<18} {'dateparser':<12} ghatna")
    for expr, sentence, tense, want, precision in CASES:
        parsed = dateparser.parse(expr, languages=["hi"], settings={
            "RELATIVE_BASE": PUB, "PREFER_DATES_FROM": tense, "DATE_ORDER": "DMY"})
        dp = parsed.date().isoformat() if parsed else None
        res = resolve_date(sentence, PUB.date())
        gh = f"{res.date} {res.precision}" if res else None
        keep = {"day": 10, "month": 7, "year": 4}[precision]
        dp_ok += dp is not None and dp[:keep] == want[:keep]
        gh_ok += gh == f"{want} {precision}"
        print(f"{expr:<16} {want + ' ' + precision:<18} {str(dp):<12} {gh}")
    print(f"right: dateparser {dp_ok}/{len(CASES)} (compared at the expected precision), ghatna {gh_ok}/{len(CASES)} (date and precision)")


if __name__ == "__main__":
    main()
