"""typos.spelling: words that are not in the British English dictionary, the domain word lists or the user's words."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.language.spelling import misspellings
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.spelling",
    severity="warning",
    summary="A word that is not in the British English dictionary or the notice word lists.",
    explanation=(
        "Spelling mistakes make a notice look careless and can change its meaning; UK GDPR Art 12(1) asks for "
        "information in a concise, transparent, intelligible form using clear and plain language. Words are "
        "checked against Hunspell's British English dictionary (LibreOffice en_GB), the notice vocabulary in "
        "checks/words/ and your own words. Acronyms, web and email addresses, numbers, reference codes and "
        "words in mixed case are not checked; a capitalised word is taken for a name unless it is one slip "
        "away from a dictionary word and used only once."
    ),
    reference="UK GDPR Art 12(1); ICO guidance on the right to be informed: 'clear and plain language'",
    hint="Correct the word, or add it to 'language.words' (or a 'language.wordlists' file) in .notice-audit.yaml if it is right.",
    example="recieve -> receive",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for found in misspellings(document, context.settings.language):
        advice = f"; did you mean {' or '.join(repr(s) for s in found.suggestions)}?" if found.suggestions else ""
        yield RULE.finding(f"Unknown word '{found.word}'{advice}", found.block.locate(found.token.start), found.token.text)
