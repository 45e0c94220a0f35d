"""docs/report.schema.json describes the JSON report: real output validates, broken contract fields do not."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency (the test extra)")

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


@pytest.fixture(scope="module")
def seeds_json() -> dict:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "compare", str(root / "seeds"), "--format", "json", "--experimental"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def test_seeds_report_validates(validator, seeds_json):
    errors = sorted(validator.iter_errors(seeds_json), key=str)
    assert errors == []
    assert seeds_json["articles"] and seeds_json["quote_clusters"]


def test_other_reports_validate(validator, hostile_pipeline_report, fifty_report):
    for report in (hostile_pipeline_report, fifty_report):
        assert list(validator.iter_errors(report.to_dict())) == []


def test_a_date_that_is_not_iso_is_rejected(validator, hostile):
    data = hostile.to_dict()  # written by hand: its "published" is a payload, not a date
    assert any(list(e.path)[-1:] == ["published"] for e in validator.iter_errors(data))
    for article in data["articles"]:
        article["published"] = None
    assert list(validator.iter_errors(data)) == []


def test_evidence_and_quotes_reproduce_the_text(seeds_json, seed_report):
    texts = {e.id: e.article.text for e in seed_report.extractions}
    for article in seeds_json["articles"]:
        for quote in article["quotes"]:
            assert texts[article["id"]][quote["start"] : quote["end"]] == quote["text"]
    for finding in seeds_json["findings"]:
        for ev in finding["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("schema"),
        lambda d: d["articles"][0].pop("outlet"),
        lambda d: d["articles"][0].update(published="23 December 2017"),
        lambda d: d["articles"][0]["quotes"][0].update(kind="speech"),
        lambda d: d["articles"][0]["quotes"][0].update(start=-1),
        lambda d: d["quote_clusters"][0].update(relation="similar"),
        lambda d: d["quote_clusters"][0].update(members=d["quote_clusters"][0]["members"][:1]),
        lambda d: d["findings"][0]["evidence"][0].pop("article"),
        lambda d: d["findings"][0].pop("summary"),
    ],
)
def test_schema_rejects_a_broken_contract_field(validator, seeds_json, breakage):
    data = copy.deepcopy(seeds_json)
    breakage(data)
    assert list(validator.iter_errors(data)), "the schema accepted a report that breaks the contract"


def test_schema_checks_variant_diffs(validator, seeds_json):
    data = copy.deepcopy(seeds_json)
    variant = {
        "id": "fx", "kind": "quote_variant", "summary": "s", "evidence": [],
        "details": {"cluster": "qc1", "changes": [{"quote": "a#q1", "against": "b#q1", "change": "truncated",
                                                   "diff": [["=", "kept"], ["-", "gone"], ["+", "new"]]}]},
    }
    data["findings"].append(variant)
    assert list(validator.iter_errors(data)) == []
    variant["details"]["changes"][0]["diff"] = [["~", "words"]]
    assert list(validator.iter_errors(data))
    variant["details"] = {"cluster": "qc1"}
    assert list(validator.iter_errors(data))
