"""The HTML report in a real headless browser: Debian's Chromium driven by Playwright (no downloaded browser).

The tests skip, with the reason, where Chromium is missing; .ci/run installs
Chromium and axe-core so that CI runs them. A screenshot of the overview is saved in
test-artifacts/ for inspection.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from notice_audit.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(os.environ.get("AXE_CORE_JS", Path.home() / ".cache" / "notice-audit-ci" / "node_modules" / "axe-core" / "axe.min.js"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian package chromium); .ci/run installs it")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    target = tmp_path_factory.mktemp("html") / "report.html"
    sources = [str(ROOT / "fixtures" / "labelled"), str(ROOT / "fixtures" / "same-notice" / "riverside-adult-care.md")]
    result = CliRunner().invoke(app, ["check", "--offline", "--today", "2026-11-24", "--jobs", "1", "-f", "html", "-o", str(target), *sources])
    assert result.exit_code == 1, result.stderr
    return target


@pytest.fixture(scope="module")
def page(report_file):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.console_errors = []
        page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.goto(report_file.as_uri())
        yield page
        browser.close()


LABELLED = len([p for p in (ROOT / "fixtures" / "labelled").iterdir() if p.suffix != ".yaml"])
NOTICES = LABELLED + 1  # and riverside-adult-care.md


def _row(page, name: str):
    return page.locator("#matrix tbody tr", has=page.locator(f"th a:text-is('{name}')"))


def test_the_matrix_shows_each_notice_with_its_statuses(page):
    rows = page.locator("#matrix tbody tr")
    assert rows.count() == NOTICES
    assert page.locator("#shown").inner_text() == f"{NOTICES} of {NOTICES} notices shown"
    headers = page.locator("#matrix thead th").all_inner_texts()
    assert headers[:4] == ["Notice", "Coverage", "Errors", "Last updated"] and "transfers" in headers
    riverside = _row(page, "fixtures/same-notice/riverside-adult-care.md")
    column = headers.index("controller")
    cell = riverside.locator("td, th").nth(column)
    assert cell.get_attribute("data-status") == "present" and "present" in cell.inner_text()
    missing = page.locator('#matrix td[data-status="missing"]').first
    assert "✗" in missing.inner_text() and "missing" in missing.inner_text()  # an icon and words, not colour alone
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report-overview.png"))
    assert page.console_errors == []


def test_filtering_and_sorting_work(page):
    page.fill("#filter", "riverside-adult")
    assert page.locator("#matrix tbody tr:visible").count() == 1
    assert page.locator("#shown").inner_text() == f"1 of {NOTICES} notices shown"
    page.fill("#filter", "")
    page.select_option("#show", "dates")
    with_date_problems = page.locator("#matrix tbody tr:visible").count()
    assert 0 < with_date_problems < NOTICES
    for row in page.locator("#matrix tbody tr:visible").all():
        assert row.get_attribute("data-date-problem") == "1"
    page.select_option("#show", "all")
    page.locator("#matrix thead button", has_text="Coverage").press("Enter")  # keyboard, not only the mouse
    values = [float(v) for v in page.locator("#matrix tbody tr td:nth-child(2)").evaluate_all("cells => cells.map(c => c.dataset.value)")]
    assert values == sorted(values)
    assert page.locator("#matrix thead th[aria-sort]").get_attribute("aria-sort") == "ascending"
    page.locator("#matrix thead button", has_text="Coverage").click()
    values = [float(v) for v in page.locator("#matrix tbody tr td:nth-child(2)").evaluate_all("cells => cells.map(c => c.dataset.value)")]
    assert values == sorted(values, reverse=True)
    assert page.console_errors == []


def test_a_notice_section_has_evidence_and_fix_hints(page):
    page.locator("#matrix a", has_text="riverside-adult-care.md").click()
    section = page.locator("section.notice", has=page.locator("h2", has_text="riverside-adult-care.md"))
    text = section.inner_text()
    assert "Checklist coverage" in text and "Last updated" in text and "months old" in text
    assert "How to fix:" in text and "links.placeholder" in text


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not found at {AXE} (npm install axe-core; .ci/run does)")
def test_no_accessibility_violations(page):
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}))"
        ".violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length)"
    )
    assert violations == []
