"""links.insecure: http:// links to hosts that also serve https://."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext, https_candidates

RULE = Rule(
    id="links.insecure",
    severity="warning",
    summary="An http:// link where the same address is served over https://.",
    explanation=(
        "A plain http:// link sends the reader's request unencrypted and can be intercepted or altered on the "
        "way, which undermines a notice about keeping personal data secure (UK GDPR Art 5(1)(f), 32). When "
        "the same address answers over https://, the link should use it."
    ),
    reference="UK GDPR Art 5(1)(f) and Art 32; NCSC guidance on serving websites over HTTPS",
    hint="Change http:// to https:// in the link.",
    example="http://www.ico.org.uk -> https://www.ico.org.uk",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    if context.checker is None or not context.settings.links.check_insecure:
        return
    candidates = https_candidates(document)
    if not candidates:
        return
    results = context.checker.check({url: False for url in candidates})
    for url, links in candidates.items():
        if results[url].ok:
            for link in links:
                yield RULE.finding(f"Link uses http:// but {url} is served over https", link.location, link.raw)
