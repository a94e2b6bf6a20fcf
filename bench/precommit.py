"""The pre-commit path: one offline `check` of 20 changed notices in one process.

    python bench/precommit.py

Copies 20 typical notices (the corpus and fixture notices, in Markdown, HTML, text and
templates) into a scratch git repository, changes them, and times
`notice-audit check --offline --changed` as a new process (what the commit-stage hook
runs), five times. Prints the median and fastest wall time.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
NOTICES = 20
RUNS = 5


def notices() -> list[Path]:
    found = sorted(p for p in CORPUS.glob("*") if p.suffix in (".md", ".html", ".txt", ".njk", ".ejs"))
    found += sorted((ROOT / "fixtures" / "labelled").glob("*.md"))
    return found[:NOTICES]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def main() -> None:
    chosen = notices()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        git(folder, "init", "-q", "-b", "main")
        git(folder, "config", "user.email", "bench@example.org")
        git(folder, "config", "user.name", "Bench")
        (folder / "notices").mkdir()
        for path in chosen:
            shutil.copy(path, folder / "notices" / path.name)
        git(folder, "add", ".")
        git(folder, "commit", "-q", "-m", "notices")
        for path in (folder / "notices").iterdir():
            path.write_text(path.read_text(encoding="utf-8") + "\n\nWe updated this notice.\n", encoding="utf-8")
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in (folder / "notices").iterdir())
        command = [sys.executable, "-m", "notice_audit", "check", "--offline", "--changed", "--format", "json", "notices"]
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - started)
            if result.returncode == 2:
                sys.exit(result.stderr)
        print(f"{len(chosen)} changed notices ({words} words), offline check in one process, {RUNS} runs")
        print(f"  wall time: median {statistics.median(times):.2f} s, fastest {min(times):.2f} s")


if __name__ == "__main__":
    main()
