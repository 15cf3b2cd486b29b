"""``ghatna recode``: code stored articles again after a pattern, knowledge-base or model
change."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..errors import GhatnaError
from ..recode import recode
from ..store.filters import BadParameter, check_date, until_bound
from ..store import open_store
from .common import db_option, db_path, emit_json, fail, load_settings


@click.command("recode")
@db_option
@click.option("--since", default=None, metavar="DATE", help="Articles published on or after DATE.")
@click.option("--until", default=None, metavar="DATE", help="Articles published on or before DATE.")
@click.option("--article", default=None, metavar="ID", help="Only this article (an id prefix will do).")
@click.option("--batch", default=50, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per transaction.")
@click.option("--json", "as_json", is_flag=True, help="The summary as JSON.")
@click.pass_context
def recode_cmd(ctx, db, since, until, article, batch, as_json):
    """Run the stages after language id again on stored Hindi articles, in place.

    Sentences, mentions, events and quotes are replaced batch by batch, each batch in one
    transaction; the stored text and the article ids do not change. Reviews stay with the
    events coded again; those of events no longer coded are counted as reviews_dropped."""
    settings = load_settings(ctx)
    try:
        since, until = check_date(since, "since"), check_date(until, "until")
        with open_store(db_path(db, settings), settings) as store:
            ids = store.article_ids(since=since, until=until_bound(until), article=article)
            with tqdm(total=len(ids), unit="article", disable=as_json or not ids,
                      file=sys.stderr) as bar:
                report = recode(store, settings, ids, batch=batch, progress=bar.update)
    except BadParameter as exc:
        raise click.BadParameter(str(exc)) from None
    except GhatnaError as exc:
        fail(exc)
    summary = {"articles": report.articles, "events_before": report.events_before,
               "events_after": report.events_after, "reviews_dropped": report.reviews_dropped,
               "failed": [{"article": a, "reason": r} for a, r in report.failed]}
    if as_json:
        emit_json(summary)
    else:
        click.echo(f"recoded {report.articles} articles: {report.events_before} events before, "
                   f"{report.events_after} after" + (f"; {len(report.failed)} failed" if report.failed else "")
                   + (f"; {report.reviews_dropped} reviewed events no longer coded (see "
                      f"`ghatna review list --dropped`)" if report.reviews_dropped else ""))
        for a, r in report.failed:
            click.echo(f"  failed: {a}: {r}", err=True)
    if report.failed:
        ctx.exit(1)


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(recode_cmd)
