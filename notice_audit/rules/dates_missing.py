"""dates.missing: the notice states no "last updated" or "last reviewed" date."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import START, Document
from notice_audit.finding import Finding
from notice_audit.last_updated import find_last_updated, rendered_date
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="dates.missing",
    severity="warning",
    summary="The notice gives no 'last updated' or 'last reviewed' date.",
    explanation=(
        "The ICO expects privacy information to be reviewed regularly and updated when processing changes; a "
        "date tells readers and auditors how current the notice is, and lets notice-audit check that it is "
        "not stale. A date counts when the notice states it as its own ('Last updated: 3 May 2025', 'Reviewed "
        "March 2025', 'Version 2, dated …', a 'Last updated' table row, failing those a signature's date on a "
        "line of its own at the end) or the page's metadata gives it "
        "(front matter, article:modified_time). A 'Last updated' that the page fills with the day it is shown "
        "(`new Date()`, PHP `date('j F Y')`, `'now'|date`) is no date: it makes every visit look current and "
        "says nothing of when the notice was reviewed, so it is reported at that code."
    ),
    reference="UK GDPR Art 12(1), 13(3), 14(4); ICO guidance 'The right to be informed': regularly review, and where necessary update, privacy information",
    hint="Add a line such as 'This notice was last reviewed on 3 March 2026.' near the top or the end of the notice.",
    example="Last updated: 3 March 2026",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    if find_last_updated(document) is not None:
        return
    shown = rendered_date(document)
    if shown is not None:
        yield RULE.finding(
            "The 'last updated' date is the day the page is shown (the page prints today's date), not when the notice was reviewed",
            shown,
        )
    else:
        yield RULE.finding("No 'last updated' or 'last reviewed' date found", START)
