"""The pipeline runner: a batch gives what each article gives alone, and one article's
failure in a batched stage fails that article alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghatna import pipeline
from ghatna.errors import PipelineError
from ghatna.ingest import samples_dir
from ghatna.model import Article
from ghatna.pipeline import Pipeline, StageSpec


def sample_articles() -> list[Article]:
    return [Article(raw=f.read_text("utf-8"), doc=f.name, date="2026-01-28")
            for f in sorted(Path(samples_dir()).glob("*.txt"))]


@pytest.fixture(scope="module")
def full(settings) -> Pipeline:
    return Pipeline(settings)


def test_a_batch_gives_what_each_article_gives_alone(full):
    alone = [full(article) for article in sample_articles()]
    batch = full.pipe(sample_articles())
    assert sum(len(a.mentions) for a in alone) > 100 and sum(len(a.events) for a in alone) > 30
    assert [a.to_json() for a in batch] == [a.to_json() for a in alone]
    assert all(a.done == full.names for a in batch)


def strict_stage(batches: list[int]):
    """A stage with a batched form that refuses any article whose text holds a word."""

    def make(settings):
        def strict(article: Article) -> Article:
            if "असंभव" in article.text:
                raise ValueError("an impossible word")
            article.meta["strict"] = "read"
            return article

        def pipe(articles: list[Article]) -> list[Article]:
            batches.append(len(articles))
            return [strict(a) for a in articles]

        strict.pipe = pipe
        return strict

    return StageSpec("strict", make, ("text",), (), False)


def test_one_failing_article_fails_alone_and_the_batch_goes_on(settings, monkeypatch):
    batches: list[int] = []
    monkeypatch.setitem(pipeline._REGISTRY, "strict", strict_stage(batches))
    run = Pipeline(settings, ["clean", "langid", "strict", "segment", "ner"])
    articles = sample_articles()[:3]
    articles[1].raw += "\n\nयह असंभव है।"
    out = run.pipe(articles)
    assert batches == [3]  # tried once as a batch, then article by article
    assert isinstance(out[1], PipelineError)
    assert f"stage strict failed on {articles[1].doc}: ValueError: an impossible word" in str(out[1])
    for good in (out[0], out[2]):
        assert good.done == ["clean", "langid", "strict", "segment", "ner"]
        assert good.meta["strict"] == "read" and any(m.source == "ner" for m in good.mentions)
    with pytest.raises(PipelineError, match="stage strict failed"):
        run(articles[1])


def test_a_spent_budget_skips_the_rest_for_every_article_of_a_batch(settings):
    run = Pipeline(settings, ["clean", "langid", "segment", "ner"])
    out = run.pipe(sample_articles()[:2], budget=0.0)
    for article in out:
        assert article.done == ["clean"]
        assert article.meta["skipped_stages"].startswith("stages langid, segment, ner skipped")
