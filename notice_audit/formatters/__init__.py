"""Formatters turn a Report into text for people or machines; they never judge."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator

from notice_audit.report import Report

Formatter = Callable[[Report], str]

# name -> (module, function)
_FORMATTERS = {
    "text": ("text", "format_text"),
    "json": ("json", "format_json"),
    "sarif": ("sarif", "format_sarif"),
    "junit": ("junit", "format_junit"),
    "github": ("github", "format_github"),
    "gitlab": ("gitlab", "format_gitlab"),
    "markdown": ("markdown", "format_markdown"),
    "html": ("html", "format_html"),
}
FORMATS = (*_FORMATTERS, "auto")


def resolve(name: str) -> str:
    """`auto` is `github` inside GitHub Actions and `text` elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def get_chunks(name: str) -> Callable[[Report], Iterator[str]]:
    """A formatter that yields its output in pieces (large batches), or one piece."""
    name = resolve(name)
    if name == "json":
        from notice_audit.formatters.json import json_chunks

        return json_chunks
    formatter = get_formatter(name)
    return lambda report: iter([formatter(report)])


def get_formatter(name: str) -> Formatter:
    name = resolve(name)
    if name not in _FORMATTERS:
        raise ValueError(f"unknown format {name!r}")
    module, function = _FORMATTERS[name]
    return getattr(importlib.import_module(f"notice_audit.formatters.{module}"), function)
