"""Configuration: discovery, pyproject.toml, validation errors, severities, user checklists."""

from __future__ import annotations

import textwrap

import pytest

from notice_audit.audit import audit_document
from notice_audit.checklist.model import load_checklist
from notice_audit.config import Settings, find_config, load_settings
from notice_audit.errors import ConfigError
from notice_audit.ingest import parse
from notice_audit.ingest.source import RawSource

NOTICE = b"Riverside Borough Council is the data controller for this service. See the [form](#)."


def write(path, text: str):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_config_is_found_searching_upwards(tmp_path):
    config = write(tmp_path / ".notice-audit.yaml", "fail_on: warning\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == config
    assert load_settings(None, cwd=nested).fail_on == "warning"


def test_no_config_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv("NOTICE_AUDIT_OFFLINE")
    assert load_settings(None, cwd=tmp_path) == Settings()


def test_offline_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTICE_AUDIT_OFFLINE", "1")
    assert load_settings(None, cwd=tmp_path).offline
    monkeypatch.setenv("NOTICE_AUDIT_OFFLINE", "0")
    assert not load_settings(None, cwd=tmp_path).offline


def test_pyproject_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.notice-audit]\nignore = ["links"]\n[tool.other]\nx = 1\n')
    settings = load_settings(None, cwd=tmp_path)
    assert settings.ignore == ("links",)
    assert settings.config_file.endswith("pyproject.toml")


