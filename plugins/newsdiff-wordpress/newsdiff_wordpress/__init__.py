"""newsdiff outlet profile for news blogs run on WordPress.

Install it next to newsdiff and it is found through the ``newsdiff`` entry-point group; nothing else to
configure.  It implements three hooks:

``newsdiff_identify_outlet``
    ``"wordpress"`` when the page shows the platform's furniture (see :func:`furniture.recognise`).
``newsdiff_find_metadata``
    the publication date and author from the post-meta line ("Posted on Dec 23 2017 - 9:58am by admin").
``newsdiff_find_furniture``
    the comment form, Jetpack's like and share widgets, the post-meta line, the category and tag line,
    lists of other posts and the author box, each with its reason.

Another plugin may have named the outlet first (``newsdiff_identify_outlet`` stops at the first answer,
and a site's own profile would rather say "The Daily Blog" than "wordpress"), so the metadata and furniture
hooks also look at the page themselves instead of trusting the ``outlet`` argument alone.
"""

from __future__ import annotations

from newsdiff import Article, Metadata, Removed, hookimpl

from . import furniture
from .furniture import PLATFORM

__version__ = "0.1.0"
__all__ = ["PLATFORM", "newsdiff_find_furniture", "newsdiff_find_metadata", "newsdiff_identify_outlet"]


def _is_wordpress(article: Article, outlet: str | None) -> bool:
    return outlet == PLATFORM or furniture.recognise(article.text)


@hookimpl
def newsdiff_identify_outlet(article: Article) -> str | None:
    return PLATFORM if furniture.recognise(article.text) else None


@hookimpl
def newsdiff_find_metadata(article: Article, outlet: str | None) -> Metadata | None:
    if not _is_wordpress(article, outlet):
        return None
    found = furniture.post_meta(article.text)
    if found is None:
        return None
    # What the input declared (a JSON record's fields) wins over what the page prints: leave those to it.
    published = None if article.published else found.published
    byline = None if article.byline else found.byline
    if published is None and byline is None:
        return None
    return Metadata(published=published, byline=byline)


@hookimpl
def newsdiff_find_furniture(article: Article, outlet: str | None, metadata: Metadata) -> list[Removed]:
    return furniture.find(article, metadata, recognised=_is_wordpress(article, outlet))
