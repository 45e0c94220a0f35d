"""Reading saved HTML pages: the article's paragraphs and metadata, and a clear error for a bad page."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from html_pages import FOOTER, NAV, PARAGRAPHS, QUOTE, SHARE, SUBHEADING, TITLE, article_page

import newsdiff
import newsdiff_html
from newsdiff import Article, InputError


def read(name: str, data: bytes | str) -> Article:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    found = newsdiff_html.newsdiff_read_file(path=Path(name), data=raw)
    assert found is not None and len(found) == 1
    return found[0]


def test_text_holds_the_paragraphs_and_not_the_page_around_them():
    article = read("bridge.html", article_page())
    for paragraph in [*PARAGRAPHS, QUOTE, SUBHEADING]:
        assert paragraph in article.text
    for furniture in [*NAV, *SHARE, FOOTER, "Privacy policy", "Contact us"]:
        assert furniture not in article.text


def test_title_line_then_paragraphs_separated_by_blank_lines():
    text = read("bridge.html", article_page()).text
    blocks = text.strip().split("\n\n")
    assert blocks[0] == TITLE
    assert blocks[1:3] == PARAGRAPHS[:2]
    assert all(block.strip() == block and "\n" not in block for block in blocks)
    assert text.count(TITLE) == 1  # the page's <h1> is not repeated under the title line


def test_metadata_is_mapped():
    article = read("bridge.html", article_page())
    assert article.id == "bridge"
    assert article.title == TITLE and article.title_in_text
    assert article.published == "2021-03-04"
    assert article.byline == "Jane Writer"
    assert article.outlet == "The Riverside Gazette"
    assert article.url == "https://gazette.example.org/news/minister-resigns"
    assert article.source == "bridge.html"
    assert article.encoding == "utf-8"


def test_outlet_falls_back_to_the_host_name():
    article = read("bridge.html", article_page(site_name=None))
    assert article.outlet and "example.org" in article.outlet


def test_missing_metadata_is_left_empty_not_guessed():
    paragraphs = [PARAGRAPHS[0] + " The report was dated March 1, 2021.", *PARAGRAPHS[1:]]
    article = read("bridge.html", article_page(author=None, published=None, url=None, site_name=None, paragraphs=paragraphs))
    assert article.published is None
    assert article.url is None


def test_windows_1252_page_with_meta_charset():
    html = article_page(charset="windows-1252")
    article = read("bridge.html", html.encode("windows-1252"))
    assert article.encoding == "windows-1252"
    assert "café owners" in article.text and QUOTE in article.text


def test_latin_1_declared_is_read_as_browsers_do():
    html = article_page(charset="iso-8859-1")
    article = read("bridge.html", html.encode("windows-1252"))  # curly quotes: only in windows-1252
    assert QUOTE in article.text


def test_utf8_page_with_a_stale_legacy_declaration():
    article = read("bridge.html", article_page(charset="iso-8859-1").encode("utf-8"))
    assert article.encoding == "utf-8" and "café owners" in article.text


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom, encoding):
    data = bom + article_page(charset=None).encode(encoding)
    article = read("bridge.html", data)
    assert "café owners" in article.text and QUOTE in article.text


def test_undeclared_legacy_page_is_decoded_by_guessing():
    article = read("bridge.htm", article_page(charset=None).encode("windows-1252"))
    assert "café owners" in article.text


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_suffixes(suffix):
    assert read("bridge" + suffix, article_page()).id == "bridge"


def test_other_files_are_left_to_other_readers():
    assert newsdiff_html.newsdiff_read_file(path=Path("story.txt"), data=b"Title\n\nBody.") is None
    assert set(newsdiff_html.newsdiff_file_suffixes()) == {".html", ".htm"}


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<html><head><title>Nothing</title></head><body></body></html>", "no article text"),
        (b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", "no article text"),
        (b"Just a line of plain text in a file called .html", "not an HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (codecs.BOM_UTF8 + b"\xff\xfe<html>", "byte-order mark"),
    ],
)
def test_bad_pages_raise_input_error_naming_the_file(data, reason):
    with pytest.raises(InputError) as info:
        newsdiff_html.newsdiff_read_file(path=Path("broken.html"), data=data)
    assert info.value.source == "broken.html"
    assert reason in info.value.reason


@pytest.fixture
def pm():
    """A fresh manager: the builtins and this plugin, nothing else that happens to be installed."""
    return newsdiff.get_plugin_manager(third_party=False, plugins=[newsdiff_html])


def test_a_folder_of_html_and_txt_is_loaded(tmp_path, pm):
    (tmp_path / "bridge.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "wire.txt").write_text(TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert loaded.errors == ()
    assert [a.id for a in loaded] == ["bridge", "wire"]
    assert loaded[0].outlet == "The Riverside Gazette"


def test_a_broken_file_is_reported_and_the_others_still_load(tmp_path, pm):
    (tmp_path / "a_bridge.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "b_empty.html").write_bytes(b"<html><body></body></html>")
    (tmp_path / "c_wire.txt").write_text(TITLE + "\n\n" + PARAGRAPHS[0] + "\n", encoding="utf-8")
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in loaded] == ["a_bridge", "c_wire"]
    assert len(loaded.errors) == 1
    problem = loaded.errors[0]
    assert problem.stage == "load" and "b_empty.html" in problem.message and "no article text" in problem.message


def test_without_the_plugin_html_files_are_not_read(tmp_path):
    (tmp_path / "bridge.html").write_text(article_page(), encoding="utf-8")
    loaded = newsdiff.load(tmp_path, pm=newsdiff.get_plugin_manager(third_party=False))
    assert list(loaded) == [] and loaded.errors


def test_the_pipeline_reads_an_html_article(tmp_path, pm):
    (tmp_path / "bridge.html").write_text(article_page(), encoding="utf-8")
    report = newsdiff.compare(newsdiff.load(tmp_path, pm=pm), pm=pm)
    assert report.errors == ()
    extraction = report.article("bridge")
    assert extraction.document.metadata.title == TITLE
    assert extraction.document.metadata.published == "2021-03-04"
    body = [extraction.document.text[p.start : p.end] for p in extraction.document.body()]
    assert PARAGRAPHS[0] in body and PARAGRAPHS[-1] in body
    assert any("I take full responsibility" in q.text for q in extraction.quotes)


def test_any_bytes_give_an_article_or_an_input_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    markup = st.lists(
        st.one_of(st.sampled_from(["<p>", "</p>", "<div>", "<article>", "<meta charset='x'>", "&amp;", "é", "\n"]), st.text(max_size=30)),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))

    @settings(max_examples=150, deadline=None)
    @given(st.one_of(st.binary(max_size=300), markup))
    def check(data):
        try:
            found = newsdiff_html.newsdiff_read_file(path=Path("any.html"), data=data)
        except InputError as exc:
            assert exc.source == "any.html"
            return
        assert found and all(isinstance(a, Article) and a.text.strip() for a in found)

    check()
