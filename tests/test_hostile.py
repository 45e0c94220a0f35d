"""Hostile input, careless users: each test reproduces one way the command line or the library used to
crash, hang, lose good files or replace what it must not (issue 12), on input written here."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import newsdiff
from newsdiff import cli, output
from newsdiff.errors import OutputError
from newsdiff.extracting.numbers import NUMBER, value_of
from newsdiff.rendering.html import render_html
from newsdiff.rendering.markdown import render_markdown
from newsdiff.testing import cpu_seconds, growth

ROOT = Path(__file__).resolve().parent.parent

STORY = "Harbour vote\n\nMayor Ann Lee said the harbour plan costs $5 million. “We will build it,” she said.\n"


def run(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSDIFF_DISABLE_PLUGINS": "1"}
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args], input=stdin, capture_output=True, env=env, timeout=timeout
    )


def _story(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(STORY, encoding="utf-8")
    return path


# -- input ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown", "html"])
def test_a_lone_surrogate_costs_nothing_and_offsets_stay_exact(tmp_path, fmt):
    record = {"id": "s", "outlet": "Tide \udc63 Daily", "text": "Ferry news\n\nBad \udc63 byte. “We sail today,” said Bo Karlsson."}
    (tmp_path / "s.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")  # json escapes it
    _story(tmp_path)
    result = run("compare", str(tmp_path), "-f", fmt)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("utf-8")  # encodes as UTF-8
    assert "Tide" in out  # the article whose outlet held the surrogate is in the output
    if fmt == "json":
        [article] = [a for a in json.loads(out)["articles"] if a["id"] == "s"]
        assert "\ufffd" in article["text"] and len(article["text"]) == len(record["text"])
        for quote in article["quotes"]:
            assert article["text"][quote["start"] : quote["end"]] == quote["text"]


def test_lone_surrogates_are_replaced_one_for_one_when_read(tmp_path, pm):
    text = "T\n\nA \ud83d B \udc63 C."
    (tmp_path / "s.json").write_text(json.dumps({"text": text, "title": "x\udc00"}), encoding="utf-8")
    [article] = newsdiff.load(tmp_path / "s.json", pm=pm)
    assert article.text == "T\n\nA \ufffd B \ufffd C." and article.title == "x\ufffd"


def test_deep_nesting_and_huge_integers_cost_only_their_line(tmp_path, pm):
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "[" * 100_000 + "]" * 100_000,
        '{"id": "b", "n": ' + "9" * 5_000 + ', "text": "Second story\\n\\nIt is fine."}',
        json.dumps({"id": "c", "text": STORY}),
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = newsdiff.load(tmp_path / "many.jsonl", pm=pm)
    assert [a.id for a in loaded] == ["a", "b", "c"]
    assert len(loaded.errors) == 1 and "many.jsonl:2" in loaded.errors[0].message
    assert "nested too deeply" in loaded.errors[0].message


def test_a_deeply_nested_json_file_is_refused_with_a_reason(tmp_path, pm):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _story(tmp_path)
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in loaded] == ["good"]
    assert "nested too deeply" in loaded.errors[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    good = _story(tmp_path)
    result = run("compare", str(tmp_path / "pipe.txt"), str(good), "-q", timeout=60)
    assert result.returncode == 1
    assert b"pipe.txt: refused: a named pipe" in result.stderr
    assert b"Harbour" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_special_files_in_a_folder_are_reported(tmp_path, pm):
    os.mkfifo(tmp_path / "pipe.txt")
    _story(tmp_path)
    loaded = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in loaded] == ["good"]
    assert [p.message for p in loaded.errors] == [f"{tmp_path / 'pipe.txt'}: skipped: a named pipe, not a regular file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused(pm):
    loaded = newsdiff.load("/dev/zero", pm=pm)
    assert not loaded.articles and "character device" in loaded.errors[0].message


def test_an_endless_stream_is_read_only_up_to_the_byte_limit(pm):
    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a" * len(buffer)
            Endless.served += len(buffer)
            return len(buffer)

    loaded = newsdiff.load("-", pm=pm, stdin=io.BufferedReader(Endless()), max_bytes=100_000)
    assert not loaded.articles and "too large" in loaded.errors[0].message
    assert Endless.served < 300_000


def test_max_bytes_refuses_a_larger_file(tmp_path, pm):
    path = _story(tmp_path)
    loaded = newsdiff.load(path, pm=pm, max_bytes=50)
    assert not loaded.articles and "--max-bytes" in loaded.errors[0].message
    assert [a.id for a in newsdiff.load(path, pm=pm, max_bytes=10_000)] == ["good"]


def test_max_records_reads_the_first_records_and_says_so(tmp_path, pm):
    (tmp_path / "r.jsonl").write_text("".join(json.dumps({"text": f"Item {i}\n\nIt is item {i}."}) + "\n" for i in range(50)))
    loaded = newsdiff.load(tmp_path / "r.jsonl", pm=pm, max_records=7)
    assert len(loaded) == 7
    assert [p.message for p in loaded.errors] == [
        f"{tmp_path / 'r.jsonl'}: only the first 7 articles were read (the limit of articles per file; raise it with --max-records)"
    ]


def test_max_records_on_the_command_line(tmp_path):
    (tmp_path / "r.jsonl").write_text("".join(json.dumps({"text": f"Item {i}\n\nIt is item {i}."}) + "\n" for i in range(20)))
    result = run("extract", str(tmp_path / "r.jsonl"), "--max-records", "5")
    assert result.returncode == 1 and len(result.stdout.splitlines()) == 5
    assert b"only the first 5 articles" in result.stderr


def test_memory_per_tiny_record_is_bounded(tmp_path, pm):
    """Many tiny records: what a load keeps per record stays a small multiple of the record."""
    import tracemalloc

    lines = "".join(json.dumps({"text": f"Item {i} ok."}) + "\n" for i in range(3_000))
    (tmp_path / "tiny.jsonl").write_text(lines)
    tracemalloc.start()
    try:
        loaded = newsdiff.load(tmp_path / "tiny.jsonl", pm=pm)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(loaded) == 3_000
    assert held < 40 * len(lines)


def test_the_default_record_limit_caps_a_million_tiny_records(tmp_path, pm):
    """Every article costs kilobytes of working values: the default limit keeps a file of a million tiny
    records from taking gigabytes (it is read up to the limit and the rest reported)."""
    from newsdiff.loading import MAX_RECORDS

    lines = "".join('{"text": "x"}\n' for _ in range(MAX_RECORDS * 3))
    (tmp_path / "huge.jsonl").write_text(lines)
    loaded = newsdiff.load(tmp_path / "huge.jsonl", pm=pm)
    assert len(loaded) == MAX_RECORDS and "only the first" in loaded.errors[-1].message


def test_an_impossible_date_is_not_read_as_numbers():
    text = "Code 99999-99-99 and phone 555-123-4567, but 10-12 people came."
    values = [value_of(m) for m in NUMBER.finditer(text)]
    read = [m.group() for m, v in zip(NUMBER.finditer(text), values) if v is not None]
    assert read == ["10"] or read == ["10", "12"]


def test_a_number_too_long_for_a_float_is_not_read():
    digits = ",".join(["999"] * 3_400)
    extraction = newsdiff.extract(newsdiff.Article.from_text(f"T\n\nThe debt is {digits} dollars, or $5 million."))
    norms = [v.norm for c in extraction.claims for v in c.values]
    assert "inf" not in " ".join(norms) and "5000000" in norms


# -- output -----------------------------------------------------------------------------------------------


def test_output_through_a_symbolic_link_replaces_the_target_not_the_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert cli.main(["compare", str(_story(tmp_path)), "-f", "json", "-o", str(link), "--no-plugins", "-q"]) == 0
    assert link.is_symlink() and json.loads(target.read_text())["schema"].startswith("newsdiff/")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_named_pipe_is_refused(tmp_path, capsys):
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    assert cli.main(["compare", str(_story(tmp_path)), "-o", str(pipe), "--no-plugins", "-q"]) == 1
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert "refused: it is a named pipe" in capsys.readouterr().err


def test_output_to_a_read_only_file_is_refused_and_the_file_kept(tmp_path, capsys):
    target = tmp_path / "locked.txt"
    target.write_text("keep me")
    target.chmod(0o444)
    assert cli.main(["compare", str(_story(tmp_path)), "-o", str(target), "--no-plugins", "-q"]) == 1
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert "read-only" in capsys.readouterr().err


def test_output_to_a_device_is_refused():
    with pytest.raises(OutputError, match="a device"):
        output.check_target("/dev/null")


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    output.write_atomic(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_standard_output_on_a_full_disk_is_a_clear_error():
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsdiff", "compare", str(ROOT / "seeds"), "--no-plugins"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=300,
        )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr
    assert b"standard output: cannot write: No space left on device" in result.stderr


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(tmp_path):
    target = tmp_path / "out.json"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.json.newsdiff-{dead.pid}.tmp"
    stale.write_text("half a report")
    output.write_atomic(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_a_terminated_write_leaves_no_temporary_file(tmp_path):
    script = f"""
