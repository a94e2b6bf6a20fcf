"""JUnit XML: one testsuite per notice; a testcase per checklist element and per other finding."""

from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree

from notice_audit.report import NoticeReport, Report


def _unique(name: str, seen: Counter[str]) -> str:
    seen[name] += 1
    return name if seen[name] == 1 else f"{name} ({seen[name]})"


def _suite(notice: NoticeReport) -> ElementTree.Element:
    suite = ElementTree.Element("testsuite", name=notice.path, file=notice.path)
    seen: Counter[str] = Counter()
    failures = skipped = 0
    for result in notice.evaluation.results:
        case = ElementTree.SubElement(
            suite, "testcase", classname=f"{notice.path}.checklist", name=_unique(f"checklist.{result.element.id}", seen), file=notice.path
        )
        if result.evidence:
            case.set("line", str(result.evidence[0].location.line))
        if result.status in ("missing", "partial"):
            failures += 1
            failure = ElementTree.SubElement(case, "failure", message=result.message or result.status, type=result.severity)
            failure.text = f"{result.element.id}: {result.status}. {result.element.hint}"
        elif result.status == "not_applicable":
            skipped += 1
            ElementTree.SubElement(case, "skipped", message="not applicable to this notice")
    for finding in notice.findings:
        if finding.rule.startswith("checklist."):
            continue  # already a checklist testcase above
        where = f"{finding.location.line}:{finding.location.column}"
        case = ElementTree.SubElement(
            suite, "testcase", classname=f"{notice.path}.{finding.rule}", name=_unique(f"{finding.rule} at {where}", seen),
            file=notice.path, line=str(finding.location.line),
        )
        failures += 1
        failure = ElementTree.SubElement(case, "failure", message=finding.message, type=finding.severity)
        failure.text = "\n".join(part for part in (finding.evidence, f"Fix: {finding.hint}", f"Rests on: {finding.reference}") if part)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return suite


def format_junit(report: Report) -> str:
    root = ElementTree.Element("testsuites", name="notice-audit")
    for notice in report.notices:
        root.append(_suite(notice))
    for error in report.errors:
        source = error.split(": ", 1)[0]
        suite = ElementTree.SubElement(root, "testsuite", name=source, tests="1", failures="0", errors="1", skipped="0", time="0")
        case = ElementTree.SubElement(suite, "testcase", classname=source, name="audit")
        ElementTree.SubElement(case, "error", message=error, type="input")
    totals = {key: sum(int(suite.get(key, "0")) for suite in root) for key in ("tests", "failures", "errors", "skipped")}
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
