"""The ``ghatna`` command: a thin layer over the library's functions.

Each ``cli/<topic>.py`` module exposes ``register(main, train, evaluate)`` which adds
its commands to the top-level group or to the ``train`` and ``eval`` groups.
"""

from __future__ import annotations

import logging

import click

from .. import __version__
from .common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ghatna")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="Settings file layered over the defaults (also $GHATNA_CONFIG).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: int) -> None:
    """ghatna: code political events from Hindi news."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@main.group()
def train() -> None:
    """Train ghatna's models from annotated data."""


@main.group("eval")
def evaluate() -> None:
    """Score ghatna against gold files."""


def _register() -> None:
    from . import articles, events, kb, ner, recode, review, spark, stories, web

    for module in (articles, kb, ner, web, events, review, stories, recode, spark):
        module.register(main, train, evaluate)


_register()
