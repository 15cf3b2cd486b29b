"""Code events in free text or files: the library behind ``ghatna code`` and ``ghatna eval events``.

Text goes through the configured pipeline (``[pipeline] stages``) up to and including the
``events`` stage, the same stages as ingestion, so a line gives the same events through
``ghatna code`` and through ``ghatna ingest``. When the settings name no sentence splitter,
a plain splitter at ``।``, ``?``, ``!`` and full stops is used. A stage that cannot be
built, or that fails on a text, is an error (:class:`~ghatna.errors.PipelineError`) that the
caller sees, never a silent skip that would only show as a lower score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import regex

from .. import CODER
from ..errors import GhatnaError, PipelineError
from ..model import Article, Sentence
from ..pipeline import registered
from ..settings import Settings
from ..text.clean import repair_text
from .clauses import tokenize
from .coder import Coder

_SENT_END = regex.compile(r"(?<=[।?!॥]|(?<!\p{Lu}\p{Ll}?)\.)\s+|\n+")


@dataclass
class Processor:
    """Builds the pipeline once; turns text into an Article with events."""

    settings: Settings
    patterns_file: str | None = None

    def __post_init__(self) -> None:
        self.coder = Coder.from_settings(self.settings, self.patterns_file)
        specs = registered()
        # The text is given as sentences, so reading, line cleaning and language stages are
        # skipped (characters are still repaired, see article()) and the remaining stages (segment, ner, link, quotes …) run in the configured order.
        names = [n for n in self.settings["pipeline"]["stages"]
                 if n in specs and n not in ("events", "clean", "langid", "dedup")]
        self.stages = []
        for name in names:
            try:
                self.stages.append((name, specs[name].factory(self.settings)))
            except GhatnaError:
                raise
            except Exception as exc:
                raise PipelineError(f"stage {name} cannot be built: {type(exc).__name__}: {exc}") from exc
        self.names = [n for n, _ in self.stages]

    def article(self, text: str, *, doc: str = "", date: str | None = None,
                title: str = "") -> Article:
        # characters repaired as the clean stage repairs them (invisible joiners, NFC, vowel
        # signs): "हत्\u200dया" is "हत्या" whichever way the text came in
        text, title = repair_text(text), repair_text(title)
        art = Article(raw=(title + "\n\n" + text) if title else text, doc=doc, date=date,
                      title=title, text=text, language="hi")
        for name, fn in self.stages:
            try:
                art = fn(art)
            except Exception as exc:
                raise PipelineError(f"stage {name} failed on {doc or 'the text'}: "
                                    f"{type(exc).__name__}: {exc}") from exc
        if not art.sentences:
            art.sentences = plain_sentences(art.title, art.text)
        art.events = self.coder.code(art)
        return art

    def code_text(self, text: str, *, id: Any = "", date: str | None = None) -> dict[str, Any]:
        """One ``ghatna code --json`` output line for one input line (the id as given)."""
        art = self.article(text, doc=str(id), date=date)
        return {"id": id, "events": records(art)}

    def code_lines(self, items: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        for item in items:
            yield self.code_text(str(item.get("text") or ""), id=item.get("id", ""),
                                 date=item.get("date"))


def plain_sentences(title: str, text: str) -> list[Sentence]:
    out: list[Sentence] = []
    if title.strip():
        s = len(title) - len(title.lstrip())
        t = title.strip()
        out.append(Sentence(0, "title", s, s + len(t), t, tokenize(t)))
    pos = 0
    for piece in _SENT_END.split(text) + [""]:
        if piece is None:
            continue
        start = text.find(piece, pos) if piece else len(text)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            t = piece.strip()
            out.append(Sentence(len(out), "body", start + lead, start + lead + len(t), t, tokenize(t)))
        pos = start + len(piece)
    return out


def records(article: Article) -> list[dict[str, Any]]:
    sents = {s.index: s for s in article.sentences}
    out = []
    for ev in article.events:
        sent = sents.get(ev.sentence_index)
        out.append(ev.to_record(article.id, article.doc, sent.text if sent else "", CODER))
    return out
