"""The post-meta line read as metadata: the date and author only, and only on WordPress pages."""

from __future__ import annotations

import pytest
from wordpress_pages import BODY, POSTED, TITLE, full_page, page

from newsdiff import Article, Metadata
from newsdiff_wordpress import newsdiff_find_metadata
from newsdiff_wordpress.postmeta import PostMeta, parse


@pytest.mark.parametrize(
    "line, published, byline",
    [
        ("Posted on Dec 23 2017 - 9:58am by admin", "2017-12-23", "admin"),
        ("Posted on March 4, 2021 by Maria Jones in Local News", "2021-03-04", "Maria Jones"),
        ("Posted by Maria Jones on 4 March 2021", "2021-03-04", "Maria Jones"),
        ("Posted on Thursday, March 4, 2021 at 10:12 AM GMT by Anna de Souza | 3 Comments", "2021-03-04", "Anna de Souza"),
        ("Posted on March 4, 2021March 5, 2021 by harbourdesk", "2021-03-04", "harbourdesk"),  # published, then updated
        ("Posted on March 4, 2021 by harbourdesk — Leave a comment", "2021-03-04", "harbourdesk"),
        ("Published on 2021-03-04", "2021-03-04", None),
        ("Posted by Maria Jones", None, "Maria Jones"),
        ("March 4, 2021 by harbourdesk", "2021-03-04", "harbourdesk"),
        ("Posted on February 30, 2021 by harbourdesk", None, "harbourdesk"),  # no such day: left empty
        ("Posted on Auguﬆ 4, 2021 by harbourdesk", "2021-08-04", "harbourdesk"),  # a ligature in the month
    ],
)
def test_post_meta_shapes(line, published, byline):
    assert parse(line) == PostMeta(published, byline)


@pytest.mark.parametrize(
    "line",
    [
        "Posted on Twitter by the mayor on March 4, 2021, the video was watched a million times.",
        "Posted on the noticeboard by the harbour master",
        "Published by the council on Thursday",
        "Posted by",
        "March 4, 2021",
    ],
)
def test_other_lines_are_not_post_meta(line):
    assert parse(line) is None


def test_metadata_has_only_date_and_byline():
    article = Article.from_text(full_page(), id="wp")
    assert newsdiff_find_metadata(article=article, outlet=None) == Metadata(published="2021-03-04", byline="harbourdesk")


def test_no_metadata_on_a_page_not_recognised():
    article = Article.from_text(page(TITLE, POSTED, BODY), id="plain")
    assert newsdiff_find_metadata(article=article, outlet=None) is None
    assert newsdiff_find_metadata(article=article, outlet="wordpress") == Metadata(published="2021-03-04", byline="harbourdesk")


def test_fields_the_input_declared_are_left_to_it():
    article = Article.from_text(full_page(), id="wp", byline="Maria Jones")
    assert newsdiff_find_metadata(article=article, outlet=None) == Metadata(published="2021-03-04")
    article = Article.from_text(full_page(), id="wp", byline="Maria Jones", published="2021-03-03")
    assert newsdiff_find_metadata(article=article, outlet=None) is None
