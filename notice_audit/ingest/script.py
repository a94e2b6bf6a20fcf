"""JavaScript and TypeScript sources (React, Next.js, Vue render code, CMS configs).

The notice is in one of three places: HTML inside string literals (a CMS config's
`bodyHtml`), JSX markup, or plain strings in the component's data (`const sections =
[{ title: "Your rights", content: "You have the right to…" }]`, rendered with
`sections.map(…)`). Every other character of code is blanked, keeping newlines, so the
text keeps its real lines and columns. Data strings and the constants JSX prints
(`{lastUpdated}` after `const lastUpdated = "1 January 2025"`) become Printed values,
put back where they stand by ingest (see substitute.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from notice_audit.document import GLUE
from notice_audit.ingest.html import DROP, VOID
from notice_audit.ingest.template import Masked, Printed, after_matching_bracket, markers, page_date, prints_render_date

_SCRIPT_STRING = re.compile(r"`(?:\\.|[^`\\])*`|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'", re.DOTALL)
_QUOTED_STRING = re.compile(r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'")
_WHOLE_TEMPLATE = re.compile(r"`[\s\S]*`")  # matched up to the end `_template_end` finds
_HTML_TAG = re.compile(r"<(?:p|div|h[1-6]|ul|ol|li|a|table|section|br|strong|em|span)\b", re.IGNORECASE)
# Where an expression may start, so a `<` there opens JSX rather than comparing.
_JSX_LEAD = re.compile(r"(?:[(?:=,\[{&|]|=>|\breturn)\s*$")

# The keys under which page data holds its words: a title becomes a heading, a list of
# strings list items, anything else paragraphs.
# (and the elements' own names, as content blocks spell them: `{ h: "1. Who we are" }, { p: "…" }, { ul: ["…"] }`)
_HEADING_KEYS = frozenset({"title", "heading", "question", "name", "label", "header", "category", "right", "h", "h2", "h3", "h4", "subheading"})
_TEXT_KEYS = frozenset({
    "content", "description", "desc", "explanation", "text", "body", "details", "detail", "summary", "answer", "paragraph", "paragraphs",
    "items", "points", "examples", "list", "bullets", "subtitle", "intro", "introduction", "note", "notes", "p", "para", "ul", "ol", "li",
    "purpose", "purposes", "retention", "basis", "legalbasis", "reason", "value",
    # a contact card's lines: `{ type: "contact", data: { email: "…", address: ["…", "SW1H 0ET"] } }`
    "email", "phone", "telephone", "tel", "address", "postcode", "website",
})
_LIST_KEYS = frozenset({"items", "points", "examples", "list", "bullets", "ul", "ol", "li"})  # an array of these is a list; of paragraphs, paragraphs
# A table's data: `<Table columns={['Data', 'How long']} rows={[['Visit records', 'Seven years']]} />`.
_ROW_KEYS = frozenset({"rows", "columns", "cells", "headers"})
# Past a cell, where its row's strings end: JSX, an expression or the row's close.
_ROW_STOP = re.compile(r"[<{\]]")
# A component's attribute holding data for it to render: `<UL items={[…]} />`.
_DATA_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_$][\w$]*=\Z")
_KEY = re.compile(r"([A-Za-z_$][\w$]*)\s*:(?!:)")
_ATTRIBUTE_KEY = re.compile(r"([A-Za-z_$][\w$]*)=(?=\{)")  # a JSX attribute: `items={[…]}`
_CONSTANT = re.compile(r"""\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*(?:"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'|`((?:\\.|[^`\\$])*)`)""")
# A key the markup prints as text (`<p>{processor.role}</p>`, not `href={processor.link}`): its data is words.
_PRINTED_KEY = re.compile(r"(?<![=\w$])\{\s*[A-Za-z_$][\w$]*\??\.([A-Za-z_$][\w$]*)\s*\}")
_DROPPED_IN_MARKUP = tuple(sorted(DROP & {"nav", "button", "select"}))
_ASSIGNED = re.compile(r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*([^;\n]+)")
_PRINTED_NAME = re.compile(r"\{\s*([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)\s*\}\Z")
_OBJECT_CONSTANT = re.compile(r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\], ]+?\s*)?=\s*\{")
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
# Code, CSS classes and paths are not prose: 'text-3xl font-bold', 'md:flex', '/api/users', 'a === b',
# 'f(a);g()'. A semicolon before a space or the end is prose punctuation ('access your data; have it corrected').
_NOT_PROSE = re.compile(r"[{}=$\\|]|;(?=\S)|=>|\b[a-z]+:[a-z][\w-]*|(?:^|\s)[a-z]+-\d|^\S*/\S*$")
_IDENTIFIER = re.compile(r"^[a-z]+[A-Z_]\w*$|^[A-Z_]+$")  # 'userName', 'API_KEY'
# a word, bracketed or not, or an article's number: 'Legal obligation (Article 6(1)(c))'
_WORD = re.compile(r"^[(\[“‘\"']?(?:[A-Za-z][A-Za-z'’-]*|\d+(?:\(\w{1,3}\))+)[.,;:!?)\]”’\"]*$")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|https?://\S+|\bwww\.\S+|(?:\+44\s?|\b0)\d[\d ]{8,}\d|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
_WRAPPED = "<div>{}</div>"
# A date the page's data gives it: `updated: "2026-09-21"`, `lastUpdated: '6 October 2026'`.
_DATED_KEY = re.compile(r"""(?<![\w$.])["']?([A-Za-z_][\w-]*)["']?\s*:\s*(?:"([^"\n]{4,40})"|'([^'\n]{4,40})'|`([^`$\n]{4,40})`)""")


def mask_script(text: str) -> Masked:
    """Keep the HTML in string literals and the JSX markup, print the page's data strings; blank all other code."""
    script = _Script(text)
    script.code(0, len(text))
    return script.masked()


# A single-file component: Astro's code fence at the top, Svelte's and Vue's <script> and <style> blocks;
# everything else is markup with `{expressions}` ('{#each}', '{{ title }}') in it.
_CODE_FENCE = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_CODE_ELEMENT = re.compile(r"<(script|style|svelte:head)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_ROOT_TEMPLATE_TAG = re.compile(r"</?template\b[^>]*>", re.IGNORECASE)  # Vue's outermost <template>


def mask_component(text: str) -> Masked:
    """An Astro, Svelte or Vue file: its code read as a script's (data printed, constants known), its markup as JSX."""
    script = _Script(text)
    code = {m.start(): m for m in [*_CODE_FENCE.finditer(text), *_CODE_ELEMENT.finditer(text)]}
    index, length = 0, len(text)
    while index < length:
        if (block := code.get(index)) is not None:
            if block.re is _CODE_FENCE or block.group(1).lower() == "script":
                script.code(index, block.end())
            index = block.end()  # styles and Svelte's <svelte:head> stay blank
        elif text.startswith("<!--", index):
            end = text.find("-->", index + 4)
            index = length if end == -1 else end + 3
        elif (root := _ROOT_TEMPLATE_TAG.match(text, index)) is not None:
            index = root.end()  # the markup inside is read; the tag, which HTML would drop, is not
        elif text[index] == "<" and text[index + 1 : index + 2].isalpha():
            index = script.jsx(index)
        elif text[index] == "{":
            end = after_matching_bracket(text, index, "{", "}")
            script.expression(index, end)
            index = end
        else:
            script.keep(index, index + 1)
            index += 1
    return script.masked()


def _dates(text: str) -> dict[str, str]:
    """The page's date where its data names one, as metadata (`updated`, as for a component's attribute)."""
    for match in _DATED_KEY.finditer(text):
        dated = page_date(match.group(1), next(value for value in match.groups()[1:] if value is not None))
        if dated:
            return dated
    return {}


def _dropped_spans(text: str) -> list[tuple[int, int]]:
    """Where the markup holds an element whose words the page never reads as the notice (`<nav>…</nav>`)."""
    return [
        (m.start(), m.end())
        for tag in _DROPPED_IN_MARKUP
        for m in re.finditer(rf"<{tag}\b.*?</{tag}\s*>", text, re.DOTALL | re.IGNORECASE)
    ]


class _Script:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = [char if char == "\n" else " " for char in text]
        self.values: dict[str, Printed] = {}
        self._markers: Iterator[str] = markers(text)
        self.constants = {m.group(1): _unescape(next(g for g in m.groups()[1:] if g is not None)) for m in _CONSTANT.finditer(text)}
        # where each string constant is written: one of paragraphs (Markdown a renderer prints) is located there
        self.written = {m.group(1): next((m.start(g), m.group(g)) for g in (2, 3, 4) if m.group(g) is not None) for m in _CONSTANT.finditer(text)}
        for declared in _OBJECT_CONSTANT.finditer(text):
            self.constants.update(_object_strings(text, declared.end() - 1, declared.group(1)))
        self.data = _data_strings(text)
        # names set to the day the page is shown: `const lastUpdated = new Date().toLocaleDateString("en-GB")`
        self.render_date_names = {m.group(1) for m in _ASSIGNED.finditer(text) if prints_render_date(m.group(2))}
        self.render_dates: list[int] = []
        self.string_arrays = _string_arrays(text)
        # (a key printed only where the page drops its words, as a contents list's `<nav>`, is no text of the notice)
        dropped = _dropped_spans(text)
        self.printed_keys = {
            m.group(1).lower() for m in _PRINTED_KEY.finditer(text) if not any(start < m.start() < end for start, end in dropped)
        }

    def code(self, start: int, end: int) -> None:
        """Read code: its strings as data or HTML, the JSX its expressions return; the rest stays blank."""
        text = self.text
        index = start
        while index < end:
            char = text[index]
            if text.startswith("//", index):
                index = _line_end(text, index)
            elif text.startswith("/*", index):
                close = text.find("*/", index + 2)
                index = end if close == -1 else close + 2
            elif char in "`\"'":
                index = self.string(index)
            elif char == "<" and _starts_jsx(text, index):
                index = self.jsx(index)
            else:
                index += 1

    def masked(self) -> Masked:
        masked = "".join(self.out)
        return Masked(masked, self.text, _changed_spans(self.text, masked), [], self.values, _dates(self.text), self.render_dates)

    def keep(self, start: int, end: int) -> None:
        self.out[start:end] = self.text[start:end]

    def blank(self, start: int, end: int) -> None:
        self.out[start:end] = [c if c == "\n" else " " for c in self.text[start:end]]

    def string(self, index: int) -> int:
        """A string literal at `index`: HTML inside it is kept, page data is printed, the rest stays blank."""
        match = _string_literal(self.text, index)
        if match is None:
            return index + 1
        body_start, body_end = match.start() + 1, match.end() - 1
        if _HTML_TAG.search(self.text, body_start, body_end):
            self.keep(body_start, body_end)
            expressions: list[tuple[int, int]] = []
            if self.text[index] == "`":
                _template_end(self.text, index, expressions)
            for start, end in expressions:
                self.template_expression(start, end)
        else:
            self.print_data(match.start(), match.end())
        return match.end()

    def print_literal(self, start: int, end: int, literal_start: int, literal_end: int) -> None:
        """Print the string literal at `literal_start`..`literal_end` that the expression `start`..`end` prints: its
        words kept where they stand, the code around them and its escapes' backslashes glue, a template's `${…}` read."""
        body_start, body_end = literal_start + 1, literal_end - 1
        self.keep(body_start, body_end)
        if GLUE not in self.text:
            for index in (*range(start, body_start), *range(body_end, end)):
                self.out[index] = GLUE
            for escape in re.finditer(r"\\.", self.text[body_start:body_end]):
                self.out[body_start + escape.start()] = GLUE
        if self.text[literal_start] == "`":
            expressions: list[tuple[int, int]] = []
            _template_end(self.text, literal_start, expressions)
            for expression_start, expression_end in expressions:
                self.template_expression(expression_start, expression_end)

    def print_constant(self, path: str, start: int, end: int) -> bool:
        """Print the file's own constant `path` at the expression `start`..`end` (`{lastUpdated}`, `${updated}`);
        False when the file sets no such constant."""
        if path not in self.constants:
            return False
        marker = next(self._markers, None)
        value = " ".join(self.constants[path].split())
        if marker is not None and value:
            self.out[end - 1] = marker
            self.values[marker] = Printed(value, start)
            if "\n\n" in self.constants[path].strip() and path in self.written:
                # paragraphs, often Markdown for a renderer (`<ReactMarkdown>{text}</ReactMarkdown>`): read
                # as paragraphs, headings and lists, each located where the constant writes it
                at, written = self.written[path]
                self.values[marker] = Printed(self.constants[path].strip(), at, "prose", source=written)
        return True

    def note_render_date(self, start: int, inner: str) -> None:
        """Record an expression that prints the day the page is shown: the call itself or a name set to it."""
        name = _PRINTED_NAME.fullmatch("{" + inner.strip() + "}")
        if prints_render_date(inner) or (name is not None and name.group(1) in self.render_date_names):
            self.render_dates.append(start)

    def template_expression(self, start: int, end: int) -> None:
        """A `${…}` in a template literal of HTML: a constant the file sets is printed (`${updated}`), the
        strings a helper builds a table or list from are printed as its cells or items (`${table(["What",
        "How long"], [["Logs", "30 days"]])}`), and templates inside it are read (`${lead ? `<p>…</p>` : ""}`)."""
        self.blank(start, end)
        inner_start, inner_end = start + 2, end - 1
        self.note_render_date(start, self.text[inner_start:inner_end])
        name = _PRINTED_NAME.fullmatch("{" + self.text[inner_start:inner_end] + "}")
        if name is not None and self.print_constant(name.group(1).replace("?.", "."), start, end):
            return
        if _HELPER_CALL.match(self.text, inner_start, inner_end) and self.print_helper_data(inner_start, inner_end):
            return
        self.code(inner_start, inner_end)

    def print_helper_data(self, start: int, end: int) -> bool:
        """The strings of the arrays a helper call is given, as table rows (an array of arrays: each array a
        row) or list items (flat arrays only); False when its arguments hold no strings in arrays."""
        openers: list[int] = []
        strings: list[tuple[int, int, int]] = []  # (start, end, the innermost array's opener)
        nested = False
        index = start
        while index < end:
            char = self.text[index]
            if char in "\"'`":
                literal = _string_literal(self.text, index)
                if literal is None:
                    return False
                if openers:
                    strings.append((literal.start(), literal.end(), openers[-1]))
                index = literal.end()
                continue
            if char == "[":
                nested = nested or bool(openers)
                openers.append(index)
            elif char == "]" and openers:
                openers.pop()
            index += 1
        if not strings:
            return False
        values = [(" ".join(_TAG.sub("", _unescape(self.text[a + 1 : b - 1])).split()), a + 1, row_at) for a, b, row_at in strings]
        values = [value for value in values if value[0]]
        if not values:
            return False
        items = tuple(text for text, _, _ in values)
        if nested:
            cells = tuple((offset, row_at) for _, offset, row_at in values)
            self.place(Printed(items[0], values[0][1], "rows", items, cells=cells), start, end, start)
        else:
            self.place(Printed(items[0], values[0][1], "list", items), start, end, start)
        return True

    def print_data(self, start: int, end: int) -> None:
        """Print a data string (`title: "Your rights"`, `content: ["…", "…"]`) as a heading, list item or paragraphs."""
        # Data in an array is rendered by .map(); an object's strings are printed where JSX names them.
        if start not in self.data:
            return
        key, key_at, in_array, row_at = self.data[start]
        if key not in _HEADING_KEYS and key not in _TEXT_KEYS and key not in _ROW_KEYS and key not in self.printed_keys:
            return
        value = _unescape(re.sub(r"\$\{[^}]*\}", " ", self.text[start + 1 : end - 1]))
        if key in _HEADING_KEYS and not in_array:
            one_line = " ".join(value.split())
            if not _reads_as_heading(one_line):
                return
            printed = Printed(one_line, start + 1, "heading", level=0)  # one below the heading it is printed under
        elif not (_reads_as_prose(value) or (key in _ROW_KEYS and _reads_as_word(value))):
            return
        elif in_array and key in _ROW_KEYS:
            printed = Printed(" ".join(value.split()), start + 1, "cell", row=row_at)
        elif in_array and key in _LIST_KEYS:
            one_line = " ".join(value.split())
            printed = Printed(one_line, start + 1, "list", (one_line,))
        else:
            printed = Printed(value.strip(), start + 1, "prose", source=self.text[start + 1 : end - 1])
        self.place(printed, start, end, key_at)

    def _known_value(self, expression: str) -> str:
        """What an attribute's expression renders when the file itself sets every name in it: `CONTACT_EMAIL`,
        `` `mailto:${CONTACT_EMAIL}` `` over `const CONTACT_EMAIL = "…"`; '' when anything in it is not known."""
        expression = expression.strip()
        if _PRINTED_NAME.fullmatch("{" + expression + "}"):
            return self.constants.get(expression.replace("?.", "."), "")
        if len(expression) >= 2 and expression[0] == expression[-1] == "`" and "`" not in expression[1:-1]:
            names = [m.group(1).replace("?.", ".") for m in _INTERPOLATION.finditer(expression)]
            if names and all(name in self.constants for name in names):
                return _INTERPOLATION.sub(lambda m: self.constants[m.group(1).replace("?.", ".")], expression[1:-1])
        return ""

    def place(self, printed: Printed, start: int, end: int, key_at: int) -> None:
        """Stand a printed value's block element in the blanked source near the string it comes from."""
        marker = next(self._markers, None)
        if marker is None:
            return
        wrapped = _WRAPPED.format(marker)
        at = self._cell_room(printed.row, end, len(wrapped)) if printed.kind == "cell" else None
        if at is None:
            at = self._room(start, end, key_at, len(wrapped))
        if at is not None:
            self.out[at : at + len(wrapped)] = wrapped
            self.values[marker] = printed

    def _room(self, start: int, end: int, key_at: int, width: int) -> int | None:
        """Where a printed string's block element fits, on one line and over nothing printed yet: in the
        literal, else from its key on, else in the blank before it ("'London', 'SW1H 0ET'" in an address)."""
        def free(at: int) -> bool:
            return at + width <= end and "\n" not in self.text[at : at + width] and not "".join(self.out[at : at + width]).strip()

        for at in (start, key_at):
            if free(at):
                return at
        return next((at for at in range(end - width, max(key_at, start - 200) - 1, -1) if free(at)), None)

    def _cell_room(self, row_at: int, end: int, width: int) -> int | None:
        """A row's cells packed from the row's start, in order, each on one line: a short cell
        ('Why') has too little room of its own. Past the cell, only the row's strings are room: JSX
        after it (`['Email', <a …>]`) is read later, in place."""
        after = _ROW_STOP.search(self.text, end, min(end + 200, len(self.text)))
        limit = after.start() if after else min(end + 200, len(self.text))
        for at in range(row_at, limit - width + 1):
            if "\n" not in self.text[at : at + width] and not "".join(self.out[at : at + width]).strip():
                return at
        return None

    def jsx(self, start: int) -> int:
        """Keep one JSX element (to its matching close); blank the `{...}` expressions in it."""
        text, out = self.text, self.out
        depth = 0
        index = start
        length = len(text)
        while index < length:
            if text[index] == "{":
                end = after_matching_bracket(text, index, "{", "}")
                self.expression(index, end)
                index = end
            elif text.startswith("</", index):
                close = text.find(">", index)
                close = length - 1 if close == -1 else close
                if close > index + 2:  # a fragment's `</>` stays blank: it is no HTML
                    self.keep(index, close + 1)
                index = close + 1
                depth -= 1
                if depth <= 0:
                    return index
            elif text.startswith("<>", index):  # a fragment: its children are read, the `<>` is no HTML
                index += 2
                depth += 1
            elif text[index] == "<" and text[index + 1 : index + 2].isalpha() and (tag_end := self._data_component(index)):
                self.data_component(index, tag_end)
                index = tag_end
                if depth == 0:
                    return index
            elif text[index] == "<" and text[index + 1 : index + 2].isalpha():
                tag_start = index
                out[index] = "<"
                index += 1
                while index < length and text[index] != ">":
                    if text[index] == "{":
                        end = after_matching_bracket(text, index, "{", "}")
                        self.expression(index, end, attribute=True)
                        index = end
                    elif text[index] in "\"'":
                        close = text.find(text[index], index + 1)
                        close = length - 1 if close == -1 else close
                        self.keep(index, close + 1)
                        index = close + 1
                    else:
                        out[index] = text[index]
                        index += 1
                # (markup written as HTML leaves void elements open: '<br>', '<img …>')
                self_closing = text[index - 1] == "/" or _tag_name(text, tag_start) in VOID
                if index < length:
                    out[index] = ">"
                index += 1
                if not self_closing:
                    depth += 1
                elif depth == 0:
                    return index
            else:
                out[index] = text[index]
                index += 1
        return length

    def _data_component(self, start: int) -> int:
        """Where a self-closing component that renders data from its attributes (`<UL items={[…]} />`,
        `<Table rows={[…]} />`) ends; 0 for any other tag."""
        text = self.text
        index = start + 1
        has_data = False
        while index < len(text) and text[index] != ">":
            if text[index] == "{":
                has_data = has_data or (text[index + 1 : index + 40].lstrip().startswith("[") and bool(_DATA_ATTRIBUTE_NAME.search(text, start, index)))
                index = after_matching_bracket(text, index, "{", "}")
            elif text[index] in "\"'":
                close = text.find(text[index], index + 1)
                index = len(text) if close == -1 else close + 1
            else:
                index += 1
        return index + 1 if has_data and text[index - 1] == "/" else 0

    def data_component(self, start: int, end: int) -> None:
        """A data component prints its data where it stands, its `title="…"` as a heading; the tag is no HTML."""
        text = self.text
        index = start
        while index < end:
            if text[index] == "{":
                close = after_matching_bracket(text, index, "{", "}")
                self.expression(index, close)
                index = close
            elif text[index] in "\"'":
                close = text.find(text[index], index + 1)
                close = end if close == -1 else close + 1
                name = re.search(r"([A-Za-z]+)\s*=\s*$", text[start:index])
                value = " ".join(text[index + 1 : close - 1].split())
                if name and name.group(1).lower() in ("title", "heading") and _reads_as_heading(value):
                    self.place(Printed(value, index + 1, "heading", level=0), index, close, index)
                index = close
            else:
                index += 1

    def expression(self, start: int, end: int, attribute: bool = False) -> None:
        """Blank a `{...}` expression, keeping the JSX (`{ok && <p>Text</p>}`) and page data inside it, and
        printing a constant the file sets (`{lastUpdated}`)."""
        text = self.text
        self.blank(start, end)
        if attribute:
            literal = _ATTRIBUTE_LITERAL.fullmatch(text, start, end)
            known = self._known_value(text[start + 1 : end - 1])
            marker = next(self._markers, None) if known and end - start >= 3 else None
            if marker is not None:
                # `href={`mailto:${CONTACT_EMAIL}`}` over `const CONTACT_EMAIL = "…"`: the value the page renders
                self.out[start], self.out[start + 1], self.out[end - 1] = '"', marker, '"'
                self.values[marker] = Printed(known, start)
            elif literal is not None and '"' not in literal.group(2):
                # `defaultMessage={'We keep it for 2 years.'}`: the string is the attribute's value
                self.out[literal.start(1)], self.out[literal.end(2)] = '"', '"'
                self.keep(literal.start(2), literal.end(2))
            elif (choice := _CHOICE.fullmatch(text, start, end)) is not None and '"' not in text[choice.start(2) : choice.end(3)]:
                # `title={isPt ? "1. Controlador de Dados" : "1. Data Controller"}`: the English value
                chosen_start, chosen_end = _english_choice(text, choice)
                self.out[start], self.out[end - 1] = '"', '"'
                self.keep(chosen_start + 1, chosen_end - 1)
            elif end - start >= 2:
                self.out[start], self.out[end - 1] = '"', '"'  # an attribute value the HTML reader can see
            return
        self.note_render_date(start, text[start:end].strip("{}"))
        literal = _ATTRIBUTE_LITERAL.fullmatch(text, start, end)
        if literal is not None:
            # `{"The Garment Concierge is … You can reach us by email at "}`: a string the markup prints as it stands,
            # run on to what is printed beside it
            self.print_literal(start, end, literal.start(2) - 1, literal.end(2) + 1)
            return
        choice = _CHOICE.fullmatch(text, start, end)
        if choice is not None:
            # a page in two languages: `{isPt ? "Dados que coletamos" : "Data we collect"}` reads in English
            self.print_literal(start, end, *_english_choice(text, choice))
            return
        mapped = _MAP_CALL.match(text, start, end) or _EACH_BLOCK.match(text, start, end)
        items = self.string_arrays.get(mapped.group(1)) if mapped is not None else _mapped_literal(text, start, end)
        if items:
            # `{rights.map((right) => <li>{right}</li>)}` over `const rights = ["…", "…"]`, or an array written in
            # place (`{[['Company', 'Vale and Mercer Ltd'], …].map(([k, v]) => <tr>…)}`): the items, printed here
            self.place(Printed(items[0], start, "list", items), start, end, start)
            return
        translated = _TRANSLATED.match(text, start, end)
        if translated is not None:
            # `{t("privacy.intro", "This notice explains …")}`: the key's English default is the text
            at = translated.start(3) if translated.group(3) is not None else translated.start(5)
            value = " ".join(_unescape(translated.group(3) if translated.group(3) is not None else translated.group(5)).split())
            marker = next(self._markers, None)
            if marker is not None and value:
                self.out[end - 1] = marker
                self.values[marker] = Printed(value, at)
            return
        double = text.startswith("{{", start) and text.startswith("}}", end - 2)  # Vue's `{{ title }}`
        name = _PRINTED_NAME.match(text, start + 1, end - 1) if double else _PRINTED_NAME.match(text, start, end)
        path = name.group(1).replace("?.", ".") if name is not None else ""
        if self.print_constant(path, start, end):
            return
        index = start + 1
        while index < end - 1:
            if text[index] == "<" and _starts_jsx(text, index):
                index = self.jsx(index)
            elif text[index] in "`\"'":
                index = self.string(index)
            elif text.startswith("//", index):
                index = _line_end(text, index)
            else:
                index += 1


# `{isPt ? "…" : "…"}`: one of two strings, by a condition (a language, a flag)
_LITERAL = r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`"
_CHOICE = re.compile(r"\{\s*([^?{}]{1,80}?)\s*\?\s*(" + _LITERAL + r")\s*:\s*(" + _LITERAL + r")\s*\}", re.DOTALL)
_ALTERNATIVE = re.compile(r"\s*:\s*(" + _LITERAL + r")")
# the condition before a value's `?`: `basis: isPt ? …`, `lang === 'en' ? …`
_CONDITION = re.compile(r"([^:,{}()\[\]\n]{1,80})\?\s*\Z")
# a string that is compared or tested, not printed: `lang === 'en' ?`, `'en' === lang`
_OPERAND_AFTER = re.compile(r"\s*(?:[=!]==?|\?(?![.?]))")
_OPERAND_BEFORE = re.compile(r"[=!]=\s*\Z")
# what a condition may test to pick a language: `isPt`, `isWelsh`, `lang === "en-GB"`, `locale !== 'cy'`
_LANGUAGE_TEST = re.compile(r"\bis_?([A-Z][a-z]+|[a-z]{2})\b|[\"'`]([a-zA-Z]{2}(?:[-_][a-zA-Z]{2,4})?|[a-zA-Z]{4,12})[\"'`]")
_LANGUAGE_NAMES = frozenset({
    "english", "welsh", "cymraeg", "irish", "gaelic", "french", "spanish", "portuguese", "german", "italian", "polish",
    "dutch", "romanian", "arabic", "urdu",
})
_ENGLISH = re.compile(r"\b(?:the|and|to|of|we|you|your|our|is|are|for|with|in|data|this|by|or|not|us|it)\b", re.IGNORECASE)
_ACCENTED = re.compile(r"[^\x00-\x7f’‘“”–—…]")


def _english_choice(text: str, choice: re.Match[str]) -> tuple[int, int]:
    """Where the English string of a `{condition ? "…" : "…"}` a JSX child or attribute prints stands."""
    return _english_first(text, choice.group(1), (choice.start(2), choice.end(2)), (choice.start(3), choice.end(3)))


def _english_first(text: str, condition: str, first: tuple[int, int], second: tuple[int, int]) -> tuple[int, int]:
    """Of one text in two languages, `condition ? first : second`, where the English one stands: as the condition
    says when it tests a language (`isPt ?` picks `second`, `lang === 'en' ?` picks `first`), else the one with
    the most common English words, then the fewest accented letters ('Privacy Policy', not 'Política de Privacidade')."""
    for test in _LANGUAGE_TEST.finditer(condition):
        language = (test.group(1) or test.group(2)).lower().replace("_", "-")
        if test.group(1) and len(language) > 2 and language not in _LANGUAGE_NAMES:
            continue  # `isMobile ?`: no language
        if test.group(2) and len(language) > 5 and language not in _LANGUAGE_NAMES:
            continue
        english = language in ("en", "english") or language.startswith("en-")
        return first if english != ("!" in condition) else second
    return max((first, second), key=lambda span: (len(_ENGLISH.findall(text, *span)), -len(_ACCENTED.findall(text, *span))))


# a helper called with page data: `${table(["What", "How long"], [["Logs", "30 days"]])}`
_HELPER_CALL = re.compile(r"\s*[A-Za-z_$][\w$.]*\s*\(\s*\[")
_TAG = re.compile(r"<[^>]*>")
_STRING_ARRAY = re.compile(r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\]| ]+?\s*)?=\s*\[")
_ATTRIBUTE_LITERAL = re.compile(r"\{\s*([\"'`])((?:\\.|(?!\1)[^\\$])*)\1\s*\}")  # `={'…'}`: a string as an attribute
_MAP_CALL = re.compile(r"\{\s*([A-Za-z_$][\w$]*)\s*\.map\s*\(")
# A translation looked up by key with its default written beside it (i18next, vue-i18n and the like):
# `{translate("notice.intro", "This notice explains …")}`, `{t('intro', { defaultValue: '…' })}`.
_TRANSLATED = re.compile(
    r"\{\s*[A-Za-z_$][\w$.]*\s*\(\s*([\"'`])[\w.:-]+\1\s*,\s*"
    r"(?:([\"'`])((?:\\.|(?!\2)[^\\])*)\2|\{\s*defaultValue\s*:\s*([\"'`])((?:\\.|(?!\4)[^\\])*)\4)"
)
_EACH_BLOCK = re.compile(r"\{#each\s+([A-Za-z_$][\w$]*)\s+as\b")  # Svelte's `{#each rights as right}`


_INTERPOLATION = re.compile(r"\$\{\s*([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)\s*\}")


def _string_arrays(text: str) -> dict[str, tuple[str, ...]]:
    """Constant arrays of prose strings (`const rights = ["access your data", "have it corrected"]`), by name."""
    found: dict[str, tuple[str, ...]] = {}
    for declared in _STRING_ARRAY.finditer(text):
        items = _array_items(text, declared.end() - 1)
        if items:
            found[declared.group(1)] = items
    return found


def _mapped_literal(text: str, start: int, end: int) -> tuple[str, ...]:
    """The items of an array literal an expression maps (`{["…", "…"].map(…)}`)."""
    opening = _ARRAY_OPENING.match(text, start, end)
    if opening is None:
        return ()
    close = after_matching_bracket(text, opening.end() - 1, "[", "]")
    return _array_items(text, opening.end() - 1) if _MAP_AFTER.match(text, close, end) else ()


def _array_items(text: str, open_at: int) -> tuple[str, ...]:
    """An array of prose strings, or of rows of strings ('Company', 'Vale and Mercer Ltd'), each row read as one
    line ('Company: Vale and Mercer Ltd'); () for anything else."""
    end = after_matching_bracket(text, open_at, "[", "]")
    body = text[open_at + 1 : end - 1]
    rows = [_strings_only(row.group()[1:-1]) for row in _ROW.finditer(body)]
    if rows and all(rows) and not _ROW.sub("", body).replace(",", "").strip():
        cells = [[cell for cell in row if cell.strip()] for row in rows]
        items = [": ".join(row[:2]) + "".join(f"; {cell}" for cell in row[2:]) for row in cells if row]
        return tuple(items) if any(_reads_as_prose(item) for item in items) else ()
    strings = _strings_only(body)
    return strings if strings and all(_reads_as_prose(item) for item in strings) else ()


def _strings_only(body: str) -> tuple[str, ...]:
    """The strings of a list of string literals; () if it holds anything else."""
    items = [_unescape(m.group()[1:-1]) for m in _SCRIPT_STRING.finditer(body)]
    if not items or _SCRIPT_STRING.sub("", body).replace(",", "").strip():
        return ()
    return tuple(" ".join(item.split()) for item in items)


_ARRAY_OPENING = re.compile(r"\{\s*\[")
_MAP_AFTER = re.compile(r"\s*\.map\s*\(")
_ROW = re.compile(r"\[(?:[^\[\]\"'`]|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)*\]")


def _object_strings(text: str, open_at: int, prefix: str) -> dict[str, str]:
    """The strings of an object literal by path: {'policy.contact.email': '…'} for
    `const policy = { contact: { email: "…" } }` (other values are skipped)."""
    found: dict[str, str] = {}
    end = after_matching_bracket(text, open_at, "{", "}")
    index = open_at + 1
    while index < end - 1:
        key = _OBJECT_KEY.match(text, index)
        if key is None:
            index = _past_value(text, index, end)
            continue
        name = key.group(1) or key.group(2) or key.group(3)
        index = key.end()
        value = _string_literal(text, index)
        if value is not None and "${" not in value.group():
            found[f"{prefix}.{name}"] = _unescape(value.group()[1:-1])
            index = value.end()
        elif text.startswith("{", index):
            found.update(_object_strings(text, index, f"{prefix}.{name}"))
            index = after_matching_bracket(text, index, "{", "}")
        else:
            index = _past_value(text, index, end)
    return found


_OBJECT_KEY = re.compile(r"""[\s,]*(?:([A-Za-z_$][\w$]*)|"([^"\n]+)"|'([^'\n]+)')\s*:\s*""")


def _past_value(text: str, index: int, end: int) -> int:
    """Past the value at `index`: to the comma that ends it at this depth (brackets and strings skipped)."""
    while index < end - 1:
        char = text[index]
        if char in "\"'`":
            string = _string_literal(text, index)
            index = string.end() if string is not None else index + 1
        elif char in "([{":
            index = after_matching_bracket(text, index, char, {"(": ")", "[": "]", "{": "}"}[char])
        elif char == ",":
            return index + 1
        else:
            index += 1
    return end


def _data_strings(text: str) -> dict[int, tuple[str, int, bool]]:
    """For each string literal inside an array literal (at any depth of objects within it) that a key
    names, where it starts -> (the key, lower-cased; where the key is; whether the string is itself an
    element of an array): `{ title: "…", content: ["…", "…"] }` inside `[…]`."""
    found: dict[int, tuple[str, int, bool, int]] = {}
    # (opener, the key naming it, where that key is, where the opener is)
    stack: list[tuple[str, str | None, int, int]] = []
    key: tuple[str, int] | None = None
    index = 0
    while index < len(text):
        char = text[index]
        if text.startswith("//", index):
            index = _line_end(text, index)
            continue
        if text.startswith("/*", index):
            close = text.find("*/", index + 2)
            index = len(text) if close == -1 else close + 2
            continue
        if char in "\"'`":
            string = _string_literal(text, index)
            if string is not None:
                after = text[string.end() : string.end() + 40].lstrip()
                # a key's value in two languages: `basis: isPt ? "Interesse Legítimo" : "Legitimate Interest"`
                condition = _CONDITION.search(text, max(0, index - 100), index)
                other = _ALTERNATIVE.match(text, string.end()) if condition is not None else None
                compared = _OPERAND_AFTER.match(text, string.end()) or _OPERAND_BEFORE.search(text, max(0, index - 4), index)
                if other is None and compared:
                    pass  # `lang === 'en' ? …`: a string the condition compares
                elif other is None and after.startswith(":") and not after.startswith("::"):
                    key = (string.group()[1:-1], index)  # a quoted key: { "content": "…" }
                elif any(opener == "[" for opener, _, _, _ in stack):
                    element = bool(stack) and stack[-1][0] == "["
                    named = (stack[-1][1], stack[-1][2]) if element and stack[-1][1] else key
                    chosen = index
                    if other is not None:
                        alternatives = (index, string.end()), (other.start(1), other.end(1))
                        chosen = _english_first(text, condition.group(1), *alternatives)[0]
                    if named is not None:
                        found[chosen] = (named[0].lower(), named[1], element, stack[-1][3])
                    key = None
                    if other is not None:
                        index = other.end()
                        continue
                index = string.end()
                continue
        elif char in "([{":
            if key is None and char == "[" and stack and stack[-1][1] and stack[-1][0] in "[{":
                # a row of a table's rows, or the array an attribute holds (`items={[…]}`), has its parent's key
                key = (stack[-1][1], stack[-1][2])
            stack.append((char, key[0] if key else None, key[1] if key else index, index))
            key = None
        elif char in ")]}":
            if stack:
                stack.pop()
            key = None
        elif char == ",":
            key = None
        elif char.isalpha() or char in "_$":
            word = _KEY.match(text, index) or _ATTRIBUTE_KEY.match(text, index)
            if word is not None and (index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "_$.")):
                key = (word.group(1), index)
                index = word.end()
                continue
            while index < len(text) and (text[index].isalnum() or text[index] in "_$"):
                index += 1
            continue
        index += 1
    return found


