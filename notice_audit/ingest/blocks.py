"""Turning a stream of text runs into `Block`s: shared by every ingester."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from notice_audit.document import Block, BlockKind, Link, Location, TextBuilder

_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")


class BlockCollector:
    """Collects text runs into blocks, keeping the heading path and list introductions."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._builder = TextBuilder()
        self._links: list[Link] = []
        self._kind = BlockKind.PARAGRAPH
        self._level = 0
        self._headings: list[tuple[int, str]] = []
        self._intros: list[str] = []
        self._rows = 0  # table rows seen
        self._row = 0  # the row being read, 0 outside one
        self._cell = -1  # the cell of the row being read, from 0
        self._first_row = 0  # the row number of the table's first row
        self._after_table = -1  # how many blocks there were when the last row ended
        self._header: list[str] = []  # the first row's cells, the table's column headers
        self._columns: list[str] = []  # the headers, once the first row reads as a header row

    @property
    def last_text(self) -> str:
        return self.blocks[-1].text if self.blocks else ""

    def start(self, kind: BlockKind, level: int = 0) -> None:
        """The kind of block the next text runs belong to."""
        self._kind, self._level = kind, level

    def add_text(self, text: str, location: Location | None) -> None:
        self._builder.add(text, location)

    def add_line_break(self) -> None:
        self._builder.add_line_break()

    def add_link(self, link: Link) -> None:
        self._links.append(link)

    def mark(self) -> int:
        return len(self._builder.raw)

    def text_since(self, mark: int) -> str:
        return " ".join(self._builder.raw[mark:].split())

    def add_block(self, kind: BlockKind, text: str, location: Location, level: int = 0, links: list[Link] | None = None) -> None:
        """A whole block whose text sits on one source line from `location` on."""
        self.flush()
        self.start(kind, level)
        self.add_text(text, location)
        for link in links or []:
            self.add_link(link)
        self.flush()
        self.start(BlockKind.PARAGRAPH)

    def push_list(self, intro: str | None = None) -> None:
        """A list starts: its items are read with the paragraph introducing them."""
        if intro is None:
            previous = self.blocks[-1] if self.blocks else None
            intro = ""
            # "We use your data to:" or "we also collect" introduces the items.
            if previous is not None and previous.kind is BlockKind.PARAGRAPH and not previous.text.endswith((".", "!", "?", ")")):
                intro = previous.text
            # A nested list under an item ending "… Our legitimate interests are:" continues that sentence.
            elif previous is not None and previous.kind is BlockKind.LIST_ITEM and previous.text.endswith(":") and self._intros:
                intro = _LAST_SENTENCE.split(previous.text)[-1]
            if not intro and self._intros:
                intro = self._intros[-1]
        self._intros.append(intro)

    def pop_list(self) -> None:
        if self._intros:
            self._intros.pop()

    def start_row(self) -> None:
        """A table row starts: the cells read until `end_row` share its number."""
        self.flush()
        self._rows += 1
        self._row = self._rows
        self._cell = -1
        if len(self.blocks) != self._after_table:  # something stood between: a new table
            self._first_row, self._header, self._columns = self._row, [], []

    def start_cell(self) -> None:
        """A cell of the row starts: what follows, to the next cell, stands in its column."""
        self.flush()
        self._cell += 1

    def end_row(self) -> None:
        self.flush()
        if self._row == self._first_row and reads_as_header(self._header):
            self._columns = self._header
        self._row = 0
        self._after_table = len(self.blocks)

    @contextlib.contextmanager
    def table_row(self) -> Iterator[None]:
        self.start_row()
        try:
            yield
        finally:
            self.end_row()

    @contextlib.contextmanager
    def list_context(self, intro: str | None = None) -> Iterator[None]:
        self.push_list(intro)
        try:
            yield
        finally:
            self.pop_list()

    def flush(self) -> None:
        text, anchors = self._builder.build()
        line_breaks = self._builder.line_breaks
        links = self._links
        self._builder = TextBuilder()
        self._links = []
        if not text:
            # Links with no text of their own (an image link) still count as links.
            if links and self.blocks:
                self.blocks[-1].links.extend(links)
            return
        kind = self._kind
        if kind is BlockKind.HEADING:
            level = self._level or 2
            while self._headings and self._headings[-1][0] >= level:
                self._headings.pop()
            path = tuple(h[1] for h in self._headings)
            self._headings.append((level, text))
            self.blocks.append(Block(kind, text, anchors, path, level, links))
            return
        path = tuple(h[1] for h in self._headings)
        intro = self._intros[-1] if self._intros and kind is BlockKind.LIST_ITEM else ""
        row = self._row if kind is BlockKind.TABLE_CELL else 0
        column = ""
        if row and self._cell >= 0:
            if row == self._first_row:
                self._header.extend([""] * (self._cell + 1 - len(self._header)))
                self._header[self._cell] = f"{self._header[self._cell]} {text}".strip()
            elif self._cell < len(self._columns):
                column = self._columns[self._cell]
        self.blocks.append(Block(kind, text, anchors, path, 0, links, intro, line_breaks, row, column))


def reads_as_header(cells: list[str]) -> bool:
    """A table's first row names its columns: two or more short cells, none a sentence ('Data', 'Source')."""
    return len(cells) >= 2 and all(cell and len(cell.split()) <= 8 and not cell.endswith(".") for cell in cells)
