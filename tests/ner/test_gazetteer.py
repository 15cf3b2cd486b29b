"""Gazetteer features for the NER model (ghatna.ner.gazetteer)."""

from ghatna.ner.gazetteer import (
    LABEL_BITS,
    _index,
    build_gazetteer,
    kb_names,
    match_features,
    read_gazetteer,
    write_gazetteer,
)

PER, LOC, ORG = LABEL_BITS["PER"], LABEL_BITS["LOC"], LABEL_BITS["ORG"]


def features(text: str, names: dict[str, int]) -> list[int]:
    firsts, longest = _index(names)
    return match_features(text.split(), names, firsts, longest)


def test_longest_name_wins_and_marks_its_first_and_inner_tokens():
    names = {"नरेंद्र": PER, "नरेंद्र मोदी": PER, "भारतीय जनता पार्टी": ORG, "भारत": LOC}
    assert features("नरेंद्र मोदी ने भारतीय जनता पार्टी और भारत", names) == [
        2 * PER, 2 * PER + 1, 0, 2 * ORG, 2 * ORG + 1, 2 * ORG + 1, 0, 2 * LOC]
    assert features("मोदी जनता", names) == [0, 0]  # inner words alone are not names


def test_a_name_with_several_labels_keeps_them_all(tmp_path):
    names = {"वाशिंगटन": PER | LOC}
    assert read_gazetteer(write_gazetteer(names, tmp_path / "g.tsv")) == names
    assert features("वाशिंगटन में", names) == [2 * (PER | LOC), 0]


def test_gazetteer_has_devanagari_names_of_every_label():
    names = build_gazetteer()
    assert names["भारत"] & LOC and names["मुंबई"] & LOC
    assert sum(1 for bits in names.values() if bits & PER) > 200
    assert sum(1 for bits in names.values() if bits & ORG) > 100
    assert all(len(name) > 1 and not any("a" <= c <= "z" for c in name.lower()) for name in names)


def test_knowledge_base_gives_names_for_every_label():
    pools = kb_names()
    assert all(len(pools[label]) > 20 for label in ("PER", "LOC", "ORG"))
