"""Web templates: template tags and expressions are blanked out, keeping every
other character (and every newline) where it was, so the static text around them
is audited with its real line and column numbers.

The string literals inside expressions are kept aside: a template may pass the
notice's own date to a macro (`content_metadata(data={"Last updated": "2 June 2025"})`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# One pattern per syntax family; `(?s)` so tags may span lines.
_CURLY = [r"\{\{!--.*?--\}\}", r"\{\{\{.*?\}\}\}", r"\{\{.*?\}\}", r"\{%.*?%\}", r"\{#.*?#\}"]
_ERB = [r"<%.*?%>"]
_PHP = [r"<\?(?:php|=)?.*?(?:\?>|\Z)"]
_TEMPLATE_TOOLKIT = [r"\[%.*?%\]"]
SYNTAX_PATTERNS: dict[str, list[str]] = {
    "jinja": _CURLY + _TEMPLATE_TOOLKIT,
    "handlebars": _CURLY,
    "erb": _ERB,
    "php": _PHP,
    "razor": [r"@\*.*?\*@"],
    # Laravel Blade: echoes, comments, `@php … @endphp` code blocks, and @directives with their
    # (balanced) arguments.
    "blade": [r"\{\{--.*?--\}\}", r"\{!!.*?!!\}", r"\{\{.*?\}\}", r"(?<![\w.@])@php\b(?!\s*\().*?(?:@endphp\b|\Z)"],
    # JSP: scriptlets and directives as in ERB, plus `${expression}` and `#{expression}` (EL).
    "jsp": _ERB + [r"[$#]\{[^{}\n]*\}"],
    # ASP.NET Web Forms (.aspx pages, .ascx controls, .master pages): directives, code and data binding as in ERB
    # (`<%@ … %>`, `<%= … %>`, `<%: … %>`, `<%# … %>`), comments `<%-- … --%>` first so a `%>` inside one is no end.
    "aspnet": [r"<%--.*?--%>"] + _ERB,
    # FreeMarker: `<#if …>`, `</#list>`, `<@macro …/>`, `<#-- … -->`, `${…}` (and the square-bracket syntax).
    "freemarker": [r"<#--.*?-->", r"</?[#@][^>]*>", r"\[/?[#@][^\]]*\]", r"\$\{[^{}\n]*\}"],
    # Plain HTML and Markdown files are often templates too (Jekyll, Django, Template Toolkit).
    "markup": _CURLY + _TEMPLATE_TOOLKIT + _ERB + _PHP,
}

_STRING_LITERAL = re.compile(r"""(?:"([^"\n]{3,200})"|'([^'\n]{3,200})')""")


@dataclass(frozen=True)
class Printed:
    """What one template expression prints: a run of text, or (from a component call) a heading or list items."""

    text: str
    offset: int  # where the expression starts in the source
    kind: str = "text"  # "text", "heading", "list", "prose", "cell" or "rows"
    items: tuple[str, ...] = ()
    level: int = 2
    source: str = ""  # the string as written (escapes and all), to locate each paragraph printed from it
    row: int = 0  # for a table cell ("cell"): where its row starts in the source
    cells: tuple[tuple[int, int], ...] = ()  # for a table's cells ("rows", the text of each in `items`): where each is, where its row starts


@dataclass
class Masked:
    text: str  # same length and same newlines as the source, template code blanked
    original: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # blanked regions
    literals: list[str] = field(default_factory=list)  # string literals found inside them
    # Expressions whose value the template itself gives ('{% set owner = "DBT" %}' ... '{{ owner }}',
    # '<%= link_to "Contact us", … %>'): a marker character stands at the end of each blanked
    # expression; ingest puts what it prints there.
    values: dict[str, Printed] = field(default_factory=dict)
    # What the code says of the page, for the Document's metadata: `updated: "2026-09-21"` in a
    # page's data is its date (see DATE_KEYS).
    metadata: dict[str, str] = field(default_factory=dict)
    # Where an expression prints the day the page is shown (see prints_render_date).
    render_dates: list[int] = field(default_factory=list)


