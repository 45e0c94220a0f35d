"""Invented news: a few events, each told by several invented outlets, with quotes that agree or differ,
and a quotation one person repeats in a later story.  No real article's text."""

from __future__ import annotations

import json
from pathlib import Path

EVENTS = [
    {
        "slug": "bridge",
        "place": "Varnholt",
        "who": "Mayor Ilse Brandqvist",
        "surname": "Brandqvist",
        "what": "the Kessick river bridge closed after inspectors found cracks in two steel girders",
        "number": "14",
        "quote": "We will not reopen the Kessick bridge until every girder has been replaced and tested",
        "variant": "We will not reopen the bridge until every girder has been replaced",
        "date": "2031-03-04",
    },
    {
        "slug": "orchard",
        "place": "Pellmoor",
        "who": "Farmer Odo Quintrell",
        "surname": "Quintrell",
        "what": "a hailstorm flattened the Pellmoor cider orchards days before the spring blossom",
        "number": "300",
        "quote": "Three generations of apple trees were stripped bare in twenty minutes of hail",
        "variant": "Three generations of trees were stripped bare in twenty minutes",
        "date": "2031-04-11",
    },
    {
        "slug": "chess",
        "place": "Dunmarrow",
        "who": "Grandmaster Tova Lindqvaert",
        "surname": "Lindqvaert",
        "what": "the Dunmarrow chess open ended in a tie-break after a record ninety-move final game",
        "number": "90",
        "quote": "I have never played a final that lasted ninety moves and I hope never to again",
        "variant": "I have never played a final that long and hope never to again",
        "date": "2031-05-20",
    },
    {
        "slug": "ferry",
        "place": "Skellaway",
        "who": "Captain Rhun Abernathey",
        "surname": "Abernathey",
        "what": "the Skellaway island ferry ran aground on a sandbank in thick fog with passengers aboard",
        "number": "212",
        "quote": "The fog came down so quickly that the radar showed nothing but the sandbank ahead",
        "variant": "The fog came down so quickly that radar showed only the sandbank",
        "date": "2031-06-02",
    },
]
OUTLETS = ["The Varn Courier", "Northfold Gazette", "Kessick Daily"]


def article(event: dict, outlet_no: int, *, id_prefix: str = "") -> dict:
    e = event
    said = e["quote"] if outlet_no != 1 else e["variant"]
    number = e["number"] if outlet_no != 2 else str(int(e["number"]) + 1)
    text = (
        f"{e['place'].upper()} — {e['what'].capitalize()}, officials in {e['place']} said on Tuesday.\n\n"
        f"\"{said},\" {e['who']} said at a briefing in {e['place']}.\n\n"
        f"Officials said {number} people in {e['place']} were affected, and {e['surname']} promised an inquiry.\n\n"
        f"{e['surname']} added that a report on the {e['slug']} would be published within a month.\n"
    )
    return {
        "id": f"{id_prefix}{e['slug']}-{outlet_no}",
        "title": f"{e['place']}: {e['what'][:40]}",
        "outlet": OUTLETS[outlet_no],
        "published": e["date"],
        "url": f"https://news.invalid/{outlet_no}/{e['slug']}",
        "text": text,
    }


def repeat_article() -> dict:
    """A later story in which one event's speaker repeats her quotation word for word."""
    e = EVENTS[0]
    text = (
        f"LOWFORD — A council meeting in Lowford about road budgets heard from a visiting speaker on Friday.\n\n"
        f"\"{e['quote']},\" a visiting official told the Lowford roads committee.\n\n"
        f"The committee voted to set aside money for footpath repairs next year.\n\n"
        "Councillor Mabry Ostwick said the Lowford footpaths along Tanner Lane and Wicklow Rise had gone "
        "unrepaired for eleven winters, and that pensioners complained about potholes every fortnight.\n\n"
        "The roads budget for Lowford rises to 2.4 million crowns, with resurfacing of Tanner Lane first, "
        "followed by drainage works at Wicklow Rise and new streetlights near the Lowford library.\n\n"
        "Residents of Harrowgate Close asked for a pedestrian crossing outside the primary school, where "
        "delivery lorries speed towards the Lowford market square each morning.\n\n"
        "The treasurer, Pim Oakenfold, warned that winter gritting costs had doubled since the depot at "
        "Saltmarsh Yard closed, and proposed sharing salt lorries with neighbouring parishes.\n"
    )
    return {"id": "lowford-council", "title": "Lowford roads <committee> & budget", "outlet": "<b>Lowford</b> & Co", "published": "2031-07-01", "text": text}


def write_corpus(folder: Path, *, bad: bool = True) -> Path:
    """Invented articles as a folder: a JSON-lines file (with one bad line), .txt files and a JSON file."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [article(e, k) for e in EVENTS[:3] for k in range(3)]
    lines = [json.dumps(r) for r in records]
    if bad:
        lines.insert(4, "{not json")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k in range(3):
        r = article(EVENTS[3], k)
        (folder / f"ferry-{k}.txt").write_text(r["title"] + "\n\n" + r["text"], encoding="utf-8")
    (folder / "later.json").write_text(json.dumps(repeat_article()), encoding="utf-8")
    return folder


def many(n_copies: int) -> list[dict]:
    """``n_copies`` renamed copies of every event's articles (same texts, other ids)."""
    return [article(e, k, id_prefix=f"c{c}-") for c in range(n_copies) for e in EVENTS for k in range(3)]
