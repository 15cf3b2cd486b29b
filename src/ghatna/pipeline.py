"""Stages registered by name, with what they require and what they assign.

A stage is made by a factory ``make(settings) -> (Article -> Article)``. Whatever a
stage needs (a model, a matcher) is built by its factory and lives in the closure, so
the same pipeline can be built in a CLI, a web server or a Spark executor; no stage
keeps module-level state. :class:`Pipeline` checks that every requirement is assigned
by an earlier stage, and reports a failing article with the stage that failed.
"""

from __future__ import annotations

import importlib
import logging
import time
from dataclasses import dataclass
from typing import Callable

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
        when it is spent are skipped and named in ``article.meta["skipped_stages"]``."""
        started = time.perf_counter()
        for n, (spec, fn) in enumerate(self.stages):
            if n and budget is not None and time.perf_counter() - started > budget:
                skipped = [s.name for s, _ in self.stages[n:]]
                article.meta["skipped_stages"] = (
                    f"stages {', '.join(skipped)} skipped: the article took more than "
                    f"{budget:g} s ([ingest] max_article_seconds)")
                break
            if spec.hindi_only and article.language is not None and not article.is_hindi:
                continue
            try:
                article = fn(article)
            except Exception as exc:  # one article's failure must not stop the batch
                log.debug("stage %s failed on %s", spec.name, article.doc, exc_info=True)
                raise PipelineError(f"stage {spec.name} failed on {article.doc}: "
                                    f"{type(exc).__name__}: {exc}") from exc
            article.done.append(spec.name)
        return article
