"""Stages registered by name, with what they require and what they assign.

A stage is made by a factory ``make(settings) -> (Article -> Article)``. Whatever a
stage needs (a model, a matcher) is built by its factory and lives in the closure, so
the same pipeline can be built in a CLI, a web server or a Spark executor; no stage
keeps module-level state. A stage whose work is cheaper in bulk gives its function a
``pipe`` attribute, ``list[Article] -> list[Article]``, that does the same to many
articles at once (and leaves them as they were when it raises). :class:`Pipeline`
checks that every requirement is assigned by an earlier stage, runs one article or a
batch, and reports a failing article with the stage that failed.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .errors import PipelineError
from .model import Article
from .settings import Settings

log = logging.getLogger(__name__)

StageFn = Callable[[Article], Article]
Factory = Callable[[Settings], StageFn]

# What a freshly read Article already carries.
READER_ASSIGNS = frozenset({"raw", "doc", "source", "date", "url", "title_hint"})


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    hindi_only: bool


_REGISTRY: dict[str, StageSpec] = {}

# Modules that register stages when imported, in pipeline order.
STAGE_MODULES = ("ghatna.text.clean", "ghatna.text.dedup", "ghatna.text.langid",
                 "ghatna.text.segment", "ghatna.ner.tagger", "ghatna.actors.link",
                 "ghatna.events.quotes", "ghatna.events.coder")


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
          hindi_only: bool = False) -> Callable[[Factory], Factory]:
    """Register a stage factory under ``name``."""

    def register(factory: Factory) -> Factory:
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns), hindi_only)
        return factory

    return register


def registered() -> dict[str, StageSpec]:
    for module in STAGE_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


class Pipeline:
    """The stages named in ``settings["pipeline"]["stages"]``, built and order-checked."""

    def __init__(self, settings: Settings, names: list[str] | None = None,
                 given: tuple[str, ...] = ()):
        """``given``: what the articles carry before the first stage, besides what a
        reader assigns (a stored article has its text and language)."""
        specs = registered()
        names = list(names or settings["pipeline"]["stages"])
        available = set(READER_ASSIGNS) | set(given)
        self.stages: list[tuple[StageSpec, StageFn]] = []
        for name in names:
            if name not in specs:
                raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(sorted(specs))}")
            spec = specs[name]
            missing = [r for r in spec.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                    f"reorder [pipeline] stages")
            available.update(spec.assigns)
            self.stages.append((spec, spec.factory(settings)))
        self.names = names

    def __call__(self, article: Article, budget: float | None = None) -> Article:
        """Run the stages on ``article``. With a ``budget`` in seconds, the stages left
        when it is spent are skipped and named in ``article.meta["skipped_stages"]``.
        Raises the :class:`PipelineError` of a failing stage."""
        result = self.pipe([article], budget)[0]
        if isinstance(result, PipelineError):
            raise result
        return result

    def pipe(self, articles: list[Article], budget: float | None = None) -> list[Article | PipelineError]:
        """Run the stages on a batch of articles, stage after stage, each stage over every
        article still going: through the stage's ``pipe`` when it has one (the NER model
        tags the sentences of the whole batch at once), else article by article.

        Returns, in order, each article or the :class:`PipelineError` it failed with; one
        article's failure does not stop the others (when a batched stage fails, it runs
        again article by article to find which). An article's time, for ``budget``, is
        what its own stage calls took plus, of a batched stage, a share in proportion to
        its length."""
        results: list[Article | PipelineError] = list(articles)
        spent = [0.0] * len(results)
        stopped: set[int] = set()
        for n, (spec, fn) in enumerate(self.stages):
            going = []
            for i, article in enumerate(results):
                if i in stopped or isinstance(article, PipelineError):
                    continue
                if n and budget is not None and spent[i] > budget:
                    _skip(article, self.stages[n:], budget)
                    stopped.add(i)
                elif not (spec.hindi_only and article.language is not None and not article.is_hindi):
                    going.append(i)
            batch = getattr(fn, "pipe", None)
            if batch is not None and len(going) > 1 and self._run_batch(spec, batch, results, going, spent):
                continue
            for i in going:
                started = time.perf_counter()
                results[i] = self._run(spec, fn, results[i])
                spent[i] += time.perf_counter() - started
        return results

    @staticmethod
    def _run(spec: StageSpec, fn: StageFn, article: Article) -> Article | PipelineError:
        try:
            article = fn(article)
        except Exception as exc:  # one article's failure must not stop the batch
            log.debug("stage %s failed on %s", spec.name, article.doc, exc_info=True)
            error = PipelineError(f"stage {spec.name} failed on {article.doc}: "
                                  f"{type(exc).__name__}: {exc}")
            error.__cause__ = exc
            return error
        article.done.append(spec.name)
        return article

    @staticmethod
    def _run_batch(spec: StageSpec, batch: Callable[[list[Article]], list[Article]],
                   results: list, going: list[int], spent: list[float]) -> bool:
        """Run a batched stage on the articles ``going``; False when it failed (a stage's
        ``pipe`` leaves the articles as they were when it raises)."""
        started = time.perf_counter()
        try:
            done = batch([results[i] for i in going])
        except Exception:
            log.debug("stage %s failed on a batch; running it article by article", spec.name,
                      exc_info=True)
            return False
        elapsed = time.perf_counter() - started
        sizes = [len(results[i].text) + 1 for i in going]
        total = sum(sizes)
        for i, article, size in zip(going, done, sizes):
            spent[i] += elapsed * size / total
            article.done.append(spec.name)
            results[i] = article
        return True


def _skip(article: Article, left: list[tuple[StageSpec, StageFn]], budget: float) -> None:
    skipped = [s.name for s, _ in left]
    article.meta["skipped_stages"] = (
        f"stages {', '.join(skipped)} skipped: the article took more than "
        f"{budget:g} s ([ingest] max_article_seconds)")


def chunks(it: Iterable, size: int) -> Iterator[list]:
    """``it`` in lists of ``size`` (the last one shorter): the batches stages run over."""
    it = iter(it)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
