"""Every reader on real files of its format, written by the tests."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ghatna.readers import Defaults, Problem, RawItem, read_inputs
from ghatna.readers.html import extract_page, fragment_text

BODY = ("भारत और नेपाल के विदेश मंत्रियों ने मंगलवार को काठमांडू में बैठक की। "
        "दोनों देशों ने सीमा पर व्यापार बढ़ाने पर सहमति जताई। "
        "बैठक के बाद संयुक्त बयान जारी किया गया जिसमें बिजली परियोजनाओं का उल्लेख था।")
TITLE = "भारत-नेपाल विदेश मंत्रियों की बैठक"


def read(settings, *paths, **kw):
    return list(read_inputs([str(p) for p in paths], settings, **kw))


def items(results):
    return [r for r in results if isinstance(r, RawItem)]


def problems(results):
    return {p.input.rsplit("/", 1)[-1]: p.reason for p in results if isinstance(p, Problem)}


def test_text_file_with_date_in_name_and_flags(settings, tmp_path):
    f = tmp_path / "2024-05-14-nepal.txt"
    f.write_text(f"{TITLE}\n\n{BODY}", "utf-8")
    g = tmp_path / "plain.txt"
    g.write_text(f"{TITLE}\n\n{BODY}", "utf-8")
    got = items(read(settings, f, g, defaults=Defaults(date="2024-01-01", source="Test")))
    assert [i.date for i in got] == ["2024-05-14", "2024-01-01"]
    assert got[0].source == "Test" and got[0].content.startswith(TITLE)


def test_jsonl_fields_mapping_and_malformed_lines(settings, tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text("\n".join([
        json.dumps({"headline": TITLE, "body": BODY, "published": "2024-05-14T10:00:00Z",
                    "link": "https://example.org/a", "id": 7}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "बिना पाठ"}, ensure_ascii=False),
        json.dumps(["a list"]),
        "",
        json.dumps({"story": BODY, "date": "Tue, 14 May 2024 08:00:00 GMT"}, ensure_ascii=False),
    ]), "utf-8")
    results = read(settings, f)
    got = items(results)
    assert [(i.title, i.date, i.url) for i in got] == [
        (TITLE, "2024-05-14", "https://example.org/a"), (None, "2024-05-14", None)]
    assert got[0].doc.endswith("export.jsonl#7")
    reasons = problems(results)
    assert "malformed JSON" in reasons["export.jsonl:2"]
    assert "no text field" in reasons["export.jsonl:3"]
    assert "not an object" in reasons["export.jsonl:4"]


def test_jsonl_custom_field_map(settings, tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"matn": BODY, "shirshak": TITLE}, ensure_ascii=False), "utf-8")
    got = items(read(settings, f, field_map={"text": "matn", "title": "shirshak"}))
    assert got[0].content == BODY and got[0].title == TITLE


def test_gzipped_jsonl(settings, tmp_path):
    f = tmp_path / "x.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"text": BODY}, ensure_ascii=False) + "\n")
    assert items(read(settings, f))[0].content == BODY


def test_json_array_and_csv(settings, tmp_path):
    j = tmp_path / "a.json"
    j.write_text(json.dumps({"articles": [{"text": BODY, "title": TITLE}, {"text": BODY + " और"}]},
                            ensure_ascii=False), "utf-8")
    c = tmp_path / "b.csv"
    c.write_text(f'title,text,date\n"{TITLE}","{BODY}",2024-05-14\n"दूसरा","{BODY} फिर",14/05/2024\n',
                 "utf-8")
    got = items(read(settings, j, c))
    assert len(got) == 4
    assert got[2].title == TITLE and got[2].date == "2024-05-14" and got[3].date == "2024-05-14"


HTML_PAGE = f"""<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8">
<title>{TITLE} | समाचार</title>
<meta property="og:title" content="{TITLE}">
<meta name="author" content="संवाददाता">
<meta property="article:published_time" content="2024-05-14T09:00:00+05:30">
</head><body><nav><a href="/">होम</a> <a href="/desh">देश</a></nav>
<article><h1>{TITLE}</h1><p>{BODY}</p>
<p>विदेश मंत्रालय के प्रवक्ता ने कहा कि अगली बैठक दिल्ली में होगी और उसमें ऊर्जा सहयोग पर विस्तार से चर्चा की जाएगी।</p>
</article><footer>कॉपीराइट 2024</footer></body></html>"""


def test_html_page_extraction(settings, tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, "utf-8")
    item = items(read(settings, f))[0]
    assert item.kind == "html"
    page = extract_page(item.content)
    assert "काठमांडू" in page["text"] and "होम" not in page["text"]
    assert page["title"].startswith(TITLE)
    assert page["date"] == "2024-05-14"


def test_fragment_text_keeps_blocks():
    assert fragment_text("<p>पहला।</p><p>दूसरा <b>वाक्य</b>।</p><script>x()</script>").split() == [
        "पहला।", "दूसरा", "वाक्य।"]


def test_warc(settings, tmp_path):
    f = tmp_path / "crawl.warc.gz"
    with open(f, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, ctype, payload in [
            ("https://example.org/news/1", "text/html; charset=utf-8", HTML_PAGE.encode("utf-8")),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    got = items(read(settings, f))
    assert [i.url for i in got] == ["https://example.org/news/1"]
    assert got[0].kind == "html" and TITLE in got[0].content


def test_rss_and_atom(settings, tmp_path):
    rss = tmp_path / "feed.rss"
    rss.write_text(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>समाचार फ़ीड</title><item><title>{TITLE}</title><link>https://example.org/1</link>
<pubDate>Tue, 14 May 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>{BODY}</p>]]></description>
</item></channel></rss>""", "utf-8")
    atom = tmp_path / "feed.atom"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>फ़ीड</title><entry><title>{TITLE}</title><link href="https://example.org/2"/>
