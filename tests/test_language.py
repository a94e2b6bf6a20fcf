"""The language rules: per-rule cases from language_cases.yaml, and whole notices."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from notice_audit.config import Settings
from notice_audit.ingest import load, parse
from notice_audit.ingest.source import RawSource
from notice_audit.language.settings import LanguageSettings
from notice_audit.rules import QUALITY_RULES
from notice_audit.rules.context import CheckContext

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "language_cases.yaml").read_text(encoding="utf-8"))
RULES = {module.RULE.id: module for module in QUALITY_RULES}
LANGUAGE = [module for module in QUALITY_RULES if module.RULE.id.startswith(("typos.", "style."))]


def findings(document, modules=LANGUAGE, settings: Settings | None = None):
    context = CheckContext(settings or Settings(offline=True))
    return sorted((f for module in modules for f in module.check(document, context)), key=lambda f: f.sort_key)


def markdown(text: str):
    return parse(RawSource("case.md", text.encode(), "markdown"))


def _cases(kind: str) -> list:
    cases_of_kind = []
    for rule_id, cases in CASES.items():
        for index, case in enumerate(cases.get(kind, [])):
            cases_of_kind.append(pytest.param(rule_id, case, id=f"{rule_id}-{kind}-{index}"))
    return cases_of_kind


@pytest.mark.parametrize(("rule_id", "text"), _cases("pass"))
def test_rule_passes(rule_id, text):
    assert [f"{f.location} {f.message}" for f in findings(markdown(text), [RULES[rule_id]])] == []


@pytest.mark.parametrize(("rule_id", "case"), _cases("fail"))
def test_rule_fails(rule_id, case):
    found = findings(markdown(case["text"]), [RULES[rule_id]])
    got = [f"{f.location} {f.message}" for f in found]
    assert len(got) == len(case["expect"]), got
    for expected, finding in zip(case["expect"], found):
        place, _, words = expected.partition(" ")
        assert str(finding.location) == place and words in finding.message, got


@pytest.mark.corpus
def test_portsmouth_language_findings():
    """The issue's own example: the duplicated phrase, 'another organisations', the unfinished paragraph."""
    document = load(str(ROOT.parent / "shared" / "corpus" / "dev" / "portsmouth-children-families.txt"))
    typos = [(f.rule, str(f.location)) for f in findings(document) if f.rule.startswith("typos.")]
    assert typos == [("typos.repeated", "35:35"), ("typos.agreement", "71:141"), ("typos.punctuation", "79:433")]


def test_clean_british_notice_is_quiet():
    document = load(str(ROOT / "fixtures" / "language" / "clean-british-notice.md"))
    assert [f"{f.location} {f.rule} {f.message}" for f in findings(document)] == []


def test_notice_full_of_mistakes():
    document = load(str(ROOT / "fixtures" / "language" / "typos-notice.md"))
    got = [(f.location.line, f.rule) for f in findings(document)]
    assert got == [
        (5, "typos.spelling"),
        (7, "typos.repeated"),
        (9, "typos.agreement"),
        (11, "typos.repeated"),
        (13, "typos.agreement"),
        (15, "typos.agreement"),
        (15, "typos.agreement"),
        (17, "typos.punctuation"),
        (19, "typos.spelling"),
        (21, "typos.us_spelling"),
        (23, "typos.punctuation"),
        (25, "typos.punctuation"),
        (25, "typos.punctuation"),
        (31, "typos.punctuation"),
    ]


def test_suggestions_put_the_likeliest_slip_first():
    found = findings(markdown("The sytem and the adress."), [RULES["typos.spelling"]])
    assert [f.message for f in found] == [
        "Unknown word 'sytem'; did you mean 'system' or 'stem'?",
        "Unknown word 'adress'; did you mean 'address' or 'dress'?",
    ]


def test_user_words_and_wordlists(tmp_path):
    wordlist = tmp_path / "words.txt"
    wordlist.write_text("# our systems\nFlobbertrack\nzentrix\n", encoding="utf-8")
    document = markdown("We store it in flobbertrack and zentrix and quuxify it.")
    plain = [f.evidence for f in findings(document, [RULES["typos.spelling"]])]
    assert plain == ["flobbertrack", "zentrix", "quuxify"]
    settings = Settings(offline=True, language=LanguageSettings(words=("quuxify",), wordlists=(str(wordlist),)))
    assert findings(document, [RULES["typos.spelling"]], settings) == []


def test_template_code_is_not_read_as_text():
    """Words either side of a template expression are not adjacent, and the gap is no space before a full stop."""
    source = (
        "<main><p>Contact {{ org.name }}. We keep the {{ kind }} the records safely and send them to a "
        "{{ partner }} organisation.</p><p>We keep it.</p><p>We use it.</p><p>We share it.</p>"
        "<p>We store it with {{ supplier }}</p></main>"
    )
    document = parse(RawSource("notice.njk", source.encode(), "jinja"))
    assert findings(document) == []


def test_jsx_expression_closing_before_a_comma_is_no_space_before_it():
    # '</span>}, any' renders as 'feedback form, any'; only a space typed before the comma is flagged
    source = (
        "export default function Page() {\n  return (\n    <p>\n"
        "      Using our {loggedIn ? <a href=\"/feedback\">form</a> : <span>feedback form</span>}, any details\n"
        "      you give us are kept , as we say.\n    </p>\n  );\n}\n"
    )
    document = parse(RawSource("page.jsx", source.encode(), "script"))
    assert [(str(f.location), f.message) for f in findings(document, [RULES["typos.punctuation"]])] == [
        ("5:27", "Space before ','"),
    ]


def test_readability_is_in_the_report():
    from notice_audit.audit import audit_document
    from notice_audit.checklist.model import load_checklist

    document = load(str(ROOT / "fixtures" / "language" / "clean-british-notice.md"))
    report = audit_document(document, load_checklist(), Settings(offline=True))
    assert report.readability is not None
    assert 50 < report.readability.overall.reading_ease < 80
    headings = [section.heading for section in report.readability.sections]
    assert headings[1:3] == ["Who we are", "What we collect"]
