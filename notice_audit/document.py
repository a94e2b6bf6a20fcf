"""The neutral model every ingester produces and every check reads.

A `Document` is an ordered list of `Block`s (headings, paragraphs, list items,
table cells). Each block keeps its text together with a map from character
offsets back to the exact place in the source (line and column as the user sees
them, and the page for paged formats), so that any sentence or word a check
points at can be reported where the user will find it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


# The heading of a table of contents: 'Contents', 'Table of contents', 'On this page', 'In this notice'.
_CONTENTS_HEADING = re.compile(r"(?i)^(?:(?:table of )?contents|on this page|in this (?:notice|policy|page|section)|jump to|page contents)\W*$")
# A list's introduction that makes its items a table of contents: 'View privacy information on:', 'This notice covers:'
_CONTENTS_INTRO = re.compile(
    r"(?i)^(?:(?:view|read|find|see) (?:more )?(?:privacy )?information (?:on|about)|(?:this|the) (?:notice|policy|page|statement) "
    r"(?:covers|contains|is divided into)|(?:sections|topics) (?:in|of) this (?:notice|policy|page))\W*$"
)


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in the source; `page` is set for PDF pages."""

    line: int
    column: int
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            return f"p{self.page}:{self.line}:{self.column}"
        return f"{self.line}:{self.column}"


START = Location(1, 1)


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True)
class Link:
    text: str
    target: str | None  # None: link text with no target at all
    location: Location
    raw: str  # the link as written in the source, for evidence
    templated: bool = False  # the target is an unrendered template expression


@dataclass
class Block:
    kind: BlockKind
    text: str
    # (offset in text, location of that character); characters after an anchor
    # on the same source line follow it column by column.
    anchors: list[tuple[int, Location]]
    heading_path: tuple[str, ...] = ()
    level: int = 0  # heading level, 0 for other blocks
    links: list[Link] = field(default_factory=list)
    # The paragraph that introduces a list ("We use your data to:"), for list items.
    intro: str = ""
    # Offsets in `text` where the source had a hard line break (<br>, a Markdown hard break):
    # 'Name: Meenal Patel<br>E-mail: …' are two lines, whatever the punctuation says.
    line_breaks: tuple[int, ...] = ()
    # The table row a cell belongs to (numbered from 1 in the document; 0 outside tables):
    # 'Legitimate interest' in one cell is explained by the purpose in the next.
    row: int = 0
    # The header of the column a cell stands in ('Source', 'How long we keep it'): what the cell answers.
    # '' outside tables and in tables whose first row is no header.
    column: str = ""

    @property
    def location(self) -> Location:
        return self.locate(0)

    @property
    def is_contents_entry(self) -> bool:
        """A table of contents entry ('Where we get personal information from'), which names a topic and
        states nothing: a list item that is nothing but a link to a place in the same page, or any list
        item under a heading 'Contents' or an introduction such as 'View privacy information on:'."""
        if self.kind is not BlockKind.LIST_ITEM:
            return False
        if self.heading_path and _CONTENTS_HEADING.match(self.heading_path[-1].strip()):
            return True
        if self.intro and _CONTENTS_INTRO.match(self.intro.strip()):
            return True
        return (
            len(self.links) == 1
            and (self.links[0].target or "").startswith("#")
            and self.links[0].text.strip(" .") == self.text.strip(" .")
        )

    def locate(self, offset: int) -> Location:
        """The source location of the character at `offset` in `text`."""
        if not self.anchors:
            return START
        index = max(bisect.bisect_right(self.anchors, offset, key=lambda anchor: anchor[0]) - 1, 0)
        anchor_offset, anchor = self.anchors[index]
        return Location(anchor.line, anchor.column + max(offset - anchor_offset, 0), anchor.page)


@dataclass(frozen=True)
class Sentence:
    text: str
    block: Block
    start: int  # offset of the sentence in block.text

    @property
    def location(self) -> Location:
        return self.block.locate(self.start)

    @property
    def context(self) -> str:
        """The sentence with the list introduction it continues, if any."""
        if self.block.intro:
            return f"{self.block.intro} {self.text}"
        return self.text


