"""Shared fixtures: settings, a temporary database, the CLI runner, ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHARED

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
