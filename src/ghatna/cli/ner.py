"""tag, train ner, eval ner."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import GhatnaError, InputError
from .common import emit_json, fail, load_settings

model_option = click.option("--model", "model", default=None, metavar="DIR|accurate",
                            help="NER model folder, or 'accurate' for the shipped accurate model "
                                 "(needs ghatna[accurate]); default: [ner] model, else the shipped fast model.")


def _tagger(ctx: click.Context, model: str | None):
    from ..ner.tagger import load_tagger

    settings = load_settings(ctx)
    return load_tagger(model or settings.get("ner", "model") or None)


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    @main.command("tag")
    @click.option("--conll", "conll", required=True, type=click.Path(exists=True, dir_okay=False),
                  help="Input: one token per line (first column), blank line between sentences.")
    @click.option("-o", "--output", "output", default="-", type=click.Path(dir_okay=False),
                  help="Output file (token<TAB>BIO tag); default standard output.")
    @model_option
    @click.pass_context
    def tag_cmd(ctx: click.Context, conll: str, output: str, model: str | None) -> None:
        """Tag persons, locations and organisations (PER/LOC/ORG, BIO) in a CoNLL file."""
        from ..ner.tagger import tag_conll

        try:
            tagger = _tagger(ctx, model)
            with open(conll, encoding="utf-8-sig") as infile:
                if output == "-":
                    tag_conll(tagger, infile, sys.stdout)
                else:
                    with open(output, "w", encoding="utf-8") as outfile:
                        tag_conll(tagger, infile, outfile)
        except GhatnaError as exc:
            fail(exc)

    @train.command("ner")
    @click.option("--data", "data", default="../shared/data/ner", show_default=True,
                  type=click.Path(file_okay=False), help="Folder with the HiNER and IL-NER files.")
    @click.option("--out", "out", default="ner-model", show_default=True, type=click.Path(file_okay=False),
                  help="Output folder; the trained model is written to OUT/model.")
    @click.option("--corpora", default="ilner,hiner", show_default=True,
                  help="Training corpora, comma-separated (ilner, hiner); NAME:TIMES repeats one.")
    @click.option("--config", "config", default=None, type=click.Path(exists=True, dir_okay=False),
                  help="spaCy config (default: ghatna/data/ner_config.cfg).")
    @click.option("--max-steps", type=int, default=None, help="Override training.max_steps.")
    @click.option("--limit", type=int, default=0, help="Train on a random sample of this many sentences.")
    @click.option("--seed", type=int, default=0, show_default=True)
    @click.option("--aux-labels/--no-aux-labels", default=False, show_default=True,
                  help="Also learn numbers, times and other names as labels that are never output.")
    @click.option("--vectors/--no-vectors", default=False, show_default=True,
                  help="Train floret subword vectors on the training text and add them to the embedding.")
    @click.option("--pretrain-epochs", type=int, default=0, show_default=True,
                  help="First pretrain the tok2vec layer on the training text for this many epochs.")
    @click.option("--augment/--no-augment", default=False, show_default=True,
                  help="Add a copy of each sentence with other names (corpus, knowledge base) in its entities.")
    @click.option("--gazetteer/--no-gazetteer", default=True, show_default=True,
                  help="Mark names the knowledge base or GeoNames knows in a feature of the model.")
    @click.option("--silver", "silver", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="cnn: also train on this plain Hindi text (one sentence or headline a line; "
                       "repeatable), tagged by --silver-teacher. Sentences of the development set are "
                       "left out.")
    @click.option("--silver-teacher", default="accurate", show_default=True, metavar="DIR|accurate",
                  help="The model that tags the --silver text.")
    @click.option("--silver-repeat", type=int, default=1, show_default=True,
                  help="How many times the --silver sentences are trained on, against once for the corpora.")
    @click.option("--encoder", type=click.Choice(["cnn", "e5"]), default="cnn", show_default=True,
                  help="cnn: the fast spaCy model; e5: the accurate model, a head trained on the frozen "
                       "multilingual-e5-small encoder (needs ghatna[accurate]; the options above from "
                       "--config to --gazetteer apply to cnn only).")
    @click.option("--head", "head", type=click.Choice(["window", "lora"]), default="window", show_default=True,
                  help="e5: window, a head over the frozen encoder; lora, the encoder's upper layers "
                       "fine-tuned with low-rank adapters (needs ghatna[finetune], i.e. PyTorch).")
    @click.option("--epochs", type=int, default=None,
                  help="e5: training epochs (default 6 for the window head, 4 for lora).")
    @click.option("--cache", "cache", default=None, type=click.Path(file_okay=False),
                  help="e5, and an accurate --silver-teacher: folder for the encoder's cached features "
                       "(default: the system's temporary folder).")
    def train_ner_cmd(data: str, out: str, corpora: str, config: str | None, max_steps: int | None,
                      limit: int, seed: int, aux_labels: bool, vectors: bool, pretrain_epochs: int,
                      augment: bool, gazetteer: bool, silver: tuple[str, ...], silver_teacher: str,
                      silver_repeat: int, encoder: str, head: str, epochs: int | None,
                      cache: str | None) -> None:
        """Train the Hindi NER model (spaCy, or a head over e5) on HiNER and IL-NER."""
        names = tuple(c.strip() for c in corpora.split(",") if c.strip())
        try:
            if encoder == "e5" and head == "lora":
                if silver:
                    raise InputError("--silver", "trains the fast model only (--encoder cnn)")
                from ..ner.finetune import LoraConfig, train_finetuned

                result = train_finetuned(data, out, names, limit=limit, seed=seed,
                                         cfg=LoraConfig(epochs=epochs) if epochs else LoraConfig())
            elif encoder == "e5":
                if silver:
                    raise InputError("--silver", "trains the fast model only (--encoder cnn)")
                from ..ner.features import default_cache_dir
                from ..ner.train_accurate import HeadConfig, train_accurate

                cfg = HeadConfig(epochs=epochs) if epochs else HeadConfig()
                result = train_accurate(data, out, names, Path(cache) if cache else default_cache_dir(),
                                        limit=limit, seed=seed, aux_labels=aux_labels, cfg=cfg)
            else:
                from ..ner.train import train_ner

                overrides = {"training.max_steps": max_steps} if max_steps else {}
                result = train_ner(data, out, corpora=names, config=config, overrides=overrides,
                                   limit=limit, seed=seed, aux_labels=aux_labels, vectors=vectors,
                                   pretrain_epochs=pretrain_epochs, augment=augment, gazetteer=gazetteer,
                                   silver=silver, silver_teacher=silver_teacher, silver_repeat=silver_repeat,
                                   cache_dir=Path(cache) if cache else None)
        except GhatnaError as exc:
            fail(exc)
        f1 = result.dev_scores.get("ents_f") or 0.0
        click.echo(f"model: {result.model_dir}  dev F1 {f1:.4f}  ({result.seconds:.0f} s; log in {Path(out) / 'train.log'})")

    @evaluate.command("ner")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False))
    @model_option
    @click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
    @click.pass_context
    def eval_ner_cmd(ctx: click.Context, gold: str, model: str | None, as_json: bool) -> None:
        """Exact-span precision/recall/F1 per type against a gold CoNLL file (HiNER or IL-NER tags)."""
        from ..ner.evaluate import evaluate_file, format_scores

        try:
            scores = evaluate_file(_tagger(ctx, model), gold)
        except GhatnaError as exc:
            fail(exc)
        if as_json:
            emit_json(scores)
        else:
            click.echo(format_scores(scores))