@dataclass
class Document:
    source: str  # what the user named: a path, a URL or "-"
    format: str
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)  # front matter, <meta> tags
    anchors: set[str] = field(default_factory=set)  # ids and names a `#fragment` can point at
    # Where template code was blanked: ((line, column), (line, column)) from start to end, sorted.
    gaps: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    # Where template code prints the day the page is shown (`new Date()`, `'now'|date`): no date of the notice's own.
    render_dates: list[Location] = field(default_factory=list)
    # Where ingest met a limit and read on in a simpler way: (location, what happened).
    notes: list[tuple[Location, str]] = field(default_factory=list)
    # Inline `notice-audit:` comments in the source (notice_audit.suppress.Directive).
    directives: list[Any] = field(default_factory=list)
    # The page's header and footer around its main content: site chrome, not the notice's text, but
    # where a small organisation's name, address and email often stand ('© Anne Saunders Physiotherapy').
    chrome: list[Block] = field(default_factory=list)
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def links(self) -> Iterator[Link]:
        for block in self.blocks:
            yield from block.links

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.blocks)

    def fragment_targets(self) -> set[str]:
        """Every `#fragment` that lands somewhere in this document: explicit ids and heading slugs."""
        return self.anchors | {slug(block.text) for block in self.blocks if block.kind is BlockKind.HEADING}

    def gap_between(self, block: Block, start: int, end: int) -> bool:
        """Whether template code stood in the source between offsets `start` and `end` of `block.text`."""
        if not self.gaps:
            return False
        before, after = block.locate(start), block.locate(end)
        first, last = (before.line, before.column), (after.line, after.column)
        index = bisect.bisect_left(self.gaps, (first, first))
        return index < len(self.gaps) and self.gaps[index][1] <= last

    def gap_after(self, block: Block, offset: int, limit: Location | None) -> bool:
        """Whether template code follows `offset` of `block.text` before `limit` (the next block)."""
        if not self.gaps:
            return False
        here = block.locate(offset)
        index = bisect.bisect_left(self.gaps, ((here.line, here.column), (here.line, here.column)))
        return index < len(self.gaps) and (limit is None or self.gaps[index][0] < (limit.line, limit.column))

    def derived(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A value several checks need (the notice's date, its readability), computed once per document."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def sentences(self) -> list[Sentence]:
        """Every sentence of every block, split once by the shared NLP pipeline."""
        if self._sentences is None:
            from notice_audit.nlp import split_sentences

            self._sentences = split_sentences(self.blocks)
        return self._sentences

    def chrome_sentences(self) -> list[Sentence]:
        """The sentences of the page's header and footer (see `chrome`)."""
        from notice_audit.nlp import split_sentences

        return self.derived("chrome_sentences", lambda: split_sentences(self.chrome))


def slug(heading: str) -> str:
    """The anchor GitHub and most Markdown renderers give a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


class TextBuilder:
    """Accumulates a block's text piece by piece, remembering where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.anchors: list[tuple[int, Location]] = []
        self._breaks: list[int] = []  # offsets in `raw`
        self.line_breaks: tuple[int, ...] = ()  # the same, as offsets in the built text

    def add(self, text: str, location: Location | None) -> None:
        """Append source text; `location` is where its first character stands.

        Newlines inside `text` advance the source line, so a multi-line piece keeps
        exact positions. Pieces without a location (inserted spaces) follow the
        previous anchor.
        """
        if not text:
            return
        if location is not None:
            line, column = location.line, location.column
            offset = self._length
            for index, chunk in enumerate(text.split("\n")):
                if index:
                    line, column = line + 1, 1
                self.anchors.append((offset, Location(line, column, location.page)))
                offset += len(chunk) + 1
        self._parts.append(text)
        self._length += len(text)

    def add_line_break(self) -> None:
        """A hard line break: white space in the text, remembered in `line_breaks` after `build`."""
        self._breaks.append(self._length)
        self.add("\n", None)

    @property
    def raw(self) -> str:
        return "".join(self._parts)

    def build(self) -> tuple[str, list[tuple[int, Location]]]:
        """The text with runs of white space folded to one space, and its anchors.

        Folding moves characters, so anchors are recomputed word by word: a new one
        starts wherever a word does not follow the previous one on the same line.
        """
        raw = self.raw
        segments: list[tuple[int, int, Location | None]] = []
        if not self.anchors or self.anchors[0][0] > 0:
            segments.append((0, self.anchors[0][0] if self.anchors else len(raw), None))
        for index, (offset, location) in enumerate(self.anchors):
            end = self.anchors[index + 1][0] if index + 1 < len(self.anchors) else len(raw)
            segments.append((offset, end, location))
        words: list[str] = []
        anchors: list[tuple[int, Location]] = []
        length = 0
        last_end = 0
        expected: Location | None = None
        breaks = iter(self._breaks)
        next_break = next(breaks, None)
        line_breaks: list[int] = []
        for start, end, location in segments:
            for match in _WORD.finditer(raw, start, end):
                word = match.group()
                if words and _SPACE.search(raw, last_end, match.start()):
                    words.append(" ")
                    length += 1
                while next_break is not None and next_break < match.start():
                    if words and (not line_breaks or line_breaks[-1] != length):
                        line_breaks.append(length)  # the break falls before this word
                    next_break = next(breaks, None)
                last_end = match.end()
                if location is not None:
                    here = Location(location.line, location.column + match.start() - start, location.page)
                    if here != expected:
                        anchors.append((length, here))
                    expected = Location(here.line, here.column + len(word), here.page)
                words.append(word)
                length += len(word)
        self.line_breaks = tuple(line_breaks)
        return "".join(words), anchors


# Code blanked between two runs of text stands as GLUE, not spaces, where the page prints the runs
# together: `<a …>…</a>{"."}` reads 'a@acme.example.', not 'a@acme.example .'.
GLUE = "\u2060"
_WORD = re.compile(rf"[^\s{GLUE}]+")
_SPACE = re.compile(r"\s")
