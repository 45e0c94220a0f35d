"""Page furniture heuristics on text written for these tests (other outlets, other events)."""

from __future__ import annotations

import pytest

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


# The general rules added for layouts the seeds do not show: each one also keeps the story lines that look
# like its furniture.

PROSE = "The council said on Monday that the repairs would take at least another six weeks."


def kept_lines(doc):
    return [doc.text[p.start : p.end] for p in doc.paragraphs]


def test_a_list_heading_with_the_story_going_on_after_it_does_not_end_the_story():
    text = f"Title of the story\n{PROSE}\nRelated\nOther story headline here\nAnother story headline here\n" + f"{PROSE}\n" * 3
    doc = read(text)
    assert kept_lines(doc).count(PROSE) == 4
    assert {"Related", "Other story headline here", "Another story headline here"} <= {r.text for r in doc.removed}


def test_sentences_that_open_like_calls_to_action_are_story():
    story = "Sign up for the scheme opened on Monday, the council said in a statement."
    appeal = "Anyone with information is asked to call 101 or email tips@police.example."
    doc = read(f"Title of the story\n{PROSE}\n{story}\n{PROSE}\nSign up to our newsletter for the latest news\n{PROSE}\n{appeal}\n")
    assert story in kept_lines(doc) and appeal in kept_lines(doc)
    assert "Sign up to our newsletter for the latest news" in {r.text for r in doc.removed}


def test_notes_after_the_story_are_peeled_off_but_never_the_whole_story():
    doc = read(f"Title of the story\nBy Jo Bloggs\n{PROSE}\n{PROSE}\nJo Bloggs is our transport correspondent.\nReporting by Jo Bloggs; editing by Sam Roe.\n")
    assert kept_lines(doc)[1:] == [PROSE, PROSE]
    only = read("Title of the story\nThe views expressed by residents at the meeting were mixed, the mayor said.\n")
    assert not only.removed


def test_fact_box_rows_and_question_headings_are_story():
    text = f"Title of the story\n{PROSE}\nTHE SCHEME IN NUMBERS\nCost | £4 million\nHomes | 1,200\n{PROSE}\nWhat happens next?\n{PROSE}\n"
    doc = read(text)
    assert not doc.removed
    kinds = {doc.text[p.start : p.end]: p.kind for p in doc.paragraphs}
    assert kinds["THE SCHEME IN NUMBERS"] == kinds["What happens next?"] == "heading"
    assert kinds["Cost | £4 million"] == "body"


def test_numeric_dates_are_read_only_when_day_and_month_cannot_be_confused():
    assert read(f"Title of the story\n23/12/2017 11:42\n{PROSE}\n").metadata.published == "2017-12-23"
    assert read(f"Title of the story\n04/05/2017 11:42\n{PROSE}\n").metadata.published is None


def test_a_date_inside_the_first_sentence_is_not_a_dateline():
    first = "On March 3, 2020, the council voted to close the bridge."
    doc = read(f"Title of the story\n{first}\n{PROSE}\n")
    assert first in kept_lines(doc) and doc.metadata.published is None


def test_wire_dateline_names_the_agency_when_nothing_else_does():
    doc = read(f"Title of the story\nPARIS, March 3 (AFP) - {PROSE}\n{PROSE}\n")
    assert (doc.metadata.outlet, doc.metadata.outlet_from) == ("AFP", "dateline")
    assert read(f"Title of the story\nWASHINGTON — {PROSE}\n").metadata.outlet is None


def test_a_pull_quote_repeats_the_story():
    quote = "we will not close a single library while I am in charge"
    pulled = f"“W{quote[1:]}”"
    text = f"Title of the story\n{PROSE}\nThe mayor said: “I promise that {quote}.”\n{pulled}\n{PROSE}\n“A different quotation that appears only once in the story”\n{PROSE}\n"
    doc = read(text)
    assert [r.text for r in doc.removed] == [pulled]


