"""Settings: defaults, then `.notice-audit.yaml` (or `[tool.notice-audit]` in pyproject.toml), then the command line."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from notice_audit.errors import ConfigError, config_section
from notice_audit.language.settings import LanguageSettings, parse_language_settings
from notice_audit.linkcheck.settings import LinkSettings, parse_link_settings
from notice_audit.yamlio import load_yaml

CONFIG_NAMES = (".notice-audit.yaml", ".notice-audit.yml")
FAIL_ON = ("error", "warning", "never")
SEVERITY_SETTINGS = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Settings:
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: dict[str, str] = field(default_factory=dict)  # rule id or prefix -> severity or "off"
    checklists: tuple[str, ...] = ()
    offline: bool = False
    max_input_mb: int = 20
    links: LinkSettings = field(default_factory=LinkSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    max_age_months: int = 12  # a notice's date older than this is stale (dates.stale)
    today: date | None = None  # the date staleness and the law knowledge base are measured at; None: today
    law_files: tuple[str, ...] = ()  # the user's own outdated-law knowledge-base files
    config_file: str | None = None

    @property
    def run_date(self) -> date:
        return self.today or date.today()

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest config file in `start` or a parent folder."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    table = data.get("tool", {}).get("notice-audit")
    return table if isinstance(table, dict) else None


def load_settings(config: str | None, cwd: Path | None = None) -> Settings:
    settings = _load(config, cwd)
    # NOTICE_AUDIT_OFFLINE=1 keeps a whole CI job or test run off the network.
    if os.environ.get("NOTICE_AUDIT_OFFLINE", "").strip().lower() in ("1", "true", "yes"):
        settings = replace(settings, offline=True)
    return settings


def _load(config: str | None, cwd: Path | None) -> Settings:
    path = Path(config) if config else find_config((cwd or Path.cwd()).resolve())
    if path is None:
        return Settings()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        data = _pyproject_table(path) or {}
    else:
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise ConfigError(f"{path}: invalid YAML{f' at line {mark.line + 1}' if mark else ''}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read ({error})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values")
    return _settings(data, path)


_KEYS = {"fail_on", "select", "ignore", "rules", "checklists", "offline", "max_input_mb", "links", "language", "dates", "law"}


def _settings(data: dict[str, Any], path: Path) -> Settings:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(_KEYS))})")
    fail_on = data.get("fail_on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: 'fail_on' must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError(f"{path}: 'rules' must map rule ids to a severity or off")
    severities: dict[str, str] = {}
    for rule_id, value in rules.items():
        value = "off" if value is False else value
        if value not in SEVERITY_SETTINGS:
            raise ConfigError(f"{path}: 'rules.{rule_id}' must be one of {', '.join(SEVERITY_SETTINGS)}, not {value!r}")
        severities[str(rule_id)] = str(value)
    offline = data.get("offline", False)
    if not isinstance(offline, bool):
        raise ConfigError(f"{path}: 'offline' must be true or false")
    max_mb = data.get("max_input_mb", 20)
    if not isinstance(max_mb, int) or isinstance(max_mb, bool) or max_mb < 1:
        raise ConfigError(f"{path}: 'max_input_mb' must be a whole number of megabytes (1 or more)")
    checklists = tuple(str((path.parent / c).resolve()) for c in _strings(data, "checklists", path))
    return Settings(
        fail_on=fail_on,
        select=_strings(data, "select", path),
        ignore=_strings(data, "ignore", path),
        severities=severities,
        checklists=checklists,
        offline=offline,
        max_input_mb=max_mb,
        links=parse_link_settings(data.get("links"), path),
        language=parse_language_settings(data.get("language"), path),
        max_age_months=_max_age(config_section(data.get("dates"), path, "dates", {"max_age"}), path),
        law_files=_law_files(config_section(data.get("law"), path, "law", {"files"}), path),
        config_file=str(path),
    )


def _strings(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


_AGE = re.compile(r"^\s*(\d+)\s*(months?|years?|y|m)?\s*$", re.IGNORECASE)


def parse_max_age(value: Any, where: str) -> int:
    """Months from `12`, `"18 months"` or `"2 years"`."""
    match = _AGE.match(str(value)) if not isinstance(value, bool) else None
    if match is None or int(match.group(1)) < 1:
        raise ConfigError(f"{where}: 'dates.max_age' must be a number of months or years, e.g. 12, '18 months' or '2 years'")
    unit = (match.group(2) or "m").lower()
    return int(match.group(1)) * (12 if unit.startswith("y") else 1)


def _max_age(section: dict | None, path: Path) -> int:
    return 12 if not section or "max_age" not in section else parse_max_age(section["max_age"], str(path))


def _law_files(section: dict | None, path: Path) -> tuple[str, ...]:
    files = _strings(section or {}, "files", path)
    resolved = tuple(str((path.parent / name).resolve()) for name in files)
    for name in resolved:
        if not Path(name).is_file():
            raise ConfigError(f"{path}: 'law.files' names {name}, which is not a file")
    return resolved


def parse_today(value: str) -> date:
    """The --today option: an ISO date."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--today must be a date written YYYY-MM-DD, not {value!r}") from None
