"""Shared fixtures: settings, a temporary database, the CLI runner, ../shared, and a real
PostgreSQL server: $GHATNA_TEST_PG (as .ci/run exports it), else one started for this run
by scripts/pg_test_server.sh; without either, the tests that need it skip with the reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, SHARED, new_database

from ghatna.cli import main
from ghatna.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent (it holds third-party data that users do not have)")
    return SHARED


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.db")


class Cli:
    """Runs the real CLI in-process and parses JSON output."""

    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, code: int | None = 0):
        result = self.runner.invoke(main, list(args), input=input, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.output, result.stderr)
        return result

    def json(self, *args: str, code: int | None = 0):
        return json.loads(self(*args, code=code).stdout)

    def jsonl(self, *args: str, code: int | None = 0) -> list:
        return [json.loads(line) for line in self(*args, code=code).stdout.splitlines() if line]


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a database on a running PostgreSQL server (used to create others)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'ghatna[postgres]')")
    url = os.environ.get("GHATNA_TEST_PG")
    if url:
        yield url
        return
    # a folder of its own under the temporary root: the server may run as another user
    # (`postgres`, when the tests run as root), who cannot enter pytest's private folders
    folder = tempfile.mkdtemp(prefix="ghatna-pg-")
    script = ROOT / "scripts" / "pg_test_server.sh"
    started = subprocess.run(["bash", str(script), "start", folder], capture_output=True, text=True)
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip("no PostgreSQL server: GHATNA_TEST_PG is not set and "
                    f"scripts/pg_test_server.sh failed: {started.stderr.strip()[-300:]}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", folder], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """A new empty database for one test."""
    with new_database(pg_server) as url:
        yield url
