"""The ingest pipeline on Apache Spark, for corpora beyond one machine.

:func:`run_spark` reads input files (JSONL, CSV, text, WARC, ... from local paths or any
URI Spark reads: ``hdfs://``, ``s3a://``), spreads them over partitions, and in each
partition builds the pipeline once (``mapPartitions``) and runs it on every article of its
files, as ``ghatna ingest`` does. An article found in several inputs is kept once (from
the first input by name). It writes Parquet datasets:

* ``articles``: id, doc, source, title, date, url, language, input, fingerprint, reason,
  and ``article``: the whole processed article as JSON (:meth:`ghatna.model.Article.to_json`);
* ``events``: the columns of ``ghatna events --format parquet`` plus ``article_id``;
* ``mentions`` and ``quotes``: one row each, as the store keeps them;
* ``errors``: input and reason of every input that failed.

A rerun replaces the output. :func:`load` stores such output in a store (SQLite or
PostgreSQL) as ``ghatna ingest`` would have; it reads Parquet with pyarrow, without Spark.

Needs pyspark (``pip install 'ghatna[spark]'``) and Java.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import unquote, urlsplit

from . import CODER
from .errors import GhatnaError
from .events.export import CSV_FIELDS, _flat
from .ingest import Processor
from .model import Article
from .pipeline import chunks
from .readers import Defaults, Problem, RawItem, _Reader, format_of
from .settings import Settings
from .store.sqlite import LogEntry, Store

log = logging.getLogger(__name__)

DATASETS = ("articles", "events", "mentions", "quotes", "errors")

ARTICLE_FIELDS = ("id", "doc", "source", "title", "date", "url", "language", "input",
                  "fingerprint", "reason", "article")
MENTION_FIELDS = ("article_id", "sentence_index", "start", "end", "text", "label", "source",
                  "score", "entity_id", "entity_name", "entity_type", "country", "org", "sector",
                  "code", "role")
QUOTE_FIELDS = ("article_id", "sentence_index", "start", "end", "text", "kind", "speaker",
                "speaker_text")
# Column types other than string, as ``ghatna events --format parquet`` types them.
_TYPES = {"negated": "boolean", "lat": "double", "lon": "double", "quad_code": "byte",
          "confidence": "double", "sentence_index": "int", "mentions": "int", "articles": "int",
          "sources": "int", "start": "int", "end": "int", "score": "double"}


def _name(uri: str) -> str:
    """How an input is named in the ingest log and ``doc``: a local file by its path, as
    ``ghatna ingest`` names it; anything else by its URI."""
    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme in ("", "file") else uri


def process_files(files: Iterable[tuple[str, bytes]], settings: Settings,
                  fmt: str | None = None) -> Iterator[tuple[str, tuple[str, dict[str, Any]]]]:
    """What one Spark partition does with its files: (article id, (input, article row))
    for every processed article, and ("", (input, error row)) for every failure. Builds
    the pipeline once; runs anywhere (Spark only moves the bytes)."""
    processor = Processor(settings)
    reader = _Reader(settings, Defaults(), None)

    def read() -> Iterator[RawItem | Problem]:
        for uri, content in files:
            name = _name(uri)
            kind = fmt or format_of(name)
            if kind is None:
                continue  # files of other kinds in a folder are not articles, as in ingest
            if name.lower().endswith(".gz") and kind != "warc":
                content = gzip.decompress(content)
            yield from reader.read_stream(io.BytesIO(content), name, kind)

    # processed in batches, as ingest's workers do (the NER tags a batch's sentences at once)
    for batch in chunks(read(), int(settings["ingest"]["chunk_size"])):
        results = iter(processor.pipe([i for i in batch if not isinstance(i, Problem)]))
        for item in batch:
            if isinstance(item, Problem):
                yield "", (item.input, {"input": item.input, "reason": item.reason})
                continue
            entry, article = next(results)
            if article is None:
                yield "", (entry.input, {"input": entry.input, "reason": entry.reason})
                continue
            yield article.id, (entry.input, {
                "id": article.id, "doc": article.doc, "source": article.source,
                "title": article.title, "date": article.date, "url": article.url,
                "language": article.language, "input": entry.input,
                "fingerprint": entry.fingerprint, "reason": entry.reason,
                "article": json.dumps(article.to_json(), ensure_ascii=False)})


def dataset_rows(row: dict[str, Any]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(dataset, row) for an article row of :func:`process_files`: the article itself, its
    events, mentions and quotes."""
    yield "articles", tuple(row[f] for f in ARTICLE_FIELDS)
    article = Article.from_json(json.loads(row["article"]))
    sentences = {s.index: s.text for s in article.sentences}
    for event in article.events:
        record = event.to_record(article.id, article.doc, sentences.get(event.sentence_index, ""), CODER)
        yield "events", (*_flat(record), json.dumps(record, ensure_ascii=False), article.id)
    for m in article.mentions:
        e = m.entity
        yield "mentions", (article.id, m.sentence_index, m.start, m.end, m.text, m.label, m.source,
                           m.score, *((e.id, e.name, e.type, e.country, e.org, e.sector, e.code, e.role)
                                      if e else (None,) * 8))
    for q in article.quotes:
        yield "quotes", (article.id, q.sentence_index, q.start, q.end, q.text, q.kind,
                         json.dumps(q.speaker, ensure_ascii=False), q.speaker_text)


