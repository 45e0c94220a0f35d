"""The docs stay true to the code.

Every check here is derived from the code, so it keeps passing as the code grows and fails when something is
added without being documented: every hook has a section in docs/hooks.md headed by its exact signature; every
hook is exercised; every builtin plugin name, CLI option and report field is documented; and the docs' code
blocks run.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsdiff
from newsdiff import hookimpl, hookspecs, plugins, serialize
from newsdiff.cli import build_parser
from newsdiff.models import (
    FINDING_KINDS,
    Article,
    Claim,
    Document,
    Evidence,
    Extraction,
    Finding,
    Mention,
    Metadata,
    Paragraph,
    Problem,
    Quote,
    QuoteCluster,
    Removed,
    Report,
    Sentence,
    Span,
    Value,
)

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

#: The pages whose ```python blocks are run, each page in one namespace, blocks in order.
RUNNABLE_PAGES = ("index.md", "library.md", "plugins.md", "writing-plugins.md", "hooks.md")
#: A block whose first line is this comment is written to PATH (on sys.path) instead of being run.
FILE_MARKER = re.compile(r"#\s*file:\s*(\S+)")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def read(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def sections(text: str) -> Iterator[tuple[str, str]]:
    """``(heading line, body)`` for each Markdown heading of ``text``; the body runs to the next heading."""
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if re.match(r"#{1,6} ", line) and not _in_fence(lines, i)]
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        yield lines[i], "\n".join(lines[i + 1 : end])


def _in_fence(lines: list[str], index: int) -> bool:
    return sum(1 for line in lines[:index] if line.startswith("```")) % 2 == 1


# ---------------------------------------------------------------------------------------------------------
# Hooks


def hook_specs() -> dict[str, Any]:
    return {name: fn for name, fn in vars(hookspecs).items() if name.startswith("newsdiff_") and callable(fn)}


def _annotation(annotation: Any) -> str:
    # hookspecs.py uses `from __future__ import annotations`, so annotations are the source text.
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def signature(fn: Any) -> str:
    """A hook's signature as docs/hooks.md heads its section: ``name(arg: Type, ...) -> Return``."""
    sig = inspect.signature(fn)
    params = []
    for p in sig.parameters.values():
        params.append(p.name if p.annotation is p.empty else f"{p.name}: {_annotation(p.annotation)}")
    out = f"{fn.__name__}({', '.join(params)})"
    if sig.return_annotation is not sig.empty:
        out += f" -> {_annotation(sig.return_annotation)}"
    return out


def hook_sections() -> dict[str, tuple[str, str]]:
    """Hook name -> (signature in the heading, section body), for every ``## `newsdiff_…(…)` `` heading."""
    found: dict[str, tuple[str, str]] = {}
    for heading, body in sections(read("hooks.md")):
        m = re.fullmatch(r"## `((newsdiff_\w+)\(.*)`", heading.strip())
        if m:
            assert m.group(2) not in found, f"hooks.md documents {m.group(2)} twice"
            found[m.group(2)] = (m.group(1), body)
    return found


def test_hookspecs_are_found():
    assert len(hook_specs()) >= 10


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_every_hook_is_documented_with_its_exact_signature(name):
    documented = hook_sections()
    assert name in documented, f"docs/hooks.md has no section for {name}"
    assert documented[name][0] == signature(hook_specs()[name])


def test_no_section_documents_a_hook_that_does_not_exist():
    assert set(hook_sections()) <= set(hook_specs())
    # Every second-level heading naming a hook is one of the signature headings.
    for heading, _ in sections(read("hooks.md")):
        if heading.startswith("## ") and "newsdiff_" in heading:
            assert re.fullmatch(r"## `newsdiff_\w+\(.*\)( -> .+)?`", heading.strip()), heading


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_hook_section_says_whether_it_is_firstresult(name):
    pm = newsdiff.get_plugin_manager(third_party=False)
    firstresult = getattr(pm.hook, name).spec.opts["firstresult"]
    body = hook_sections()[name][1]
    assert f"**firstresult:** {'yes' if firstresult else 'no'}" in body


