"""links.tel: UK phone numbers, in tel: links or in the text, that cannot be dialled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="links.tel",
    severity="error",
    summary="A UK phone number with the wrong number of digits or an unused prefix.",
    explanation=(
        "A contact number that cannot be dialled is no contact route (UK GDPR Art 13(1)(a)-(b)). UK numbers "
        "have 10 or 11 digits after the leading 0 (+44 drops it); 04 and 06 are not in use; short service "
        "numbers (999, 111, 101, 116xxx) are allowed. Numbers in the text are checked where the text says "
        "they are phone numbers (tel, phone, call, helpline…)."
    ),
    reference="UK GDPR Art 13(1)(a), 13(1)(b); Ofcom National Telephone Numbering Plan",
    hint="Correct the number (and the tel: link) and dial it once to be sure; write it in the usual groups, e.g. 023 9282 2251.",
    example="0303 123 113 (10 digits) -> 0303 123 1113",
)

_SHORT = re.compile(r"^(?:999|112|111|101|105|119|116\d{3}|118\d{3})$")
_CUE = re.compile(r"\b(?:tel|telephone|phone|phoning|call|calling|ring|helpline|mobile|fax|text|freephone|contact us on|on)\b[:.]?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)\d[\d\s-]{6,15}\d(?![\d])")


def digits_problem(raw: str) -> str | None:
    """Why `raw` is not a diallable UK number, or None (other countries' numbers are not judged)."""
    compact = re.sub(r"[\s().-]", "", raw)
    if compact.startswith("+") and not compact.startswith("+44"):
        return None
    if compact.startswith("+44"):
        compact = "0" + compact[3:].lstrip("0")
    elif compact.startswith("0044"):
        compact = "0" + compact[4:].lstrip("0")
    if not compact.isdigit():
        return "contains characters that are not digits"
    if _SHORT.match(compact):
        return None
    if not compact.startswith("0"):
        return "does not start with 0 or +44"
    if compact[1] in "46":
        return f"starts with 0{compact[1]}, which is not in use in the UK"
    length = len(compact)
    if compact.startswith(("01", "0800", "0500")) and length in (10, 11):
        return None
    if length != 11:
        return f"has {length} digits; UK numbers beginning {compact[:2]} have 11"
    return None


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for link in document.links:
        target = (link.target or "").strip()
        if link.templated or not target.lower().startswith("tel:"):
            continue
        number = unquote(target[4:])
        reason = digits_problem(number) if number else "is empty"
        if reason:
            yield RULE.finding(f"The tel: number {number or '(empty)'} {reason}", link.location, link.raw)
    for block in document.blocks:
        for match in _NUMBER.finditer(block.text):
            if not _CUE.search(block.text[max(0, match.start() - 30) : match.start()]):
                continue
            reason = digits_problem(match.group())
            if reason:
                yield RULE.finding(f"The phone number {match.group().strip()} {reason}", block.locate(match.start()), match.group().strip())
