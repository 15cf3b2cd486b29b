"""The README's Quick start commands must keep working: this runs the first one."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess

from helpers import ROOT


def quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Quick start", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_quick_start_is_two_commands():
    commands = quick_start()
    assert len(commands) == 2
    assert commands[1] == "bash scripts/test.sh"
    assert (ROOT / ".ci" / "run").read_text().rstrip().endswith(commands[1])


def test_first_command_runs_the_main_job(tmp_path):
    db = tmp_path / "demo.db"
    env = dict(os.environ, GHATNA_DB=str(db))
    result = subprocess.run(quick_start()[0], shell=True, cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "stored" in result.stdout
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert articles >= 8 and events >= 20
    assert "ASSAULT" in result.stdout and "CONSULT" in result.stdout
