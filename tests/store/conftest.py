"""A real PostgreSQL server for the store tests: $GHATNA_TEST_PG (as .ci/run exports it),
else one started for this run by scripts/pg_test_server.sh; without either, the tests
that need it skip with the reason."""

from __future__ import annotations

import os
import subprocess

import pytest
from helpers import ROOT, new_database


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """The URL of a database on a running PostgreSQL server (used to create others)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'ghatna[postgres]')")
    url = os.environ.get("GHATNA_TEST_PG")
    if url:
        yield url
        return
    folder = tmp_path_factory.mktemp("pg")
    script = ROOT / "scripts" / "pg_test_server.sh"
    started = subprocess.run(["bash", str(script), "start", str(folder)], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.skip("no PostgreSQL server: GHATNA_TEST_PG is not set and "
                    f"scripts/pg_test_server.sh failed: {started.stderr.strip()[-300:]}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], capture_output=True)


@pytest.fixture
def pg_url(pg_server):
    """A new empty database for one test."""
    with new_database(pg_server) as url:
        yield url
