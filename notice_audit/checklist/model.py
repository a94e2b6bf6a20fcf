"""The checklist as data: loading, validating and merging checklist YAML files.

The built-in checklist is `checks/uk-gdpr.yaml`; a user's checklist file has the
same shape and is merged over it: new concepts and elements are added; for an
existing concept, its `match`, `include` and `unless` lists grow; for an existing
element, `present`, `partial`, `incidental`, `trigger` and `require` grow and any
other key given replaces the built-in value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from notice_audit.errors import ConfigError
from notice_audit.yamlio import load_yaml

SEVERITIES = ("error", "warning", "info")
STATUSES = ("present", "partial", "missing", "not_applicable")
SCOPES = ("sentence", "block", "row", "section", "document")
BUILTIN = "uk-gdpr.yaml"

_CONCEPT_KEYS = {
    "match", "include", "and", "exclude", "unless", "unless_anywhere", "in_section", "in_column", "link", "heading_context",
    "title_beside", "page_chrome", "description",
}
_ELEMENT_KEYS = {
    "id", "title", "articles", "reference", "severity", "severity_article13_only", "summary", "explanation",
    "looked_for", "present", "partial", "incidental", "trigger", "when_absent", "articles_required",
    "partial_message", "hint", "require", "every_mention",
}
_TOP_KEYS = {"name", "title", "terms", "concepts", "articles", "elements"}
_RULE_KEYS = {"concept", "with", "scope", "lacking"}


@dataclass(frozen=True)
class Concept:
    name: str
    patterns: tuple[re.Pattern[str], ...] = ()
    include: tuple[str, ...] = ()
    all_of: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # concepts that, matching too, cancel this one
    unless_anywhere: tuple[str, ...] = ()  # concepts that, matching anywhere in the notice, cancel this one
    unless: tuple[re.Pattern[str], ...] = ()
    in_section: tuple[re.Pattern[str], ...] = ()
    in_column: tuple[re.Pattern[str], ...] = ()  # the header of the table column the sentence stands in
    link: tuple[re.Pattern[str], ...] = ()
    heading_context: bool = False  # match the sentence read together with its heading
    # a sentence naming the body the notice's title names beside words matching these ('Privacy | ShelterBox')
    title_beside: tuple[re.Pattern[str], ...] = ()
    page_chrome: bool = False  # may match in the page's header and footer, not only in the notice's text


@dataclass(frozen=True)
class EvidenceRule:
    """Sentences matching `concept` are evidence; with `with_` concepts found in `scope`, enough for present."""

    concept: str
    with_: tuple[str, ...] = ()
    scope: str = "sentence"
    lacking: str = ""


@dataclass(frozen=True)
class Element:
    id: str
    title: str
    articles: tuple[str, ...]
    reference: str
    severity: str
    summary: str
    explanation: str
    looked_for: str
    hint: str
    present: tuple[EvidenceRule, ...] = ()
    partial: tuple[str, ...] = ()
    incidental: tuple[str, ...] = ()
    trigger: tuple[str, ...] = ()
    require: tuple[EvidenceRule, ...] = ()
    when_absent: str = "missing"
    articles_required: tuple[str, ...] = ()
    severity_article13_only: str | None = None
    partial_message: str = ""
    # Every sentence a `present` rule finds must meet that rule: one mention of data going abroad
    # without its safeguard makes the element partial however many others are covered.
    every_mention: bool = False
    # The user checklist files it was loaded with: batch workers send an element back as a reference.
    checklist_files: tuple[str, ...] | None = field(default=None, compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.checklist_files is None:
            return (Element, tuple(getattr(self, f.name) for f in fields(self)))
        return (_loaded_element, (self.checklist_files, self.id))

    @property
    def rule_id(self) -> str:
        return f"checklist.{self.id}"

    @property
    def conditional(self) -> bool:
        return bool(self.trigger)


@dataclass
class Checklist:
    name: str
    title: str
    concepts: dict[str, Concept]
    elements: list[Element]
    articles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


def builtin_path() -> Path:
    return Path(str(resources.files("notice_audit.checks").joinpath(BUILTIN)))


@lru_cache(maxsize=8)
def load_checklist(extra_files: tuple[str, ...] = (), patterns: bool = True) -> Checklist:
    """The built-in checklist with the user's checklist files merged over it, validated.

    With patterns=False the regular expressions are not compiled (`rules` and `rule` only
    describe the elements, and compiling is most of the cost of loading)."""
    raw = _read(builtin_path())
    for path in extra_files:
        raw = _merge(raw, _read(Path(path)), path)
    _COMPILING[0] = patterns
    try:
        checklist = _build(raw, (str(builtin_path()), *extra_files))
    finally:
        _COMPILING[0] = True
    checklist.elements = [replace(element, checklist_files=extra_files) for element in checklist.elements]
    return checklist


def _loaded_element(extra_files: tuple[str, ...], element_id: str) -> Element:
    return next(element for element in load_checklist(extra_files).elements if element.id == element_id)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: checklist file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read checklist file ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}: invalid YAML{where}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a checklist file must be a mapping with 'concepts' and 'elements'")
    _check_keys(data, _TOP_KEYS, str(path), "")
    data["_file"] = str(path)
    return data


def _check_keys(data: dict[str, Any], allowed: set[str], file: str, where: str) -> None:
    unknown = sorted(set(data) - allowed - {"_file"})
    if unknown:
        raise ConfigError(f"{file}: unknown key '{where}{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")


_GROWING_CONCEPT = ("match", "include", "unless", "and", "exclude", "unless_anywhere", "in_section", "in_column", "link", "title_beside")
_GROWING_ELEMENT = ("present", "partial", "incidental", "trigger", "require")


def _merge(base: dict[str, Any], extra: dict[str, Any], path: str) -> dict[str, Any]:
    merged = {**base}
    merged["terms"] = {**base.get("terms", {}), **(extra.get("terms") or {})}
    concepts = {name: dict(spec or {}) for name, spec in base.get("concepts", {}).items()}
    for name, spec in (extra.get("concepts") or {}).items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: concept '{name}' must be a mapping")
        current = concepts.setdefault(name, {})
        current["_file"] = path  # errors in this concept are now the user file's to fix
        _grow(current, spec, _GROWING_CONCEPT, path, f"concepts.{name}")
    merged["concepts"] = concepts
    elements = [dict(e) for e in base.get("elements", [])]
    by_id = {e.get("id"): e for e in elements}
    for spec in extra.get("elements") or []:
        if not isinstance(spec, dict) or "id" not in spec:
            raise ConfigError(f"{path}: every entry of 'elements' needs an 'id'")
        current = by_id.get(spec["id"])
        if current is None:
            elements.append({**spec, "_file": path})
            by_id[spec["id"]] = elements[-1]
            continue
        _grow(current, spec, _GROWING_ELEMENT, path, f"elements.{spec['id']}")
    merged["elements"] = elements
    merged["articles"] = {**base.get("articles", {}), **(extra.get("articles") or {})}
    return merged


def _grow(current: dict[str, Any], spec: dict[str, Any], growing: tuple[str, ...], path: str, where: str) -> None:
    """Merge a user's entry into a built-in one: listed keys grow, the others are replaced."""
    for key, value in spec.items():
        if key in growing:
            current[key] = list(current.get(key) or []) + _as_list(value, path, f"{where}.{key}")
        else:
            current[key] = value


