"""GitHub Actions workflow commands: an annotation per finding, grouped per file."""

from __future__ import annotations

from notice_audit.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report) -> str:
    lines = []
    for notice in report.notices:
        lines.append(f"::group::notice-audit {escape_data(notice.path)}")
        for finding in notice.findings:
            properties = ",".join(
                f"{key}={escape_property(value)}"
                for key, value in (
                    ("file", notice.path),
                    ("line", str(finding.location.line)),
                    ("col", str(finding.location.column)),
                    ("title", f"{finding.rule}"),
                )
            )
            message = finding.message + (f"\n{finding.hint}" if finding.hint else "")
            lines.append(f"::{COMMANDS[finding.severity]} {properties}::{escape_data(message)}")
        counts = notice.counts
        lines.append(f"{notice.path}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info")
        lines.append("::endgroup::")
    for error in report.errors:
        lines.append(f"::error title=notice-audit::{escape_data(error)}")
    return "\n".join(lines) + "\n"
