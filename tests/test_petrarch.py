"""Importing PETRARCH/Phoenix actor dictionaries; their English names link Hindi mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghatna.kb import KnowledgeBase, read_entries
from ghatna.link import Linker, link_text
from ghatna.petrarch import read_actors, read_file, to_tsv

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "petrarch"

SMALL = """\
# a small actor dictionary written for this test
JACINDA_ARDERN_  # New Zealand
+PRIME_MINISTER_JACINDA_ARDERN
\t[NZLGOV 171026-230125]
OLD_RULER_ [XYZGOV <991231] [ELI]
NEW_ZEALAND_ [NZL]
+AOTEAROA_
UNITED_NATIONS_\t[IGOUNO]
SHINING_PATH_ [PERREB]
"""


def test_reads_names_synonyms_and_dated_codes():
    entries = {e.id: e for e in read_actors(SMALL, "test")}
    ardern = entries["petrarch:jacinda_ardern"]
    assert ardern.type == "person" and ardern.name == "Jacinda Ardern"
    assert "Prime Minister Jacinda Ardern" in ardern.aliases
    role = ardern.roles[0]
    assert (role.country, role.sector, role.start, role.end) == \
        ("NZL", "GOV", "2017-10-26", "2023-01-25")
    assert entries["petrarch:old_ruler"].roles[0].end == "1999-12-31"
    assert entries["NZL"].type == "country" and "Aotearoa" in entries["NZL"].aliases
    assert entries["petrarch:united_nations"].org == "UNO"
    assert entries["petrarch:shining_path"].type == "armed_group"


def test_imported_file_round_trips_and_links_hindi_spellings(tmp_path):
    entries = read_actors(SMALL, "test")
    (tmp_path / "petrarch_small.tsv").write_text(to_tsv(entries, "small"), encoding="utf-8")
    again = read_entries((tmp_path / "petrarch_small.tsv").read_text("utf-8"), "x.tsv", "x")
    assert {e.id for e in again} == {e.id for e in entries}
    kb = KnowledgeBase.load([tmp_path], world_cities=0)
    assert "Aotearoa" in kb.get("NZL").aliases and "न्यूजीलैंड" in kb.get("NZL").hi
    found = link_text(Linker(kb), "न्यूजीलैंड की प्रधानमंत्री जैसिंडा आर्डर्न ने कहा।", "2020-03-01")
    people = [m for m in found if m.entity and m.entity.type == "person"]
    assert [(m.text, m.entity.id, m.entity.code) for m in people] == \
        [("जैसिंडा आर्डर्न", "petrarch:jacinda_ardern", "NZLGOV")]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent (PETRARCH dictionaries)")
def test_phoenix_dictionaries():
    countries = read_file(SHARED / "Phoenix.Countries.actors.txt")
    assert len(countries) > 15000
    lavrov = next(e for e in countries if e.id == "petrarch:sergey_lavrov")
    assert any(r.country == "RUS" and r.start == "2004-03-09" and r.end is None
               for r in lavrov.roles)
    intl = read_file(SHARED / "Phoenix.International.actors.txt")
    assert any(e.type == "igo" for e in intl)
    assert read_file(SHARED / "Phoenix.MilNonState.actors.txt")
