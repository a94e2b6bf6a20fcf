"""What every rule declares about itself (shown by `notice-audit rules` and `notice-audit rule ID`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    explanation: str
    reference: str
    hint: str
    example: str = ""
