"""Cold-process timing: median wall time and peak memory of whole commands.

    python bench/cold_start.py [--runs 7]

Each run is a new process (as a pre-commit hook or a CI step starts it), timed
from the outside; peak memory is the process's maximum resident set size. Commands:
`notice-audit --version`, `notice-audit rules`, `check --offline` on the Portsmouth
notice from ../shared/corpus (if present) and on a generated 10,000-word notice, and
codespell on the Portsmouth notice as a reference (when installed), with the ratio.
The cost of each additional notice in one process is `check` of 20 typical notices
less `check` of one, divided by 19.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTSMOUTH = ROOT.parent / "shared" / "corpus" / "dev" / "portsmouth-children-families.txt"
PARTS = [ROOT / "fixtures" / "same-notice" / "riverside-adult-care.md", ROOT / "fixtures" / "good" / "complete-notice.md"]


def long_notice(words: int, folder: Path) -> Path:
    """A notice of at least `words` words: the fixtures' sections, renumbered, over and over."""
    sections: list[str] = []
    count = 0
    round_number = 0
    while count < words:
        round_number += 1
        for part in PARTS:
            text = part.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
            text = text.replace("# ", f"# Part {round_number}: ", 1)
            sections.append(text)
            count += len(text.split())
    path = folder / f"notice-{words}-words.md"
    path.write_text("\n\n".join(sections), encoding="utf-8")
    return path


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    executable = shutil.which("notice-audit")
    base = [executable] if executable else [sys.executable, "-m", "notice_audit"]
    with tempfile.TemporaryDirectory() as folder:
        notices = [long_notice(10_000, Path(folder))]
        if PORTSMOUTH.exists():
            notices.insert(0, PORTSMOUTH)
        typical = sorted((ROOT / "fixtures" / "labelled").glob("*.md"))[:20]
        commands: list[tuple[str, list[str]]] = [("--version", [*base, "--version"]), ("rules", [*base, "rules"])]
        commands += [(f"check {n.name[:30]}", [*base, "check", "--offline", str(n)]) for n in notices]
        commands += [("check 1 typical notice", [*base, "check", "--offline", str(typical[0])])]
        commands += [(f"check {len(typical)} typical notices", [*base, "check", "--offline", "--jobs", "1", *map(str, typical)])]
        codespell = shutil.which("codespell")
        if codespell and PORTSMOUTH.exists():
            commands.append(("codespell (reference)", [codespell, str(PORTSMOUTH)]))
        print(f"{'command':40} {'median wall s':>14} {'min':>6} {'max':>6} {'peak MB':>8}")
        medians: dict[str, float] = {}
        for label, command in commands:
            measure(command)  # warm-up: the file cache, not the process
            runs = [measure(command) for _ in range(args.runs)]
            walls = [wall for wall, _ in runs]
            medians[label] = statistics.median(walls)
            print(f"{label[:40]:40} {medians[label]:>14.3f} {min(walls):>6.3f} {max(walls):>6.3f} {max(m for _, m in runs):>8.1f}")
        each = (medians[f"check {len(typical)} typical notices"] - medians["check 1 typical notice"]) / (len(typical) - 1)
        print(f"each additional typical notice in one process: {each * 1000:.0f} ms")
        if codespell and PORTSMOUTH.exists():
            ratio = medians[f"check {PORTSMOUTH.name[:30]}"] / medians["codespell (reference)"]
            print(f"check --offline on Portsmouth / codespell on Portsmouth: {ratio:.1f}")
        else:
            print("codespell is not installed (pip install codespell): no reference")


if __name__ == "__main__":
    main()
