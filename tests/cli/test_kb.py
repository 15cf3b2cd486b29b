"""The kb, link, entities and eval link commands, through the real CLI."""

from __future__ import annotations

import json

from helpers import ROOT


def test_link_text_readable(cli):
    out = cli("link", "रूसी राष्ट्रपति व्लादिमीर पुतिन ने कहा।", "--date", "2021-01-01").stdout
    assert "Vladimir Putin" in out and "RUSGOV" in out


def test_link_jsonl_in_input_order(cli, tmp_path):
    lines = [{"id": "b", "text": "ईयू और ब्रिटेन ने बात की।"},
             {"id": "a", "text": "कुछ नहीं।"},
             {"id": 3, "text": "पहला वाक्य।\nशी जिनपिंग बीजिंग में थे।", "date": "2021-01-01"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    out = cli.jsonl("link", "--input", str(path), "--json")
    assert [o["id"] for o in out] == ["b", "a", 3]
    assert [m["entity"]["org"] for m in out[0]["mentions"]][:1] == ["EU"]
    assert out[1]["mentions"] == []
    for record, src in zip(out, lines):
        for m in record["mentions"]:
            assert src["text"][m["start"]:m["end"]] == m["text"]
            assert set(m["entity"]) >= {"id", "name", "type", "country", "org", "sector", "code"}
    xi = [m for m in out[2]["mentions"] if m["entity"]["id"] == "per:xi_jinping"]
    assert xi and xi[0]["entity"]["code"] == "CHNGOV"


def test_link_jsonl_bad_line_is_reported_in_place(cli, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "जापान"}\nnot json\n{"id": 2, "text": "कनाडा"}\n',
                    encoding="utf-8")
    out = cli.jsonl("link", "--input", str(path), "--json")
    assert [o["id"] for o in out] == [1, None, 2] and "line 2" in out[1]["error"]


def test_kb_add_show_search_list(cli, tmp_path):
    kb = str(tmp_path / "kb")
    cli("kb", "add", "--kb", kb, "--id", "per:asha_devi", "--name", "Asha Devi",
        "--hi", "आशा देवी", "--role", "IND GOV mayor of Patna 2020-01-01..")
    shown = cli.json("kb", "show", "per:asha_devi", "--kb", kb, "--json")
    assert shown["entity"]["code"] == "INDGOV" and shown["hi"] == ["आशा देवी"]
    hits = cli.jsonl("kb", "search", "आशा देवी", "--kb", kb, "--json")
    assert hits[0]["id"] == "per:asha_devi"
    out = cli("link", "आशा देवी ने कहा।", "--kb", kb).stdout
    assert "Asha Devi" in out
    listed = cli.jsonl("kb", "list", "--type", "igo", "--json")
    assert {"IGO:EU", "IGO:SCO", "IGO:ASEAN"} <= {x["id"] for x in listed}
    bad = cli("kb", "add", "--kb", kb, "--id", "x", "--role", "mayor since 2020", code=1)
    assert "role" in bad.output


def test_kb_show_unknown(cli):
    assert "no entry" in cli("kb", "show", "per:nobody", code=1).output


def test_kb_import(cli, tmp_path):
    src = tmp_path / "actors.txt"
    src.write_text("TEODORO_OBIANG_\n\t[GNQGOV >790803]\n", encoding="utf-8")
    kb = str(tmp_path / "kb")
    assert "imported 1 actors" in cli("kb", "import", str(src), "--kb", kb).stdout
    out = cli.json("link", "तेओदोरो ओबियांग ने कहा।", "--date", "2020-01-01", "--kb", kb, "--json")
    assert out["mentions"][0]["entity"]["code"] == "GNQGOV"


def test_kb_import_refuses_a_verb_dictionary_before_writing(cli, tmp_path):
    actors = tmp_path / "actors.txt"
    actors.write_text("TEODORO_OBIANG_\n\t[GNQGOV >790803]\n", encoding="utf-8")
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("---  MEET   [040]  ---\n- * WITH [040:042]\n", encoding="utf-8")
    kb = tmp_path / "kb"
    result = cli("kb", "import", str(actors), str(verbs), "--kb", str(kb), code=1)
    assert "verb dictionary" in result.output and str(verbs) in result.output
    assert not kb.exists() or not list(kb.glob("*.tsv"))


def test_kb_show_says_there_was_no_role_on_the_date(cli):
    data = cli.json("kb", "show", "per:boris_johnson", "--date", "2010-06-01", "--json")
    assert data["entity"]["role"] == "no known role on 2010-06-01"
    assert data["entity"]["code"] == "GBR"
    assert data["note"].endswith("begins 2016-07-13")
    later = cli.json("kb", "show", "per:boris_johnson", "--date", "2020-06-01", "--json")
    assert later["entity"]["role"] == "prime minister" and "note" not in later


def test_eval_link(cli):
    data = cli.json("eval", "link", str(ROOT / "tests" / "data" / "link_eval.tsv"), "--json")
    assert data["n"] >= 300 and data["accuracy"] > 0.9


def test_entities_lists_stored_mentions(cli, tmp_path, db):
    doc = tmp_path / "a.txt"
    doc.write_text("चीन और रूस\n\nचीन के विदेश मंत्री वांग यी ने रूसी विदेश मंत्री सर्गेई लावरोव से "
                   "मुलाकात की। लावरोव ने कहा कि रूस तैयार है।", encoding="utf-8")
    cli("ingest", str(doc), "--db", db)
    rows = cli.jsonl("entities", "--db", db, "--json")
    by_id = {r["entity_id"]: r for r in rows}
    assert by_id["per:sergey_lavrov"]["mentions"] == 2
    assert by_id["RUS"]["articles"] == 1


def test_entities_without_database(cli, tmp_path):
    assert "no database" in cli("entities", "--db", str(tmp_path / "none.db"), code=1).output
