"""The notice's own "last updated / reviewed / effective" date, read from its text or metadata.

Only a date the notice states as its own counts: one that follows a cue such as
"last updated", "reviewed:", "effective from", "version … dated", or stands in the
table cell or paragraph after one; failing that, a date the notice is signed with (a line of its
own among its last blocks); or the page's metadata (front matter, `article:modified_time`).
Any other date (an Act's year, an event) is never taken.
Ambiguous numeric dates are read in UK order (day/month/year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from notice_audit.document import START, Block, BlockKind, Document, Location

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
MONTHS["sept"] = 9
# A season is read as its earliest month ("Spring 2021" -> March 2021); winter starts in December.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
QUARTERS = {"1": 1, "2": 4, "3": 7, "4": 10}

# The last alternative takes a month name with a slip in it ("Febraury"); _month_number checks it.
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]{2,8})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'?\d{2})(?!\d)(?!,\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Each form is matched where the date must start (right after its cue).
_DATE_FORMS = [re.compile(form, re.IGNORECASE) for form in (
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}",
    rf"{_WEEKDAY}(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}",
    rf"(?P<month>{_MONTH})\.?,?\s+{_YEAR}",
    r"(?P<season>spring|summer|autumn|fall|winter)\s+(?P<year>(?:19|20)\d{2})\b",
    r"q(?P<quarter>[1-4])\s+(?P<year>(?:19|20)\d{2})\b",
    r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)",
    r"(?P<day>[0-3]?\d)[/.\-](?P<month>[0-3]?\d)[/.\-](?P<year>(?:19|20)\d{2}|\d{2})\b",  # UK order (US when it cannot be)
    r"(?P<month>[01]?\d)/(?P<year>(?:19|20)\d{2})\b",
    r"(?P<year>(?:19|20)\d{2})(?!\d)(?![,./-]\d)",
)]

# Strong cues may be followed by a few words before the date ("last reviewed by our DPO on 3 May 2022").
_STRONG_CUE = (
    r"last\s+(?:updated?|reviewed|review|revised|revision|modified|amended|changed|edit(?:ed)?|checked)|"
    r"(?:page|notice|policy|statement)\s+(?:was\s+)?(?:last\s+)?(?:updated|reviewed|revised)|"
    r"(?:date\s+of\s+)?(?:last\s+)?(?:review|update|revision)\s+date|"
    r"date\s+of\s+(?:(?:the\s+|this\s+)?last\s+|this\s+)?(?:review|update|revision|issue|publication)|"
    r"date\s+(?:approved|agreed|adopted|ratified)|"
    r"(?:version|issue)\s+(?:[\w.]+\s+)?dated"
)
_WEAK_CUE = (
    r"(?:updated|reviewed|revised|amended|published|issued|dated|effective|valid|in\s+force|applies|agreed|approved|adopted)"
    r"(?:\s+(?:on|from|as\s+of|as\s+at|date))?|date\s+(?:published|reviewed|updated|issued)|"
    r"(?:first\s+)?published|version\s+date|effective\s+date|issue\s+date|as\s+(?:of|at)|version|date(?=\s*:)"
)
_CUE = re.compile(rf"\b(?:(?P<strong>{_STRONG_CUE})|(?P<weak>{_WEAK_CUE}))\b", re.IGNORECASE)
_VERSION_NUMBER = re.compile(r"(?:v(?:ersion)?\s*)?(?:\d+(?:\.\d+)*[a-z]?\s*[,;:–—-]?\s*)?", re.IGNORECASE)
# "As of January 2017, we only send marketing to …" dates a practice; "as of" dates the notice only in a
# short line or near the notice's own words ("This policy is current as of 1 May 2024").
_ABOUT_THE_NOTICE = re.compile(r"\b(?:notice|policy|statement|document|page|terms|version|effective|updated|current|valid|in\s+force)\b", re.IGNORECASE)
_NOT_OURS = re.compile(r"\bnext\s+(?:review|update)\b|\breview\s+due\b|\bto\s+be\s+reviewed\b", re.IGNORECASE)
# "The data protection regulations were updated in May 2018": the law's date, not the notice's.
_LAW_CHANGED = re.compile(r"\b(?:regulations?|laws?|legislation|acts?|rules|GDPR|guidance)\s+(?:\w+\s+){0,2}(?:were|was|have\s+been|has\s+been)\s+$", re.IGNORECASE)
_FILLER = re.compile(r"\s*(?:(?:on|in|at|as\s+of|as\s+at|from|the|:|-|–|—|,|\(|\*)\s*)*", re.IGNORECASE)
_FEW_WORDS = re.compile(r"(?:[^\W\d][\w'’]*(?:\s+|(?=\s*:))){0,6}?(?=on\s|in\s|\s*:|\d|" + _MONTH + r")", re.IGNORECASE)

_METADATA_KEYS = (
    "last_updated", "lastupdated", "last_reviewed", "updated", "lastmod", "last_modified", "modified", "date_modified",
    "article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified", "datemodified", "revised", "date",
)


@dataclass(frozen=True)
class DateStatement:
    """Where a notice states its own date."""

    date: date
    text: str  # the words the date was read from
    location: Location
    source: str  # "text", or "metadata:<key>"


def parse_date_at(text: str) -> tuple[date, int] | None:
    """The date that starts `text`, read in UK order, with its length; None when none starts it."""
    for form in _DATE_FORMS:
        match = form.match(text)
        if not match:
            continue
        found = _to_date(match.groupdict())
        if found is not None:
            return found, match.end()
    return None


def parse_date(text: str) -> date | None:
    """The first date anywhere in `text` (for metadata values such as `2022-05-01T09:00:00Z`)."""
    for start in [0] + [m.end() for m in re.finditer(r"[\s\"'(]", text)]:
        found = parse_date_at(text[start:])
        if found is not None:
            return found[0]
    return None


def _to_date(parts: dict[str, str | None]) -> date | None:
    year = int((parts.get("year") or "").lstrip("'") or 0)
    if year < 100:
        year += 2000
    if parts.get("season"):
        month: int | None = SEASONS[parts["season"].lower()]
    elif parts.get("quarter"):
        month = QUARTERS[parts["quarter"]]
    elif parts.get("month"):
        month = _month_number(parts["month"])
    else:
        month = 1
    day = int(parts.get("day") or 1)
    try:
        return date(year, month or 0, day)
    except ValueError:
        pass
    # '05/26/2011' cannot be UK order; read it the American way rather than not at all.
    if month and month > 12 and day <= 12 and (parts.get("month") or "").isdigit():
        try:
            return date(year, day, month)
        except ValueError:
            return None
    return None


def _month_number(written: str) -> int | None:
    text = written.lower().rstrip(".")
    if text.isdigit():
        return int(text)
    if text in MONTHS:
        return MONTHS[text]
    # A misspelt month: its first three letters, and at most two slips from the full name.
    number = MONTHS.get(text[:3])
    if number is None or _slips(text, _MONTH_NAMES[number - 1]) > 2:
        return None
    return number


_MONTH_NAMES = [name for name in MONTHS if len(name) > 3 or name == "may"][:12]


def _slips(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words."""
    rows = [list(range(len(b) + 1))]
    for i, char_a in enumerate(a, 1):
        row = [i]
        for j, char_b in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def _after_cue(text: str, strong: bool, version: bool = False) -> tuple[date, int] | None:
    """The date right after a cue (strong cues allow a few words first), with where it ends."""
    start = _FILLER.match(text).end()
    found = parse_date_at(text[start:])
    if version and found is None:  # "Version 3.2, September 2025"; but "Version 25 September 2026" is a date
        start = _FILLER.match(text, _VERSION_NUMBER.match(text, start).end()).end()
        found = parse_date_at(text[start:])
    if found is None and strong:
        words = _FEW_WORDS.match(text, start)
        if words and words.end() > start:
            start = _FILLER.match(text, words.end()).end()
            found = parse_date_at(text[start:])
    return (found[0], start + found[1]) if found else None


