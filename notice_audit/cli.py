"""The command line: it only wires settings, the pipeline and a formatter together."""

from __future__ import annotations

import os
import sys
import textwrap
from typing import TYPE_CHECKING

import typer

from notice_audit import __version__
from notice_audit.errors import NoticeAuditError

if TYPE_CHECKING:
    from notice_audit.audit import Auditor
    from notice_audit.report import Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit privacy notices against the UK GDPR Article 13/14 checklist and for quality problems.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _fail(message: str) -> None:
    typer.echo(f"notice-audit: {message}", err=True)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"notice-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Audit privacy notices against the UK GDPR Article 13/14 checklist and for quality problems."""


@app.command()
def check(
    sources: list[str] = typer.Argument(..., help="Notice files, URLs, or - for standard input."),
    output_format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity: error, warning or never (default error)."),
    select: list[str] | None = typer.Option(None, "--select", help="Only report these rule ids or prefixes (repeat or comma-separate)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Do not report these rule ids or prefixes."),
    config: str | None = typer.Option(None, "--config", help="Configuration file (default: the nearest .notice-audit.yaml)."),
    offline: bool | None = typer.Option(None, "--offline/--online", help="Never use the network."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Check every link afresh; do not read or write the link cache."),
    input_format: str | None = typer.Option(None, "--input-format", help="Override format detection (html, markdown, text, pdf, docx, erb, jinja, handlebars, razor, php, blade, script)."),
    today: str | None = typer.Option(None, "--today", help="Judge dates and outdated law as of this date (YYYY-MM-DD), for reproducible runs."),
) -> None:
    """Audit one or more privacy notices."""
    from dataclasses import replace

    from notice_audit.audit import Auditor
    from notice_audit.checklist.model import load_checklist
    from notice_audit.config import FAIL_ON, load_settings, parse_today
    from notice_audit.formatters import FORMATS, get_formatter
    from notice_audit.report import Report

    try:
        if output_format not in FORMATS:
            raise NoticeAuditError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
        if fail_on is not None and fail_on not in FAIL_ON:
            raise NoticeAuditError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
        settings = load_settings(config).with_overrides(
            fail_on=fail_on, select=_split(select), ignore=_split(ignore), offline=offline,
            today=parse_today(today) if today else None,
        )
        if no_cache:
            settings = replace(settings, links=replace(settings.links, cache=False))
        checklist = load_checklist(settings.checklists)
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None

    report = Report()
    with Auditor(checklist, settings, progress=sys.stderr.isatty()) as auditor:
        for source in sources:
            _audit_one(auditor, source, input_format, report)
    sys.stdout.write(get_formatter(output_format)(report))
    raise typer.Exit(report.exit_code(settings.fail_on))


def _audit_one(auditor: Auditor, source: str, input_format: str | None, report: Report) -> None:
    """Audit one source into `report`; its problems are reported and the run goes on."""
    try:
        report.notices.append(auditor.audit(source, input_format))
    except NoticeAuditError as error:
        report.errors.append(str(error))
        _fail(str(error))
    except Exception as error:  # a bug must not show the user a traceback
        if os.environ.get("NOTICE_AUDIT_DEBUG"):
            raise
        message = f"{source}: internal error ({type(error).__name__}: {error}); set NOTICE_AUDIT_DEBUG=1 for details"
        report.errors.append(message)
        _fail(message)


@app.command("rules")
def list_rules(
    config: str | None = typer.Option(None, "--config", help="Configuration file (its checklists add rules)."),
) -> None:
    """List every rule with its default severity and summary."""
    from notice_audit.checklist.model import load_checklist
    from notice_audit.config import load_settings
    from notice_audit.rules import all_rules

    try:
        rules = all_rules(load_checklist(load_settings(config).checklists))
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    width = max(len(rule.id) for rule in rules)
    for rule in rules:
        typer.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@app.command("rule")
def explain_rule(
    rule_id: str = typer.Argument(..., help="A rule id, e.g. checklist.retention or links.placeholder."),
    config: str | None = typer.Option(None, "--config", help="Configuration file (its checklists add rules)."),
) -> None:
    """Explain one rule: what it checks, why, the article it rests on, and how to fix it."""
    from notice_audit.checklist.model import load_checklist
    from notice_audit.config import load_settings
    from notice_audit.rules import find_rule

    try:
        rule = find_rule(rule_id, load_checklist(load_settings(config).checklists))
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    if rule is None:
        _fail(f"no rule {rule_id!r}; 'notice-audit rules' lists them")
        raise typer.Exit(2)
    wrap = lambda text: textwrap.fill(text, width=88)
    sections = [
        f"{rule.id} ({rule.severity})",
        rule.summary,
        "Why:\n" + wrap(rule.explanation),
        f"Rests on: {rule.reference}",
        "How to fix:\n" + wrap(rule.hint),
    ]
    if rule.example:
        sections.append("Example:\n" + wrap(rule.example))
    if rule.details is not None:
        try:
            sections.append(rule.details())
        except NoticeAuditError as error:
            _fail(str(error))
            raise typer.Exit(2) from None
    typer.echo("\n\n".join(sections))


def main() -> None:
    app()
