"""kb list|show|search|add|import, link, entities, eval link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import yaml

from ..actors.entries import Entry
from ..actors.kb import KnowledgeBase
from ..actors.kb_cache import open_knowledge_base
from ..actors.kb_files import default_user_dir, entry_from_dict
from ..errors import GhatnaError, InputError
from .common import db_option, db_path, emit_json, json_lines, load_settings

kb_dir_option = click.option("--kb", "kb_dir", default=None, metavar="DIR",
                             help="Folder of your own actor files (default: [kb] user_dir, "
                                  "else ~/.local/share/ghatna/kb).")


def _kb(ctx: click.Context, kb_dir: str | None) -> KnowledgeBase:
    settings = load_settings(ctx)
    try:
        return open_knowledge_base(settings, kb_dir)
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None


def _user_dir(ctx: click.Context, kb_dir: str | None) -> Path:
    folder = Path(kb_dir).expanduser() if kb_dir else default_user_dir(load_settings(ctx))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _entry_line(entry: Entry, date: str | None = None) -> str:
    ent = entry.entity(date)
    bits = [entry.id, entry.type, entry.name]
    for label, value in (("country", ent.country), ("org", ent.org), ("code", ent.code),
                         ("role", ent.role)):
        if value:
            bits.append(f"{label}={value}")
    return "  ".join(bits)


@click.group("kb")
def kb_group() -> None:
    """The actor knowledge base: list, show, search, add, import."""


@kb_group.command("list")
@click.option("--type", "kind", default=None, help="Only entries of this type.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@kb_dir_option
@click.pass_context
def kb_list(ctx: click.Context, kind: str | None, as_json: bool, kb_dir: str | None) -> None:
    """List the knowledge base's entries."""
    for entry in _kb(ctx, kb_dir):
        if kind and entry.type != kind:
            continue
        if as_json:
            emit_json(entry.to_dict())
        else:
            click.echo(_entry_line(entry))


@kb_group.command("show")
@click.argument("ident")
@click.option("--date", default=None, help="Show the role held on this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True)
@kb_dir_option
@click.pass_context
def kb_show(ctx: click.Context, ident: str, date: str | None, as_json: bool,
            kb_dir: str | None) -> None:
    """Everything known about one entry."""
    entry = _kb(ctx, kb_dir).get(ident)
    if entry is None:
        raise click.ClickException(f"no entry {ident!r}; find ids with `ghatna kb search TEXT`")
    data = entry.to_dict()
    data["entity"] = entry.entity(date).to_dict()
    data["source"] = entry.source
    if date and entry.roles and entry.role_on(date) is None:
        data["note"] = (f"no known role on {date}; the first known role begins "
                        f"{entry.first_role_date() or 'later'}")
    if as_json:
        emit_json(data)
        return
    click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip())


@kb_group.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@kb_dir_option
@click.pass_context
def kb_search(ctx: click.Context, text: str, limit: int, as_json: bool, kb_dir: str | None) -> None:
    """Entries whose names match TEXT (any script, any spelling)."""
    for cand in _kb(ctx, kb_dir).search(text, limit):
        if as_json:
            emit_json({"id": cand.entry.id, "name": cand.entry.name, "type": cand.entry.type,
                       "score": cand.score, "method": cand.method})
        else:
            click.echo(f"{cand.score:.2f}  {_entry_line(cand.entry)}")


@kb_group.command("add")
@click.option("--id", "ident", required=True, help="A new id, or an existing one to extend.")
@click.option("--type", "kind", default="person", show_default=True)
@click.option("--name", default=None, help="Canonical English name.")
@click.option("--hi", multiple=True, help="A Hindi spelling (repeatable).")
@click.option("--alias", multiple=True, help="A Latin-script alias (repeatable).")
@click.option("--country", default=None, help="ISO 3166-1 alpha-3 code.")
@click.option("--org", default=None, help="Organisation acronym.")
@click.option("--sector", default=None, help="PLOVER/CAMEO sector (GOV, MIL, ...).")
@click.option("--code", default=None, help="CAMEO-style actor code.")
@click.option("--qid", default=None, help="Wikidata QID.")
@click.option("--role", multiple=True,
              help="'CHN GOV foreign minister 2013-03-16..2022-12-30' (repeatable).")
