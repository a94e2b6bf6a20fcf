"""typos.us_spelling: American spellings in a British notice."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.language.spelling import us_spellings
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.us_spelling",
    severity="warning",
    summary="An American spelling (organization, license as a noun, program) in a British notice.",
    explanation=(
        "UK public bodies write British English (GOV.UK style guide); mixing spellings looks careless. The "
        "dictionary accepts Oxford -ize spellings, so they are reported here rather than as unknown words. "
        "'license' is reported only where it is a noun ('a license', 'your driving license'): it is the "
        "British verb. The list of spellings is checks/language.yaml. Switch the rule off "
        "(rules: {typos.us_spelling: off}) if your house style is Oxford spelling."
    ),
    reference="GOV.UK style guide; UK GDPR Art 12(1) (clear and plain language)",
    hint="Use the British spelling.",
    example="organization -> organisation; a license -> a licence",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for found in us_spellings(document):
        yield RULE.finding(f"American spelling '{found.token.text}'; the British spelling is '{found.british}'", found.block.locate(found.token.start), found.token.text)
