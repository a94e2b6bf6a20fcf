"""Language settings: the `language:` section of `.notice-audit.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from notice_audit.errors import ConfigError, config_section


@dataclass(frozen=True)
class LanguageSettings:
    words: tuple[str, ...] = ()  # extra words the spelling check accepts
    wordlists: tuple[str, ...] = ()  # files of extra words, one a line (# starts a comment)
    min_reading_ease: float = 30.0  # Flesch reading ease below this is reported (0-100, higher is easier)
    max_sentence_words: int = 40  # a sentence longer than this is reported


_KEYS = {"words", "wordlists", "min_reading_ease", "max_sentence_words"}


def parse_language_settings(data: Any, path: Path) -> LanguageSettings:
    data = config_section(data, path, "language", _KEYS)
    if data is None:
        return LanguageSettings()
    values: dict[str, Any] = {}
    for key in ("words", "wordlists"):
        if key in data:
            items = data[key]
            if isinstance(items, str):
                items = [items]
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise ConfigError(f"{path}: 'language.{key}' must be a list of strings")
            values[key] = tuple(str((path.parent / item).resolve()) for item in items) if key == "wordlists" else tuple(items)
    for wordlist in values.get("wordlists", ()):
        if not Path(wordlist).is_file():
            raise ConfigError(f"{path}: 'language.wordlists' names {wordlist}, which is not a file")
    if "min_reading_ease" in data:
        value = data["min_reading_ease"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -100 <= value <= 121:
            raise ConfigError(f"{path}: 'language.min_reading_ease' must be a number (a Flesch score, usually 0 to 100)")
        values["min_reading_ease"] = float(value)
    if "max_sentence_words" in data:
        value = data["max_sentence_words"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 5:
            raise ConfigError(f"{path}: 'language.max_sentence_words' must be a whole number (5 or more)")
        values["max_sentence_words"] = value
    return LanguageSettings(**values)
