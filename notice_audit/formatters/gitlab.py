"""GitLab Code Quality report (the Code Climate subset GitLab documents)."""

from __future__ import annotations

import json

from notice_audit.report import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def format_gitlab(report: Report) -> str:
    issues = []
    for notice in report.notices:
        for finding, fingerprint in zip(notice.findings, notice.fingerprints):
            issues.append(
                {
                    "type": "issue",
                    "check_name": finding.rule,
                    "description": finding.message,
                    "categories": ["Compliance" if finding.rule.startswith(("checklist.", "law.", "dates.")) else "Style"],
                    "severity": SEVERITIES[finding.severity],
                    "fingerprint": fingerprint,
                    "location": {"path": notice.path, "lines": {"begin": max(finding.location.line, 1)}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
