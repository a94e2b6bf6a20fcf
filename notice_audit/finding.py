"""The neutral problem record every check yields and every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass

from notice_audit.document import Location

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    location: Location
    evidence: str = ""
    reference: str = ""
    hint: str = ""

    @property
    def sort_key(self) -> tuple[int, int, int, str, str]:
        page = self.location.page or 0
        return (page, self.location.line, self.location.column, self.rule, self.message)
