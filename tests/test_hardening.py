"""Hardening: limits, config safety, inputs never modified, atomic outputs, deterministic output."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notice_audit.cli import app
from notice_audit.errors import NoticeAuditError
from notice_audit.output import write_atomically

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
runner = CliRunner()


def check(*args: str):
    result = runner.invoke(app, ["check", "--offline", "--today", "2026-11-24", *args])
    return result.exit_code, result.stdout, result.stderr


def test_input_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / ".notice-audit.yaml").write_text("max_input_mb: 1\n", encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_text("We are the data controller. " * 60_000, encoding="utf-8")
    code, _, err = check("--config", str(tmp_path / ".notice-audit.yaml"), str(big))
    assert code == 2 and "MB" in err and "limit" in err


def test_deep_nesting_is_read_on_and_reported(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<main>" + "<div>" * 20_000 + "<p>Riverside Council is the data controller.</p>" + "</div>" * 20_000 + "</main>", encoding="utf-8")
    code, out, _ = check("--select", "meta", str(page))
    assert code == 0 and "meta.input-limit Input limit: elements are nested more than 512 deep" in out


def test_a_pdf_with_thousands_of_pages_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "huge.pdf"
    pdf = canvas.Canvas(str(path))
    for number in range(2001):
        pdf.drawString(72, 720, f"Page {number}")
        pdf.showPage()
    pdf.save()
    code, _, err = check(str(path))
    assert code == 2 and "has 2001 pages, over the 2000-page limit" in err


@pytest.mark.parametrize(
    ("file", "content"),
    [
        ("config", "fail_on: !!python/object/apply:os.system ['touch pwned']\n"),
        ("checklist", "concepts: !!python/object/new:os.system ['touch pwned']\n"),
        ("law", "entries: !!python/name:os.system\n"),
    ],
)
def test_yaml_can_never_run_code(tmp_path, monkeypatch, file, content):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / f"{file}.yaml"
    target.write_text(content, encoding="utf-8")
    config = tmp_path / ".notice-audit.yaml"
    if file == "checklist":
        config.write_text(f"checklists: [{target.name}]\n", encoding="utf-8")
    elif file == "law":
        config.write_text(f"law:\n  files: [{target.name}]\n", encoding="utf-8")
    else:
        config = target
    code, _, err = check("--config", str(config), str(FIXTURES / "good" / "complete-notice.md"))
    assert code == 2 and "YAML" in err
    assert not (tmp_path / "pwned").exists()


def _hashes(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(folder)): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_inputs_are_never_modified(tmp_path, monkeypatch):
    notices = tmp_path / "notices"
    shutil.copytree(FIXTURES / "same-notice", notices)
    for name in ("PrivacyPage.jsx", "notice.cshtml", "notice.hbs", "notice.blade.php"):
        shutil.copy(FIXTURES / "formats" / name, notices / name)
    (notices / "suppressed.md").write_text("<!-- notice-audit: disable-file -- test -->\nWe are the controller.\n", encoding="utf-8")
    before = _hashes(notices)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = ["--include", "*", "--jobs", "1"]
    for name, suffix in (("json", "json"), ("sarif", "sarif"), ("junit", "xml"), ("gitlab", "gl.json"), ("markdown", "md"), ("html", "html"), ("text", "txt"), ("github", "gh")):
        args += ["-f", name, "-o", str(out / f"report.{suffix}")]
    assert check("notices", *args)[0] in (0, 1)
    assert runner.invoke(app, ["baseline", "create", "--offline", "notices", "-o", str(out / "baseline.json")]).exit_code == 0
    assert check("notices", "--baseline", str(out / "baseline.json"), "--jobs", "2", "--include", "*")[0] in (0, 1)
    assert runner.invoke(app, ["diff", str(notices / "riverside-adult-care.md"), str(notices / "riverside-adult-care.html")]).exit_code in (0, 1)
    assert _hashes(notices) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["baseline.json", "report.json", "report.sarif", "report.xml", "report.gl.json", "report.md", "report.html", "report.txt", "report.gh"]
    )


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("the old report\n", encoding="utf-8")

    def chunks():
        yield "half of a new"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, chunks())
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    with pytest.raises(NoticeAuditError, match="cannot write"):
        write_atomically(tmp_path / "no-such-folder" / "r.json", ["x"])


def test_the_same_input_gives_the_same_output(tmp_path):
    sources = [str(FIXTURES / "labelled"), str(FIXTURES / "same-notice" / "riverside-adult-care.md")]
    outputs = []
    for run in range(2):
        folder = tmp_path / str(run)
        folder.mkdir()
        args = []
        for name in ("json", "sarif", "junit", "gitlab", "html", "markdown"):
            args += ["-f", name, "-o", str(folder / name)]
        check(*sources, *args, "--jobs", str(run + 1))
        outputs.append({name: (folder / name).read_bytes() for name in ("json", "sarif", "junit", "gitlab", "html", "markdown")})
    assert outputs[0] == outputs[1]
    assert b"TimeUtc" not in outputs[0]["sarif"] and b"timestamp" not in outputs[0]["junit"]
