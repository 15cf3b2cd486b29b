"""Hostile inputs for the readers, written here: each bad record is reported with its
file, line and reason, and every good record around it is still read."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ghatna.errors import InputError
from ghatna.readers import Problem, RawItem, read_inputs
from ghatna.readers.base import decode_bytes
from ghatna.readers.encoding import ISCII, detect_encoding

BODY = "भारत और नेपाल के विदेश मंत्रियों ने सीमा पर व्यापार बढ़ाने पर सहमति जताई।"


def good(n: int) -> dict:
    return {"title": f"बैठक {n}", "text": f"{BODY} यह रिपोर्ट संख्या {n} है।",
            "url": f"https://example.org/{n}", "date": "2024-05-14", "source": "समाचार"}


def read(settings, *paths, **kw):
    results = list(read_inputs([str(p) for p in paths], settings, **kw))
    return ([r for r in results if isinstance(r, RawItem)],
            [r for r in results if isinstance(r, Problem)])


BAD_RECORDS = [
    ({"url": ["https://a", "https://b"]}, "url field is a JSON array"),
    ({"source": 12.5}, "source field is a JSON number"),
    ({"source": {"id": None}}, 'source field is an object without a "name"'),
    ({"title": {"main": "x"}}, "title field is a JSON object"),
    ({"date": float("nan")}, "date field is nan"),
    ({"date": 1e20}, "not a timestamp"),
    ({"date": True}, "date field is a JSON boolean"),
    ({"date": ["2024-01-01"]}, "date field is a JSON array"),
    ({"text": ["a", "list"]}, "text field is a JSON array"),
    ({"text": "पाठ में \u0000 शून्य"}, "NUL character"),
    ({"id": {"x": 1}}, "id field is a JSON object"),
]


@pytest.mark.parametrize("bad, reason", BAD_RECORDS, ids=[r for _, r in BAD_RECORDS])
def test_bad_record_field_is_reported_and_the_rest_read(settings, tmp_path, bad, reason):
    lines = [json.dumps(good(1), ensure_ascii=False),
             json.dumps(good(2) | bad, ensure_ascii=False, allow_nan=True),
             json.dumps(good(3), ensure_ascii=False)]
    f = tmp_path / "export.jsonl"
    f.write_text("\n".join(lines), "utf-8")
    other = tmp_path / "next.jsonl"
    other.write_text(json.dumps(good(4), ensure_ascii=False), "utf-8")
    got, problems = read(settings, f, other)
    assert [i.title for i in got] == ["बैठक 1", "बैठक 3", "बैठक 4"]
    assert [p.input for p in problems] == [f"{f}:2"]
    assert reason in problems[0].reason


def test_newsapi_source_object_is_read_as_its_name(settings, tmp_path):
    f = tmp_path / "newsapi.json"
    f.write_text(json.dumps({"status": "ok", "articles": [
        good(1) | {"source": {"id": None, "name": "दैनिक समाचार"}},
        good(2) | {"source": {"id": "the-hindu", "name": None}}]}, ensure_ascii=False), "utf-8")
    got, problems = read(settings, f)
    assert [i.source for i in got] == ["दैनिक समाचार", "the-hindu"] and not problems


def test_deep_nesting_is_a_malformed_line_not_a_crash(settings, tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text("\n".join([json.dumps(good(1), ensure_ascii=False), "[" * 100_000 + "]" * 100_000,
                            json.dumps(good(2), ensure_ascii=False)]), "utf-8")
    g = tmp_path / "deep.json"
    g.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    got, problems = read(settings, f, g)
    assert len(got) == 2
    assert {p.input: p.reason for p in problems} == {
        f"{f}:2": "malformed JSON (nested too deeply at column 1)",
        str(g): "malformed JSON (nested too deeply at line 1)"}


@pytest.mark.parametrize("value, date", [
    (1715673600, "2024-05-14"), (1715673600000, "2024-05-14"), ("14 May 2024", "2024-05-14"),
    ("2024-02-30", None), ("someday", None)])
def test_dates_read_or_left_to_the_default(settings, tmp_path, value, date):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(good(1) | {"date": value}), "utf-8")
    got, problems = read(settings, f)
    assert got[0].date == date and not problems


def test_truncated_gzip_keeps_records_before_the_cut_and_says_truncated(settings, tmp_path):
    data = gzip.compress("\n".join(json.dumps(good(n), ensure_ascii=False)
                                   for n in range(200)).encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) * 2 // 3])
    other = tmp_path / "next.jsonl"
    other.write_text(json.dumps(good(999), ensure_ascii=False), "utf-8")
    got, problems = read(settings, f, other)
    assert 50 < len(got) < 200 and got[-1].title == "बैठक 999"
    assert len(problems) == 1 and problems[0].input == str(f)
    assert problems[0].reason.startswith("truncated")


def _warc(path, pages: int, *, drop_uri_of: int | None = None) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for n in range(pages):
            html = (f"<html><head><title>पृष्ठ {n}</title></head><body><article><p>"
                    + BODY * 5 + "</p></article></body></html>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{n}", "response",
                                               payload=io.BytesIO(html), http_headers=http)
            if n == drop_uri_of:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)


def test_warc_record_without_target_uri_is_reported(settings, tmp_path):
    f = tmp_path / "crawl.warc"
    _warc(f, 3, drop_uri_of=1)
    got, problems = read(settings, f)
    assert [i.url for i in got] == ["https://example.org/0", "https://example.org/2"]
    assert [(p.input, p.reason) for p in problems] == [
        (f"{f}#1", "response record has no WARC-Target-URI; skipped")]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_truncated_warc_is_reported_not_stored_short(settings, tmp_path, name):
    whole = tmp_path / ("whole-" + name)
    _warc(whole, 3)
    data = whole.read_bytes()
    f = tmp_path / name
    f.write_bytes(data[:-200])
    got, problems = read(settings, f)
    assert [i.url for i in got] == ["https://example.org/0", "https://example.org/1"]
    assert len(problems) == 1 and "truncated" in problems[0].reason


def test_nul_byte_anywhere_refuses_the_file_the_same_way(settings, tmp_path):
    early, late = tmp_path / "early.txt", tmp_path / "late.txt"
    early.write_bytes(BODY.encode() + b"\x00" + BODY.encode() * 10)
    late.write_bytes(BODY.encode() * 1000 + b"\x00" + BODY.encode())
    fine = tmp_path / "fine.txt"
    fine.write_text(BODY, "utf-8")
    got, problems = read(settings, early, late, fine)
    assert [i.input for i in got] == [str(fine)]
    assert all("NUL" in p.reason for p in problems) and len(problems) == 2


def test_csv_row_with_nul_is_reported_alone(settings, tmp_path):
    f = tmp_path / "rows.csv"
    f.write_bytes(("title,text\nएक," + BODY + "\nदो,बुरा\x00पाठ\nतीन," + BODY + "\n").encode())
    got, problems = read(settings, f)
    assert [i.title for i in got] == ["एक", "तीन"]
    assert [(p.input, p.reason) for p in problems] == [(f"{f}#2", "row contains a NUL byte")]


FRENCH = "Le président français a visité l'école à Genève. Ça coûte cher, déjà vu."


@pytest.mark.parametrize("data, encoding", [
    (FRENCH.encode("latin-1"), "cp1252"),
    ((FRENCH + " 5 € le café.").encode("cp1252"), "cp1252"),
    ("भारत और नेपाल की बैठक".encode("utf-16-le"), "utf-16-le"),
    ("भारत और नेपाल की बैठक".encode("utf-16-be"), "utf-16-be"),
    ("Talks between India and Nepal".encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_LE + "भारत".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF8 + BODY.encode(), "utf-8-sig"),
    ("Правительство объявило о новых мерах поддержки".encode("cp1251"), "cp1251"),
])
def test_encoding_is_decided_over_the_head(data, encoding):
    assert detect_encoding(data, "f") == encoding


def test_latin1_is_never_read_as_a_baltic_code_page():
    text, encoding = decode_bytes("Café crème à Genève, déjà vu, naïve façade".encode("latin-1"), "f")
    assert text == "Café crème à Genève, déjà vu, naïve façade" and encoding == "cp1252"


# "भारत ने कहा।" in ISCII-91: भ ा र त  न े  क ह ा ।
ISCII_BYTES = bytes([0xCB, 0xDA, 0xCF, 0xC2, 0x20, 0xC6, 0xE1, 0x20, 0xB3, 0xD8, 0xDA, 0xEA])


def test_iscii_is_converted_to_unicode_devanagari():
    assert detect_encoding(ISCII_BYTES * 3, "f") == ISCII
    text, encoding = decode_bytes(ISCII_BYTES * 3, "f")
    assert text == "भारत ने कहा।" * 3 and encoding == ISCII


def test_bytes_no_encoding_fits_are_refused_with_a_reason():
    noise = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(InputError, match="convert it to UTF-8"):
        decode_bytes(noise, "noise.txt")


def test_utf16_csv_rows_are_read(settings, tmp_path):
    f = tmp_path / "export.csv"
    rows = "title,text,date\nएक," + BODY + ",2024-05-14\nदो," + BODY + ",2024-05-15\n"
    f.write_bytes(rows.encode("utf-16"))
    g = tmp_path / "windows.csv"
    g.write_bytes(('title,text\nCafé,"' + FRENCH + '"\n').encode("cp1252"))
    got, problems = read(settings, f, g)
    assert [(i.title, i.date) for i in got[:2]] == [("एक", "2024-05-14"), ("दो", "2024-05-15")]
    assert got[2].content == FRENCH and "\ufffd" not in got[2].content
    assert not problems


def test_glob_over_a_symlink_loop_ends(settings, tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(BODY, "utf-8")
    (d / "sub" / "b.txt").write_text(BODY + " दूसरा", "utf-8")
    os.symlink(d, d / "sub" / "loop")
    got, problems = read(settings, f"{d}/**/*.txt")
    assert sorted(i.input for i in got) == [str(d / "a.txt"), str(d / "sub" / "b.txt")]
    got, _ = read(settings, d)
    assert len(got) == 2 and not problems


def test_sidecar_metadata_for_a_folder_of_text_files(settings, tmp_path):
    (tmp_path / "one.txt").write_text(f"पहली खबर\n\n{BODY}", "utf-8")
    (tmp_path / "two.txt").write_text(f"दूसरी खबर\n\n{BODY}", "utf-8")
    (tmp_path / "three.txt").write_text(f"तीसरी खबर\n\n{BODY}", "utf-8")
    (tmp_path / "meta.jsonl").write_text("\n".join([
        json.dumps({"file": "one.txt", "date": "2024-03-12", "source": "अमर समाचार",
                    "url": "https://example.org/1"}, ensure_ascii=False),
        json.dumps({"file": "two.txt", "date": ["bad"]}),
        "{broken"]), "utf-8")
    got, problems = read(settings, tmp_path)
    meta = {i.input.rsplit("/", 1)[-1]: (i.date, i.source, i.url) for i in got}
    assert meta == {"one.txt": ("2024-03-12", "अमर समाचार", "https://example.org/1"),
                    "three.txt": (None, None, None), "two.txt": (None, None, None)}
    assert sorted((p.input.rsplit("/", 1)[-1], p.reason) for p in problems) == [
        ("meta.jsonl:2", "date field is a JSON array, expected a date"),
        ("meta.jsonl:3", "malformed JSON (Expecting property name enclosed in double quotes: "
                         "line 1 column 2 (char 1))")]


def test_sidecar_csv(settings, tmp_path):
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "meta.csv").write_text("file,date,source\na.txt,12 March 2024,पत्रिका\n", "utf-8")
    got, problems = read(settings, tmp_path / "a.txt")
    assert (got[0].date, got[0].source) == ("2024-03-12", "पत्रिका") and not problems


@pytest.mark.parametrize("pattern, name, date", [
    (r"_(?P<day>\d\d)(?P<month>\d\d)(?P<year>\d{4})", "story_12032024.txt", "2024-03-12"),
    (r"(?P<date>\d{4}-\d\d-\d\d)", "hindi-2024-03-12-x.txt", "2024-03-12"),
    (r"(?P<date>\d{4}-\d\d-\d\d)", "2023-01-05-no-match-needed.txt", "2023-01-05"),
    (r"_(?P<day>\d\d)(?P<month>\d\d)(?P<year>\d{4})", "story_99992024.txt", None),
])
def test_date_from_name(settings, tmp_path, pattern, name, date):
    (tmp_path / name).write_text(BODY, "utf-8")
    got, _ = read(settings, tmp_path / name, date_from_name=pattern)
    assert got[0].date == date


def test_date_from_name_needs_a_date_group(settings):
    with pytest.raises(InputError, match="named group"):
        read_inputs(["x"], settings, date_from_name=r"\d+")
