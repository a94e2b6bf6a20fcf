"""Batch audits: notices per second and peak memory for 10, 100 and 1,000 notices, with 1 and 2 jobs.

    python bench/batch.py [--sizes 10,100,1000] [--jobs 1,2]

Generates N notices from the fixtures (Markdown, HTML, text and template notices of
varied sizes, each copy given its own heading so no two are identical), then times
`notice-audit check --offline --format json --jobs J FOLDER` as a new process. Peak
memory is the largest total proportional set size (PSS: shared pages counted once) of
the process and its workers, sampled every 20 ms from /proc.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p for folder in ("labelled", "same-notice", "good", "language") for p in (ROOT / "fixtures" / folder).glob("*")
    if p.suffix in (".md", ".html", ".txt", ".njk", ".erb", ".hbs") and p.name != "typos-notice.md"
)


def make_notices(folder: Path, count: int) -> int:
    words = 0
    for index in range(count):
        source = SOURCES[index % len(SOURCES)]
        text = source.read_text(encoding="utf-8")
        marker = f"<!-- copy {index} -->\n" if source.suffix in (".html", ".njk", ".erb", ".hbs", ".md") else ""
        target = folder / f"{index:05d}-privacy-{source.name}"
        target.write_text(marker + text, encoding="utf-8")
        words += len(text.split())
    return words


def _tree_rss_kb(pid: int) -> int:
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            # Proportional set size: pages the forked workers share with the parent count once.
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending += [int(child) for child in children]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(folder: Path, jobs: int) -> tuple[float, float, int]:
    command = [sys.executable, "-m", "notice_audit", "check", "--offline", "--format", "json", "--jobs", str(jobs), str(folder)]
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode == 2:
        sys.exit(err.decode()[-2000:])
    audited = len(json.loads(out)["notices"])
    return wall, peak / 1024, audited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"{'notices':>8} {'words':>9} {'jobs':>5} {'wall s':>8} {'notices/s':>10} {'per core':>9} {'peak MB':>8}")
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix="notice-batch-"))
        try:
            words = make_notices(folder, size)
            for job in jobs:
                wall, peak, audited = measure(folder, job)
                if audited != size:
                    sys.exit(f"audited {audited} of {size} notices")
                rate = size / wall
                print(f"{size:>8} {words:>9} {job:>5} {wall:>8.2f} {rate:>10.1f} {rate / job:>9.1f} {peak:>8.0f}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
