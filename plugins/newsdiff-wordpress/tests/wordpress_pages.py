"""Pages for the tests, written for them: a made-up story on a made-up WordPress news blog."""

from __future__ import annotations

TITLE = "Council approves new harbour wall after winter storms"
POSTED = "Posted on March 4, 2021 - 10:12am by harbourdesk"

BODY = [
    "The town council voted on Thursday to build a new harbour wall, three months after winter storms "
    "flooded dozens of homes along the seafront.",
    "“We cannot ask people to live with this risk for another winter,” said councillor Maria Jones, who "
    "chairs the planning committee.",
    "The wall will cost about £4.2 million and is due to be finished by the end of next year, according to "
    "the council’s engineers.",
    "Residents who spoke at the meeting said they welcomed the decision but wanted the work to start "
    "before the autumn.",
]

SHARE = ["Share this:", "Twitter", "Facebook", "Click to share on WhatsApp (Opens in new window)"]
LIKE = ["Like this:", "Like Loading..."]
TAXONOMY = ["Filed under: Local News, Environment", "Tagged: flooding, harbour, council"]
ABOUT = ["About harbourdesk", "harbourdesk covers the town council and the seafront for the Bayside Courier."]
RELATED = [
    "Check Also",
    "Ferry timetable changes for the summer season",
    "The ferry company has announced new sailing times for the summer, with extra crossings on …",
]
COMMENTS = [
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment",
    "Name *",
    "Email *",
    "Website",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Post Comment",
]
BLOGGERS = ["%d bloggers like this:"]

TAIL = SHARE + LIKE + TAXONOMY + ABOUT + RELATED + COMMENTS + BLOGGERS


def page(*blocks: list[str] | str, sep: str = "\n\n") -> str:
    """Lines joined as a scraped page is: blank lines between them."""
    out: list[str] = []
    for block in blocks:
        out.extend([block] if isinstance(block, str) else block)
    return sep.join(out)


def full_page() -> str:
    return page(TITLE, POSTED, BODY, TAIL)
