"""Ingestion speed and memory.

    python benchmarks/bench_ingest.py --articles 2000 [--workers N] [--profile 200]
    python benchmarks/bench_ingest.py --stream-mb 1024      # memory while streaming a 1 GB JSONL

The articles are built from the sentences of the bundled samples (each one distinct).
Reports articles/second and the peak resident memory of the main process and of the
largest worker, and, first, the CPU milliseconds per article of each stage, of reading and
of storing, measured in one process on the first ``--profile`` articles (0: not measured).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

from ghatna.ingest import article_from_item, ingest, samples_dir
from ghatna.pipeline import Pipeline
from ghatna.readers import RawItem, read_inputs
from ghatna.settings import Settings
from ghatna.store.sqlite import LogEntry, Store


def sample_sentences() -> list[str]:
    sentences = []
    for f in sorted(Path(samples_dir()).glob("*.txt")):
        sentences += [ln for ln in f.read_text("utf-8").splitlines()[1:] if len(ln) > 40]
    return sentences


def write_corpus(path: Path, articles: int | None = None, megabytes: int | None = None) -> int:
    sentences = sample_sentences()
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while (articles is not None and count < articles) or \
                (megabytes is not None and written < megabytes * 1024 * 1024):
            body = "\n".join(sentences[(count * 7 + k) % len(sentences)] for k in range(8))
            line = json.dumps({"id": count, "title": f"समाचार {count}", "text": body,
                               "date": "2024-05-14"}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def stage_cpu(corpus: Path, settings: Settings, limit: int, db: Path) -> dict[str, float]:
    """CPU ms per article: reading, each stage, storing (one process, one BLAS thread),
    in batches of ``[ingest] chunk_size`` articles as a worker runs them: a stage with a
    batched form (NER) runs once per batch."""
    pipeline = Pipeline(settings)
    cpu: dict[str, float] = {"read": 0.0, **{spec.name: 0.0 for spec, _fn in pipeline.stages}, "store": 0.0}
    clock = time.process_time
    start = clock()
    items = [i for i in read_inputs([str(corpus)], settings) if isinstance(i, RawItem)][:limit]
    articles = [article_from_item(item) for item in items]
    cpu["read"] += clock() - start
    chunk = int(settings["ingest"]["chunk_size"])
    for i in range(0, len(articles), chunk):
        batch = articles[i:i + chunk]
        for spec, fn in pipeline.stages:
            start = clock()
            batch = fn.pipe(batch) if hasattr(fn, "pipe") else [fn(a) for a in batch]
            cpu[spec.name] += clock() - start
            for article in batch:
                article.done.append(spec.name)
        articles[i:i + chunk] = batch
    results = [(LogEntry(item.input, "stored", fingerprint=item.fingerprint), article)
               for item, article in zip(items, articles)]
    with Store(db) as store:
        start = clock()
        for i in range(0, len(results), chunk):
            store.save(results[i:i + chunk])
        cpu["store"] = clock() - start
    per_article = {name: round(1000 * secs / len(items), 2) for name, secs in cpu.items()}
    return per_article | {"total": round(sum(per_article.values()), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=0, help="0 = one per core")
    parser.add_argument("--profile", type=int, default=200,
                        help="articles to measure CPU per stage on (0 = skip)")
    parser.add_argument("--stream-mb", type=int, default=0,
                        help="instead: stream a JSONL file of this size through the reader")
    args = parser.parse_args()
    settings = Settings.load()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        if args.stream_mb:
            n = write_corpus(corpus, megabytes=args.stream_mb)
            before = peak_mb(resource.RUSAGE_SELF)
            start = time.perf_counter()
            seen = sum(1 for _ in read_inputs([str(corpus)], settings))
            secs = time.perf_counter() - start
            print(json.dumps({"file_mb": round(corpus.stat().st_size / 2**20), "records": n,
                              "read": seen, "seconds": round(secs, 1),
                              "peak_rss_mb_before": round(before), "peak_rss_mb_after":
                              round(peak_mb(resource.RUSAGE_SELF))}))
            return
        write_corpus(corpus, articles=args.articles)
        with threadpool_limits(1):
            cpu_ms = stage_cpu(corpus, settings, args.profile, Path(tmp) / "profile.db") if args.profile else None
        workers = args.workers or os.cpu_count() or 1
        main_before, workers_before = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
        with Store(Path(tmp) / "bench.db") as store:
            summary = ingest([str(corpus)], store, settings, workers=workers)
        main_cpu = cpu_seconds(resource.RUSAGE_SELF) - main_before
        workers_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_before
        result = {
            "articles": args.articles, "stored": summary.outcomes["stored"], "workers": workers,
            "seconds": round(summary.seconds, 2),
            "articles_per_second": round(args.articles / summary.seconds, 1),
            # CPU of the whole run (start-up included): what the wall time follows on an
            # idle machine, whatever other jobs take from the cores while it runs.
            "run_cpu_ms_per_article": {"main": round(1000 * main_cpu / args.articles, 1),
                                       "workers": round(1000 * workers_cpu / args.articles, 1)},
            "peak_rss_mb_main": round(peak_mb(resource.RUSAGE_SELF)),
            "peak_rss_mb_worker": round(peak_mb(resource.RUSAGE_CHILDREN)),
            "cpu_ms_per_article": cpu_ms,
            "stages": settings["pipeline"]["stages"], "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
        }
        print(json.dumps(result))


if __name__ == "__main__":
    main()