import os, signal, sys
from newsdiff import output
real_fsync = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    signal.pause()
os.fsync = slow_fsync
with output.exit_on_signals():
    output.write_atomic({str(tmp_path / 'out.json')!r}, "x" * 1000)
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert child.stdout.readline() == b"writing\n"
    assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


# -- what the reports show ----------------------------------------------------------------------------------


def _hostile_report():
    text = (
        "Bridge vote\n\nOutlet notes: see https://evil.example/x and www.example.com, mail a@b.org.\u202e 2021-05-04 "
        "\x1b[31mred\x07 “We will build the bridge,” said Mayor Ann Lee.\u2066 done\n"
    )
    article = newsdiff.Article.from_text(text, id="a\u202eb", outlet="Gazette\u202e")
    other = newsdiff.Article.from_text(STORY, id="b")
    pm = newsdiff.get_plugin_manager(third_party=False)
    return newsdiff.compare([article, other], pm=pm, group=False, experimental=True)  # findings quote the text


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_bidi_and_control_characters_never_reach_the_html_or_markdown(render):
    page = render(_hostile_report())
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x1b\x07":
        assert ch not in page
    assert "\ufffd" in page


def test_bare_addresses_in_markdown_are_not_links():
    page = render_markdown(_hostile_report())
    assert "https://evil" not in page and "www.example" not in page and "a@b.org" not in page
    assert "https\\://evil.example/x" in page  # the text reads as written once rendered


