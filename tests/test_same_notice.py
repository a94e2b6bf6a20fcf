"""One notice in every input format gives the same checklist."""

from __future__ import annotations

import pytest

from notice_audit.audit import audit_source
from tests.conftest import FIXTURES

SAME = FIXTURES / "same-notice"
FORMATS = ["riverside-adult-care.md", "riverside-adult-care.txt", "riverside-adult-care.html", "riverside-adult-care.njk",
           "riverside-adult-care.html.erb", "riverside-adult-care.docx", "riverside-adult-care.pdf"]


@pytest.fixture(scope="module")
def statuses(checklist, offline_settings):
    found = {}
    for name in FORMATS:
        report = audit_source(str(SAME / name), checklist, offline_settings)
        found[name] = ({r.element.id: r.status for r in report.evaluation.results}, report.evaluation.articles, report.last_updated)
    return found


def test_reference_statuses(statuses):
    elements, articles, dated = statuses["riverside-adult-care.md"]
    assert articles == ["13", "14"]
    assert dated.isoformat() == "2026-03-03"
    assert elements["special_category"] == "present"
    assert elements["statutory_requirement"] == "partial"
    assert elements["rights.restriction"] == "missing"
    assert elements["withdraw_consent"] == "not_applicable"
    assert elements["source"] == "present"


@pytest.mark.parametrize("name", FORMATS[1:])
def test_same_statuses_in_every_format(statuses, name):
    assert statuses[name] == statuses["riverside-adult-care.md"]
