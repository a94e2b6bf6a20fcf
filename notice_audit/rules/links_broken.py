"""links.broken: links whose target does not answer (4xx/5xx, no connection, timeouts), after retries."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext, absolute_target, without_fragment

RULE = Rule(
    id="links.broken",
    severity="error",
    summary="A link whose target answers with an error, cannot be reached, or times out.",
    explanation=(
        "Readers follow a notice's links to exercise their rights: the subject access form, the retention "
        "schedule, the ICO's complaint page (UK GDPR Art 12(1): information must be easily accessible). A link "
        "is broken when its target answers 4xx or 5xx, or cannot be resolved, connected to or read in time, "
        "after retries with backoff (Retry-After is honoured). Answers that usually mean bot protection "
        "(a CDN challenge) or a long rate limit are warnings, 'could not verify', not errors. Links that are "
        "not http(s) are not opened: a file: link points at someone's own computer."
    ),
    reference="UK GDPR Art 12(1)",
    hint="Update the link to the page's current address (follow the redirect chain shown), or remove it.",
    example="https://www.example.gov.uk/sar-form -> HTTP 404: point it at the new form address.",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for link in document.links:
        scheme = urlsplit((link.target or "").strip()).scheme.lower()
        if scheme in ("file", "ftp", "ftps", "smb", "data"):
            yield _finding(link, "error" if scheme == "file" else "warning", f"is a {scheme}: link, which readers of a web page cannot open" if scheme == "file" else f"is a {scheme}: link; only http and https links are checked")
    results = context.link_results(document)
    if not results:
        return
    checked = set(results)
    skipped = 0
    for link in document.links:
        target = absolute_target(link, document)
        if target is None:
            continue
        result = results.get(without_fragment(target))
        if result is None:
            skipped += target not in checked
            continue
        if result.ok:
            continue
        detail = result.error or f"HTTP {result.status}"
        if result.chain:
            detail += f" (redirects: {result.chain_text} -> {result.final_url})"
        yield _finding(link, "warning" if result.unverifiable else RULE.severity, detail)
    if skipped:
        yield RULE.finding(
            f"{skipped} link(s) not checked: over the limit of {context.settings.links.max_links} links per notice",
            next(document.links).location,
            severity="info",
            hint="Raise links.max_links in the configuration to check them all.",
        )


def _finding(link, severity: str, detail: str) -> Finding:
    name = f"Link “{link.text}”" if link.text else "A link"
    message = f"{name} is broken: {detail}" if severity == "error" else f"{name} {detail}"
    return RULE.finding(message, link.location, link.raw, severity=severity)
