"""Checklist accuracy against labelled notices (format: ../shared/LABELING.md).

    python bench/accuracy.py ../shared/corpus/dev/labels.yaml [--verbose]

Prints, per element and overall: status accuracy, and precision / recall / F1 of
"not present" detection (missing or partial), a confusion table, and every
disagreement with the evidence the tool used.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from notice_audit.audit import audit_source
from notice_audit.checklist.model import load_checklist
from notice_audit.config import Settings
from notice_audit.errors import InputError

STATUSES = ("present", "partial", "missing", "not_applicable")
NOT_PRESENT = ("missing", "partial")


@dataclass
class Scores:
    per_element: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)
    dates: Counter[str] = field(default_factory=Counter)  # "total" and "right" for last_updated

    @property
    def total(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for counts in self.per_element.values():
            total.update(counts)
        return total


def score(labels_path: Path, verbose: bool = False) -> Scores:
    """Run the checklist over every labelled notice and compare statuses."""
    entries = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    checklist = load_checklist()
    settings = Settings(offline=True)
    scores = Scores()
    for entry in entries:
        notice = audit_source(str(labels_path.parent / entry["file"]), checklist, settings)
        results = {r.element.id: r for r in notice.evaluation.results}
        if "last_updated" in entry:
            expected_date = str(entry["last_updated"]) if entry["last_updated"] else None
            got_date = notice.last_updated.isoformat() if notice.last_updated else None
            scores.dates["total"] += 1
            scores.dates["right"] += got_date == expected_date
            if got_date != expected_date:
                scores.disagreements.append(f"{entry['file']}: last_updated: labelled {expected_date}, tool {got_date}")
        for element_id, expected in entry["elements"].items():
            result = results.get(element_id)
            if result is None:
                continue
            got = result.status
            scores.confusion[(expected, got)] += 1
            counts = scores.per_element[element_id]
            counts["total"] += 1
            counts["right"] += got == expected
            expected_flag, got_flag = expected in NOT_PRESENT, got in NOT_PRESENT
            counts["tp"] += expected_flag and got_flag
            counts["fp"] += got_flag and not expected_flag
            counts["fn"] += expected_flag and not got_flag
            if got != expected:
                evidence = result.evidence[0] if result.evidence else None
                where = f" [{evidence.location}] {evidence.text[:110]}" if evidence and verbose else ""
                scores.disagreements.append(f"{entry['file']}: {element_id}: labelled {expected}, tool {got}{where}")
    return scores


def figures(counts: Counter[str]) -> tuple[float, float, float, float]:
    """Accuracy of status, and precision, recall and F1 of not-present detection."""
    precision = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    recall = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return _ratio(counts["right"], counts["total"]), precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels")
    parser.add_argument("--verbose", action="store_true", help="show the evidence for every disagreement")
    args = parser.parse_args()
    try:
        scores = score(Path(args.labels), args.verbose)
    except (OSError, yaml.YAMLError, InputError, KeyError, TypeError) as error:
        print(f"bench/accuracy.py: {args.labels}: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    print(f"{'element':24} {'n':>3} {'accuracy':>8} {'precision':>9} {'recall':>7} {'F1':>6}")
    for element_id, counts in scores.per_element.items():
        print(_row(element_id, counts))
    print(_row("OVERALL", scores.total))
    print("\nconfusion (rows: labelled, columns: tool)")
    print(" " * 16 + "".join(f"{s:>15}" for s in STATUSES))
    for expected in STATUSES:
        print(f"{expected:16}" + "".join(f"{scores.confusion[(expected, got)]:>15}" for got in STATUSES))
    if scores.dates["total"]:
        print(f"\nlast_updated right in {scores.dates['right']} of {scores.dates['total']} notices")
    print(f"\n{len(scores.disagreements)} disagreements")
    for line in scores.disagreements:
        print("  " + line)
    return 0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _row(name: str, counts: Counter[str]) -> str:
    accuracy, precision, recall, f1 = figures(counts)
    return f"{name:24} {counts['total']:>3} {accuracy:>8.3f} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}"


if __name__ == "__main__":
    sys.exit(main())
