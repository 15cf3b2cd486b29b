"""Time /api/events over a store of 100,000 events (the brief asks for < 200 ms), and the
other routes that read many events (counts, map, network, actors, search).

Builds a store of synthetic articles (sentences from the bundled samples) carrying
random events (16 PLOVER types, 30 actor states, dates over five years), saved through
Store.save as ingestion would, then times filtered requests through the real app. The
store is an SQLite file or a PostgreSQL database (``--db postgresql://…``, which must be
empty unless ``--reuse``).

    PYTHONPATH=src python benchmarks/bench_web.py [--events 100000] [--db FILE|URL] [--reuse]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from ghatna.ingest import samples_dir
from ghatna.model import ActorRef, Article, Event, Sentence
from ghatna.settings import Settings
from ghatna.store import is_postgres_url, open_store
from ghatna.store.filters import EVENT_TYPES
from ghatna.store.sqlite import LogEntry
from ghatna.web.app import create_app

STATES = ["IND", "PAK", "CHN", "RUS", "USA", "JPN", "GBR", "FRA", "DEU", "IRN", "ISR", "UKR",
          "BGD", "NPL", "LKA", "AFG", "MMR", "AUS", "BRA", "ZAF", "SAU", "ARE", "TUR", "EGY",
          "KOR", "PRK", "IDN", "VNM", "CAN", "MEX"]


def sample_sentences() -> list[str]:
    out = []
    for f in sorted(Path(samples_dir()).glob("*.txt")):
        out.extend(ln.strip() for ln in f.read_text("utf-8").splitlines()[1:] if len(ln.strip()) > 40)
    return out


def build(path: str, n_events: int, per_article: int = 5, seed: int = 7) -> float:
    rng = random.Random(seed)
    sentences = sample_sentences()
    started = time.perf_counter()
    with open_store(path) as store:
        batch = []
        for i in range(n_events // per_article):
            body = [sentences[(i * 3 + k) % len(sentences)] for k in range(per_article)]
            title = f"समाचार {i}"
            text = "\n".join(body)
            sents = [Sentence(0, "title", 0, len(title), title)]
            pos = 0
            for k, s in enumerate(body, 1):
                sents.append(Sentence(k, "body", pos, pos + len(s), s))
                pos += len(s) + 1
            year = 2020 + rng.randrange(5)
            date = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            article = Article(raw=title + "\n\n" + text, doc=f"bench-{i}.txt", source="bench",
                              title=title, text=text, date=date, language="hi", sentences=sents)
            for k in range(1, per_article + 1):
                words = sents[k].text.split()
                trig = words[len(words) // 2]
                start = sents[k].text.index(trig)
                a, r = rng.sample(STATES, 2)
                article.events.append(Event(
                    event=rng.choice(EVENT_TYPES), sentence_index=k, trigger_text=trig,
                    trigger_start=start, trigger_end=start + len(trig), pattern="bench",
                    actor=[ActorRef(words[0], 0, len(words[0]), f"ent-{a}", a, country=a, code=a + "GOV")],
                    recipient=[ActorRef(words[1], 0, len(words[1]), f"ent-{r}", r, country=r, code=r)],
                    date=date, date_precision="day",
                    location={"text": "x", "name": "Delhi", "country": "IND", "lat": 28.6, "lon": 77.2}))
            batch.append((LogEntry(article.doc, "stored", fingerprint=str(i)), article))
            if len(batch) == 500:
                store.save(batch)
                batch = []
        if batch:
            store.save(batch)
        count = store.query("SELECT COUNT(*) FROM events")[0][0]
    print(f"built {count} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return time.perf_counter() - started


QUERIES = [
    ("no filter, first page", {}),
    ("type", {"type": "ASSAULT"}),
    ("type + date range", {"type": "CONSULT", "since": "2022-01-01", "until": "2022-06-30"}),
    ("country", {"country": "PAK"}),
    ("actor code", {"actor": "CHNGOV"}),
    ("actor + type", {"actor": "RUS", "type": "ACCUSE"}),
    ("country + dates + type", {"country": "IND", "type": "THREATEN", "since": "2023-01", "until": "2023-12"}),
    ("text in sentence", {"text": "सरकार"}),
    ("deep page", {"type": "AID", "offset": 2000, "limit": 100}),
    ("max page size", {"limit": 500}),
    ("one row per event", {"unique": "true"}),
    ("one row per event + type", {"unique": "true", "type": "ASSAULT"}),
    ("one row per event + country", {"unique": "true", "country": "PAK"}),
]

ROUTES = [
    ("events by month and type", "/api/events/counts", {}),
    ("map, no filter", "/api/map", {}),
    ("map, one country", "/api/map", {"country": "PAK"}),
    ("network, no filter", "/api/network", {}),
    ("actors, first page", "/api/actors", {}),
    ("one actor", "/api/actors/PAK", {}),
    ("search, Devanagari", "/api/search", {"q": "सरकार"}),
    ("search, Latin", "/api/search", {"q": "sarkar"}),
    ("articles with a word", "/api/articles", {"q": "भारत"}),
]


def timed(client: TestClient, path: str, params: dict, repeat: int) -> tuple[list[float], dict]:
    """Milliseconds of ``repeat`` requests, and the last answer."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, response.text
    return times, response.json()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/ghatna-bench-web.db", help="SQLite file or postgresql:// URL")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="time an existing --db, do not rebuild")
    args = ap.parse_args()
    if not args.reuse:
        if not is_postgres_url(args.db):
            for suffix in ("", "-wal", "-shm"):
                Path(args.db + suffix).unlink(missing_ok=True)
        build(args.db, args.events)
    with TestClient(create_app(args.db, Settings.load()), base_url="http://localhost") as client:
        print(f"{'query':<28} {'total':>7} {'median ms':>10} {'max ms':>8}")
        for name, params in QUERIES:
            times, data = timed(client, "/api/events", params, args.repeat)
            print(f"{name:<28} {data['total']:>7} {statistics.median(times):>10.1f} {max(times):>8.1f}")
        print(f"\n{'route':<28} {'':>7} {'median ms':>10} {'max ms':>8}")
        for name, path, params in ROUTES:
            times, _data = timed(client, path, params, args.repeat)
            print(f"{name:<28} {'':>7} {statistics.median(times):>10.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
