"""Checks on the bundled sample articles in ghatna/data/samples."""
import datetime
from importlib import resources

import pytest
import regex

SAMPLES = resources.files("ghatna") / "data" / "samples"
FILES = sorted(p for p in SAMPLES.iterdir() if p.name.endswith(".txt"))


def test_there_are_ten_samples_and_the_readme_lists_them():
    assert len(FILES) == 10
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(p.name in readme for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_sample_layout(path):
    match = regex.match(r"(\d{4}-\d{2}-\d{2})-[a-z0-9-]+\.txt$", path.name)
    assert match, "name must be YYYY-MM-DD-slug.txt"
    datetime.date.fromisoformat(match.group(1))
    lines = path.read_text(encoding="utf-8").split("\n")
    assert regex.search(r"\p{Devanagari}", lines[0]) and lines[1] == ""
    body = "\n".join(lines[2:])
    # 6-12 sentences: count sentence ends (danda or full stop after Devanagari)
    ends = regex.findall(r"[\p{Devanagari}\p{M}”')]\s*[।.?!]", body)
    assert 6 <= len(ends) <= 12, len(ends)
