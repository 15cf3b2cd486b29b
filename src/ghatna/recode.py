"""Code stored articles again (``ghatna recode``): after a change to the patterns, the
knowledge base or a model, the stages from sentence splitting on run again over the
stored clean text, and what they find replaces what was stored, batch by batch, each batch
in one transaction. The text is not read or cleaned again, so article ids stay as they
are, and an interrupted run leaves every article either as it was or recoded. Analysts'
reviews stay: see :meth:`~ghatna.store.sqlite.Store.replace_findings`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import PipelineError
from .pipeline import Pipeline, chunks
from .settings import Settings
from .store.sqlite import Store  # the interface; a PostgresStore is one too

log = logging.getLogger(__name__)

# Stages that work on the raw text: their results are the stored article itself.
TEXT_STAGES = ("clean", "dedup", "langid")
GIVEN = ("title", "text", "offsets", "byline", "dateline", "simhash", "language")


@dataclass
class RecodeReport:
    articles: int = 0
    events_before: int = 0
    events_after: int = 0
    reviews_dropped: int = 0  # reviewed events the new coding no longer produces
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)


def recode(store: Store, settings: Settings, ids: list[str], *, batch: int = 50,
           progress: Callable[[int], None] | None = None) -> RecodeReport:
    """Run the stages after language id on the stored articles ``ids`` and store what
    they find in their place."""
    names = [n for n in settings["pipeline"]["stages"] if n not in TEXT_STAGES]
    pipeline = Pipeline(settings, names, given=GIVEN)
    report = RecodeReport()
    for chunk in chunks(ids, batch):
        articles = []
        for article_id in chunk:
            articles.append(store.stored_article(article_id))
            report.events_before += store.query(
                "SELECT COUNT(*) FROM events WHERE article_id=?", (article_id,))[0][0]
        done = []
        for article_id, outcome in zip(chunk, pipeline.pipe(articles)):
            if isinstance(outcome, PipelineError):
                log.warning("%s", outcome)
                report.failed.append((article_id, str(outcome)))
            else:
                done.append(outcome)
        report.reviews_dropped += store.replace_findings(done)
        report.articles += len(done)
        report.events_after += sum(len(a.events) for a in done)
        if progress:
            progress(len(chunk))
    return report
