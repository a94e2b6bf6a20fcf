"""Put back the values a template sets for itself.

A GOV.UK template often names its department once (`{% set owner = "Department for
Business and Trade" %}`) and prints it where the controller is named (`{{ owner }}`).
Masking leaves a marker character at the end of each such expression; here every
marker in the Document becomes the value, and the value's words are located at the
expression that prints them.
"""

from __future__ import annotations

import bisect
import dataclasses

from notice_audit.document import Block, Document, Location
from notice_audit.ingest.template import Masked


def fill_values(document: Document, masked: Masked) -> Document:
    if not masked.values:
        return document
    line_starts = _line_starts(masked.original)
    values = {marker: (value, _location(line_starts, offset)) for marker, (value, offset) in masked.values.items()}

    def fill(text: str) -> str:
        if not any(marker in text for marker in values):
            return text
        return "".join(values[char][0] if char in values else char for char in text)

    for block in document.blocks:
        _fill_block(block, values)
        block.intro = fill(block.intro)
        block.heading_path = tuple(fill(heading) for heading in block.heading_path)
        block.links = [dataclasses.replace(link, text=fill(link.text), target=None if link.target is None else fill(link.target), raw=fill(link.raw)) for link in block.links]
    document.metadata = {key: fill(value) for key, value in document.metadata.items()}
    return document


def _fill_block(block: Block, values: dict[str, tuple[str, Location]]) -> None:
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
            value, location = values[char]
            inserted.append((length, location))
            pieces.append(value)
            length += len(value)
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


def _line_starts(text: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]


def _location(line_starts: list[int], offset: int) -> Location:
    line = bisect.bisect_right(line_starts, offset)
    return Location(line, offset - line_starts[line - 1] + 1)
