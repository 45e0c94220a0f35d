"""The judged verdicts (benchmarks/data/judged-findings.jsonl) are well-formed and hold no article text.

This checks the data only; benchmarks/compare_real.py prints the precision they give.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JUDGED = ROOT / "benchmarks" / "data" / "judged-findings.jsonl"
BASIL = Path(os.environ.get("NEWSDIFF_BASIL", ROOT.parent / "shared" / "data" / "basil-dev"))
ROWS = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_verdict_is_well_formed():
    assert ROWS
    for row in ROWS:
        assert {"story", "kind", "evidence", "verdict", "reason", "judge"} <= set(row), row
        assert row["verdict"] in ("right", "partial", "wrong")
        assert row["evidence"] and all(
            isinstance(a, str) and isinstance(s, int) and isinstance(e, int) and 0 <= s <= e for a, s, e in row["evidence"]
        )
        assert row["reason"].strip()


def test_no_verdict_copies_article_text():
    """A reason is the judge's own words: no run of six words from the story's articles."""
    if not BASIL.is_dir():
        pytest.skip(f"basil-dev not found at {BASIL} (set NEWSDIFF_BASIL)")
    for row in ROWS:
        folder = BASIL / row["story"]
        if not folder.is_dir():
            continue
        text = " ".join(" ".join(p.read_text(encoding="utf-8").lower().split()) for p in sorted(folder.glob("*.txt")))
        words = row["reason"].lower().split()
        for i in range(len(words) - 5):
            run = " ".join(words[i : i + 6])
            assert run not in text, (row["story"], run)
        for article, _start, end in row["evidence"]:
            path = folder / f"{article}.txt"
            assert path.exists() and end <= len(path.read_text(encoding="utf-8")), (row["story"], article)
