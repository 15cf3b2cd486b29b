"""Killing the main process of an ingest ends its worker processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, synthetic_jsonl


def children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_the_main_process_ends_its_workers(tmp_path, sig):
    data = synthetic_jsonl(tmp_path / "big.jsonl", 300)
    cmd = [sys.executable, "-m", "ghatna", "ingest", str(data), "--db", str(tmp_path / "k.db"),
           "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    workers: set[int] = set()
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.2)
        workers = children(proc.pid)
    assert len(workers) >= 2, "the ingest should have started its workers"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    deadline = time.time() + 15
    while time.time() < deadline and any(alive(w) for w in workers):
        time.sleep(0.2)
    survivors = [w for w in workers if alive(w)]
    for w in survivors:  # leave nothing behind, then fail
        os.kill(w, signal.SIGKILL)
    assert not survivors
