"""What an audit produces: one `NoticeReport` per source, gathered in a `Report`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from notice_audit.checklist.engine import Evaluation
from notice_audit.finding import Finding, reaches
from notice_audit.fingerprint import display_path, fingerprints
from notice_audit.language.readability import ReadingSummary
from notice_audit.rules.base import Rule


@dataclass
class NoticeReport:
    source: str
    format: str
    evaluation: Evaluation
    findings: list[Finding]
    last_updated: date | None
    word_count: int
    readability: ReadingSummary | None = None
    suppressed: int = 0  # findings silenced by inline notice-audit comments
    baselined: int = 0  # findings already in the baseline file

    @property
    def path(self) -> str:
        """The source as shown in machine formats: relative to the repository root."""
        return display_path(self.source)

    @property
    def fingerprints(self) -> list[str]:
        return fingerprints(self.findings, self.path)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


@dataclass
class Report:
    notices: list[NoticeReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per source that could not be audited
    rules: list[Rule] = field(default_factory=list)  # every rule of the run, for formats that describe them
    run_date: date | None = None  # the date the run judged dates against (today or --today)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def exit_code(self, fail_on: str) -> int:
        if self.errors:
            return 2
        return 1 if reaches((f.severity for n in self.notices for f in n.findings), fail_on) else 0
