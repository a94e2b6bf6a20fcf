"""Stable identities for findings, shared by baselines, SARIF partialFingerprints and GitLab Code Quality.

A fingerprint is made of the rule, the file (relative to the repository root) and the
finding's normalised evidence, never its line number, so that edits above a finding do not
change it. Identical findings in one file are told apart by their order.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections import Counter
from functools import lru_cache
from pathlib import Path

from notice_audit.finding import Finding

_DIGITS = re.compile(r"\d+")


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def display_path(source: str, root: Path | None = None) -> str:
    """The source as a repository-relative path with forward slashes (URLs and '-' unchanged)."""
    if source == "-" or "://" in source:
        return source
    path = Path(source).resolve()
    base = root or repository_root(Path.cwd().resolve())
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def repository_root(folder: Path) -> Path:
    """The top of the git work tree around `folder` (the current one), or `folder` itself. Cached per folder,
    so that a process which changes folder (a test, a library caller) is not given another folder's root."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10, check=False, cwd=folder
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        top = ""
    return Path(top).resolve() if top else folder


def identity(rule: str, evidence: str, message: str) -> tuple[str, str]:
    """What identifies a finding apart from where it is: its rule and its own text (evidence, or the
    message less its numbers, such as ages and counts, when there is no evidence)."""
    return rule, normalised(evidence) if evidence.strip() else _DIGITS.sub("#", normalised(message))


def fingerprints(findings: list[Finding], path: str) -> list[str]:
    """One fingerprint per finding, in order."""
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        rule, what = identity(finding.rule, finding.evidence, finding.message)
        key = f"{rule}\0{path}\0{what}"
        seen[key] += 1
        prints.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:32])
    return prints
