"""What WordPress and its common add-ons (Jetpack, the default themes' templates) print around a post.

Every entry is compared with a line reduced by :func:`newsdiff_wordpress.lines.key`: lower case, the words
only, single spaces ("Leave a Reply Cancel reply" -> "leave a reply cancel reply").  Sorted within each list.
"""

from __future__ import annotations

#: Headings of the comment form under a post.  A whole line; the form's own labels may follow.
COMMENT_HEADINGS = frozenset(
    [
        "leave a comment",
        "leave a reply",
        "leave a reply cancel reply",  # the heading and its "Cancel reply" link, scraped onto one line
        "leave a response",  # older themes
        "leave comment",
        "post a comment",
        "submit a comment",
    ]
)

#: Sentences of WordPress core's default comment form: never written by a journalist as a line of its own.
COMMENT_FORM_BOILERPLATE = frozenset(
    [
        "comments are closed",
        "notify me of follow up comments by email",
        "notify me of new posts by email",
        "required fields are marked",
        "save my name email and website in this browser for the next time i comment",
        "this site uses akismet to reduce spam learn how your comment data is processed",
        "you must be logged in to post a comment",
        "your email address will not be published",
        "your email address will not be published required fields are marked",
    ]
)

#: The comment form's field labels and button.  Only furniture right after a comment heading or boilerplate
#: line: alone, "Name" or "Website" could be anything.
COMMENT_FORM_FIELDS = frozenset(["cancel reply", "comment", "email", "name", "post comment", "submit", "website"])

#: Jetpack's sharing buttons, as their labels come out of a scraped page.  Only furniture right after a
#: "Share this:" heading.
SHARE_SERVICES = frozenset(
    """
    bluesky email facebook linkedin mastodon more nextdoor pinterest pocket print reddit skype telegram
    threads tumblr tweet twitter whatsapp x
    """.split()
)

#: What Jetpack's like button leaves in the text after "Like this:" (the button's label and its spinner).
LIKE_BUTTON = frozenset(["like", "like loading", "loading"])

#: Headings of a list of other posts, printed after the post by themes and related-posts add-ons.
#: Everything after one, up to the next piece of furniture, is teasers of other posts.
RELATED_HEADINGS = frozenset(
    [
        "also read",
        "check also",  # a common news-theme heading
        "more stories",
        "popular posts",
        "read also",
        "recent posts",
        "related",  # Jetpack's related posts
        "related articles",
        "related news",
        "related posts",
        "related stories",
        "similar posts",
        "you may also like",
        "you might also like",
    ]
)

#: Labels of the category and tag line ("Filed under: World", "Tagged Russia, UK").
TAXONOMY_LABELS = (
    "categories",
    "category",
    "filed in",
    "filed under",
    "posted in",
    "tagged",
    "tagged as",
    "tagged with",
    "tags",
)

#: Headings of an author box that do not name the author ("About the Author").
ABOUT_AUTHOR_HEADINGS = frozenset(["about author", "about the author", "about the reporter", "about the writer"])

#: Lines of the page footer that name the platform outright.
POWERED_BY = frozenset(["powered by wordpress", "proudly powered by wordpress"])

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
