"""A Markdown report to paste into a pull request, a job summary or an audit file."""

from __future__ import annotations

from notice_audit.report import NoticeReport, Report

STATUS = {"present": "✅ present", "partial": "🟡 partial", "missing": "❌ missing", "not_applicable": "➖ n/a"}
SEVERITY = {"error": "❌ error", "warning": "⚠️ warning", "info": "ℹ️ info"}


def cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _notice(notice: NoticeReport) -> list[str]:
    evaluation = notice.evaluation
    coverage = f"{evaluation.coverage:.0%}" if evaluation.coverage is not None else "n/a"
    counts = notice.counts
    lines = [
        f"### `{notice.path}`",
        "",
        f"{notice.word_count} words · Article {'+'.join(evaluation.articles)} · last updated "
        f"{notice.last_updated.isoformat() if notice.last_updated else '(no date found)'} · checklist coverage {coverage} · "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info",
    ]
    reading = notice.readability
    if reading is not None and reading.overall.reading_ease is not None:
        lines.append("")
        lines.append(f"Reading ease {reading.overall.reading_ease:.0f} ({reading.band}), grade {reading.overall.grade:.0f}.")
    extra = [f"{n} {what}" for n, what in ((notice.suppressed, "suppressed inline"), (notice.baselined, "in the baseline")) if n]
    if extra:
        lines += ["", f"Not shown: {', '.join(extra)}."]
    lines += ["", "| element | status | line | evidence |", "|---|---|---|---|"]
    for result in evaluation.results:
        first = result.evidence[0] if result.evidence else None
        lines.append(
            f"| {result.element.id} | {STATUS[result.status]} | {first.location if first else ''} | {cell(first.text[:120]) if first else ''} |"
        )
    others = [f for f in notice.findings if not f.rule.startswith("checklist.")]
    if others:
        lines += ["", "| severity | rule | line | finding |", "|---|---|---|---|"]
        for finding in others:
            lines.append(f"| {SEVERITY[finding.severity]} | `{finding.rule}` | {finding.location} | {cell(finding.message)} |")
    return lines


def format_markdown(report: Report) -> str:
    totals = {"error": 0, "warning": 0, "info": 0}
    for notice in report.notices:
        for severity, count in notice.counts.items():
            totals[severity] += count
    lines = [
        "## notice-audit",
        "",
        f"{len(report.notices)} notice{'s' if len(report.notices) != 1 else ''} audited: "
        f"{totals['error']} errors, {totals['warning']} warnings, {totals['info']} info.",
    ]
    for error in report.errors:
        lines += ["", f"❗ Could not audit: {cell(error)}"]
    for notice in report.notices:
        lines += [""] + _notice(notice)
    return "\n".join(lines) + "\n"
