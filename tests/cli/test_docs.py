"""docs/cli.md is generated from the CLI; it must match what the CLI says now."""

import importlib.util

from helpers import ROOT


def test_cli_reference_is_current():
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "tools" / "cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == module.render(), \
        "docs/cli.md is out of date: run python tools/cli_docs.py"
