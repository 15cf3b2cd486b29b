"""Bounded fuzzing with hypothesis: every reader and every web route, on inputs it
generates, gives items or reported problems and HTTP statuses below 500, never a
traceback. The default run is short; ``-m slow`` runs many more examples."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from ghatna.readers import Problem, RawItem, read_inputs
from ghatna.settings import Settings

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.web.app import create_app  # noqa: E402

SETTINGS = Settings.load()
EXTENSIONS = [".txt", ".jsonl", ".json", ".csv", ".tsv", ".html", ".warc", ".warc.gz", ".rss",
              ".xml", ".jsonl.gz"]
HINDI = st.text(alphabet=st.sampled_from(list("भारतनेपालकीबैठकमेंहुई। ,.?!\"'\n\t<>{}[]0123456789")),
                max_size=200)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | HINDI | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
RECORDS = st.dictionaries(
    st.sampled_from(["text", "title", "date", "url", "source", "id", "body", "published"]),
    JSON_VALUES, max_size=7)


def _structured(ext: str, records: list, raw: bytes) -> bytes:
    if ext.startswith(".jsonl"):
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode() + raw
    if ext == ".json":
        return json.dumps(records, ensure_ascii=False).encode()
    if ext in (".csv", ".tsv"):
        sep = "," if ext == ".csv" else "\t"
        lines = ["title" + sep + "text" + sep + "date"] + [
            sep.join(str(r.get(k, "")).replace("\n", " ") for k in ("title", "text", "date"))
            for r in records]
        return "\n".join(lines).encode() + raw
    return raw


def check_reader(ext: str, records: list, raw: bytes, mode: int) -> None:
    data = _structured(ext, records, raw) if mode else raw
    if ext.endswith(".gz") and mode == 2:
        data = gzip.compress(data)[: max(1, len(data) // 2)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(data)
        (Path(folder) / "next.txt").write_text("भारत और नेपाल की बैठक हुई।", "utf-8")
        results = list(read_inputs([str(path), str(Path(folder) / "next.txt")], SETTINGS))
    assert all(isinstance(r, (RawItem, Problem)) for r in results)
    assert isinstance(results[-1], RawItem) and results[-1].input.endswith("next.txt")


READER_CASES = (st.sampled_from(EXTENSIONS), st.lists(RECORDS, max_size=5), st.binary(max_size=600),
                st.integers(0, 2))


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(*READER_CASES)
def test_readers_never_raise(ext, records, raw, mode):
    check_reader(ext, records, raw, mode)


@pytest.mark.slow
@hsettings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(*READER_CASES)
def test_readers_never_raise_long(ext, records, raw, mode):
    check_reader(ext, records, raw, mode)


TOKEN = "fuzz-token"


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "web.db"
    build_store(str(db))
    app = create_app(str(db), Settings.load().with_overrides({"web": {"token": TOKEN}}))
    spec = app.openapi()["paths"]
    routes = [(path, [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"])
              for path, ops in sorted(spec.items()) if "get" in ops]
    pages = ["/", "/events", "/actors", "/network", "/map", "/stories", "/search", "/docs",
             "/articles/{id}", "/actors/{key}", "/assets/app/{name}", "/assets/swagger/{name}"]
    routes += [(p, ["q", "limit", "offset", "type", "since", "until", "actor", "country",
                    "unique", "page", "format"]) for p in pages]
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        yield client, routes


QUERY_TEXT = st.text(max_size=40) | st.sampled_from(["-1", "0", "1e400", "NaN", "2024-13-45",
                                                       "' OR 1=1 --", "%", "_", "\u0000", "9" * 30])


def check_route(web, data) -> None:
    client, routes = web
    path, names = data.draw(st.sampled_from(routes))
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + quote(data.draw(st.text(min_size=1, max_size=20)), safe="") + path[end + 1:]
    params = data.draw(st.dictionaries(st.sampled_from(names or ["x"]), QUERY_TEXT, max_size=4))
    method = data.draw(st.sampled_from(["GET", "HEAD"]))
    accept = data.draw(st.sampled_from(["application/json", "text/html", "*/*"]))
    response = client.request(method, path, params=params, headers={"accept": accept})
    assert response.status_code < 500, (method, path, params, response.text[:300])


@hsettings(max_examples=150, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_web_routes_never_fail(web, data):
    check_route(web, data)


@pytest.mark.slow
@hsettings(max_examples=1000, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_web_routes_never_fail_long(web, data):
    check_route(web, data)


UPLOADS = st.one_of(
    st.tuples(st.just("application/json"), st.lists(RECORDS, max_size=3).map(
        lambda r: json.dumps(r, ensure_ascii=False).encode())),
    st.tuples(st.sampled_from(["application/json", "application/x-ndjson", "text/plain",
                               "text/csv", "multipart/form-data", ""]), st.binary(max_size=300)))


def check_upload(web, kind_body) -> None:
    client, _ = web
    content_type, body = kind_body
    headers = {"authorization": f"Bearer {TOKEN}"}
    if content_type:
        headers["content-type"] = content_type
    response = client.post("/api/ingest", content=body, headers=headers)
    assert response.status_code < 500, (content_type, body[:100], response.text[:300])


@hsettings(max_examples=40, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(UPLOADS)
def test_uploads_never_fail(web, kind_body):
    check_upload(web, kind_body)


@pytest.mark.slow
@hsettings(max_examples=150, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(UPLOADS)
def test_uploads_never_fail_long(web, kind_body):
    check_upload(web, kind_body)
