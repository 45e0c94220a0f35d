import json

import attrs
import pytest

from newsdiff import Article, Claim, Quote, Span, SpanError, Value
from newsdiff.models import Mention, check_span, first_line


def test_span_rejects_negative_and_reversed():
    with pytest.raises(SpanError):
        Span(-1, 3)
    with pytest.raises(SpanError):
        Span(5, 2)
    assert len(Span(2, 5)) == 3


def test_span_containment_and_overlap():
    outer, inner = Span(0, 10), Span(2, 4)
    assert inner in outer and outer not in inner
    assert Span(0, 5).overlaps(Span(4, 8)) and not Span(0, 4).overlaps(Span(4, 8))


def test_models_are_frozen():
    article = Article(id="a", text="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.text = "y"
    assert attrs.evolve(article, text="y").text == "y" and article.text == "x"


def test_article_from_text_takes_first_nonblank_line_as_title():
    article = Article.from_text("\n\n  A title here  \nBody text.", id="t")
    assert article.title == "A title here"
    assert article.title_in_text
    assert article.text.startswith("\n\n")  # the text itself is never changed


def test_article_from_dict_uses_id_and_fields():
    article = Article.from_dict({"id": 7, "text": "Body.", "title": " T ", "outlet": "", "published": "2017-12-22"})
    assert (article.id, article.title, article.outlet, article.published) == ("7", "T", None, "2017-12-22")
    with pytest.raises(ValueError):
        Article.from_dict({"title": "no text"}, id="x")
    with pytest.raises(TypeError):
        Article.from_dict(["not", "an", "object"], id="x")


def test_quote_at_checks_bounds_and_takes_text():
    text = "He said “hello” today."
    q = Quote.at(text, 9, 14, speaker="He")
    assert q.text == "hello"
    with pytest.raises(SpanError):
        Quote.at(text, 9, 99)


def test_check_span_catches_text_mismatch():
    with pytest.raises(SpanError):
        check_span(Mention(0, 3, "abc"), "xyz")
    check_span(Mention(0, 3, "xyz"), "xyz")


def test_claim_values_must_lie_inside_the_claim():
    text = "Sales rose 5 percent in 2017."
    Claim.at(text, 0, len(text), values=[Value("number", 11, 12, "5", "5")])
    with pytest.raises(SpanError):
        Claim(0, 5, "Sales", values=[Value("number", 11, 12, "5", "5")])


def test_quote_kind_is_validated():
    with pytest.raises(ValueError):
        Quote(0, 1, "x", kind="shout")


def test_first_line():
    assert first_line("   \n\n") is None
    text = "\n  Title  \nrest"
    span = first_line(text)
    assert text[span.start : span.end] == "Title"


def test_report_round_trips_through_json(seed_report):
    data = json.loads(seed_report.to_json())
    assert data == seed_report.to_dict()
    assert data["schema"] == "newsdiff/report@1"
