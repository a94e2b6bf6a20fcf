"""What every rule declares about itself (shown by `notice-audit rules` and `notice-audit rule ID`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from notice_audit.document import Location
from notice_audit.finding import Finding


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    explanation: str
    reference: str
    hint: str
    example: str = ""
    details: Callable[[], str] | None = field(default=None, compare=False)  # more, shown by `notice-audit rule ID`

    def finding(self, message: str, location: Location, evidence: str = "", severity: str | None = None, hint: str | None = None) -> Finding:
        """A finding of this rule, with its severity, reference and fix hint unless told otherwise."""
        return Finding(self.id, severity or self.severity, message, location, evidence, self.reference, self.hint if hint is None else hint)


def matches_any(rule_id: str, selectors: tuple[str, ...] | list[str]) -> bool:
    """`checklist` selects `checklist.dpo`; `checklist.rights` selects `checklist.rights.access`."""
    return any(rule_id == s or rule_id.startswith(s.rstrip(".") + ".") for s in selectors)
