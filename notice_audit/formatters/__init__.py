"""Formatters turn a Report into text for people or machines; they never judge."""

from __future__ import annotations

from collections.abc import Callable

from notice_audit.report import Report

Formatter = Callable[[Report], str]


def get_formatter(name: str) -> Formatter:
    if name == "json":
        from notice_audit.formatters.json import format_json

        return format_json
    if name == "text":
        from notice_audit.formatters.text import format_text

        return format_text
    raise ValueError(f"unknown format {name!r}")


FORMATS = ("text", "json")