# Code that prints the day the page is shown rather than a date of the notice's own: `new Date()`, PHP
# `date('j F Y')`, Twig's and Liquid's `'now'|date`, Jekyll's build time, Ruby's `Date.today`, .NET's
# `DateTime.Now`. A year alone (`getFullYear()`, `date('Y')`) is a copyright line's, and not counted.
_RENDER_DATE = re.compile(
    r"""\bnew\s+Date\(\s*\)|\bDate\.now\(\s*\)|\b(?:dayjs|moment)\(\s*\)|\bnew\s+DateTime(?:Immutable)?\(\s*\)"""
    r"""|\bDateTime\.(?:Now|Today|UtcNow)\b|\b(?:Date\.(?:today|current)|Time\.(?:now|current)|DateTime\.now)\b"""
    r"""|\b(?:gm)?date(?:_i18n)?\(\s*(['"])[^'"]*[djDlmnFM][^'"]*\1\s*(?:,\s*(?:time|current_time)\([^()]*\)\s*)?\)"""
    r"""|\bwp_date\(|['"]now['"]\s*\|\s*date\b|\bsite\.time\s*\|\s*date\b|(?<![\w.$>])now\(\s*\)|\bCarbon::(?:now|today)\(\s*\)"""
)
_YEAR_ONLY = re.compile(r"""getFullYear|getUTCFullYear|getYear|(?:\.|->)[Yy]ear\b|(['"])(?:%?[Yy]|[Yy]{2,4})\1""")


def prints_render_date(code: str) -> bool:
    """Whether template or script code prints the day the page is shown (see _RENDER_DATE)."""
    return bool(_RENDER_DATE.search(code)) and not _YEAR_ONLY.search(code)


# Names under which a page's code or a component's attributes give the page's date, compared
# lower-cased without '-' or '_' (`lastUpdated`, `last-updated`, `effective_date`).
DATE_KEYS = frozenset({
    "updated", "lastupdated", "modified", "lastmodified", "reviewed", "lastreviewed", "effective", "effectivedate",
    "dateupdated", "datemodified", "datereviewed", "updatedon", "updatedat", "reviewdate", "lastreviewdate",
})


def is_date_key(name: str) -> bool:
    """Whether a key or attribute names the page's date: `lastUpdated`, `last-updated`, `dateUpdated`."""
    return name.lower().replace("-", "").replace("_", "") in DATE_KEYS


def page_date(name: str, value: str) -> dict[str, str]:
    """The page's date as metadata, when `name` names a date and `value` holds one."""
    return {"updated": value} if is_date_key(name) and any(c.isdigit() for c in value) else {}



def blank(text: str) -> str:
    """Every character but newlines replaced by a space."""
    return re.sub(r"[^\n]", " ", text)


def mask(text: str, syntax: str) -> Masked:
    printed = _Printed(text, syntax)
    masked = _apply(text, _find_spans(text, syntax), keep_literals=True, printed=printed)
    # the page's date set in the template: `{% set dateUpdated = 'August 2018' %}`
    if not masked.metadata:
        masked.metadata = next((dated for _, name, value in printed.assigned if (dated := page_date(name, value))), {})
    return masked


def _apply(text: str, spans: list[tuple[int, int]], keep_literals: bool, printed: _Printed | None = None) -> Masked:
    pieces: list[str] = []
    literals: list[str] = []
    kept: list[tuple[int, int]] = []
    values: dict[str, Printed] = {}
    render_dates: list[int] = []
    unused = markers(text) if printed is not None and printed.possible else iter(())
    cursor = 0
    # Of spans starting together, the longest first: `@php … @endphp` is also the directive `@php`.
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor:  # nested or overlapping: already blanked
            continue
        code = text[start:end]
        pieces.append(text[cursor:start])
        value = printed.value(code, start) if printed is not None and printed.possible else None
        marker = next(unused, None) if value is not None else None
        if marker is not None and value is not None:
            pieces.append(_printed_in_place(code, marker, value))
            values[marker] = value
        else:
            pieces.append(blank(code))
            kept.append((start, end))
            if prints_render_date(code):
                render_dates.append(start)
        if keep_literals:
            literals.extend(a or b for a, b in _STRING_LITERAL.findall(code))
        cursor = end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), text, kept, literals, values, render_dates=render_dates)