def statements(document: Document) -> list[DateStatement]:
    """Every date the notice states as its own, in document order."""
    found: list[DateStatement] = []
    blocks = document.blocks
    for index, block in enumerate(blocks):
        for cue in _CUE.finditer(block.text):
            if _NOT_OURS.search(block.text, max(cue.start() - 12, 0), cue.end() + 1):
                continue
            if _LAW_CHANGED.search(block.text[max(cue.start() - 60, 0) : cue.start()]):
                continue
            sentence_start = max((m.end() for m in re.finditer(r"[.!?]\s", block.text[: cue.start()])), default=0)
            near = block.text[max(cue.start() - 60, sentence_start) : cue.end() + 30]
            if cue.group().lower().startswith("as ") and len(block.text.split()) > 8 and not _ABOUT_THE_NOTICE.search(near):
                continue
            rest = block.text[cue.end() :]
            version = cue.group().lower() == "version"
            dated = _after_cue(rest, bool(cue.group("strong")), version)
            where: Block = block
            offset = cue.start()
            if dated is None and not rest.strip(" :-–—*") and index + 1 < len(blocks):
                # "Last updated" in one table cell or heading, the date in the next.
                where, offset = blocks[index + 1], 0
                dated = _after_cue(where.text, True, version)
                rest = where.text
            if dated is not None:
                text = block.text[cue.start() : cue.end()] + " " + rest[: dated[1]].strip() if where is block else rest[: dated[1]].strip()
                found.append(DateStatement(dated[0], " ".join(text.split()), where.locate(offset), "text"))
    found.extend(_change_log(blocks))
    literals = [v for k, v in sorted(document.metadata.items()) if k.startswith("template_literal_")]
    for previous, literal in zip(literals, literals[1:]):  # a macro's {"Last updated": "2 June 2025"}
        if _CUE.fullmatch(previous.strip().rstrip(":")):
            day = parse_date(literal)
            if day:
                found.append(DateStatement(day, f"{previous} {literal}", START, "text"))
    return found


