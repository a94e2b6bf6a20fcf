"""SARIF 2.1.0, as GitHub code scanning and other viewers read it."""

from __future__ import annotations

import json
from typing import Any

from notice_audit import __version__
from notice_audit.report import Report
from notice_audit.rules.base import Rule

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "noticeAuditFinding/v1"


def rule_name(rule_id: str) -> str:
    """'links.placeholder' -> 'LinksPlaceholder' (SARIF names are identifiers)."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", ".").split("."))


def _descriptor(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.hint}\n\nRests on: {rule.reference}"
    return {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation or rule.summary},
        "help": {"text": help_text, "markdown": f"{rule.hint}\n\n**Rests on:** {rule.reference}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.id.split(".")[0], "privacy-notice"]},
    }


def _location(uri: str, line: int, column: int) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if "://" not in uri:
        artifact["uriBaseId"] = "%SRCROOT%"
    return {"physicalLocation": {"artifactLocation": artifact, "region": {"startLine": max(line, 1), "startColumn": max(column, 1)}}}


def format_sarif(report: Report) -> str:
    rules = list(report.rules)
    known = {rule.id for rule in rules}
    for notice in report.notices:  # a finding of a rule the run did not list still needs a descriptor
        for finding in notice.findings:
            if finding.rule not in known:
                rules.append(Rule(finding.rule, finding.severity, finding.rule, "", finding.reference, finding.hint))
                known.add(finding.rule)
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = []
    for notice in report.notices:
        for finding, fingerprint in zip(notice.findings, notice.fingerprints):
            result: dict[str, Any] = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [_location(notice.path, finding.location.line, finding.location.column)],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
            }
            if finding.location.page is not None:
                result["properties"] = {"page": finding.location.page}
            results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "notice-audit",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/notice-audit/",
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The root of the repository audited."}}},
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": error}} for error in report.errors
                ],
            }
        ],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