<updated>2024-05-15T08:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""",
                    "utf-8")
    got = items(read(settings, rss, atom))
    assert [(i.title, i.date, i.url, i.kind) for i in got] == [
        (TITLE, "2024-05-14", "https://example.org/1", "fragment"),
        (TITLE, "2024-05-15", "https://example.org/2", "fragment")]
    assert got[0].source == "समाचार फ़ीड"


def test_stdin_formats(settings):
    text = f"{TITLE}\n\n{BODY}".encode("utf-8")
    got = items(read_inputs(["-"], settings, stdin=io.BufferedReader(io.BytesIO(text))))
    assert got[0].content.startswith(TITLE)
    line = json.dumps({"text": BODY}, ensure_ascii=False).encode("utf-8")
    got = items(read_inputs(["-"], settings, stdin=io.BufferedReader(io.BytesIO(line))))
    assert got[0].content == BODY


def test_bad_inputs_are_named_with_reasons(settings, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Café crème à Genève, déjà vu".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(f"{TITLE}\n{BODY}".encode("utf-16"))
    (tmp_path / "notes.xyz").write_text("x")
    results = read(settings, tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "binary.txt",
                   tmp_path / "latin1.txt", tmp_path / "utf16.txt", tmp_path / "missing.txt",
                   tmp_path / "notes.xyz", tmp_path / "*.nothing")
    reasons = problems(results)
    assert reasons["empty.txt"] == "empty file" and reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert "unknown file type" in reasons["notes.xyz"]
    assert "no file matches" in reasons["*.nothing"]
    decoded = {i.input.rsplit("/", 1)[-1]: i for i in items(results)}
    assert decoded["latin1.txt"].content == "Café crème à Genève, déjà vu"
    assert decoded["utf16.txt"].content.startswith(TITLE)


def test_folder_is_recursive_and_ignores_other_files(settings, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"{TITLE}\n{BODY}", "utf-8")
    (tmp_path / "b.txt").write_text(f"{TITLE}\n{BODY} फिर", "utf-8")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / "empty").mkdir()
    got = read(settings, tmp_path)
    assert [i.input.rsplit("/", 1)[-1] for i in items(got)] == ["b.txt", "a.txt"]
    assert problems(read(settings, tmp_path / "empty")) == {"empty": pytest.approx(
        problems(read(settings, tmp_path / "empty"))["empty"])}
    assert "no article files" in problems(read(settings, tmp_path / "empty"))["empty"]
