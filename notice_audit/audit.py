"""The pipeline: source -> Document -> checks -> NoticeReport."""

from __future__ import annotations

from notice_audit.checklist.engine import ElementResult, evaluate
from notice_audit.checklist.model import Checklist
from notice_audit.config import Settings
from notice_audit.document import START, Document
from notice_audit.finding import Finding
from notice_audit.ingest import load
from notice_audit.language.readability import measure
from notice_audit.last_updated import find_last_updated
from notice_audit.report import NoticeReport
from notice_audit import suppress
from notice_audit.rules import QUALITY_RULES, matches_any, meta_unused_suppression
from notice_audit.rules.context import CheckContext


class Auditor:
    """One run: the checklist, the settings and the link checker shared by every notice audited."""

    def __init__(self, checklist: Checklist, settings: Settings, progress: bool = False) -> None:
        self.checklist = checklist
        self.settings = settings
        checker = None
        if not settings.offline:
            from notice_audit.ingest.source import USER_AGENT
            from notice_audit.linkcheck.checker import LinkChecker

            checker = LinkChecker(settings.links, USER_AGENT)
        self.context = CheckContext(settings, checker, progress)

    def audit(self, source: str, input_format: str | None = None) -> NoticeReport:
        document = load(source, input_format, self.settings.offline, self.settings.max_input_mb * 1024 * 1024)
        return audit_document(document, self.checklist, self.settings, self.context)

    def close(self) -> None:
        if self.context.checker is not None:
            self.context.checker.close()

    def __enter__(self) -> Auditor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def audit_source(source: str, checklist: Checklist, settings: Settings, input_format: str | None = None) -> NoticeReport:
    with Auditor(checklist, settings) as auditor:
        return auditor.audit(source, input_format)


def audit_document(document: Document, checklist: Checklist, settings: Settings, context: CheckContext | None = None) -> NoticeReport:
    context = context or CheckContext(settings)
    evaluation = evaluate(document, checklist)
    findings = [_checklist_finding(result) for result in evaluation.results if result.status in ("missing", "partial")]
    for module in QUALITY_RULES:
        findings.extend(module.check(document, context))
    findings, silenced = suppress.apply(findings, document.directives)
    suppressed = len(_configured(silenced, settings))  # those the run would have shown
    findings.extend(meta_unused_suppression.findings(document.directives))
    findings = sorted(_configured(findings, settings), key=lambda f: f.sort_key)
    return NoticeReport(
        source=document.source,
        format=document.format,
        evaluation=evaluation,
        findings=findings,
        last_updated=_date_of(document),
        word_count=document.word_count,
        readability=measure(document, settings.language.max_sentence_words).summary(),
        suppressed=suppressed,
    )


def _date_of(document: Document):
    statement = find_last_updated(document)
    return statement.date if statement else None


def _checklist_finding(result: ElementResult) -> Finding:
    element = result.element
    location = result.evidence[0].location if result.evidence else START
    return Finding(
        rule=element.rule_id,
        severity=result.severity,
        message=result.message,
        location=location,
        evidence=result.evidence[0].text if result.evidence else "",
        reference=element.reference,
        hint=element.hint,
    )


def _configured(findings: list[Finding], settings: Settings) -> list[Finding]:
    """Apply --select/--ignore and the configured severities (the longest matching id wins)."""
    kept = []
    for finding in findings:
        if settings.select and not matches_any(finding.rule, settings.select):
            continue
        if settings.ignore and matches_any(finding.rule, settings.ignore):
            continue
        override = _severity_for(finding.rule, settings.severities)
        if override == "off":
            continue
        if override is not None and override != finding.severity:
            finding = Finding(**{**finding.__dict__, "severity": override})
        kept.append(finding)
    return kept


def _severity_for(rule_id: str, severities: dict[str, str]) -> str | None:
    matching = [key for key in severities if matches_any(rule_id, [key])]
    return severities[max(matching, key=len)] if matching else None
