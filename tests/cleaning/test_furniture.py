"""Page furniture heuristics on text written for these tests (other outlets, other events)."""

from __future__ import annotations

import newsdiff

PM = newsdiff.get_plugin_manager(third_party=False)


def read(text: str) -> newsdiff.Document:
    return newsdiff.extract(newsdiff.Article.from_text(text, id="t"), pm=PM).document


def removed_lines(doc):
    return [(r.text, r.reason) for r in doc.removed]


STORY = """News > Local > Transport
Bridge to reopen after six months of repairs
By Jane Doe
Tuesday, March 3, 2020
The Elm Street bridge will reopen to traffic on Friday, the city said, after repairs costing $4.2 million.
Share on Facebook
Tweet
Engineers found cracks in two of the supports last September and closed the bridge as a precaution.
Workers on the Elm Street bridge last week. Photo: Sam Roe/Reuters
Repairs ahead of schedule
Council approves new bus lanes
Officials said the work had finished three weeks early because of the mild winter.
Traffic plans
Drivers should expect delays on the first two days as the lanes are repainted, the council added.
Related articles
City budget passes after late-night vote
Read more
© 2020 Example Gazette Ltd. All rights reserved.
"""


def test_general_furniture_in_an_unseen_layout():
    doc = read(STORY)
    reasons = dict(removed_lines(doc))
    assert reasons["News > Local > Transport"] == "navigation trail"
    assert "Share on Facebook" in reasons and "Tweet" in reasons
    assert reasons["Workers on the Elm Street bridge last week. Photo: Sam Roe/Reuters"].startswith("photo caption")
    assert "Repairs ahead of schedule" in reasons and "Council approves new bus lanes" in reasons  # two teasers in a row
    for tail in ("Related articles", "City budget passes after late-night vote", "Read more"):
        assert tail in reasons
    assert any("Example Gazette" in line for line, _ in removed_lines(doc))


def test_body_and_heading_are_kept_in_an_unseen_layout():
    doc = read(STORY)
    kept = [doc.text[p.start : p.end] for p in doc.paragraphs]
    for sentence in (
        "The Elm Street bridge will reopen",
        "Engineers found cracks",
        "Officials said the work",
        "Drivers should expect delays",
    ):
        assert any(k.startswith(sentence) for k in kept), sentence
    headings = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "heading"]
    assert headings == ["Traffic plans"]


def test_metadata_in_an_unseen_layout():
    doc = read(STORY)
    meta = doc.metadata
    assert meta.title == "Bridge to reopen after six months of repairs"
    assert meta.published == "2020-03-03"
    assert meta.byline == "Jane Doe"
    assert meta.outlet == "Example Gazette"


def test_unparseable_date_is_left_empty():
    doc = read("A title\nPosted on the 45th of Smarch\nThe story begins here and goes on for a while today.")
    assert doc.metadata.published is None


def test_input_fields_win_over_the_text():
    article = newsdiff.Article.from_dict(
        {"id": "x", "text": "Body sentence one is here.\n© 2001 Other Corp", "outlet": "Wire", "url": "https://www.example.org/a",
         "published": "2019-05-06T08:00:00Z"}
    )
    meta = newsdiff.extract(article, pm=PM).document.metadata
    assert (meta.outlet, meta.outlet_from, meta.published) == ("Wire", "input", "2019-05-06")
    article = newsdiff.Article.from_dict({"id": "y", "text": "Body sentence.", "url": "https://www.example.org/a"})
    assert newsdiff.extract(article, pm=PM).document.metadata.outlet == "example.org"


def test_when_unsure_keep():
    text = "Title of a story\n\nThe first paragraph of the story has a full sentence in it.\n\nA line without a stop at its end but many words in it that go on and on well past any teaser length\n\nThe last paragraph of the story also ends properly."
    doc = read(text)
    assert not doc.removed


def test_quote_running_over_paragraphs_is_linked():
    text = "Title\n\nShe said: “The first part of what I want to say runs on.\n\n“And here it ends,” she added.\n"
    doc = read(text)
    body = [p for p in doc.paragraphs if p.kind == "body"]
    assert body[0].quote_continues and not body[1].quote_continues


def test_a_quote_signed_with_a_dash_is_story_not_furniture():
    doc = read("Appeal\n\nThe court ruled against the union on Monday after a long hearing.\n\n“We will appeal this decision.” — Peter Lindqvist\n")
    assert not doc.removed
    assert doc.paragraphs[-1].kind == "body"
