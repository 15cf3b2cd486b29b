"""Shared fixtures: settings, a temporary database, the CLI runner, ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghatna.cli import main
from ghatna.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_04c785b988e55163.txt"
SEED_001 = SEEDS / "001_448cbc235505306c.txt"
SEED_DATES = {SEED_000.name: "2021-03-23", SEED_001.name: "2020-09-11"}


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


def synthetic_jsonl(path: Path, n: int) -> Path:
    """``n`` distinct Hindi articles as JSON Lines, built from the bundled samples'
    sentences (each article gets a numbered headline so all are different)."""
    from ghatna.ingest import samples_dir

    sentences = []
    for f in sorted(Path(samples_dir()).glob("*.txt")):
        lines = [ln for ln in f.read_text("utf-8").splitlines()[1:] if len(ln) > 40]
        sentences.extend(lines)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = "\n".join(sentences[(i * 7 + k) % len(sentences)] for k in range(5))
            out.write(json.dumps({"id": i, "title": f"समाचार संख्या {i}: {sentences[i % len(sentences)][:40]}",
                                  "text": body, "date": "2024-05-14"}, ensure_ascii=False) + "\n")
    return path
