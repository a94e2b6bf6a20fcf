"""DOCX: body paragraphs and table cells in document order.

A DOCX has no lines, so a location's `line` is the paragraph number (1-based,
counting every paragraph of the body and of its tables in order, as Word's
navigation does) and `column` the character within that paragraph.
"""

from __future__ import annotations

import io
import zipfile

from notice_audit.document import BlockKind, Document, Link, Location
from notice_audit.errors import InputError
from notice_audit.ingest.blocks import BlockCollector

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 10_000


def ingest_docx(source: str, data: bytes) -> Document:
    _check_archive(source, data)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise InputError(source, f"is not a readable DOCX file ({error.__class__.__name__})") from None
    collector = BlockCollector()
    counter = _Counter()
    for item in document.iter_inner_content():
        if item.__class__.__name__ == "Table":
            for row in item.rows:
                with collector.table_row():
                    for cell in row.cells:
                        collector.start_cell()
                        for paragraph in cell.paragraphs:
                            _paragraph(collector, paragraph, counter, BlockKind.TABLE_CELL)
        else:
            _paragraph(collector, item, counter, None)
    collector.flush()
    properties = document.core_properties
    metadata = {key: value.isoformat() for key, value in (("modified", properties.modified), ("created", properties.created)) if value}
    if properties.title:
        metadata["title"] = properties.title
    return Document(source=source, format="docx", blocks=collector.blocks, metadata=metadata)


class _Counter:
    def __init__(self) -> None:
        self.number = 0
        self.in_list = False


def _paragraph(collector: BlockCollector, paragraph, counter: _Counter, kind: BlockKind | None) -> None:
    counter.number += 1
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if kind is None:
        if style.startswith("Heading") or style == "Title":
            kind = BlockKind.HEADING
        elif numbered or style.startswith("List"):
            kind = BlockKind.LIST_ITEM
        else:
            kind = BlockKind.PARAGRAPH
    level = 0
    if kind is BlockKind.HEADING:
        words = style.split()
        level = int(words[-1]) if words and words[-1].isdigit() else 1
    if kind is BlockKind.LIST_ITEM and not counter.in_list:
        collector.push_list()
    elif kind is not BlockKind.LIST_ITEM and counter.in_list:
        collector.pop_list()
    counter.in_list = kind is BlockKind.LIST_ITEM
    collector.flush()
    collector.start(kind, level)
    column = 1
    for part in paragraph.iter_inner_content():
        text = part.text
        location = Location(counter.number, column)
        if part.__class__.__name__ == "Hyperlink":
            target = part.address + (f"#{part.fragment}" if part.fragment else "") if (part.address or part.fragment) else ""
            collector.add_link(Link(text=text, target=target, location=location, raw=f"{text} <{target}>"))
        collector.add_text(text, location)
        column += len(text)
    collector.flush()


def _check_archive(source: str, data: bytes) -> None:
    """Refuse ZIP bombs before anything is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise InputError(source, "is not a readable DOCX file (not a ZIP archive)") from None
    if len(entries) > MAX_ENTRIES:
        raise InputError(source, f"has {len(entries)} archive entries, over the {MAX_ENTRIES} limit")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InputError(source, f"would decompress to {total // (1024 * 1024)} MB, over the {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB limit")
