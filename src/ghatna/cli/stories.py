"""stories: articles that tell the same happening, over ghatna.store.stories."""

from __future__ import annotations

import click

from ..errors import GhatnaError
from .common import db_option, db_path, emit_json, fail, load_settings


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:

    @main.command("stories")
    @db_option
    @click.option("--since", help="Articles dated on or after YYYY-MM-DD (or YYYY-MM, YYYY).")
    @click.option("--until", help="Articles dated on or before YYYY-MM-DD (or within YYYY-MM, YYYY).")
    @click.option("--min-articles", type=click.IntRange(min=2), default=2, show_default=True,
                  help="Only stories told by at least this many articles.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON line per story.")
    @click.pass_context
    def stories_cmd(ctx, db, since, until, min_articles, as_json):
        """Stories: articles linked by a shared specific event or as near-duplicates,
        most sources first."""
        from ..store.filters import BadParameter
        from ..store import open_store
        from ..store.stories import find_stories

        settings = load_settings(ctx)
        try:
            with open_store(db_path(db, settings), readonly=True) as store:
                stories = find_stories(store, since=since, until=until, min_articles=min_articles)
        except BadParameter as exc:
            raise click.BadParameter(exc.reason, param_hint=f"--{exc.name}") from None
        except GhatnaError as exc:
            fail(exc)
            return
        for story in stories:
            if as_json:
                emit_json(story)
                continue
            span = story["first_date"] if story["first_date"] == story["last_date"] else \
                f"{story['first_date']} … {story['last_date']}"
            click.echo(f"{span}  {story['sources']} sources, {len(story['articles'])} articles  "
                       f"story {story['id']}")
            for a in story["articles"]:
                near = "  (near-duplicate)" if a["near_duplicate_of"] else ""
                click.echo(f"    {a['date'] or '----------'}  {(a['source'] or '-'):<16} {a['title'] or a['doc']}{near}")
            for e in story["shared_events"]:
                click.echo(f"    shared: {readable_key(e['key'])} ({e['articles']} articles)")
        if not stories and not as_json:
            click.echo("(no story is told by more than one article)")


def readable_key(key: str) -> str:
    """A report key (:func:`ghatna.events.reports.report_key`) as words: ``2026-03-02
    SANCTION USA > IRN`` for ``2026-03-02:day SANCTION/-/- USA>IRN``."""
    when, kind, sides = key.split(" ", 2)
    date, _, precision = when.partition(":")
    kind = " ".join(part for part in kind.split("/") if part != "-")
    sides = sides.replace(">", " > ").replace("+", ", ")
    return f"{date}{'' if precision in ('', 'day') else f' ({precision})'} {kind}: {sides}"
