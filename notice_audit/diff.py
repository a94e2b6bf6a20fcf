"""`notice-audit diff OLD NEW`: what changed between two versions of a notice (or two saved JSON reports)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notice_audit.errors import NoticeAuditError
from notice_audit.finding import reaches
from notice_audit.fingerprint import identity

RANK = {"missing": 0, "partial": 1, "present": 2}


@dataclass
class NoticeDiff:
    old_source: str
    new_source: str
    elements: list[dict[str, str]] = field(default_factory=list)  # id, old, new, change (better/worse/changed)
    new_findings: list[dict[str, Any]] = field(default_factory=list)
    fixed_findings: list[dict[str, Any]] = field(default_factory=list)
    old_date: str | None = None
    new_date: str | None = None

    @property
    def worse(self) -> list[dict[str, str]]:
        return [e for e in self.elements if e["change"] == "worse"]

    def exit_code(self, fail_on: str) -> int:
        return 1 if self.worse or reaches((f["severity"] for f in self.new_findings), fail_on) else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_source,
            "new": self.new_source,
            "elements": self.elements,
            "findings": {"new": self.new_findings, "fixed": self.fixed_findings},
            "last_updated": {"old": self.old_date, "new": self.new_date},
        }


def saved_report(path: str) -> dict[str, Any] | None:
    """The first notice of a saved `--format json` report, or None when `path` is not one."""
    if not path.lower().endswith(".json") or not Path(path).is_file():
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NoticeAuditError(f"{path}: cannot read the saved report ({error})") from None
    notices = data.get("notices") if isinstance(data, dict) else None
    if not isinstance(notices, list):
        return None
    if len(notices) != 1:
        raise NoticeAuditError(f"{path}: a saved report for diff must hold exactly one notice, not {len(notices)}")
    return notices[0]


def _key(finding: dict[str, Any]) -> tuple[str, str]:
    return identity(finding["rule"], finding.get("evidence") or "", finding.get("message", ""))


def compare(old: dict[str, Any], new: dict[str, Any]) -> NoticeDiff:
    """Two notices in the JSON contract's shape, compared."""
    result = NoticeDiff(old["source"], new["source"], old_date=old.get("last_updated"), new_date=new.get("last_updated"))
    for element_id in dict.fromkeys([*old["elements"], *new["elements"]]):
        before = old["elements"].get(element_id, {}).get("status", "not_applicable")
        after = new["elements"].get(element_id, {}).get("status", "not_applicable")
        if before == after:
            continue
        if before in RANK and after in RANK:
            change = "better" if RANK[after] > RANK[before] else "worse"
        else:
            change = "changed"
        result.elements.append({"id": element_id, "old": before, "new": after, "change": change})
    # Checklist findings are the element changes above.
    old_findings = [f for f in old["findings"] if not f["rule"].startswith("checklist.")]
    new_findings = [f for f in new["findings"] if not f["rule"].startswith("checklist.")]
    result.new_findings = _unmatched(new_findings, old_findings)
    result.fixed_findings = _unmatched(old_findings, new_findings)
    return result


def _unmatched(findings: list[dict[str, Any]], others: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings with no counterpart among `others` (each counterpart matches once)."""
    remaining = Counter(_key(f) for f in others)
    unmatched = []
    for finding in findings:
        if remaining[_key(finding)] > 0:
            remaining[_key(finding)] -= 1
        else:
            unmatched.append(finding)
    return unmatched


def as_text(diff: NoticeDiff) -> str:
    lines = [f"Comparing {diff.old_source} -> {diff.new_source}"]
    better = sum(e["change"] == "better" for e in diff.elements)
    lines.append(f"Checklist: {better} better, {len(diff.worse)} worse, {len(diff.elements) - better - len(diff.worse)} otherwise changed")
    marks = {"better": "+", "worse": "-", "changed": "~"}
    for element in diff.elements:
        lines.append(f"  {marks[element['change']]} {element['id']}: {element['old']} -> {element['new']}")
    lines.append(f"Findings: {len(diff.new_findings)} new, {len(diff.fixed_findings)} fixed")
    for label, findings in (("new", diff.new_findings), ("fixed", diff.fixed_findings)):
        for finding in findings:
            lines.append(f"  {label:5} {finding['line']}:{finding['column']} {finding['severity']} {finding['rule']} {finding['message']}")
    if diff.old_date != diff.new_date:
        lines.append(f"Last updated: {diff.old_date or 'none'} -> {diff.new_date or 'none'}")
    else:
        lines.append(f"Last updated: unchanged ({diff.old_date or 'none'})")
    return "\n".join(lines) + "\n"
