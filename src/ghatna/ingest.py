"""Ingestion: read inputs, run the pipeline on every core, store the results.

The main process reads inputs (streaming), skips those a previous run completed, and
hands batches to worker processes, each with its own :class:`Pipeline`; results come
back in input order and the main process, the only writer, stores each batch in one
transaction. Problems are stored in the ingest log with their reason and counted; the
batch goes on.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Iterator

from .errors import GhatnaError
from .model import Article
from .pipeline import Pipeline, chunks
from .readers import Defaults, Problem, RawItem, read_inputs
from .readers.html import extract_page, fragment_text
from .settings import Settings
from .store.sqlite import LogEntry, Store

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_NOTHING = 3


@dataclass
class IngestSummary:
    """What one ingest run did, input by input outcome counts and every problem."""

    outcomes: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    problems: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def succeeded(self) -> int:
        return sum(n for k, n in self.outcomes.items() if k != "error")

    @property
    def exit_code(self) -> int:
        if not self.problems:
            return EXIT_OK if self.succeeded else EXIT_NOTHING
        return EXIT_PARTIAL if self.succeeded else EXIT_NOTHING

    def as_dict(self) -> dict:
        return {
            "stored": self.outcomes["stored"], "unchanged": self.outcomes["unchanged"],
            "duplicates": self.outcomes["duplicate"], "errors": self.outcomes["error"],
            "not_hindi": sum(n for lang, n in self.languages.items() if lang != "hi"),
            "languages": dict(self.languages), "seconds": round(self.seconds, 2),
            "problems": [{"input": i, "reason": r} for i, r in self.problems],
            "notes": [{"input": i, "note": r} for i, r in self.notes],
        }


def samples_dir() -> str:
    """The folder of sample articles shipped with ghatna."""
    return str(resources.files("ghatna").joinpath("data", "samples"))


def article_from_item(item: RawItem, min_page_chars: int = 0) -> Article | None:
    """An Article from a raw item; None when an HTML page has no article text (less
    than ``min_page_chars`` characters: menus and footers are all that is left)."""
    content, title, date, url = item.content, item.title, item.date, item.url
    source, byline, fmt = item.source, item.byline, item.kind
    if item.kind == "html":
        page = extract_page(item.content, item.url)
        if not page["text"] or len(page["text"].strip()) < min_page_chars:
            return None
        content = page["text"]
        title = title or page["title"]
        date = page["date"] or date or item.meta.get("crawl_date")
        url = url or page["url"]
        source = source or page["source"]
        byline = byline or page["byline"]
    elif item.kind == "fragment":
        content = fragment_text(item.content)
    article = Article(raw=content, doc=item.doc, source=source, title_hint=title, date=date,
                      url=url, raw_format=fmt, meta=dict(item.meta))
    article.byline = byline
    return article


def cut_to_budget(article: Article, max_chars: int) -> str | None:
    """Cut an article's raw text longer than ``max_chars`` at its last paragraph (or
    line, or sentence) break before the limit; returns what was cut, in words."""
    size = len(article.raw)
    if size <= max_chars:
        return None
    head = article.raw[:max_chars]
    for mark in ("\n\n", "\n", "।", ". ", " "):
        at = head.rfind(mark)
        if at > max_chars // 2:
            head = head[:at + len(mark)].rstrip()
            break
    article.raw = head
    article.meta["cut"] = {"kept_chars": len(head), "total_chars": size}
    return (f"text cut to its first {len(head):,} of {size:,} characters "
            f"([ingest] max_article_chars)")


class Processor:
    """Turns raw items into processed articles with one pipeline, within the size and
    time budget of ``[ingest] max_article_chars`` and ``max_article_seconds``."""

    def __init__(self, settings: Settings):
        self.pipeline = Pipeline(settings)
        self.min_page_chars = int(settings["readers"]["min_page_chars"])
        self.max_chars = int(settings["ingest"]["max_article_chars"])
        self.max_seconds = float(settings["ingest"]["max_article_seconds"])

    def __call__(self, item: RawItem) -> tuple[LogEntry, Article | None]:
        return self.pipe([item])[0]

    def pipe(self, items: list[RawItem]) -> list[tuple[LogEntry, Article | None]]:
        """Process a batch of raw items together (the NER model tags the sentences of all
        of them at once); one item's failure is recorded in its entry and the others go on."""
        read = [self._article(item) for item in items]
        outcomes = iter(self.pipeline.pipe([a for _entry, a, _notes in read if a is not None],
                                           budget=self.max_seconds))
        return [(entry, _finish(entry, next(outcomes), notes) if article is not None else None)
                for entry, article, notes in read]

    def _article(self, item: RawItem) -> tuple[LogEntry, Article | None, list[str]]:
        """The item's log entry, its Article cut to the size budget (None when it failed),
        and the notes for its entry."""
        entry = LogEntry(item.input, "stored", fingerprint=item.fingerprint)
        try:
            article = article_from_item(item, self.min_page_chars)
            if article is None:
                entry.outcome, entry.reason = "error", "no article text found in the page"
                return entry, None, []
            cut = cut_to_budget(article, self.max_chars)
        except Exception as exc:  # one article's failure must not stop the batch
            _failed(entry, exc)
            return entry, None, []
        return entry, article, [cut] if cut else []


