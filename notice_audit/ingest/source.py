"""Reading a source (file, standard input or URL) into bytes, and deciding its format.

Nothing here writes anywhere: files are opened read-only.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from notice_audit import __version__
from notice_audit.errors import InputError

MAX_INPUT_BYTES = 20 * 1024 * 1024
URL_TIMEOUT_SECONDS = 20.0
USER_AGENT = f"notice-audit/{__version__} (+https://pypi.org/project/notice-audit/; privacy notice auditor)"

# Extension -> format. Template formats name their syntax family.
EXTENSION_FORMATS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".txt": "text",
    ".text": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".erb": "erb",
    ".ejs": "erb",
    ".njk": "jinja",
    ".nunjucks": "jinja",
    ".jinja": "jinja",
    ".jinja2": "jinja",
    ".j2": "jinja",
    ".twig": "jinja",
    ".liquid": "jinja",
    ".tt": "jinja",
    ".hbs": "handlebars",
    ".handlebars": "handlebars",
    ".mustache": "handlebars",
    ".cshtml": "razor",
    ".razor": "razor",
    ".php": "php",
    ".jsp": "jsp",
    ".jspx": "jsp",
    ".ftl": "freemarker",
    ".ftlh": "freemarker",
    ".aspx": "aspnet",
    ".ascx": "aspnet",
    ".master": "aspnet",
    ".ts": "script",
    ".tsx": "script",
    ".js": "script",
    ".jsx": "script",
    ".mjs": "script",
    ".astro": "component",
    ".svelte": "component",
    ".vue": "component",
}
TEMPLATE_FORMATS = ("erb", "jinja", "handlebars", "razor", "php", "blade", "jsp", "freemarker", "aspnet")
FORMATS = ("html", "markdown", "text", "pdf", "docx", "script", "component", *TEMPLATE_FORMATS)

CONTENT_TYPE_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass
class RawSource:
    name: str  # as the user gave it
    data: bytes
    format: str
    charset: str | None = None  # declared by the server, for URLs


def read_source(name: str, input_format: str | None, offline: bool, max_bytes: int = MAX_INPUT_BYTES) -> RawSource:
    if input_format is not None and input_format not in FORMATS:
        raise InputError(name, f"unknown input format {input_format!r} (choose from {', '.join(FORMATS)})")
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size(name, len(data), max_bytes)
        return RawSource(name, data, input_format or sniff_format(data))
    if re.match(r"^https?://", name, re.IGNORECASE):
        if offline:
            raise InputError(name, "cannot fetch a URL with --offline")
        return _fetch(name, input_format, max_bytes)
    if re.match(r"^[a-z][a-z0-9+.-]*://", name, re.IGNORECASE):
        raise InputError(name, "only http and https URLs can be audited")
    return _read_file(name, input_format, max_bytes)


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(name, f"larger than the {max_bytes // (1024 * 1024)} MB input limit")


def _read_file(name: str, input_format: str | None, max_bytes: int) -> RawSource:
    path = Path(name)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory, not a notice file")
    try:
        _check_size(name, path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    return RawSource(name, data, input_format or format_for_path(path, data))


def format_for_path(path: Path, data: bytes) -> str:
    if path.name.lower().endswith(".blade.php"):
        return "blade"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[suffixes[-1]]
    if suffixes and suffixes[-1] not in (".htm", ".html") and not _looks_textual(data):
        raise_unsupported(str(path), data)
    return sniff_format(data)


def raise_unsupported(name: str, data: bytes) -> None:
    kind = "a binary file" if b"\x00" in data[:8192] else "an unsupported file type"
    raise InputError(name, f"{kind}; audit HTML, Markdown, text, a web template, PDF or DOCX (or set --input-format)")


def _looks_textual(data: bytes) -> bool:
    return b"\x00" not in data[:8192]


def sniff_format(data: bytes) -> str:
    """Guess a format from content alone (standard input, files without a known extension)."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if b"\x00" in head:
        return "binary"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(p|div|h[1-6]|body|main|ul)\b", text):
        return "html"
    if re.search(r"(^|\n)#{1,6} |\]\([^)]*\)|(^|\n)---\n", text):
        return "markdown"
    return "text"


def fetch_bytes(url: str, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The body of a URL whatever its type (a sitemap), with the same limits and errors as a notice."""
    return _fetch(url, "text", max_bytes).data


def _fetch(url: str, input_format: str | None, max_bytes: int) -> RawSource:
    import requests

    try:
        with requests.get(
            url,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,text/markdown,application/pdf,*/*;q=0.5"},
            timeout=(10.0, URL_TIMEOUT_SECONDS),
            stream=True,
            allow_redirects=True,
        ) as response:
            if response.status_code >= 400:
                raise InputError(url, f"the server answered HTTP {response.status_code} {response.reason or ''}".rstrip())
            declared = int(response.headers.get("Content-Length") or 0)
            _check_size(url, declared, max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(65536):
                chunks.append(chunk)
                size += len(chunk)
                _check_size(url, size, max_bytes)
            data = b"".join(chunks)
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            charset_match = re.search(r"charset=([\w.:-]+)", response.headers.get("Content-Type", ""), re.IGNORECASE)
    except requests.exceptions.Timeout:
        raise InputError(url, f"timed out after {URL_TIMEOUT_SECONDS:g} s") from None
    except requests.exceptions.SSLError:
        raise InputError(url, "TLS certificate could not be verified") from None
    except requests.exceptions.ConnectionError:
        raise InputError(url, "could not connect (unreachable host or DNS failure)") from None
    except requests.exceptions.RequestException as error:
        raise InputError(url, f"could not be fetched ({type(error).__name__})") from None
    if input_format is None:
        input_format = CONTENT_TYPE_FORMATS.get(content_type)
        if input_format is None:
            path_format = EXTENSION_FORMATS.get(Path(url.split("?")[0]).suffix.lower())
            if content_type in ("", "application/octet-stream") and path_format:
                input_format = path_format
            else:
                raise InputError(url, f"the server sent {content_type or 'no content type'}, not a notice (HTML, text, PDF or DOCX)")
    return RawSource(url, data, input_format, charset_match.group(1) if charset_match else None)


def decode_text(source: RawSource) -> str:
    """Bytes to text: BOM, then a declared charset, then UTF-8; invalid UTF-8 is an error.

    Line endings are normalised to LF (lines are counted the same way either way).
    """
    data = source.data
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _normalise(data.decode("utf-16"))
    encoding = source.charset or _declared_html_charset(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except LookupError:
        text = _decode_utf8(source.name, data)
    except UnicodeDecodeError as error:
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            raise InputError(source.name, f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None
        text = _decode_utf8(source.name, data)
    return _normalise(text)


def _decode_utf8(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(name, f"is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None


def _declared_html_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
