"""The notice's own "last updated / reviewed" date, read from its text or metadata."""

from __future__ import annotations

import re
from datetime import date

from notice_audit.document import Document

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9

_CUE = re.compile(
    r"\b(?:last\s+(?:updated|reviewed|revised|modified|amended|changed)|(?:updated|reviewed|revised|published|modified)(?:\s+on)?|"
    r"effective\s+(?:from|date|as\s+of)|date\s+of\s+(?:last\s+)?(?:review|update|publication)|version\s+date|valid\s+from)\b\s*(?:in|on|:|-|–)?\s*",
    re.IGNORECASE,
)
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE_FORMS = [
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}}|\d{{2}})\b", re.IGNORECASE),
    re.compile(rf"(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b"),  # UK order
]
_METADATA_KEYS = ("last_updated", "lastmod", "last_modified", "modified", "updated", "article:modified_time", "dateModified", "date")


def parse_date(text: str) -> date | None:
    """The first date in `text`, read in UK order; None when there is none or it is impossible."""
    best: tuple[int, date] | None = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month_text = parts["month"].lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text[:4] if month_text.startswith("sept") else month_text[:3])
        year = int(parts["year"])
        if year < 100:
            year += 2000
        try:
            found = date(year, month or 0, int(parts.get("day") or 1))
        except ValueError:
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), found)
    return best[1] if best else None


def find_last_updated(document: Document) -> date | None:
    for sentence in document.sentences():
        for cue in _CUE.finditer(sentence.text):
            found = parse_date(sentence.text[cue.end() : cue.end() + 40])
            if found:
                return found
    # The date handed to a template macro: {"Last updated": "02 June 2025"}
    literals = [v for k, v in sorted(document.metadata.items()) if k.startswith("template_literal_")]
    for previous, literal in zip(literals, literals[1:]):
        if _CUE.fullmatch(previous.strip() + " ") or _CUE.match(previous.strip()):
            found = parse_date(literal)
            if found:
                return found
    for key in _METADATA_KEYS:
        value = document.metadata.get(key.lower())
        if value:
            found = parse_date(value)
            if found:
                return found
    return None
