"""The seeds read as a reader sees them, checked against the hand annotations (seeds-gold.json)."""

from __future__ import annotations


def _doc(seed_report, gold_name):
    return seed_report.article(gold_name.removesuffix(".txt")).document


def test_every_gold_furniture_line_is_removed(seed_report, gold):
    for name, annotation in gold["articles"].items():
        doc = _doc(seed_report, name)
        removed = [r.text.strip() for r in doc.removed]
        for line in annotation["boilerplate"]:
            assert any(line.strip() in r or (len(r) > 3 and r in line) for r in removed), (name, line)


def test_no_sentence_of_the_story_is_removed(seed_report, gold):
    for name, annotation in gold["articles"].items():
        doc = _doc(seed_report, name)
        text = doc.text
        furniture = set(annotation["boilerplate"])
        for removed in doc.removed:
            line = removed.text.strip()
            is_metadata = doc.metadata.published_span is not None and removed.start == doc.metadata.published_span.start
            assert is_metadata or any(line in b or b in line for b in furniture), (name, line, removed.reason)
        # every gold quote lies in text that was kept
        for quote in annotation["quotes"]:
            at = text.find(quote["text"])
            assert at >= 0 and not doc.is_removed(at, at + len(quote["text"])), (name, quote["text"])


def test_titles_dates_and_outlet(seed_report, gold):
    for name, annotation in gold["articles"].items():
        meta = _doc(seed_report, name).metadata
        assert meta.title == annotation["title"], name
        assert meta.published == annotation["published"], name
    ft = [e for e in seed_report.extractions if e.document.metadata.outlet == "The Financial Times"]
    assert len(ft) == 1 and "Copyright The Financial Times" in ft[0].article.text


def test_section_heading_is_a_heading_not_furniture(seed_report):
    headings = [
        e.article.text[p.start : p.end] for e in seed_report.extractions for p in e.document.paragraphs if p.kind == "heading"
    ]
    assert headings == ["Common ground"]


def test_standfirst_is_found(seed_report):
    standfirsts = {
        e.id: e.article.text[e.document.metadata.standfirst.start : e.document.metadata.standfirst.end]
        for e in seed_report.extractions
        if e.document.metadata.standfirst
    }
    assert list(standfirsts) == ["004_a8a757dc319d7ba6"]
    assert standfirsts["004_a8a757dc319d7ba6"].endswith("Lavrov replies")


def test_no_quote_or_claim_lies_in_furniture(seed_report):
    for e in seed_report.extractions:
        for item in (*e.quotes, *e.claims):
            assert not e.document.is_removed(item.start, item.end), item.text