_QUOTED = r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
# Text a template prints itself: translation tags around the words (Django `{% trans "…" %}`,
# Jinja/Flask-Babel `{{ _("…") }}`), and variables it sets to a string and then prints.
_TRANSLATED = [
    re.compile(r"\{%-?\s*(?:trans|translate)\s+" + _QUOTED + r"(?:\s+noop|\s+context\s+\S+)?\s*-?%\}\Z"),
    re.compile(r"\{\{-?\s*(?:_|gettext|ugettext|pgettext|trans)\(\s*" + _QUOTED + r"\s*\)\s*(?:\|\s*(?:safe|e|escape|trim|striptags)\s*)*-?\}\}\Z"),
]
_ASSIGNMENT = {
    "curly": re.compile(r"\{%-?\s*set\s+([A-Za-z_]\w*)\s*=\s*" + _QUOTED + r"\s*-?%\}"),
    "erb": re.compile(r"<%-?\s*([A-Za-z_]\w*)\s*=\s*" + _QUOTED + r"\s*-?%>"),
    # in PHP code: `$last_updated = '01 June 2026';`
    "php": re.compile(r"(?<![\w$])\$([A-Za-z_]\w*)\s*=\s*" + _QUOTED + r"\s*;"),
}
# `{% blocktrans with url='https://…' %}` and `{% with name="…" %}` name values for their block.
_WITH_TAG = re.compile(r"\{%-?\s*(?:blocktrans|blocktranslate|with)\b[^%]*?-?%\}")
_WITH_PAIR = re.compile(r"\b([A-Za-z_]\w*)\s*=\s*" + _QUOTED)
_USE = {
    "curly": re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*(?:\|\s*(?:safe|e|escape|trim|striptags)\s*)*-?\}\}\Z"),
    "erb": re.compile(r"<%=\s*([A-Za-z_]\w*)\s*-?%>\Z"),
    # `<?php echo $last_updated; ?>`, `<?= htmlspecialchars($title) ?>`, Blade's `{{ $title }}`
    "php": re.compile(r"(?:<\?(?:php\s+(?:echo|print)\s+|=\s*)|\{\{\s*)(?:(?:htmlspecialchars|esc_html|e)\(\s*)?\$([A-Za-z_]\w*)\s*\)?\s*;?\s*(?:\?>|\}\})\Z"),
}


class _Printed:
    """What a template expression prints, when the template itself says."""

    def __init__(self, text: str, syntax: str) -> None:
        self.assigned = _assignments(text, syntax)
        self.translates = syntax in ("jinja", "handlebars", "markup") and ("trans" in text or "_(" in text or "gettext(" in text)
        self.rails = syntax in ("erb", "markup") and "<%=" in text
        self.possible = bool(self.assigned) or self.translates or self.rails

    def value(self, code: str, start: int) -> Printed | None:
        if self.rails and code.startswith("<%="):
            printed = _rails_helper(code, start)
            if printed is not None:
                return printed
        text = self._text(code, start)
        return Printed(text, start) if text is not None else None

    def _text(self, code: str, start: int) -> str | None:
        if self.translates:
            for pattern in _TRANSLATED:
                match = pattern.match(code)
                if match is not None:
                    return _usable(_unquote(match))
        for pattern in _USE.values():
            use = pattern.match(code)
            if use is None:
                continue
            candidates = [(offset, value) for offset, name, value in self.assigned if name == use.group(1)]
            before = [value for offset, value in candidates if offset < start]
            # The latest assignment before it, else the first after (a top-level set outside the block).
            if before:
                return before[-1]
            return candidates[0][1] if candidates else None
        return None


