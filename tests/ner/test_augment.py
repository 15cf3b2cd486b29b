"""Mention replacement for NER training (ghatna.ner.augment)."""

from ghatna.ner.augment import corpus_names, replace_mentions
from ghatna.ner.corpus import TaggedSentence


def sentence(tokens: str, tags: str) -> TaggedSentence:
    return TaggedSentence(tokens.split(), tags.split())


def test_each_entity_is_replaced_by_a_name_of_its_label_in_the_same_context():
    train = [sentence("अमित शाह ने पटना में कहा", "B-PER I-PER O B-LOC O O"),
             sentence("बारिश हुई", "O O")]
    extra = {"PER": {("सर्गेई", "लावरोव")}, "LOC": {("मास्को",)}, "ORG": set()}
    copies = replace_mentions(train, corpus_names(train), extra, seed=3)
    assert len(copies) == 1  # the sentence without entities is not copied
    copy = copies[0]
    spans = copy.spans()
    assert [label for _, _, label in spans] == ["PER", "LOC"]
    assert [copy.tokens[s:e] for s, e, _ in spans][0] in (["अमित", "शाह"], ["सर्गेई", "लावरोव"])
    # Context words keep their places around the new names.
    assert copy.tokens[spans[0][1]] == "ने" and copy.tokens[-2:] == ["में", "कहा"]
    assert replace_mentions(train, corpus_names(train), extra, seed=3) == copies