def _as_list(value: Any, file: str, where: str) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, (str, dict)):
        return [value]
    raise ConfigError(f"{file}: '{where}' must be a list")


def _build(raw: dict[str, Any], files: tuple[str, ...]) -> Checklist:
    file = raw.get("_file", files[-1])
    terms = {str(k): str(v) for k, v in (raw.get("terms") or {}).items()}
    concepts_raw = raw.get("concepts") or {}
    if not isinstance(concepts_raw, dict):
        raise ConfigError(f"{file}: 'concepts' must be a mapping")
    concepts = {
        name: _concept(name, spec or {}, terms, (spec or {}).get("_file", file) if isinstance(spec, dict) else file)
        for name, spec in concepts_raw.items()
    }
    for concept in concepts.values():
        for reference in (*concept.include, *concept.all_of, *concept.exclude, *concept.unless_anywhere):
            if reference not in concepts:
                raise ConfigError(f"{file}: concept '{concept.name}' refers to unknown concept '{reference}'")
    elements: list[Element] = []
    seen: set[str] = set()
    for spec in raw.get("elements") or []:
        element = _element(spec, concepts, spec.get("_file", file))
        if element.id in seen:
            raise ConfigError(f"{file}: element '{element.id}' is defined twice")
        seen.add(element.id)
        elements.append(element)
    articles = {}
    for article, names in (raw.get("articles") or {}).items():
        articles[str(article)] = tuple(_known(names, concepts, file, f"articles.{article}"))
    return Checklist(str(raw.get("name", "checklist")), str(raw.get("title", "")), concepts, elements, articles, files)


