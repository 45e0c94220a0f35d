"""Comparing: the only stage that sees more than one article.  Each comparator is a plugin."""
