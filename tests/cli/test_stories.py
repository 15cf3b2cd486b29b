"""`ghatna stories` prints each shared event in words, not as its raw report key."""

from __future__ import annotations

import pytest

from ghatna.cli.stories import readable_key


@pytest.mark.parametrize("key, words", [
    ("2026-03-02:day SANCTION/-/- USA>IRN", "2026-03-02 SANCTION: USA > IRN"),
    ("2026-02-10:day CONSULT/phone/- AUS+IND", "2026-02-10 CONSULT phone: AUS, IND"),
    ("2026-02:month ASSAULT/aerial/future RUS>-", "2026-02 (month) ASSAULT aerial future: RUS > -"),
])
def test_readable_key(key, words):
    assert readable_key(key) == words