# A change log: a table whose 'Date' column sits beside 'Nature of change', 'Version', 'Changes'…
_DATE_HEADER = re.compile(r"(?:date(?:\s+(?:of\s+)?(?:change|update|revision|review|amended|updated|issued))?|version\s+date|updated|revised)", re.IGNORECASE)
_CHANGE_HEADER = re.compile(r"\b(?:changes?|version|revision|amendments?|updates?|summary|description|history)\b", re.IGNORECASE)


def _change_log(blocks: list[Block]) -> list[DateStatement]:
    """The dates in a change log's 'Date' column: the latest change is the notice's date.

    Cells carry no row numbers, so the header row is read as the run of cells around 'Date'
    up to the first that holds a date or a version number (the first data row)."""
    found: list[DateStatement] = []
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.TABLE_CELL or not _DATE_HEADER.fullmatch(block.text.strip(" *:")):
            continue
        first = index
        while first > 0 and _header_cell(blocks[first - 1]):
            first -= 1
        last = index
        while last + 1 < len(blocks) and _header_cell(blocks[last + 1]):
            last += 1
        headers = [b.text for b in blocks[first : last + 1]]
        if len(headers) < 2 or not any(_CHANGE_HEADER.search(h) for h in headers if h is not block.text):
            continue
        for row in range(last + 1 + index - first, len(blocks), len(headers)):
            cell = blocks[row]
            if cell.kind is not BlockKind.TABLE_CELL:
                break
            day = parse_date(cell.text)
            if day is not None:
                found.append(DateStatement(day, f"{block.text.strip(' *:')}: {cell.text}", cell.location, "text"))
    return found


_VERSION_CELL = re.compile(r"v?(?:ersion\s*)?\d+(?:\.\d+)*[a-z]?", re.IGNORECASE)


def _header_cell(block: Block) -> bool:
    text = block.text.strip(" *:")
    return block.kind is BlockKind.TABLE_CELL and parse_date(text) is None and not _VERSION_CELL.fullmatch(text)


def find_last_updated(document: Document) -> DateStatement | None:
    """The notice's date: the latest it states in its text, else its metadata's."""
    return document.derived("last_updated", lambda: _find_last_updated(document))


def _find_last_updated(document: Document) -> DateStatement | None:
    stated = statements(document)
    if stated:
        return max(stated, key=lambda statement: statement.date)
    signed = _signed(document)
    if signed is not None:
        return signed
    for key in _METADATA_KEYS:
        value = document.metadata.get(key)
        if value:
            day = parse_date(value)
            if day:
                return DateStatement(day, f"{key}: {value}", START, f"metadata:{key}")
    return None


_FEW_WORDS_LEFT = 3


def rendered_date(document: Document) -> Location | None:
    """Where a 'last updated' cue is followed by code that prints the day the page is shown
    ('Last updated: {new Date().toLocaleDateString()}'): the page claims to be new every day."""
    for shown in document.render_dates:
        before = [b for b in document.blocks if (b.location.line, b.location.column) <= (shown.line, shown.column)]
        if not before:
            continue
        text = before[-1].text
        if any(len(text[cue.end() :].split()) <= _FEW_WORDS_LEFT for cue in _CUE.finditer(text)):
            return shown
    return None


# A signature's date: a line of its own that is a full date or a month and year, perhaps followed by
# a name ('October 2004' under 'Head of Information Compliance'; '9 February 2023 – Totally Leighton Buzzard').
_SIGNATURE_TAIL = re.compile(r"\s*(?:[–—-]\s*(?:[^\W\d][\w&'’.-]*\s*){1,8})?\W*")
_SIGNATURE_BLOCKS = 4  # where a signature stands: among the notice's last blocks


def _signed(document: Document) -> DateStatement | None:
    """The date a notice is signed with, when it states none after a cue: a date standing as a line of its
    own among the notice's last blocks."""
    blocks = [b for b in document.blocks if b.text.strip() and b.kind is not BlockKind.HEADING][-_SIGNATURE_BLOCKS:]
    blocks = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]  # a table's or a list's dates are events
    for block in reversed(blocks):
        starts = [0, *block.line_breaks]
        for start, end in reversed(list(zip(starts, [*block.line_breaks, len(block.text)]))):
            line = block.text[start:end]
            offset = start + len(line) - len(line.lstrip())
            found = parse_date_at(line.lstrip())
            if found is None or not re.search(rf"{_MONTH}|\d[/.-]\d", line.lstrip()[: found[1]], re.IGNORECASE):
                continue
            if _SIGNATURE_TAIL.fullmatch(line.lstrip()[found[1] :]):
                return DateStatement(found[0], line.strip(), block.locate(offset), "text")
    return None


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (negative when `earlier` is later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months
