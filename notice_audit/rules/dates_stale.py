"""dates.stale: the notice's own date is older than the configured maximum age."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.last_updated import find_last_updated, months_between
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="dates.stale",
    severity="warning",
    summary="The notice's 'last updated / reviewed' date is older than the maximum age (default 12 months).",
    explanation=(
        "Law, suppliers, systems and retention periods change; the ICO expects privacy information to be "
        "reviewed regularly, and most organisations commit to an annual review. A notice whose own date is "
        "older than 'dates.max_age' (default 12 months; set it in .notice-audit.yaml) is reported with its "
        "age. Age is measured against today, or the date given with --today for reproducible runs."
    ),
    reference="UK GDPR Art 5(2) (accountability), 12(1), 13(3); ICO guidance 'The right to be informed'",
    hint="Review the notice against current processing, update it, and change its date.",
    example="This privacy notice was last updated in May 2022 (54 months before 24 November 2026)",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    statement = find_last_updated(document)
    if statement is None:
        return
    today = context.settings.run_date
    age = months_between(statement.date, today)
    limit = context.settings.max_age_months
    if age > limit:
        yield RULE.finding(
            f"The notice was last updated {statement.date.isoformat()}, {age} months before {today.isoformat()} "
            f"(more than {limit} months)",
            statement.location,
            statement.text,
        )
