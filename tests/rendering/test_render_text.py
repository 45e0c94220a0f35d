"""The terminal report: fits the width, colour only when asked, no terminal control from articles."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from newsdiff.models import Article, Document, Extraction, Report
from newsdiff.rendering.text import RESET, STYLES, printable, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [40, 60, 80, 132])
def test_every_line_fits_the_width(seed_report, fifty_report, width):
    for report in (seed_report, fifty_report):
        for color in (False, True):
            out = render_text(report, width=width, color=color)
            long = [line for line in out.splitlines() if len(ANSI.sub("", line)) > width]
            assert long == []


def test_colour_only_when_asked(seed_report):
    plain = render_text(seed_report, color=False)
    coloured = render_text(seed_report, color=True)
    assert "\x1b" not in plain
    assert STYLES["head"] in coloured and RESET in coloured
    # Colour changes the look, not the words.
    def words(text: str) -> list[str]:
        for marker in ("[-", "-]", "{+", "+}"):
            text = text.replace(marker, "")
        return ANSI.sub("", text).split()

    assert words(coloured) == words(plain)


def test_word_diffs_marked_without_colour_and_coloured_with(seed_report):
    plain = render_text(seed_report, color=False)
    coloured = render_text(seed_report, color=True)
    steps = [s for f in seed_report.findings if f.kind == "quote_variant" for c in f.details.get("changes", ()) for s in c["diff"]]
    if any(op == "-" for op, _ in steps):
        assert "[-" in plain and STYLES["del"] in coloured
    if any(op == "+" for op, _ in steps):
        assert "{+" in plain and STYLES["ins"] in coloured


def test_command_line_output_to_a_pipe_has_no_colour(seeds_dir):
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "compare", str(seeds_dir), "--format", "text"],
        capture_output=True, text=True, check=True,
    )
    assert "\x1b" not in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80


def test_article_text_cannot_drive_the_terminal():
    evil = "Title \x1b[2J\x1b]0;owned\x07 \u202eevil\u202c \x9b31m"
    article = Article(id="x\x1b[31m", text=evil, title=evil)
    report = Report(extractions=[Extraction(Document(article))])
    for color in (False, True):
        out = render_text(report, color=color)
        assert "\x1b[2J" not in out and "\x07" not in out and "\u202e" not in out and "\x9b" not in out
        assert "x\x1b[31m" not in out
    assert printable("a\x1b[1mb") == "a\ufffd[1mb"


def test_a_long_word_is_cut_not_overflowing():
    article = Article(id="x", text="t", title="https://example.org/" + "a" * 200)
    out = render_text(Report(extractions=[Extraction(Document(article))]), width=50)
    assert max(len(line) for line in out.splitlines()) <= 50
    assert "https://example.org/" + "a" * 200 in "".join(line.strip() for line in out.splitlines())
