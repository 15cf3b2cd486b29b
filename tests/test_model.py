"""The data model: stable ids that follow the text, and the JSON round trip."""

from __future__ import annotations

import hashlib

from ghatna.ingest import samples_dir
from ghatna.model import Article
from ghatna.pipeline import Pipeline


def expected_id(source: str, title: str, text: str) -> str:
    content = hashlib.sha256(" ".join((title + "\n" + text).split()).encode()).hexdigest()
    return hashlib.sha256(f"{source}\x00{content}".encode()).hexdigest()[:16]


def test_id_follows_every_change_of_source_title_and_text():
    a = Article(raw="x", doc="d", source="S", title="शीर्षक", text="पहला पाठ")
    assert a.id == expected_id("S", "शीर्षक", "पहला पाठ") and a.id == a.id
    a.text = "दूसरा पाठ"
    assert a.id == expected_id("S", "शीर्षक", "दूसरा पाठ")
    a.title, a.source = "नया", None
    assert a.id == expected_id("", "नया", "दूसरा पाठ")
    assert "_hash_cache" not in a.to_json()


def test_json_round_trip_of_a_processed_article(settings):
    from pathlib import Path

    f = sorted(Path(samples_dir()).glob("*.txt"))[0]
    article = Pipeline(settings)(Article(raw=f.read_text("utf-8"), doc=f.name, date="2026-01-28"))
    assert article.events and article.mentions and article.sentences
    again = Article.from_json(article.to_json())
    assert again == article and again.id == article.id