def _failed(entry: LogEntry, exc: Exception) -> None:
    entry.outcome = "error"
    if isinstance(exc, GhatnaError):
        entry.reason = str(exc).split("] ", 1)[-1]
    else:
        log.debug("processing %s failed", entry.input, exc_info=exc)
        entry.reason = f"could not process: {type(exc).__name__}: {exc}"


def _finish(entry: LogEntry, article: Article | Exception, notes: list[str]) -> Article | None:
    """The processed article, its entry completed with the notes; None (and an error
    entry) when the pipeline failed on it or nothing was left after cleaning."""
    if isinstance(article, Exception):
        _failed(entry, article)
        return None
    if not article.text.strip() and not article.title.strip():
        entry.outcome, entry.reason = "error", "nothing left after cleaning"
        return None
    if article.meta.get("skipped_stages"):
        notes.append(article.meta["skipped_stages"])
    entry.notable = bool(notes)
    if article.meta.get("encoding"):
        notes.append(f"decoded from {article.meta['encoding']}")
    if not article.is_hindi:
        notes.append(f"language {article.language or 'unknown'}: stored, not analysed")
    entry.reason = "; ".join(notes) or None
    return article


# Each worker process builds its own Processor once (see _init_worker).
_worker: Processor | None = None


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker
    from threadpoolctl import threadpool_limits

    # The workers fill the cores between them: one BLAS thread each (the NER model's
    # matrix products), not one per core in every worker, competing.
    threadpool_limits(1)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True,
                     name="ghatna-parent-watch").start()
    _worker = Processor(settings)


def _exit_with_parent(parent: int, interval: float = 0.5) -> None:
    """End this worker once the process that started it is gone. A main process killed
    by SIGTERM or SIGKILL cannot stop its workers, and they would not notice otherwise:
    each holds the pool's queue open for the others."""
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def _work(items: list[RawItem]) -> list[tuple[LogEntry, Article | None]]:
    assert _worker is not None
    return _worker.pipe(items)


def _results(items: Iterator[RawItem], settings: Settings, workers: int, chunk_size: int,
             processor: Processor | None = None) -> Iterator[list[tuple[LogEntry, Article | None]]]:
    """Processed batches in input order, at most ``2 * workers`` batches in flight."""
    batches = chunks(items, chunk_size)
    first = list(itertools.islice(batches, workers))
    if workers <= 1 or len(first) <= 1:
        processor = processor or Processor(settings)
        for chunk in itertools.chain(first, batches):
            yield processor.pipe(chunk)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings, os.getpid())) as pool:
        pending: list[Future] = [pool.submit(_work, c) for c in first]
        for chunk in batches:
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
            pending.append(pool.submit(_work, chunk))
        for future in pending:
            yield future.result()


def ingest(paths: list[str], store: Store, settings: Settings, *, fmt: str | None = None,
           defaults: Defaults | None = None, field_map: dict[str, str] | None = None,
           workers: int | None = None, progress: Callable[[int], None] | None = None,
           stdin=None, date_from_name: str | None = None,
           processor: Processor | None = None) -> IngestSummary:
    """Read ``paths``, process every new article and store it; returns the summary.

    Raises :class:`~ghatna.errors.InputError` for an invalid ``date_from_name`` pattern
    before anything is read; every other problem is recorded and the run goes on. A
    long-lived caller (the web server) passes its ``processor`` to run in this process."""
    started = time.perf_counter()
    conf = settings["ingest"]
    workers = workers or int(conf["workers"]) or os.cpu_count() or 1
    chunk_size = int(conf["chunk_size"])
    summary = IngestSummary()

    def record(entries: list[LogEntry]) -> None:
        for entry in entries:
            summary.outcomes[entry.outcome] += 1
            if entry.outcome == "error":
                summary.problems.append((entry.input, entry.reason or "unknown error"))
            elif entry.notable and entry.reason:
                summary.notes.append((entry.input, entry.reason))
        if progress:
            progress(len(entries))

    raw = read_inputs(paths, settings, fmt=fmt, defaults=defaults, field_map=field_map,
                      stdin=stdin, date_from_name=date_from_name)

    def new_items() -> Iterator[RawItem]:
        """Items to process; problems and inputs done before are recorded on the way."""
        for batch in chunks(raw, chunk_size):
            problems = [LogEntry(p.input, "error", p.reason, fingerprint="")
                        for p in batch if isinstance(p, Problem)]
            items = [i for i in batch if isinstance(i, RawItem)]
            known = store.known_inputs([(i.input, i.fingerprint) for i in items])
            done = [LogEntry(e.input, "unchanged", e.reason, e.article_id, e.fingerprint)
                    for e in known.values()]
            if problems:
                record(store.save([(p, None) for p in problems]))
            record(done)
            yield from (i for i in items if (i.input, i.fingerprint) not in known)

    for results in _results(new_items(), settings, workers, chunk_size, processor):
        for _entry, article in results:
            if article is not None:
                summary.languages[article.language or "unknown"] += 1
        record(store.save(results))
    summary.seconds = time.perf_counter() - started
    return summary
