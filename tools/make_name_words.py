"""Compute the linker's word evidence from name lists and NER corpora.

Writes two files under ``src/ghatna/data/kb/lexicon/`` (normalised Devanagari words
with counts; no names or sentences are copied, only per-word figures):

* ``name_words.tsv``: words of people's names, with how often each ends a person's name,
  stands elsewhere in one, and stands alone as a place. Read from the Devanagari names in
  ``en-hi-person-names.tsv`` and the PER and LOC spans of the NER corpora. The linker
  does not take a lone surname-like word for a place or state without other evidence
  (मिश्रा is not मिस्र), nor a lone given name for a title (कांस्टेबल सुल्तान).
* ``common_words.tsv``: words annotators left outside every entity again and again,
  with how often they were outside entities and how often they were a one-word entity
  by themselves. The linker does not link such a word on its own (भूखे is not Bouaké).

The NER corpora read are IL-NER's Hindi train file and HiNER's (collapsed tags) train
file without its last 2,000 sentences; IL-NER dev and those 2,000 sentences are left
out so that ``benchmarks/link_precision.py`` measures on held-out text.

    python tools/make_name_words.py [--shared ../shared/data] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "ghatna" / "data" / "kb" / "lexicon"
HELD_OUT_HINER = 2000
PER = {"NEP", "PERSON"}
LOC = {"NEL", "LOCATION"}
# a name word: in people's names at least this often
MIN_NAME = 2
# a common word: outside entities at least this often, and a one-word entity by itself at
# most this share of the time (inside longer names does not count: नगर, आयोग)
MIN_OUTSIDE = 2
MAX_ALONE_SHARE = 0.25


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(token, entity type or "O") for each sentence of a CoNLL file (BIO tags)."""
    out, cur = [], []
    for line in path.read_text("utf-8").splitlines() + [""]:
        if not line.strip():
            if cur:
                out.append(cur)
            cur = []
            continue
        parts = line.split("\t")
        tag = parts[-1] if len(parts) > 1 else "O"
        cur.append((parts[0], tag))
    return out


def spans(sent: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(type, words) of the tagged spans of a sentence."""
    out: list[tuple[str, list[str]]] = []
    for tok, tag in sent:
        prefix, _, kind = tag.partition("-")
        if tag == "O" or not kind:
            continue
        if prefix == "I" and out and out[-1][0] == kind:
            out[-1][1].append(tok)
        else:
            out.append((kind, [tok]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(OUT), help="Folder to write the two files to.")
    args = parser.parse_args()
    out_dir = Path(args.out)
    shared = Path(args.shared)
    names_file = shared / "names" / "en-hi-person-names.tsv"
    ilner = shared / "ner" / "ilner-hindi-train.txt"
    hiner = shared / "ner" / "hiner-collapsed-train.conll"
    for path in (names_file, ilner, hiner):
        if not path.is_file():
            sys.exit(f"{path} not found")
    sys.path.insert(0, str(ROOT / "src"))
    from ghatna.actors.translit import is_devanagari, normalise

    last_name: Counter[str] = Counter()
    given: Counter[str] = Counter()
    place: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    names = 0
    for line in names_file.read_text("utf-8").splitlines()[1:]:
        hindi = line.split("\t")[-1].split()
        if len(hindi) >= 2 and is_devanagari(hindi[-1]):
            names += 1
            last_name[normalise(hindi[-1])] += 1
            given.update(normalise(w) for w in hindi[:-1])
    corpus = sentences(ilner) + sentences(hiner)[:-HELD_OUT_HINER]
    for sent in corpus:
        for tok, tag in sent:
            if tag == "O" and is_devanagari(tok):
                outside[normalise(tok)] += 1
        for kind, words in spans(sent):
            norms = [normalise(w) for w in words if is_devanagari(w)]
            if not norms:
                continue
            if len(norms) == 1:
                alone[norms[0]] += 1
                if kind in LOC:
                    place[norms[0]] += 1
            if kind in PER:
                last_name[norms[-1]] += 1
                given.update(norms[:-1])
    header = (f"# Computed by tools/make_name_words.py from {names:,} Devanagari person names "
              f"(en-hi-person-names.tsv) and {len(corpus):,} NER sentences (IL-NER Hindi "
              f"train; HiNER train without its last {HELD_OUT_HINER:,} sentences).\n"
              f"# Normalised words and counts only. Do not edit: rerun the tool.\n")
    with (out_dir / "name_words.tsv").open("w", encoding="utf-8") as out:
        out.write(header)
        out.write(f"# Words in people's names at least {MIN_NAME} times: last_name = ends a "
                  f"person's name, given = another word of a name, place = a "
                  f"one-word LOC span by itself.\n")
        out.write("word\tlast_name\tgiven\tplace\n")
        for word in sorted(set(last_name) | set(given),
                           key=lambda w: (-(last_name[w] + given[w]), w)):
            if last_name[word] + given[word] >= MIN_NAME and len(word) >= 2:
                out.write(f"{word}\t{last_name[word]}\t{given[word]}\t{place[word]}\n")
    with (out_dir / "common_words.tsv").open("w", encoding="utf-8") as out:
        out.write(header)
        out.write(f"# Words outside every entity at least {MIN_OUTSIDE} times and a one-word "
                  f"entity by themselves in at most {MAX_ALONE_SHARE:.0%} of their "
                  f"occurrences: outside = tagged O, alone = a one-word entity.\n")
        out.write("word\toutside\talone\n")
        for word, n in sorted(outside.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= MIN_OUTSIDE and alone[word] <= MAX_ALONE_SHARE * (n + alone[word]):
                out.write(f"{word}\t{n}\t{alone[word]}\n")


if __name__ == "__main__":
    main()