# -- using it ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, source",
    [
        (STORY.encode(), "<stdin>"),
        (json.dumps({"id": "one", "text": STORY}).encode(), "<stdin>[0]"),
        ((json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY}) + "\n").encode(), "<stdin>:2"),
    ],
)
def test_compare_dash_reads_standard_input(data, source):
    result = run("compare", "-", "-f", "json", stdin=data)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"][-1]["source"] == source
    assert "Harbour" in report["articles"][0]["text"]


def test_html_without_its_reader_names_the_plugin(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><p>Hello</p></body></html>")
    loaded = newsdiff.load(tmp_path / "page.html", pm=newsdiff.get_plugin_manager(third_party=False))
    assert "install newsdiff-html" in loaded.errors[0].message


def test_help_lists_every_builtin_format(capsys):
    with pytest.raises(SystemExit):
        cli.main(["compare", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for name in newsdiff.output_formats(newsdiff.get_plugin_manager(third_party=False)):
        assert name in shown
    assert "jsonl" in shown and "--max-bytes" in shown and "--max-records" in shown


# -- growth ----------------------------------------------------------------------------------------------


def test_the_html_page_grows_linearly_with_quotes_per_article():
    pm = newsdiff.get_plugin_manager(third_party=False)

    def cost(n: int) -> float:
        body = " ".join(f"“Bridge {i} opens soon,” said Ann Lee." for i in range(n))
        report = newsdiff.compare([newsdiff.Article.from_text("Bridges\n\n" + body, id="a")], pm=pm, group=False)
        assert len(report.extractions[0].quotes) == n
        return cpu_seconds(render_html, report)

    _, quadruple = growth(cost, 1_000, repeat=2)
    assert quadruple < 9  # about 4 when linear, 16 when quadratic


def test_cli_output_goes_to_a_text_standard_output_too(tmp_path, monkeypatch):
    """A program that swaps sys.stdout for a text stream (no .buffer) still gets the output."""
    swapped = io.StringIO()
    monkeypatch.setattr(sys, "stdout", swapped)
    assert cli.main(["compare", str(_story(tmp_path)), "-f", "json", "--no-plugins", "-q"]) == 0
    assert json.loads(swapped.getvalue())["articles"][0]["id"] == "good"


def test_an_unreadable_folder_is_reported_not_raised(tmp_path, pm, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    loaded = newsdiff.load(folder, pm=pm)
    assert not loaded.articles and "Permission denied" in loaded.errors[0].message


def test_reading_a_small_file_sets_aside_no_more_than_it_needs(tmp_path):
    # The byte limit is 200 MB by default; a small file must not make the reader set aside that much.
    import tracemalloc

    path = tmp_path / "small.txt"
    path.write_text("Title\n\n" + "A line of the story. " * 200, encoding="utf-8")
    pm = newsdiff.get_plugin_manager(third_party=False)
    newsdiff.load(path, pm=pm)  # first use imports and compiles what reading needs
    tracemalloc.start()
    try:
        newsdiff.load(path, pm=pm)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # asking for the whole limit at once set aside 200 MB
