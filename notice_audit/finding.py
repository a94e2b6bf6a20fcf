"""The neutral problem record every check yields and every formatter reads."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from notice_audit.document import Location

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}


def reaches(severities: Iterable[str], fail_on: str) -> bool:
    """Whether any of the severities is at or above the --fail-on threshold ('never' is never reached)."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_ORDER[fail_on]
    return any(SEVERITY_ORDER[severity] >= threshold for severity in severities)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    location: Location
    evidence: str = ""
    reference: str = ""
    hint: str = ""

    def __reduce__(self) -> tuple[object, ...]:
        # Batch workers send findings back pickled; the texts every finding of a rule shares
        # are interned on arrival, so a thousand notices do not hold a thousand copies of each hint.
        return (_shared, (self.rule, self.severity, self.message, self.location, self.evidence, self.reference, self.hint))

    @property
    def sort_key(self) -> tuple[int, int, int, str, str]:
        page = self.location.page or 0
        return (page, self.location.line, self.location.column, self.rule, self.message)


def _shared(rule: str, severity: str, message: str, location: Location, evidence: str, reference: str, hint: str) -> Finding:
    return Finding(sys.intern(rule), sys.intern(severity), message, location, evidence, sys.intern(reference), sys.intern(hint))