def test_pyproject_without_our_table_is_not_a_config(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None


@pytest.mark.parametrize(
    "content, message",
    [
        ("fail_on: sometimes\n", "'fail_on' must be one of error, warning, never"),
        ("colour: blue\n", "unknown key 'colour'"),
        ("rules:\n  links.placeholder: loud\n", "'rules.links.placeholder' must be one of error, warning, info, off"),
        ("select: 3\n", "'select' must be a list of strings"),
        ("offline: maybe\n", "'offline' must be true or false"),
        ("max_input_mb: 0\n", "'max_input_mb' must be a whole number"),
        ("- a\n- b\n", "must be a mapping"),
        ("fail_on: [\n", "invalid YAML at line"),
        ("language: [a]\n", "'language' must be a mapping"),
        ("language:\n  spelling: on\n", "unknown key 'language.spelling'"),
        ("language:\n  words: 3\n", "'language.words' must be a list of strings"),
        ("language:\n  wordlists: [missing.txt]\n", "missing.txt, which is not a file"),
        ("language:\n  min_reading_ease: high\n", "'language.min_reading_ease' must be a number"),
        ("language:\n  max_sentence_words: 2\n", "'language.max_sentence_words' must be a whole number"),
        ("links:\n  speed: fast\n", "unknown key 'links.speed'"),
        ("law:\n  files: [missing.yaml]\n", "missing.yaml, which is not a file"),
        ("law:\n  entries: []\n", "unknown key 'law.entries'"),
        ("dates:\n  max_age: 0\n", "'dates.max_age' must be a number of months or years"),
    ],
)
def test_bad_values_name_the_key_and_the_file(tmp_path, content, message):
    config = write(tmp_path / ".notice-audit.yaml", content)
    with pytest.raises(ConfigError) as caught:
        load_settings(str(config))
    assert message in str(caught.value)
    assert str(config) in str(caught.value)


def test_explicit_config_that_does_not_exist(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(str(tmp_path / "missing.yaml"))


def audit(settings: Settings, checklist=None):
    document = parse(RawSource("n.md", NOTICE, "markdown"))
    return audit_document(document, checklist or load_checklist(settings.checklists), settings)


def test_severity_overrides_and_off(tmp_path):
    config = write(tmp_path / ".notice-audit.yaml", """
        rules:
          checklist: warning
          checklist.controller: info
          links.placeholder: off
    """)
    report = audit(load_settings(str(config)))
    by_rule = {f.rule: f.severity for f in report.findings}
    assert "links.placeholder" not in by_rule
    assert by_rule["checklist.controller"] == "info"  # the longest matching id wins
    assert by_rule["checklist.retention"] == "warning"


def test_select_and_ignore_by_prefix():
    selected = audit(Settings(select=("links",)))
    assert {f.rule for f in selected.findings} == {"links.placeholder"}
    ignored = audit(Settings(ignore=("checklist.rights", "links")))
    rules = {f.rule for f in ignored.findings}
    assert "checklist.retention" in rules and not any(r.startswith(("checklist.rights.", "links.")) for r in rules)


def test_user_checklist_adds_requirements_and_elements(tmp_path):
    extra = write(tmp_path / "our-checklist.yaml", """
        concepts:
          our_dpo_address:
            match: ["dpo@riverside\\\\.example\\\\.gov\\\\.uk"]
          cctv_signage:
            match: ["\\\\bCCTV signs?\\\\b"]
        elements:
          - id: controller
            require:
              - concept: our_dpo_address
                scope: document
                lacking: does not give our DPO's address (dpo@riverside.example.gov.uk)
          - id: cctv
            title: CCTV signage
            severity: warning
            present: [cctv_signage]
            looked_for: a statement about CCTV signs
    """)
    config = write(tmp_path / ".notice-audit.yaml", "checklists: [our-checklist.yaml]\n")
    settings = load_settings(str(config))
    assert settings.checklists == (str(extra.resolve()),)
    document = parse(RawSource("n.md", b"Riverside Borough Council is the data controller. Email info@riverside.example.gov.uk.", "markdown"))
    report = audit_document(document, load_checklist(settings.checklists), settings)
    results = {r.element.id: r for r in report.evaluation.results}
    assert results["controller"].status == "partial"
    assert "our DPO's address" in results["controller"].message
    assert results["cctv"].status == "missing"
    assert any(f.rule == "checklist.cctv" and f.severity == "warning" for f in report.findings)


@pytest.mark.parametrize(
    "content, message",
    [
        ("concepts:\n  x:\n    match: ['(unclosed']\n", "invalid pattern"),
        ("concepts:\n  x:\n    colour: red\n", "unknown key 'concepts.x.colour'"),
        ("elements:\n  - id: new\n    present: [nothing_like_this]\n", "unknown concept 'nothing_like_this'"),
        ("elements:\n  - title: no id\n", "needs an 'id'"),
        ("elements:\n  - id: new\n    present: [email_address]\n    severity: huge\n", "'elements.new.severity' must be one of"),
        ("concepts:\n  x:\n    match: ['{{no_such_term}}']\n", "unknown term 'no_such_term'"),
        ("elements:\n  - id: new\n    present: [email_address]\n    every_mention: sometimes\n", "'elements.new.every_mention' must be true or false"),
        ("concepts:\n  x:\n    match: [a]\n    heading_context: 1\n", "'concepts.x.heading_context' must be true or false"),
    ],
)
def test_bad_checklist_files(tmp_path, content, message):
    extra = write(tmp_path / "extra.yaml", content)
    with pytest.raises(ConfigError) as caught:
        load_checklist((str(extra),))
    assert message in str(caught.value) and "extra.yaml" in str(caught.value)


def test_builtin_checklist_has_every_contract_id(checklist):
    ids = {e.id for e in checklist.elements}
    assert ids == {
        "controller", "dpo", "purposes", "lawful_basis", "legitimate_interests", "special_category", "categories",
        "recipients", "transfers", "retention", "rights.access", "rights.rectification", "rights.erasure",
        "rights.restriction", "rights.objection", "rights.portability", "withdraw_consent", "complaint",
        "complaint_controller", "statutory_requirement", "automated_decisions", "source",
    }
    for element in checklist.elements:
        assert element.summary and element.explanation and element.hint and element.reference, element.id


def test_language_settings_are_read(tmp_path):
    write(tmp_path / "words.txt", "Zylotrix\n")
    config = write(
        tmp_path / ".notice-audit.yaml",
        """\
        language:
          words: [quuxify]
          wordlists: [words.txt]
          min_reading_ease: 55
          max_sentence_words: 25
        """,
    )
    language = load_settings(str(config)).language
    assert language.words == ("quuxify",)
    assert language.wordlists == (str((tmp_path / "words.txt").resolve()),)
    assert (language.min_reading_ease, language.max_sentence_words) == (55.0, 25)
