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


def wanted_urls(document: Document, settings: Settings) -> dict[str, bool]:
    """The http(s) URLs a document's link rules need, each with whether its body is needed (for a #fragment)."""
    urls: dict[str, bool] = {}
    for link in document.links:
        target = absolute_target(link, document)
        if target is None or any(p.search(target) for p in settings.links.exclude):
            continue
        url = without_fragment(target)
        needs_body = bool(urlsplit(target).fragment)
        if url in urls or len(urls) < settings.links.max_links:
            urls[url] = urls.get(url, False) or needs_body
    return urls


def https_candidates(document: Document) -> dict[str, list[Link]]:
    """For each http:// link on a default port, the https:// address to try, with the links that use it."""
    candidates: dict[str, list[Link]] = {}
    for link in document.links:
        target = absolute_target(link, document)
        if target is None:
            continue
        parts = urlsplit(target)
        if parts.scheme.lower() == "http" and parts.port is None:
            candidates.setdefault(urlunsplit(("https", parts.netloc, parts.path or "/", parts.query, "")), []).append(link)
    return candidates


class PrecomputedChecker:
    """Stands in for a LinkChecker in batch workers: answers from results the parent process fetched once."""

    def __init__(self, results: dict[str, LinkResult]) -> None:
        self.results = results

    def check(self, urls: dict[str, bool], progress: bool = False) -> dict[str, LinkResult]:
        from notice_audit.linkcheck.checker import LinkResult

        return {url: self.results.get(url) or LinkResult(url, False, error="not checked", unverifiable=True) for url in urls}

    def close(self) -> None:
        pass


@dataclass
class CheckContext:
    settings: Settings
    checker: LinkChecker | PrecomputedChecker | None = None  # None when offline
    progress: bool = False
    _results: dict[int, dict[str, LinkResult]] = field(default_factory=dict)

    def link_results(self, document: Document) -> dict[str, LinkResult]:
        """The network result for every http(s) URL the document links to, fetched once per document."""
        if self.checker is None:
            return {}
        key = id(document)
        if key not in self._results:
            urls = wanted_urls(document, self.settings)
            self._results = {key: self.checker.check(urls, progress=self.progress)}
        return self._results[key]
