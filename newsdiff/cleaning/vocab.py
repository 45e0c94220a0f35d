"""Word lists for reading articles, kept as data: sorted, with a reason where it is not obvious."""

from __future__ import annotations

#: Words after which a full stop does not end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset(
    """
    adm apr aug capt cmdr col corp dec del dept dr etc feb fig gen gov hon inc jan jr jul jun lt ltd maj
    mar messrs mr mrs ms mt no nov oct pres prof rep reps rev sen sens sep sept sgt sr st supt vs
    """.split()
)

#: Words that make up navigation and widget lines ("Categories Search", "Share on Facebook").  A short
#: line made only of these, plus connecting words, is page furniture.
WIDGET_WORDS = frozenset(
    """
    accept advertisement archive archives article categories category close comment comments compartir condividi
    contact cookies copy email embed enter facebook feed follow home instagram latest link linkedin links listen
    log login manage menu messenger more newsletter next notifications panel partager pinterest popular post
    posts preferences preview previous print reddit register reject reprints republish search sections settings share
    show sign skip sponsored subscribe tags teilen telegram topics trending tumblr tweet twitter video videos
    view watch whatsapp x youtube
    """.split()
)
# "compartir", "condividi", "partager", "teilen": the share button on Spanish, Italian, French, German pages.
#: Words allowed between widget words without making the line prose.
WIDGET_GLUE = frozenset("a all and in on or our page the this to up us via with your".split())

#: Whole lines that are page furniture wherever they stand (lower case, compared after trimming
#: punctuation and white space).  Each is a sign-off, a widget label or a list heading.
FURNITURE_LINES = frozenset(
    [
        "advertisement",
        "check also",  # heading of a list of other stories
        "comment report",
        "comments",
        "continue reading below",
        "disclaimer",
        "disclosure statement",
        "find out more",
        "have your say",
        "join the conversation",
        "key events",  # live blogs' menu of the main entries
        "leave a comment",
        "leave a reply",
        "leave a response",
        "like this",  # blogs' like button
        "loading",  # a widget's placeholder ("Loading...")
        "media playback is unsupported on your device",
        "more follows",  # wire services' sign-off of a developing story
        "originally published",  # a date label whose date is on the next line
        "published",
        "read more",
        "related",
        "report an error",
        "reuse this content",
        "related articles",
        "related stories",
        "share report",
        "share this",
        "share this article",
        "show key events only",
        "show source",
        "jump directly to the content",
        "order reprints",
        "see all newsletters",
        "skip to content",
        "skip to main content",
        "skip to the content",
        "sponsored content",
        "thanks for signing up",
        "supported by",  # a sponsor's label
        "story continues below",  # marks where an advertisement was cut out
        "story continues below advertisement",
        "updated",
        "video preview",
        "you may also like",
    ]
)

#: Lines that open a list of other stories: everything after them is furniture.
TRAILER_HEADINGS = frozenset(
    [
        "about the author",  # the writer's box: a name, a handle, a biography
        "about the writer",
        "check also",
        "explore more on these topics",
        "more from",
        "more on this story",
        "more on this topic",
        "more stories",
        "most popular",
        "most read",
        "read next",
        "recommended",
        "related",
        "related articles",
        "related internet links",
        "related stories",
        "related topics",
        "you may also like",
    ]
)

#: Field labels of widgets: "Rating: (0)", "Location: Show map".
WIDGET_LABELS = frozenset(
    ["filed under", "location", "our standards", "posted in", "rating", "share", "source", "tagged", "tags", "topics"]
)

#: Phrases that make a short line (a dozen words or fewer) a widget wherever they stand in it: players,
#: link hints and advertisement markers.
WIDGET_PHRASES = (
    "an error has occurred",  # a form's messages: sign-up, sharing, comments
    "continue reading the main story",
    "error processing your subscription",
    "keep an eye on your inbox",
    "something went wrong",
    "this article has been sent to",
    "is unsupported on your device",
    "opens in a new window",
    "opens in new window",
    "scroll to continue",
    "this feature is currently unavailable",
    "will open in a new window",
)

#: Labels that introduce a link to another story set inside the article ("READ MORE: Headline", "Related:
#: Headline").  A line that starts with one of these and a colon is a teaser, wherever it stands.
STORY_LINK_LABELS = (
    "also read",
    "don't miss",
    "listen",
    "more",
    "must read",
    "read also",
    "read more",
    "read next",
    "recommended",
    "related",
    "see also",
    "watch",
)

#: How lines of page furniture open that read like sentences: cookie and paywall banners, calls to sign up
#: or follow, and notices.  Matched at the start of a line of at most 40 words, wherever it stands.
CALL_TO_ACTION_OPENINGS = (
    "already a subscriber",
    "by clicking",  # "... you agree to our terms"
    "by continuing",
    "by signing up",
    "by subscribing",
    "already registered",
    "click here",
    "create a free account",
    "download our app",
    "download the app",
    "follow us on",
    "get in touch",
    "get our",
    "got a story",
    "join us on",
    "log in to continue",
    "please enable javascript",
    "please turn on javascript",
    "register to continue",
    "sign up for",
    "sign up to",
    "subscribe for",
    "subscribe now",
    "subscribe to",
    "this article is more than",  # "... 5 years old": an archive banner
    "this site uses cookies",
    "this website uses cookies",
    "to continue reading",
    "we use cookies",
    "you have reached your limit",
    "you have read",  # "... of your free articles"
    "you've reached your limit",
)

#: Phrases that make a short line speaking to the reader a call to action wherever they stand in it
#: ("Get the day's top stories in your inbox every weekday.").
CALL_TO_ACTION_PHRASES = ("in your inbox", "to your inbox", "your free newsletter")

#: Phrases of a site's legal and commercial notices: terms of use, reuse rights, affiliate links, ad
#: blockers, market data delays.  A line of at most 60 words that holds one is furniture wherever it stands.
SITE_NOTICE_PHRASES = (
    "adblocker",
    "ad blocker",
    "ad-blocker",
    "adblocking",
    "an affiliate commission",
    "constitutes acceptance of our",
    "for your personal, non-commercial use",
    "may not be reproduced, distributed",
    "quotes delayed at least",
    "rely on advertising to",
    "relies on advertising to",
    "content you upload or otherwise submit",
)

#: Bylines that name no one: a desk or a role, not a writer ("By Staff", "Posted by admin").
GENERIC_BYLINES = frozenset(
    ["admin", "agencies", "editor", "news desk", "newsdesk", "newsroom", "staff", "staff reporter", "staff writer", "web staff"]
)

#: How notes printed after the story open: credits of contributors and editors, how to reach the writer,
#: disclaimers and where the piece first ran.  Only lines at the end of the story are tried.
TAIL_NOTICE_OPENINGS = (
    "a version of this",
    "additional reporting by",
    "editing by",
    "reporting by",
    "the views expressed",
    "this article appears in",
    "this article first appeared",
    "this article is republished",
    "this article was originally",
    "this site is not responsible",
    "this story first appeared",
    "this story is republished",
    "this story was originally",
    "writing by",
)
#: Phrases that make a line at the end of the story a credit wherever they stand in it.
TAIL_NOTICE_PHRASES = (
    "contributed reporting",
    "contributed to this report",
    "contributed to this story",
    "is not responsible for the content of external",
)

#: Words naming a journalist's job: a short head line of a name and one of these is a byline
#: ("Anna Whitlock Rural affairs correspondent").
ROLE_WORDS = frozenset(
    """
    columnist commentator correspondent critic editor fellow journalist lecturer photographer producer
    professor reporter researcher writer
    """.split()
)

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
