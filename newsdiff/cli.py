"""The command line: ``newsdiff compare``, ``newsdiff extract``, ``newsdiff corpus`` and ``newsdiff plugins``.

Exit status: 0 when everything was read, 1 when some input could not be read (the rest is still
processed and written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ._version import __version__
from .errors import NewsdiffError, OutputError
from .loading import MAX_FILE_BYTES, MAX_RECORDS, load
from .models import Article, Problem, Report
from .output import exit_on_signals, write_atomic, write_stream
from .pipeline import compare, extract, output_formats, render
from .plugins import PluginManager, get_plugin_manager

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdiff",
        description="Compare how news outlets covered the same event: quotes, speakers, claims, omissions.",
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths", nargs="+", metavar="PATH", help="article files (.txt, .json, .jsonl) or folders of them; - reads standard input"
        )
        p.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write to FILE (whole or not at all; a link is written through; pipes, devices and read-only files are refused) instead of stdout",
        )
        p.add_argument(
            "--max-bytes",
            type=_positive_size,
            default=MAX_FILE_BYTES,
            metavar="N",
            help=f"refuse any input file larger than N bytes (suffixes k, M, G; default {MAX_FILE_BYTES // 2**20}M)",
        )
        p.add_argument(
            "--max-records",
            type=_positive_int,
            default=MAX_RECORDS,
            metavar="N",
            help=f"read at most N articles from one file, reporting the rest (default {MAX_RECORDS:,})",
        )
        p.add_argument("-q", "--quiet", action="store_true", help="print no notes on stderr, only errors")
        _plugin_options(p)

    p = sub.add_parser("compare", help="compare articles about one event and report the differences")
    parser.set_defaults(compare_parser=p)
    common(p)
    p.add_argument("-f", "--format", default="text", help="output format: text (default), json, jsonl, markdown, html, or one a plugin adds")
    p.add_argument("--no-color", action="store_true", help="never colour the text output")
    p.add_argument("--width", type=int, default=80, help="line width of the text output (default 80)")
    p.add_argument(
        "--one-story",
        action="store_true",
        help="compare all articles as one story (by default a mixed input is first grouped into stories)",
    )
    p.add_argument(
        "--experimental",
        action="store_true",
        help="also report the experimental finding kinds (off by default: not yet right nine times in ten)",
    )
    p.add_argument(
        "--kinds",
        metavar="KIND[,KIND...]",
        help="report only these finding kinds, experimental or not (comma-separated)",
    )

    p = sub.add_parser("extract", help="extract quotes and claims, one JSON line per article")
    common(p)
    p.add_argument("-f", "--format", default="jsonl", choices=["jsonl", "json"], help="jsonl (default) or json")

    p = sub.add_parser(
        "corpus", help="group many articles into stories, compare each on a Dask cluster, write Parquet tables"
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help="files, folders, globs or URLs of articles (.txt, .json, .jsonl, .parquet)")
    p.add_argument("--out", required=True, metavar="DIR", help="write the tables, index.html and story reports here")
    p.add_argument("--workers", type=int, metavar="N", help="start a local cluster of N worker processes (default: one per core)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://HOST:PORT)")
    p.add_argument("--partition-size", type=int, default=500, metavar="N", help="articles per task (default 500)")
    p.add_argument("--sqlite", metavar="FILE", help="also write the tables to one SQLite database with full-text search")
    p.add_argument("--no-html", action="store_true", help="write no HTML report per story")
    p.add_argument("--experimental", action="store_true", help="also report the experimental finding kinds, as compare does")
    p.add_argument("--kinds", metavar="KIND[,KIND...]", help="report only these finding kinds (comma-separated), as compare does")
    p.add_argument("-q", "--quiet", action="store_true", help="print no notes or progress on stderr, only errors")
    _plugin_options(p)

    p = sub.add_parser("plugins", help="list the plugins: names, versions, hooks and load failures")
    p.add_argument("--json", action="store_true", help="print as JSON")
    _plugin_options(p)
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


_SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}


def _positive_size(value: str) -> int:
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    unit = text[-1:] if text[-1:] in ("k", "m", "g") else ""
    number = text[: len(text) - len(unit)]
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"not a size in bytes (such as 5000000, 500k, 200M): {value!r}")
    return int(number) * _SIZE_UNITS[unit]


def _plugin_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--block", action="append", default=[], metavar="NAME", help="do not register plugin NAME (repeatable)")
    p.add_argument("--no-plugins", action="store_true", help="load no third-party plugins")
    p.add_argument("--strict-plugins", action="store_true", help="fail when a plugin cannot be loaded")
    p.add_argument(
        "--hook-timeout",
        type=float,
        metavar="SECONDS",
        help="record a plugin hook call that takes longer than SECONDS as that plugin's failure (default: no limit)",
    )


def _manager(args: argparse.Namespace) -> PluginManager:
    return get_plugin_manager(
        block=args.block,
        third_party=False if args.no_plugins else None,
        strict=True if args.strict_plugins else None,
        hook_timeout=args.hook_timeout,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        pm = _manager(args)
    except NewsdiffError as exc:
        print(f"newsdiff: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.command == "plugins":
        return _plugins(pm, as_json=args.json)
    for failure in pm.load_failures:
        print(f"newsdiff: warning: plugin {failure.name} failed to load: {failure.message}", file=sys.stderr)
    if args.command == "corpus":
        return _corpus(args)
    if args.command == "compare":
        formats = output_formats(pm)
        if args.format not in formats:
            args.compare_parser.error(f"unknown format {args.format!r} (choose from {', '.join(formats)})")
    return _run(args, pm)


def _run(args: argparse.Namespace, pm: PluginManager) -> int:
    loaded = load(*args.paths, pm=pm, max_bytes=args.max_bytes, max_records=args.max_records)
    for problem in loaded.errors:
        print(f"newsdiff: error: {problem.message}", file=sys.stderr)
    if not args.quiet:
        for article in loaded:
            if article.encoding not in (None, "utf-8", "utf-8-sig"):
                print(f"newsdiff: note: {article.source}: not UTF-8; read as {article.encoding}", file=sys.stderr)
    if not loaded.articles:
        print("newsdiff: error: no article could be read", file=sys.stderr)
        return EXIT_INPUT
    bar = Progress(sys.stderr, len(loaded), enabled=not args.quiet and _large(loaded))
    if args.command == "compare":
        kinds = None if args.kinds is None else [k.strip() for k in args.kinds.split(",") if k.strip()]
        report = compare(loaded, pm=pm, group=not args.one_story, progress=bar, kinds=kinds, experimental=args.experimental)
        bar.done()
        color = not args.no_color and args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        output = render(report, args.format, pm=pm, color=color, width=args.width)
    else:
        errors: list[Problem] = []
        extractions = []
        for n, article in enumerate(loaded, 1):
            extractions.append(extract(article, pm=pm, errors=errors))
            bar(n, len(loaded))
        bar.done()
        report = Report(extractions=extractions, errors=(*loaded.errors, *errors))
        output = render(report, "jsonl" if args.format == "jsonl" else "json", pm=pm)
    if not args.quiet:
        for problem in report.errors:
            if problem.stage != "load":
                where = ", ".join(x for x in (problem.plugin and f"plugin {problem.plugin}", problem.article and f"article {problem.article}") if x)
                print(f"newsdiff: warning: {problem.stage}: {where}: {problem.message}", file=sys.stderr)
    try:
        if args.output:
            with exit_on_signals():
                write_atomic(args.output, output)
        else:
            write_stream(output)
    except OutputError as exc:
        print(f"newsdiff: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"newsdiff: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_INPUT if loaded.errors else EXIT_OK


#: Inputs at least this large (in characters) get a progress bar: they take more than a second or two.
PROGRESS_CHARS = 1_500_000


def _large(articles: Sequence[Article]) -> bool:
    return sum(len(a.text) for a in articles) >= PROGRESS_CHARS


class Progress:
    """A one-line progress bar on a terminal's standard error; silent when not a terminal or disabled."""

    def __init__(self, stream: TextIO, total: int, *, enabled: bool = True, width: int = 30) -> None:
        self.stream, self.total, self.width = stream, total, width
        self.enabled = enabled and total > 0 and getattr(stream, "isatty", lambda: False)()
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        filled = self.width * done // max(total, 1)
        if filled == self._shown and done != total:
            return
        self._shown = filled
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\rnewsdiff: extracting [{bar}] {done}/{total} articles")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled and self._shown >= 0:
            self.stream.write("\r" + " " * (self.width + 45) + "\r")
            self.stream.flush()


