"""meta.input-limit: the notice passed a safety limit of the reader, which then read on in a simpler way."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="meta.input-limit",
    severity="info",
    summary="The notice passed one of the reader's safety limits (for example HTML nested more than 512 deep).",
    explanation=(
        "notice-audit reads files nobody vetted, so its readers have limits that keep a hostile or broken "
        "file from exhausting time or memory: input size, nesting depth, PDF pages, DOCX archive size. Where "
        "a limit can be met by reading on more simply (deeper HTML read as siblings), the audit continues and "
        "this finding says so, since the checklist may then read the notice differently from a browser; "
        "otherwise the file is refused with a one-line error."
    ),
    reference="notice-audit input limits (README, 'Limits and safety')",
    hint="Simplify the page's markup (deep nesting is usually broken HTML), or audit the published page.",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for location, what in document.notes:
        yield RULE.finding(f"Input limit: {what}", location)