@pytest.mark.parametrize("name", sorted(hook_specs()))
def test_hook_section_has_an_example(name):
    body = hook_sections()[name][1]
    assert re.search(rf"```python\n.*def {name}\(", body, re.DOTALL), f"no example implementing {name}"


def test_call_order_in_writing_plugins_names_every_hook():
    text = read("writing-plugins.md")
    order = dict(sections(text))["## The order of hook calls"]
    for name in hook_specs():
        assert f"`{name}`" in order


class Recorder:
    """Implements every hook, records each call, and changes nothing (apart from reading ``.memo`` files)."""

    def __init__(self) -> None:
        self.calls: set[str] = set()

    @hookimpl
    def newsdiff_file_suffixes(self):
        self.calls.add("newsdiff_file_suffixes")
        return (".memo",)

    @hookimpl
    def newsdiff_read_file(self, path, data):
        self.calls.add("newsdiff_read_file")
        if path.suffix != ".memo":
            return None
        return [Article.from_text(data.decode("utf-8"), id=path.stem, source=str(path))]

    @hookimpl
    def newsdiff_identify_outlet(self, article):
        self.calls.add("newsdiff_identify_outlet")

    @hookimpl
    def newsdiff_find_metadata(self, article, outlet):
        self.calls.add("newsdiff_find_metadata")

    @hookimpl
    def newsdiff_find_furniture(self, article, outlet, metadata):
        self.calls.add("newsdiff_find_furniture")
        return []

    @hookimpl
    def newsdiff_extract_quotes(self, document):
        self.calls.add("newsdiff_extract_quotes")
        return []

    @hookimpl
    def newsdiff_extract_claims(self, document, quotes):
        self.calls.add("newsdiff_extract_claims")
        return []

    @hookimpl
    def newsdiff_compare(self, extractions):
        self.calls.add("newsdiff_compare")

    @hookimpl
    def newsdiff_output_formats(self):
        self.calls.add("newsdiff_output_formats")
        return {"recorded": "a test format"}

    @hookimpl
    def newsdiff_render(self, report, format, options):
        self.calls.add("newsdiff_render")
        return "recorded\n" if format == "recorded" else None


def test_recorder_implements_every_hook():
    implemented = {name for name in dir(Recorder) if name.startswith("newsdiff_")}
    assert implemented == set(hook_specs()), "add the new hook to Recorder (and to docs/hooks.md)"


def test_every_hook_is_exercised(tmp_path):
    (tmp_path / "one.memo").write_text("Bridge\n\n“We will open it in March,” said Ann Lee, the mayor.\n", encoding="utf-8")
    (tmp_path / "two.memo").write_text("Mayor\n\n“We will open it in March,” Ann Lee told reporters.\n", encoding="utf-8")
    recorder = Recorder()
    pm = newsdiff.get_plugin_manager(plugins=[recorder], third_party=False)
    articles = newsdiff.load(tmp_path, pm=pm)
    assert [a.id for a in articles] == ["one", "two"]
    report = newsdiff.compare(articles, pm=pm)
    assert newsdiff.render(report, "recorded", pm=pm) == "recorded\n"
    assert "recorded" in newsdiff.output_formats(pm)
    assert newsdiff.render(report, "json", pm=pm)  # the builtins still answer the formats they own
    assert report.errors == ()
    assert recorder.calls == set(hook_specs())


def test_builtins_cover_the_hooks_they_should():
    """Every hook but the outlet profiles' one has a builtin implementation."""
    pm = newsdiff.get_plugin_manager(third_party=False)
    implemented = {name for info in pm.info() for name in info.hooks}
    assert set(hook_specs()) - implemented <= {"newsdiff_identify_outlet"}


# ---------------------------------------------------------------------------------------------------------
# Code blocks


def code_blocks(page: str) -> list[tuple[str, str]]:
    """``(language, code)`` for each fenced block of a page, in order."""
    return [(lang, code) for lang, code in FENCE.findall(read(page))]


