"""Cold-process timing of `notice-audit check --offline`: median wall time and peak memory.

    python bench/cold_start.py [--runs 7]

Each run is a new process (as a pre-commit hook or a CI step starts it), timed
from the outside; peak memory is the process's maximum resident set size.
Notices: the Portsmouth notice from ../shared/corpus (if present) and a generated
10,000-word notice built from the fixtures.
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
        print(f"{'notice':40} {'words':>6} {'median wall s':>14} {'min':>6} {'max':>6} {'peak MB':>8}")
        for notice in notices:
            command = [*base, "check", "--offline", str(notice)]
            measure(command)  # warm-up: the file cache, not the process
            runs = [measure(command) for _ in range(args.runs)]
            walls = [wall for wall, _ in runs]
            words = len(notice.read_text(encoding="utf-8").split())
            print(
                f"{notice.name[:40]:40} {words:>6} {statistics.median(walls):>14.3f} {min(walls):>6.3f} "
                f"{max(walls):>6.3f} {max(m for _, m in runs):>8.1f}"
            )


if __name__ == "__main__":
    main()
