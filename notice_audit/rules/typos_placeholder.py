"""typos.placeholder: template text left in a published notice ('[Insert name of DPO]', '[To be provided]', 'TBC')."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.language.lexicon import tables
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.placeholder",
    severity="error",
    summary="Template text left in the notice ('[Insert name of DPO]', '[To be provided]', 'TBC').",
    explanation=(
        "Notices are often written from a template (the ICO's, a trade body's, a generator's) whose blanks "
        "are marked '[Insert …]', '[Organisation name]' or 'TBC'. A blank left unfilled means the reader is "
        "not told what the law requires (Articles 12 and 13: the information must be provided, in clear and "
        "plain language), and it shows the notice was never finished. Bracketed instructions, 'to be "
        "provided', TBC/TBD, a field in capitals in angle brackets ('<DATE>', which an HTML page would hide as "
        "an unknown element), runs of X standing for digits ('0XXX', '20XX') and lorem ipsum are reported; "
        "the patterns are in checks/language.yaml."
    ),
    reference="UK GDPR Art 12(1), Art 13",
    hint="Replace the placeholder with the real name, number, date or address, or remove the sentence.",
    example="Data Protection Officer: [Name to be provided] -> Data Protection Officer: Jane Smith, dpo@example.org",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    patterns = tables().placeholders
    for block in document.blocks:
        reported_until = -1
        spans = sorted((m.start(), m.end()) for pattern in patterns for m in pattern.finditer(block.text))
        for start, end in spans:
            if start < reported_until:
                continue  # one finding for '[TBC]', not one per pattern
            reported_until = end
            text = block.text[start:end]
            yield RULE.finding(f"Placeholder left in the text: {text}", block.locate(start), text)
