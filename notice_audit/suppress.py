"""Inline suppressions: `<!-- notice-audit: disable=RULE[,RULE] -- reason -->` and friends.

Forms (in HTML/Markdown comments, and template comments `{# #}`, `<%# %>`, `@* *@`,
`{{!-- --}}`, `{{-- --}}`):

- `disable[=RULES]` ... `enable[=RULES]`: a region, to the matching enable or the end;
- `disable-next-line[=RULES]`: the next line with text;
- `disable-line[=RULES]`: the comment's own line;
- `disable-file[=RULES]`: the whole file.

RULES are rule ids or prefixes (`links`, `checklist.rights`); none means every rule.
Text after ` -- ` is the reason. A suppression that silences nothing is reported as
`meta.unused-suppression`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from notice_audit.document import Location
from notice_audit.finding import Finding
from notice_audit.rules.base import matches_any

_COMMENT = re.compile(
    r"<!--\s*notice-audit:(?P<a>.*?)-->|\{#\s*notice-audit:(?P<b>.*?)#\}|<%#\s*notice-audit:(?P<c>.*?)%>"
    r"|@\*\s*notice-audit:(?P<d>.*?)\*@|\{\{!?--\s*notice-audit:(?P<e>.*?)--\}\}",
    re.DOTALL,
)
_BODY = re.compile(
    r"^\s*(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)(?:\s*=\s*(?P<rules>[\w.,\s-]+?))?\s*(?:--\s*(?P<reason>.*?))?\s*$",
    re.DOTALL,
)


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]  # empty: every rule
    location: Location
    end_line: int  # the line the comment ends on
    text: str
    reason: str = ""
    first_line: int = 0  # the lines it covers
    last_line: int = 0
    used: int = 0
    problem: str = ""  # set when the comment is not a valid directive

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.location.line <= self.last_line:
            return False
        return not self.rules or matches_any(finding.rule, self.rules)


def find_directives(source: str) -> list[Directive]:
    """Every notice-audit comment in the source text, with the lines each one covers."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    lines = source.split("\n")
    directives: list[Directive] = []
    for match in _COMMENT.finditer(source):
        body = next(group for group in match.groups() if group is not None)
        line = source.count("\n", 0, match.start()) + 1
        column = match.start() - line_starts[line - 1] + 1
        end_line = source.count("\n", 0, match.end()) + 1
        parsed = _BODY.match(body)
        if parsed is None:
            directives.append(Directive("invalid", (), Location(line, column), end_line, match.group().strip(), problem=body.strip()))
            continue
        rules = tuple(r.strip() for r in (parsed.group("rules") or "").split(",") if r.strip())
        directive = Directive(parsed.group("kind"), rules, Location(line, column), end_line, match.group().strip(), (parsed.group("reason") or "").strip())
        if directive.kind == "disable-line":
            directive.first_line, directive.last_line = line, end_line
        elif directive.kind == "disable-next-line":
            following = next((n for n in range(end_line + 1, len(lines) + 1) if lines[n - 1].strip()), end_line + 1)
            directive.first_line = directive.last_line = following
        elif directive.kind == "disable-file":
            directive.first_line, directive.last_line = 1, len(lines) + 1
        elif directive.kind == "disable":
            directive.first_line, directive.last_line = line, len(lines) + 1
        directives.append(directive)
    _close_regions(directives)
    return directives


def _close_regions(directives: list[Directive]) -> None:
    """An `enable` ends the open `disable` regions it names (all of them when it names none)."""
    open_regions: list[Directive] = []
    for directive in directives:
        if directive.kind == "disable":
            open_regions.append(directive)
        elif directive.kind == "enable":
            for region in list(open_regions):
                if not directive.rules or set(region.rules) & set(directive.rules) or not region.rules:
                    region.last_line = directive.location.line
                    open_regions.remove(region)


def apply(findings: list[Finding], directives: list[Directive]) -> tuple[list[Finding], list[Finding]]:
    """The findings no directive silences, and those silenced."""
    active = [d for d in directives if d.kind.startswith("disable")]
    kept: list[Finding] = []
    silenced: list[Finding] = []
    for finding in findings:
        covering = [d for d in active if d.covers(finding)]
        for directive in covering:
            directive.used += 1
        (silenced if covering else kept).append(finding)
    return kept, silenced
