"""newsdiff's comparison on real stories: alignment figures, findings per story, judged precision per kind.

    python benchmarks/compare_real.py                      # every story of basil-dev
    python benchmarks/compare_real.py --stories 2014_22b6e900 2016_472158a1
    python benchmarks/compare_real.py --out /tmp/reports   # keep the JSON reports
    python benchmarks/compare_real.py --list-unjudged framing   # findings of a kind no verdict covers yet

Data: the BASIL development stories (``<story>/{fox,nyt,hpo}.txt``, hand labels beside them), read from
``$NEWSDIFF_BASIL`` or a ``shared/data/basil-dev`` folder beside the checkout; the scorers
``score_alignment.py`` and ``score_precision.py`` from ``$NEWSDIFF_TOOLS`` or ``shared/tools`` likewise.  The
script stops with a message when the stories are not there.  Nothing of the stories is written into the
repository: reports go to ``--out`` (a temporary folder by default).

Each story folder is compared with every finding kind on
(``newsdiff.compare(newsdiff.load(folder), experimental=True)``), grouped into stories as ``newsdiff compare``
does (``--one-story`` compares each folder as one).  The scorers are given the reports a user
gets by default (experimental kinds left out); the tables cover every kind.

Judged precision comes from ``benchmarks/data/judged-findings.jsonl``: one verdict per judged finding,
written by a reader who checked the finding against the three texts (rules:
``shared/spec/judging-findings.md``).  A verdict names its finding by kind and evidence spans, never by article
text, and is matched to today's findings by the same key, so verdicts survive changes of ids.  Per kind it
prints: findings today, how many of them carry a verdict, right / partial / wrong among those, precision
(right over judged; partial counts as wrong), and whether the kind is on by default.  A kind on by default
whose judged precision is below .90 is flagged.  Verdicts whose finding is no longer reported are counted as
``gone`` (a fix removed it, or it moved).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import newsdiff
from newsdiff.kinds import KINDS, is_experimental

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "benchmarks" / "data" / "judged-findings.jsonl"
VERDICTS = ("right", "partial", "wrong")
#: Precision a kind needs on judged real stories to be on by default.
TARGET = 0.90


def _find(env: str, relative: str) -> Path | None:
    if os.environ.get(env):
        return Path(os.environ[env])
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / relative).exists():
            return base / relative
    return None


def finding_key(kind: str, evidence) -> tuple:
    """What identifies a finding across runs: its kind and evidence spans (article, start, end), in any order."""
    return (kind, tuple(sorted(tuple(e) for e in evidence)))


def load_verdicts(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = {"story", "kind", "evidence", "verdict", "reason"} - set(row)
        if missing or row["verdict"] not in VERDICTS:
            raise SystemExit(f"{path}:{n}: a verdict needs story, kind, evidence, verdict (right/partial/wrong), reason")
        out.append(row)
    return out


def compare_stories(data: Path, stories: list[str], out: Path, group: bool = True) -> dict[str, dict]:
    """Compare each story folder; write ``out/all/<story>.json`` (every kind) and ``out/default/<story>.json``
    (the findings a user gets by default).  Returns the full reports as JSON data."""
    pm = newsdiff.get_plugin_manager(third_party=False)
    (out / "all").mkdir(parents=True, exist_ok=True)
    (out / "default").mkdir(parents=True, exist_ok=True)
    reports = {}
    for story in stories:
        report = newsdiff.compare(newsdiff.load(str(data / story), pm=pm), pm=pm, group=group, experimental=True)
        data_all = json.loads(newsdiff.render(report, "json", pm=pm))
        reports[story] = data_all
        (out / "all" / f"{story}.json").write_text(json.dumps(data_all, ensure_ascii=False), encoding="utf-8")
        default = dict(data_all, findings=[f for f in data_all["findings"] if not f.get("experimental")])
        (out / "default" / f"{story}.json").write_text(json.dumps(default, ensure_ascii=False), encoding="utf-8")
    return reports


def run_scorer(tool: Path, *args: str, lines: int = 1) -> str:
    done = subprocess.run([sys.executable, str(tool), *args], capture_output=True, text=True)
    text = (done.stdout or done.stderr).strip().splitlines()
    return "\n".join(text[-lines:]) if text else f"({tool.name} printed nothing)"


def per_story_table(reports: dict[str, dict]) -> None:
    kinds = [k for k in KINDS if any(f["kind"] == k for r in reports.values() for f in r["findings"])]
    kinds += sorted({f["kind"] for r in reports.values() for f in r["findings"]} - set(kinds))
    short = {k: "".join(w[0] for w in k.split("_")) for k in kinds}
    print("findings per story and kind (" + ", ".join(f"{short[k]}={k}" for k in kinds) + "; * experimental)")
    print(f"{'story':16}" + "".join(f"{short[k] + ('*' if is_experimental(k) else ''):>6}" for k in kinds) + f"{'all':>6}")
    totals: Counter[str] = Counter()
    for story, report in reports.items():
        counts = Counter(f["kind"] for f in report["findings"])
        totals.update(counts)
        print(f"{story:16}" + "".join(f"{counts[k]:>6}" for k in kinds) + f"{sum(counts.values()):>6}")
    n = max(1, len(reports))
    print(f"{'per story':16}" + "".join(f"{totals[k] / n:>6.1f}" for k in kinds) + f"{sum(totals.values()) / n:>6.1f}")


def judged_table(reports: dict[str, dict], verdicts: list[dict]) -> None:
    today = {
        (story, finding_key(f["kind"], [(e["article"], e["start"], e["end"]) for e in f["evidence"]])): f
        for story, report in reports.items()
        for f in report["findings"]
    }
    judged_stories = {v["story"] for v in verdicts}
    rows: dict[str, Counter] = defaultdict(Counter)
    for (story, (kind, _)), _f in today.items():
        rows[kind]["today"] += 1
        if story in judged_stories:
            rows[kind]["in judged stories"] += 1
    for v in verdicts:
        if v["story"] not in reports:
            continue
        key = (v["story"], finding_key(v["kind"], v["evidence"]))
        if key in today:
            rows[v["kind"]][v["verdict"]] += 1
        else:
            rows[v["kind"]]["gone"] += 1
    print(f"judged precision per kind ({len(verdicts)} verdicts in {JUDGED.relative_to(ROOT)}; "
          f"partial counts as wrong; target {TARGET:.2f})")
    print(f"{'kind':22}{'today':>7}{'judged':>8}{'right':>7}{'partial':>9}{'wrong':>7}{'gone':>6}{'precision':>11}  default")
    for kind in [k for k in KINDS if k in rows] + sorted(set(rows) - set(KINDS)):
        c = rows[kind]
        judged = sum(c[v] for v in VERDICTS)
        precision = c["right"] / judged if judged else None
        on = not is_experimental(kind)
        flag = "  <- on by default below target" if on and precision is not None and precision < TARGET else ""
        shown = "-" if precision is None else f"{precision:.3f}"
        print(f"{kind:22}{c['today']:>7}{judged:>8}{c['right']:>7}{c['partial']:>9}{c['wrong']:>7}{c['gone']:>6}"
              f"{shown:>11}  {'on' if on else 'experimental'}{flag}")


def list_unjudged(reports: dict[str, dict], verdicts: list[dict], kind: str) -> None:
    seen = {(v["story"], finding_key(v["kind"], v["evidence"])) for v in verdicts}
    for story, report in reports.items():
        for f in report["findings"]:
            ev = [(e["article"], e["start"], e["end"]) for e in f["evidence"]]
            if f["kind"] == kind and (story, finding_key(kind, ev)) not in seen:
                row = {"story": story, "id": f["id"], "kind": kind, "evidence": ev, "verdict": "?", "reason": "?"}
                print(json.dumps(row))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, help="the basil-dev folder (default: $NEWSDIFF_BASIL or shared/data/basil-dev)")
    ap.add_argument("--tools", type=Path, help="the scorers' folder (default: $NEWSDIFF_TOOLS or shared/tools)")
    ap.add_argument("--stories", nargs="+", help="only these story folders")
    ap.add_argument("--out", type=Path, help="keep the reports here (default: a temporary folder)")
    ap.add_argument("--one-story", action="store_true", help="compare each folder as one story (as --one-story does)")
    ap.add_argument("--judged", type=Path, default=JUDGED, help="the verdict file (default: %(default)s)")
    ap.add_argument("--list-unjudged", metavar="KIND", help="print a verdict template for each finding of KIND no verdict covers")
    args = ap.parse_args(argv)
    data = args.data or _find("NEWSDIFF_BASIL", "shared/data/basil-dev")
    if data is None or not data.is_dir():
        print("basil-dev not found: set NEWSDIFF_BASIL or pass --data (skipped)")
        return 0
    tools = args.tools or _find("NEWSDIFF_TOOLS", "shared/tools")
    stories = args.stories or sorted(p.name for p in data.iterdir() if (p / "fox.txt").exists())
    verdicts = load_verdicts(args.judged)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        reports = compare_stories(data, stories, out, group=not args.one_story)
        if args.list_unjudged:
            list_unjudged(reports, verdicts, args.list_unjudged)
            return 0
        print(f"{len(stories)} stories from {data}")
        if tools is not None and (tools / "score_alignment.py").exists():
            print("\nalignment (score_alignment.py, default findings):")
            print(run_scorer(tools / "score_alignment.py", str(out / "default"), "--gold-dir", str(data), "--only-present"))
            if (data / "exhaustive").is_dir():
                print("\nprecision on the exhaustively labelled stories (score_precision.py, default findings):")
                print(run_scorer(tools / "score_precision.py", str(out / "default"), str(data / "exhaustive"), lines=3))
        else:
            print("\nscorers not found: set NEWSDIFF_TOOLS or pass --tools (alignment figures skipped)")
        print()
        per_story_table(reports)
        print()
        judged_table(reports, verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
