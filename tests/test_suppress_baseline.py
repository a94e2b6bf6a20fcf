"""Inline suppressions, baselines and --changed: each way they can go."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notice_audit.cli import app
from notice_audit.config import Settings
from notice_audit.ingest import parse
from notice_audit.ingest.source import RawSource

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

NOTICE = """# Privacy notice

Riverside Borough Council is the data controller.

See the [retention schedule](#) for details.

We will recieve your form.

Please send the the form to us.
"""


def audit(text: str, name: str = "notice.md", fmt: str = "markdown"):
    from notice_audit.audit import audit_document
    from notice_audit.checklist.model import load_checklist

    document = parse(RawSource(name, text.encode(), fmt))
    return audit_document(document, load_checklist(), Settings(offline=True, select=("links", "typos", "meta")))


def rules(report):
    return [(f.rule, f.location.line) for f in report.findings]


def test_without_suppressions():
    assert rules(audit(NOTICE)) == [("links.placeholder", 5), ("typos.spelling", 7), ("typos.repeated", 9)]


@pytest.mark.parametrize(
    ("edit", "expected", "suppressed"),
    [
        ("<!-- notice-audit: disable-next-line=links.placeholder -- form not published yet -->\n\nSee the", [("typos.spelling", 9), ("typos.repeated", 11)], 1),
        ("See the [retention schedule](#) for details. <!-- notice-audit: disable-line=links -->\n\nX", [("typos.spelling", 7), ("typos.repeated", 9)], 1),
        ("<!-- notice-audit: disable=typos -->\n\nSee the", [("links.placeholder", 7)], 2),
        ("<!-- notice-audit: disable-file -->\n\nSee the", [], 3),
    ],
)
def test_suppression_forms(edit, expected, suppressed):
    text = NOTICE.replace("See the", edit, 1) if not edit.startswith("See the [") else NOTICE.replace("See the [retention schedule](#) for details.", edit.split("\n")[0])
    report = audit(text)
    assert rules(report) == expected and report.suppressed == suppressed


def test_a_region_ends_at_enable():
    text = NOTICE.replace("We will recieve", "<!-- notice-audit: disable=typos.spelling -->\nWe will recieve").replace(
        "Please send", "<!-- notice-audit: enable -->\n\nPlease send"
    ) + "\nWe will recieve it again.\n"
    assert rules(audit(text)) == [("links.placeholder", 5), ("typos.repeated", 12), ("typos.spelling", 14)]


def test_unused_and_unreadable_suppressions_are_reported():
    text = NOTICE + "\n<!-- notice-audit: disable-next-line=links.broken -- nothing here -->\nPlain words.\n\n<!-- notice-audit: silence please -->\n"
    found = [(f.rule, f.location.line, f.message) for f in audit(text).findings if f.rule.startswith("meta.")]
    assert found == [
        ("meta.unused-suppression", 11, "This suppression (disable-next-line of links.broken) silences nothing"),
        ("meta.unused-suppression", 14, "Cannot read this notice-audit comment: 'silence please'"),
    ]


@pytest.mark.parametrize(
    ("name", "fmt", "comment"),
    [
        ("notice.njk", "jinja", "{# notice-audit: disable-next-line=links.placeholder -- not yet #}"),
        ("notice.html.erb", "erb", "<%# notice-audit: disable-next-line=links.placeholder %>"),
        ("notice.cshtml", "razor", "@* notice-audit: disable-next-line=links.placeholder *@"),
        ("notice.hbs", "handlebars", "{{!-- notice-audit: disable-next-line=links.placeholder --}}"),
        ("notice.html", "html", "<!-- notice-audit: disable-next-line=links.placeholder -->"),
    ],
)
def test_template_comment_syntaxes(name, fmt, comment):
    text = f"<main>\n<p>Riverside Borough Council is the data controller.</p>\n{comment}\n<p>See the <a href=\"#\">form</a>.</p>\n</main>\n"
    report = audit(text, name, fmt)
    assert rules(report) == [] and report.suppressed == 1


def check(*args: str):
    result = runner.invoke(app, ["check", "--offline", "--today", "2026-11-24", *args])
    return result.exit_code, result.stdout, result.stderr


def test_baseline_reports_only_new_findings_even_when_lines_move(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notice = tmp_path / "notice.md"
    notice.write_text(NOTICE, encoding="utf-8")
    created = runner.invoke(app, ["baseline", "create", "--offline", "--today", "2026-11-24", "notice.md", "-o", "base.json"])
    assert created.exit_code == 0 and "written to base.json" in created.stderr
    assert check("--baseline", "base.json", "notice.md")[0] == 0
    # Lines move (a paragraph added above) and one new mistake appears.
    notice.write_text(NOTICE.replace("# Privacy notice\n", "# Privacy notice\n\nA new first paragraph.\n") + "\nWe keep an recrod.\n", encoding="utf-8")
    code, out, _ = check("--baseline", "base.json", "-f", "json", "notice.md")
    result = json.loads(out)["notices"][0]
    new = [(f["rule"], f["line"]) for f in result["findings"]]
    assert ("typos.spelling", 13) in new and all(line == 13 or rule.startswith(("checklist.", "dates.")) is False for rule, line in new if rule.startswith("typos"))
    assert not any(rule == "typos.repeated" for rule, _ in new) and not any(rule == "links.placeholder" for rule, _ in new)
    assert result["summary"]["baselined"] >= 3
    code, out, _ = check("--baseline", "base.json", "notice.md")
    assert "in the baseline" in out


def test_a_fixed_finding_does_not_hide_a_different_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notice.md").write_text(NOTICE, encoding="utf-8")
    runner.invoke(app, ["baseline", "create", "--offline", "notice.md", "-o", "base.json"])
    (tmp_path / "notice.md").write_text(NOTICE.replace("recieve", "recieve and adress"), encoding="utf-8")
    out = json.loads(check("--baseline", "base.json", "-f", "json", "notice.md")[1])
    assert [f["evidence"] for f in out["notices"][0]["findings"] if f["rule"] == "typos.spelling"] == ["adress"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "baseline file not found"), ("{}", "not a notice-audit baseline file"), ("nope", "cannot read the baseline")],
)
def test_bad_baselines_are_usage_errors(tmp_path, content, message):
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, _, err = check("--baseline", str(path), str(ROOT / "fixtures" / "good" / "complete-notice.md"))
    assert code == 2 and message in err


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "old.md").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "notices" / "other.md").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "app.js").write_text("console.log('not a notice')\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_changed_audits_only_changed_notices(repository):
    code, _, err = check("--changed")
    assert code == 0 and "no notice files changed" in err
    (repository / "notices" / "old.md").write_text(NOTICE + "\nMore text.\n", encoding="utf-8")
    (repository / "notices" / "new.md").write_text(NOTICE, encoding="utf-8")
    (repository / "app.js").write_text("console.log('changed')\n", encoding="utf-8")
    out = json.loads(check("--changed", "-f", "json")[1])
    assert sorted(n["source"] for n in out["notices"]) == ["notices/new.md", "notices/old.md"]
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "edit")
    assert check("--changed")[0] == 0  # nothing since HEAD
    out = json.loads(check("--changed", "--base", "HEAD~1", "-f", "json", "notices")[1])
    assert sorted(n["source"] for n in out["notices"]) == ["notices/new.md", "notices/old.md"]


def test_changed_with_a_bad_base_is_a_usage_error(repository):
    code, _, err = check("--changed", "--base", "no-such-branch")
    assert code == 2 and "--changed: git diff" in err
