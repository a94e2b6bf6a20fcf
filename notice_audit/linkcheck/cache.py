"""A small on-disk cache of links that worked, so repeated runs do not refetch them.

Failures are never stored: a link that failed is always checked again.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "notice-audit" / "links.json"


class LinkCache:
    def __init__(self, path: Path, max_age: float) -> None:
        self.path = path
        self.max_age = max_age
        self._entries: dict[str, dict[str, Any]] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache yet, or an unreadable one: start afresh
        if not isinstance(data, dict):
            return
        now = time.time()
        for url, entry in data.items():
            if isinstance(entry, dict) and now - float(entry.get("checked", 0)) <= self.max_age:
                self._entries[url] = entry

    def get(self, url: str) -> dict[str, Any] | None:
        return self._entries.get(url)

    def put(self, url: str, status: int, final_url: str, anchors: list[str] | None) -> None:
        self._entries[url] = {"status": status, "final_url": final_url, "anchors": anchors, "checked": time.time()}
        self._dirty = True

    def save(self) -> None:
        """Write atomically (temporary file, then rename); a cache that cannot be written is skipped."""
        if not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".links-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(self._entries, stream)
            os.replace(temporary, self.path)
        except OSError:
            return
        self._dirty = False