STORY_LINES_THAT_LOOK_LIKE_FURNITURE = [
    "Follow the money, he said, and you will find the answer.",
    "Sign up for the scheme opened on Monday, the council said.",
    "More than 200 people attended the meeting on Thursday evening in the town hall.",
    "Updated guidance published on 3 March 2020 said schools should close.",
    "Credit card debt rose by 8% last year, according to the central bank.",
    "Published in the journal Nature, the study found that the ice was thinning faster.",
    "Close to 3,000 people signed the petition within a day.",
    "Share prices fell 3%.",
    "Subscribe to their channel, the lawyer urged followers, and they did.",
    "By continuing the strike, the union risks losing public support, analysts said.",
    "Contact tracing has been expanded, the minister said.",
    "He declined to comment.",
    "Anyone with information should call 101 or email tips@police.example.",
    "Reporting by the BBC suggested the talks had stalled.",
]


@pytest.mark.parametrize("line", STORY_LINES_THAT_LOOK_LIKE_FURNITURE)
def test_story_lines_that_look_like_furniture_are_kept(line):
    for text in (f"Title of the story\n{PROSE}\n{line}\n{PROSE}\n", f"Title of the story\n{PROSE}\n{PROSE}\n{line}\n"):
        assert not read(text).removed, line


@pytest.mark.parametrize(
    "line",
    [
        "Media playback is unsupported on your device",
        "Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn",
        "These are external links and will open in a new window",
        "Close share panel",
        "(AP Photo/Evan Vucci)",
        "Image copyright Getty Images Image caption The minister met her counterpart in Moscow",
        "Credit...Doug Mills",
        "Follow Jill Lawless on Twitter at https://example.org/jill",
        "Continue reading the main story",
        "Advertisement - Scroll to Continue",
        "Last modified on Fri 22 Dec 2017 17.46 GMT",
        "Supported by",
        "Tagged: Russia, UK, Brexit",
    ],
)
def test_single_furniture_lines_between_paragraphs_are_removed_whole(line):
    doc = read(f"Title of the story\n{PROSE}\n{line}\n{PROSE}\n")
    assert [r.text for r in doc.removed] == [line]


# Where the story ends: at a block of furniture after which prose is not set as a story.

P2 = "Residents of the estate said they had waited more than a year for the work to begin."
P3 = "A spokesperson for the housing association said the contractor had been paid in full."


def test_prose_after_a_block_of_furniture_is_not_story_unless_set_as_one():
    comments = (
        "Share this:\nFacebook\nTwitter\n"
        "Comments (2)\nmarlow_fan says:\n4.32pm\nThe council has been saying this for years and nothing ever changes here.\n"
        "Share on Facebook\nReport\nbeekeeper9 says:\n5.01pm\nAt least somebody is finally listening to the people who live there.\n"
    )
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{P3}\n{comments}")
    assert kept_lines(doc)[1:] == [PROSE, P2, P3]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["At least somebody is finally listening to the people who live there."].startswith("text after the end")
    # Two lines of prose in a row after the block: the story goes on (an advertisement set between paragraphs).
    doc = read(f"Title of the story\n{PROSE}\n{P2}\nAdvertisement\nStory continues below\n{P3}\n{PROSE}\nShort closing line here.\n")
    assert kept_lines(doc)[1:] == [PROSE, P2, P3, PROSE, "Short closing line here."]


def test_a_list_that_ends_the_story_is_kept_up_to_the_furniture():
    text = f"Title of the story\n{PROSE}\n{P2}\nThe remaining dates of the tour are these:\nJune 9 -- City Hall, Easton\nJune 12 -- The Arena, Weston\nShare this:\nFacebook\nAbout us\n"
    doc = read(text)
    assert kept_lines(doc)[-2:] == ["June 9 -- City Hall, Easton", "June 12 -- The Arena, Weston"]
    assert "About us" in {r.text for r in doc.removed}


@pytest.mark.parametrize(
    "lines",
    [
        # an embedded post: its text and its signature
        ["The ferry is late again and nobody has told us why. https://t.example/x1", "— Mara Ellis (@maraellis) May 2, 2021"],
        # an interview set as questions and answers
        ["Q: Favourite place to walk?", "A: The cliff path above Hollin Bay", "Q: Last book you read?", "A: A history of lighthouses"],
        # a table set one cell a line
        ["Ticker", "Last", "Change", "KLMN", "41.20", "-0.35", "-0.84%"],
        # a heading, then the line that introduces a list
        ["What could go wrong", "We see three risks to the success of the plan:"],
    ],
)
def test_lines_in_a_row_that_are_story_not_teasers(lines):
    body = "\n".join(lines)
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{body}\n{P3}\n{PROSE}\n")
    assert kept_lines(doc)[1:] == [PROSE, P2, *lines, P3, PROSE]


