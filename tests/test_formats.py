"""Machine formats: SARIF 2.1.0 (and GitHub's stricter rules), JUnit XML, GitHub annotations, GitLab Code Quality, Markdown."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from typer.testing import CliRunner

from notice_audit.cli import _pairs, app
from notice_audit.formatters.github import escape_data, escape_property

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).parent / "schemas"
TYPOS = ROOT / "fixtures" / "language" / "typos-notice.md"
RIVERSIDE = ROOT / "fixtures" / "same-notice" / "riverside-adult-care.md"
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, ["check", "--offline", "--today", "2026-11-24", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def sarif():
    code, out, _ = run("-f", "sarif", str(TYPOS), str(RIVERSIDE))
    assert code == 1
    return json.loads(out)


def test_sarif_validates_against_the_2_1_0_schema(sarif):
    schema = json.loads((SCHEMAS / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_sarif_meets_githubs_rules(sarif):
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)) and "links.placeholder" in ids and "checklist.transfers" in ids
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    assert len(results) > 30
    prints = [r["partialFingerprints"]["noticeAuditFinding/v1"] for r in results]
    assert len(prints) == len(set(prints))
    for result in results:
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert location["artifactLocation"]["uri"] == "fixtures/language/typos-notice.md" or location["artifactLocation"]["uri"].endswith("riverside-adult-care.md")
        assert not location["artifactLocation"]["uri"].startswith("/")


def test_sarif_fingerprints_are_stable_when_lines_move(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notice = tmp_path / "notice.md"
    text = TYPOS.read_text(encoding="utf-8")
    notice.write_text(text, encoding="utf-8")
    before = {r["partialFingerprints"]["noticeAuditFinding/v1"] for r in json.loads(run("-f", "sarif", "notice.md")[1])["runs"][0]["results"]}
    notice.write_text(text.replace("## How we use", "Some new words at the top.\n\n## How we use"), encoding="utf-8")
    after = {r["partialFingerprints"]["noticeAuditFinding/v1"] for r in json.loads(run("-f", "sarif", "notice.md")[1])["runs"][0]["results"]}
    assert before <= after


def test_junit_validates_and_names_are_unique():
    code, out, _ = run("-f", "junit", str(TYPOS), str(RIVERSIDE), "missing-file.md")
    assert code == 2
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd"))
    schema.validate(out)
    document = schema.to_dict(out)
    suites = document["testsuite"]
    assert len(suites) == 3
    for suite in suites[:2]:
        names = [case["@name"] for case in suite["testcase"]]
        assert len(names) == len(set(names))
        assert any(name == "checklist.controller" for name in names)
        assert suite["@tests"] == len(suite["testcase"])
    typos = suites[0]["testcase"]
    assert any(case["@name"].startswith("typos.spelling at 5:") and "failure" in case for case in typos)
    assert suites[2]["testcase"][0]["error"]["@message"].startswith("missing-file.md")


def test_github_annotations_are_escaped_and_grouped(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("-f", "github", str(TYPOS))
    lines = out.splitlines()
    assert lines[0] == "::group::notice-audit fixtures/language/typos-notice.md" and lines[-1] == "::endgroup::"
    spelling = next(line for line in lines if "typos.spelling" in line)
    assert spelling.startswith("::warning file=fixtures/language/typos-notice.md,line=5,col=")
    assert "%0A" in spelling and "\n" not in spelling
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25" and escape_data("50%\r\n") == "50%25%0D%0A"
    assert "## notice-audit" in summary.read_text(encoding="utf-8")


def test_auto_is_github_inside_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run("-f", "auto", str(TYPOS))[1].startswith("::group::")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert not run("-f", "auto", str(TYPOS))[1].startswith("::group::")


def test_gitlab_code_quality_has_the_documented_fields():
    issues = json.loads(run("-f", "gitlab", str(TYPOS))[1])
    assert issues
    for issue in issues:
        assert issue["description"] and issue["check_name"] and issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "fixtures/language/typos-notice.md" and issue["location"]["lines"]["begin"] >= 1
        assert len(issue["fingerprint"]) == 32
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_markdown_report():
    out = run("-f", "markdown", str(TYPOS))[1]
    assert out.startswith("## notice-audit\n")
    assert "| element | status | line | evidence |" in out and "| ⚠️ warning | `typos.spelling` | 5:" in out


def test_several_formats_in_one_run(tmp_path):
    sarif_file, junit_file = tmp_path / "r.sarif", tmp_path / "r.xml"
    code, out, _ = run(str(TYPOS), "-f", "sarif", "-o", str(sarif_file), "--format=junit", f"--output={junit_file}", "-f", "json")
    assert code == 1
    assert json.loads(sarif_file.read_text())["version"] == "2.1.0"
    assert junit_file.read_text().startswith("<?xml")
    assert json.loads(out)["notices"][0]["source"].endswith("typos-notice.md")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "json", "-f", "text"], "only one --format can go to standard output"),
        (["-f", "yaml"], "unknown format 'yaml'"),
        (["-f", "json", "-o", str(TYPOS)], "never writes to them"),
    ],
)
def test_output_mistakes_are_usage_errors(args, message):
    code, _, err = run(str(TYPOS), *args)
    assert code == 2 and message in err


def test_pairs_follow_the_command_line():
    assert _pairs(["a.md", "-f", "sarif", "-o", "x", "-f", "github", "-fjunit", "-oy"]) == [("sarif", "x"), ("github", None), ("junit", "y")]
    assert _pairs(["-o", "out.txt"]) == [("text", "out.txt")]
    assert _pairs([]) == []


def test_outputs_are_not_written_inside_the_notice(tmp_path):
    notice = tmp_path / "n.md"
    notice.write_text(TYPOS.read_text(encoding="utf-8"), encoding="utf-8")
    before = notice.read_bytes(), os.stat(notice).st_mtime_ns
    run(str(notice), "-f", "sarif", "-o", str(tmp_path / "r.sarif"))
    assert (notice.read_bytes(), os.stat(notice).st_mtime_ns) == before


def test_display_paths_follow_the_current_folder(tmp_path, monkeypatch):
    # The repository root is found per folder: a process that changes folder is not given another folder's root.
    from notice_audit.fingerprint import display_path

    notice = tmp_path / "notice.md"
    notice.write_text("We are the controller.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert display_path(str(notice)) == "notice.md"
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert display_path("fixtures/good/complete-notice.md") == "fixtures/good/complete-notice.md"
