"""Freshness: the notice's own date in every common UK phrasing, dates.* rules, and the outdated-law knowledge base."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from notice_audit.config import Settings, load_settings
from notice_audit.errors import ConfigError
from notice_audit.ingest import parse
from notice_audit.ingest.source import RawSource
from notice_audit.last_updated import find_last_updated, months_between
from notice_audit.law import knowledge_base
from notice_audit.rules import dates_future, dates_missing, dates_stale, law_outdated
from notice_audit.rules.context import CheckContext

ROOT = Path(__file__).resolve().parent.parent
PORTSMOUTH = ROOT.parent / "shared" / "corpus" / "dev" / "portsmouth-children-families.txt"


def document(text: str, fmt: str = "markdown", name: str = "notice.md"):
    return parse(RawSource(name, text.encode(), fmt))


def run(rule, doc, today: date, **settings):
    return list(rule.check(doc, CheckContext(Settings(offline=True, today=today, **settings))))


DATED = [
    ("This privacy notice was last updated in May 2022.", "2022-05-01"),
    ("Last updated: 1st May 2022", "2022-05-01"),
    ("Last updated 01/05/2022", "2022-05-01"),  # UK order
    ("Last reviewed: 2022-05-01", "2022-05-01"),
    ("Updated: 3 Feb 23", "2023-02-03"),
    ("Updated Spring 2021", "2021-03-01"),
    ("Reviewed autumn 2024", "2024-09-01"),
    ("Last revised: Winter 2023", "2023-12-01"),
    ("Effective from 11th August 2018.", "2018-08-11"),
    ("This policy is effective as of 6 April 2025.", "2025-04-06"),
    ("Last update: 23rd May 2018", "2018-05-23"),
    ("Version 3.2, dated 4 April 2024", "2024-04-04"),
    ("PRIVACY NOTICE · VERSION 25 SEPTEMBER 2026", "2026-09-25"),  # a version named by its date
    ("This policy is current as of 1 May 2024.", "2024-05-01"),
    ("As of 3 June 2025", "2025-06-03"),
    # signed: a date standing as a line of its own at the end, perhaps with a name
    ("We keep your data safe.\n\nAndrew Kinglake\\\nHead of Information Compliance\\\nOctober 2004\n\nBack to top", "2004-10-01"),
    ("We keep your data safe.\n\n9 February 2023 – Totally Leighton Buzzard", "2023-02-09"),
    ("| Version | 3.2, September 2025 |\n|---|---|\n| Owner | DPO |", "2025-09-01"),
    ("| Last updated | 10 July 2023 |\n|---|---|", "2023-07-10"),
    ("## Last updated\n\n10th July 2023", "2023-07-10"),
    ("Page last updated: Tuesday, 4 March 2025", "2025-03-04"),
    ("Date of last review: 12.03.24", "2024-03-12"),
    ("Date of this review: August 2017", "2017-08-01"),
    ("Last updated on March 3, 2026", "2026-03-03"),
    ("This notice was last reviewed by our Data Protection Officer on 14 January 2026.", "2026-01-14"),
    ("Published: Q2 2024", "2024-04-01"),
    ("Last modified 2019", "2019-01-01"),
    ("Reviewed: 05/2023", "2023-05-01"),
    ("Last updated: 2 June 2025. Previously updated: 1 March 2021.", "2025-06-02"),  # the latest wins
    ("---\nlast_updated: 2026-09-01\n---\n\n# Notice\n\nWe are the controller.", "2026-09-01"),
    ("Issue date: 7 Sept 2022", "2022-09-07"),
    ("Last updated: 2 Febraury 2026", "2026-02-02"),  # a slip in the month name
    ("Last reviewed 12 Novmber 2023", "2023-11-12"),
    ("Updated 05/26/2011 03:13:19 PM", "2011-05-26"),  # cannot be UK order, so American
    ("Signed: J. Noakes, Chairperson. Date: 4th July 2025", "2025-07-04"),
    ("This policy was approved on 3 March 2024.", "2024-03-03"),
    ("Date approved by Trustees: 21/2/2022", "2022-02-21"),
]

NOT_DATED = [
    "October 2004 was when we opened our first shop, and we have kept records since.",
    "In 2016 we adopted an opt-in policy. This means that, as of January 2017, we only send marketing to people who have opted in.",
    "We collect information under the Children Act 1989 and the Education Act 1996.",
    "Stability index 2020 shows our service is reliable.",
    "The Inquiry published its final report in October 2022.",
    "We reviewed 2,000 records in 2024 as part of an audit.",
    "Our next review is due in May 2027.",
    "We updated our systems to keep your data safe.",
    "The event takes place on 3 May 2026 in the town hall.",
    "Policies are reviewed annually by the board.",
    "Updated after the Decision 2020 review of our services.",  # not a misspelt December
    "The data protection regulations were updated in May 2018 to match the GDPR.",  # the law's date
]


@pytest.mark.parametrize(("text", "expected"), DATED)
def test_the_notice_date_in_uk_phrasings(text, expected):
    statement = find_last_updated(document(text))
    assert statement is not None and statement.date.isoformat() == expected


@pytest.mark.parametrize("text", NOT_DATED)
def test_other_dates_are_not_the_notice_date(text):
    assert find_last_updated(document(text)) is None


def test_html_meta_and_text_in_a_template():
    html = '<html><head><meta property="article:modified_time" content="2024-02-03T10:00:00+00:00"></head><body><main><p>We are the controller.</p></main></body></html>'
    assert find_last_updated(document(html, "html", "notice.html")).date == date(2024, 2, 3)
    html = '<main><p>We are the controller.</p><p>Last updated <time datetime="2025-01-09">9 January 2025</time></p></main>'
    statement = find_last_updated(document(html, "html", "notice.html"))
    assert statement.date == date(2025, 1, 9) and statement.location.line == 1


def test_months_between():
    assert months_between(date(2022, 5, 1), date(2026, 11, 24)) == 54
    assert months_between(date(2025, 11, 25), date(2026, 11, 24)) == 11
    assert months_between(date(2025, 11, 24), date(2026, 11, 24)) == 12


def test_stale_fresh_future_and_missing():
    notice = document("We are the controller.\n\nLast updated: 1 May 2025")
    assert run(dates_stale, notice, date(2026, 5, 1)) == []  # exactly 12 months
    stale = run(dates_stale, notice, date(2026, 6, 1))
    assert len(stale) == 1 and "13 months before 2026-06-01" in stale[0].message and stale[0].location.line == 3
    assert run(dates_stale, notice, date(2026, 6, 1), max_age_months=18) == []
    assert run(dates_future, notice, date(2025, 4, 30))[0].message == "The notice's date 2025-05-01 is after 2025-04-30"
    assert run(dates_future, notice, date(2025, 5, 1)) == []
    assert run(dates_missing, notice, date(2026, 1, 1)) == []
    assert len(run(dates_missing, document("We are the controller."), date(2026, 1, 1))) == 1


def test_max_age_in_config(tmp_path):
    config = tmp_path / ".notice-audit.yaml"
    config.write_text("dates:\n  max_age: 2 years\n", encoding="utf-8")
    assert load_settings(str(config)).max_age_months == 24
    config.write_text("dates:\n  max_age: 18 months\n", encoding="utf-8")
    assert load_settings(str(config)).max_age_months == 18
    config.write_text("dates:\n  max_age: soon\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'dates.max_age' must be a number of months or years"):
        load_settings(str(config))


ENTRIES = knowledge_base()


def test_the_knowledge_base_has_the_entries_the_issue_names():
    assert {e.id for e in ENTRIES} >= {
        "dpa-1998", "directive-95-46", "safe-harbor", "privacy-shield", "eu-gdpr-for-uk", "eu-model-clauses",
        "retained-eu-law", "article-22-alone", "pecr-fine-cap", "iicsa-live", "ico-wilmslow-address",
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_entry_reports_its_outdated_examples_and_not_its_current_ones(entry):
    assert entry.outdated_examples and entry.current_examples, "every entry needs examples both ways"
    after = entry.since
    for sentence in entry.outdated_examples:
        found = [f for f in run(law_outdated, document(sentence), after) if f"entry {entry.id})" in f.hint]
        assert len(found) == 1, sentence
        assert found[0].severity == entry.severity
    for sentence in entry.current_examples:
        assert [f for f in run(law_outdated, document(sentence), after) if f"entry {entry.id})" in f.hint] == [], sentence


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_an_entry_applies_from_its_date_only(entry):
    notice = document(entry.outdated_examples[0])
    before = [f for f in run(law_outdated, notice, entry.since - timedelta(days=1)) if f"entry {entry.id})" in f.hint]
    on = [f for f in run(law_outdated, notice, entry.since) if f"entry {entry.id})" in f.hint]
    assert before == [] and len(on) == 1


def test_mentions_are_reported_once_with_their_lines():
    notice = document("We follow the Data Protection Act 1998.\n\nYour rights under the DPA 1998 are these.")
    found = run(law_outdated, notice, date(2026, 1, 1))
    assert len(found) == 1 and found[0].location.line == 1 and "(also line 3)" in found[0].message


def test_a_link_to_the_old_act_counts():
    notice = document("We follow the [Data Protection Act](http://www.legislation.gov.uk/ukpga/1998/29/contents).")
    found = run(law_outdated, notice, date(2026, 1, 1))
    assert [f.location.column for f in found] == [15]


def test_users_add_entries_in_their_own_files(tmp_path):
    extra = tmp_path / "our-law.yaml"
    extra.write_text(
        "entries:\n"
        "  - id: old-retention-policy\n"
        "    title: Our 2019 retention policy\n"
        "    match: ['Retention Policy 2019']\n"
        "    since: 2025-04-01\n"
        "    severity: error\n"
        "    why: It was replaced by the 2025 schedule.\n"
        "    hint: Link to the 2025 retention schedule.\n"
        "    source: Records Management Board minutes, March 2025\n",
        encoding="utf-8",
    )
    found = run(law_outdated, document("We keep records as our Retention Policy 2019 says."), date(2026, 1, 1), law_files=(str(extra),))
    assert [(f.severity, f.message.split(":")[0]) for f in found] == [("error", "Our 2019 retention policy")]
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries:\n  - id: broken\n    title: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="missing key 'match'"):
        knowledge_base((str(broken),))


@pytest.mark.corpus
def test_portsmouth_as_of_24_november_2026():
    """The issue's done-when: stale since May 2022, the IICSA reference, and nothing else outdated but the ICO's old address."""
    result = subprocess.run(
        [sys.executable, "-m", "notice_audit", "check", "--offline", "--today", "2026-11-24", "--select", "dates,law", "-f", "json", str(PORTSMOUTH)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    notice = json.loads(result.stdout)["notices"][0]
    assert notice["last_updated"] == "2022-05-01"
    found = [(f["rule"], f["line"]) for f in notice["findings"]]
    assert found == [("law.outdated", 47), ("law.outdated", 95), ("dates.stale", 103)]
    assert "54 months" in notice["findings"][2]["message"]
    assert "Independent Inquiry" in notice["findings"][0]["message"] and "also line 49" in notice["findings"][0]["message"]


def test_bad_today_is_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "notice_audit", "check", "--today", "24/11/2026", str(PORTSMOUTH)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2 and result.stderr.strip() == "notice-audit: --today must be a date written YYYY-MM-DD, not '24/11/2026'"


def test_rule_law_outdated_lists_the_entries_with_sources():
    result = subprocess.run([sys.executable, "-m", "notice_audit", "rule", "law.outdated"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0
    for entry in ENTRIES:
        assert f"- {entry.id} ({entry.severity}, since {entry.since.isoformat()})" in result.stdout
    assert "Case C-311/18" in result.stdout


def test_a_change_log_dates_the_notice_by_its_latest_change():
    markdown = """## Changes to this notice

