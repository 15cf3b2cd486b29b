"""Every error ghatna raises on purpose, each saying what went wrong and how to fix it.

Library code raises these; the CLI turns them into one-line messages and exit codes.
Per-input problems during a batch are not raised to the caller: they are recorded as
:class:`InputProblem` outcomes and the batch goes on.
"""

from __future__ import annotations


class GhatnaError(Exception):
    """Base class: ``code`` is a short stable identifier shown to users."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class ConfigError(GhatnaError):
    code = "E001"


class InputError(GhatnaError):
    """An input cannot be read; the message names the input and the reason."""

    code = "E002"

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


class StoreError(GhatnaError):
    code = "E003"


class PipelineError(GhatnaError):
    code = "E004"


class NotFound(GhatnaError):
    code = "E005"


class ModelError(GhatnaError):
    code = "E006"
