"""Hostile inputs through the real CLI: each case is built in a temporary folder and
ingested with good records before and after it, in one `ghatna ingest` process.

Prints a table: the case, the exit status, whether a Python traceback was shown, and how
many good records were stored of those expected. Good records carry titles starting with
"अच्छी खबर" so they can be counted; a case whose own file holds good records expects them
too. Cases about the database or the settings stop the run before anything is read
(expected exit 2, nothing stored).

    python benchmarks/hostile_inputs.py [--jobs 2] [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
BODY = ("राज्य सरकार ने मंगलवार को किसानों के लिए नई सिंचाई योजना की घोषणा की। "
        "मुख्यमंत्री ने कहा कि इससे दो लाख परिवारों को लाभ मिलेगा।")
GOOD = "अच्छी खबर"


def good(tag: str, **extra) -> dict:
    return {"title": f"{GOOD} {tag}", "text": f"{BODY} ({tag})", "date": "2024-05-14"} | extra


def jl(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False, allow_nan=True)
                     for r in records).encode()


def with_bad(bad: dict) -> bytes:
    """A JSON Lines file: a good record, the bad one, a good record."""
    return jl(good("in-1"), good("bad") | bad, good("in-2"))


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _warc(pages: list[tuple[str | None, bytes, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, html, ctype in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri or "https://x.example/", "response",
                                        payload=io.BytesIO(html), http_headers=http)
        if uri is None:
            rec.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(rec)
    return out.getvalue()


def page(tag: str) -> bytes:
    return (f"<html><head><title>{GOOD} {tag}</title></head><body><article><h1>{GOOD} {tag}</h1>"
            f"<p>{BODY * 3}</p></article></body></html>").encode()


# name -> (file name, bytes or a builder of the folder, good records inside the case)
Case = tuple[str, "bytes | Callable[[Path], list[str]]", int]
ISCII = bytes([0xCB, 0xDA, 0xCF, 0xC2, 0x20, 0xC6, 0xE1, 0x20, 0xB3, 0xD8, 0xDA, 0xEA]) * 20
TEXT = f"{GOOD} पाठ\n\n{BODY}"


def symlink_loop(folder: Path) -> list[str]:
    d = folder / "loop"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(f"{GOOD} लूप\n\n{BODY} लूप", "utf-8")
    os.symlink(d, d / "sub" / "back")
    return [f"{d}/**/*.txt"]


def sidecar(folder: Path) -> list[str]:
    d = folder / "side"
    d.mkdir()
    (d / "a.txt").write_text(f"{GOOD} साइडकार\n\n{BODY} साइडकार", "utf-8")
    (d / "meta.jsonl").write_text('{"file": "a.txt", "date": 1e20}\n{broken\n', "utf-8")
    return [str(d)]


def dangling(folder: Path) -> list[str]:
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    return [str(folder / "dangling.txt")]


def dir_named_txt(folder: Path) -> list[str]:
    (folder / "folder.txt").mkdir()
    return [str(folder / "folder.txt")]


def empty_folder(folder: Path) -> list[str]:
    (folder / "empty").mkdir()
    return [str(folder / "empty")]


CASES: dict[str, Case] = {
    # JSON Lines records with fields of the wrong type or impossible values
    "jsonl url is a list": ("a.jsonl", with_bad({"url": ["a", "b"]}), 2),
    "jsonl url is an object": ("a.jsonl", with_bad({"url": {"href": "x"}}), 2),
    "jsonl source is a number": ("a.jsonl", with_bad({"source": 3.5}), 2),
    "jsonl source NewsAPI object": ("a.jsonl", with_bad({"source": {"id": None, "name": "द हिंदू"}}), 3),
    "jsonl source object without name": ("a.jsonl", with_bad({"source": {"id": None}}), 2),
    "jsonl source is a list": ("a.jsonl", with_bad({"source": ["a"]}), 2),
    "jsonl title is an object": ("a.jsonl", with_bad({"title": {"x": 1}}), 2),
    "jsonl title is a list": ("a.jsonl", with_bad({"title": ["x"]}), 2),
    "jsonl title is a boolean": ("a.jsonl", with_bad({"title": True}), 2),
    "jsonl date NaN": ("a.jsonl", with_bad({"date": float("nan")}), 2),
    "jsonl date Infinity": ("a.jsonl", with_bad({"date": float("inf")}), 2),
    "jsonl date -Infinity": ("a.jsonl", with_bad({"date": float("-inf")}), 2),
    "jsonl date 1e20": ("a.jsonl", with_bad({"date": 1e20}), 2),
    "jsonl date -1e20": ("a.jsonl", with_bad({"date": -1e20}), 2),
    "jsonl date true": ("a.jsonl", with_bad({"date": True}), 2),
    "jsonl date is a list": ("a.jsonl", with_bad({"date": ["2024"]}), 2),
    "jsonl date is an object": ("a.jsonl", with_bad({"date": {"y": 2024}}), 2),
    "jsonl date 2024-02-30 (unreadable string)": ("a.jsonl", with_bad({"date": "2024-02-30"}), 3),
    "jsonl date year 99999": ("a.jsonl", with_bad({"date": "99999-01-01"}), 3),
    "jsonl id is a list": ("a.jsonl", with_bad({"id": [1]}), 2),
    "jsonl text is a list": ("a.jsonl", with_bad({"text": ["a"]}), 2),
    "jsonl text is a number": ("a.jsonl", with_bad({"text": 42}), 2),
    "jsonl text null": ("a.jsonl", with_bad({"text": None}), 2),
    "jsonl text empty": ("a.jsonl", with_bad({"text": "   "}), 2),
    "jsonl text with NUL": ("a.jsonl", with_bad({"text": BODY + "\u0000"}), 2),
    "jsonl text lone surrogate": ("a.jsonl", jl(good("in-1"), '{"title": "x", "text": "' + BODY
                                                + '\\ud800"}', good("in-2")), 2),
    "jsonl text control characters": ("a.jsonl", with_bad({"text": BODY + "\x01\x02\x03\x04\x05\x06"}), 2),
    "jsonl deep nesting 100k": ("a.jsonl", jl(good("in-1"), "[" * 100_000 + "]" * 100_000, good("in-2")), 2),
    "jsonl deep nesting in a field": ("a.jsonl", jl(good("in-1"), '{"text": "x", "meta": '
                                                   + "[" * 50_000 + "]" * 50_000 + "}", good("in-2")), 2),
    "jsonl malformed line": ("a.jsonl", jl(good("in-1"), "{not json", good("in-2")), 2),
    "jsonl line cut mid-record": ("a.jsonl", jl(good("in-1"), '{"text": "अधूरा', good("in-2")), 2),
    "jsonl line is an array": ("a.jsonl", jl(good("in-1"), "[1, 2]", good("in-2")), 2),
    "jsonl line is a string": ("a.jsonl", jl(good("in-1"), '"just text"', good("in-2")), 2),
    "jsonl line not UTF-8": ("a.jsonl", jl(good("in-1")) + b'\n{"text": "caf\xe9"}\n' + jl(good("in-2")), 2),
    "jsonl with BOM and CRLF": ("a.jsonl", codecs.BOM_UTF8 + jl(good("in-1"), good("in-2")).replace(b"\n", b"\r\n"), 2),
    "jsonl only blank lines": ("a.jsonl", b"\n\n\n", 0),
    "jsonl truncated .gz": ("a.jsonl.gz", _half(gzip.compress(jl(*[good(f"gz-{n}") for n in range(300)]))), -1),
    "jsonl.gz that is not gzip": ("a.jsonl.gz", jl(good("in-1")), 0),
    "jsonl.gz empty": ("a.jsonl.gz", b"", 0),
    # JSON documents
    "json deep nesting": ("a.json", b"[" * 100_000 + b"]" * 100_000, 0),
    "json NaN literal record": ("a.json", b'[{"title": "' + f"{GOOD} nan".encode() + b'", "text": "'
                                + BODY.encode() + b'", "date": NaN}]', 0),
    "json array of numbers": ("a.json", b"[1, 2, 3]", 0),
    "json empty array": ("a.json", b"[]", 0),
    "json NewsAPI export with a bad record": ("a.json", json.dumps({"status": "ok", "articles": [
        good("api-1", source={"id": None, "name": "द हिंदू"}), good("api-bad", url=[1]),
        good("api-2")]}, ensure_ascii=False).encode(), 2),
    "json scalar": ("a.json", b"42", 0),
    # CSV
    "csv UTF-16 with BOM": ("a.csv", ("title,text\n" + f"{GOOD} u16,{BODY}\n").encode("utf-16"), 1),
    "csv UTF-16 LE without BOM": ("a.csv", ("title,text\n" + f"{GOOD} u16le,{BODY}\n").encode("utf-16-le"), 1),
    "csv cp1252": ("a.csv", ('title,text\nCafé,"Le président a visité l\'école à Genève, 5 €."\n').encode("cp1252"), 0),
    "csv row with NUL": ("a.csv", f"title,text\n{GOOD} c1,{BODY}\nबुरा,x\x00y\n{GOOD} c2,{BODY}\n".encode(), 2),
    "csv unclosed quote": ("a.csv", f'title,text\n{GOOD} c3,{BODY}\nबुरा,"खुला उद्धरण\n'.encode(), 1),
    "csv header only": ("a.csv", b"title,text\n", 0),
    "csv without a text column": ("a.csv", "शीर्षक,तारीख\nx,2024-01-01\n".encode(), 0),
    "csv ragged rows": ("a.csv", f"title,text\n{GOOD} r1,{BODY},extra,more\nonly-title\n".encode(), 1),
    "tsv with date column of junk": ("a.tsv", f"title\ttext\tdate\n{GOOD} t1\t{BODY}\t31/31/31\n".encode(), 1),
    # plain text in many encodings and states
    "text Latin-1": ("a.txt", "Café crème à Genève, déjà vu. Le président est arrivé.".encode("latin-1"), 0),
    "text cp1252 with euro": ("a.txt", "Le café coûte 5 € — «très» cher, déjà.".encode("cp1252"), 0),
    "text UTF-16 LE no BOM": ("a.txt", TEXT.replace(GOOD, GOOD + " u16").encode("utf-16-le"), 1),
    "text UTF-16 BE no BOM": ("a.txt", TEXT.replace(GOOD, GOOD + " u16be").encode("utf-16-be"), 1),
    "text UTF-16 with BOM": ("a.txt", TEXT.replace(GOOD, GOOD + " bom16").encode("utf-16"), 1),
    "text ISCII": ("a.txt", ISCII, 0),
    "text NUL in first 8 KB": ("a.txt", TEXT.encode() + b"\x00" + TEXT.encode(), 0),
    "text NUL after 8 KB": ("a.txt", TEXT.encode() * 100 + b"\x00" + TEXT.encode(), 0),
    "text random binary": ("a.txt", bytes(range(256)) * 40, 0),
    "text empty": ("a.txt", b"", 0),
    "text whitespace only": ("a.txt", b"  \n\t\n ", 0),
    "text BOM only": ("a.txt", codecs.BOM_UTF8, 0),
    "text UTF-8 head then Latin-1": ("a.txt", TEXT.encode() * 3000 + "déjà".encode("latin-1"), 0),
    "text zero-width characters only": ("a.txt", "\u200b\u200c\u200d\ufeff".encode() * 20, 0),
    "text 1 MB article (budget)": ("a.txt", (f"{GOOD} लंबा\n\n" + (BODY + "\n\n") * 5000).encode(), 1),
    "text one 300 KB line": ("a.txt", (f"{GOOD} पंक्ति\n\n" + BODY.replace("।", "") * 1500).encode(), 1),
    # HTML
    "html without article text": ("a.html", b"<html><body><nav>menu</nav></body></html>", 0),
    "html binary": ("a.html", bytes(range(256)) * 10, 0),
    "html script only": ("a.html", b"<script>alert(1)</script>" * 50, 0),
    # WARC
    "warc record without target URI": ("a.warc", _warc([("https://x.example/1", page("w1"), "text/html"),
                                                         (None, page("w-no-uri"), "text/html"),
                                                         ("https://x.example/2", page("w2"), "text/html")], False), 2),
    "warc truncated": ("a.warc", _warc([("https://x.example/1", page("wt1"), "text/html"),
                                        ("https://x.example/2", page("wt2"), "text/html")], False)[:-300], 1),
    "warc.gz truncated": ("a.warc.gz", _warc([("https://x.example/1", page("wg1"), "text/html"),
                                              ("https://x.example/2", page("wg2"), "text/html")], True)[:-300], 1),
    "warc not a warc": ("a.warc", b"this is not an archive\n" * 10, 0),
    "warc bad charset header": ("a.warc", _warc([("https://x.example/1", page("wc"),
                                                  "text/html; charset=no-such-codec")], False), 1),
    "warc empty": ("a.warc", b"", 0),
    # feeds
    "feed malformed XML": ("a.rss", b"<rss><channel><item><title>x</title>", 0),
    "feed entity expansion": ("a.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item>'
                              b"<description>&b;</description></item></channel></rss>", 0),
    "feed without entries": ("a.rss", b"<rss><channel><title>t</title></channel></rss>", 0),
    # paths
    "glob over a symlink loop": ("", symlink_loop, 1),
    "folder sidecar with bad lines": ("", sidecar, 1),
    "dangling symlink": ("", dangling, 0),
    "folder named a.txt": ("", dir_named_txt, 0),
    "empty folder": ("", empty_folder, 0),
    "missing file": ("", lambda folder: [str(folder / "missing.txt")], 0),
    "unknown extension": ("a.docx", b"PK\x03\x04 not really", 0),
}

# Cases that stop the run before reading: (extra CLI arguments, database bytes or None).
STOPPERS = {
    "config workers = \"two\"": (["--config", "{folder}/bad.toml"], '[ingest]\nworkers = "two"\n'),
    "config not TOML": (["--config", "{folder}/bad.toml"], "[ingest\n"),
    "config missing": (["--config", "{folder}/missing.toml"], None),
    "database is not SQLite": (["--db-bytes"], b"my notes, not a database\n" * 300),
    "database with damaged pages": (["--damaged-db"], None),
}


def run(args: list[str], env: dict) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "ghatna", *args], env=env, capture_output=True,
                          text=True, timeout=900)
    return done.returncode, done.stdout, done.stderr


def good_files(folder: Path) -> list[str]:
    before = folder / "good-before.jsonl"
    before.write_bytes(jl(*[good(f"before-{n}") for n in range(3)]))
    after = folder / "good-after.txt"
    after.write_text(f"{GOOD} after\n\n{BODY} बाद में", "utf-8")
    return [str(before), str(after)]


def count_good(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles WHERE title LIKE ?",
                                (GOOD + "%",)).fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


def run_case(name: str, env: dict, work: Path) -> tuple[str, int, bool, int, int | str]:
    folder = work / f"case-{abs(hash(name)) % 10**8}"
    folder.mkdir()
    db = folder / "case.db"
    base = ["ingest", "-q", "--workers", "1", "--db", str(db)]
    if name in STOPPERS:
        extra, content = STOPPERS[name]
        options = []
        if extra == ["--db-bytes"]:
            db.write_bytes(content)
        elif extra == ["--damaged-db"]:
            code, _, _ = run([*base, good_files(folder)[0]], env)
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size_page = conn.execute("PRAGMA page_size").fetchone()[0]
            data = bytearray(db.read_bytes())
            data[size_page:] = b"\xde\xad" * ((len(data) - size_page) // 2)
            db.write_bytes(bytes(data))
        else:
            if content is not None:
                (folder / "bad.toml").write_text(content, "utf-8")
            options = [a.format(folder=folder) for a in extra]
        code, out, err = run([*options, *base, *good_files(folder)], env)
        return name, code, "Traceback" in err, 0, "n/a"
    file_name, content, inside = CASES[name]
    if callable(content):
        hostile = content(folder)
    else:
        (folder / file_name).write_bytes(content)
        hostile = [str(folder / file_name)]
    before, after = good_files(folder)
    code, out, err = run([*base, before, *hostile, after], env)
    stored = count_good(db)
    if inside < 0:  # as many as precede the cut; at least the surrounding good ones
        return name, code, "Traceback" in err, stored, f">={4}"
    return name, code, "Traceback" in err, stored, 4 + inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    env = os.environ | {"PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    names = [n for n in [*CASES, *STOPPERS] if args.only in n]
    with tempfile.TemporaryDirectory(prefix="ghatna-hostile-") as work:
        with ThreadPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(lambda n: run_case(n, env, Path(work)), names))
    print(f"| {'case':<44} | exit | traceback | good stored / expected |")
    print(f"|{'-' * 46}|------|-----------|------------------------|")
    lost = tracebacks = 0
    for name, code, trace, stored, expected in rows:
        ok = (stored >= 4 if expected == ">=4" else expected == "n/a" or stored == expected)
        lost += not ok
        tracebacks += trace
        print(f"| {name:<44} | {code:>4} | {'yes' if trace else 'no':<9} | "
              f"{stored} / {expected}{'' if ok else '  LOST'} |")
    print(f"\n{len(rows)} cases: {tracebacks} with a traceback, {lost} with a good record lost")


if __name__ == "__main__":
    main()
