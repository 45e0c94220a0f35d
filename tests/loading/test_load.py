import codecs
import json

import pytest

import newsdiff
from newsdiff.errors import InputError
from newsdiff.loading.decode import decode


def test_txt_title_id_and_offsets(tmp_path, pm):
    text = "My title\n\nFirst paragraph.\n"
    (tmp_path / "story-1.txt").write_text(text, encoding="utf-8")
    [article] = newsdiff.load(tmp_path / "story-1.txt", pm=pm)
    assert article.id == "story-1"
    assert article.title == "My title"
    assert article.text == text  # exactly as read


def test_utf8_bom_is_not_part_of_the_text(tmp_path, pm):
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + "Title\n\nBody “quoted”.".encode())
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert article.text.startswith("Title") and article.encoding == "utf-8-sig"


def test_latin1_is_detected_and_reported_not_mangled(tmp_path, pm):
    (tmp_path / "l.txt").write_bytes("Café society\n\nThe mayor said \"déjà vu\".".encode("latin-1"))
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert "Café" in article.text and "déjà" in article.text
    assert article.encoding == "windows-1252"


def test_utf16_with_bom(tmp_path, pm):
    (tmp_path / "u.txt").write_bytes("Title\n\nBody.".encode("utf-16"))
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert article.text == "Title\n\nBody."


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (bytes(range(1, 9)) * 50, "binary")],
)
def test_bad_files_are_reported_and_others_still_load(tmp_path, pm, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text("Title\n\nBody.", encoding="utf-8")
    result = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in result] == ["good"]
    [problem] = result.errors
    assert "bad.txt" in problem.message and reason in problem.message
    assert "\n" not in problem.message


def test_decode_names_the_source():
    with pytest.raises(InputError) as info:
        decode(b"\x00\x01binary", "x.bin")
    assert str(info.value).startswith("x.bin:")


def test_json_object_list_and_jsonl(tmp_path, pm):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Body one.", "title": "T1"}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x", "text": "A."}, {"text": "B."}]), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "l1", "text": "L1."}) + "\n\n" + "{not json\n" + json.dumps({"id": "l3", "text": "L3.", "outlet": "Wire"}) + "\n",
        encoding="utf-8",
    )
    result = newsdiff.load(tmp_path, pm=pm)
    ids = [a.id for a in result]
    assert ids == ["l1", "l3", "x", "many_2", "one"]
    assert result[1].outlet == "Wire"
    [problem] = result.errors
    assert "lines.jsonl:3" in problem.message


def test_json_offsets_index_the_text_value(tmp_path, pm):
    text = "Line one\n“Quoted words here,” she said."
    (tmp_path / "a.json").write_text(json.dumps({"id": "a", "text": text, "title": "Head"}), encoding="utf-8")
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert article.text == text and article.title == "Head"


def test_json_without_text_is_an_error(tmp_path, pm):
    (tmp_path / "a.json").write_text(json.dumps({"id": "a"}), encoding="utf-8")
    result = newsdiff.load(tmp_path, pm=pm)
    assert not result.articles and "text" in result.errors[0].message


def test_duplicate_ids_are_made_unique(tmp_path, pm):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "same.txt").write_text("T\n\nBody.", encoding="utf-8")
    result = newsdiff.load(tmp_path / "a", tmp_path / "b", pm=pm)
    assert [a.id for a in result] == ["same", "same-2"]


def test_missing_path_and_unknown_suffix(tmp_path, pm):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = newsdiff.load(tmp_path / "nope.txt", tmp_path / "notes.docx", pm=pm)
    assert not result.articles
    messages = [p.message for p in result.errors]
    assert any("no such file" in m for m in messages) and any("no reader" in m for m in messages)


def test_folder_ignores_other_suffixes_and_hidden_files(tmp_path, pm):
    (tmp_path / "a.txt").write_text("T\n\nBody.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("T\n\nBody.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in result] == ["a"] and not result.errors


def test_large_file_is_read(tmp_path, pm):
    paragraph = "The council said on Monday that 1,200 homes were affected. " * 20 + "\n\n"
    data = ("Big story\n\n" + paragraph * 1800).encode()
    assert len(data) > 2_000_000
    (tmp_path / "big.txt").write_bytes(data)
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert len(article.text) == len(data)
