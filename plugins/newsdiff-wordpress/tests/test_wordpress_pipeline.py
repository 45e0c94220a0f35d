"""The plugin inside newsdiff's pipeline, registered on a fresh manager, and properties on any text."""

from __future__ import annotations

from hypothesis import given, settings
from wordpress_pages import BODY, TAIL, full_page

import newsdiff
import newsdiff_wordpress
from newsdiff.testing import article_texts, fresh_manager


def test_pipeline_reads_the_page_as_a_reader_does():
    pm = fresh_manager(newsdiff_wordpress)
    report = newsdiff.compare([newsdiff.load_text(full_page(), id="wp")], pm=pm)
    assert report.errors == ()
    doc = report.article("wp").document
    assert doc.metadata.published == "2021-03-04"
    assert doc.metadata.byline == "harbourdesk"
    body = [doc.text[p.start : p.end] for p in doc.body()]
    assert body == BODY
    by_plugin = {r.text for r in doc.removed if r.by == "newsdiff_wordpress"}
    assert set(TAIL) <= by_plugin
    # The councillor's words are found, and nothing is quoted from the furniture.
    assert any("We cannot ask people" in q.text for q in report.article("wp").quotes)
    assert all(not doc.is_removed(q.start, q.end) for q in report.article("wp").quotes)


def test_identify_outlet_reaches_the_other_hooks():
    pm = fresh_manager(newsdiff_wordpress)
    outlets = pm.hook.newsdiff_identify_outlet(article=newsdiff.load_text(full_page()))
    assert outlets == "wordpress"


@settings(max_examples=200, deadline=None)
@given(article_texts(max_pieces=80))
def test_any_text_gives_exact_spans(text):
    article = newsdiff.load_text(text, id="any")
    outlet = newsdiff_wordpress.newsdiff_identify_outlet(article=article)
    meta = newsdiff_wordpress.newsdiff_find_metadata(article=article, outlet=outlet)
    assert meta is None or isinstance(meta, newsdiff.Metadata)
    for r in newsdiff_wordpress.newsdiff_find_furniture(article=article, outlet="wordpress", metadata=newsdiff.Metadata()):
        assert text[r.start : r.end] == r.text
        assert r.text.strip() == r.text and r.text