# Rails view helpers that print a literal: `link_to "Text", url`, `mail_to "address"`, and the
# GOV.UK publishing components `render "…/heading", { text: "…" }` and `render "…/list", { items: [ … ] }`.
_LINK_TO = re.compile(r"<%=\s*link_to\s*\(?\s*" + _QUOTED + r"\s*,")
_MAIL_TO = re.compile(r"<%=\s*mail_to\s*\(?\s*" + _QUOTED)
_RENDER = re.compile(r"<%=\s*render\s*\(?\s*" + _QUOTED + r"\s*,\s*\{(?P<hash>.*)\}\s*\)?\s*-?%>\Z", re.DOTALL)
_TEXT_KEY = re.compile(r"(?<![\w-])text:\s*" + _QUOTED)
_QUOTED_ANY = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_ITEMS_KEY = re.compile(r"(?<![\w-])items:\s*\[(?P<items>(?:\s*" + _QUOTED_ANY + r"\s*,?)+)\s*\]")
_MAIL_TO_INSIDE = re.compile(r"\bmail_to\s*\(?\s*" + _QUOTED)
_LEVEL_KEY = re.compile(r"(?<![\w-])heading_level:\s*([1-6])")


def _rails_helper(code: str, start: int) -> Printed | None:
    for pattern in (_LINK_TO, _MAIL_TO):
        match = pattern.match(code)
        if match is not None:
            text = _usable(_unquote(match))
            return Printed(text, start) if text is not None else None
    render = _RENDER.match(code)
    if render is None:
        return None
    component, body = _unquote(render), render.group("hash")
    if component.endswith("/table"):
        return None  # cells would need a table of their own
    items = _ITEMS_KEY.search(body)
    if items is not None and component.endswith("/list"):
        texts = tuple(t for t in (_usable(_unquote(m)) for m in re.finditer(_QUOTED, items.group("items"))) if t)
        return Printed("; ".join(texts), start, "list", texts) if texts else None
    text_key = _TEXT_KEY.search(body) or _MAIL_TO_INSIDE.search(body)
    if text_key is None:
        return None
    text = _usable(_unquote(text_key))
    if text is None:
        return None
    if component.endswith("/heading"):
        level = _LEVEL_KEY.search(body)
        return Printed(text, start, "heading", level=int(level.group(1)) if level else 2)
    return Printed(text, start)


def _assignments(text: str, syntax: str) -> list[tuple[int, str, str]]:
    """(offset, name, value) for each string a template assigns to a name, in source order."""
    found: list[tuple[int, str, str | None]] = []
    curly = syntax in ("jinja", "handlebars", "markup")
    if curly:
        found += [(m.start(), m.group(1), _usable(_unquote(m, 2))) for m in _ASSIGNMENT["curly"].finditer(text)]
        for tag in _WITH_TAG.finditer(text):
            found += [(tag.start(), m.group(1), _usable(_unquote(m, 2))) for m in _WITH_PAIR.finditer(tag.group())]
    if syntax in ("erb", "markup"):
        found += [(m.start(), m.group(1), _usable(_unquote(m, 2))) for m in _ASSIGNMENT["erb"].finditer(text)]
    if syntax in ("php", "blade"):
        found += [(m.start(), m.group(1), _usable(_unquote(m, 2))) for m in _ASSIGNMENT["php"].finditer(text)]
    return sorted((offset, name, value) for offset, name, value in found if value is not None)


def _unquote(match: re.Match[str], first: int = 1) -> str:
    """The quoted string a match captured (double- or single-quoted), escapes undone."""
    raw = match.group(first) if match.group(first) is not None else match.group(first + 1)
    return re.sub(r"\\(.)", r"\1", raw)


