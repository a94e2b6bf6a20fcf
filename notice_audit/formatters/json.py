"""The JSON contract of ../shared/checklist.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from notice_audit import __version__
from notice_audit.document import Location
from notice_audit.language.readability import ReadingSummary
from notice_audit.report import NoticeReport, Report


def _location(location: Location) -> dict[str, int]:
    place = {"line": location.line, "column": location.column}
    if location.page is not None:
        place["page"] = location.page
    return place


def notice_dict(notice: NoticeReport) -> dict[str, Any]:
    elements = {
        result.element.id: {
            "status": result.status,
            "evidence": [{**_location(e.location), "text": e.text} for e in result.evidence],
            **({"message": result.message} if result.message else {}),
        }
        for result in notice.evaluation.results
    }
    findings = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "message": f.message,
            **_location(f.location),
            "evidence": f.evidence,
            "reference": f.reference,
            "hint": f.hint,
        }
        for f in notice.findings
    ]
    return {
        "source": notice.source,
        "format": notice.format,
        "articles": notice.evaluation.articles,
        "last_updated": notice.last_updated.isoformat() if notice.last_updated else None,
        "elements": elements,
        "findings": findings,
        "summary": {
            **notice.counts,
            "coverage": notice.evaluation.coverage,
            "words": notice.word_count,
            "suppressed": notice.suppressed,
            "baselined": notice.baselined,
        },
        "readability": _readability(notice.readability),
    }


def _readability(readability: ReadingSummary | None) -> dict[str, Any] | None:
    if readability is None:
        return None
    overall = readability.overall
    return {
        "reading_ease": overall.reading_ease,
        "grade": overall.grade,
        "band": readability.band,
        "words": overall.words,
        "sentences": overall.sentences,
        "average_sentence_words": overall.average_sentence_words,
        "sections": [
            {"heading": s.heading, "line": s.line, "words": s.words, "reading_ease": s.reading_ease}
            for s in readability.sections
        ],
    }


def json_chunks(report: Report) -> Iterator[str]:
    """The JSON document a notice at a time, so that a large batch is never held as one string."""
    tool = json.dumps({"name": "notice-audit", "version": __version__}, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    yield f'{{\n  "tool": {tool},\n  "notices": ['
    for index, notice in enumerate(report.notices):
        text = json.dumps(notice_dict(notice), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield f"{',' if index else ''}\n    {text}"
    errors = json.dumps(report.errors, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    yield f'{chr(10) + "  " if report.notices else ""}],\n  "errors": {errors}\n}}\n'


def format_json(report: Report) -> str:
    return "".join(json_chunks(report))
