"""Importing PETRARCH/Phoenix actor dictionaries; their English names link Hindi mentions."""

from __future__ import annotations

import pytest
from helpers import SHARED as SHARED_ROOT

from ghatna.actors.kb import KnowledgeBase
from ghatna.actors.kb_files import read_entries
from ghatna.actors.link import Linker, link_text
from ghatna.actors.petrarch import (
    attach_to_known,
    dictionary_kind,
    read_actors,
    read_file,
    to_tsv,
)
from ghatna.errors import InputError

SHARED = SHARED_ROOT / "data" / "petrarch"

SMALL = """\
# a small actor dictionary written for this test
TEODORO_OBIANG_  # Equatorial Guinea
+PRESIDENT_TEODORO_OBIANG
\t[GNQGOV >790803]
OLD_RULER_ [XYZGOV <991231] [ELI]
NEW_ZEALAND_ [NZL]
+AOTEAROA_
UNITED_NATIONS_\t[IGOUNO]
SHINING_PATH_ [PERREB]
"""


def test_reads_names_synonyms_and_dated_codes():
    entries = {e.id: e for e in read_actors(SMALL, "test")}
    obiang = entries["petrarch:teodoro_obiang"]
    assert obiang.type == "person" and obiang.name == "Teodoro Obiang"
    assert "President Teodoro Obiang" in obiang.aliases
    role = obiang.roles[0]
    assert (role.country, role.sector, role.start, role.end) == ("GNQ", "GOV", "1979-08-03", None)
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
    found = link_text(Linker(kb), "इक्वेटोरियल गिनी के राष्ट्रपति तेओदोरो ओबियांग ने कहा।", "2020-03-01")
    people = [m for m in found if m.entity and m.entity.type == "person"]
    assert [(m.text, m.entity.id, m.entity.code) for m in people] == \
        [("तेओदोरो ओबियांग", "petrarch:teodoro_obiang", "GNQGOV")]


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
    with pytest.raises(InputError, match="agents"):
        read_file(SHARED / "Phoenix.agents.txt")


def test_import_attaches_known_actors_instead_of_duplicating():
    known = KnowledgeBase.load(world_cities=0)
    entries = attach_to_known(read_actors(
        "SHANGHAI_COOPERATION_ORGANIZATION_ [IGOASASCO]\nNEW_GROUP_ [IGOXYZ]\n", "t"),
        list(known))
    assert [e.id for e in entries] == ["IGO:SCO", "petrarch:new_group"]
    assert not entries[0].roles and "Shanghai Cooperation Organization" in entries[0].aliases


VERBS = """# a verb dictionary in the PETRARCH format, written for this test
---  CONDEMN   [122]  ---
- * ATTACK   [122]   # CONDEMN
- * VIOLENCE [122]
---  MEET   [040]  ---
- * WITH [040:042]
"""


@pytest.mark.parametrize("text, kind", [
    (VERBS, "verbs"),
    ("MINISTER_ [~GOV]\nSOLDIER_ [~MIL]\n", "agents"),
    ("TEODORO_OBIANG_\n\t[GNQGOV >790803]\n", "actors"),
    ("just some text\n", "unknown"),
])
def test_dictionaries_are_recognised_by_content(text, kind):
    assert dictionary_kind(text) == kind


def test_a_verb_dictionary_is_refused(tmp_path):
    path = tmp_path / "actors.txt"  # the name says actors; the content says verbs
    path.write_text(VERBS, encoding="utf-8")
    with pytest.raises(InputError, match="verb dictionary"):
        read_file(path)


def test_cameo_verb_dictionary_is_refused():
    path = SHARED / "CAMEO.2.0.txt"
    if not path.is_file():
        pytest.skip("../shared is absent")
    with pytest.raises(InputError, match="verb dictionary"):
        read_file(path)
