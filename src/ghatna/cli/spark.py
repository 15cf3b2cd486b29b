"""spark, load: the pipeline on Apache Spark, and its output into a store."""

from __future__ import annotations

from typing import Callable

import click

from ..errors import GhatnaError
from ..readers import FORMATS
from .common import db_option, db_path, emit_json, fail, load_settings


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR",
              help="Output folder or URI: Parquet datasets articles, events, mentions, quotes, "
                   "errors (replaced if present).")
@click.option("--master", default=None, metavar="URL",
              help="Spark master (default: local[*], or what spark-submit sets).")
@click.option("--partitions", type=int, default=None, help="Partitions to spread the inputs over.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Read every input as this format instead of guessing from its extension.")
@click.option("--json", "as_json", is_flag=True, help="Print the row counts as JSON.")
@click.pass_context
def spark_cmd(ctx, inputs, out, master, partitions, fmt, as_json):
    """Run the pipeline on Apache Spark over INPUTS (files, folders or URIs Spark reads)."""
    from ..spark import run_spark

    settings = load_settings(ctx)
    _report(lambda: run_spark(list(inputs), out, settings, master=master, partitions=partitions,
                              fmt=fmt), as_json, f"wrote {out}: ")


@click.command("load")
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the outcome counts as JSON.")
@click.pass_context
def load_cmd(ctx, out, db, as_json):
    """Store the output of `ghatna spark` (folder OUT) in the database."""
    from ..spark import load
    from ..store import open_store

    settings = load_settings(ctx)

    def run() -> dict[str, int]:
        with open_store(db_path(db, settings), settings) as store:
            return load(out, store)

    _report(run, as_json, "loaded: ", sort=True)


def _report(run: Callable[[], dict[str, int]], as_json: bool, heading: str, sort: bool = False) -> None:
    """Run a command's work and print its counts (JSON, or ``heading`` and the counts,
    sorted by name with ``sort``); a GhatnaError exits with its message."""
    try:
        counts = run()
    except GhatnaError as exc:
        fail(exc)
        return
    if as_json:
        emit_json(counts)
    else:
        items = sorted(counts.items()) if sort else counts.items()
        click.echo(heading + ", ".join(f"{n} {name}" for name, n in items))


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(spark_cmd)
    main.add_command(load_cmd)