@pytest.fixture
def clean_environment(monkeypatch, tmp_path):
    for var in ("NEWSDIFF_BLOCK", "NEWSDIFF_DISABLE_PLUGINS", "NEWSDIFF_STRICT_PLUGINS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    plugins.reset_default_manager()
    yield tmp_path
    plugins.reset_default_manager()
    for name in set(sys.modules) - before:
        module = sys.modules.get(name)
        if str(getattr(module, "__file__", "") or "").startswith(str(tmp_path)):
            del sys.modules[name]


def run_page(page: str, folder: Path) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": f"docs_{Path(page).stem.replace('-', '_')}"}
    for n, (lang, code) in enumerate(code_blocks(page), 1):
        marker = FILE_MARKER.match(code)
        if marker:
            target = folder / marker.group(1)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(code, encoding="utf-8")
            if lang == "toml" and tomllib is not None:
                data = tomllib.loads(code)
                assert data["project"]["entry-points"]["newsdiff"], f"{page}: no entry point in group newsdiff"
            continue
        if lang == "python":
            exec(compile(code, f"docs/{page}, block {n}", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_code_blocks_run(page, clean_environment):
    assert any(lang == "python" for lang, _ in code_blocks(page)), f"{page} has no python block"
    run_page(page, clean_environment)


def test_library_page_has_a_complete_example():
    code = "\n".join(c for lang, c in code_blocks("library.md") if lang == "python")
    for call in ("Article.from_text(", "newsdiff.compare(", "newsdiff.render(", "newsdiff.load(", "newsdiff.extract("):
        assert call in code


def test_hook_examples_work_together(clean_environment):
    """The examples of docs/hooks.md, made into one plugin, read a file, compare and render."""
    import types

    namespace = run_page("hooks.md", clean_environment)
    plugin = types.ModuleType("hook_examples")
    for name in hook_specs():
        setattr(plugin, name, namespace[name])
    folder = clean_environment / "memos"
    folder.mkdir()
    (folder / "a.memo").write_text("One\n\nThe turnout was 61 per cent, officials said on Monday.\n", encoding="utf-8")
    (folder / "b.memo").write_text("Two\n\n«We won,» said Ann Lee. Turnout was 64 per cent.\n", encoding="utf-8")
    pm = newsdiff.get_plugin_manager(plugins=[plugin], third_party=False)
    report = newsdiff.compare(newsdiff.load(folder, pm=pm), pm=pm)
    assert report.errors == ()
    assert [e.id for e in report.extractions] == ["a", "b"]
    assert any(q.text == "We won," for q in report.article("b").quotes)
    assert any(v.kind == "percent" for c in report.article("a").claims for v in c.values)
    assert newsdiff.render(report, "csv", pm=pm).startswith("article,quote,speaker,text")


# ---------------------------------------------------------------------------------------------------------
# Plugins and the command line


@pytest.mark.parametrize("name", [name for name, _ in plugins.DEFAULT_PLUGINS])
def test_builtin_plugin_is_documented(name):
    assert f"`{name}`" in read("plugins.md")


def test_plugin_environment_variables_are_documented():
    for var in re.findall(r"NEWSDIFF_[A-Z_]+", plugins.__doc__ or ""):
        assert f"`{var}`" in read("plugins.md") + read("cli.md")
        assert f"`{var}`" in read("cli.md")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _documented(option: str, text: str) -> bool:
    return re.search(r"`" + re.escape(option) + r"(?![\w-])", text) is not None


def test_every_cli_option_is_documented():
    cli = read("cli.md")
    parser = build_parser()
    intro = cli.split("\n## ", 1)[0]
    for action in parser._actions:
        for option in action.option_strings:
            assert _documented(option, intro), f"cli.md does not document newsdiff {option}"
    by_heading = {heading: body for heading, body in sections(cli)}
    commands = _subcommands(parser)
    assert commands
    for command, sub in commands.items():
        heading = f"## `newsdiff {command}`"
        assert heading in by_heading, f"cli.md has no section {heading!r}"
        body = by_heading[heading]
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                assert _documented(option, body), f"cli.md does not document newsdiff {command} {option}"
            if not action.option_strings:
                assert (action.metavar or action.dest) in body
            for choice in action.choices or ():
                assert f"`{choice}`" in body or f"{choice}|" in body or f"|{choice}" in body


def test_help_is_documented():
    assert _documented("--help", read("cli.md")) and _documented("-h", read("cli.md"))


# ---------------------------------------------------------------------------------------------------------
# The report format


def _synthetic_report() -> Report:
    """A report in which every object the serialiser writes is present with every optional part filled."""
    text = "Title line\n\nPosted on 1 March 2024\n\n“We will win,” said Ann Lee. Turnout was 61 per cent.\n\nShare this"
    article = Article.from_text(text, id="a", url="https://example.org/x", source="a.txt", encoding="utf-8")
    q_start = text.index("We will")
    quote = Quote.at(
        text,
        q_start,
        q_start + len("We will win,"),
        speaker="Ann Lee",
        speaker_mention=Mention.at(text, text.index("Ann Lee"), text.index("Ann Lee") + 7),
        cue=Mention.at(text, text.index("said"), text.index("said") + 4),
        group=1,
        id="a#q1",
    )
    s_start = text.index("Turnout")
    n_start = text.index("61 per cent")
    claim = Claim.at(
        text,
        s_start,
        text.index("cent.") + 5,
        values=(
            Value("percent", n_start, n_start + 11, "61 per cent", "61", low=61.0, high=61.0, unit="percent"),
            Value("list", s_start, s_start + 7, "Turnout", "Turnout", members=("Turnout",)),
        ),
        source="Ann Lee",
        id="a#c1",
    )
    date_start = text.index("Posted")
    metadata = Metadata(
        title="Title line",
        title_span=Span(0, 10),
        standfirst=Span(0, 10),
        published="2024-03-01",
        published_span=Span(date_start, date_start + 22),
        byline="Ann Lee",
        outlet="Example",
        outlet_from="url",
    )
    share = text.index("Share this")
    document = Document(
        article=article,
        metadata=metadata,
        removed=(Removed(share, share + 10, "Share this", "widget", by="clean.furniture"),),
        paragraphs=(Paragraph(0, 10, "title"), Paragraph(q_start - 1, share - 2, "body", quote_continues=True)),
        sentences=(Sentence(0, 10),),
    )
    extraction = Extraction(document=document, quotes=(quote,), claims=(claim,))
    other = Extraction(document=Document(article=Article.from_text("B\n\nText.", id="b")))
    return Report(
        extractions=(extraction, other),
        quote_clusters=(QuoteCluster(members=("a#q1", "b#q1"), relation="variant", speaker="Ann Lee", id="qc1"),),
        findings=(
            Finding(
                kind="quote_variant",
                summary="s",
                evidence=(Evidence("a", quote.start, quote.end, quote.text),),
                details={},
                id="f1",
            ),
        ),
        errors=(Problem(stage="load", message="m", plugin="p", article="a", source="x.txt"),),
    )


def _ids(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The article ids of a report, and every other id in it (quotes, claims, clusters, findings)."""
    articles = {a["id"] for a in data["articles"]}
    others = {item["id"] for a in data["articles"] for item in (*a["quotes"], *a["claims"])}
    others |= {c["id"] for c in data["quote_clusters"]} | {f["id"] for f in data["findings"]}
    return articles, others


def _objects(value: Any, ids: tuple[set[str], set[str]], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object in ``value`` with its path (``articles[].quotes[]``).

    A map keyed by ids ("by article", "by quote") is not an object with fields: its values are walked under
    the path component ``{article}`` (or ``{id}``), and its keys are not fields.
    """
    if isinstance(value, dict):
        articles, others = ids
        if value and all(k in articles or k in others for k in value):
            part = "{article}" if all(k in articles for k in value) else "{id}"
            for item in value.values():
                yield from _objects(item, ids, f"{path}.{part}")
            return
        yield path, value
        for key, item in value.items():
            yield from _objects(item, ids, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item, ids, f"{path}[]")


def _report_fields(*reports: Report) -> dict[str, set[str]]:
    fields: dict[str, set[str]] = {}
    for report in reports:
        data = report.to_dict()
        for path, obj in _objects(data, _ids(data)):
            fields.setdefault(path, set()).update(obj)
    return fields


@pytest.fixture(scope="module")
def real_report() -> Report:
    """The seeds compared, with a missing input and a failing plugin so that ``errors`` has entries."""

    class Failing:
        @hookimpl
        def newsdiff_identify_outlet(self, article):
            raise RuntimeError("deliberate")

    pm = newsdiff.get_plugin_manager(third_party=False)
    pm.register(Failing(), name="failing")
    loaded = newsdiff.load(ROOT / "seeds", ROOT / "seeds" / "missing.txt", pm=pm)
    return newsdiff.compare(loaded, pm=pm, experimental=True)  # every kind, so every documented field appears


def test_report_field_paths_cover_every_serialiser(real_report):
    fields = _report_fields(_synthetic_report(), real_report)
    for path in ("", "articles[]", "articles[].quotes[]", "articles[].claims[]", "articles[].claims[].values[]",
                 "articles[].removed[]", "quote_clusters[]", "findings[]", "findings[].evidence[]", "errors[]"):
        assert path in fields, path
    # The serialisers named in the docs' brief produce exactly these objects' keys.
    extraction = real_report.extractions[0]
    assert set(serialize.report_to_dict(real_report)) == fields[""]
    assert set(serialize.article_dict(extraction)) <= fields["articles[]"]
    assert set(serialize.quote_dict(_synthetic_report().extractions[0].quotes[0])) <= fields["articles[].quotes[]"]
    assert set(serialize.claim_dict(_synthetic_report().extractions[0].claims[0])) <= fields["articles[].claims[]"]
    assert set(serialize.finding_dict(_synthetic_report().findings[0])) <= fields["findings[]"]


def _report_sections() -> list[tuple[str, str]]:
    return list(sections(read("report.md")))


def _section_for(path: str) -> str | None:
    for heading, body in _report_sections():
        if (path == "" and heading.strip() == "## Top level") or (path and f"`{path}`" in heading):
            return body
    return None


def test_every_report_field_is_documented(real_report):
    missing = []
    for path, keys in sorted(_report_fields(_synthetic_report(), real_report).items()):
        body = _section_for(path)
        if body is None:
            missing.append(f"no section of docs/report.md has `{path}` in its heading")
            continue
        missing += [f"`{path}` field `{key}`" for key in sorted(keys) if f"`{key}`" not in body]
    assert not missing, "undocumented in docs/report.md:\n" + "\n".join(missing)


def test_report_sections_document_no_missing_object(real_report):
    fields = _report_fields(_synthetic_report(), real_report)
    for heading, _ in _report_sections():
        for path in re.findall(r"`((?:articles|quote_clusters|findings|coverage|errors)[\w\[\].{}]*)`", heading):
            assert path in fields or path in ("articles[].standfirst",), f"report.md documents `{path}`, which the report lacks"


def test_every_finding_kind_is_documented(real_report):
    body = dict(_report_sections())["## Finding kinds"]
    for kind in {*FINDING_KINDS, *(f.kind for f in real_report.findings)}:
        assert f"`{kind}`" in body, f"finding kind {kind!r} is not in docs/report.md"


def test_fixed_fields_are_marked_fixed():
    """The contract's fixed fields carry the word "fixed" in their row."""
    fixed = {
        "## Top level": ["schema", "articles", "quote_clusters", "findings"],
        "`articles[]`": ["id", "title", "outlet", "published", "removed", "quotes", "claims"],
        "`articles[].removed[]`": ["reason"],
        "`articles[].quotes[]`": ["id", "speaker", "kind"],
        "`articles[].claims[]`": ["id"],
        "`quote_clusters[]`": ["id", "speaker", "relation", "members"],
        "`findings[]`": ["id", "kind", "summary", "evidence"],
        "`findings[].evidence[]`": ["article"],
    }
    for marker, keys in fixed.items():
        body = next(b for h, b in _report_sections() if marker in h)
        for key in keys:
            row = next((line for line in body.splitlines() if line.startswith(f"| `{key}`")), "")
            assert "| fixed |" in row, f"{marker} {key} is not marked fixed"
