"""The report for people: a checklist table per notice, then findings as file:line:col lines."""

from __future__ import annotations

import io
import os
import sys

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from notice_audit.report import NoticeReport, Report

STATUS_STYLE = {"present": "green", "partial": "yellow", "missing": "red", "not_applicable": "dim"}
STATUS_LABEL = {"present": "✓ present", "partial": "~ partial", "missing": "✗ missing", "not_applicable": "– n/a"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(buffer: io.StringIO) -> Console:
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = None if sys.stdout.isatty() else 140
    return Console(file=buffer, force_terminal=colour, no_color=not colour, width=width, highlight=False, soft_wrap=False)


def format_text(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer)
    for notice in report.notices:
        _notice(console, notice)
    totals = {"error": 0, "warning": 0, "info": 0}
    for notice in report.notices:
        for severity, count in notice.counts.items():
            totals[severity] += count
    audited = len(report.notices)
    summary = f"{audited} notice{'s' if audited != 1 else ''} audited: {totals['error']} errors, {totals['warning']} warnings, {totals['info']} info"
    suppressed = sum(notice.suppressed for notice in report.notices)
    baselined = sum(notice.baselined for notice in report.notices)
    if suppressed or baselined:
        summary += f" ({suppressed} suppressed inline, {baselined} in the baseline)"
    if report.errors:
        summary += f"; {len(report.errors)} could not be audited"
    console.print(summary)
    return buffer.getvalue()


def _notice(console: Console, notice: NoticeReport) -> None:
    evaluation = notice.evaluation
    coverage = f"{evaluation.coverage:.0%}" if evaluation.coverage is not None else "n/a"
    dated = notice.last_updated.isoformat() if notice.last_updated else "no date found"
    console.print(Text(notice.source, style="bold"), end=" ")
    console.print(
        f"({notice.format}, {notice.word_count} words, Article {'+'.join(evaluation.articles)}, "
        f"last updated: {dated}, checklist coverage {coverage})"
    )
    reading = notice.readability
    if reading is not None and reading.overall.reading_ease is not None:
        overall = reading.overall
        console.print(
            f"Reading ease {overall.reading_ease:.0f} ({reading.band}), grade {overall.grade:.0f}, "
            f"{overall.average_sentence_words:.0f} words a sentence on average"
        )
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    table.add_column("element", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("evidence", overflow="ellipsis", no_wrap=True, max_width=90)
    for result in evaluation.results:
        first = result.evidence[0] if result.evidence else None
        table.add_row(
            result.element.id,
            Text(STATUS_LABEL[result.status], style=STATUS_STYLE[result.status]),
            str(first.location) if first else "",
            first.text if first else "",
        )
    console.print(table)
    for finding in notice.findings:
        line = Text(f"{notice.source}:{finding.location}: ")
        line.append(finding.severity, style=SEVERITY_STYLE[finding.severity])
        line.append(f" {finding.rule} ", style="bold")
        line.append(finding.message)
        console.print(line, soft_wrap=True)
    console.print()