def _corpus(args: argparse.Namespace) -> int:
    try:
        from .corpus import engine
    except ImportError as exc:
        print(f"newsdiff: error: corpus mode needs its extra: pip install \"newsdiff[corpus]\" ({exc})", file=sys.stderr)
        return EXIT_USAGE
    if args.workers is not None and args.workers < 1 or args.partition_size < 1:
        print("newsdiff: error: --workers and --partition-size must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    note = (lambda message: None) if args.quiet else (lambda message: print(f"newsdiff: {message}", file=sys.stderr))
    try:
        result = engine.run(
            args.paths, args.out, workers=args.workers, scheduler=args.scheduler, partition_size=args.partition_size,
            sqlite=args.sqlite, html=not args.no_html, experimental=args.experimental,
            kinds=None if args.kinds is None else [k.strip() for k in args.kinds.split(",") if k.strip()], block=args.block, third_party=False if args.no_plugins else None,
            strict=True if args.strict_plugins else None, hook_timeout=args.hook_timeout, progress=not args.quiet and sys.stderr.isatty(), note=note,
        )
    except (OSError, NewsdiffError) as exc:
        print(f"newsdiff: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_INPUT if result.load_errors or not result.articles else EXIT_OK


def _plugins(pm: PluginManager, *, as_json: bool) -> int:
    infos = pm.info()
    if as_json:
        data = {
            "plugins": [
                {"name": i.name, "builtin": i.builtin, "version": i.version, "distribution": i.distribution, "hooks": list(i.hooks)}
                for i in infos
            ],
            "failures": [{"name": f.name, "message": f.message} for f in pm.load_failures],
        }
        print(json.dumps(data, indent=2))
        return EXIT_OK
    for i in infos:
        origin = "builtin" if i.builtin else (f"{i.distribution} {i.version}" if i.distribution else "registered")
        print(f"{i.name}  ({origin})")
        print(f"    hooks: {', '.join(i.hooks)}")
    for f in pm.load_failures:
        print(f"{f.name}  (FAILED TO LOAD)")
        print(f"    {f.message}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
