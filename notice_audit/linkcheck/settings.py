"""Link-checking settings: the `links:` section of `.notice-audit.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from notice_audit.errors import ConfigError, config_section


@dataclass(frozen=True)
class LinkSettings:
    timeout: float = 10.0  # seconds for one request (connect and each read)
    retries: int = 2  # extra attempts after a timeout, a reset, 429 or 5xx
    backoff: float = 0.5  # first retry delay in seconds; doubles each time
    max_retry_after: float = 10.0  # longest Retry-After honoured; longer is reported
    max_redirects: int = 10
    concurrency: int = 32  # requests in flight at once
    per_host_concurrency: int = 4
    min_interval: float = 0.0  # seconds between two requests to one host
    time_budget: float = 120.0  # for all network checks of one run
    max_links: int = 500  # per notice
    max_body_bytes: int = 5 * 1024 * 1024  # read to look for #fragments
    accept: tuple[int, ...] = tuple(range(200, 300))
    exclude: tuple[re.Pattern[str], ...] = ()
    cache: bool = True
    cache_max_age: float = 24 * 3600.0
    cache_path: str | None = None
    check_insecure: bool = True
    user_agent: str | None = None
    private_addresses: bool = True  # False: refuse hosts on private, loopback or link-local addresses (shared CI runners)
    allow_private: tuple[str, ...] = ()  # host or host:port exempt from that refusal (an intranet you trust)


_KEYS = {
    "timeout", "retries", "backoff", "max_retry_after", "max_redirects", "concurrency", "per_host_concurrency",
    "min_interval", "time_budget", "max_links", "max_body_bytes", "accept", "exclude", "cache", "cache_max_age",
    "cache_path", "check_insecure", "user_agent", "private_addresses", "allow_private",
}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_link_settings(data: Any, path: Path) -> LinkSettings:
    data = config_section(data, path, "links", _KEYS)
    if data is None:
        return LinkSettings()
    values: dict[str, Any] = {}
    for key in ("timeout", "backoff", "max_retry_after", "min_interval", "time_budget", "cache_max_age"):
        if key in data:
            values[key] = _seconds(data[key], path, key)
    for key in ("retries", "max_redirects", "concurrency", "per_host_concurrency", "max_links", "max_body_bytes"):
        if key in data:
            value = data[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < (0 if key == "retries" else 1):
                raise ConfigError(f"{path}: 'links.{key}' must be a whole number ({'0' if key == 'retries' else '1'} or more)")
            values[key] = value
    if "allow_private" in data:
        hosts = data["allow_private"] if isinstance(data["allow_private"], list) else [data["allow_private"]]
        if not all(isinstance(host, str) for host in hosts):
            raise ConfigError(f"{path}: 'links.allow_private' must be a list of host or host:port strings")
        values["allow_private"] = tuple(host.lower() for host in hosts)
    for key in ("cache", "check_insecure", "private_addresses"):
        if key in data:
            if not isinstance(data[key], bool):
                raise ConfigError(f"{path}: 'links.{key}' must be true or false")
            values[key] = data[key]
    for key in ("cache_path", "user_agent"):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: 'links.{key}' must be a string")
            values[key] = str((path.parent / data[key]).resolve()) if key == "cache_path" else data[key]
    if "accept" in data:
        values["accept"] = _statuses(data["accept"], path)
    if "exclude" in data:
        patterns = data["exclude"] if isinstance(data["exclude"], list) else [data["exclude"]]
        compiled = []
        for pattern in patterns:
            try:
                compiled.append(re.compile(str(pattern)))
            except re.error as error:
                raise ConfigError(f"{path}: 'links.exclude' has an invalid pattern {pattern!r} ({error})") from None
        values["exclude"] = tuple(compiled)
    return LinkSettings(**values)


def _seconds(value: Any, path: Path, key: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise ConfigError(f"{path}: 'links.{key}' must be a duration such as 10, 2.5s, 30m or 1d")
    return float(match.group(1)) * _UNITS[match.group(2)]


def _statuses(value: Any, path: Path) -> tuple[int, ...]:
    """`[200, 204, "300-399"]` -> the accepted status codes."""
    items = value if isinstance(value, list) else [value]
    codes: set[int] = set()
    for item in items:
        text = str(item).strip()
        match = re.fullmatch(r"(\d{3})(?:\s*-\s*(\d{3}))?", text)
        if not match:
            raise ConfigError(f"{path}: 'links.accept' entries are status codes or ranges like 200-299, not {item!r}")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        codes.update(range(low, high + 1))
    return tuple(sorted(codes))
