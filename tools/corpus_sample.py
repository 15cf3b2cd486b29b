"""Draw reproducible samples of sentences from the annotated NER corpora in ../shared for
event-coding evaluation, and turn reference files back into gold files.

The corpora's text may not be copied into the project, so a sample is stored as
references (``"ref": "<corpus file>#<sentence number>"``) and the text is rebuilt from
../shared when a test or a person needs it:

    python tools/corpus_sample.py blind -o refs.jsonl         # the blind event set's draw
    python tools/corpus_sample.py general -o refs.jsonl       # unselected general news
    python tools/corpus_sample.py blind --seed 7 --size 250 50 --exclude old.refs.jsonl -o new.refs.jsonl
    python tools/corpus_sample.py text refs.jsonl -o gold.jsonl   # refs -> sentences
    python tools/corpus_sample.py link link_refs.jsonl -o gold.jsonl   # link refs -> the
                                              # jsonl `ghatna eval link` reads

The blind draw takes sentences that name a political actor (a word for a government, an
army, a party, a court… or a gold organisation span: actors, never event words, so the
draw does not favour what the coder already knows) and an equal-sized share of sentences
drawn at random, which are mostly without a political event.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"
CORPORA = ("ilner-hindi-train.txt", "hiner-collapsed-train.conll")
ACTOR_WORDS = frozenset(
    "सरकार सरकारों मंत्री मंत्रियों प्रधानमंत्री राष्ट्रपति मुख्यमंत्री सेना सेनाओं सैनिक सैनिकों पुलिस "
    "पार्टी पार्टियों दल नेता नेताओं अधिकारी अधिकारियों आयोग अदालत न्यायालय संसद विधायक सांसद "
    "प्रशासन मंत्रालय राजदूत उग्रवादी आतंकवादी आतंकवादियों प्रदर्शनकारी प्रदर्शनकारियों किसान "
    "कर्मचारी कर्मचारियों संगठन गठबंधन विपक्ष".split())
NO_SPACE_BEFORE = frozenset("। , ; : ? ! ) ] ॥ .".split())
NO_SPACE_AFTER = frozenset("( [".split())


@functools.lru_cache(maxsize=None)
def read_corpus(name: str) -> list[list[tuple[str, str]]]:
    """The (token, tag) sentences of one corpus file, read once."""
    sentences, current = [], []
    for line in (SHARED / name).read_text("utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.partition("\t")
        current.append((token, tag.strip()))
    if current:
        sentences.append(current)
    return sentences


def detokenise(tokens: list[str]) -> str:
    """Tokens joined as running text: no space before closing punctuation."""
    out = ""
    for tok in tokens:
        glued = not out or tok in NO_SPACE_BEFORE or out[-1] in NO_SPACE_AFTER
        out += tok if glued else " " + tok
    return out


def sentence_text(ref: str) -> str:
    name, _, number = ref.partition("#")
    return detokenise([t for t, _ in read_corpus(name)[int(number)]])


def link_gold(item: dict) -> dict | None:
    """A kept link reference (``ref``, ``tokens`` [start, end), ``gold``) as the JSON Lines
    gold row `ghatna eval link` reads: the rebuilt sentence, the mention's words (with
    ``@N`` when an earlier copy of the same words stands before it) and the gold entity;
    ``None`` for a reference the annotator did not keep."""
    if not item.get("keep"):
        return None
    name, _, number = item["ref"].partition("#")
    tokens = [t for t, _ in read_corpus(name)[int(number)]]
    start, end = item["tokens"]
    text, words = detokenise(tokens), detokenise(tokens[start:end])
    # running text is built left to right, so the words up to the mention are a prefix of it
    nth = text.count(words, 0, len(detokenise(tokens[:end])))
    if not nth:
        raise ValueError(f"{item['id']}: {words!r} is not in its rebuilt sentence")
    return {"id": item["id"], "text": text, "mention": words if nth == 1 else f"{words}@{nth}",
            "gold": item["gold"]}


def names_an_actor(sent: list[tuple[str, str]]) -> bool:
    return any(t in ACTOR_WORDS for t, _ in sent) or any(
        tag.endswith(("NEO", "ORGANIZATION")) for _, tag in sent)


def draw(kind: str, seed: int, n_actor: int, n_random: int, exclude: set[str]) -> list[dict]:
    rng = random.Random(seed)
    pool_actor, pool_any = [], []
    for name in CORPORA:
        for i, sent in enumerate(read_corpus(name)):
            ref = f"{name}#{i}"
            if ref in exclude or not 6 <= len(sent) <= 50:
                continue
            pool_any.append(ref)
            if names_an_actor(sent):
                pool_actor.append(ref)
    chosen = rng.sample(pool_actor, n_actor) if n_actor else []
    rest = sorted(set(pool_any) - set(chosen))
    chosen += rng.sample(rest, n_random)
    rng.shuffle(chosen)
    return [{"id": f"{kind}{k + 1:03d}", "ref": ref} for k, ref in enumerate(chosen)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for kind in ("blind", "general"):
        p = sub.add_parser(kind)
        p.add_argument("-o", "--out", required=True)
        p.add_argument("--exclude", nargs="*", default=[], help="reference files whose sentences to leave out")
        p.add_argument("--seed", type=int, help="a seed of its own for a fresh draw (default: the set's)")
        p.add_argument("--size", type=int, nargs=2, metavar=("ACTOR", "RANDOM"),
                       help="sentences naming an actor, sentences drawn at random")
    for kind in ("text", "link"):
        p = sub.add_parser(kind)
        p.add_argument("refs")
        p.add_argument("-o", "--out", required=True)
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED} is absent", file=sys.stderr)
        return 2
    if args.command == "text":
        with open(args.out, "w", encoding="utf-8") as out:
            for line in open(args.refs, encoding="utf-8"):
                item = json.loads(line)
                item = {"id": item["id"], "text": sentence_text(item["ref"])} | {
                    k: v for k, v in item.items() if k not in ("id", "ref")}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return 0
    if args.command == "link":
        with open(args.out, "w", encoding="utf-8") as out:
            for line in open(args.refs, encoding="utf-8"):
                row = link_gold(json.loads(line))
                if row is not None:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    exclude = {json.loads(ln)["ref"] for f in args.exclude for ln in open(f, encoding="utf-8")}
    sizes = args.size or {"blind": (250, 170), "general": (0, 300)}[args.command]
    seed = args.seed or {"blind": 20261207, "general": 20261208}[args.command]
    with open(args.out, "w", encoding="utf-8") as out:
        for item in draw(args.command, seed, *sizes, exclude):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
