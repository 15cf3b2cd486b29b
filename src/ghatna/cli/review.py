"""``ghatna review``: judge stored events, list the verdicts, export them as a gold file
(thin wrappers over the store's review methods, :mod:`ghatna.store.reviews`)."""

from __future__ import annotations

import json

import click

from ..errors import GhatnaError
from .common import db_option, db_path, emit_json, fail, load_settings


def _codes(value: str | None) -> list[str] | None:
    return None if value is None else [c for c in value.split(",") if c.strip()]


class _ReviewGroup(click.Group):
    """``ghatna review EVENT_ID ...`` judges an event; ``list`` and ``export`` are subcommands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["judge", *args]
        return super().parse_args(ctx, args)


@click.group("review", cls=_ReviewGroup, invoke_without_command=False)
def review_group() -> None:
    """Judge stored events: `ghatna review EVENT_ID --verdict correct|wrong|corrected`,
    `ghatna review list`, `ghatna review export -o GOLD.jsonl`.

    The latest verdict is written into the event's record (``review``); a corrected event
    shows the corrected values and keeps the coder's in ``review.original``; events judged
    wrong are left out of `ghatna events` unless --include-rejected."""


@review_group.command("judge")
@click.argument("event_id")
@click.option("--verdict", required=True, type=click.Choice(["correct", "wrong", "corrected"]))
@click.option("--event", "etype", metavar="TYPE", help="Corrected PLOVER type.")
@click.option("--actor", metavar="C,…", help="Corrected actors: ISO3, IGO:ACRONYM or CAMEO "
              "codes, comma-separated (empty for none).")
@click.option("--recipient", metavar="C,…", help="Corrected recipients (as --actor).")
@click.option("--date", metavar="YYYY-MM-DD", help="Corrected date (or YYYY-MM, YYYY).")
@click.option("--mode", help="Corrected PLOVER mode.")
@click.option("--note", metavar="TEXT", help="Why.")
@click.option("--reviewer", metavar="NAME", help="Who judged.")
@db_option
@click.pass_context
def judge_cmd(ctx, event_id, verdict, etype, actor, recipient, date, mode, note, reviewer, db):
    """Record a verdict on event EVENT_ID and print its record as it now reads (JSON)."""
    from ..store import open_store
    from ..store.filters import BadParameter

    settings = load_settings(ctx)
    try:
        with open_store(db_path(db, settings), settings) as store:
            record = store.review(event_id, verdict, event=etype, actor=_codes(actor),
                                  recipient=_codes(recipient), date=date, mode=mode, note=note,
                                  reviewer=reviewer)
    except BadParameter as exc:
        raise click.BadParameter(exc.reason, param_hint=f"--{exc.name}") from None
    except GhatnaError as exc:
        fail(exc)
        return
    emit_json(record)


@review_group.command("list")
@click.option("--verdict", type=click.Choice(["correct", "wrong", "corrected"]),
              help="Only reviews with this verdict.")
@click.option("--dropped", is_flag=True, help="Only reviewed events that re-coding no longer produces.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per review.")
@db_option
@click.pass_context
def list_cmd(ctx, verdict, dropped, as_json, db):
    """The latest review of each reviewed event, by article and sentence."""
    from ..store import open_store

    settings = load_settings(ctx)
    try:
        with open_store(db_path(db, settings), readonly=True) as store:
            rows = store.reviews(verdict=verdict, dropped=dropped)
    except GhatnaError as exc:
        fail(exc)
        return
    for r in rows:
        if as_json:
            emit_json(r)
            continue
        fix = " ".join(f"{k}={','.join(v) if isinstance(v, list) else v}"
                       for k, v in r["corrected"].items())
        click.echo(f"{r['event_id']}  {r['verdict']:<9} {r['event']:<9} '{r['trigger']}'"
                   + (f"  -> {fix}" if fix else "") + (f"  by {r['reviewer']}" if r["reviewer"] else "")
                   + ("  [dropped by re-coding]" if r["dropped"] else "")
                   + (f"  # {r['note']}" if r["note"] else ""))


@review_group.command("suggest")
@click.option("--min", "min_count", default=2, show_default=True, type=click.IntRange(1, None),
              help="Leave out what was seen fewer times.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per suggestion.")
@db_option
@click.pass_context
def suggest_cmd(ctx, min_count, as_json, db):
    """What recurs among events judged wrong or corrected, as candidate pattern and
    knowledge-base edits for a person to apply (nothing is changed)."""
    from ..store import open_store

    settings = load_settings(ctx)
    try:
        with open_store(db_path(db, settings), readonly=True) as store:
            rows = store.review_suggestions(min_count)
    except GhatnaError as exc:
        fail(exc)
        return
    for s in rows:
        if as_json:
            emit_json(s)
        elif s["kind"] == "kb-alias":
            click.echo(f"{s['count']:>4}  kb alias: '{s['words']}' -> {s['code']} (as {s['side']})")
        elif s["kind"] == "pattern-type":
            click.echo(f"{s['count']:>4}  pattern {s['pattern']}: '{s['trigger']}' {s['change']}")
        else:
            click.echo(f"{s['count']:>4}  pattern {s['pattern']}: '{s['trigger']}' judged wrong "
                       f"as {s['event']} (an exception or a filter phrase?)")
    if not rows and not as_json:
        click.echo(f"nothing recurs {min_count} times or more among the reviews", err=True)


@review_group.command("export")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The gold file to write (JSON Lines).")
@db_option
@click.pass_context
def export_cmd(ctx, output, db):
    """Write one free-sentence gold line (EVENTS.md) per sentence with a reviewed event, for
    `ghatna eval events`: events judged correct or corrected are required (with the corrected
    values), those judged wrong are left out (a sentence with only those is a negative), and
    events nobody judged are optional."""
    from ..store import open_store

    settings = load_settings(ctx)
    try:
        with open_store(db_path(db, settings), readonly=True) as store:
            lines = store.review_gold()
    except GhatnaError as exc:
        fail(exc)
        return
    with open(output, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    click.echo(f"wrote {len(lines)} sentences to {output}", err=True)


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(review_group)
