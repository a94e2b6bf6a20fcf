"""law.outdated: references to repealed law, invalidated transfer schemes and facts that have changed."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from notice_audit.document import Document, Location
from notice_audit.finding import Finding
from notice_audit.law import OutdatedReference, knowledge_base
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext


def _entries_text() -> str:
    lines = ["Knowledge base (checks/outdated-law.yaml):"]
    for entry in knowledge_base():
        lines.append(f"- {entry.id} ({entry.severity}, since {entry.since.isoformat()}): {entry.title}.")
        lines.append(textwrap.indent(textwrap.fill(f"{entry.why} Source: {entry.source}", width=84), "    "))
    return "\n".join(lines)


RULE = Rule(
    id="law.outdated",
    severity="warning",
    summary="A reference to repealed or superseded law, an invalidated transfer scheme, or a fact that has changed.",
    explanation=(
        "A notice that relies on the Data Protection Act 1998, the Privacy Shield or an inquiry that has ended "
        "misinforms readers about their rights and shows the notice has not been reviewed. Each entry of the "
        "knowledge base has what to match, why it is outdated, since when, a severity, a fix and a source; an "
        "entry applies only on or after its date (today, or --today), and a sentence that mentions the old law "
        "as history ('the GDPR replaced the Data Protection Act 1998') is not reported. Each entry is reported "
        "once per notice, at its first mention. Add entries in checks/outdated-law.yaml or in your own files "
        "(law: files: in .notice-audit.yaml)."
    ),
    reference="UK GDPR Art 5(1)(a) and (d), 12(1), 13; the source of each entry",
    hint="Follow the entry's hint: cite the law, safeguard or fact that applies now.",
    example="under the Data Protection Act 1998 -> under the UK GDPR and the Data Protection Act 2018",
    details=_entries_text,
)


def _hits(document: Document, entry: OutdatedReference) -> list[tuple[Location, str]]:
    hits: list[tuple[Location, str]] = []
    for sentence in document.sentences():
        match = entry.sentence_hit(sentence.text)
        if match:
            hits.append((sentence.block.locate(sentence.block.text.find(match.group(), sentence.start)), sentence.text))
    for link in document.links:
        if link.target and any(p.search(link.target) for p in entry.links):
            hits.append((link.location, link.raw))
    return sorted(hits, key=lambda hit: (hit[0].page or 0, hit[0].line, hit[0].column))


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    today = context.settings.run_date
    text = None
    for entry in knowledge_base(context.settings.law_files):
        if not entry.applies_on(today):
            continue
        if entry.unless_document:
            text = text if text is not None else document.text
            if any(p.search(text) for p in entry.unless_document):
                continue
        hits = _hits(document, entry)
        if not hits:
            continue
        location, evidence = hits[0]
        more = f" (also line{'s' if len(hits) > 2 else ''} {', '.join(str(h[0].line) for h in hits[1:])})" if len(hits) > 1 else ""
        yield RULE.finding(
            f"{entry.title}: {entry.why}{more}",
            location,
            evidence[:200],
            severity=entry.severity,
            hint=f"{entry.hint} (Source: {entry.source}; outdated since {entry.since.isoformat()}; entry {entry.id})",
        )