def test_a_story_ending_with_an_embedded_post_keeps_it():
    post = ["Proud of every volunteer who turned out in the rain today", "— Harbour Rowing Club (@harbourrow) June 3, 2020"]
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{P3}\n" + "\n".join(post) + "\nShare on Facebook\nShare on Twitter\nAbout us\n")
    assert kept_lines(doc)[-2:] == post


def test_a_rule_between_sections_is_kept():
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n___\n{P3}\n{PROSE}\n")
    assert "___" in kept_lines(doc)


def test_a_comment_thread_ends_the_story():
    thread = (
        "12 responses to “Bridge to reopen”\n"
        "harbourwatcher says:\nMarch 3, 2020 at 6:34 pm\nAbout time too, the detour has added twenty minutes to every trip I make.\n"
        "K. Osei says:\nMarch 3, 2020 at 7:02 pm\nI will believe it when I see the first car cross it, and not a day before that.\n"
    )
    doc = read(f"Title of the story\nTuesday, March 3, 2020\n{PROSE}\n{P2}\n{P3}\n{thread}")
    assert kept_lines(doc)[1:] == [PROSE, P2, P3]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["harbourwatcher says:"].startswith("comment thread")
    assert reasons["March 3, 2020 at 6:34 pm"] == "timestamp or reading time"
    # A name with "says:" and no time beside it introduces a quotation in the story.
    doc = read(f"Title of the story\n{PROSE}\nThe head teacher says:\n“We have waited long enough for this bridge to be mended.”\n{P2}\n")
    assert "The head teacher says:" in kept_lines(doc)


def test_a_template_leftover_is_furniture_wherever_it_stands():
    doc = read(f"Title of the story\n{PROSE}\nWelcome back, {{* welcomeName *}}\n{P2}\n{P3}\n")
    assert {r.text: r.reason for r in doc.removed}["Welcome back, {* welcomeName *}"].startswith("template leftover")


@pytest.mark.parametrize(
    "line, reason",
    [
        ("This copy is for your personal, non-commercial use only.", "site notice"),
        ("The Valley Courier may earn an affiliate commission if you buy through links on this page.", "site notice"),
        ("We rely on advertising to fund our reporting. Please turn off your ad blocker.", "site notice"),
        ("https://www.valleycourier.example/news/bridge-to-reopen-4411.html", "web address"),
        ("Thanks for signing up!", "widget"),
        ("There was an error processing your subscription.", "widget"),
    ],
)
def test_site_notices_and_form_messages_are_furniture_wherever_they_stand(line, reason):
    doc = read(f"Title of the story\n{PROSE}\n{line}\n{P2}\n{P3}\n")
    assert {r.text: r.reason for r in doc.removed}[line].startswith(reason)


def test_a_sentence_closed_by_an_emoji_is_prose_and_a_table_can_end_the_story():
    table = ["Tickets", "Stalls : 40.00", "Circle : 30.00", "Box office", "01632 960 123"]
    text = f"Title of the story\n{PROSE}\n{P2}\nWe hope to see you at the show! 🙂\n" + "\n".join(table) + "\nShare on Facebook\nShare on Twitter\nAbout us\n"
    doc = read(text)
    assert kept_lines(doc)[1:] == [PROSE, P2, "We hope to see you at the show! 🙂", *table]


def test_an_extracted_article_keeps_lines_judged_by_position_alone():
    """An extractor (the HTML reader) already took the article out of its page: headline-like lines before
    the first sentence, after the last one or in a row between paragraphs are kept; widgets still go."""
    text = f"Title of the story\nA short kicker line\n{PROSE}\nA heading here\nAnd a second one\n{P2}\nShare on Facebook\n{P3}\nA closing label\n"
    plain = read(text)
    article = newsdiff.Article.from_text(text, id="t", extracted=True)
    extracted = newsdiff.extract(article, pm=PM).document
    assert "A heading here" not in kept_lines(plain)
    assert kept_lines(extracted)[1:] == ["A short kicker line", PROSE, "A heading here", "And a second one", P2, P3, "A closing label"]


