"""`check --changed`: the notice files git says have changed since a base revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from notice_audit.errors import NoticeAuditError
from notice_audit.ingest.source import EXTENSION_FORMATS


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise NoticeAuditError(f"--changed needs git ({error})") from None
    if result.returncode != 0:
        raise NoticeAuditError(f"--changed: git {' '.join(args)} failed: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else 'no output'}")
    return result.stdout


# Code files hold notices only sometimes: they are audited when a named folder holds them.
_ONLY_WHEN_NAMED = ("script", "component", "php")


def is_notice_file(path: Path, code_too: bool = False) -> bool:
    name = path.name.lower()
    if name.endswith(".blade.php"):
        return True
    kind = EXTENSION_FORMATS.get(path.suffix.lower())
    return kind is not None and (code_too or kind not in _ONLY_WHEN_NAMED)


def changed_notices(base: str, within: list[str], cwd: Path | None = None) -> list[str]:
    """Notice files added, copied, modified or renamed since `base` (committed or not), and new untracked ones."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = _git(["diff", "--name-only", "--diff-filter=ACMR", base, "--"], cwd).splitlines()
    names += _git(["ls-files", "--others", "--exclude-standard"], top).splitlines()
    limits = [Path(w).resolve() for w in within]
    found: list[str] = []
    for name in dict.fromkeys(names):
        path = (top / name).resolve()
        if not path.is_file() or not is_notice_file(path, code_too=bool(limits)):
            continue
        if limits and not any(path == limit or limit in path.parents for limit in limits):
            continue
        found.append(str(path.relative_to(Path.cwd().resolve())) if Path.cwd().resolve() in path.parents else str(path))
    return sorted(found)
