"""The command line: it only wires settings, the pipeline and a formatter together."""

from __future__ import annotations

import os
import sys
import textwrap
from typing import TYPE_CHECKING

import typer
from typer.core import TyperCommand

from notice_audit import __version__
from notice_audit.errors import NoticeAuditError
from notice_audit.ingest.source import FORMATS as INPUT_FORMATS

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


class _KeepsArguments(TyperCommand):
    """Keeps the raw arguments, so that each --output pairs with the --format before it."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        ctx.meta["raw_args"] = list(args)
        return super().parse_args(ctx, args)


def _pairs(raw: list[str]) -> list[tuple[str, str | None]]:
    """(format, output file or None) in command-line order; an --output takes the --format before it."""
    pairs: list[list[str | None]] = []
    tokens = iter(raw)
    for token in tokens:
        name = value = None
        for flag, kind in (("--format", "f"), ("-f", "f"), ("--output", "o"), ("-o", "o")):
            if token == flag:
                name, value = kind, next(tokens, "")
            elif token.startswith(flag + "=") and flag.startswith("--"):
                name, value = kind, token[len(flag) + 1 :]
            elif len(flag) == 2 and token.startswith(flag) and len(token) > 2 and not token.startswith("--"):
                name, value = kind, token[2:]
            if name:
                break
        if token == "--":
            break
        if name == "f":
            pairs.append([value, None])
        elif name == "o":
            if pairs and pairs[-1][1] is None:
                pairs[-1][1] = value
            else:
                pairs.append(["text" if not pairs else None, value])
    return [(str(f), o) for f, o in pairs]


@app.command(cls=_KeepsArguments)
def check(
    ctx: typer.Context,
    sources: list[str] = typer.Argument(None, help="Notice files, URLs, or - for standard input (with --changed: folders to look in)."),
    output_format: list[str] = typer.Option(["text"], "--format", "-f", help="text, json, sarif, junit, github, gitlab, markdown or auto (github inside GitHub Actions). Repeat with --output to write several."),
    output: list[str] = typer.Option([], "--output", "-o", help="Write the matching --format to this file (pairs in order); a format without one goes to standard output."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="Exit 1 when a finding reaches this severity: error, warning or never (default error)."),
    select: list[str] | None = typer.Option(None, "--select", help="Only report these rule ids or prefixes (repeat or comma-separate)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Do not report these rule ids or prefixes."),
    config: str | None = typer.Option(None, "--config", help="Configuration file (default: the nearest .notice-audit.yaml)."),
    offline: bool | None = typer.Option(None, "--offline/--online", help="Never use the network."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Check every link afresh; do not read or write the link cache."),
    no_private: bool = typer.Option(False, "--no-private-addresses", help="Refuse to check links to private, loopback or link-local addresses (for shared CI runners)."),
    input_format: str | None = typer.Option(None, "--input-format", help=f"Override format detection ({', '.join(INPUT_FORMATS)})."),
    today: str | None = typer.Option(None, "--today", help="Judge dates and outdated law as of this date (YYYY-MM-DD), for reproducible runs."),
    baseline: str | None = typer.Option(None, "--baseline", help="Report only findings not in this baseline file (see 'notice-audit baseline create')."),
    changed: bool = typer.Option(False, "--changed", help="Audit only the notice files changed in git since --base (committed or not)."),
    base: str = typer.Option("HEAD", "--base", help="With --changed: the git revision to compare with, e.g. origin/main."),
    from_file: list[str] = typer.Option([], "--from-file", help="A file listing sources (paths, folders, URLs, sitemaps), one a line; # starts a comment."),
    include: list[str] = typer.Option([], "--include", help="In folders, audit only files matching this glob (repeatable), e.g. '*privacy*.html'."),
    exclude: list[str] = typer.Option([], "--exclude", help="In folders, skip files matching this glob (repeatable)."),
    every_page: bool = typer.Option(False, "--all", help="From a sitemap, audit every page, not only those that look like privacy notices."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for a batch (default: the machine's cores, for 8 or more notices)."),
) -> None:
    """Audit one or more privacy notices, folders of them, lists and sitemaps."""
    from notice_audit.baseline import Baseline

    try:
        pairs = _pairs(ctx.meta.get("raw_args", [])) or [("text", None)]
        settings, outputs, sources = _prepare(
            sources or [], pairs, fail_on, select, ignore, config, offline, no_cache, today, changed, base, from_file
        )
        if no_private:
            from dataclasses import replace

            settings = replace(settings, links=replace(settings.links, private_addresses=False))
        sources, problems = _expand(sources, include, exclude, from_file, every_page, settings)
        known = Baseline.load(baseline) if baseline else None
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    if changed and not sources:
        typer.echo("notice-audit: no notice files changed since " + base, err=True)
        raise typer.Exit(0)
    for problem in problems:
        _fail(problem)
    if not sources:
        if not problems:
            _fail("no notices found to audit")
        raise typer.Exit(2)
    report = _run(settings, sources, input_format, known, jobs)
    report.errors[:0] = problems
    _write(report, outputs)
    raise typer.Exit(report.exit_code(settings.fail_on))


def _prepare(sources, pairs, fail_on, select, ignore, config, offline, no_cache, today, changed, base, from_files=()):
    """Settings, (format, file or None) pairs and the sources, or a NoticeAuditError."""
    from dataclasses import replace

    from notice_audit.config import FAIL_ON, load_settings, parse_today
    from notice_audit.formatters import FORMATS, resolve

    for name, file in pairs:
        if name == "None":
            raise NoticeAuditError(f"--output {file} has no --format before it: write --format X --output {file}")
        if name not in FORMATS:
            raise NoticeAuditError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    pairs = [(resolve(name), file) for name, file in pairs]
    if sum(file is None for _, file in pairs) > 1:
        raise NoticeAuditError("only one --format can go to standard output; give the others an --output file")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise NoticeAuditError(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    settings = load_settings(config).with_overrides(
        fail_on=fail_on, select=_split(select), ignore=_split(ignore), offline=offline,
        today=parse_today(today) if today else None,
    )
    if no_cache:
        settings = replace(settings, links=replace(settings.links, cache=False))
    if changed:
        from notice_audit.changed import changed_notices

        sources = changed_notices(base, sources)
    elif not sources and not from_files:
        raise NoticeAuditError("give at least one notice file, folder, URL or - (or use --changed or --from-file)")
    audited = {os.path.realpath(s) for s in sources if s != "-" and "://" not in s}
    for _, file in pairs:
        if file is not None and os.path.realpath(file) in audited:
            raise NoticeAuditError(f"--output {file} is one of the notices being audited; notice-audit never writes to them")
    return settings, pairs, sources


def _expand(sources, include, exclude, from_files, every_page, settings) -> tuple[list[str], list[str]]:
    from notice_audit.batch import expand
    from notice_audit.ingest.source import fetch_bytes

    read_url = None if settings.offline else (lambda url: fetch_bytes(url, settings.max_input_mb * 1024 * 1024))
    return expand(sources, include, exclude, from_files, every_page, read_url)


def _run(settings, sources: list[str], input_format: str | None, known, jobs: int = 1) -> Report:
    from notice_audit.audit import Auditor
    from notice_audit.checklist.model import load_checklist
    from notice_audit.report import Report
    from notice_audit.rules import all_rules

    try:
        checklist = load_checklist(settings.checklists)
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    report = Report(rules=all_rules(checklist), run_date=settings.run_date)
    workers = jobs or (min(os.cpu_count() or 1, max(1, len(sources) // 4)) if len(sources) >= 8 else 1)
    if workers > 1 and len(sources) > 1:
        _run_batch(settings, sources, input_format, workers, report)
    else:
        with Auditor(checklist, settings, progress=sys.stderr.isatty()) as auditor:
            for source in sources:
                _audit_one(auditor, source, input_format, report)
    if known is not None:
        for notice in report.notices:
            known.filter(notice)
    return report


def _run_batch(settings, sources: list[str], input_format: str | None, workers: int, report: Report) -> None:
    from contextlib import nullcontext

    from notice_audit.batch import audit_many
    from notice_audit.ingest.source import USER_AGENT
    from notice_audit.linkcheck.checker import LinkChecker

    show = sys.stderr.isatty()
    progress = nullcontext()
    advance = None
    if show:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        progress = Progress(
            TextColumn("Auditing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True
        )
    with progress as bar:
        if show:
            task = bar.add_task("audit", total=len(sources))
            advance = lambda _source: bar.advance(task)  # noqa: E731
        factory = lambda: LinkChecker(settings.links, USER_AGENT)  # noqa: E731
        for result in audit_many(sources, settings, input_format, workers, advance, factory):
            if isinstance(result, str):
                report.errors.append(result)
                _fail(result)
            else:
                report.notices.append(result)


def _write(report: Report, outputs: list[tuple[str, str | None]]) -> None:

    from notice_audit.formatters import get_chunks, get_formatter
    from notice_audit.output import write_atomically

    for name, file in outputs:
        if file is None:
            for chunk in get_chunks(name)(report):
                sys.stdout.write(chunk)
        else:
            try:
                write_atomically(file, get_chunks(name)(report))
            except NoticeAuditError as error:
                _fail(str(error))
                raise typer.Exit(2) from None
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if name == "github" and summary:
            with open(summary, "a", encoding="utf-8") as handle:  # the job summary GitHub shows
                handle.write(get_formatter("markdown")(report))


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


baseline_app = typer.Typer(help="Record the findings a notice already has, so that checks report only new ones.", no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def create_baseline(
    sources: list[str] = typer.Argument(None, help="Notice files or URLs (with --changed: folders to look in)."),
    output: str = typer.Option(".notice-audit-baseline.json", "--output", "-o", help="The baseline file to write."),
    config: str | None = typer.Option(None, "--config", help="Configuration file (default: the nearest .notice-audit.yaml)."),
    offline: bool | None = typer.Option(None, "--offline/--online", help="Never use the network (links then cannot be baselined)."),
    today: str | None = typer.Option(None, "--today", help="Judge dates and outdated law as of this date (YYYY-MM-DD)."),
    input_format: str | None = typer.Option(None, "--input-format", help="Override format detection."),
) -> None:
    """Write a baseline of every current finding; then 'check --baseline FILE' reports only new ones."""

    from notice_audit.baseline import baseline_document
    from notice_audit.output import write_atomically

    try:
        settings, _, sources = _prepare(
            sources or [], [("json", output)], None, None, None, config, offline, False, today, False, "HEAD"
        )
        sources, problems = _expand(sources, [], [], [], False, settings)
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    for problem in problems:
        _fail(problem)
    report = _run(settings, sources, input_format, None)
    try:
        write_atomically(output, [baseline_document(report, settings.run_date)])
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    count = sum(len(notice.findings) for notice in report.notices)
    typer.echo(f"notice-audit: {count} findings of {len(report.notices)} notices written to {output}", err=True)
    raise typer.Exit(2 if report.errors else 0)


@app.command("diff")
def diff(
    old: str = typer.Argument(..., help="The earlier notice: a file, a URL, or a saved --format json report."),
    new: str = typer.Argument(..., help="The later notice, likewise."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="Exit 1 when a new finding reaches this severity (error, warning, never); a checklist element that got worse always does."),
    config: str | None = typer.Option(None, "--config", help="Configuration file (default: the nearest .notice-audit.yaml)."),
    online: bool = typer.Option(False, "--online", help="Also check links over the network (off by default for a diff; notices given as URLs are fetched either way)."),
    today: str | None = typer.Option(None, "--today", help="Judge dates and outdated law as of this date (YYYY-MM-DD)."),
) -> None:
    """Compare two versions of a notice: checklist elements that changed status, findings new and fixed, the date."""
    import json as json_module

    from notice_audit.diff import as_text, compare, saved_report
    from notice_audit.formatters.json import notice_dict

    try:
        if output_format not in ("text", "json"):
            raise NoticeAuditError(f"diff --format must be text or json, not {output_format!r}")
        settings, _, _ = _prepare(["-"], [("json", None)], fail_on, None, None, config, not online, False, today, False, "HEAD")
        sides = []
        for source in (old, new):
            saved = saved_report(source)
            if saved is None and "://" in source and settings.offline:
                saved = notice_dict(_audit_fetched(source, settings))
            elif saved is None:
                report = _run(settings, [source], None, None, 1)
                if report.errors:
                    raise typer.Exit(2)
                saved = notice_dict(report.notices[0])
            sides.append(saved)
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    difference = compare(*sides)
    if output_format == "json":
        typer.echo(json_module.dumps(difference.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(as_text(difference), nl=False)
    raise typer.Exit(difference.exit_code(settings.fail_on))


def _audit_fetched(url: str, settings):
    """A notice fetched from the web and audited without checking its links (diff without --online)."""
    from notice_audit.audit import audit_document
    from notice_audit.checklist.model import load_checklist
    from notice_audit.ingest import parse
    from notice_audit.ingest.source import read_source

    raw = read_source(url, None, False, settings.max_input_mb * 1024 * 1024)
    return audit_document(parse(raw), load_checklist(settings.checklists), settings)


@app.command("init")
def init(
    path: str = typer.Argument(".notice-audit.yaml", help="Where to write the configuration."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Write a commented .notice-audit.yaml with every option at its default."""
    from pathlib import Path

    from notice_audit.init_config import default_config
    from notice_audit.output import write_atomically

    target = Path(path)
    if target.exists() and not force:
        _fail(f"{path} exists; use --force to replace it")
        raise typer.Exit(2)
    try:
        write_atomically(target, [default_config()])
    except NoticeAuditError as error:
        _fail(str(error))
        raise typer.Exit(2) from None
    typer.echo(f"Wrote {path}")


@app.command("rules")
def list_rules(
    config: str | None = typer.Option(None, "--config", help="Configuration file (its checklists add rules)."),
) -> None:
    """List every rule with its default severity and summary."""
    from notice_audit.checklist.model import load_checklist
    from notice_audit.config import load_settings
    from notice_audit.rules import all_rules

    try:
        rules = all_rules(load_checklist(load_settings(config).checklists, patterns=False))
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
        rule = find_rule(rule_id, load_checklist(load_settings(config).checklists, patterns=False))
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
