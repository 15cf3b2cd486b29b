"""Stage ``ner``: persons, locations and organisations in every Hindi sentence.

The model is a spaCy pipeline (tok2vec + ner) trained by ``ghatna train ner`` and
shipped under ``ghatna/data/models/ner``; ``[ner] model`` in the settings points to
another model folder, or is ``accurate`` for the slower, more accurate model over the
e5 encoder (:mod:`ghatna.ner.accurate`), which :func:`load_tagger` picks. The tagger reads the tokens the segment stage already made,
so every mention's offsets are the offsets of whole tokens in its sentence.

A mention's ``score`` is the precision of its label measured on the development set
when the model was trained (how often a mention of that type was right), since a
greedy transition-based tagger gives no per-span probability.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from ..errors import ModelError
from ..model import Article, Mention
from ..pipeline import stage
from ..settings import Settings
from ..text.clean import repair_token
from ..text.inflect import perfective_forms
from .accurate import ADAPTERS_FILE, HEAD_FILE, AccurateTagger
from .corpus import LABELS, read_blocks, spans_to_bio

log = logging.getLogger(__name__)

Span = tuple[int, int, str]


def shipped_model_dir() -> Path:
    return Path(str(resources.files("ghatna").joinpath("data/models/ner")))


@dataclass
class NerTagger:
    """A loaded NER model that tags pre-tokenised sentences."""

    nlp: object
    path: Path
    label_scores: dict[str, float] = field(default_factory=dict)
    # sentences the model reads at once: some 1,300 tokens of news, the fastest size
    # measured here (the activations stay in the cache; 256 sentences were 10% slower)
    batch_size: int = 64

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerTagger":
        """Load the model at ``path``, or the one shipped with ghatna."""
        import spacy

        from . import gazetteer  # noqa: F401  (registers the architecture a model may use)

        model_dir = Path(path) if path else shipped_model_dir()
        if not (model_dir / "config.cfg").is_file():
            hint = ("set [ner] model to a folder written by `ghatna train ner`" if path
                    else "reinstall ghatna, or train one with `ghatna train ner` and set [ner] model")
            raise ModelError(f"no NER model at {model_dir}: {hint}")
        try:
            nlp = spacy.load(model_dir, exclude=["tokenizer"])
        except Exception as exc:  # spaCy raises many kinds; say which folder failed
            raise ModelError(f"cannot load the NER model at {model_dir}: {exc}") from exc
        if "ner" not in nlp.pipe_names:
            raise ModelError(f"the model at {model_dir} has no 'ner' component")
        _multiply_with_numpy(nlp)
        scores = {}
        info = model_dir / "ghatna-training.json"
        if info.is_file():
            scores = json.loads(info.read_text("utf-8")).get("label_precision", {})
        return cls(nlp, model_dir, scores)

    def tag(self, sentences: Iterable[list[str]]) -> Iterator[list[Span]]:
        """For each token list, the entity spans (first token, end token, label)."""
        from spacy.tokens import Doc

        vocab = self.nlp.vocab
        # The model reads tokens as it was trained on them: character-repaired (NFC, no
        # invisible characters), so text from other sources than ingest is read alike.
        docs = (Doc(vocab, words=[repair_token(t) for t in toks], spaces=[True] * len(toks))
                for toks in sentences)
        for doc in self.nlp.pipe(docs, batch_size=self.batch_size):
            yield [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]



ACCURATE = "accurate"


def load_tagger(model: str | Path | None = None) -> "NerTagger | AccurateTagger":
    """The tagger ``[ner] model`` or ``--model`` names: empty for the shipped fast model,
    ``accurate`` for the shipped accurate one, else a folder written by ``ghatna train
    ner`` (an accurate model's folder holds its head, a fast model's a spaCy config)."""
    if model == ACCURATE or (model and any((Path(model) / f).is_file() for f in (HEAD_FILE, ADAPTERS_FILE))):
        path = None if model == ACCURATE else model
        # A head tuned with the fast model's tags as hints reads them from the shipped one.
        fast = NerTagger.load() if AccurateTagger.hint_weight_of(path) else None
        return AccurateTagger.load(path, fast)
    return NerTagger.load(model)


def _multiply_with_numpy(nlp) -> None:
    """Let the model's layers multiply matrices with numpy (OpenBLAS) instead of blis.

    thinc's CPU ops call blis for every matrix product; on this project's machines
    OpenBLAS (one thread) runs the tagger's products (a thousand tokens by 384 by 384)
    some 25% faster, and the whole tagger some 10% faster, with the same entities
    (IL-NER dev scores identically). The ops are set on this model's own layers, not as
    the process's current ops.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


# verbs of saying that a headline puts right after its speaker (``राहुल बोले- …``): the
# model sometimes takes them into the name; they end no name
SAID_AFTER_NAME = perfective_forms("बोलना")


def tag_articles(tagger: NerTagger | AccurateTagger, articles: list[Article]) -> list[Article]:
    """Replace the articles' ``ner`` mentions with the tagger's, tagging the sentences of
    all of them in one stream (the model runs faster on larger batches). Nothing is
    changed when tagging raises."""
    sentences = [(article, sent) for article in articles for sent in article.sentences if sent.tokens]
    tagged = list(tagger.tag(sent.token_texts() for _article, sent in sentences))
    for article in articles:
        article.mentions = [m for m in article.mentions if m.source != "ner"]
    for (article, sent), spans in zip(sentences, tagged):
        for first, end, label in spans:
            while end - first > 1 and sent.text[slice(*sent.tokens[end - 1])] in SAID_AFTER_NAME:
                end -= 1
            start, stop = sent.tokens[first][0], sent.tokens[end - 1][1]
            article.mentions.append(Mention(
                sentence_index=sent.index, start=start, end=stop, text=sent.text[start:stop],
                label=label, entity=None, source="ner", score=tagger.label_scores.get(label, 1.0)))
    return articles


@stage("ner", requires=("sentences",), assigns=("mentions",), hindi_only=True)
def make(settings: Settings):
    tagger = load_tagger(settings.get("ner", "model") or None)

    def ner(article: Article) -> Article:
        return tag_articles(tagger, [article])[0]

    def pipe(articles: list[Article]) -> list[Article]:
        return tag_articles(tagger, articles)

    ner.pipe = pipe
    return ner


def tag_conll(tagger: NerTagger | AccurateTagger, infile: TextIO, outfile: TextIO) -> int:
    """Tag a one-token-per-line file; writes ``token<TAB>tag``. Returns sentences written."""
    sentences = [[cols[0] for cols in block] for block in read_blocks(infile, skip_docstart=False)]
    count = 0
    for toks, spans in zip(sentences, tagger.tag(sentences)):
        tags = spans_to_bio(len(toks), spans)
        if count:
            outfile.write("\n")
        outfile.writelines(f"{tok}\t{tag}\n" for tok, tag in zip(toks, tags))
        count += 1
    return count
