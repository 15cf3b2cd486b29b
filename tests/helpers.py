"""Paths and builders the tests share (imported as ``helpers``; ``tests/`` is on the path)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

from ghatna.store.sqlite import Store

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_04c785b988e55163.txt"
SEED_001 = SEEDS / "001_448cbc235505306c.txt"
SEED_DATES = {SEED_000.name: "2021-03-23", SEED_001.name: "2020-09-11"}


def model_error_without(package: str, call: str, imports: str) -> str:
    """What a fresh interpreter prints as the ModelError of ``call`` when ``package``
    cannot be imported (``imports``: the import lines ``call`` needs)."""
    code = (f"import sys; sys.modules[{package!r}] = None\n"
            "from ghatna.errors import ModelError\n"
            f"{imports}\n"
            f"try:\n    {call}\nexcept ModelError as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    return out.stdout or out.stderr[-2000:]


def synthetic_jsonl(path: Path, n: int) -> Path:
    """``n`` distinct Hindi articles as JSON Lines, built from the bundled samples'
    sentences (each article gets a numbered headline so all are different)."""
    from ghatna.ingest import samples_dir

    sentences = []
    for f in sorted(Path(samples_dir()).glob("*.txt")):
        lines = [ln for ln in f.read_text("utf-8").splitlines()[1:] if len(ln) > 40]
        sentences.extend(lines)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = "\n".join(sentences[(i * 7 + k) % len(sentences)] for k in range(5))
            out.write(json.dumps({"id": i, "title": f"समाचार संख्या {i}: {sentences[i % len(sentences)][:40]}",
                                  "text": body, "date": "2024-05-14"}, ensure_ascii=False) + "\n")
    return path


def stored_events(db: str, articles: list[tuple]) -> Store:
    """A store holding one article per (name, source, events[, text]), saved as ingestion
    saves (fingerprinted for near-duplicates; the default text is too short to be); an
    event is (type, actor, recipient, date, confidence) where the sides are ISO3 codes,
    None for no recipient, or "?" for words naming nobody known."""
    from ghatna.model import ActorRef, Article, Event, Sentence
    from ghatna.store.sqlite import LogEntry
    from ghatna.text.dedup import simhash, to_signed

    def side(key: str) -> ActorRef:
        return ActorRef("सरकार", 0, 3) if key == "?" else ActorRef(key, 0, 3, country=key)

    from ghatna.store import open_store

    store = open_store(db)  # a file path, or a postgresql:// URL
    batch = []
    for name, source, events, *own in articles:
        text = own[0] if own else "भारत ने बात की।"
        article = Article(raw=name + "\n" + text, doc=name, source=source, title=name, text=text,
                          date="2026-01-28", language="hi", sentences=[Sentence(1, "body", 0, len(text), text)])
        for k, (kind, actor, recipient, date, confidence) in enumerate(events):
            article.events.append(Event(
                event=kind, sentence_index=1, trigger_text="बात", trigger_start=k, trigger_end=k + 3,
                pattern="test", actor=[side(actor)], recipient=[side(recipient)] if recipient else [],
                date=date, date_precision="day", confidence=confidence))
        value = simhash(text)  # as the dedup stage fingerprints
        article.simhash = None if value is None else to_signed(value)
        batch.append((LogEntry(name, "stored", fingerprint=name), article))
    store.save(batch)
    return store


@contextmanager
def new_database(server: str) -> Iterator[str]:
    """The URL of a new empty database on ``server``, dropped afterwards."""
    import psycopg

    name = f"ghatna_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
