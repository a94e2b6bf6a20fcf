"""Put back what a template prints itself.

A GOV.UK template often names its department once (`{% set owner = "Department for
Business and Trade" %}`) and prints it where the controller is named (`{{ owner }}`);
a Rails view prints `<%= link_to "Government Digital Service", … %>` and builds its
headings and lists with `render "…/heading", { text: "…" }`. Masking leaves a marker
character at the end of each such expression; here every marker in the Document
becomes what it prints, located at the expression that prints it. A heading or list
printed on its own becomes a heading or list items.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from notice_audit.document import Block, BlockKind, Document, Link, Location
from notice_audit.ingest.blocks import reads_as_header
from notice_audit.ingest.template import Masked, Printed

_ENDS_SENTENCE = (".", "!", "?", ")")


def fill_values(document: Document, masked: Masked) -> Document:
    if not masked.values:
        return document
    line_starts = _line_starts(masked.original)
    values = {marker: (printed, _location(line_starts, printed.offset)) for marker, printed in masked.values.items()}

    def fill(text: str) -> str:
        if not any(marker in text for marker in values):
            return text
        return "".join(values[char][0].text if char in values else char for char in text)

    blocks: list[Block] = []
    printed_headings = any(printed.kind == "heading" for printed, _ in values.values())
    rows = _RowNumbers(max((block.row for block in document.blocks), default=0))
    for block in document.blocks:
        alone = values.get(block.text.strip()) if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) else None
        if alone is not None and block.kind is BlockKind.LIST_ITEM and alone[0].kind != "list":
            alone = None  # inside a list, only printed items stand alone ('<ul>{rights.map(…)}</ul>')
        if alone is not None and alone[0].kind == "cell":
            blocks.append(Block(BlockKind.TABLE_CELL, alone[0].text, [(0, alone[1])], block.heading_path, row=rows.number(alone[0].row)))
            continue
        if alone is not None and alone[0].kind == "rows":
            blocks.extend(_table(alone[0], block.heading_path, rows, line_starts))
            continue
        if alone is not None and alone[0].kind != "text":
            structure = _structure(alone[0], alone[1], block, blocks[-1] if blocks else None, line_starts)
            printed_headings = printed_headings or any(b.kind is BlockKind.HEADING for b in structure)
            blocks.extend(structure)
            continue
        _fill_block(block, values)
        block.intro = fill(block.intro)
        block.links = [dataclasses.replace(link, text=fill(link.text), target=None if link.target is None else fill(link.target), raw=fill(link.raw)) for link in block.links]
        blocks.append(block)
    if printed_headings:
        _heading_paths(blocks)
    else:
        for block in blocks:
            block.heading_path = tuple(fill(heading) for heading in block.heading_path)
    document.blocks = blocks
    document.metadata = {key: fill(value) for key, value in document.metadata.items()}
    return document


class _RowNumbers:
    """Table rows printed from a page's data, numbered after the rows the markup has."""

    def __init__(self, last: int) -> None:
        self.last = last
        self.numbers: dict[int, int] = {}

    def number(self, row_start: int) -> int:
        if row_start not in self.numbers:
            self.last += 1
            self.numbers[row_start] = self.last
        return self.numbers[row_start]


def _table(printed: Printed, heading_path: tuple[str, ...], rows: _RowNumbers, line_starts: list[int]) -> list[Block]:
    """A table printed from a page's data, one cell a block, each under its column's header when the first row
    reads as one (`table(["What", "How long"], [["Logs", "30 days"]])`)."""
    by_row: dict[int, list[tuple[str, int]]] = {}
    for text, (offset, row_start) in zip(printed.items, printed.cells):
        by_row.setdefault(row_start, []).append((text, offset))
    first = next(iter(by_row.values()))
    columns = [text for text, _ in first] if reads_as_header([text for text, _ in first]) else []
    return [
        Block(
            BlockKind.TABLE_CELL, text, [(0, _location(line_starts, offset))], heading_path, row=rows.number(row_start),
            column=columns[index] if cells is not first and index < len(columns) else "",
        )
        for row_start, cells in by_row.items()
        for index, (text, offset) in enumerate(cells)
    ]


def _structure(printed: Printed, location: Location, block: Block, previous: Block | None, line_starts: list[int]) -> list[Block]:
    """The heading, list items or paragraphs a component call or a page's data prints where it stands alone."""
    if printed.kind == "heading":
        return [Block(BlockKind.HEADING, printed.text, [(0, location)], block.heading_path, level=printed.level)]
    if printed.kind == "prose":
        return _prose(printed, line_starts, block.heading_path, previous)
    return [Block(BlockKind.LIST_ITEM, item, [(0, location)], block.heading_path, intro=_intro(previous)) for item in printed.items]


