"""meta.unused-suppression: an inline notice-audit comment that silences nothing, or cannot be read."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.suppress import Directive

RULE = Rule(
    id="meta.unused-suppression",
    severity="warning",
    summary="A `notice-audit: disable…` comment that suppresses nothing, or a notice-audit comment that cannot be read.",
    explanation=(
        "Suppressions outlive the problems they were written for; one that silences nothing hides the next "
        "real finding on that line and misleads the next reader (as ruff's RUF100 reports unused noqa). A "
        "comment that starts 'notice-audit:' but is not one of disable, disable-line, disable-next-line, "
        "disable-file or enable is reported too, since it silences nothing."
    ),
    reference="notice-audit inline suppressions (README, 'Suppressing a finding')",
    hint="Delete the comment, or correct the rule id it names.",
    example="<!-- notice-audit: disable-next-line=links.placeholder -- form not published yet -->",
)


def findings(directives: list[Directive]) -> Iterator[Finding]:
    for directive in directives:
        if directive.problem:
            yield RULE.finding(f"Cannot read this notice-audit comment: '{directive.problem}'", directive.location, directive.text)
        elif directive.kind.startswith("disable") and directive.used == 0:
            named = ", ".join(directive.rules) or "every rule"
            yield RULE.finding(f"This suppression ({directive.kind} of {named}) silences nothing", directive.location, directive.text)