def _unescape(raw: str) -> str:
    """A JavaScript string's value: `\\n` a newline, `\\'` a quote, `\\u2019` the character."""

    def undo(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return {"n": "\n", "t": " ", "r": ""}.get(code, code)

    return _ESCAPE.sub(undo, raw)


def _reads_as_heading(value: str) -> bool:
    words = value.split()
    return 0 < len(words) <= 14 and (value[0].isupper() or value[0].isdigit()) and not _NOT_PROSE.search(value) and not _IDENTIFIER.match(value)


def _reads_as_word(value: str) -> bool:
    """One word, as a table's cell may be ('EU', 'Consent'); not an identifier ('userName', 'API_KEY')."""
    word = value.strip()
    return bool(_WORD.match(word)) and (not _IDENTIFIER.match(word) or bool(re.fullmatch(r"[A-Z]{2,5}", word)))


def _reads_as_prose(value: str) -> bool:
    """Words, not code: mostly alphabetic words, none of the signs of code, classes or paths; or a
    line of contact details ('📧 support@example.co.uk')."""
    tokens = value.split()
    if not tokens or any(_NOT_PROSE.search(line) for line in value.splitlines() if line.strip()):
        return False
    if _CONTACT.search(value):
        return True
    return len(tokens) >= 2 and sum(bool(_WORD.match(token)) for token in tokens) >= 0.6 * len(tokens)


def _changed_spans(original: str, masked: str) -> list[tuple[int, int]]:
    """Where code stood between pieces of text: in each run of non-space characters, from the first
    character blanking changed to the last (only the `}` of `</span>},` is code)."""
    spans = []
    for match in re.finditer(r"\S+", original):
        changed = [i for i in range(match.start(), match.end()) if masked[i] != original[i]]
        if changed:
            spans.append((changed[0], changed[-1] + 1))
    return spans


_TAG_NAME = re.compile(r"<([A-Za-z][\w.:-]*)")


def _string_literal(text: str, index: int) -> re.Match[str] | None:
    """The string literal at `index`; a template literal whole, `${…}` holding other templates and all."""
    if text.startswith("`", index):
        end = _template_end(text, index)
        return None if end is None else _WHOLE_TEMPLATE.match(text, index, end)
    return _QUOTED_STRING.match(text, index)


def _template_end(text: str, start: int, expressions: list[tuple[int, int]] | None = None) -> int | None:
    """Just past the template literal whose backtick is at `start`, or None if it never closes; its `${…}`
    (from `$` to just past `}`) are added to `expressions`."""
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
        elif char == "`":
            return index + 1
        elif text.startswith("${", index):
            end = _expression_end(text, index + 2)
            if end is None:
                return None
            if expressions is not None:
                expressions.append((index, end))
            index = end
        else:
            index += 1
    return None


def _expression_end(text: str, index: int) -> int | None:
    """Just past the `}` closing a template's `${` expression that starts at `index`."""
    depth = 1
    while index < len(text):
        char = text[index]
        if char in "\"'`":
            literal = _string_literal(text, index)
            if literal is None:
                return None
            index = literal.end()
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _tag_name(text: str, start: int) -> str:
    """As written: `<Link>` is a component, `<link>` the void element."""
    match = _TAG_NAME.match(text, start)
    return match.group(1) if match else ""


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end == -1 else end


def _starts_jsx(text: str, index: int) -> bool:
    following = text[index + 1 : index + 2]
    if not (following.isalpha() or following == ">"):
        return False
    return bool(_JSX_LEAD.search(text[max(0, index - 20) : index]))
