"""A coverage-guided fuzzer for newsdiff's readers, pipeline and renderers, for long runs by hand.

atheris (Google's libFuzzer for Python) is optional and not a test dependency: ``pip install atheris``.
Each input is split into up to three files (by a byte taken from the input for each cut) whose suffixes
come from the input too; they are loaded from a temporary folder, compared, and rendered in every format.
A crash is any exception escaping ``load``/``compare``/``render``, an offset in the JSON report that does
not reproduce its text, or output that does not encode as UTF-8.  A hang shows as libFuzzer's timeout
(``-timeout=``).

    python benchmarks/fuzz_atheris.py -max_total_time=3600 -timeout=60 -rss_limit_mb=4096 corpus/
    python benchmarks/fuzz_atheris.py crash-<hash>          # replay one crash

Give it a corpus folder to keep what it found interesting between runs; seeds/ makes a good start
(``cp seeds/*.txt corpus/``).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - a hand tool
    sys.exit("atheris is not installed: pip install atheris")

with atheris.instrument_imports():
    import newsdiff

try:
    import newsdiff_html
except ImportError:
    newsdiff_html = None

PM = newsdiff.get_plugin_manager(third_party=False, plugins=[newsdiff_html] if newsdiff_html else [])
FORMATS = sorted(newsdiff.output_formats(PM))
SUFFIXES = [".txt", ".json", ".jsonl"] + ([".html"] if newsdiff_html else [])


def check(report: newsdiff.Report) -> None:
    data = json.loads(report.to_json())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for article in data["articles"]:
        text = article["text"]
        spans = article["removed"] + article["quotes"] + article["claims"]
        spans += [v for c in article["claims"] for v in c["values"]]
        for span in spans:
            if text[span["start"] : span["end"]] != span["text"]:
                raise AssertionError(f"offsets of {span!r} do not reproduce in {article['id']}")
    for finding in data["findings"]:
        for ev in finding["evidence"]:
            if texts[ev["article"]][ev["start"] : ev["end"]] != ev["text"]:
                raise AssertionError(f"evidence {ev!r} does not reproduce")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    count = fdp.ConsumeIntInRange(1, 3)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(count):
            suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
            size = fdp.ConsumeIntInRange(0, max(0, fdp.remaining_bytes()))
            (Path(folder) / f"{n}{suffix}").write_bytes(fdp.ConsumeBytes(size))
        loaded = newsdiff.load(folder, pm=PM)
        if not loaded.articles:
            return
        report = newsdiff.compare(loaded, pm=PM)
        check(report)
        for fmt in FORMATS:
            newsdiff.render(report, fmt, pm=PM).encode("utf-8")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
