"""Link precision on held-out NER-annotated Hindi text.

Two figures, on text the knowledge base's authors never saw:

* **precision**: of the named links the linker makes (entity not a generic agent,
  demonyms aside), the share whose words all sit on a gold PER/LOC/ORG span, on the
  IL-NER Hindi dev sentences (all 1,388);
  and the same share on the held-out HiNER sentences below;
* **persons as places**: how many gold PER spans the linker links (wholly or in part)
  to a place or a state, in the last 2,000 sentences of HiNER (collapsed tags). The
  data files under ``ghatna/data/kb/lexicon`` computed from the NER corpora
  (``tools/make_name_words.py``) leave these 2,000 sentences and IL-NER dev out, so
  both sets stay held out.

    PYTHONPATH=src python benchmarks/link_precision.py [--ner] [--show N]

``--ner`` runs the shipped NER model before linking, as the pipeline does (``ner`` then
``link``); without it the linker runs alone, as ``ghatna link`` does.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NER_DIR = ROOT.parent / "shared" / "data" / "ner"
ILNER_DEV = NER_DIR / "ilner-hindi-dev.txt"
HINER = NER_DIR / "hiner-collapsed-train.conll"
HELD_OUT_HINER = 2000  # the last sentences of HiNER, never read by tools/make_name_words.py
GOLD = {"NEP": "PER", "NEL": "LOC", "NEO": "ORG",
        "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
PLACE_TYPES = {"place", "country"}


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, coarse tags PER/LOC/ORG/O) of each sentence of a CoNLL file."""
    sents, toks, tags = [], [], []
    for line in path.read_text("utf-8").splitlines() + [""]:
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        parts = line.split("\t")
        tag = parts[-1] if len(parts) > 1 else "O"
        toks.append(parts[0])
        tags.append(GOLD.get(tag.partition("-")[2], "O"))
    return sents


def link_all(sents, with_ner: bool):
    from ghatna.actors.link import build_linker
    from ghatna.model import Article, Sentence
    from ghatna.settings import Settings

    settings = Settings.load()
    linker = build_linker(settings, with_segmenter=False)
    tagger = None
    if with_ner:
        from ghatna.ner.tagger import load_tagger, tag_articles

        tagger = load_tagger(settings.get("ner", "model") or None)
    out = []
    for k, (toks, _) in enumerate(sents):
        text, offsets = "", []
        for tok in toks:
            text += " " if text else ""
            offsets.append((len(text), len(text) + len(tok)))
            text += tok
        sent = Sentence(0, "body", 0, len(text), text, offsets)
        art = Article(raw=text, doc=str(k), text=text, language="hi", sentences=[sent])
        if tagger is not None:
            tag_articles(tagger, [art])
        linker.link_article(art)
        out.append((offsets, art.mentions))
    return out


def covered(offsets, m) -> list[int]:
    return [i for i, (s, e) in enumerate(offsets) if s < m.end and m.start < e]


def named(m) -> bool:
    return m.entity is not None and m.entity.type not in ("agent", "media") and m.label != "NORP"


def precision(sents, linked, show: int) -> tuple[int, int, Counter]:
    total = good = 0
    wrong: Counter[str] = Counter()
    for (_, tags), (offsets, mentions) in zip(sents, linked):
        for m in mentions:
            if not named(m):
                continue
            total += 1
            if all(tags[i] != "O" for i in covered(offsets, m)):
                good += 1
            else:
                wrong[f"{m.text} -> {m.entity.name} ({m.entity.type})"] += 1
    return good, total, wrong


def persons_as_places(sents, linked) -> tuple[int, Counter]:
    count = 0
    which: Counter[str] = Counter()
    for (_, tags), (offsets, mentions) in zip(sents, linked):
        for m in mentions:
            if m.entity is None or m.entity.type not in PLACE_TYPES or m.label == "NORP":
                continue
            if any(tags[i] == "PER" for i in covered(offsets, m)):
                count += 1
                which[f"{m.text} -> {m.entity.name} ({m.entity.type})"] += 1
    return count, which


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ner", action="store_true", help="Run the NER stage before linking.")
    parser.add_argument("--show", type=int, default=0, help="List the N commonest errors.")
    args = parser.parse_args()
    if not ILNER_DEV.is_file() or not HINER.is_file():
        sys.exit(f"{NER_DIR} not found (needs ../shared)")
    sys.path.insert(0, str(ROOT / "src"))
    dev = read_conll(ILNER_DEV)
    good, total, wrong = precision(dev, link_all(dev, args.ner), args.show)
    print(f"IL-NER dev: {len(dev)} sentences; named links {total}; on gold PER/LOC/ORG {good}; "
          f"precision {good / max(total, 1):.4f}")
    for text, n in wrong.most_common(args.show):
        print(f"  {n:3d}  {text}")
    held = read_conll(HINER)[-HELD_OUT_HINER:]
    linked = link_all(held, args.ner)
    good, total, wrong = precision(held, linked, 0)
    print(f"HiNER last {len(held)} sentences: named links {total}; on gold PER/LOC/ORG {good}; "
          f"precision {good / max(total, 1):.4f}")
    for text, n in wrong.most_common(args.show):
        print(f"  {n:3d}  {text}")
    count, which = persons_as_places(held, linked)
    print(f"HiNER last {len(held)} sentences: person names linked as places or states: {count}")
    for text, n in which.most_common(args.show):
        print(f"  {n:3d}  {text}")


if __name__ == "__main__":
    main()
