"""Fixtures for the renderers: hostile reports, a report of fifty articles, and one headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newsdiff
from newsdiff.models import (
    Article,
    Document,
    Evidence,
    Extraction,
    Finding,
    Metadata,
    Quote,
    QuoteCluster,
    Removed,
    Report,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

#: Payloads that would run script if they reached the page as markup; each sets ``window.__pwned``.
XSS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "</style><svg onload=window.__pwned=3>",
    "</script><script>window.__pwned=4</script>",
    '"><iframe src="javascript:window.parent.__pwned=5">',
    "<a href='javascript:window.__pwned=6'>click</a>",
    "</textarea><!-- \u2028 \u2029 & &amp; -->",
]
EVIL = " ".join(XSS)


def _article_text() -> str:
    return (
        f"Title {XSS[0]}\n\n"
        f"Share this {XSS[1]}\n\n"
        f"The minister said: “{XSS[3]} we will act {XSS[2]}” and left. {XSS[5]}\n\n"
        f"An aide said: “we will act {XSS[4]}” later. javascript:window.__pwned=7 {XSS[6]}\n"
    )


def hostile_report() -> Report:
    """A report written by hand in which every string an article controls carries a payload."""
    text = _article_text()
    extractions = []
    quote_ids = []
    for n, article_id in enumerate([f'a"><script>window.__pwned=8</script>{n}' for n in range(2)]):
        start = text.index("“") + 1
        end = text.index("”")
        if n == 1:
            start = text.index("“", end) + 1
            end = text.index("”", start)
        share = text.index("Share this")
        quote = Quote(start, end, text[start:end], speaker=EVIL, id=f"{article_id}#q1")
        quote_ids.append(quote.id)
        article = Article(id=article_id, text=text, title=EVIL, outlet=EVIL, url="javascript:window.__pwned=9")
        document = Document(
            article,
            metadata=Metadata(title=EVIL, outlet=EVIL, published=EVIL),
            removed=(Removed(share, text.index("\n", share), text[share : text.index("\n", share)], reason=EVIL),),
        )
        extractions.append(Extraction(document, quotes=(quote,)))
    cluster = QuoteCluster(members=quote_ids, relation="variant", speaker=EVIL, id="qc1")
    evidence = [Evidence(e.id, q.start, q.end, q.text) for e in extractions for q in e.quotes]
    finding = Finding(
        kind="quote_variant",
        summary=EVIL,
        evidence=evidence,
        details={
            "cluster": "qc1",
            "changes": [
                {"quote": quote_ids[1], "against": quote_ids[0], "change": EVIL, "diff": [["=", XSS[0]], ["-", XSS[1]], ["+", XSS[3]]]}
            ],
        },
        id="f1",
    )
    fact = Finding(kind="unique_fact", summary=EVIL, evidence=[evidence[0]], details={"x": EVIL}, id="f2<script>")
    return Report(extractions=extractions, quote_clusters=[cluster], findings=[finding, fact])


@pytest.fixture
def hostile() -> Report:
    return hostile_report()


@pytest.fixture
def hostile_pipeline_report(tmp_path) -> Report:
    """A hostile article read from JSON and run through the whole pipeline."""
    records = [
        {"id": f"evil{n}{XSS[0]}", "title": EVIL, "outlet": XSS[1], "url": "javascript:window.__pwned=10", "text": _article_text()}
        for n in range(2)
    ]
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    pm = newsdiff.get_plugin_manager(third_party=False)
    return newsdiff.compare(newsdiff.load(path, pm=pm), pm=pm)


@pytest.fixture(scope="session")
def fifty_report() -> Report:
    """Fifty articles: the five seeds ten times over, under different ids."""
    seeds = sorted(SEEDS.glob("*.txt"))
    articles = [
        Article.from_text(seeds[n % len(seeds)].read_text(encoding="utf-8"), id=f"copy{n:02d}_{seeds[n % len(seeds)].stem[:3]}")
        for n in range(50)
    ]
    pm = newsdiff.get_plugin_manager(third_party=False)
    return newsdiff.compare(articles, pm=pm)


# ---------------------------------------------------------------------------------------------------------
# Reading rendered HTML back


class PageParser(HTMLParser):
    """Collects what a test needs to know about a rendered page: tags, attributes, scripts, column texts."""

    VOID = {"meta", "input", "br", "img", "hr", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.columns: dict[str, str] = {}
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []
        self._column: str | None = None
        self._text_depth: int | None = None
        self._in_summary = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script, self._script_text = attrs, []
        if tag == "article" and "column" in (attrs.get("class") or ""):
            self._column = attrs.get("id")
            self.columns[self._column] = ""
        if tag == "div" and attrs.get("class") == "text" and self._column:
            self._text_depth = len(self._stack)
        if tag == "summary":
            self._in_summary += 1
        if tag not in self.VOID:
            self._stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None
        if tag == "summary":
            self._in_summary -= 1
        while self._stack:
            open_tag, _ = self._stack.pop()
            if self._text_depth is not None and len(self._stack) == self._text_depth:
                self._text_depth = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._script is not None:
            self._script_text.append(data)
        elif self._text_depth is not None and not self._in_summary and self._column:
            self.columns[self._column] += data


def parse_page(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


# ---------------------------------------------------------------------------------------------------------
# The browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing(what: str) -> None:
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{what}; the browser tests must run in CI (.ci/run installs chromium and playwright)")
    pytest.skip(f"{what}: browser tests skipped (apt-get install chromium && pip install playwright)")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for the whole session, driven by playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    executable = shutil.which("chromium")
    if not executable:
        _missing("chromium is not on PATH")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Watched:
    """A page with its console errors, uncaught exceptions, dialogs and network requests recorded."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.opened: set[str] = set()
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)

    def open(self, path: Path) -> None:
        self.opened.add(path.as_uri())
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def outside_requests(self) -> list[str]:
        """Every request but those for the pages the test opened."""
        return [url for url in self.requests if url not in self.opened]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, java_script_enabled=True)
    watched = Watched(context.new_page())
    yield watched
    context.close()
