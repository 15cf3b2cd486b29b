"""Settings in one object: package defaults layered under an optional user file.

The defaults live in ``ghatna/data/settings.toml``. A user file (``--config FILE`` or
``$GHATNA_CONFIG``) is merged over them table by table; naming a file that does not
exist is an error, never a silent fall-back to the defaults.
"""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _type_name(value: Any) -> str:
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def validate(user: dict[str, Any], defaults: dict[str, Any], where: str, prefix: str = "") -> None:
    """Check every value of a user's settings against the type of its default: a
    whole number where the default is one, a string where it is a string, and so on;
    raises ConfigError naming the setting. Names ghatna does not ship are allowed
    (optional settings such as ``[clean] datelines_file``) but must not be tables."""
    for key, value in user.items():
        name = f"{prefix}{key}"
        label = f"[{name}]" if not prefix else f"{prefix.rstrip('.').join('[]')} {key}"
        if key not in defaults:
            if not prefix and not isinstance(value, dict):
                raise ConfigError(f"{where}: {key} = {value!r} must be inside a table such as [ingest]")
            continue
        default = defaults[key]
        if isinstance(default, dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: {label} must be a table, not {_type_name(value)}")
            validate(value, default, where, f"{name}.")
            continue
        ok = (isinstance(value, bool) if isinstance(default, bool)
              else isinstance(value, (int, float)) and not isinstance(value, bool)
              if isinstance(default, float)
              else isinstance(value, int) and not isinstance(value, bool)
              if isinstance(default, int)
              else isinstance(value, type(default)))
        if not ok:
            raise ConfigError(f"{where}: {label} = {value!r} must be {_type_name(default)} "
                              f"(the default is {default!r})")
        if isinstance(default, list) and default and not all(
                isinstance(v, type(default[0])) for v in value):
            kinds = {str: "strings", int: "whole numbers", float: "numbers", bool: "true or false"}
            raise ConfigError(f"{where}: {label} must be a list of "
                              f"{kinds.get(type(default[0]), type(default[0]).__name__)}")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{where}: {label} = {value!r} must not be negative")


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class Settings:
    """All tunable values, as nested tables: ``settings["clean"]["artefacts"]``."""

    values: dict[str, Any] = field(default_factory=dict)
    source: str = "defaults"

    def __getitem__(self, table: str) -> dict[str, Any]:
        try:
            return self.values[table]
        except KeyError:
            raise ConfigError(f"settings have no table [{table}]") from None

    def get(self, table: str, key: str, default: Any = None) -> Any:
        return self.values.get(table, {}).get(key, default)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> "Settings":
        """Defaults, with ``path`` (or ``$GHATNA_CONFIG``) layered over them."""
        text = resources.files("ghatna").joinpath("data/settings.toml").read_text("utf-8")
        values = tomllib.loads(text)
        path = path or os.environ.get("GHATNA_CONFIG") or None
        source = "defaults"
        if path:
            user = Path(path)
            if not user.is_file():
                raise ConfigError(f"settings file {user} does not exist; create it or drop --config")
            try:
                given = tomllib.loads(user.read_text("utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"settings file {user} is not valid TOML: {exc}") from None
            except (UnicodeDecodeError, OSError) as exc:
                raise ConfigError(f"settings file {user} cannot be read: {exc}") from None
            validate(given, values, f"settings file {user}")
            values = _merge(values, given)
            source = str(user)
        return cls(values, source)

    def with_overrides(self, overrides: dict[str, Any]) -> "Settings":
        return Settings(_merge(self.values, overrides), self.source)


def data_text(name: str) -> str:
    """Read a UTF-8 file shipped under ``ghatna/data``."""
    return resources.files("ghatna").joinpath("data").joinpath(name).read_text("utf-8")


def data_lines(name: str, user_file: str | None = None) -> list[str]:
    """Non-comment, non-blank lines of a shipped data file plus an optional user file."""
    texts = [data_text(name)]
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise ConfigError(f"data file {path} does not exist")
        texts.append(path.read_text("utf-8"))
    lines = []
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


@lru_cache(maxsize=1)
def home_institutions() -> list[tuple[str, str]]:
    """The institutions Hindi news names without a state because they are its home
    country's (``केंद्र सरकार``, ``सुप्रीم कोर्ट``; ``data/home_institutions.tsv``): each phrase
    and that state, the longest phrase first. The event coder and the linker both read it."""
    rows = [line.split("\t") for line in data_lines("home_institutions.tsv")]
    return sorted(((phrase, country) for phrase, country in rows), key=lambda h: -len(h[0]))


def admin1_names() -> dict[str, str]:
    """English names of the admin-1 regions ghatna ships names for (India's states and
    union territories, ``data/admin1_india.tsv``), by GeoNames code (``IN.37``)."""
    rows = [line.split("\t") for line in data_lines("admin1_india.tsv")]
    return {row[0]: row[1] for row in rows[1:]}
