"""Checking http(s) links over the network, the way lychee does it: a shared keep-alive
session, a global and a per-host concurrency limit with a minimum interval per host,
retries with exponential backoff, Retry-After honoured, redirects followed one hop at a
time (so the chain can be shown), a time budget for the whole run, and a cache that only
ever stores successes.
"""

from __future__ import annotations

import email.utils
import http.cookiejar
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from notice_audit.linkcheck.cache import LinkCache, default_cache_path
from notice_audit.linkcheck.settings import LinkSettings

RETRY_STATUSES = {429, 500, 502, 503, 504}
# Headers that say a CDN or firewall answered, not the site: a challenge, not a broken link.
BOT_PROTECTION_HEADERS = ("cf-mitigated", "cf-chl-bypass", "x-amzn-waf-action", "x-sucuri-id", "x-iinfo", "x-datadome", "x-akamai-transformed")
BOT_PROTECTION_SERVERS = re.compile(r"cloudflare|akamaighost|imperva|incapsula|sucuri|ddos-guard", re.IGNORECASE)
_ANCHOR = re.compile(rb"""\b(?:id|name)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


@dataclass
class LinkResult:
    url: str
    ok: bool
    status: int | None = None
    final_url: str | None = None
    chain: list[tuple[int, str]] = field(default_factory=list)  # (status, url) of each redirect
    error: str | None = None  # why it failed, in words
    unverifiable: bool = False  # bot protection, a long rate limit or the time budget: not proof it is broken
    anchors: frozenset[str] | None = None  # ids in the page, when it was read for a #fragment
    from_cache: bool = False

    @property
    def chain_text(self) -> str:
        return " -> ".join(f"{url} ({status})" for status, url in self.chain)


class _Failure(Exception):
    def __init__(self, message: str, unverifiable: bool = False) -> None:
        super().__init__(message)
        self.unverifiable = unverifiable


class _HostGate:
    """At most N requests in flight to one host, and at least `min_interval` between starts."""

    def __init__(self, concurrency: int, min_interval: float) -> None:
        self._slots = threading.Semaphore(concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self._min_interval = min_interval

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self._min_interval
            if start > now:
                time.sleep(start - now)
            yield

    def pause_until(self, moment: float) -> None:
        """A 429 with Retry-After holds back every request to this host, not just the retry."""
        with self._lock:
            self._next_start = max(self._next_start, moment)


class LinkChecker:
    def __init__(self, settings: LinkSettings, user_agent: str) -> None:
        import requests

        self.settings = settings
        self._requests = requests
        self.session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=64, pool_maxsize=max(settings.concurrency, 10), max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"User-Agent": settings.user_agent or user_agent, "Accept": "text/html,*/*;q=0.8"})
        self.session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))  # never send cookies
        self.session.auth = lambda request: request  # never send .netrc credentials
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()
        self._deadline = time.monotonic() + settings.time_budget
        self.cache = LinkCache(Path(settings.cache_path) if settings.cache_path else default_cache_path(), settings.cache_max_age) if settings.cache else None
        self._cache_lock = threading.Lock()

    def close(self) -> None:
        if self.cache is not None:
            self.cache.save()
        self.session.close()

    def check(self, urls: dict[str, bool], progress: bool = False) -> dict[str, LinkResult]:
        """Check each URL (without its fragment); the flag says whether its body is needed for #fragments."""
        results: dict[str, LinkResult] = {}
        pending: dict[str, bool] = {}
        for url, need_body in urls.items():
            cached = self._from_cache(url, need_body)
            if cached is not None:
                results[url] = cached
            else:
                pending[url] = need_body
        if not pending:
            return results
        with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(pending))) as pool:
            # Round-robin over hosts: a worker waiting for a busy host's slot would otherwise
            # sit idle while other hosts have none of their requests running.
            futures = {pool.submit(self._check_one, url, pending[url]): url for url in _interleave_hosts(pending)}
            with _progress(progress and len(pending) > 5, len(pending)) as advance:
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    advance()
        return results

    def _from_cache(self, url: str, need_body: bool) -> LinkResult | None:
        if self.cache is None:
            return None
        with self._cache_lock:
            entry = self.cache.get(url)
        if entry is None or (need_body and entry.get("anchors") is None):
            return None
        anchors = frozenset(entry["anchors"]) if entry.get("anchors") is not None else None
        return LinkResult(url, True, entry.get("status"), entry.get("final_url"), anchors=anchors, from_cache=True)

    def _gate(self, url: str) -> _HostGate:
        host = urlsplit(url).netloc.lower()
        with self._gates_lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(self.settings.per_host_concurrency, self.settings.min_interval)
            return gate

    def _check_one(self, url: str, need_body: bool) -> LinkResult:
        try:
            result = self._follow(url, need_body)
        except _Failure as failure:
            return LinkResult(url, False, error=str(failure), unverifiable=failure.unverifiable)
        if result.ok and self.cache is not None and result.status is not None:
            with self._cache_lock:
                self.cache.put(url, result.status, result.final_url or url, sorted(result.anchors) if result.anchors is not None else None)
        return result

    def _follow(self, url: str, need_body: bool) -> LinkResult:
        """Follow redirects one hop at a time, so a loop or an error at the end is reported with its chain."""
        chain: list[tuple[int, str]] = []
        seen = {url}
        current = url
        for _ in range(self.settings.max_redirects + 1):
            refused = self._private_address(current)
            if refused:
                where = "redirects to" if chain else "points at"
                return LinkResult(
                    url, False, None, current, chain,
                    f"{where} {urlsplit(current).hostname}, a private address ({refused}), which --no-private-addresses refuses; could not verify",
                    unverifiable=True,
                )
            status, headers, anchors = self._fetch(current, need_body)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                target = urljoin(current, headers["location"])
                chain.append((status, current))
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    return LinkResult(url, False, status, target, chain, f"redirects to a {urlsplit(target).scheme or 'relative'} URL ({target}), which is not followed")
                if target in seen:
                    return LinkResult(url, False, status, target, chain, f"redirect loop back to {target}")
                seen.add(target)
                current = target
                continue
            ok = status in self.settings.accept
            result = LinkResult(url, ok, status, current, chain, anchors=anchors)
            if not ok:
                result.error = f"HTTP {status}"
                result.unverifiable = _bot_protection(status, headers)
                if result.unverifiable:
                    result.error = f"HTTP {status} from bot protection; could not verify"
            return result
        return LinkResult(url, False, None, current, chain, f"more than {self.settings.max_redirects} redirects")

    def _private_address(self, url: str) -> str | None:
        """The private, loopback or link-local address `url`'s host resolves to, when such hosts are refused."""
        if self.settings.private_addresses:
            return None
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        allowed = self.settings.allow_private
        if host in allowed or f"{host}:{parts.port}" in allowed:
            return None
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError):
            return None  # the fetch reports the DNS failure
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved or address.is_multicast or address.is_unspecified:
                return str(address)
        return None

    def _fetch(self, url: str, need_body: bool) -> tuple[int, dict[str, str], frozenset[str] | None]:
        """One URL, no redirects: HEAD (or GET when the body is needed, or when HEAD is refused)."""
        if not need_body:
            status, headers, _ = self._request("HEAD", url, read_body=False)
            if status < 400:
                return status, headers, None
            # Many servers refuse or mishandle HEAD: ask again with GET before calling it broken.
        return self._request("GET", url, read_body=need_body)

    def _request(self, method: str, url: str, read_body: bool) -> tuple[int, dict[str, str], frozenset[str] | None]:
        requests = self._requests
        gate = self._gate(url)
        settings = self.settings
        attempt = 0
        while True:
            self._check_budget()
            try:
                with gate.slot():
                    response = self.session.request(
                        method, url, timeout=(settings.timeout, settings.timeout), allow_redirects=False, stream=True
                    )
                    try:
                        status = response.status_code
                        headers = {k.lower(): v for k, v in response.headers.items()}
                        anchors = self._read_anchors(response) if read_body and status < 300 else None
                    finally:
                        response.close()
            except requests.exceptions.SSLError:
                raise _Failure("TLS error: the certificate could not be verified") from None
            except (requests.exceptions.Timeout, requests.exceptions.ConnectionError, _SlowBody) as error:
                problem = _describe(error, settings.timeout)
                if attempt >= settings.retries or "DNS" in problem:
                    raise _Failure(f"{problem} (after {attempt + 1} attempt{'s' if attempt else ''})") from None
                self._sleep(settings.backoff * 2**attempt)
                attempt += 1
                continue
            except requests.exceptions.InvalidHeader:
                raise _Failure("the server sent invalid headers") from None
            except requests.exceptions.RequestException as error:
                raise _Failure(f"could not be fetched ({type(error).__name__})") from None
            if status in RETRY_STATUSES and attempt < settings.retries:
                delay = _retry_after(headers.get("retry-after"))
                if delay is not None and delay > settings.max_retry_after:
                    raise _Failure(f"HTTP {status}, rate limited for {delay:.0f} s (Retry-After); could not verify", unverifiable=True)
                wait = delay if delay is not None else settings.backoff * 2**attempt
                gate.pause_until(time.monotonic() + wait)
                self._sleep(wait)
                attempt += 1
                continue
            if status == 429:
                raise _Failure("HTTP 429, still rate limited after retries; could not verify", unverifiable=True)
            return status, headers, anchors

    def _read_anchors(self, response) -> frozenset[str]:
        """Ids and names in the page, read up to the body cap and within the request time limit."""
        started = time.monotonic()
        limit = self.settings.max_body_bytes
        chunks: list[bytes] = []
        size = 0
        raw = response.raw
        # read1 returns what has arrived so far, so a trickling body cannot hold a read for long.
        reader = iter(lambda: raw.read1(65536), b"") if hasattr(raw, "read1") else response.iter_content(65536)
        for chunk in reader:
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
            if time.monotonic() - started > self.settings.timeout * 3:
                raise _SlowBody()
        return frozenset(match.decode("utf-8", "replace") for match in _ANCHOR.findall(b"".join(chunks)))

    def _check_budget(self) -> None:
        if time.monotonic() > self._deadline:
            raise _Failure(f"not checked: the link-check time budget ({self.settings.time_budget:g} s) ran out", unverifiable=True)

    def _sleep(self, seconds: float) -> None:
        remaining = self._deadline - time.monotonic()
        time.sleep(max(0.0, min(seconds, remaining)))


