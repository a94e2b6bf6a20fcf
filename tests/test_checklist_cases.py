"""Every element's present / partial / missing / not_applicable paths, from checklist_cases.yaml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from notice_audit.checklist.engine import evaluate
from notice_audit.ingest import load, parse
from notice_audit.ingest.source import RawSource

CASES = yaml.safe_load((Path(__file__).parent / "checklist_cases.yaml").read_text(encoding="utf-8"))
PARAMS = [
    pytest.param(element_id, case["status"], case["text"], id=f"{element_id}-{index}-{case['status']}")
    for element_id, cases in CASES.items()
    for index, case in enumerate(cases)
]


@pytest.mark.parametrize("element_id, expected, text", PARAMS)
def test_element_case(checklist, element_id, expected, text):
    document = parse(RawSource("case.md", text.encode("utf-8"), "markdown"))
    result = next(r for r in evaluate(document, checklist).results if r.element.id == element_id)
    assert result.status == expected, f"{element_id}: {text!r} -> {result.status} ({result.message})"


def test_every_element_has_every_path_it_can_take(checklist):
    for element in checklist.elements:
        statuses = {case["status"] for case in CASES[element.id]}
        assert {"present", "missing" if not element.trigger else "not_applicable"} <= statuses, element.id
        if element.partial or any(rule.with_ and rule.lacking for rule in element.present) or element.when_absent == "partial":
            assert "partial" in statuses, element.id


def test_evidence_and_messages(checklist):
    document = parse(RawSource("case.md", b"We keep information for no longer than is necessary.", "markdown"))
    results = {r.element.id: r for r in evaluate(document, checklist).results}
    retention = results["retention"]
    assert retention.evidence[0].text == "We keep information for no longer than is necessary."
    assert str(retention.evidence[0].location) == "1:1"
    assert "no longer than necessary" in retention.message
    assert "looked for" in results["transfers"].message


def test_a_pages_header_and_footer_give_the_owners_name_and_contact_details(checklist):
    # a small clinic's page: its name and address only in the footer, its phone and email in the header
    path = Path(__file__).parent.parent / "fixtures" / "formats" / "clinic-footer-contact.html"
    document = load(str(path))
    results = {r.element.id: r for r in evaluate(document, checklist).results}
    controller = results["controller"]
    assert controller.status == "present"
    assert any("Hazelmere Podiatry" in e.text and e.location.line in (8, 21) for e in controller.evidence)
    # the web designer credited in the footer is not the controller, and the footer says nothing else
    assert not any("Pixelwright" in e.text for r in results.values() for e in r.evidence if "Hazelmere" not in e.text)
    assert results["rights.access"].status == "present" and results["retention"].status == "present"
    # the same page whose title names no one: the footer's name is no one the notice names
    untitled = parse(RawSource("p.html", path.read_bytes().replace(b"Privacy notice Hazelmere Podiatry", b"Privacy notice"), "html"))
    assert next(r for r in evaluate(untitled, checklist).results if r.element.id == "controller").status != "present"


def test_page_chrome_is_not_proofread_or_link_checked():
    path = Path(__file__).parent.parent / "fixtures" / "formats" / "clinic-footer-contact.html"
    result = subprocess.run(
        [sys.executable, "-m", "notice_audit", "check", str(path), "--offline", "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    findings = json.loads(result.stdout)["notices"][0]["findings"]
    assert not any("tpyo" in (f.get("evidence") or "") for f in findings)
    assert not any(f["rule"] == "links.placeholder" for f in findings)  # the navigation's '#'
