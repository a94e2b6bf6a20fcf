"""links.mailto: e-mail addresses, in mailto: links or in the text, that cannot be right."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from notice_audit.document import Document, Location
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="links.mailto",
    severity="error",
    summary="A malformed e-mail address in a mailto: link or in the text.",
    explanation=(
        "An address a reader cannot write to is a contact route that does not exist (UK GDPR Art 13(1)(a)-(b) "
        "require working contact details for the controller and the DPO). Addresses are checked against the "
        "practical subset of RFC 5322 that mail systems accept, and UK public-sector domains against common "
        "slips such as '.go.uk' for '.gov.uk'."
    ),
    reference="UK GDPR Art 13(1)(a), 13(1)(b); RFC 5322 section 3.4.1",
    hint="Correct the address (and the mailto: link, if there is one) and send a test message to it.",
    example="infocomplaints@islington.go.uk -> infocomplaints@islington.gov.uk",
)

_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
VALID = re.compile(rf"^{_LOCAL}@{_DOMAIN}$")
# Candidates in prose: anything with an @ between word characters.
_IN_TEXT = re.compile(r"[\w.+'-]+@[\w.-]*[\w-]")
# Slips in UK public-sector domains that still look like valid syntax.
_SUSPICIOUS_DOMAIN = re.compile(r"\.(?:go\.uk|gov\.co\.uk|govt\.uk|gov\.uk\.com|nhs\.uk\.net|sch\.co\.uk)$", re.IGNORECASE)


def problem(address: str) -> str | None:
    """Why `address` is not a usable e-mail address, or None."""
    if not VALID.match(address):
        if "@" not in address:
            return "has no @"
        domain = address.rsplit("@", 1)[1]
        if "." not in domain:
            return "has no domain ending (such as .gov.uk)"
        return "is not a valid e-mail address"
    if _SUSPICIOUS_DOMAIN.search(address):
        return "has a domain that looks mistyped (UK public bodies use .gov.uk, .nhs.uk, .sch.uk)"
    return None


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    reported: set[tuple[str, Location]] = set()
    for link in document.links:
        target = (link.target or "").strip()
        if link.templated or not target.lower().startswith("mailto:"):
            continue
        for address in unquote(target[7:].split("?", 1)[0]).split(","):
            address = address.strip()
            reason = problem(address) if address else "has no address"
            if reason:
                reported.add((address, link.location))
                yield RULE.finding(f"The mailto: address {address or '(empty)'} {reason}", link.location, link.raw)
    for block in document.blocks:
        for match in _IN_TEXT.finditer(block.text):
            address = match.group().rstrip(".")
            location = block.locate(match.start())
            reason = problem(address)
            if reason and (address, location) not in reported:
                reported.add((address, location))
                yield RULE.finding(f"The e-mail address {address} {reason}", location, address)
