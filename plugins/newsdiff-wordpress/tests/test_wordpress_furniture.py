"""Each furniture rule, its offsets, and the rule that matters most: a paragraph of story is never removed."""

from __future__ import annotations

import pytest
from wordpress_pages import ABOUT, BODY, COMMENTS, LIKE, POSTED, RELATED, SHARE, TAIL, TITLE, full_page, page

from newsdiff import Article, Metadata, Removed
from newsdiff_wordpress import PLATFORM, newsdiff_find_furniture
from newsdiff_wordpress import furniture as rules


def find(text: str, outlet: str | None = None, **fields) -> list[Removed]:
    article = Article.from_text(text, id="wp", **fields)
    return list(newsdiff_find_furniture(article=article, outlet=outlet, metadata=Metadata()))


def removed_lines(text: str, **kwargs) -> dict[str, str]:
    return {r.text: r.reason for r in find(text, **kwargs)}


def test_every_span_reproduces_its_text():
    text = full_page()
    found = find(text)
    assert found
    for r in found:
        assert r.text == text[r.start : r.end]
        assert r.reason


def test_offsets_hold_with_windows_line_ends_and_indentation():
    text = page(TITLE, "  " + POSTED + "  ", BODY, ["\t" + line for line in TAIL], sep="\r\n\r\n")
    found = find(text)
    assert {r.text for r in found} == {line for line in TAIL} | {POSTED}
    for r in found:
        assert r.text == text[r.start : r.end]


def test_the_whole_tail_is_furniture_and_the_body_is_not():
    got = removed_lines(full_page())
    assert set(got) == set(TAIL) | {POSTED}
    for paragraph in BODY + [TITLE]:
        assert paragraph not in got


@pytest.mark.parametrize(
    "lines, reason",
    [
        (COMMENTS, rules.COMMENT_FORM),
        (["Leave A Response"], rules.COMMENT_FORM),
        (["Leave a comment"], rules.COMMENT_FORM),
        (["Leave a Reply Cancel reply"], rules.COMMENT_FORM),
        (["%d bloggers like this:"], rules.BLOGGERS),
        (["One blogger likes this."], rules.BLOGGERS),
        (SHARE, rules.SHARE),
        (LIKE, rules.LIKE),
        (["Proudly powered by WordPress"], rules.FOOTER),
    ],
)
def test_platform_sentences_are_removed_on_any_page(lines, reason):
    """These lines are only ever printed by the platform, so they go even on pages not recognised."""
    got = removed_lines(page(TITLE, BODY, lines))
    assert got == {line: reason for line in lines}


def test_a_sign_off_goes_even_when_the_page_is_not_recognised():
    text = page(TITLE, BODY, "Leave A Response")
    assert not rules.recognise(text)
    assert removed_lines(text) == {"Leave A Response": rules.COMMENT_FORM}


def test_post_meta_line():
    got = removed_lines(full_page())
    assert got[POSTED] == rules.POST_META


@pytest.mark.parametrize(
    "line",
    [
        "Filed under: Local News, Environment",
        "Tagged: flooding, harbour, council",
        "Tags: flooding",
        "Tagged flooding, harbour",
        "Posted in Local News | Tagged flooding, harbour | Leave a comment",
        "Categories: Local News",
    ],
)
def test_category_and_tag_lines(line):
    got = removed_lines(page(TITLE, POSTED, BODY, line, "Leave a Reply"))
    assert got.get(line) == rules.TAXONOMY


@pytest.mark.parametrize(
    "line",
    [
        "Tagged as a troublemaker by his teachers, he left school at fifteen and went to sea.",
        "Tagged as a troublemaker by his teachers and the harbour master",
        "Filed under the old rules, the application would have been refused outright.",
    ],
)
def test_sentences_that_begin_like_a_tag_line_are_kept(line):
    got = removed_lines(page(TITLE, POSTED, BODY[:2], line, BODY[2:], "Leave a Reply"))
    assert line not in got


def test_comment_count():
    line = "3 thoughts on “Council approves new harbour wall after winter storms”"
    got = removed_lines(page(TITLE, POSTED, BODY, line, "Leave a Reply"))
    assert got[line] == rules.COMMENT_COUNT


def test_related_list_with_teasers():
    got = removed_lines(page(TITLE, POSTED, BODY, RELATED, COMMENTS))
    assert {line: got.get(line) for line in RELATED} == {line: rules.RELATED for line in RELATED}


