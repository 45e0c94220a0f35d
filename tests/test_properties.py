"""Properties that hold for any input: no crash, spans reproduce their text, output is deterministic."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.testing import article_texts, articles

PM = newsdiff.get_plugin_manager(third_party=False)


def _spans(extraction):
    doc = extraction.document
    yield from doc.removed
    yield from extraction.quotes
    yield from extraction.claims
    for quote in extraction.quotes:
        if quote.cue:
            yield quote.cue
        if quote.speaker_mention:
            yield quote.speaker_mention
    for claim in extraction.claims:
        yield from claim.values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_extract_never_crashes_and_spans_reproduce(article):
    extraction = newsdiff.extract(article, pm=PM, errors=(errors := []))
    assert errors == []  # no builtin plugin raised
    text = article.text
    for item in _spans(extraction):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for para in extraction.document.paragraphs:
        assert 0 <= para.start < para.end <= len(text)
    for quote in extraction.quotes:
        assert not extraction.document.is_removed(quote.start, quote.end)


@settings(max_examples=40, deadline=None)
@given(st.lists(articles(), min_size=2, max_size=4, unique_by=lambda a: a.id))
def test_compare_is_deterministic_and_cites_real_evidence(batch):
    first = newsdiff.compare(batch, pm=PM)
    second = newsdiff.compare(batch, pm=PM)
    assert first.to_json() == second.to_json()
    texts = {a.id: a.text for a in batch}
    data = json.loads(first.to_json())
    quote_ids = {q["id"] for a in data["articles"] for q in a["quotes"]}
    for cluster in data["quote_clusters"]:
        assert set(cluster["members"]) <= quote_ids
    for finding in data["findings"]:
        for ev in finding["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]
    assert not data["errors"]


@settings(max_examples=60, deadline=None)
@given(article_texts())
def test_loading_any_text_file_gives_the_text_back(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("load")
    path = folder / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    result = newsdiff.load(path, pm=PM)
    if result.articles:
        assert result[0].text == text
    else:
        assert len(result.errors) == 1 and "a.txt" in result.errors[0].message