def _intro(previous: Block | None) -> str:
    """'We collect your:' then the items: each item is read with the paragraph introducing it."""
    if previous is None:
        return ""
    if previous.kind is BlockKind.LIST_ITEM:
        return previous.intro  # the next item of the same list
    return previous.text if previous.kind is BlockKind.PARAGRAPH and not previous.text.endswith(_ENDS_SENTENCE) else ""


_BULLET = re.compile(r"^\s*(?:[•·▪◦*–-]|\d{1,2}[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)(?:\s+#+)?\s*$")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
# a link's words, or bold words, without their markup
_INLINE_MARKUP = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)|\*\*(.+?)\*\*|__(.+?)__")


def _prose(printed: Printed, line_starts: list[int], heading_path: tuple[str, ...], previous: Block | None) -> list[Block]:
    """Paragraphs (split at blank lines) and bulleted lines ('• to supply our services') as list items."""
    blocks: list[Block] = []
    cursor = 0

    def where(text: str) -> Location:
        """Where `text` starts in the string as written (`printed.source`, at `printed.offset`)."""
        nonlocal cursor
        found = -1
        for probe in (text[:40], text[:12]):  # a long probe unless an escape (\\') falls in it
            found = printed.source.find(probe, cursor)
            if found != -1:
                cursor = found + len(probe)
                break
        return _location(line_starts, printed.offset + max(found, 0))

    def block(kind: BlockKind, written: str, **more: object) -> Block:
        """A block of what is written, its Markdown links ('[here](https://…)') read as links and its bold
        ('**Who we are:**') as plain words; each run of words between markup is located where it is written."""
        links = []
        for link in _MARKDOWN_LINK.finditer(written):
            found = printed.source.find(link.group(), cursor)
            links.append(Link(link.group(1), link.group(2), _location(line_starts, printed.offset + max(found, 0)), link.group()))
        runs: list[str] = []
        at = 0
        for markup in _INLINE_MARKUP.finditer(written):
            runs += [written[at : markup.start()], next(group for group in markup.groups() if group is not None)]
            at = markup.end()
        runs.append(written[at:])
        anchors: list[tuple[int, Location]] = []
        length = 0
        for run in runs:
            words = run.lstrip()
            if words:
                anchors.append((length + len(run) - len(words), where(words)))
            length += len(run)
        return Block(kind, "".join(runs), anchors or [(0, where(written))], heading_path, links=links, **more)  # type: ignore[arg-type]

    for paragraph in re.split(r"\n\s*\n", printed.text):
        lines: list[str] = []
        for line in paragraph.split("\n") + [""]:
            bullet = _BULLET.match(line)
            heading = _MARKDOWN_HEADING.match(line)
            if (bullet or heading or not line.strip()) and lines:
                blocks.append(block(BlockKind.PARAGRAPH, " ".join(lines)))
                lines = []
            if heading:
                blocks.append(block(BlockKind.HEADING, heading.group(2), level=len(heading.group(1))))
            elif bullet:
                before = blocks[-1] if blocks else previous
                blocks.append(block(BlockKind.LIST_ITEM, line[bullet.end() :].strip(), intro=_intro(before)))
            elif line.strip():
                lines.append(line.strip())
    return blocks


def _heading_paths(blocks: list[Block]) -> None:
    """Recompute every block's heading path once headings have been printed into the Document. A heading
    printed from a page's data (level 0) sits one level below the last heading the page itself has."""
    open_headings: list[Block] = []
    written_level = 1
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if block.level == 0:
                block.level = written_level + 1
            else:
                written_level = block.level
            while open_headings and open_headings[-1].level >= block.level:
                open_headings.pop()
            block.heading_path = tuple(h.text for h in open_headings)
            open_headings.append(block)
        else:
            block.heading_path = tuple(h.text for h in open_headings)


def _fill_block(block: Block, values: dict[str, tuple[Printed, Location]]) -> None:
    """Replace the markers in `block.text`, moving the anchors that follow each one."""
    if not any(marker in block.text for marker in values):
        return
    old = block.text
    pieces: list[str] = []
    new_offset: list[int] = []  # for each old offset, where that character now starts
    inserted: list[tuple[int, Location]] = []
    length = 0
    for offset, char in enumerate(old):
        new_offset.append(length)
        if char in values:
            printed, location = values[char]
            inserted.append((length, location))
            pieces.append(printed.text)
            length += len(printed.text)
            # The text after the value continues where the source has it, not column by column.
            if offset + 1 < len(old):
                inserted.append((length, block.locate(offset + 1)))
        else:
            pieces.append(char)
            length += 1
    anchors = {new_offset[offset]: location for offset, location in block.anchors if offset < len(old)}
    anchors.update(inserted)
    block.text = "".join(pieces)
    block.anchors = sorted(anchors.items())
    block.line_breaks = tuple(new_offset[offset] for offset in block.line_breaks if offset < len(old))


def _line_starts(text: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]


def _location(line_starts: list[int], offset: int) -> Location:
    line = bisect.bisect_right(line_starts, offset)
    return Location(line, offset - line_starts[line - 1] + 1)