def test_jetpack_related_posts():
    related = ["Related", "Ferry timetable changes for the summer season", "March 1, 2021", "In \"Local News\""]
    got = removed_lines(page(TITLE, POSTED, BODY, "Share this:", "Twitter", related))
    assert {line: got.get(line) for line in related} == {line: rules.RELATED for line in related}


@pytest.mark.parametrize("heading", ["Related Posts", "You may also like", "Recent Posts"])
def test_related_list_at_the_very_end(heading):
    teasers = ["Ferry timetable changes for the summer season", "Lifeboat crew rescues two kayakers"]
    got = removed_lines(page(TITLE, POSTED, BODY, "Leave a comment", heading, teasers))
    assert {line: got.get(line) for line in [heading, *teasers]} == {line: rules.RELATED for line in [heading, *teasers]}


def test_a_related_heading_followed_by_story_is_kept():
    """A heading inside the story ("Related" as a section title) followed by prose is not a list."""
    text = page(TITLE, POSTED, BODY[:2], "Related", "Harbour history", BODY[2:], "Leave a Reply")
    got = removed_lines(text)
    assert "Related" not in got and "Harbour history" not in got
    assert all(paragraph not in got for paragraph in BODY)


def test_author_box_with_login_name():
    got = removed_lines(page(TITLE, POSTED, BODY, ABOUT, "Leave a Reply"))
    assert {line: got.get(line) for line in ABOUT} == {line: rules.ABOUT for line in ABOUT}


def test_author_box_named_after_the_byline():
    about = ["About Maria Jones", "Maria Jones is the Courier's local government reporter.", "View all posts by Maria Jones →"]
    text = page(TITLE, "Posted on March 4, 2021 by Maria Jones", BODY, about, "Leave a Reply")
    got = removed_lines(text)
    assert {line: got.get(line) for line in about} == {line: rules.ABOUT for line in about}


def test_about_the_author_heading():
    about = ["About the Author", "Maria Jones", "Maria covers local government and the harbour."]
    got = removed_lines(page(TITLE, POSTED, BODY, about, "Leave a Reply"))
    assert {line: got.get(line) for line in about} == {line: rules.ABOUT for line in about}


def test_an_about_heading_inside_the_story_is_kept():
    """"About Time" is a section heading with story under it, not an author box."""
    section = ["About Time", BODY[2], BODY[3]]
    text = page(TITLE, POSTED, BODY[:2], section, "Leave a Reply")
    got = removed_lines(text)
    assert all(line not in got for line in section)


def test_an_about_line_naming_someone_else_is_kept():
    section = ["About Maria Jones", "Maria Jones has lived on the seafront for forty years."]
    text = page(TITLE, "Posted on March 4, 2021 by harbourdesk", BODY, section, "Leave a Reply")
    got = removed_lines(text)
    assert all(line not in got for line in section)


@pytest.mark.parametrize(
    "lines",
    [[POSTED], ["Filed under: Local News"], ["About harbourdesk"], RELATED, ["3 thoughts on “Harbour wall”"]],
)
def test_platform_rules_wait_for_a_recognised_page(lines):
    """On a page that is not WordPress (one weak sign only), the platform-only rules do not fire."""
    text = page(TITLE, BODY, lines)
    assert not rules.recognise(text)
    assert find(text) == []


def test_the_outlet_argument_switches_platform_rules_on():
    """A site's own profile may have named the outlet; the plugin still runs when told it is WordPress."""
    text = page(TITLE, POSTED, BODY)
    assert removed_lines(text) == {}
    assert removed_lines(text, outlet=PLATFORM) == {POSTED: rules.POST_META}


def test_tricky_story_lines_are_never_removed():
    story = [
        "Posted on Twitter by the mayor on March 4, 2021, the video of the flooding was watched a million times.",
        "Share this: the council wants residents to pass on the flood warnings to their neighbours.",
        "Leave a reply, the sign on the flooded café said, and we will call you back when the water goes.",
        "Comment",
        "Twitter",
        "Like this: a slow, grey tide that came in over the wall and did not go out again for two days.",
        "About harbourdesk",
    ]
    text = page(TITLE, POSTED, BODY[:2], story, BODY[2:], TAIL)
    found = find(text)
    tail_starts = text.index(page(TAIL))
    story_spans = [(text.index(line), text.index(line) + len(line)) for line in story + BODY]
    assert all(end <= tail_starts for _, end in story_spans)
    for r in found:
        assert r.start >= tail_starts or r.text == POSTED, r
        assert not any(r.start < end and start < r.end for start, end in story_spans), r
