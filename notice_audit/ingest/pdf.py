"""PDF: the text layer, page by page, rebuilt into lines, paragraphs, headings and list items.

Locations are `page:line:column`, the line counted in the page's text as read
from top to bottom. Headings are told by a larger font than the body text;
paragraphs by a vertical gap larger than the usual line spacing.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from notice_audit.document import BlockKind, Document, Link, Location
from notice_audit.errors import InputError
from notice_audit.ingest.blocks import BlockCollector

MAX_PAGES = 2000
_GLYPH_BULLET = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff]")
BULLET = re.compile(r"^\s*(?:[•▪●◦‣∙·*–-]|\d{1,2}[.)])\s+")


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float


@dataclass
class _Line:
    text: str
    y: float
    size: float
    number: int  # 1-based, within its page


def ingest_pdf(source: str, data: bytes) -> Document:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise InputError(source, "is an encrypted PDF") from None
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise InputError(source, f"has {len(pages)} pages, over the {MAX_PAGES}-page limit")
        collector = BlockCollector()
        body_sizes: list[float] = []
        page_lines: list[list[_Line]] = []
        page_links: list[list[tuple[str, float]]] = []
        for page in pages:
            lines = _lines(page)
            page_lines.append(lines)
            page_links.append(_link_annotations(page))
            body_sizes.extend(line.size for line in lines for _ in line.text.split())
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise InputError(source, f"is not a readable PDF ({error.__class__.__name__})") from None
    if not any(page_lines):
        raise InputError(source, "is a PDF with no text layer (a scanned image?); run OCR first")
    body_size = statistics.median(body_sizes) if body_sizes else 10.0
    for page_number, (lines, links) in enumerate(zip(page_lines, page_links), start=1):
        _collect_page(collector, lines, links, page_number, body_size)
    collector.flush()
    return Document(source=source, format="pdf", blocks=collector.blocks, metadata={})


def _lines(page) -> list[_Line]:
    runs: list[_Run] = []

    def visit(text: str, cm, tm, font_dict, font_size) -> None:
        # Bullet glyphs often come out as control or private-use characters.
        text = _GLYPH_BULLET.sub("•", text)
        if not text.strip():
            return
        scale = abs(tm[3]) if tm[3] else 1.0
        runs.append(_Run(text, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], float(font_size) * scale * abs(cm[3] or 1)))

    page.extract_text(visitor_text=visit)
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (-round(r.y, 0), r.x)):
        if rows and abs(rows[-1][0].y - run.y) < max(run.size, 1) * 0.4:
            rows[-1].append(run)
        else:
            rows.append([run])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda r: r.x)
        text = " ".join(r.text.strip("\n") for r in row).strip()
        text = re.sub(r"\s*\n\s*", " ", text)
        if text:
            body_run = max(row, key=lambda r: len(r.text.strip()))  # not the bullet glyph's size
            lines.append(_Line(text, row[0].y, body_run.size, len(lines) + 1))
    return lines


def _link_annotations(page) -> list[tuple[str, float]]:
    """URI link annotations on the page, with the height of their rectangle."""
    found: list[tuple[str, float]] = []
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        action = annotation.get("/A")
        if annotation.get("/Subtype") == "/Link" and action is not None and action.get("/URI"):
            rect = annotation.get("/Rect") or [0, 0, 0, 0]
            found.append((str(action["/URI"]), (float(rect[1]) + float(rect[3])) / 2))
    return found


def _collect_page(collector: BlockCollector, lines: list[_Line], links: list[tuple[str, float]], page: int, body_size: float) -> None:
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.y > b.y]
    usual_gap = statistics.median(gaps) if gaps else body_size * 1.2
    previous: _Line | None = None
    for line in lines:
        location = Location(line.number, 1, page)
        is_heading = line.size > body_size * 1.15 and len(line.text) <= 150
        bullet = BULLET.match(line.text)
        new_block = (
            previous is None
            or is_heading
            or bullet is not None
            or previous.size > body_size * 1.15
            or (previous.y - line.y) > usual_gap * 1.35
        )
        if new_block:
            collector.flush()
            if is_heading:
                collector.start(BlockKind.HEADING, 1 if line.size > body_size * 1.6 else 2)
            elif bullet is not None:
                if previous is None or not BULLET.match(previous.text):
                    collector.pop_list()
                    collector.push_list()
                collector.start(BlockKind.LIST_ITEM)
            else:
                collector.start(BlockKind.PARAGRAPH)
        else:
            collector.add_text("\n", None)
        text = line.text
        column = 1
        if bullet is not None:
            column = bullet.end() + 1
            text = text[bullet.end() :]
        collector.add_text(text, Location(line.number, column, page))
        for uri, y in links:
            if abs(y - line.y) < line.size:
                collector.add_link(Link(text=uri, target=uri, location=location, raw=uri))
        previous = line
    collector.flush()