@kb_dir_option
@click.pass_context
def kb_add(ctx: click.Context, ident: str, kind: str, name: str | None, hi: tuple[str, ...],
           alias: tuple[str, ...], country: str | None, org: str | None, sector: str | None,
           code: str | None, qid: str | None, role: tuple[str, ...], kb_dir: str | None) -> None:
    """Add an entry (or spellings and roles of an existing one) to your own folder."""
    data: dict[str, Any] = {"id": ident, "type": kind, "name": name or ident}
    for key, value in (("hi", list(hi)), ("aliases", list(alias)), ("roles", list(role))):
        if value:
            data[key] = value
    for key, value in (("country", country), ("org", org), ("sector", sector), ("code", code),
                       ("qid", qid)):
        if value:
            data[key] = value
    try:
        entry_from_dict(data, "ghatna kb add")  # check before writing
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None
    path = _user_dir(ctx, kb_dir) / "user.yaml"
    if not path.exists():
        path.write_text("# Your own actors, written by `ghatna kb add`; edit freely.\n",
                        encoding="utf-8")
    with path.open("a", encoding="utf-8") as out:
        out.write(yaml.safe_dump([data], allow_unicode=True, sort_keys=False))
    click.echo(f"added {ident} to {path}")


@kb_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@kb_dir_option
@click.pass_context
def kb_import(ctx: click.Context, files: tuple[str, ...], kb_dir: str | None) -> None:
    """Import PETRARCH/Phoenix actor dictionaries into your own folder.

    Each file's kind is judged by its content: actor dictionaries are imported; agent
    and verb dictionaries are refused (before anything is written)."""
    from ..actors.petrarch import attach_to_known, read_file, to_tsv

    try:
        read = {name: read_file(name) for name in files}
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None
    folder = _user_dir(ctx, kb_dir)
    known = list(_kb(ctx, str(folder)))
    for name in files:
        entries = attach_to_known(read[name], known)
        target = folder / f"petrarch_{Path(name).stem.replace('.', '_')}.tsv"
        target.write_text(to_tsv(entries, Path(name).name), encoding="utf-8")
        extended = sum(1 for e in entries if not e.name)
        click.echo(f"imported {len(entries)} actors from {name} into {target} "
                   f"({extended} of them add names to entries already known)")


def _mention_json(m: Any) -> dict[str, Any]:
    ent = m.entity
    return {"text": m.text, "start": m.start, "end": m.end, "label": m.label,
            "entity": None if ent is None else {
                "id": ent.id, "name": ent.name, "type": ent.type, "country": ent.country,
                "org": ent.org, "sector": ent.sector, "code": ent.code, "role": ent.role}}


