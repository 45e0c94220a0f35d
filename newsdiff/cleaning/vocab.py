"""Word lists for reading articles, kept as data: sorted, with a reason where it is not obvious."""

from __future__ import annotations

#: Words after which a full stop does not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    """
    adm apr aug capt cmdr col corp dec dept dr etc feb fig gen gov hon inc jan jr jul jun lt ltd maj mar
    messrs mr mrs ms mt no nov oct pres prof rep reps rev sen sens sep sept sgt sr st supt vs
    """.split()
)

#: Words that make up navigation and widget lines ("Categories Search", "Share on Facebook").  A short
#: line made only of these, plus connecting words, is page furniture.
WIDGET_WORDS = frozenset(
    """
    advertisement archive archives categories category comment comments contact copy email embed facebook
    feed follow home instagram latest link linkedin log login menu more newsletter next pinterest
    popular preview previous print reddit register search share sign skip sponsored subscribe tags
    trending tumblr tweet twitter video watch whatsapp x youtube
    """.split()
)
#: Words allowed between widget words without making the line prose.
WIDGET_GLUE = frozenset("a and in on or our the this to up us via with".split())

#: Whole lines that are page furniture wherever they stand (lower case, compared after trimming
#: punctuation and white space).  Each is a sign-off, a widget label or a list heading.
FURNITURE_LINES = frozenset(
    [
        "advertisement",
        "check also",  # heading of a list of other stories
        "comment report",
        "comments",
        "leave a comment",
        "leave a reply",
        "leave a response",
        "more follows",  # wire services' sign-off of a developing story
        "read more",
        "related",
        "related articles",
        "related stories",
        "share report",
        "share this",
        "share this article",
        "show source",
        "sponsored content",
        "video preview",
        "you may also like",
    ]
)

#: Lines that open a list of other stories: everything after them is furniture.
TRAILER_HEADINGS = frozenset(
    [
        "check also",
        "more from",
        "more stories",
        "most popular",
        "most read",
        "read next",
        "recommended",
        "related",
        "related articles",
        "related stories",
        "you may also like",
    ]
)

#: Field labels of widgets: "Rating: (0)", "Location: Show map".
WIDGET_LABELS = frozenset(["filed under", "location", "posted in", "rating", "share", "source", "tags", "topics"])

#: Words that introduce a photo credit inside a caption line.
CREDIT_WORDS = ("Credit:", "Image:", "Photo:", "Photograph:", "Pic:", "Picture:", "Source:")
#: Agencies that are named at the end of captions ("Photo: AFP/Getty Images").
PICTURE_AGENCIES = ("AFP", "AP Photo", "EPA", "Getty Images", "PA Images", "PA Wire", "Reuters", "Shutterstock")

#: Company-form suffixes dropped from an outlet's name ("The Financial Times Limited").
COMPANY_SUFFIXES = ("Co", "Company", "Corp", "Group", "Inc", "LLC", "Limited", "Ltd", "plc", "PLC")

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
