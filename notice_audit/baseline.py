"""Baselines: the findings an old notice already had, so that CI reports only new ones.

A baseline file lists fingerprints (rule, file, normalised evidence; see fingerprint.py),
not line numbers, so edits above a finding do not bring it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from notice_audit import __version__
from notice_audit.errors import ConfigError
from notice_audit.report import NoticeReport, Report

FORMAT_VERSION = 1


def baseline_document(report: Report, today: date) -> str:
    entries = [
        {"path": notice.path, "fingerprint": fingerprint, "rule": finding.rule, "line": finding.location.line, "message": finding.message}
        for notice in report.notices
        for finding, fingerprint in zip(notice.findings, notice.fingerprints)
    ]
    document = {"tool": "notice-audit", "tool_version": __version__, "format": FORMAT_VERSION, "created": today.isoformat(), "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Baseline:
    known: frozenset[tuple[str, str]]  # (path, fingerprint)

    @classmethod
    def load(cls, file: str) -> Baseline:
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{file}: baseline file not found (create one with 'notice-audit baseline create')") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ConfigError(f"{file}: cannot read the baseline ({error})") from None
        if not isinstance(data, dict) or data.get("tool") != "notice-audit" or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{file}: not a notice-audit baseline file")
        if data.get("format") != FORMAT_VERSION:
            raise ConfigError(f"{file}: baseline format {data.get('format')!r} is not supported (expected {FORMAT_VERSION})")
        try:
            known = frozenset((str(e["path"]), str(e["fingerprint"])) for e in data["findings"])
        except (TypeError, KeyError):
            raise ConfigError(f"{file}: every baseline entry needs 'path' and 'fingerprint'") from None
        return cls(known)

    def filter(self, notice: NoticeReport) -> None:
        """Drop the notice's findings that the baseline holds, and count them."""
        path = notice.path
        kept = []
        for finding, fingerprint in zip(notice.findings, notice.fingerprints):
            if (path, fingerprint) in self.known:
                notice.baselined += 1
            else:
                kept.append(finding)
        notice.findings = kept
