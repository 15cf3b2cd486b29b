"""Plain text files: the first non-empty line is the headline.

The date of a text file comes, first to last, from its folder's sidecar metadata
(:mod:`~ghatna.readers.sidecar`), from its name by ``--date-from-name``, from a name
that starts with ``YYYY-MM-DD``, or from ``--date``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

import regex

from ..errors import InputError
from .base import Defaults, Problem, RawItem, decode_bytes, normalise_date

_DATED_NAME = regex.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})(?!\d)")


class NameDates:
    """Publication dates read from file names with a user's regular expression.

    The pattern is searched in the file name (not the folder) and must have a named group
    ``date`` (any date ghatna reads: ``2024-03-12``, ``12 March 2024``, ``20240312``), or
    the three groups ``year``, ``month`` and ``day``. Example: ``--date-from-name
    '_(?P<day>\\d\\d)(?P<month>\\d\\d)(?P<year>\\d{4})'`` for ``story_12032024.txt``.
    """

    def __init__(self, pattern: str | None):
        self.pattern = None
        if pattern is None:
            return
        try:
            self.pattern = regex.compile(pattern)
        except regex.error as exc:
            raise InputError("--date-from-name", f"{pattern!r} is not a regular expression "
                                                 f"({exc})") from None
        groups = set(self.pattern.groupindex)
        if "date" not in groups and not {"year", "month", "day"} <= groups:
            raise InputError("--date-from-name", "the pattern needs a named group (?P<date>...) "
                                                 "or the groups (?P<year>...), (?P<month>...) "
                                                 "and (?P<day>...)")

    def date_of(self, name: str) -> str | None:
        """The date in the file name ``name``; None when the pattern does not match."""
        m = (self.pattern or _DATED_NAME).search(name)
        if m is None:
            return None
        if "date" in m.re.groupindex:
            return normalise_date(m.group("date")) if m.group("date") else None
        try:
            return date(int(m.group("year")), int(m.group("month")), int(m.group("day"))).isoformat()
        except (TypeError, ValueError):
            return None


def read_text(data: bytes, name: str, defaults: Defaults, meta: dict[str, str | None] | None = None,
              name_dates: NameDates | None = None) -> Iterator[RawItem | Problem]:
    try:
        text, encoding = decode_bytes(data, name)
    except InputError as exc:
        yield Problem(name, exc.reason)
        return
    meta = meta or {}
    file_name = Path(name).name
    named = None
    if name != "-":
        named = (name_dates or NameDates(None)).date_of(file_name)
        if named is None and name_dates is not None and name_dates.pattern is not None:
            named = NameDates(None).date_of(file_name)
    yield RawItem(input=name, doc=file_name if name != "-" else "stdin", content=text,
                  title=meta.get("title"), date=meta.get("date") or named or defaults.date,
                  source=meta.get("source") or defaults.source,
                  url=meta.get("url") or defaults.url,
                  meta={"encoding": encoding} if encoding != "utf-8" else {})
