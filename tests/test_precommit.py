"""The pre-commit hook, installed from this repository by `pre-commit try-repo` into a scratch git repository.

pre-commit builds the hook's environment with pip (from the package registry); the
audit itself runs offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "fixtures" / "good" / "complete-notice.md"
BAD = ROOT / "fixtures" / "language" / "typos-notice.md"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOTICE_AUDIT_OFFLINE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=1800, check=False, env=env)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    for args in (["init", "-q", "-b", "main"], ["config", "user.email", "t@example.org"], ["config", "user.name", "Test"]):
        _run(["git", *args], folder)
    (folder / "notices").mkdir()
    (folder / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: HEAD\n    hooks:\n      - id: notice-audit\n        args: [--today, '2026-11-24']\n",
        encoding="utf-8",
    )
    return folder


def _try_repo(scratch, name: str, notice=None) -> subprocess.CompletedProcess[str]:
    """Add `notice` as notices/`name` (when given) and run the hook from this repository on that one file."""
    if notice is not None:
        shutil.copy(notice, scratch / name)
        _run(["git", "add", "."], scratch)
    return _run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "notice-audit", "--files", name, "--verbose"], scratch)


def test_hook_fails_on_a_bad_notice_and_passes_on_a_good_one(scratch):
    passed = _try_repo(scratch, "notices/privacy-notice.md", GOOD)
    assert passed.returncode == 0, passed.stdout[-3000:] + passed.stderr[-3000:]
    assert "notice-audit (privacy notices, offline)" in passed.stdout and "Passed" in passed.stdout

    failed = _try_repo(scratch, "notices/privacy-notice-leisure.md", BAD)
    assert failed.returncode == 1, failed.stdout[-3000:] + failed.stderr[-3000:]
    assert "Failed" in failed.stdout and "typos.spelling" in failed.stdout

    untouched = _try_repo(scratch, "README.md")
    assert untouched.returncode == 0 and "(no files to check)Skipped" in untouched.stdout
