"""ingest, articles, show, stats."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
