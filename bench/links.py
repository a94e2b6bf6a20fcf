"""Link-checking speed: 200 links over 10 hosts, every answer delayed 200 ms.

    python bench/links.py

Starts ten HTTP servers on 127.0.0.1 (one per "host"), writes an HTML notice linking
to 200 pages on them (10 of which are missing, so 10 must be flagged), runs
`notice-audit check` on it as a new process and prints the wall time and the number
of links flagged. When LinkChecker (Debian package `linkchecker`) is installed it
checks the same page, and the ratio of the two wall times is printed. LINKCHECKER=path
points at a LinkChecker installed elsewhere (for example `pip install linkchecker` in a
separate venv).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.linkserver import LinkServer  # noqa: E402

HOSTS = 10
LINKS_PER_HOST = 20
MISSING_PER_HOST = 1


def notice(servers: list[LinkServer]) -> str:
    items = []
    for host, server in enumerate(servers):
        for n in range(LINKS_PER_HOST):
            path = "/missing" if n < MISSING_PER_HOST else "/ok"
            items.append(f'<li><a href="{server.url(path)}?page={host}-{n}">page {host}-{n}</a></li>')
    return "<html><body><main><h1>Links</h1><ul>\n" + "\n".join(items) + "\n</ul></main></body></html>\n"


def main() -> None:
    servers = [LinkServer(delay=0.2) for _ in range(HOSTS)]
    for server in servers:
        server.__enter__()
    try:
        with tempfile.TemporaryDirectory() as folder:
            Path(folder).chmod(0o755)  # LinkChecker drops privileges and must still read the page
            page = Path(folder) / "links.html"
            page.write_text(notice(servers), encoding="utf-8")
            config = Path(folder) / ".notice-audit.yaml"
            config.write_text("links:\n  cache: false\n  retries: 0\n", encoding="utf-8")
            command = [shutil.which("notice-audit") or "notice-audit", "check", "--config", str(config), "--select", "links.broken", "--format", "json", str(page)]
            env = {k: v for k, v in os.environ.items() if k != "NOTICE_AUDIT_OFFLINE"}
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
            ours = time.perf_counter() - started
            flagged = len(json.loads(result.stdout)["notices"][0]["findings"])
            expected = HOSTS * MISSING_PER_HOST
            print(f"notice-audit: {HOSTS * LINKS_PER_HOST} links over {HOSTS} hosts, 200 ms per answer")
            print(f"  wall time {ours:.2f} s, flagged {flagged} (expected {expected}; false broken: {max(0, flagged - expected)})")
            linkchecker = os.environ.get("LINKCHECKER") or shutil.which("linkchecker")
            if linkchecker is None:
                print("LinkChecker is not installed (Debian package linkchecker): no comparison")
                return
            started = time.perf_counter()
            checked = subprocess.run(
                [linkchecker, "--check-extern", "--no-status", "--threads", "10", str(page)],
                capture_output=True, text=True, check=False,
            )
            theirs = time.perf_counter() - started
            if os.environ.get("BENCH_DEBUG"):
                print(checked.stdout[-2000:])
            summary = next((line for line in checked.stdout.splitlines() if "errors found" in line or "checked." in line), "")
            print(f"LinkChecker: wall time {theirs:.2f} s (exit {checked.returncode}; {summary.strip() or 'no summary'})")
            print(f"ratio notice-audit / LinkChecker: {ours / theirs:.2f}")
    finally:
        for server in servers:
            server.__exit__()


if __name__ == "__main__":
    main()