| Date | Nature of change |
|---|---|
| May 2018 | New privacy policy adopted |
| 14 March 2023 | Retention periods added |
"""
    statement = find_last_updated(document(markdown))
    assert statement.date == date(2023, 3, 14) and statement.text.endswith("14 March 2023")
    html = "<table><tr><th>Version</th><th>Date</th><th>Changes</th></tr><tr><td>v2</td><td>01/02/2024</td><td>New form</td></tr></table>"
    assert find_last_updated(document(html, "html", "notice.html")).date == date(2024, 2, 1)  # 'Date' in the second column
    # A table of events is not a change log.
    events = "| Date | Event |\n|---|---|\n| 3 June 2025 | Open day |\n"
    assert find_last_updated(document(events)) is None


# 'Last updated' filled with the day the page is shown: (name, format, source, where the code stands)
RENDERED_TODAY = [
    ("page.tsx", "script",
     ('const lastUpdated = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });\n'
      "export default function Privacy() {\n  return (<main><h1>Privacy notice</h1><p>We keep your data safe.</p>\n"
      "    <p>Last updated: {lastUpdated}</p></main>);\n}\n"), "4:22"),
    ("privacy.php", "php", "<h1>Privacy notice</h1>\n<p>We keep your data safe.</p>\n<p>Last updated: <?php echo date('j F Y'); ?></p>\n", "3:18"),
    ("privacy.html.twig", "jinja", "<h1>Privacy notice</h1>\n<p>We keep your data safe.</p>\n<p>This notice was last updated on {{ 'now'|date('d/m/Y') }}.</p>\n", "3:36"),
    ("privacy.html.erb", "erb", "<h1>Privacy notice</h1>\n<p>We keep your data safe.</p>\n<p>Last reviewed <%= Date.today.strftime('%d %B %Y') %></p>\n", "3:18"),
    ("Privacy.vue", "component", "<template>\n  <h1>Privacy notice</h1>\n  <p>We keep your data safe.</p>\n  <p>Effective date: {{ new Date().toLocaleDateString() }}</p>\n</template>\n", "4:22"),
]


@pytest.mark.parametrize(("name", "fmt", "source", "where"), RENDERED_TODAY, ids=[case[0] for case in RENDERED_TODAY])
def test_a_last_updated_date_printed_at_render_time_is_reported_where_the_code_stands(name, fmt, source, where):
    doc = document(source, fmt, name)
    assert find_last_updated(doc) is None
    [finding] = run(dates_missing, doc, date(2026, 12, 2))
    assert "day the page is shown" in finding.message and str(finding.location) == where


@pytest.mark.parametrize(("name", "fmt", "source"), [
    # a copyright year is no 'last updated' date, and the notice's own date is found
    ("page.tsx", "script", ("export default function P() {\n  return (<main><p>Last updated: 3 May 2025</p>\n"
                            "<footer>© {new Date().getFullYear()} Acme Ltd</footer></main>);\n}\n")),
    ("privacy.php", "php", "<p>We keep your data safe.</p>\n<p>Last updated 3 May 2025. © <?php echo date('Y'); ?> Acme Ltd</p>\n"),
])
def test_a_copyright_year_printed_at_render_time_is_no_date(name, fmt, source):
    doc = document(source, fmt, name)
    assert doc.render_dates == []
    assert find_last_updated(doc).date == date(2025, 5, 3)
    assert run(dates_missing, doc, date(2026, 12, 2)) == []


def test_todays_date_printed_away_from_any_date_cue_leaves_the_plain_message():
    doc = document("<p>We keep your data safe.</p>\n<p>Today is <?php echo date('l j F'); ?>.</p>\n", "php", "privacy.php")
    [finding] = run(dates_missing, doc, date(2026, 12, 2))
    assert finding.message == "No 'last updated' or 'last reviewed' date found"
