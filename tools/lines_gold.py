"""Rebuild an event gold file from references to the lines of a text file the user has.

The Common Voice headline sets (``tests/data/events_cv_*.refs.jsonl``) hold line numbers
into Mozilla Common Voice's Hindi sentence file (``server/data/hi/sentence-collector.txt`` of
the common-voice repository, CC0), not its text, which is not in ``../shared`` and may not
be copied into the project. With a copy of that file:

    python tools/lines_gold.py tests/data/events_cv_blind.refs.jsonl --source hi.txt -o cv.jsonl
    ghatna eval events cv.jsonl

The file the sets were drawn from has the SHA-256 below; another version of it numbers its
lines differently, so the tool refuses it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys

SOURCE_SHA256 = "69a9b045798b6281eb81666f16bc3327806d342210c7747ab5889b72bdc9d80b"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("refs", help="JSON Lines of {id, line, events}")
    parser.add_argument("--source", required=True, help="the text file the lines refer to")
    parser.add_argument("-o", "--out", required=True)
    args = parser.parse_args(argv)
    raw = open(args.source, "rb").read()
    if hashlib.sha256(raw).hexdigest() != SOURCE_SHA256:
        print(f"{args.source}: not the file the references were drawn from "
              f"(SHA-256 {SOURCE_SHA256})", file=sys.stderr)
        return 2
    lines = raw.decode("utf-8").split("\n")
    with open(args.out, "w", encoding="utf-8") as out:
        for row in map(json.loads, open(args.refs, encoding="utf-8")):
            item = {"id": row["id"], "text": lines[row["line"] - 1].strip()} | {
                k: v for k, v in row.items() if k not in ("id", "line")}
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
