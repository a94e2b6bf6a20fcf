"""Writing reports, baselines and configs atomically: a temporary file beside the target, then a rename,
so an interrupted run never leaves a half-written file (and never touches an audited input)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from notice_audit.errors import NoticeAuditError


def write_atomically(path: str | Path, chunks: Iterable[str]) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except OSError as error:
        raise NoticeAuditError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        with handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(handle.name, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, target)
    except BaseException as error:
        Path(handle.name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise NoticeAuditError(f"{path}: cannot write ({error.strerror or error})") from None
        raise
