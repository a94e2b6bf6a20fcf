"""Markdown (CommonMark, tables, front matter, bare URLs) and plain text.

markdown-it gives the source lines of every block but not the columns of inline
text, so each inline text run is aligned back onto its source lines: the run's
characters are found in order, which skips the markup (`**`, `\\(`, `](url)`)
between them and so gives the exact line and column of every word.

Plain text is read by the same parser with the code-block and HTML rules off
(indentation and angle brackets mean nothing in a text file), so Markdown-style
links in text files (`[form](#)`, `<https://…>`) are still links; a short line
standing alone before other text is taken as a heading.
"""

from __future__ import annotations

import bisect
import os
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

from notice_audit.document import BlockKind, Document, Link, Location
from notice_audit.ingest.blocks import BlockCollector
from notice_audit.ingest.html import AUTOLINK, blocks_from_html, is_placeholder_tag
from notice_audit.ingest.template import Masked, after_matching_bracket

# How far ahead a character of inline text is looked for in its source (link
# targets between two text runs can be long).
ALIGN_WINDOW = 4096
TEXT_HEADING_MAX_CHARS = 100


def _parser(plain_text: bool) -> MarkdownIt:
    if plain_text:
        md = MarkdownIt("commonmark", {"html": False}).disable(["code", "html_block", "html_inline"])
    else:
        md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(front_matter_plugin)
    md = md.use(gfm_autolink_plugin)
    # markdown-it drops javascript:, file: and data: links for safety; an audit must see them.
    md.validateLink = lambda url: True
    return md


_PARSERS: dict[bool, MarkdownIt] = {}


def ingest_markdown(source: str, text: str, plain_text: bool = False, masked: Masked | None = None, format_name: str | None = None) -> Document:
    collector = BlockCollector()
    metadata = collect_markdown(text, collector, plain_text)
    if masked is not None:
        metadata.update({f"template_literal_{i}": literal for i, literal in enumerate(masked.literals)})
    name = format_name or ("text" if plain_text else "markdown")
    # Ids written as inline or block HTML (`<a id="rights"></a>`) are anchors too.
    anchors = set(re.findall(r"""<[a-zA-Z][^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']""", text))
    return Document(source=source, format=name, blocks=collector.blocks, metadata=metadata, anchors=anchors)


# Directive syntax of documentation sites, blanked in place so every other character keeps its line and column:
# a container's fences (VitePress and Docusaurus `:::tip Pro tip` … `:::`, Nuxt Content's `::hero{title="…"}` … `::`)
# and an inline component around its words (`:badge[New]{color="green"}` reads 'New').
_CONTAINER_FENCE = re.compile(r"^[ \t]*(?::{3,}[ \t]*[\w-]*(?:[ \t][^\n]*)?|::[\w-]*(?:\{[^}\n]*\})?[ \t]*)$", re.MULTILINE)
_INLINE_COMPONENT = re.compile(r"(?<![:\w]):[a-z][\w-]*\[([^\]\n]*)\](\{[^}\n]*\})?")


def _without_directives(text: str) -> str:
    if ":" not in text:
        return text
    text = _CONTAINER_FENCE.sub(lambda m: " " * len(m.group()), text)
    return _INLINE_COMPONENT.sub(lambda m: " " * (m.start(1) - m.start()) + m.group(1) + " " * (m.end() - m.end(1)), text)


def collect_markdown(
    text: str, collector: BlockCollector, plain_text: bool = False, line_offset: int = 0, column_offset: int = 0
) -> dict[str, str]:
    """Add the blocks of Markdown `text` to `collector`; returns its front matter."""
    md = _PARSERS.get(plain_text) or _PARSERS.setdefault(plain_text, _parser(plain_text))
    if not plain_text:
        text = _without_directives(text)
    tokens = md.parse(text)
    lines = text.split("\n")
    metadata: dict[str, str] = {}
    kind_stack: list[BlockKind] = []
    heading_level = 0
    # a row's cells share its source line: each is looked for after the one before it
    row_cursor = 0
    for index, token in enumerate(tokens):
        kind_now = kind_stack[-1] if kind_stack else BlockKind.PARAGRAPH
        if token.type == "front_matter":
            metadata.update(front_matter_metadata(token.content))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            collector.flush()
            kind_stack.append(BlockKind.LIST_ITEM)
            collector.push_list()
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            kind_stack.pop()
            collector.pop_list()
        elif token.type == "tr_open":
            collector.start_row()
            row_cursor = 0
        elif token.type == "tr_close":
            collector.end_row()
        elif token.type in ("th_open", "td_open"):
            collector.start_cell()
            kind_stack.append(BlockKind.TABLE_CELL)
        elif token.type in ("th_close", "td_close"):
            kind_stack.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "html_block" and token.map:
            collector.flush()
            blocks_from_html(token.content, token.map[0] + line_offset, collector)
            collector.flush()
        elif token.type == "code_block" and token.map and (prose := _indented_prose(lines, token.map[0], token.map[1], token.content)):
            text_block, indent = prose
            collector.flush()
            collect_markdown(text_block, collector, False, line_offset + token.map[0], column_offset + indent)
        elif token.type == "inline" and token.map:
            if heading_level:
                kind, level = BlockKind.HEADING, heading_level
            elif plain_text and _looks_like_text_heading(token, tokens, index, kind_now):
                kind, level = BlockKind.HEADING, 2
            else:
                kind, level = kind_now, 0
            collector.flush()
            collector.start(kind, level)
            aligner = _Aligner(lines, token.map[0], token.map[1], collector, line_offset, column_offset)
            if kind is BlockKind.TABLE_CELL:
                aligner.cursor = row_cursor
            aligner.inline(token.children or [])
            if kind is BlockKind.TABLE_CELL:
                row_cursor = aligner.cursor
            collector.flush()
            collector.start(BlockKind.PARAGRAPH)
    collector.flush()
    return metadata


