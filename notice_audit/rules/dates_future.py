"""dates.future: the notice's own date is after today."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.last_updated import find_last_updated
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="dates.future",
    severity="warning",
    summary="The notice's 'last updated / reviewed' date is in the future.",
    explanation=(
        "A date after today is usually a typing slip (2062 for 2026, a US-order date read the UK way) or a "
        "review date written as if it had happened; either way readers cannot tell how current the notice "
        "is. Dates are read in UK order (01/05/2022 is 1 May 2022)."
    ),
    reference="UK GDPR Art 5(1)(d) (accuracy), 12(1); ICO guidance 'The right to be informed'",
    hint="Correct the date to the day the notice was last reviewed or updated.",
    example="Last updated: 12/31/2025 is read as day 12 of month 31 (not a date); 03/12/2026 in November 2026 is 3 December 2026",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    statement = find_last_updated(document)
    today = context.settings.run_date
    if statement is not None and statement.date > today:
        yield RULE.finding(
            f"The notice's date {statement.date.isoformat()} is after {today.isoformat()}", statement.location, statement.text
        )