@click.command("link")
@click.argument("text", required=False)
@click.option("--date", default=None, help="The text's date (YYYY-MM-DD), for dated roles.")
@click.option("--input", "input_path", default=None, metavar="FILE.jsonl",
              help='Lines {"id", "text", "date"?}; "-" reads standard input.')
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@kb_dir_option
@click.pass_context
def link_cmd(ctx: click.Context, text: str | None, date: str | None, input_path: str | None,
             as_json: bool, kb_dir: str | None) -> None:
    """Find actors in TEXT (or in each line of --input) and link them to the knowledge base."""
    from ..actors.link import build_linker, link_text

    if (text is None) == (input_path is None):
        raise click.UsageError("give TEXT or --input FILE.jsonl")
    try:
        linker = build_linker(load_settings(ctx), kb_dir)
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None
    if text is not None:
        mentions = link_text(linker, text, date)
        if as_json:
            emit_json({"mentions": [_mention_json(m) for m in mentions]})
            return
        for m in mentions:
            ent = m.entity
            what = (f"{ent.name} [{ent.id}] {ent.code or ''}" + (f" ({ent.role})" if ent.role else "")
                    if ent else "-")
            click.echo(f"{m.start:5d}-{m.end:<5d} {m.label:5s} {m.text}  →  {what}")
        return
    for record in json_lines(input_path):
        if isinstance(record, InputError):
            # one bad line is reported in its place and the batch goes on
            click.echo(f"warning: {record}", err=True)
            if as_json:
                emit_json({"id": None, "error": str(record), "mentions": []})
            continue
        ident = record.get("id")
        mentions = link_text(linker, record["text"], record.get("date") or date)
        if as_json:
            emit_json({"id": ident, "mentions": [_mention_json(m) for m in mentions]})
        else:
            click.echo(f"# {ident}")
            for m in mentions:
                ent = m.entity
                click.echo(f"{m.start:5d}-{m.end:<5d} {m.text}  →  "
                           f"{ent.name + ' ' + (ent.code or '') if ent else '-'}")


@click.command("entities")
@db_option
@click.option("--limit", default=0, help="Only the N most mentioned (0 = all).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def entities_cmd(ctx: click.Context, db: str | None, limit: int, as_json: bool) -> None:
    """Entities linked in the stored articles, with mention counts."""
    from ..store import is_postgres_url, open_store

    path = db_path(db, load_settings(ctx))
    if not is_postgres_url(path) and not Path(path).exists():
        raise click.ClickException(f"no database {path}; run `ghatna ingest` first or pass --db")
    sql = ("SELECT entity_id, MIN(entity_name) AS entity_name, MIN(entity_type) AS entity_type, "
           "MIN(country) AS country, MIN(org) AS org, MIN(code) AS code, COUNT(*) AS mentions, "
           "COUNT(DISTINCT article_id) AS articles FROM mentions WHERE entity_id IS NOT NULL "
           "GROUP BY entity_id ORDER BY mentions DESC, entity_id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    with open_store(path, readonly=True) as store:
        rows = [dict(r) for r in store.query(sql)]
    for row in rows:
        if as_json:
            emit_json(row)
        else:
            click.echo(f"{row['mentions']:6d} {row['articles']:5d}  {row['entity_id']}  "
                       f"{row['entity_name']}  {row['code'] or ''}")


@click.command("link")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "show_errors", is_flag=True, help="List the rows that failed.")
@click.option("--json", "as_json", is_flag=True)
@kb_dir_option
@click.pass_context
def eval_link_cmd(ctx: click.Context, gold: str, show_errors: bool, as_json: bool,
                  kb_dir: str | None) -> None:
    """Accuracy of entity linking on a gold file (ghatna.actors.evaluate)."""
    from ..actors.evaluate import evaluate, read_gold
    from ..actors.link import build_linker

    try:
        linker = build_linker(load_settings(ctx), kb_dir)
        score = evaluate(linker, read_gold(gold))
    except GhatnaError as exc:
        raise click.ClickException(str(exc)) from None
    data = score.to_dict()
    if as_json:
        emit_json(data)
        return
    click.echo(f"accuracy {data['accuracy']:.4f} on {data['n']} mentions")
    for table in ("seen", "group"):
        for key, value in data[table].items():
            click.echo(f"  {table} {key:10s} {value['accuracy']:.4f}  (n={value['n']})")
    if show_errors:
        for err in data["errors"]:
            click.echo(f"  ✗ {err['id']} {err['mention']} → want {err['gold']}, got {err['got']}")


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    main.add_command(kb_group)
    main.add_command(link_cmd)
    main.add_command(entities_cmd)
    evaluate.add_command(eval_link_cmd)
