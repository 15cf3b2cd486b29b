"""Start-up of ``ghatna link`` and ``ghatna kb search`` with the Phoenix actors imported.

Imports the three Phoenix actor dictionaries from ../shared/data/petrarch (about 27,000
actors) into a temporary knowledge-base folder, runs each command once to build the
index cached beside them (``.ghatna-index.sqlite``), then times each command as a fresh
process, best of ``--repeat`` runs: wall-clock seconds and CPU seconds (user + system,
which a machine shared with other work does not inflate).

    PYTHONPATH=src python benchmarks/bench_kb_startup.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
         "Phoenix.MilNonState.actors.txt")


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``ghatna`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ghatna", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not all((PETRARCH / f).is_file() for f in FILES):
        sys.exit(f"{PETRARCH} not found (needs ../shared)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = str(Path(tmp) / "kb")
        wall, cpu = run(["kb", "import", "--kb", folder, *(str(PETRARCH / f) for f in FILES)],
                        env)
        print(f"import: {wall:.1f} s wall, {cpu:.1f} s CPU")
        commands = {"link": ["link", "--kb", folder, "मोदी ने पीटीआई से कहा कि मिस्र जाएंगे।"],
                    "kb search": ["kb", "search", "--kb", folder, "पुतिन"]}
        wall, cpu = run(commands["link"], env)
        print(f"first run (builds the index): {wall:.1f} s wall, {cpu:.1f} s CPU")
        for name, command in commands.items():
            best = min(run(command, env) for _ in range(args.repeat))
            print(f"{name}: {best[0]:.2f} s wall, {best[1]:.2f} s CPU (best of {args.repeat})")


if __name__ == "__main__":
    main()
