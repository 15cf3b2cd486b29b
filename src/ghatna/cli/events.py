"""code, eval events, events: thin wrappers over ghatna.events.coding, ghatna.events.evaluate and the store."""

from __future__ import annotations

import click

from ..errors import GhatnaError, InputError, PipelineError
from .common import db_option, db_path, emit_json, fail, json_lines, load_settings


def _processor(ctx: click.Context, patterns: str | None):
    from ..events.coding import Processor

    return Processor(load_settings(ctx), patterns)


def _readable(record: dict) -> str:
    def side(refs):
        return ", ".join(f"{r['text']}[{r.get('code') or r.get('country') or r.get('org') or '?'}]"
                         for r in refs) or "-"
    ev = record["evidence"]
    extra = [x for x in (record["mode"], record["aux_mode"]) if x]
    where = record["location"]["name"] or record["location"]["text"] if record["location"] else None
    parts = [f"{record['event']}{'/' + '/'.join(extra) if extra else ''}",
             f"{side(record['actor'])} -> {side(record['recipient'])}",
             f"cameo {record['cameo']}", f"trigger '{ev['trigger']['text']}'"]
    if record["date"]:
        parts.append(f"date {record['date']}")
    if where:
        parts.append(f"at {where}")
    parts.append(f"conf {record['confidence']}")
    return "  ".join(parts)


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:

    @main.command("code")
    @click.argument("text", required=False)
    @click.option("--input", "input_path", metavar="FILE.jsonl",
                  help='Lines {"id", "text", "date"?}; "-" reads standard input.')
    @click.option("--date", "date", metavar="YYYY-MM-DD", help="Publication date of TEXT.")
    @click.option("--json", "as_json", is_flag=True, help="One JSON line per input line.")
    @click.option("--patterns", metavar="FILE", help="Extra event patterns (YAML).")
    @click.pass_context
    def code_cmd(ctx, text, input_path, date, as_json, patterns):
        """Code the political events of TEXT, or of every line of --input."""
        if bool(text) == bool(input_path):
            raise click.UsageError("give either TEXT or --input FILE.jsonl")
        failed = 0
        try:
            proc = _processor(ctx, patterns)
            items = json_lines(input_path) if input_path else [{"id": "text", "text": text, "date": date}]
            for item in items:
                if isinstance(item, InputError):
                    # one bad line is reported in its place and the batch goes on
                    click.echo(f"warning: {item}", err=True)
                    if as_json:
                        emit_json({"id": None, "error": str(item), "events": []})
                    continue
                try:
                    out = proc.code_text(str(item.get("text") or ""), id=item.get("id", ""),
                                         date=item.get("date") or date)
                except PipelineError as exc:
                    # a stage that crashes is reported with its line, and the batch goes on
                    failed += 1
                    click.echo(f"error: {exc}", err=True)
                    if as_json:
                        emit_json({"id": item.get("id", ""), "error": str(exc), "events": []})
                    continue
                if as_json:
                    emit_json(out)
                    continue
                if input_path:
                    click.echo(f"# {out['id']}")
                if not out["events"]:
                    click.echo("(no events)")
                for rec in out["events"]:
                    click.echo(_readable(rec))
        except GhatnaError as exc:
            fail(exc)
        if failed:
            ctx.exit(1)

    @evaluate.command("events")
    @click.argument("gold", type=click.Path(exists=True, dir_okay=False))
    @click.option("--docs", "docs", type=click.Path(file_okay=False), default=None,
                  help="Folder with the source files named by seed-form gold lines (\"doc\").")
    @db_option
    @click.option("--json", "as_json", is_flag=True, help="The full report as JSON.")
    @click.option("--patterns", metavar="FILE", help="Extra event patterns (YAML).")
    @click.pass_context
    def eval_events_cmd(ctx, gold, docs, db, as_json, patterns):
        """Score the coder on GOLD (format of EVENTS.md): P/R/F1 overall and per type."""
        from ..events.evaluate import evaluate as run_eval
        from ..events.evaluate import read_gold

        try:
            proc = _processor(ctx, patterns)
            rows = read_gold(gold)
            articles = _stored_articles(db, load_settings(ctx), rows) if db else None
            report = run_eval(rows, proc, docs_dir=docs, articles=articles)
        except GhatnaError as exc:
            fail(exc)
            return
        if as_json:
            emit_json(report.to_dict())
            return
        o = report.overall
        click.echo(f"sentences {report.sentences}  P {o.precision:.3f}  R {o.recall:.3f}  "
                   f"F1 {o.f1:.3f}  (tp {o.tp} fp {o.fp} fn {o.fn})")
        for name, s in sorted(report.per_type.items()):
            click.echo(f"  {name:<10} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
                       f"(tp {s.tp} fp {s.fp} fn {s.fn})")
        for m in report.misses:
            g = m["gold"]
            click.echo(f"MISS  {m['id']}: {g['event']} {g.get('actor')} -> {g.get('recipient')}")
        for x in report.extras:
            click.echo(f"EXTRA {x['id']}: {x['event']} {x['actor']} -> {x['recipient']} "
                       f"'{x['trigger']}' ({x['pattern']})")
        if report.unresolved:
            click.echo(f"anchors not found: {', '.join(report.unresolved)}")

    @main.command("events")
    @db_option
    @click.option("--format", "fmt",
                  type=click.Choice(["table", "jsonl", "csv", "gdelt", "plover", "parquet"]),
                  default="table", show_default=True)
    @click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
                  help="Write to this file instead of standard output (needed for parquet).")
    @click.option("--type", "etype", help="Only this PLOVER type.")
    @click.option("--actor", "actor", help="Only events with this actor (who acts): ISO3 country, "
                  "IGO:ACRONYM, CAMEO actor code or entity id. With --recipient: a dyad.")
    @click.option("--recipient", help="Only events with this recipient (same keys as --actor).")
    @click.option("--party", help="Only events with this actor or recipient (either side).")
    @click.option("--article", "article", metavar="ID", help="Only events of this article (an id "
                  "prefix is enough).")
    @click.option("--place", help="Only events at this place: its English name, its words in "
                  "the sentence, an ISO3 country, or a state or province by name or GeoNames "
                  "admin-1 code (Bihar, IN.34) with its towns.")
    @click.option("--mode", help="Only events with this PLOVER mode or aux mode (e.g. phone, "
                  "arrest, future, negation).")
    @click.option("--context", help="Only events with this PLOVER context (e.g. military).")
    @click.option("--source", help="Only events from articles of this source.")
    @click.option("--min-confidence", "min_confidence", type=float,
                  help="Only events coded with at least this confidence (0-1).")
    @click.option("--since", help="Events dated on or after YYYY-MM-DD (or YYYY-MM, YYYY).")
    @click.option("--until", help="Events dated on or before YYYY-MM-DD (or within YYYY-MM, YYYY).")
    @click.option("--unique", is_flag=True, help="One record per event however many sentences, "
                  "articles and sources report it, with those counts (same date, type, modality, "
                  "actors and recipients).")
    @click.option("--include-rejected", "include_rejected", is_flag=True,
                  help="Also the events an analyst judged wrong (`ghatna review`).")
    @click.pass_context
    def events_cmd(ctx, db, fmt, output, etype, actor, recipient, party, article, place, mode,
                   context, source, min_confidence, since, until, unique, include_rejected):
        """List the events stored in the database. Filters combine: all must hold."""
        from ..events.export import export, write_parquet
        from ..events.gdelt import article_info
        from ..store import open_store
        from ..store.filters import BadParameter, EventFilter

        settings = load_settings(ctx)
        try:
            with open_store(db_path(db, settings), readonly=True) as store:
                try:
                    filters = EventFilter(
                        type=etype, actor=actor, recipient=recipient, party=party, since=since,
                        until=until, article_id=store.resolve_id(article) if article else None,
                        place=place, mode=mode, context=context, source=source,
                        min_confidence=min_confidence, include_rejected=include_rejected)
                except BadParameter as exc:
                    raise click.BadParameter(exc.reason, param_hint=f"--{exc.name.replace('_', '-')}") from None
                records = store.events(filters, unique=unique)
                articles = article_info(store, records) if fmt == "gdelt" else None
        except GhatnaError as exc:
            fail(exc)
            return
        if fmt == "parquet":
            if not output:
                raise click.UsageError("--format parquet writes a file: name it with -o FILE")
            write_parquet(records, output)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(export(records, fmt, articles))
        else:
            click.echo(export(records, fmt, articles), nl=False)


def _stored_articles(db: str, settings, rows):
    """Stored articles (``Store.article`` data) named by seed-form gold lines' ``doc``."""
    from ..store import open_store

    out = {}
    with open_store(db_path(db, settings), readonly=True) as store:
        docs = {row["doc"] for row in rows if row.get("doc")}
        for r in store.query("SELECT id, doc FROM articles"):
            name = (r["doc"] or "").replace("\\", "/").rsplit("/", 1)[-1]
            if name in docs and name not in out:
                out[name] = store.article(r["id"])
    return out
