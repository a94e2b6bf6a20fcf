"""The notice the project started from: the done-when of the pipeline issue."""

from __future__ import annotations

import pytest

from notice_audit.audit import audit_source
from tests.conftest import PORTSMOUTH

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def report(checklist, offline_settings):
    return audit_source(str(PORTSMOUTH), checklist, offline_settings)


def status(report, element_id: str) -> str:
    return next(r.status for r in report.evaluation.results if r.element.id == element_id)


@pytest.mark.parametrize("element_id", ["controller", "dpo", "purposes", "categories", "recipients", "complaint"])
def test_present_elements(report, element_id):
    assert status(report, element_id) == "present"


@pytest.mark.parametrize(
    "element_id",
    ["transfers", "automated_decisions", "statutory_requirement", "source", "rights.restriction", "rights.portability"],
)
def test_missing_elements(report, element_id):
    assert status(report, element_id) == "missing"


def test_special_category_and_consent_are_not_present(report):
    assert status(report, "special_category") == "partial"  # health and ethnicity, no Art 9 condition
    assert status(report, "withdraw_consent") == "missing"  # consent sought, withdrawal never mentioned


def test_retention_and_lawful_basis_are_partial(report):
    assert status(report, "retention") == "partial"
    assert status(report, "lawful_basis") == "partial"  # Art 6(1)(e) only quoted to explain an exemption


def test_the_four_placeholder_links_with_their_lines(report):
    placeholders = [f for f in report.findings if f.rule == "links.placeholder"]
    assert [(f.location.line, f.location.column) for f in placeholders] == [(47, 139), (55, 140), (57, 1), (75, 28)]
    assert placeholders[1].evidence == "[Access to Personal](#)"
    assert placeholders[2].evidence == "[Records Form](#)"


def test_every_evidence_line_is_right(report):
    lines = PORTSMOUTH.read_text(encoding="utf-8").split("\n")
    for result in report.evaluation.results:
        for evidence in result.evidence:
            source_line = lines[evidence.location.line - 1]
            start = evidence.location.column - 1
            assert source_line[start:].startswith(evidence.text[:15]), (result.element.id, evidence)
    for finding in report.findings:
        if finding.rule == "links.placeholder":
            assert lines[finding.location.line - 1][finding.location.column - 1] == "["


def test_missing_and_partial_elements_become_findings(report):
    flagged = {f.rule for f in report.findings if f.rule.startswith("checklist.")}
    expected = {f"checklist.{r.element.id}" for r in report.evaluation.results if r.status in ("missing", "partial")}
    assert flagged == expected


def test_date_and_articles(report):
    assert report.last_updated.isoformat() == "2022-05-01"
    assert report.evaluation.articles == ["13", "14"]