def _schema(fields: Iterable[str]):
    from pyspark.sql.types import (BooleanType, ByteType, DoubleType, IntegerType, StringType,
                                   StructField, StructType)

    types = {"boolean": BooleanType(), "double": DoubleType(), "byte": ByteType(), "int": IntegerType()}
    return StructType([StructField(f, types.get(_TYPES.get(f, ""), StringType()), True) for f in fields])


SCHEMAS = {"articles": ARTICLE_FIELDS, "events": (*CSV_FIELDS, "record", "article_id"),
           "mentions": MENTION_FIELDS, "quotes": QUOTE_FIELDS, "errors": ("input", "reason")}


def _uri(path: str) -> str:
    """A local path as an absolute file URI; a URI as it is."""
    return path if "://" in path else Path(path).resolve().as_uri()


def run_spark(inputs: list[str], out: str, settings: Settings, *, master: str | None = None,
              partitions: int | None = None, fmt: str | None = None) -> dict[str, int]:
    """Run the pipeline on Spark over ``inputs`` and write the datasets under ``out``
    (replacing what a previous run wrote); returns the number of rows of each."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise GhatnaError("ghatna spark needs pyspark: pip install 'ghatna[spark]'") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("ghatna")
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:  # else spark-submit chose the master
        builder = builder.master(master or "local[*]")
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        files = sc.binaryFiles(",".join(_uri(p) for p in inputs),
                               minPartitions=partitions or sc.defaultParallelism)
        if partitions:
            files = files.repartition(partitions)
        # cached: the articles and the errors come from one run of the pipeline
        results = files.mapPartitions(lambda part: process_files(part, settings, fmt)).cache()
        # one article once, from the first input that has it
        articles = results.filter(lambda kv: kv[0]).reduceByKey(lambda a, b: min(a, b)).values()
        rows = articles.flatMap(lambda item: dataset_rows(item[1])).cache()
        errors = results.filter(lambda kv: not kv[0]).map(lambda kv: (kv[1][1]["input"], kv[1][1]["reason"]))
        out_uri = _uri(out)
        counts = {}
        for name in DATASETS:
            data = errors if name == "errors" else rows.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1])
            frame = spark.createDataFrame(data, _schema(SCHEMAS[name]))
            frame.write.mode("overwrite").parquet(f"{out_uri}/{name}")
            counts[name] = spark.read.parquet(f"{out_uri}/{name}").count()
        return counts
    finally:
        spark.stop()


def load(out: str, store: Store, *, batch: int = 200,
         progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Store the output of :func:`run_spark` (a local folder) in ``store``: every article
    as ``ghatna ingest`` stores it (duplicates and inputs stored before are recognised),
    and every error in the ingest log. Returns the outcome counts."""
    import pyarrow.dataset as ds

    def table(name: str) -> list[dict[str, Any]]:
        folder = Path(out) / name
        if not folder.is_dir():
            raise GhatnaError(f"{folder} is missing: is {out} the --out folder of `ghatna spark`?")
        return ds.dataset(str(folder), format="parquet").to_table().to_pylist()

    counts: dict[str, int] = {}
    results: list[tuple[LogEntry, Article | None]] = []
    for row in sorted(table("errors"), key=lambda r: r["input"]):
        results.append((LogEntry(row["input"], "error", row["reason"]), None))
    for row in sorted(table("articles"), key=lambda r: r["input"]):
        article = Article.from_json(json.loads(row["article"]))
        results.append((LogEntry(row["input"], "stored", row["reason"], fingerprint=row["fingerprint"]),
                        article))
    for i in range(0, len(results), batch):
        for entry in store.save(results[i:i + batch]):
            counts[entry.outcome] = counts.get(entry.outcome, 0) + 1
        if progress:
            progress(len(results[i:i + batch]))
    return counts
