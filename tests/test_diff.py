"""notice-audit diff: two versions of a notice that differ in checklist status, findings and date."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from notice_audit.cli import app

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "fixtures" / "diff" / "notice-2023.md"
NEW = ROOT / "fixtures" / "diff" / "notice-2026.md"
runner = CliRunner()


def diff(*args: str):
    result = runner.invoke(app, ["diff", "--today", "2026-11-24", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_revised_notice_is_better():
    code, out, _ = diff(str(OLD), str(NEW), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["elements"] == [
        {"id": "transfers", "old": "missing", "new": "present", "change": "better"},
        {"id": "rights.erasure", "old": "missing", "new": "present", "change": "better"},
    ]
    assert [(f["rule"], f["line"]) for f in result["findings"]["new"]] == [("typos.repeated", 29)]
    assert sorted(f["rule"] for f in result["findings"]["fixed"]) == ["dates.stale", "links.placeholder", "typos.spelling"]
    assert result["last_updated"] == {"old": "2023-04-04", "new": "2026-11-02"}


def test_going_backwards_fails():
    code, out, _ = diff(str(NEW), str(OLD))
    assert code == 1
    assert "- transfers: present -> missing" in out and "Last updated: 2026-11-02 -> 2023-04-04" in out
    assert "new   25:79 error links.placeholder" in out


def test_new_warnings_fail_only_when_asked():
    edited = diff(str(OLD), str(NEW), "--fail-on", "warning")
    assert edited[0] == 1  # the new 'the the'


def test_saved_json_reports_compare_like_notices(tmp_path):
    for name, source in (("old.json", OLD), ("new.json", NEW)):
        result = runner.invoke(app, ["check", "--offline", "--today", "2026-11-24", "-f", "json", "-o", str(tmp_path / name), str(source)])
        assert result.exit_code == 1
    from_reports = diff(str(tmp_path / "old.json"), str(tmp_path / "new.json"), "-f", "json")
    from_notices = diff(str(OLD), str(NEW), "-f", "json")
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k not in ("old", "new")}  # noqa: E731
    assert strip(from_reports[1]) == strip(from_notices[1])


def test_the_same_notice_has_no_differences():
    code, out, _ = diff(str(NEW), str(NEW))
    assert code == 0 and "Checklist: 0 better, 0 worse" in out and "Findings: 0 new, 0 fixed" in out and "unchanged (2026-11-02)" in out


def test_bad_inputs_are_usage_errors(tmp_path):
    code, _, err = diff(str(OLD), str(tmp_path / "missing.md"))
    assert code == 2 and "missing.md" in err
    several = tmp_path / "both.json"
    several.write_text(json.dumps({"notices": [{}, {}]}), encoding="utf-8")
    code, _, err = diff(str(several), str(NEW))
    assert code == 2 and "exactly one notice" in err


def test_two_urls_are_fetched_without_checking_their_links(httpserver):
    httpserver.expect_request("/2023").respond_with_data(OLD.read_text(encoding="utf-8"), content_type="text/markdown")
    httpserver.expect_request("/2026").respond_with_data(NEW.read_text(encoding="utf-8"), content_type="text/markdown")
    code, out, err = diff(httpserver.url_for("/2023"), httpserver.url_for("/2026"), "-f", "json")
    assert code == 0, err
    result = json.loads(out)
    assert [e["id"] for e in result["elements"]] == ["transfers", "rights.erasure"]
    assert result["last_updated"] == {"old": "2023-04-04", "new": "2026-11-02"}
    assert len(httpserver.log) == 2  # the two notices, and not one of their links
