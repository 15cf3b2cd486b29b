"""Speed of the link stage, and how often it links words an annotator tagged O.

Reads the IL-NER Hindi dev sentences from ../shared (not shipped with ghatna), builds
1,000 Sentences with their tokens, and times ``Linker.link_article`` after start-up (best of three runs, cold caches).

    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_link.py [--show-fp N]

Prints sentences/second, and the share of knowledge-base mentions (agents excluded)
that fall entirely on tokens tagged O: a rough upper bound on false positives, since
IL-NER does not tag demonyms and some organisations.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ner" / "ilner-hindi-dev.txt"


def read_conll(path: Path, limit: int) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
                if len(sents) >= limit:
                    break
            continue
        parts = line.split("\t")
        toks.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if toks and len(sents) < limit:
        sents.append((toks, tags))
    return sents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--show-fp", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", default=str(DATA),
                        help="Another CoNLL file (token<TAB>tag), e.g. HiNER's.")
    args = parser.parse_args()
    path = Path(args.file)
    if not path.is_file():
        sys.exit(f"{path} not found (needs ../shared)")
    sys.path.insert(0, str(ROOT / "src"))
    from ghatna.actors.link import build_linker
    from ghatna.model import Article, Sentence
    from ghatna.settings import Settings

    t0 = time.perf_counter()
    linker = build_linker(Settings.load())
    startup = time.perf_counter() - t0
    data = read_conll(path, args.n)
    sentences, tagsets = [], []
    for k, (toks, tags) in enumerate(data):
        text, offsets = "", []
        for tok in toks:
            if text:
                text += " "
            offsets.append((len(text), len(text) + len(tok)))
            text += tok
        sentences.append(Sentence(k, "body", 0, len(text), text, offsets))
        tagsets.append(tags)
    from ghatna.actors import translit
    from ghatna.actors.link import Linker

    # one article per sentence, as a batch of short texts would be linked; best of three
    # runs, each with a fresh linker and cold caches (the machine is shared)
    elapsed = float("inf")
    for _ in range(args.repeat):
        for fn in (translit.normalise, translit.romanise, translit.loose, translit.keys,
                   translit._word_key, translit._romanise_word):
            fn.cache_clear()
        fresh = Linker(linker.kb, min_fuzzy_chars=linker.min_fuzzy_chars,
                       single_threshold=linker.single_threshold,
                       multi_threshold=linker.multi_threshold)
        articles = [Article(raw=s.text, doc=str(k), text=s.text, language="hi",
                            sentences=[s]) for k, s in enumerate(sentences)]
        t0, c0 = time.perf_counter(), time.process_time()
        for art in articles:
            fresh.link_article(art)
        wall = time.perf_counter() - t0
        if wall < elapsed:
            elapsed, cpu = wall, time.process_time() - c0
    total = fp = 0
    fps: Counter[str] = Counter()
    for art, sent, tags in zip(articles, sentences, tagsets):
        for m in art.mentions:
            if m.entity is None or m.entity.type == "agent":
                continue
            total += 1
            covered = [i for i, (s, e) in enumerate(sent.tokens) if s < m.end and m.start < e]
            if all(tags[i] == "O" for i in covered):
                fp += 1
                fps[f"{m.text} -> {m.entity.name}"] += 1
    print(f"start-up {startup:.2f} s; linked {len(sentences)} sentences in {elapsed:.2f} s "
          f"wall, {cpu:.2f} s CPU ({len(sentences) / elapsed:.0f} sentences/s)")
    print(f"knowledge-base mentions {total}; on O-tagged tokens only {fp} "
          f"({fp / max(total, 1):.1%})")
    for text, n in fps.most_common(args.show_fp):
        print(f"  {n:3d}  {text}")


if __name__ == "__main__":
    main()
