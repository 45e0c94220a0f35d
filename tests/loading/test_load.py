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


RUSSIAN = (
    "Министр пообещал новый мост\n\n"
    "Министр транспорта Иван Соколов заявил в среду, что строительство моста начнётся весной. "
    "«Мы не будем откладывать работы», — сказал он журналистам. По его словам, проект обойдётся "
    "в 12 миллиардов рублей, а первые машины проедут по мосту через три года.\n"
)


def test_windows_1251_russian_is_detected_not_read_as_windows_1252(tmp_path, pm):
    pytest.importorskip("charset_normalizer")
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    [article] = newsdiff.load(tmp_path, pm=pm)
    assert article.text == RUSSIAN and article.title == "Министр пообещал новый мост"
    assert article.encoding == "windows-1251"


def test_without_charset_normalizer_bytes_are_read_as_windows_1252(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_detector(name, *args, **kwargs):
        if name == "charset_normalizer":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_detector)
    text, encoding = decode(RUSSIAN.encode("cp1251"), "ru.txt")
    assert encoding == "windows-1252" and text == RUSSIAN.encode("cp1251").decode("cp1252")


def test_an_article_not_in_english_is_compared_with_a_note(tmp_path, pm):
    pytest.importorskip("charset_normalizer")
    (tmp_path / "ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "en.txt").write_text(
        "New bridge\n\nTransport minister Ivan Sokolov said on Wednesday that the work on the bridge starts in the "
        "spring and that it will cost 12 billion roubles.\n"
    )
    report = newsdiff.compare(newsdiff.load(tmp_path, pm=pm), pm=pm, group=False)
    by_id = {e.id: e for e in report.extractions}
    assert by_id["ru"].document.metadata.language == "ru" and by_id["en"].document.metadata.language == "en"
    assert [q.text for q in by_id["ru"].quotes] == ["Мы не будем откладывать работы"]
    notes = [p for p in report.errors if p.article == "ru"]
    assert len(notes) == 1 and "Russian (ru)" in notes[0].message
    data = report.to_dict()
    ru = next(a for a in data["articles"] if a["id"] == "ru")
    assert ru["text"] == RUSSIAN and ru["language"] == "ru" and ru["encoding"] == "windows-1251"
    for quote in ru["quotes"]:
        assert ru["text"][quote["start"] : quote["end"]] == quote["text"]


@pytest.mark.parametrize(
    "code, text",
    [
        ("en", "The minister said on Wednesday that the talks in the capital would go on next week, and that both sides were ready."),
        ("fr", "Le ministre a déclaré mercredi que les négociations reprendront dans la capitale la semaine prochaine, et que les deux camps sont prêts."),
        ("de", "Der Minister sagte am Mittwoch, dass die Gespräche in der Hauptstadt in der nächsten Woche weitergehen und beide Seiten bereit sind."),
        ("es", "El ministro dijo el miércoles que las conversaciones en la capital seguirán la próxima semana y que las dos partes están listas."),
        ("ru", "Министр заявил в среду, что переговоры в столице продолжатся на следующей неделе и что обе стороны к этому готовы."),
        ("el", "Ο υπουργός δήλωσε την Τετάρτη ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα."),
        (None, "Short."),
    ],
)
def test_language_is_identified(code, text):
    from newsdiff.cleaning.language import identify

    assert identify(text) == code
