"""Hypothesis strategies and properties shared by the bounded fuzz tests and the long fuzz run (bench/fuzz.py)."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from notice_audit.audit import audit_document
from notice_audit.checklist.model import load_checklist
from notice_audit.config import Settings
from notice_audit.errors import NoticeAuditError
from notice_audit.formatters.json import format_json
from notice_audit.ingest import parse
from notice_audit.ingest.source import RawSource
from notice_audit.report import Report

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "notice_audit" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
SETTINGS = Settings(offline=True, today=date(2026, 11, 24))

FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<ul><li>", "</li></ul>", "<h2>", "</h2>", "<table><tr><td>", "</td></tr></table>",
    "<a href=\"#\">", "<a href=\"javascript:void(0)\">", "<a href=\"http://example.com/x#frag\">", "<a href=\"mailto:a@b\">",
    "<a href=\"tel:0303 123 1113\">", "<a href='", "</a>", "<main>", "<script>var x = '<p>';</script>", "<!-- c -->",
    "<!-- notice-audit: disable-next-line=links -->", "<!--", "-->", "<![CDATA[", "<?php echo 1 ?>", "{{ name }}", "{% if x %}",
    "{% endif %}", "{# c #}", "<%= x %>", "<%# notice-audit: disable %>", "@Model.Name", "@{ var a = 1; }", "{{!-- x --}}",
    "# Heading\n", "## Your rights\n", "- item\n", "1. item\n", "[text](#)\n", "[text](http://a.b/c)", "> quote\n", "```\ncode\n```\n",
    "| a | b |\n|---|---|\n| c | d |\n", "---\nlast_updated: 2022-05-01\n---\n", "\n\n", "\r\n", "\t", "\x00", "\ufeff",
    "\u200b", "\u200f", "\u202e", "مرحبا", "שלום", "😀👩‍👩‍👧", "é", "Ω", "\u0301",
    "Last updated: 1st May 2022. ", "Reviewed 31/02/2023. ", "Effective from Spring 2021. ", "Updated: 3 Feb 23. ",
    "the the ", "another organisations ", "recieve ", "Data Protection Act 1998 ", "Privacy Shield ",
    "We are the data controller. ", "You can complain to the ICO. ", "We keep it for 6 years. ",
    "dpo@example.gov.uk ", "023 9282 2251 ", "0303 123 113 ", "(unclosed ", "\"quote ", ",, ", " . ",
    "<" * 20, ">" * 20, "<div>" * 50, "</div>" * 50, "x" * 300, "<a href=\"" + "a" * 2000 + "\">",
]
FORMATS = [("notice.md", "markdown"), ("notice.html", "html"), ("notice.njk", "jinja"), ("notice.html.erb", "erb"),
           ("notice.txt", "text"), ("notice.hbs", "handlebars"), ("notice.cshtml", "razor"), ("notice.php", "php"), ("notice.tsx", "script"), ("notice.vue", "component")]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"])


@lru_cache(maxsize=1)
def checklist():
    return load_checklist(())


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def audit_bytes(name: str, fmt: str, data: bytes) -> tuple[str, str] | None:
    """The JSON report and the decoded source for one input; None when it is refused with a clean error."""
    try:
        document = parse(RawSource(name, data, fmt))
    except NoticeAuditError:
        return None
    report = audit_document(document, checklist(), SETTINGS)
    return format_json(Report(notices=[report])), data.decode("utf-8", errors="replace")


def check_properties(name: str, fmt: str, data: bytes) -> None:
    """Never crashes; locations inside the source; the JSON validates; the same input gives the same output."""
    import jsonschema

    first = audit_bytes(name, fmt, data)
    if first is None:
        return
    output, source = first
    document = json.loads(output)
    jsonschema.validate(document, SCHEMA)
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notice = document["notices"][0]
    places = [(f["line"], f["column"]) for f in notice["findings"]]
    places += [(e["line"], e["column"]) for element in notice["elements"].values() for e in element["evidence"]]
    for line, column in places:
        assert 1 <= line <= len(lines) + 1, (line, len(lines))
        assert column >= 1
    second = audit_bytes(name, fmt, data)
    assert second is not None and second[0] == output
