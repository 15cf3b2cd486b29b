"""The event pattern dictionary: shipped data, user files, validation, matching."""

from __future__ import annotations

import pytest

from ghatna.errors import ConfigError
from ghatna.events.patterns import PLOVER_TYPES, load_patterns


@pytest.fixture(scope="module")
def patterns():
    return load_patterns()


def test_every_type_has_several_patterns(patterns):
    by_type: dict[str, int] = {}
    for p in patterns.patterns:
        by_type[p.type] = by_type.get(p.type, 0) + 1
    assert set(by_type) == set(PLOVER_TYPES)
    assert min(by_type.values()) >= 3, by_type


def test_entries_are_complete(patterns):
    ids = [p.id for p in patterns.patterns]
    assert len(ids) == len(set(ids))
    for p in patterns.patterns:
        assert p.cameo.isdigit() and p.example, p.id
        assert patterns.quad(p.cameo, p.type) in (1, 2, 3, 4)


@pytest.mark.parametrize("text, pattern_id", [
    ("वांग ने प्रतिबंधों की कड़ी आलोचना की", "accuse.aalochana"),
    ("इन देशों ने प्रतिबंध लगाए थे", "sanction.pratibandh"),
    ("भारत ने नेपाल को राहत सामग्री भेजी", "aid.raahat"),
    ("दोनों पक्षों के बीच विचार विमर्श हुआ", "consult.vaarta"),
    ("रूस ने अपने सैनिकों को पीछे हटाया", "retreat.vaapas"),
])
def test_match(patterns, text, pattern_id):
    assert pattern_id in [m.pattern.id for m in patterns.match(text.split())]


def test_fillers_but_not_other_words_between_elements(patterns):
    assert patterns.match("समर्थन भी नहीं किया".split())
    assert not [m for m in patterns.match("समर्थन के लिए धन्यवाद किया".split())
                if m.pattern.id == "support.samarthan"]


def test_user_file_adds_and_replaces(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "classes:\n  FOONK: [फूंका, फूंके, फूँका]\n"
        "patterns:\n"
        "- {id: protest.ghera, type: PROTEST, mode: demo, words: ['पुतला|पुतले @FOONK'], example: 'x'}\n"
        "- {id: accuse.aalochana, type: ACCUSE, cameo: '111', words: ['भर्त्सना @KAR'], example: 'y'}\n",
        encoding="utf-8")
    ps = load_patterns(str(user))
    ids = {p.id: p for p in ps.patterns}
    assert "protest.ghera" in ids
    assert ids["accuse.aalochana"].raw_words == ["भर्त्सना @KAR"]
    assert [m.pattern.id for m in ps.match("छात्रों ने सरकार का पुतला फूंका".split())] == ["protest.ghera"]


@pytest.mark.parametrize("entry, message", [
    ("{id: a, type: PRAISE, words: ['x']}", "is not one of"),
    ("{id: a, type: ACCUSE, words: ['x @NOPE']}", "unknown word class @NOPE"),
    ("{id: a, type: ACCUSE, words: []}", "'words' must be"),
    ("{id: a, type: ACCUSE, cameo: 'x1', words: ['x']}", "CAMEO code"),
    ("{id: a, type: ACCUSE, words: ['x'], actor: [nominative]}", "unknown actor role"),
    ("{type: ACCUSE, words: ['x']}", "without an 'id'"),
])
def test_invalid_entries_are_explained(tmp_path, entry, message):
    user = tmp_path / "bad.yaml"
    user.write_text(f"patterns:\n- {entry}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_patterns(str(user))


def test_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_patterns(str(tmp_path / "nope.yaml"))
