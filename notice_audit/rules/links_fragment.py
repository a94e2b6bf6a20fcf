"""links.fragment: `#anchor` links to a place that does not exist (in the notice itself, or in a fetched page)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext, absolute_target, without_fragment

RULE = Rule(
    id="links.fragment",
    severity="error",
    summary="A #anchor link to a heading or id that does not exist.",
    explanation=(
        "'See how to complain (#complaints)' only helps if there is a #complaints to land on. Links into the "
        "notice itself are checked offline against its headings (as Markdown renderers slug them) and element "
        "ids; links into other pages are checked when those pages are fetched."
    ),
    reference="UK GDPR Art 12(1)",
    hint="Point the link at an existing heading or id, or add the id to the target.",
    example="[how to complain](#complain) where the heading is '## How to complain' -> use #how-to-complain.",
)


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    own = document.fragment_targets()
    results = context.link_results(document)
    for link in document.links:
        target = (link.target or "").strip()
        if link.templated or len(target) < 2:
            continue
        if target.startswith("#") and not target.startswith("#!"):
            fragment = unquote(target[1:])
            if fragment not in own and fragment.lower() not in own:
                yield _finding(link, f"points at #{fragment}, which is not a heading or id in this notice")
            continue
        url = absolute_target(link, document)
        fragment = urlsplit(url).fragment if url else ""
        if not fragment:
            continue
        result = results.get(without_fragment(url))
        if result is not None and result.ok and result.anchors is not None and unquote(fragment) not in result.anchors:
            yield _finding(link, f"points at #{fragment}, which the page {without_fragment(url)} does not contain")


def _finding(link, detail: str) -> Finding:
    name = f"Link “{link.text}”" if link.text else "A link"
    return RULE.finding(f"{name} {detail}", link.location, link.raw)
