"""The rule registry: every rule's id, severity, summary, explanation, reference and fix hint.

Checklist rules (`checklist.<element>`) come from the checklist data; quality
rules are modules listed in `QUALITY_RULES`, each with a `RULE` and a `check`.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from notice_audit.rules import (
    meta_input_limit,
    meta_unused_suppression,
    law_outdated,
    dates_future,
    dates_missing,
    dates_stale,
    style_readability,
    links_broken,
    links_fragment,
    links_insecure,
    links_mailto,
    links_placeholder,
    links_tel,
    typos_agreement,
    typos_placeholder,
    typos_punctuation,
    typos_repeated,
    typos_spelling,
    typos_us_spelling,
)
from notice_audit.rules.base import Rule, matches_any

__all__ = ["QUALITY_RULES", "Rule", "all_rules", "checklist_rules", "find_rule", "matches_any"]

if TYPE_CHECKING:
    from notice_audit.checklist.model import Checklist


QUALITY_RULES: tuple[ModuleType, ...] = (
    links_placeholder,
    links_broken,
    links_fragment,
    links_mailto,
    links_tel,
    links_insecure,
    typos_spelling,
    typos_us_spelling,
    typos_repeated,
    typos_agreement,
    typos_punctuation,
    typos_placeholder,
    style_readability,
    dates_missing,
    dates_stale,
    dates_future,
    law_outdated,
    meta_input_limit,
)


def checklist_rules(checklist: Checklist) -> list[Rule]:
    return [
        Rule(
            id=element.rule_id,
            severity=element.severity,
            summary=element.summary or element.title,
            explanation=element.explanation,
            reference=element.reference,
            hint=element.hint,
            example=f"Looks for: {element.looked_for}.",
        )
        for element in checklist.elements
    ]


def all_rules(checklist: Checklist) -> list[Rule]:
    return checklist_rules(checklist) + [module.RULE for module in QUALITY_RULES] + [meta_unused_suppression.RULE]


def find_rule(rule_id: str, checklist: Checklist) -> Rule | None:
    return next((rule for rule in all_rules(checklist) if rule.id == rule_id), None)
