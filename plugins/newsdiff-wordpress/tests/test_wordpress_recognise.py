"""Recognising a WordPress page: sure signs alone, weaker ones in pairs, and nothing on ordinary news."""

from __future__ import annotations

import pytest
from wordpress_pages import BODY, POSTED, TITLE, full_page, page

from newsdiff import Article
from newsdiff_wordpress import PLATFORM, newsdiff_identify_outlet
from newsdiff_wordpress.furniture import recognise


def article(text: str) -> Article:
    return Article.from_text(text, id="wp")


def test_full_page_is_wordpress():
    assert newsdiff_identify_outlet(article(full_page())) == PLATFORM


@pytest.mark.parametrize(
    "sign",
    [
        "%d bloggers like this:",
        "12 bloggers like this:",
        "Proudly powered by WordPress",
        "Your email address will not be published. Required fields are marked *",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Like Loading...",
        "https://bayside.example/wp-content/uploads/2021/03/harbour.jpg",
    ],
)
def test_one_sure_sign_is_enough(sign):
    assert recognise(page(TITLE, BODY, sign))


@pytest.mark.parametrize(
    "first, second",
    [
        (POSTED, "Leave a Reply"),
        ("Share this:", "Like this:"),
        ("Filed under: Local News", "Leave a comment"),
        ("Check Also", "About harbourdesk"),
        ("3 thoughts on “Council approves new harbour wall”", "Tags: flooding, harbour"),
    ],
)
def test_two_different_weak_signs_are_enough(first, second):
    assert recognise(page(TITLE, first, BODY, second))


@pytest.mark.parametrize(
    "sign", [POSTED, "Leave a Reply", "Share this:", "Filed under: Local News", "Check Also", "About harbourdesk"]
)
def test_one_weak_sign_is_not_enough(sign):
    assert not recognise(page(TITLE, BODY, sign))


def test_the_same_weak_sign_twice_is_not_enough():
    assert not recognise(page(TITLE, BODY, "Leave a Reply", "Leave a comment"))


def test_ordinary_news_is_not_wordpress():
    text = page(
        TITLE,
        "By Maria Jones",
        BODY,
        "He said the wall would be finished next year. About time, residents replied.",
        "Copyright Bayside Media 2021",
    )
    assert newsdiff_identify_outlet(article(text)) is None


def test_signs_inside_long_prose_do_not_count():
    sentence = (
        "The blog's footer read %d bloggers like this: a template left unfilled, which the council's "
        "communications team said was an error in the software they had bought. " * 4
    )
    assert not recognise(page(TITLE, BODY, sentence))
