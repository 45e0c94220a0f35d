"""Fuzzing every reader, the whole pipeline and every renderer with hostile bytes (bounded for CI).

What must hold for any input: loading never raises (a bad input is one entry in ``errors``), comparing and
rendering never raise, every offset in the JSON report reproduces its text from the article's own ``text``,
and every format's output encodes as UTF-8.  Longer runs by hand: ``benchmarks/fuzz_atheris.py`` (see
benchmarks/README.md).  Growth (time against input size) is tested without wall-clock bounds in
test_hostile.py and the extractor tests.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.errors import NewsdiffError
from newsdiff.testing import article_texts

try:
    import newsdiff_html
except ImportError:  # the HTML reader is a separate package
    newsdiff_html = None

PM = newsdiff.get_plugin_manager(third_party=False, plugins=[newsdiff_html] if newsdiff_html else [])
FORMATS = sorted(newsdiff.output_formats(PM))
SUFFIXES = [".txt", ".json", ".jsonl"] + ([".html"] if newsdiff_html else [])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

#: Pieces of text that broke readers or renderers once, or could: controls, bidi marks, surrogates,
#: codes that look like numbers, markup, quotation marks in every style.
HOSTILE = [
    "\u202e", "\u2066", "\x1b[31m", "\x07", "\x00", "\r\n", "\u2028", "\ufeff", "\ufffd", "&lt;", "<script>",
    "99999-99-99", "1," * 40, "9" * 400, "“", "”", "«", "»", "\"", "'", "’", "—", "said", "said Ann Lee.",
    "https://x.example/a", "www.example.org", "a@b.org", "|", "`", "*", "_", "[", "]", "#",
]
TEXTS = st.one_of(
    article_texts(30),
    st.lists(st.one_of(st.sampled_from(HOSTILE), article_texts(4), st.text(max_size=8)), max_size=40).map("".join),
)


def _json_string(text: str) -> str:
    """``text`` as a JSON string, with surrogates written as escapes the way other programs write them."""
    return json.dumps(text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass"))


@st.composite
def file_bytes(draw):
    """A file's name and bytes: plausible articles in each format, damaged ones, and raw noise."""
    suffix = draw(st.sampled_from(SUFFIXES))
    text = draw(TEXTS)
    kind = draw(st.sampled_from(["plain", "record", "records", "lone-surrogate", "deep", "noise", "encoded"]))
    if kind == "noise":
        data = draw(st.binary(max_size=300))
    elif kind == "encoded":
        encoding = draw(st.sampled_from(["cp1251", "cp1252", "utf-16", "latin-1", "koi8_r"]))
        data = text.encode(encoding, "replace")
    elif kind == "deep":
        depth = draw(st.integers(1, 3_000))
        data = ("[" * depth + _json_string(text) + "]" * depth).encode()
    elif kind == "lone-surrogate":
        data = ('{"text": "' + text.replace("\\", "").replace('"', "") + '\\udc63 \\ud800"}').encode("utf-8", "replace")
    elif kind == "record":
        data = ('{"id": "a", "title": ' + _json_string(text[:20]) + ', "text": ' + _json_string(text) + "}").encode(
            "utf-8", "surrogatepass"
        )
    elif kind == "records":
        lines = [json.dumps({"text": text + str(i)}) for i in range(draw(st.integers(1, 4)))]
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["{", "[" * 5000, '{"text": 5}', "1" * 5000])))
        data = "\n".join(lines).encode()
    else:
        data = text.encode("utf-8", "surrogatepass")
    return "f" + suffix, data


def _check_report(report, articles):
    by_id = {a.id: a for a in articles}
    data = json.loads(report.to_json())
    for article in data["articles"]:
        text = article["text"]
        assert len(text) == article["length"] == len(by_id[article["id"]].text)
        spans = [*article["removed"], *article["quotes"], *article["claims"]]
        spans += [q[k] for q in article["quotes"] for k in ("cue", "speaker_mention") if q[k]]
        spans += [v for c in article["claims"] for v in c["values"]]
        spans += [article[k] for k in ("title_span", "standfirst", "dateline") if article[k]]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for finding in data["findings"]:
        for ev in finding["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


@SETTINGS
@given(st.lists(file_bytes(), min_size=1, max_size=3))
def test_any_files_load_compare_and_render(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    for n, (name, data) in enumerate(files):
        (folder / f"{n}{name}").write_bytes(data)
    loaded = newsdiff.load(folder, pm=PM)  # never raises: a bad file is one entry in errors
    assert len(loaded.articles) + len(loaded.errors) >= 1
    for article in loaded:
        article.text.encode("utf-8")  # no lone surrogate survives reading
    if not loaded.articles:
        return
    report = newsdiff.compare(loaded, pm=PM)
    _check_report(report, loaded.articles)
    for fmt in FORMATS:
        out = newsdiff.render(report, fmt, pm=PM)
        assert isinstance(out, str)
        out.encode("utf-8")


@SETTINGS
@given(st.lists(TEXTS, min_size=1, max_size=3), st.booleans())
def test_any_text_through_the_library_renders_in_every_format(texts, group):
    """Articles built in Python (where a lone surrogate can still reach the renderers) render everywhere."""
    articles = [newsdiff.Article.from_text(t + "\ud800" * (n % 2), id=f"a{n}") for n, t in enumerate(texts)]
    report = newsdiff.compare(articles, pm=PM, group=group)
    _check_report(report, articles)
    for fmt in FORMATS:
        out = newsdiff.render(report, fmt, pm=PM)
        out.encode("utf-8")
        if fmt in ("html", "markdown"):
            assert not any(ch in out for ch in "\u202e\u2066\x1b\x07")


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2_000), st.sampled_from(SUFFIXES))
def test_load_file_raises_only_input_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("one") / f"x{suffix}"
    path.write_bytes(data)
    try:
        newsdiff.loading.load_file(path, pm=PM)
    except NewsdiffError:
        pass  # the documented error type (InputError)


_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.floats(allow_nan=False, allow_infinity=False))
_TREE = st.recursive(_LEAF, lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=3), c, max_size=3)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=4), _TREE, max_size=4))
def test_report_json_is_what_json_dumps_writes(data):
    """serialize.dumps encodes a report's lists item by item (to save memory) but writes the same bytes."""
    from newsdiff.serialize import dumps

    assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert dumps(data, indent=None) == json.dumps(data, ensure_ascii=False) + "\n"
