"""The GDELT 2.0 event table: the codebook's 61 columns, Goldstein scores, FIPS codes, dates."""

from __future__ import annotations

import csv
import io

import pytest

from ghatna.events import gdelt

# The GDELT 2.0 Event Database Data Format Codebook V2.0 (2/19/2015), table of fields, in order.
CODEBOOK = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()


def record(**changes):
    base = {"id": "00aa11bb22cc33dd", "event": "ASSAULT", "mode": "aerial", "aux_mode": None,
            "context": ["military"], "date": "2026-01-27", "cameo": "195", "quad_code": 4,
            "actor": [{"text": "रूस", "name": "Russia", "country": "RUS", "org": None,
                       "sector": "MIL", "code": "RUSMIL", "entity_id": "RUS"}],
            "recipient": [{"text": "यूक्रेन", "name": "Ukraine", "country": "UKR", "org": None,
                           "sector": None, "code": "UKR", "entity_id": "UKR"}],
            "location": {"text": "खारकीव", "name": "Kharkiv", "country": "UKR",
                         "lat": 49.98, "lon": 36.25},
            "confidence": 0.8,
            "evidence": {"article": "art1", "doc": "2026-01-28-kharkiv.txt", "sentence_index": 1}}
    return base | changes


ARTICLES = {"art1": {"date": "2026-01-28", "url": "https://example.org/kharkiv",
                     "doc": "2026-01-28-kharkiv.txt", "created_at": "2026-12-07T04:03:20+00:00",
                     "lead": 1}}


def table(records, articles=ARTICLES):
    text = gdelt.table(records, articles)
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_header_is_the_codebooks_61_columns_in_order_then_the_review():
    assert len(CODEBOOK) == 61 and gdelt.CODEBOOK_FIELDS == 61
    assert list(gdelt.GDELT_FIELDS) == CODEBOOK + ["Review"]
    assert gdelt.table([], {}).rstrip("\n").split("\t") == CODEBOOK + ["Review"]


def test_a_row_fills_dates_actors_codes_goldstein_fips_and_the_source():
    [row] = table([record()])
    assert len(row) == 62 and row["Review"] == ""
    assert (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20260127", "202601", "2026", "2026.074")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2Type1Code"]) == ("UKR", "Ukraine", "")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == (
        "195", "195", "19", "4")
    assert row["GoldsteinScale"] == "-10.0" and row["AvgTone"] == ""
    assert row["IsRootEvent"] == "1"  # the first body sentence
    # FIPS 10-4, not ISO: Russia RS, Ukraine UP
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"], row["Actor1Geo_FeatureID"]) == ("1", "RS", "RS")
    assert row["Actor2Geo_CountryCode"] == "UP"
    assert row["ActionGeo_CountryCode"] == "UP" and row["ActionGeo_Type"] == "4"
    assert row["ActionGeo_FullName"] == "Kharkiv, Ukraine"
    assert row["ActionGeo_FeatureID"] == "706483"  # GeoNames: Kharkiv
    assert row["ActionGeo_ADM1Code"].startswith("UP") and len(row["ActionGeo_ADM1Code"]) == 4
    assert row["DATEADDED"] == "20261207040320"
    assert row["SOURCEURL"] == "https://example.org/kharkiv"


def test_undated_event_takes_the_articles_date_and_a_file_name_without_url():
    articles = {"art1": ARTICLES["art1"] | {"url": None}}
    [row] = table([record(date=None, location=None, actor=[])], articles)
    assert row["SQLDATE"] == "20260128"
    assert row["SOURCEURL"] == "2026-01-28-kharkiv.txt"
    assert row["Actor1Code"] == "" and row["Actor1Geo_Type"] == "0" and row["ActionGeo_Type"] == "0"


def test_a_place_without_coordinates_is_its_state_at_country_level():
    [row] = table([record(location={"text": "भारत", "name": "India", "country": "IND",
                                    "lat": None, "lon": None})])
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FeatureID"]) == ("1", "IN", "IN")
    assert float(row["ActionGeo_Lat"]) == pytest.approx(22.9, abs=1)


def test_a_towns_admin1_region_and_a_state_of_india():
    town = {"text": "बीजापुर", "name": "Bijapur", "country": "IND", "lat": 18.79, "lon": 80.82,
            "admin1": "IN.37", "admin1_name": "Chhattisgarh"}
    state = {"text": "बिहार", "name": "Bihar", "country": "IND", "lat": 25.1, "lon": 85.31,
             "admin1": "IN.34", "admin1_name": "Bihar"}
    rows = table([record(location=town), record(location=state)])
    assert (rows[0]["ActionGeo_Type"], rows[0]["ActionGeo_ADM1Code"]) == ("4", "IN37")
    assert (rows[1]["ActionGeo_Type"], rows[1]["ActionGeo_ADM1Code"],
            rows[1]["ActionGeo_FeatureID"]) == ("5", "IN34", "IN34")


def test_an_organisation_is_typed_igo_with_its_acronym():
    un = {"text": "संयुक्त राष्ट्र", "name": "United Nations", "country": None, "org": "UN",
          "sector": None, "code": "IGOUN", "entity_id": "IGO:UN"}
    [row] = table([record(actor=[un])])
    assert (row["Actor1Code"], row["Actor1KnownGroupCode"], row["Actor1Type1Code"]) == ("IGOUN", "UN", "IGO")


@pytest.mark.parametrize("code, score", [("0874", 10.0), ("1711", -9.2), ("040", 1.0),
                                         ("0412", 1.0), ("19", -10.0), (None, None)])
def test_goldstein_of_a_code_or_its_longest_listed_prefix(code, score):
    assert gdelt.goldstein(code) == score


def test_every_code_the_patterns_emit_has_a_goldstein_score():
    from importlib import resources

    import regex

    root = resources.files("ghatna").joinpath("data", "patterns")
    codes = {m for f in root.iterdir() if f.name.endswith(".yaml")
             for m in regex.findall(r"cameo: *['\"]?(\d+)", f.read_text("utf-8"))}
    assert codes and all(code in gdelt.goldstein_table() for code in codes)
