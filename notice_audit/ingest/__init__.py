"""Source -> `Document`: read the bytes, pick the format, hand over to that format's module."""

from __future__ import annotations

import bisect
import re

from notice_audit.document import Document, Location
from notice_audit.errors import InputError
from notice_audit.ingest.source import (
    MAX_INPUT_BYTES,
    TEMPLATE_FORMATS,
    RawSource,
    decode_text,
    raise_unsupported,
    read_source,
)
from notice_audit.ingest.substitute import fill_values
from notice_audit.ingest.template import Masked

__all__ = ["load", "parse"]

# Template files whose static part is Markdown rather than HTML (`notice.md.erb`).
_MARKDOWN_INNER = (".md", ".markdown")


def load(name: str, input_format: str | None = None, offline: bool = False, max_bytes: int = MAX_INPUT_BYTES) -> Document:
    """Read and parse one source; raises InputError with a one-line reason."""
    return parse(read_source(name, input_format, offline, max_bytes))


def parse(raw: RawSource) -> Document:
    document = _parse(raw)
    if not any(block.text.strip() for block in document.blocks):
        raise InputError(raw.name, "has no text to audit (empty document)")
    if raw.format not in ("pdf", "docx", "binary") and b"notice-audit:" in raw.data:
        from notice_audit.suppress import find_directives

        document.directives = find_directives(decode_text(raw))
    return document


def _parse(raw: RawSource) -> Document:
    fmt = raw.format
    if fmt == "pdf":
        from notice_audit.ingest.pdf import ingest_pdf

        return ingest_pdf(raw.name, raw.data)
    if fmt == "docx":
        from notice_audit.ingest.docx import ingest_docx

        return ingest_docx(raw.name, raw.data)
    if fmt == "binary":
        raise_unsupported(raw.name, raw.data)
    text = decode_text(raw)
    if fmt == "text":
        from notice_audit.ingest.markdown import ingest_markdown

        return ingest_markdown(raw.name, text, plain_text=True)
    from notice_audit.ingest.script import mask_component, mask_script
    from notice_audit.ingest.template import mask

    if fmt in ("script", "component"):
        from notice_audit.ingest.html import ingest_html

        masked = mask_script(text) if fmt == "script" else mask_component(text)
        return _with_gaps(ingest_html(raw.name, masked.text, masked, format_name=fmt), masked)
    front_matter: dict[str, str] = {}
    if text.startswith("---\n") and fmt != "markdown":
        # Jekyll and Eleventy templates start with YAML front matter, as Markdown files do.
        end = text.find("\n---", 4)
        if end != -1:
            from notice_audit.ingest.markdown import front_matter_metadata
            from notice_audit.ingest.template import blank

            front_matter = front_matter_metadata(text[4:end])
            text = blank(text[: end + 4]) + text[end + 4 :]
    masked = mask(text, fmt if fmt in TEMPLATE_FORMATS else "markup")
    document = _with_gaps(_parse_markup(raw, fmt, masked), masked)
    document.metadata.update(front_matter)
    return document


def _with_gaps(document: Document, masked: Masked) -> Document:
    """Record where template code was blanked, so that words either side of it are not read as adjacent,
    and print the values the template sets for itself."""
    fill_values(document, masked)
    if masked.spans:
        line_starts = [0] + [m.end() for m in re.finditer("\n", masked.original)]

        def location(offset: int) -> tuple[int, int]:
            line = bisect.bisect_right(line_starts, offset)
            return line, offset - line_starts[line - 1] + 1

        document.gaps = sorted((location(start), location(end)) for start, end in masked.spans)
        document.render_dates = [Location(*location(offset)) for offset in sorted(masked.render_dates)]
    return document


def _parse_markup(raw: RawSource, fmt: str, masked: Masked) -> Document:
    inner_markdown = fmt == "markdown" or any(f"{suffix}." in raw.name.lower() for suffix in _MARKDOWN_INNER)
    if inner_markdown:
        from notice_audit.ingest.markdown import ingest_markdown

        return ingest_markdown(raw.name, masked.text, masked=masked, format_name=fmt)
    from notice_audit.ingest.html import ingest_html

    return ingest_html(raw.name, masked.text, masked, format_name=fmt)
