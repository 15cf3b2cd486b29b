"""Silver training sentences: unlabelled Hindi text tagged by a teacher model.

Distillation (``ghatna train ner --silver FILE``): the fast model is trained on the
annotated corpora plus plain Hindi text that the accurate model
(:mod:`ghatna.ner.accurate`, the teacher) has tagged. The text is read from the user's
file at training time and never stored in the model's folder; only counts are.

Each line of the file is text (one sentence or headline, or several sentences). It
is read as the pipeline reads text given clean (``ghatna code``): characters repaired
(:func:`ghatna.text.clean.repair_text`), then the ``segment`` stage splits sentences
and tokenises them with spaCy's Hindi tokenizer. A sentence is kept when

* more of its letters are Devanagari than not (headlines such as ``Amazon पर Apple की
  सेल`` stay, ``Tech Mahindra Business Services Limited में वैकेंसी`` goes) and it has
  at least ``MIN_TOKENS`` tokens;
* it is not already in the file (the first copy is kept);
* none of it is development text: not a run of ``MIN_TOKENS`` to ``OVERLAP`` tokens
  inside a development sentence, and no run of ``OVERLAP`` tokens shared with one
  (punctuation ignored), so no dev sentence, nor a long piece of one, is trained on;
* it is not a training sentence (the gold annotation of that sentence is better).

Every drop is counted in a :class:`SilverReport`.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Sequence

import regex

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from ..text.clean import repair_text, repair_token
from ..text.segment import make_segmenter
from .corpus import TaggedSentence, spans_to_bio

log = logging.getLogger(__name__)

MIN_DEVANAGARI = 0.5  # a sentence is kept when more of its letters are Devanagari than not
MIN_TOKENS = 3
OVERLAP = 8  # tokens in a row shared with a dev sentence that make a sentence dev text
TEACHER_BATCH = 256

_LETTER = regex.compile(r"[\p{L}\p{M}]")
_DEVANAGARI = regex.compile(r"[\p{Devanagari}]")
_WORDLIKE = regex.compile(r"[\p{L}\p{M}\p{N}]")


@dataclass
class SilverReport:
    lines: int = 0
    sentences: int = 0
    not_devanagari: int = 0
    too_short: int = 0
    repeated: int = 0
    dev_text: int = 0
    training_text: int = 0
    kept: int = 0
    tokens: int = 0
    teacher: str = ""
    spans: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def devanagari_share(text: str) -> float:
    """The share of the letters (with their signs) of ``text`` that are Devanagari."""
    letters = len(_LETTER.findall(text))
    return len(_DEVANAGARI.findall(text)) / letters if letters else 0.0


def words_key(tokens: Sequence[str]) -> tuple[str, ...]:
    """Tokens as compared with dev and training sentences: repaired, punctuation dropped."""
    return tuple(t for t in (repair_token(tok) for tok in tokens) if _WORDLIKE.search(t))


class DevGuard:
    """Tells whether a sentence is, or shares a long piece with, a development sentence."""

    def __init__(self, dev: Iterable[Sequence[str]]):
        self.runs: set[tuple[str, ...]] = set()
        for tokens in dev:
            key = words_key(tokens)
            for n in range(MIN_TOKENS, OVERLAP + 1):
                self.runs.update(key[i:i + n] for i in range(len(key) - n + 1))
            if len(key) < MIN_TOKENS:
                self.runs.add(key)

    def __contains__(self, tokens: Sequence[str]) -> bool:
        key = words_key(tokens)
        if len(key) <= OVERLAP:
            return key in self.runs
        return any(key[i:i + OVERLAP] in self.runs for i in range(len(key) - OVERLAP + 1))


def read_sentences(lines: Iterable[str], settings: Settings | None = None,
                   report: SilverReport | None = None) -> list[list[str]]:
    """The token lists of the sentences of ``lines``, split and tokenised by the
    ``segment`` stage after character repair."""
    report = report if report is not None else SilverReport()
    segment = make_segmenter(settings or Settings.load())
    sentences = []
    for number, line in enumerate(lines, 1):
        text = " ".join(repair_text(line).split())
        report.lines += 1
        if text:
            article = segment(Article(raw=text, doc=f"line {number}", text=text, language="hi"))
            sentences += [s.token_texts() for s in article.sentences if s.tokens]
    report.sentences = len(sentences)
    return sentences


def select(sentences: Iterable[list[str]], dev: Iterable[Sequence[str]], train: Iterable[Sequence[str]],
           report: SilverReport | None = None) -> list[list[str]]:
    """The sentences fit for silver training (see the module's docstring)."""
    report = report if report is not None else SilverReport()
    guard = DevGuard(dev)
    trained = {words_key(t) for t in train}
    seen: set[tuple[str, ...]] = set()
    kept = []
    for tokens in sentences:
        key = words_key(tokens)
        if devanagari_share(" ".join(tokens)) <= MIN_DEVANAGARI:
            report.not_devanagari += 1
        elif len(key) < MIN_TOKENS:
            report.too_short += 1
        elif key in seen:
            report.repeated += 1
        elif tokens in guard:
            report.dev_text += 1
        elif key in trained:
            report.training_text += 1
        else:
            kept.append(tokens)
        seen.add(key)
    report.kept = len(kept)
    report.tokens = sum(len(t) for t in kept)
    return kept


def teacher_tags(teacher, sentences: list[list[str]], cache_dir: Path | None = None) -> list[list]:
    """The teacher's spans for every sentence. An accurate teacher with a frozen encoder
    reads its features through the features cache
    (:func:`ghatna.ner.features.cached_features`), so a second training on the same text
    does not run the encoder again."""
    from .accurate import AccurateTagger, WindowHead

    if isinstance(teacher, AccurateTagger) and isinstance(teacher.head, WindowHead) \
            and cache_dir is not None:
        from .features import cached_features

        feats = cached_features(teacher.encoder, sentences, teacher.layers, cache_dir, "silver")
        spans: list[list] = []
        for start in range(0, len(sentences), TEACHER_BATCH):
            spans += teacher.tag_features(sentences[start:start + TEACHER_BATCH],
                                          feats[start:start + TEACHER_BATCH])
        return spans
    return list(teacher.tag(sentences))


def silver_sentences(paths: Sequence[str | Path], dev: Sequence[Sequence[str]], train: Sequence[Sequence[str]],
                     teacher, cache_dir: Path | None = None,
                     settings: Settings | None = None) -> tuple[list[TaggedSentence], SilverReport]:
    """The sentences of the text files at ``paths`` that are fit for training, with the
    teacher's tags; and the report of what was read, dropped and tagged."""
    report = SilverReport(teacher=str(getattr(teacher, "path", type(teacher).__name__)))
    lines: list[str] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(str(path), "not found; --silver takes a UTF-8 text file, one sentence "
                                        "or headline a line")
        try:
            lines += path.read_text("utf-8-sig").splitlines()
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"is not UTF-8 text: {exc}") from None
    sentences = select(read_sentences(lines, settings, report), dev, train, report)
    tagged = [TaggedSentence(toks, spans_to_bio(len(toks), spans))
              for toks, spans in zip(sentences, teacher_tags(teacher, sentences, cache_dir), strict=True)]
    report.spans = sum(len(s.spans()) for s in tagged)
    log.info("silver: %d of %d sentences kept (%d dev text dropped), %d spans",
             report.kept, report.sentences, report.dev_text, report.spans)
    return tagged, report
