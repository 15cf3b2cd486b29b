"""ingest, articles, show, stats."""

from __future__ import annotations

import click


def register(main: click.Group, train: click.Group, evaluate: click.Group) -> None:
    pass