# Text converted from HTML often indents lists and their paragraphs by four spaces or more,
# which CommonMark reads as code; in a notice such a block is prose unless it looks like code.
_CODE_SIGNS = re.compile(r"[{}=$\\|]|</?[a-zA-Z][^>]*>|^\s*(?:def|class|import|function|var|let|const|return|SELECT|curl)\b", re.MULTILINE)
_MARKDOWN_LINKS = re.compile(r"\]\([^)\s]*\)|<(?:https?://|mailto:)[^>\s]*>")
_WORD = re.compile(r"\b[A-Za-z]{2,}\b")


def _indented_prose(lines: list[str], first: int, end: int, content: str) -> tuple[str, int] | None:
    """An indented code block that reads as prose: its lines with the common indent removed, and that indent."""
    block = lines[first:end]
    written = [line for line in block if line.strip()]
    if not written:
        return None
    # the whitespace every written line starts with (spaces or tabs, the same characters on each line)
    indent = len(os.path.commonprefix([line[: len(line) - len(line.lstrip())] for line in written]))
    text = "\n".join(line[indent:] for line in block)
    item_text = indent == 0  # wide spacing after a list marker makes the item's text code: '1.       Who we are'
    if item_text:
        text = content.rstrip("\n")
        indent = max(lines[first].find(text.split("\n", 1)[0]), 0)
    if text == "\n".join(block):
        return None  # read again, it would be the same code block
    words = _WORD.findall(text)
    # a short block counts when it is a list item or a sentence ('* **Analytical cookies.**')
    short_prose = len(words) >= 2 and re.match(r"\s*(?:[-*+]|\d+\.)\s|.*[.:?!]\**\s*$", text, re.DOTALL) or item_text and words
    if (len(words) < 5 and not short_prose) or len(_CODE_SIGNS.findall(_MARKDOWN_LINKS.sub("", text))) * 20 > len(words):
        return None
    return text, indent


