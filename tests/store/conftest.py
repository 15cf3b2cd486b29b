"""A real PostgreSQL server for the store tests: $GHATNA_TEST_PG (as .ci/run exports it),
else one started for this run by scripts/pg_test_server.sh; without either, the tests
that need it skip with the reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pytest
from helpers import ROOT, new_database


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
