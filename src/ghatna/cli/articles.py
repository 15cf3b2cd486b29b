"""ingest, articles, show, stats."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..errors import GhatnaError
from ..readers import FORMATS
from .common import db_option, db_path, emit_json, fail, load_settings

if TYPE_CHECKING:  # the pipeline and the store are imported when a command runs
    from ..store import Store

EXIT_STATUS_HELP = """
Exit status: 0 when every input was ingested (stored, already stored, or a duplicate);
1 when some inputs failed and the rest were stored; 3 when nothing could be read;
2 for a usage or configuration error.
"""


def _parse_map(pairs: tuple[str, ...]) -> dict[str, str]:
    result = {}
    for pair in pairs:
        kind, sep, name = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not KIND=FIELD", param_hint="--map")
        result[kind.strip()] = name.strip()
    return result


@click.command(epilog=EXIT_STATUS_HELP)
@click.argument("paths", nargs=-1)
@click.option("--samples", is_flag=True, help="Also ingest the sample articles shipped with ghatna.")
@db_option
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--source", help="News source name for inputs that carry none.")
@click.option("--url", help="URL for inputs that carry none.")
@click.option("--date-from-name", "date_from_name", metavar="REGEX",
              help="Read text files' dates from their names: a regular expression with a "
                   "group (?P<date>...) or groups (?P<year>...)(?P<month>...)(?P<day>...).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Read every input as this format instead of guessing from its extension.")
@click.option("--map", "field_map", multiple=True, metavar="KIND=FIELD",
              help="Record field holding text, title, date, url, source or id (JSONL/JSON/CSV).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest_cmd(ctx, paths, samples, db, date, source, url, date_from_name, fmt, field_map,
               workers, as_json, quiet):
    """Read articles from PATHS (files, folders, globs, - for stdin) into the database.

    A folder of text files may carry their dates, sources and URLs in a meta.jsonl or
    meta.csv beside them (a "file" column naming each file).
    """
    from tqdm import tqdm

    from ..ingest import ingest, samples_dir
    from ..readers import Defaults
    from ..readers.base import check_date
    from ..store import open_store

    paths = list(paths) + ([samples_dir()] if samples else [])
    if not paths:
        raise click.UsageError("name at least one PATH (or - for standard input), or --samples")
    settings = load_settings(ctx)
    try:
        defaults = Defaults(check_date(date, "--date"), source, url)
        with open_store(db_path(db, settings), settings) as store:
            store.check_integrity()
            bar = tqdm(unit=" inputs", disable=quiet or None, file=sys.stderr, leave=False)
            summary = ingest(list(paths), store, settings, fmt=fmt, defaults=defaults,
                             field_map=_parse_map(field_map), workers=workers,
                             progress=bar.update, date_from_name=date_from_name)
            bar.close()
            stats = store.stats()
    except GhatnaError as exc:
        fail(exc)
        return
    data = summary.as_dict()
    if as_json:
        emit_json(data | {"database": stats["database"], "articles_in_database": stats["articles"]})
    else:
        click.echo(f"ingested into {stats['database']} in {data['seconds']} s: "
                   f"{data['stored']} stored, {data['unchanged']} already stored, "
                   f"{data['duplicates']} duplicates, {data['errors']} problems")
        if data["not_hindi"]:
            langs = ", ".join(f"{k} {v}" for k, v in data["languages"].items() if k != "hi")
            click.echo(f"  not Hindi (stored, not analysed): {data['not_hindi']} ({langs})")
        for problem in data["problems"]:
            click.echo(f"  problem: {problem['input']}: {problem['reason']}", err=True)
        for note in data["notes"]:
            click.echo(f"  note: {note['input']}: {note['note']}", err=True)
        click.echo(f"database now holds {stats['articles']} articles, {stats['sentences']} "
                   f"sentences, {stats['mentions']} mentions, {stats['events']} events")
    ctx.exit(summary.exit_code)


def _open(ctx, db) -> Store:
    from ..store import open_store

    settings = load_settings(ctx)
    try:
        return open_store(db_path(db, settings), settings, readonly=True)
    except GhatnaError as exc:
        fail(exc)
        raise  # unreachable: fail() exits


@click.command("articles")
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one article per line.")
@click.pass_context
def articles_cmd(ctx, db, as_json):
    """List the stored articles."""
    with _open(ctx, db) as store:
        for row in store.articles():
            if as_json:
                emit_json({k: row[k] for k in ("id", "title", "byline", "date", "source",
                                               "language", "sentences")})
            else:
                click.echo(f"{row['id']}  {row['date'] or '----------'}  {row['language'] or '??'}  "
                           f"{row['sentences']:>3} sent.  {row['title']}")


@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.pass_context
def show_cmd(ctx, article_id, db, as_json):
    """Show one article (ID or a unique prefix of it) with what was found in it."""
    with _open(ctx, db) as store:
        try:
            data = store.article(article_id)
        except GhatnaError as exc:
            fail(exc)
            return
    data.pop("offsets")
    if as_json:
        emit_json(data)
        return
    click.echo(f"{data['title']}\n")
    meta = [f"{k}: {data[k]}" for k in ("id", "date", "source", "byline", "dateline", "language", "doc")
            if data.get(k)]
    click.echo("\n".join(meta) + "\n")
    mentions: dict[int, list[dict]] = {}
    for m in data["mentions"]:
        mentions.setdefault(m["sentence_index"], []).append(m)
    events: dict[int, list[dict]] = {}
    for e in data["events"]:
        events.setdefault(e["evidence"]["sentence_index"], []).append(e)
    for s in data["sentences"]:
        click.echo(f"[{s['index']}] {s['text']}")
        for m in mentions.get(s["index"], []):
            ent = m["entity"]
            link = f" → {ent['name']} ({ent['code'] or ent['country'] or ent['org'] or ent['type']})" if ent else ""
            click.echo(f"      {m['label']}: {m['text']}{link}")
        for e in events.get(s["index"], []):
            who = ", ".join(a["name"] or a["text"] for a in e["actor"]) or "?"
            whom = ", ".join(a["name"] or a["text"] for a in e["recipient"]) or "?"
            aux = f" [{e['aux_mode']}]" if e["aux_mode"] else ""
            click.echo(f"      EVENT {e['event']}{aux}: {who} → {whom} "
                       f"(“{e['evidence']['trigger']['text']}”, {e['date'] or 'no date'})")
    for q in data["quotes"]:
        click.echo(f"  QUOTE ({q['kind']}) {q['speaker_text'] or '?'}: {q['text']}")


@click.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats_cmd(ctx, db, as_json):
    """Counts of what the database holds."""
    with _open(ctx, db) as store:
        stats = store.stats()
        problems = store.problems()
    if as_json:
        emit_json(stats | {"problems": problems})
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>16}: {value}")
    for p in problems[:20]:
        click.echo(f"         problem: {p['input']}: {p['reason']}")
    if len(problems) > 20:
        click.echo(f"         … and {len(problems) - 20} more (ghatna stats --json lists all)")


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(ingest_cmd, "ingest")
    for command in (articles_cmd, show_cmd, stats_cmd):
        main.add_command(command)
