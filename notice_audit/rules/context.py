"""What a check may use besides the Document: the settings, and the run's shared link checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from notice_audit.document import Document, Link

if TYPE_CHECKING:
    from notice_audit.config import Settings
    from notice_audit.linkcheck.checker import LinkChecker, LinkResult


def absolute_target(link: Link, document: Document) -> str | None:
    """The link as an absolute http(s) URL, or None (relative links resolve only against a URL source)."""
    target = (link.target or "").strip()
    if link.templated or not target or target.startswith("#"):
        return None
    if urlsplit(target).scheme == "" and document.source.lower().startswith(("http://", "https://")):
        target = urljoin(document.source, target)
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        return None
    return target


def without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@dataclass
class CheckContext:
    settings: Settings
    checker: LinkChecker | None = None  # None when offline
    progress: bool = False
    _results: dict[int, dict[str, LinkResult]] = field(default_factory=dict)

    def link_results(self, document: Document) -> dict[str, LinkResult]:
        """The network result for every http(s) URL the document links to, fetched once per document."""
        if self.checker is None:
            return {}
        key = id(document)
        if key not in self._results:
            urls: dict[str, bool] = {}
            for link in document.links:
                target = absolute_target(link, document)
                if target is None or any(p.search(target) for p in self.settings.links.exclude):
                    continue
                url = without_fragment(target)
                needs_body = bool(urlsplit(target).fragment)
                if url in urls or len(urls) < self.settings.links.max_links:
                    urls[url] = urls.get(url, False) or needs_body
            self._results = {key: self.checker.check(urls, progress=self.progress)}
        return self._results[key]