def test_a_short_sentence_under_a_one_word_title_does_not_take_its_place():
    # A one-word first line gives way as a section label only to a headline, never to a line of story.
    doc = read("Retort\n\n“Never again,” Mayor Ilse Varga shot back.\n")
    assert doc.metadata.title == "Retort"
    assert [p.kind for p in doc.paragraphs] == ["title", "body"]
    labelled = read("Opinion\n\nWhy the harbour tunnel will never pay for itself\n\nThe council voted on Monday to fund it.\n")
    assert labelled.metadata.title == "Why the harbour tunnel will never pay for itself"


def test_a_long_run_of_prose_after_scattered_furniture_is_still_story():
    """Furniture scattered through a story (a sign-up box and a caption, then one paragraph, then share
    buttons) does not end it when a long run of prose follows."""
    more = [f"{PROSE[:-1]}, the official added in paragraph {k}." for k in range(6)]
    text = (
        f"Title of the story\n{PROSE}\n{P2}\nSign up for our newsletter\nThe bridge on Monday. Photo: Sam Roe/Reuters\n"
        f"{P3}\nShare on Facebook\nShare on Twitter\n" + "\n".join(more) + "\n"
    )
    doc = read(text)
    assert kept_lines(doc)[1:] == [PROSE, P2, P3, *more]


def test_a_teaser_with_its_dateline_in_capitals_is_a_link_to_another_story():
    line = "Ferry operator fined over late sailings PORTHAVEN: The operator of the island ferry was fined on Tuesday."
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{P3}\n{line}\n")
    assert {r.text: r.reason for r in doc.removed}[line] == "link to another story"
    dateline = "PORTHAVEN: The operator of the island ferry was fined on Tuesday after a year of late sailings."
    assert dateline in kept_lines(read(f"Title of the story\n{dateline}\n{PROSE}\n{P2}\n"))


@pytest.mark.parametrize("line", ["Courtesy of Andrew Vale", "Photo courtesy Harbour Trust", "« Previous Post Next Post »", "Disclaimer"])
def test_short_credits_and_post_navigation_are_furniture(line):
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{line}\n{P3}\n{PROSE}\n")
    assert line not in kept_lines(doc)


def test_a_sentence_that_opens_with_courtesy_of_is_story():
    story = "Courtesy of Andrew Vale, the harbour trust has a new boat for the summer, the chairman said."
    assert story in kept_lines(read(f"Title of the story\n{PROSE}\n{story}\n{P2}\n"))


def test_a_writers_box_and_biography_after_the_story_are_furniture():
    bio = "Jo Reyes (jo@valleycourier.example) is the editor and publisher of the Valley Courier."
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{P3}\n{bio}\n")
    assert kept_lines(doc)[1:] == [PROSE, P2, P3]
    box = "About the Author\nJo Reyes\nJo covers transport for the Valley Courier and hosts its weekly podcast.\n"
    doc = read(f"Title of the story\n{PROSE}\n{P2}\n{P3}\n{box}")
    assert kept_lines(doc)[1:] == [PROSE, P2, P3]
    # A story that opens with someone's job is story.
    opening = "Maria Lopez is a former reporter who was arrested on Monday outside the court, police said."
    assert opening in kept_lines(read(f"Title of the story\n{opening}\n{PROSE}\n{P2}\n"))


def test_a_copyright_notice_with_words_before_its_mark_goes_whole():
    doc = read(f"Title of the story\n{PROSE}\n{P2}\nAll contents © 2024 Valley Courier Ltd. All rights reserved.\n")
    assert kept_lines(doc)[1:] == [PROSE, P2]
    doc = read(f"Title of the story\n{PROSE}\nThe vote passed. © 2024 Valley Courier Ltd.\n")
    assert "The vote passed." in [doc.text[p.start : p.end].strip() for p in doc.paragraphs]
