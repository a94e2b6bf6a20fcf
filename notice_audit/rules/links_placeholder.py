"""links.placeholder: links that lead nowhere (`#`, empty, `javascript:void(0)`, unfilled templates)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from notice_audit.document import Document, Link
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="links.placeholder",
    severity="error",
    summary="A link whose target is a placeholder, so it leads nowhere.",
    explanation=(
        "A notice must be easy to access (UK GDPR Art 12(1)): a link to the access request form, the "
        "retention schedule or the ICO that points at '#', is empty, runs 'javascript:void(0)' or still "
        "holds an unfilled template value leaves the reader with no way to act. Such links are usually "
        "left over from a content management system or a copied template. In a template or component "
        "source an expression as the target (`href=\"{{ url }}\"`, `href={CONTACT_URL}`) is filled when the "
        "page is rendered, so it is reported only in a page fetched from the web, where it was left unfilled."
    ),
    reference="UK GDPR Art 12(1); ICO guidance 'The right to be informed: how should we draft our privacy information?'",
    hint="Point the link at the real page or document (or remove the link and give the address in the text).",
    example="[Access to Personal Records Form](#) -> [Access to Personal Records Form](https://www.example.gov.uk/sar-form)",
)

_PLACEHOLDER_TARGET = re.compile(
    r"^(?:#|#!|#0|javascript:\s*(?:void\s*\(\s*0?\s*\)|;)?;?|about:blank|(?:https?://)?(?:www\.)?example\.(?:com|org|net)\b.*"
    r"|(?:https?://)?localhost\b.*|\[?(?:link|url|insert[^\]]*|tbc|tbd|todo|xxx+)\]?|.*\{\{.*\}\}.*|.*\[%.*%\].*|.*<%.*%>.*)$",
    re.IGNORECASE,
)


def placeholder_reason(link: Link, rendered: bool) -> str | None:
    """Why `link` is a placeholder, or None when it has a real target; `rendered`: the page as served, where
    a template expression was left unfilled (in a template's source it is filled at render time)."""
    if link.target is None:
        return "has link text but no target" if link.text.strip() else None
    target = link.target.strip()
    if link.templated:
        return f"points at an unfilled template value ({target})" if rendered else None
    if not target:
        return "has an empty target"
    if _PLACEHOLDER_TARGET.match(target):
        return f"points at a placeholder ({target})"
    return None


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    rendered = document.source.startswith(("http://", "https://"))
    for link in document.links:
        reason = placeholder_reason(link, rendered)
        if reason is None:
            continue
        name = f"Link “{link.text}”" if link.text else "A link with no text"
        yield RULE.finding(f"{name} {reason}", link.location, link.raw)
