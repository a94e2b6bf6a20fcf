"""A self-contained HTML report for people: an overview matrix of notices by checklist
element, the commonest gaps, then a section per notice. No external assets; works
offline, prints well, filters and sorts with a little plain JavaScript. Statuses carry
an icon and words, never colour alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from notice_audit import __version__
from notice_audit.finding import Finding
from notice_audit.last_updated import months_between
from notice_audit.report import NoticeReport, Report

ICONS = {"present": "✓", "partial": "~", "missing": "✗", "not_applicable": "–"}
WORDS = {"present": "present", "partial": "partial", "missing": "missing", "not_applicable": "not applicable"}
SEVERITY_ICONS = {"error": "✗", "warning": "!", "info": "i"}
DATE_RULES = ("dates.stale", "dates.missing", "dates.future")

STYLE = """
:root { --ink: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --present: #00703c; --partial: #8a4b00;
  --missing: #b10e1e; --na: #505a5f; --focus: #ffdd00; --band: #f3f2f1; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
a { color: #1d70b8; } a:focus, button:focus, input:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 0; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--focus); padding: .5rem; }
header, main { max-width: 90rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 4px solid var(--ink); padding-top: 1rem; }
h1 { margin: .5rem 0; } h2 { margin-top: 2rem; } h3 { margin-top: 1.5rem; }
.totals { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
.totals li { background: var(--band); padding: .5rem 1rem; border-left: 4px solid var(--ink); }
.totals strong { display: block; font-size: 1.6rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
.matrix-wrap { overflow-x: auto; max-width: 100%; }
#matrix td.status { text-align: center; min-width: 2.2rem; font-weight: 700; }
#matrix thead th.element { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; font-size: .85rem; }
.s-present { color: var(--present); } .s-partial { color: var(--partial); background: #fff7e6; }
.s-missing { color: var(--missing); background: #fdecee; } .s-not_applicable { color: var(--na); }
.sev-error { color: var(--missing); } .sev-warning { color: var(--partial); } .sev-info { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
.controls label { display: block; font-weight: 600; }
.controls input, .controls select { font: inherit; padding: .3rem; border: 2px solid var(--ink); }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: left; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
blockquote { margin: .25rem 0 .25rem 0; padding-left: .6rem; border-left: 3px solid var(--line); color: var(--muted); }
.notice { border-top: 2px solid var(--line); margin-top: 2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
.hint { background: var(--band); padding: .4rem .6rem; }
footer { max-width: 90rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); }
@media print {
  .controls, .skip, th button::after { display: none; }
  .notice { break-before: page; }
  #matrix thead th.element { writing-mode: horizontal-tb; transform: none; }
  a { color: inherit; text-decoration: none; }
}
"""

SCRIPT = """
(function () {
  var table = document.getElementById('matrix');
  if (!table) { return; }
  var body = table.tBodies[0];
  var filter = document.getElementById('filter');
  var show = document.getElementById('show');
  var count = document.getElementById('shown');
  function apply() {
    var text = filter.value.trim().toLowerCase();
    var mode = show.value;
    var visible = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = row.getAttribute('data-name').indexOf(text) !== -1;
      if (mode === 'gaps') { ok = ok && row.getAttribute('data-gaps') !== '0'; }
      if (mode === 'errors') { ok = ok && row.getAttribute('data-errors') !== '0'; }
      if (mode === 'dates') { ok = ok && row.getAttribute('data-date-problem') === '1'; }
      row.hidden = !ok;
      if (ok) { visible += 1; }
    });
    count.textContent = visible + ' of ' + body.rows.length + ' notices shown';
  }
  filter.addEventListener('input', apply);
  show.addEventListener('change', apply);
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-column]'), function (button) {
    button.addEventListener('click', function () {
      var header = button.parentNode;
      var column = Number(button.getAttribute('data-column'));
      var ascending = header.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th[aria-sort]'), function (th) { th.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-value'), y = b.cells[column].getAttribute('data-value');
        var nx = Number(x), ny = Number(y);
        var order = (!isNaN(nx) && !isNaN(ny) && x !== '' && y !== '') ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""

STATUS_ORDER = {"missing": 0, "partial": 1, "present": 2, "not_applicable": 3}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _status_cell(status: str, element: str) -> str:
    return (
        f'<td class="status s-{status}" data-value="{STATUS_ORDER[status]}" data-status="{status}" title="{_e(element)}: {WORDS[status]}">'
        f'<span aria-hidden="true">{ICONS[status]}</span><span class="visually-hidden">{WORDS[status]}</span></td>'
    )


def _age(notice: NoticeReport, report: Report) -> str:
    if notice.last_updated is None:
        return "no date found"
    if report.run_date is None:
        return notice.last_updated.isoformat()
    months = months_between(notice.last_updated, report.run_date)
    if months < 0:
        return f"{notice.last_updated.isoformat()} (in the future)"
    return f"{notice.last_updated.isoformat()} ({months} month{'s' if months != 1 else ''} old)"


def _overview(report: Report, element_ids: list[str]) -> list[str]:
    totals = Counter()
    gaps: Counter[str] = Counter()
    date_problems = 0
    for notice in report.notices:
        totals.update(notice.counts)
        for result in notice.evaluation.results:
            if result.status in ("missing", "partial"):
                gaps[result.element.id] += 1
        date_problems += any(f.rule in DATE_RULES for f in notice.findings)
    parts = [
        '<section aria-labelledby="overview-title">',
        '<h2 id="overview-title">Overview</h2>',
        '<ul class="totals">',
        f"<li><strong>{len(report.notices)}</strong> notices audited</li>",
        f'<li class="sev-error"><strong>{totals["error"]}</strong> errors</li>',
        f'<li class="sev-warning"><strong>{totals["warning"]}</strong> warnings</li>',
        f'<li class="sev-info"><strong>{totals["info"]}</strong> info</li>',
        f"<li><strong>{date_problems}</strong> with a stale, future or missing date</li>",
        "</ul>",
    ]
    for error in report.errors:
        parts.append(f'<p class="sev-error"><span aria-hidden="true">✗</span> Could not audit: {_e(error)}</p>')
    if gaps:
        parts += [
            '<h3 id="gaps-title">Most common gaps</h3>',
            '<table aria-labelledby="gaps-title"><thead><tr><th scope="col">Checklist element</th><th scope="col">Notices missing or partial</th></tr></thead><tbody>',
        ]
        for element_id, number in gaps.most_common(10):
            parts.append(f'<tr><th scope="row">{_e(element_id)}</th><td>{number} of {len(report.notices)}</td></tr>')
        parts.append("</tbody></table>")
    parts += [
        '<h3 id="matrix-title">Checklist by notice</h3>',
        '<div class="controls">',
        '<div><label for="filter">Filter by name</label><input id="filter" type="search" autocomplete="off"></div>',
        '<div><label for="show">Show</label><select id="show">'
        '<option value="all">all notices</option><option value="gaps">notices with gaps</option>'
        '<option value="errors">notices with errors</option><option value="dates">notices with a date problem</option></select></div>',
        '<p id="shown" role="status" aria-live="polite"></p>',
        "</div>",
        '<div class="matrix-wrap"><table id="matrix" aria-describedby="matrix-key">',
        '<caption id="matrix-key">Status of each checklist element: ✓ present, ~ partial, ✗ missing, – not applicable. Select a column heading to sort.</caption>',
        '<thead><tr><th scope="col"><button type="button" data-column="0">Notice</button></th>'
        '<th scope="col"><button type="button" data-column="1">Coverage</button></th>'
        '<th scope="col"><button type="button" data-column="2">Errors</button></th>'
        '<th scope="col"><button type="button" data-column="3">Last updated</button></th>',
    ]
    for offset, element_id in enumerate(element_ids, start=4):
        parts.append(f'<th scope="col" class="element"><button type="button" data-column="{offset}">{_e(element_id)}</button></th>')
    parts.append("</tr></thead><tbody>")
    for index, notice in enumerate(report.notices):
        statuses = {r.element.id: r.status for r in notice.evaluation.results}
        coverage = notice.evaluation.coverage
        gaps_here = sum(status in ("missing", "partial") for status in statuses.values())
        date_problem = any(f.rule in DATE_RULES for f in notice.findings)
        dated = notice.last_updated.isoformat() if notice.last_updated else ""
        stale = ' <span class="sev-warning">(stale)</span>' if any(f.rule == "dates.stale" for f in notice.findings) else ""
        parts.append(
            f'<tr data-name="{_e(notice.path.lower())}" data-gaps="{gaps_here}" data-errors="{notice.counts["error"]}" data-date-problem="{int(date_problem)}">'
            f'<th scope="row" data-value="{_e(notice.path)}"><a href="#notice-{index}">{_e(notice.path)}</a></th>'
            f'<td data-value="{coverage if coverage is not None else -1}">{f"{coverage:.0%}" if coverage is not None else "n/a"}</td>'
            f'<td data-value="{notice.counts["error"]}">{notice.counts["error"]}</td>'
            f'<td data-value="{dated}">{_e(dated or "none")}{stale}</td>'
        )
        for element_id in element_ids:
            parts.append(_status_cell(statuses.get(element_id, "not_applicable"), element_id))
        parts.append("</tr>")
    parts.append("</tbody></table></div></section>")
    return parts


def _findings_by_rule(findings: list[Finding], report: Report) -> list[str]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.rule].append(finding)
    parts = []
    for rule_id, items in grouped.items():
        rule = report.rule(rule_id)
        worst = max(items, key=lambda f: {"error": 2, "warning": 1, "info": 0}[f.severity]).severity
        parts.append(
            f'<h4><span class="sev-{worst}"><span aria-hidden="true">{SEVERITY_ICONS[worst]}</span> {_e(worst)}</span> '
            f"<code>{_e(rule_id)}</code>{f': {_e(rule.summary)}' if rule else ''} ({len(items)})</h4>"
        )
        hint = items[0].hint or (rule.hint if rule else "")
        if hint:
            parts.append(f'<p class="hint"><strong>How to fix:</strong> {_e(hint)}</p>')
        parts.append("<ul>")
        for finding in items:
            quote = f"<blockquote>{_e(finding.evidence[:300])}</blockquote>" if finding.evidence else ""
            parts.append(f"<li>Line {_e(finding.location)}: {_e(finding.message)}{quote}</li>")
        parts.append("</ul>")
    return parts


def _notice(index: int, notice: NoticeReport, report: Report) -> list[str]:
    evaluation = notice.evaluation
    coverage = f"{evaluation.coverage:.0%}" if evaluation.coverage is not None else "n/a"
    reading = notice.readability
    reading_text = (
        f"{reading.overall.reading_ease:.0f} ({reading.band}), grade {reading.overall.grade:.0f}"
        if reading is not None and reading.overall.reading_ease is not None else "not measured"
    )
    counts = notice.counts
    parts = [
        f'<section class="notice" id="notice-{index}" aria-labelledby="notice-{index}-title">',
        f'<h2 id="notice-{index}-title">{_e(notice.path)}</h2>',
        '<dl class="facts">',
        f"<dt>Format</dt><dd>{_e(notice.format)}, {notice.word_count} words</dd>",
        f"<dt>Articles</dt><dd>{_e(' and '.join(evaluation.articles))}</dd>",
        f"<dt>Last updated</dt><dd>{_e(_age(notice, report))}</dd>",
        f"<dt>Checklist coverage</dt><dd>{coverage}</dd>",
        f"<dt>Reading ease</dt><dd>{_e(reading_text)}</dd>",
        f"<dt>Findings</dt><dd>{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        + (f"; {notice.suppressed} suppressed inline" if notice.suppressed else "")
        + (f"; {notice.baselined} in the baseline" if notice.baselined else "")
        + "</dd>",
        "</dl>",
        f'<h3 id="notice-{index}-checklist">Checklist</h3>',
        f'<table aria-labelledby="notice-{index}-checklist"><thead><tr><th scope="col">Element</th><th scope="col">Status</th>'
        '<th scope="col">Line</th><th scope="col">Evidence or what is missing</th></tr></thead><tbody>',
    ]
    for result in evaluation.results:
        first = result.evidence[0] if result.evidence else None
        detail = _e(first.text[:300]) if first else ""
        if result.status in ("missing", "partial"):
            quote = f"<blockquote>{detail}</blockquote>" if detail else ""
            detail = f'{_e(result.message)}{quote}<p class="hint">{_e(result.element.hint)}</p>'
        parts.append(
            f'<tr><th scope="row">{_e(result.element.id)}</th>'
            f'<td class="s-{result.status}"><span aria-hidden="true">{ICONS[result.status]}</span> {WORDS[result.status]}</td>'
            f"<td>{_e(first.location) if first else ''}</td><td>{detail}</td></tr>"
        )
    parts.append("</tbody></table>")
    others = [f for f in notice.findings if not f.rule.startswith("checklist.")]
    parts.append(f'<h3 id="notice-{index}-findings">Findings</h3>')
    parts += _findings_by_rule(others, report) if others else ["<p>No findings beyond the checklist.</p>"]
    parts.append('<p><a href="#overview-title">Back to the overview</a></p></section>')
    return parts


def format_html(report: Report) -> str:
    element_ids: list[str] = []
    for notice in report.notices:
        for result in notice.evaluation.results:
            if result.element.id not in element_ids:
                element_ids.append(result.element.id)
    when = f" on {report.run_date.isoformat()}" if report.run_date else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="notice-audit {__version__}">',
        "<title>Privacy notice audit</title>",
        f"<style>{STYLE}</style></head><body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        "<header><h1>Privacy notice audit</h1>",
        f"<p>{len(report.notices)} notice{'s' if len(report.notices) != 1 else ''} checked against the UK GDPR Article 13/14 "
        f"checklist{when} by notice-audit {__version__}.</p></header>",
        '<main id="main">',
    ]
    parts += _overview(report, element_ids)
    for index, notice in enumerate(report.notices):
        parts += _notice(index, notice, report)
    parts += [
        "</main>",
        "<footer><p>Statuses: ✓ present, ~ partial, ✗ missing, – not applicable. Severities: ✗ error, ! warning, i info. "
        "Line numbers refer to the source file (page:line for PDFs).</p></footer>",
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