# headings, list items, links ('[ICO](https://ico.org.uk)') and autolinks ('<dpo@example.gov.uk>')
_MARKDOWN_SIGNS = re.compile(r"^ {0,3}(?:#{1,6} \S|[-*+] \S|\d+\. \S)|\[[^\]\n]+\]\([^)\s]+\)|" + AUTOLINK.pattern, re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Markdown left as text inside an HTML template (`{% filter markdown %}`)."""
    return len(_MARKDOWN_SIGNS.findall(text)) >= 2


def _looks_like_text_heading(token: Token, tokens: list[Token], index: int, kind: BlockKind) -> bool:
    """A short single line standing alone, followed by more text, reads as a heading in a text file."""
    if kind is not BlockKind.PARAGRAPH or not token.map or token.map[1] - token.map[0] != 1:
        return False
    content = token.content.strip()
    if not content or len(content) > TEXT_HEADING_MAX_CHARS or content[-1] in ".,;:!" or content[0].islower():
        return False
    # Addresses, phone lines and links stand alone on lines too, but are not headings.
    if re.search(r"https?://|@|\]\(|\d{3}|:.|,.*,", content):
        return False
    return any(t.type == "inline" for t in tokens[index + 1 :])


def front_matter_metadata(content: str) -> dict[str, str]:
    import yaml

    from notice_audit.yamlio import load_yaml

    try:
        data = load_yaml(content)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k).lower(): str(v) for k, v in data.items() if isinstance(v, (str, int, float)) or hasattr(v, "isoformat")}


class _Aligner:
    """Feeds one inline token's children to the collector with exact source locations."""

    def __init__(
        self, lines: list[str], first_line: int, end_line: int, collector: BlockCollector, line_offset: int = 0, column_offset: int = 0
    ) -> None:
        self.region = "\n".join(lines[first_line:end_line])
        self.first_line = first_line + line_offset
        self.column_offset = column_offset
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.region)]
        self.cursor = 0
        self.collector = collector
        self.link_stack: list[tuple[int, int, str | None]] = []  # (mark, source offset, href)

    def location(self, offset: int) -> Location:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Location(self.first_line + line + 1, offset - self.line_starts[line] + 1 + self.column_offset)

    def inline(self, children: list[Token]) -> None:
        struck = False
        for child in children:
            if child.type in ("s_open", "s_close"):
                # struck-out text (`~~…~~`) is shown as withdrawn: it is no longer what the notice says
                struck = child.type == "s_open"
                found = self.region.find(child.markup, self.cursor)
                if found != -1:
                    self.cursor = found + len(child.markup)
            elif struck:
                continue
            elif child.type in ("text", "code_inline"):
                self.text(child.content)
            elif child.type == "hardbreak":
                self.collector.add_line_break()
            elif child.type == "softbreak":
                self.collector.add_text("\n", None)
            elif child.type == "link_open":
                self.open_link(child.attrGet("href"))
            elif child.type == "link_close":
                self.close_link()
            elif child.type == "image":
                self.skip_image()
            elif child.type == "html_inline":
                self.html_inline(child.content)

    def text(self, content: str) -> None:
        """Add `content`, locating each character in the source after the cursor."""
        piece_start: int | None = None
        piece: list[str] = []
        previous = -2
        for char in content:
            if char.isspace():
                if piece:
                    piece.append(char)
                    previous += 1
                else:
                    self.collector.add_text(char, None)
                continue
            found = self.region.find(char, self.cursor, self.cursor + ALIGN_WINDOW)
            if found == -1:
                found = self.cursor
            if piece and found == previous + 1 and "\n" not in self.region[previous:found]:
                piece.append(char)
            else:
                self._emit(piece, piece_start)
                piece, piece_start = [char], found
            previous = found
            self.cursor = found + 1
        self._emit(piece, piece_start)

    def _emit(self, piece: list[str], start: int | None) -> None:
        if piece and start is not None:
            self.collector.add_text("".join(piece), self.location(start))

    def open_link(self, href: str | None) -> None:
        start = self.cursor
        while start < len(self.region) and self.region[start].isspace():
            start += 1
        self.link_stack.append((self.collector.mark(), start, href))

    def close_link(self) -> None:
        if not self.link_stack:
            return
        mark, start, href = self.link_stack.pop()
        self.skip_markup()
        text = self.collector.text_since(mark)
        raw = self.region[start : self.cursor].replace("\n", " ") or text
        self.collector.add_link(Link(text=text, target=href, location=self.location(start), raw=raw))

    def skip_markup(self) -> None:
        """Move the cursor past the end of a link or image: `](target)`, `][ref]`, `]` or `>`."""
        region, cursor = self.region, self.cursor
        while cursor < len(region) and region[cursor] in "*_`~":
            cursor += 1
        if region.startswith("](", cursor):
            cursor = after_matching_bracket(region, cursor + 1, "(", ")")
        elif region.startswith("][", cursor):
            cursor = after_matching_bracket(region, cursor + 1, "[", "]")
        elif cursor < len(region) and region[cursor] in "]>":
            cursor += 1
        self.cursor = cursor

    def skip_image(self) -> None:
        start = self.region.find("![", self.cursor)
        if start != -1:
            self.cursor = after_matching_bracket(self.region, self.region.find("](", start) + 1, "(", ")")

    def html_inline(self, content: str) -> None:
        if is_placeholder_tag(content):
            self.text(content)  # '<DATE>' left in the text, not markup
            return
        found = self.region.find(content, self.cursor)
        if found != -1:
            self.cursor = found
        match = re.match(r"<a\b[^>]*?\bhref\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", content, re.IGNORECASE)
        if match:
            href = match.group(1).strip("\"'")
            self.link_stack.append((self.collector.mark(), self.cursor, href))
        elif re.match(r"</a\s*>", content, re.IGNORECASE):
            if self.link_stack:
                mark, start, href = self.link_stack.pop()
                text = self.collector.text_since(mark)
                end = self.cursor + len(content)
                self.collector.add_link(Link(text, href, self.location(start), self.region[start:end].replace("\n", " ")))
        elif re.match(r"<br\s*/?>", content, re.IGNORECASE):
            self.collector.add_line_break()
        if found != -1:
            self.cursor = found + len(content)