_COMPILING = [True]  # switched off while load_checklist(patterns=False) builds


def _patterns(values: Any, terms: dict[str, str], file: str, where: str) -> tuple[re.Pattern[str], ...]:
    """The patterns compiled as one alternation: one search instead of many, and one compile."""
    texts = []
    for value in _as_list(values or [], file, where):
        text = str(value)
        for _ in range(3):  # terms may use terms
            text = re.sub(r"\{\{(\w+)\}\}", lambda m: terms.get(m.group(1), m.group(0)), text)
        unknown = re.search(r"\{\{(\w+)\}\}", text)
        if unknown:
            raise ConfigError(f"{file}: '{where}' uses unknown term '{unknown.group(1)}'")
        texts.append((value, text))
    if not texts or not _COMPILING[0]:
        return ()
    try:
        return (re.compile("|".join(f"(?:{text})" for _, text in texts), re.IGNORECASE),)
    except re.error:
        pass  # find the culprit, or patterns with global inline flags that cannot be joined
    compiled = []
    for value, text in texts:
        try:
            compiled.append(re.compile(text, re.IGNORECASE))
        except re.error as error:
            raise ConfigError(f"{file}: '{where}' has an invalid pattern {value!r} ({error})") from None
    return tuple(compiled)


def _flag(value: Any, file: str, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{file}: '{where}' must be true or false")
    return value


def _concept(name: str, spec: dict[str, Any], terms: dict[str, str], file: str) -> Concept:
    if not isinstance(spec, dict):
        raise ConfigError(f"{file}: concept '{name}' must be a mapping")
    _check_keys(spec, _CONCEPT_KEYS, file, f"concepts.{name}.")
    return Concept(
        name=name,
        patterns=_patterns(spec.get("match"), terms, file, f"concepts.{name}.match"),
        include=tuple(str(v) for v in _as_list(spec.get("include") or [], file, f"concepts.{name}.include")),
        all_of=tuple(str(v) for v in _as_list(spec.get("and") or [], file, f"concepts.{name}.and")),
        exclude=tuple(str(v) for v in _as_list(spec.get("exclude") or [], file, f"concepts.{name}.exclude")),
        unless_anywhere=tuple(str(v) for v in _as_list(spec.get("unless_anywhere") or [], file, f"concepts.{name}.unless_anywhere")),
        unless=_patterns(spec.get("unless"), terms, file, f"concepts.{name}.unless"),
        in_section=_patterns(spec.get("in_section"), terms, file, f"concepts.{name}.in_section"),
        in_column=_patterns(spec.get("in_column"), terms, file, f"concepts.{name}.in_column"),
        link=_patterns(spec.get("link"), terms, file, f"concepts.{name}.link"),
        heading_context=_flag(spec.get("heading_context", False), file, f"concepts.{name}.heading_context"),
        page_chrome=_flag(spec.get("page_chrome", False), file, f"concepts.{name}.page_chrome"),
        title_beside=_patterns(spec.get("title_beside"), terms, file, f"concepts.{name}.title_beside"),
    )


def _known(names: Any, concepts: dict[str, Concept], file: str, where: str) -> list[str]:
    result = [str(n) for n in _as_list(names or [], file, where)]
    for name in result:
        if name not in concepts:
            raise ConfigError(f"{file}: '{where}' refers to unknown concept '{name}'")
    return result


def _rules(values: Any, concepts: dict[str, Concept], file: str, where: str) -> tuple[EvidenceRule, ...]:
    rules = []
    for index, value in enumerate(_as_list(values or [], file, where)):
        if isinstance(value, str):
            value = {"concept": value}
        if not isinstance(value, dict):
            raise ConfigError(f"{file}: '{where}[{index}]' must be a concept name or a mapping")
        _check_keys(value, _RULE_KEYS, file, f"{where}[{index}].")
        scope = str(value.get("scope", "sentence"))
        if scope not in SCOPES:
            raise ConfigError(f"{file}: '{where}[{index}].scope' must be one of {', '.join(SCOPES)}, not {scope!r}")
        concept = _known(value.get("concept"), concepts, file, f"{where}[{index}].concept")
        if len(concept) != 1:
            raise ConfigError(f"{file}: '{where}[{index}].concept' must name one concept")
        rules.append(EvidenceRule(concept[0], tuple(_known(value.get("with"), concepts, file, f"{where}[{index}].with")), scope, str(value.get("lacking", ""))))
    return tuple(rules)


def _element(spec: Any, concepts: dict[str, Concept], file: str) -> Element:
    if not isinstance(spec, dict) or not spec.get("id"):
        raise ConfigError(f"{file}: every entry of 'elements' needs an 'id'")
    element_id = str(spec["id"])
    where = f"elements.{element_id}"
    _check_keys(spec, _ELEMENT_KEYS, file, f"{where}.")
    for key in ("severity", "severity_article13_only"):
        if key in spec and spec[key] not in SEVERITIES:
            raise ConfigError(f"{file}: '{where}.{key}' must be one of {', '.join(SEVERITIES)}, not {spec[key]!r}")
    when_absent = str(spec.get("when_absent", "missing"))
    if when_absent not in ("missing", "partial"):
        raise ConfigError(f"{file}: '{where}.when_absent' must be missing or partial")
    articles = tuple(str(a) for a in _as_list(spec.get("articles") or [], file, f"{where}.articles"))
    reference = str(spec.get("reference") or ("UK GDPR Art " + ", ".join(articles) if articles else ""))
    element = Element(
        id=element_id,
        title=str(spec.get("title", element_id)),
        articles=articles,
        reference=reference,
        severity=str(spec.get("severity", "error")),
        summary=str(spec.get("summary", "")),
        explanation=str(spec.get("explanation", "")),
        looked_for=str(spec.get("looked_for", spec.get("title", element_id))),
        hint=str(spec.get("hint", "")),
        present=_rules(spec.get("present"), concepts, file, f"{where}.present"),
        partial=tuple(_known(spec.get("partial"), concepts, file, f"{where}.partial")),
        incidental=tuple(_known(spec.get("incidental"), concepts, file, f"{where}.incidental")),
        trigger=tuple(_known(spec.get("trigger"), concepts, file, f"{where}.trigger")),
        require=_rules(spec.get("require"), concepts, file, f"{where}.require"),
        when_absent=when_absent,
        articles_required=tuple(str(a) for a in _as_list(spec.get("articles_required") or [], file, f"{where}.articles_required")),
        severity_article13_only=spec.get("severity_article13_only"),
        partial_message=str(spec.get("partial_message", "")),
        every_mention=_flag(spec.get("every_mention", False), file, f"{where}.every_mention"),
    )
    if not element.present:
        raise ConfigError(f"{file}: '{where}.present' must name at least one concept")
    return element
