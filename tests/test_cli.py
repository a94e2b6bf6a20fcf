"""The command line: formats, exit codes 0/1/2, bad input, standard input, URLs, and never writing inputs."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from notice_audit.cli import app
from tests.conftest import BAD_FILES, CORPUS, FIXTURES, PORTSMOUTH

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "notice_audit" / "schemas" / "report.schema.json").read_text())
GOOD = FIXTURES / "good" / "complete-notice.md"
SAME = FIXTURES / "same-notice"

runner = CliRunner()


def run(*args: str, input: str | None = None):
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_good_notice_exits_0(tmp_path):
    code, out, _ = run("check", str(GOOD))
    assert code == 0
    assert "0 errors" in out


def test_findings_at_the_threshold_exit_1():
    code, out, _ = run("check", str(SAME / "riverside-adult-care.md"))
    assert code == 1
    assert "riverside-adult-care.md:44:78: error links.placeholder" in out


def test_fail_on_never_and_warning():
    assert run("check", "--fail-on", "never", str(SAME / "riverside-adult-care.md"))[0] == 0
    # --today keeps the good notice's date fresh whenever the tests run.
    assert run("check", "--fail-on", "warning", "--today", "2026-11-24", str(GOOD))[0] == 0
    assert run("check", "--fail-on", "warning", "--today", "2028-01-01", str(GOOD))[0] == 1  # dates.stale
    code, _, err = run("check", "--fail-on", "sometimes", str(GOOD))
    assert code == 2 and "--fail-on must be one of" in err


def test_severity_lowered_below_threshold_exits_0(tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("rules:\n  checklist: warning\n  links: warning\n")
    assert run("check", "--config", str(config), str(SAME / "riverside-adult-care.md"))[0] == 0
    assert run("check", "--config", str(config), "--fail-on", "warning", str(SAME / "riverside-adult-care.md"))[0] == 1


def test_json_matches_the_contract_schema():
    code, out, _ = run("check", "--format", "json", str(SAME / "riverside-adult-care.md"), str(SAME / "riverside-adult-care.pdf"))
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    notice = report["notices"][0]
    assert report["tool"]["name"] == "notice-audit"
    assert notice["last_updated"] == "2026-03-03"
    assert notice["elements"]["retention"]["evidence"][0] == {
        "line": 32, "column": 1, "text": "We keep adult social care records for 8 years after our last contact with you."
    }
    flagged = {f["rule"] for f in notice["findings"]}
    for element_id, element in notice["elements"].items():
        assert (f"checklist.{element_id}" in flagged) == (element["status"] in ("missing", "partial"))
    pdf = report["notices"][1]
    assert all("page" in e for el in pdf["elements"].values() for e in el["evidence"])
    assert 0 <= notice["summary"]["coverage"] <= 1


def test_json_on_a_fixture_from_every_format_validates():
    sources = [str(p) for p in sorted(SAME.iterdir())] + [str(p) for p in sorted((FIXTURES / "formats").iterdir())]
    code, out, _ = run("check", "--format", "json", "--fail-on", "never", *sources)
    assert code == 0
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert len(report["notices"]) == len(sources)


@pytest.mark.parametrize("name, problem", BAD_FILES)
def test_bad_input_is_one_line_and_exit_2(name, problem):
    code, out, err = run("check", str(FIXTURES / "bad" / name))
    assert code == 2
    lines = err.strip().split("\n")
    assert len(lines) == 1 and problem in lines[0] and name in lines[0]
    assert "Traceback" not in err + out


def test_other_sources_are_still_audited_when_one_fails(tmp_path):
    code, out, err = run("check", "--format", "json", str(tmp_path / "missing.md"), str(GOOD), str(tmp_path))
    assert code == 2
    report = json.loads(out)
    assert [n["source"] for n in report["notices"]] == [str(GOOD)]
    assert len(report["errors"]) == 2
    assert "missing.md: no such file" in err and "the folder holds no notice files" in err


def test_usage_errors_exit_2():
    assert run("check")[0] == 2
    code, _, err = run("check", "--format", "yaml", str(GOOD))
    assert code == 2 and "unknown format 'yaml'" in err
    code, _, err = run("check", "--input-format", "rtf", str(GOOD))
    assert code == 2 and "unknown input format 'rtf'" in err


def test_bad_config_exits_2_naming_the_file(tmp_path):
    config = tmp_path / ".notice-audit.yaml"
    config.write_text("colour: red\n")
    code, _, err = run("check", "--config", str(config), str(GOOD))
    assert code == 2 and str(config) in err and "unknown key 'colour'" in err


def test_standard_input_with_format_detection_and_override():
    text = (SAME / "riverside-adult-care.md").read_text()
    code, out, _ = run("check", "--format", "json", "-", input=text)
    notice = json.loads(out)["notices"][0]
    assert code == 1 and notice["source"] == "-" and notice["format"] == "markdown"
    html = (SAME / "riverside-adult-care.html").read_text()
    code, out, _ = run("check", "--format", "json", "--input-format", "text", "-", input=html)
    assert json.loads(out)["notices"][0]["format"] == "text"


def test_plain_text_output_has_no_colour_codes(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run("check", str(SAME / "riverside-adult-care.md"))
    assert "\x1b[" not in out
    assert "✗ missing" in out and "rights.restriction" in out


def test_rules_and_rule():
    code, out, _ = run("rules")
    assert code == 0
    lines = out.strip().split("\n")
    assert any(line.startswith("checklist.rights.portability") for line in lines)
    assert any(line.startswith("links.placeholder") and "error" in line for line in lines)
    code, out, _ = run("rule", "checklist.transfers")
    assert code == 0 and "UK GDPR Art 13(1)(f), 14(1)(f)" in out and "How to fix:" in out
    code, out, _ = run("rule", "links.placeholder")
    assert "Art 12(1)" in out and "Example:" in out
    code, _, err = run("rule", "no.such.rule")
    assert code == 2 and "no rule 'no.such.rule'" in err


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("notice-audit 0.1.0")


LOOPBACK_ONLY = "links:\n  exclude: ['^https?://(?!127\\.0\\.0\\.1|localhost)']\n  retries: 0\n  timeout: 2\n"


@pytest.fixture
def online(monkeypatch, tmp_path):
    """The network on, but links outside 127.0.0.1 excluded: tests never reach the internet."""
    monkeypatch.delenv("NOTICE_AUDIT_OFFLINE")
    config = tmp_path / ".notice-audit.yaml"
    config.write_text(LOOPBACK_ONLY)
    return str(config)


def test_url_sources_over_a_real_loopback_server(httpserver, online):
    html = (SAME / "riverside-adult-care.html").read_bytes()
    httpserver.expect_request("/privacy").respond_with_data(html, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/notice.pdf").respond_with_data((SAME / "riverside-adult-care.pdf").read_bytes(), content_type="application/pdf")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/image").respond_with_data(b"\x89PNG", content_type="image/png")
    httpserver.expect_request("/").respond_with_data("home")
    httpserver.expect_request("/bins").respond_with_data("bins")
    httpserver.expect_request("/tax").respond_with_data("tax")
    code, out, err = run(
        "check", "--config", online, "--format", "json", httpserver.url_for("/privacy"), httpserver.url_for("/notice.pdf"),
        httpserver.url_for("/gone"), httpserver.url_for("/image"),
    )
    assert code == 2
    report = json.loads(out)
    assert [n["format"] for n in report["notices"]] == ["html", "pdf"]
    assert report["notices"][0]["elements"]["rights.restriction"]["status"] == "missing"
    assert "HTTP 404" in err and "image/png, not a notice" in err
    code, _, err = run("check", "--offline", httpserver.url_for("/privacy"))
    assert code == 2 and "cannot fetch a URL with --offline" in err


def test_unreachable_url_and_other_schemes(online):
    code, _, err = run("check", "--config", online, "http://127.0.0.1:9/privacy", "ftp://example.org/notice.txt")
    assert code == 2
    assert "could not connect" in err and "only http and https URLs" in err


@pytest.mark.corpus
def test_inputs_are_never_written(tmp_path):
    sources = [PORTSMOUTH, *sorted(SAME.iterdir()), *sorted((FIXTURES / "bad").iterdir())]
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sources}
    run("check", "--format", "json", *map(str, sources))
    run("check", *map(str, sources))
    after = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sources}
    assert before == after


def test_python_dash_m_and_no_traceback_on_bad_input():
    result = subprocess.run(
        [sys.executable, "-m", "notice_audit", "check", str(FIXTURES / "bad" / "empty.md")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"notice-audit: {FIXTURES / 'bad' / 'empty.md'}: has no text to audit (empty document)"


@pytest.mark.corpus
def test_every_corpus_notice_is_audited():
    notices = sorted(p for p in CORPUS.iterdir() if p.name != "labels.yaml")
    code, out, err = run("check", "--format", "json", "--fail-on", "never", *map(str, notices))
    assert code == 0, err
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert len(report["notices"]) == len(notices)


def test_init_writes_every_default_and_loads_back(tmp_path, monkeypatch):
    from dataclasses import replace

    monkeypatch.delenv("NOTICE_AUDIT_OFFLINE")

    from notice_audit.config import Settings, load_settings

    target = tmp_path / ".notice-audit.yaml"
    code, out, _ = run("init", str(target))
    assert code == 0 and "Wrote" in out
    assert replace(load_settings(str(target)), config_file=None) == Settings()
    for key in ("fail_on:", "links:", "language:", "dates:", "law:", "max_age:", "per_host_concurrency:"):
        assert key in target.read_text(encoding="utf-8")
    code, _, err = run("init", str(target))
    assert code == 2 and "exists; use --force" in err
    assert run("init", "--force", str(target))[0] == 0