class _SlowBody(Exception):
    """The body trickled in too slowly (a slowloris-style server)."""


def _interleave_hosts(urls: dict[str, bool]) -> list[str]:
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
    queues = list(by_host.values())
    ordered: list[str] = []
    for index in range(max((len(q) for q in queues), default=0)):
        ordered.extend(queue[index] for queue in queues if index < len(queue))
    return ordered


def _describe(error: Exception, timeout: float) -> str:
    text = str(error)
    if isinstance(error, _SlowBody):
        return "the response body arrived too slowly"
    if "Timeout" in type(error).__name__ or "timed out" in text:
        return f"timed out after {timeout:g} s"
    if "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text or "nodename nor servname" in text:
        return "DNS lookup failed"
    if "Connection refused" in text:
        return "connection refused"
    if "BadStatusLine" in text or "InvalidHeader" in text or "InvalidChunkLength" in text or "HeaderParsingError" in text:
        return "the server sent an invalid response"
    if "reset" in text.lower() or "RemoteDisconnected" in text or "aborted" in text.lower():
        return "connection reset by the server"
    return "could not connect"


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds (it may be a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _bot_protection(status: int, headers: dict[str, str]) -> bool:
    if status not in (403, 429, 503, 999):
        return False
    if status == 999 or any(name in headers for name in BOT_PROTECTION_HEADERS):
        return True
    return bool(BOT_PROTECTION_SERVERS.search(headers.get("server", "")))


@contextmanager
def _progress(show: bool, total: int) -> Iterator:
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Checking links", total=total)
        yield lambda: progress.advance(task)
