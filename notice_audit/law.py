"""The outdated-law knowledge base: `checks/outdated-law.yaml` and the user's own files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from notice_audit.errors import ConfigError
from notice_audit.yamlio import load_yaml

BUILTIN = "outdated-law.yaml"
_REQUIRED = ("id", "title", "match", "since", "severity", "why", "hint", "source")
_OPTIONAL = ("links", "requires", "unless", "unless_document", "examples")
_SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class OutdatedReference:
    id: str
    title: str
    match: tuple[re.Pattern[str], ...]
    links: tuple[re.Pattern[str], ...]
    requires: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    unless_document: tuple[re.Pattern[str], ...]
    since: date
    severity: str
    why: str
    hint: str
    source: str
    outdated_examples: tuple[str, ...] = ()  # sentences the entry must report (the tests run them)
    current_examples: tuple[str, ...] = ()  # sentences it must not

    def applies_on(self, day: date) -> bool:
        return day >= self.since

    def sentence_hit(self, text: str) -> re.Match[str] | None:
        """The match in `text` when it relies on this reference (not a historical mention)."""
        hit = next((m for pattern in self.match for m in [pattern.search(text)] if m), None)
        if hit is None:
            return None
        if self.requires and not any(p.search(text) for p in self.requires):
            return None
        if any(p.search(text) for p in self.unless):
            return None
        return hit


def _patterns(values: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not values:
        raise ConfigError(f"{where}: must be a list of regular expressions")
    compiled = []
    for value in values:
        try:
            compiled.append(re.compile(str(value), re.IGNORECASE))
        except re.error as error:
            raise ConfigError(f"{where}: invalid regular expression {value!r} ({error})") from None
    return tuple(compiled)


def _entry(data: Any, file: str, index: int) -> OutdatedReference:
    where = f"{file}: entries[{index}]"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each entry must be a mapping")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise ConfigError(f"{where}: missing key '{missing[0]}'")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'")
    where = f"{file}: entry '{data['id']}'"
    since = data["since"]
    if isinstance(since, str):
        try:
            since = date.fromisoformat(since)
        except ValueError:
            since = None
    if not isinstance(since, date):
        raise ConfigError(f"{where}: 'since' must be a date written YYYY-MM-DD")
    if data["severity"] not in _SEVERITIES:
        raise ConfigError(f"{where}: 'severity' must be one of {', '.join(_SEVERITIES)}")
    return OutdatedReference(
        id=str(data["id"]),
        title=str(data["title"]),
        match=_patterns(data["match"], f"{where}.match"),
        links=_patterns(data.get("links"), f"{where}.links"),
        requires=_patterns(data.get("requires"), f"{where}.requires"),
        unless=_patterns(data.get("unless"), f"{where}.unless"),
        unless_document=_patterns(data.get("unless_document"), f"{where}.unless_document"),
        since=since,
        severity=str(data["severity"]),
        why=" ".join(str(data["why"]).split()),
        hint=" ".join(str(data["hint"]).split()),
        source=" ".join(str(data["source"]).split()),
        outdated_examples=_examples(data, "outdated", where),
        current_examples=_examples(data, "current", where),
    )


def _examples(data: dict[str, Any], kind: str, where: str) -> tuple[str, ...]:
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"outdated", "current"}:
        raise ConfigError(f"{where}: 'examples' must have 'outdated' and 'current' lists")
    values = examples.get(kind) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}: 'examples.{kind}' must be a list of sentences")
    return tuple(values)


def _read(text: str, file: str) -> list[OutdatedReference]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(f"{file}: invalid YAML{f' at line {mark.line + 1}' if mark else ''}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{file}: an outdated-law file needs a list under 'entries'")
    return [_entry(item, file, index) for index, item in enumerate(data["entries"])]


@lru_cache(maxsize=8)
def knowledge_base(extra_files: tuple[str, ...] = ()) -> tuple[OutdatedReference, ...]:
    """The built-in entries, then the user's (an entry with a built-in id replaces it)."""
    builtin = resources.files("notice_audit.checks").joinpath(BUILTIN)
    entries = {entry.id: entry for entry in _read(builtin.read_text(encoding="utf-8"), BUILTIN)}
    for file in extra_files:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{file}: cannot read ({error})") from None
        entries.update({entry.id: entry for entry in _read(text, file)})
    return tuple(entries.values())