def _usable(value: str) -> str | None:
    """The value folded onto one line; None when empty, or holding markup or template code that would need
    parsing where it lands."""
    value = " ".join(value.split())
    if not value or any(code in value for code in ("<", ">", "#{", "{{", "{%")):
        return None
    return value


def _printed_in_place(code: str, marker: str, printed: Printed) -> str:
    """The blanked expression with its marker: at its end for text that runs on inline; for a printed
    heading or list, wrapped in a block element on its first line so that it stands apart."""
    first_line = code.split("\n", 1)[0]
    wrapped = f"<div>{marker}</div>"
    if printed.kind != "text" and len(first_line) >= len(wrapped):
        return wrapped + blank(code[len(wrapped):])
    return blank(code[:-1]) + marker


def markers(text: str) -> Iterator[str]:
    """Private-use characters the source does not contain (icon fonts use some)."""
    present = set(text)
    return (char for char in map(chr, range(0xE000, 0xF900)) if char not in present)


def _find_spans(text: str, syntax: str) -> list[tuple[int, int]]:
    spans = [m.span() for p in SYNTAX_PATTERNS[syntax] for m in re.finditer(p, text, re.DOTALL)]
    if syntax == "razor":
        spans.extend(_razor_spans(text))
    if syntax == "blade":
        spans.extend(_blade_spans(text))
    return spans


_BLADE_DIRECTIVE = re.compile(r"(?<![\w.@])@[A-Za-z]\w*")


def _blade_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _BLADE_DIRECTIVE.finditer(text):
        end = match.end()
        rest = text[end:]
        stripped = len(rest) - len(rest.lstrip(" "))
        if rest[stripped : stripped + 1] == "(":
            end = after_matching_bracket(text, end + stripped, "(", ")")
        spans.append((match.start(), end))
    return spans


# Razor: `@{ code }`, `@( expr )`, `@if (...) { ... }` and `@Model.Name`; an `@` after
# a letter or digit is an e-mail address, which Razor itself leaves alone.
_RAZOR_KEYWORD = re.compile(r"@(?:if|for|foreach|while|switch|using|section|functions|code|model|inject|page|layout)\b")
_RAZOR_EXPRESSION = re.compile(r"@[A-Za-z_][\w]*(?:(?:\.[A-Za-z_]\w*)|(?:\([^()\n]*\))|(?:\[[^\]\n]*\]))*")


def _razor_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"(?<![\w.@])@", text):
        start = match.start()
        rest = text[start + 1 : start + 2]
        if rest in ("{", "("):
            end = after_matching_bracket(text, start + 1, rest, "}" if rest == "{" else ")")
            spans.append((start, end))
        elif rest == "@" or rest == "*":
            continue
        elif (keyword := _RAZOR_KEYWORD.match(text, start)) is not None:
            # Blank the statement header up to its opening brace; the markup inside
            # the braces is static text, so only the braces themselves are code.
            brace = text.find("{", keyword.end())
            line_end = text.find("\n", keyword.end())
            end = brace + 1 if brace != -1 and (line_end == -1 or brace < line_end or text[keyword.end():brace].strip().endswith(")")) else keyword.end()
            if keyword.group(0) in ("@model", "@inject", "@page", "@layout", "@using") and line_end != -1:
                end = line_end
            spans.append((start, end))
        elif (expression := _RAZOR_EXPRESSION.match(text, start)) is not None:
            spans.append(expression.span())
    # A lone closing brace on its own line ends a Razor code block.
    spans.extend(m.span(1) for m in re.finditer(r"^[ \t]*(\})[ \t]*$", text, re.MULTILINE))
    return spans


def after_matching_bracket(text: str, open_at: int, opening: str, closing: str) -> int:
    """The offset just after the bracket matching the one at `open_at` (backslash escapes skipped)."""
    if open_at < 0:
        return len(text)
    depth = 0
    index = open_at
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(text)
