"""Link checks against a real HTTP server on 127.0.0.1 (several ports stand for several hosts)."""

from __future__ import annotations

import ssl
import time
from dataclasses import replace

import pytest
import trustme

from notice_audit.config import Settings
from notice_audit.ingest import parse
from notice_audit.ingest.source import RawSource
from notice_audit.linkcheck.checker import LinkChecker
from notice_audit.linkcheck.settings import LinkSettings
from notice_audit.rules import (
    links_broken,
    links_fragment,
    links_insecure,
    links_mailto,
    links_placeholder,
    links_tel,
)
from notice_audit.rules.context import CheckContext
from tests.linkserver import LinkServer, TunnelProxy

FAST = LinkSettings(timeout=1.0, retries=1, backoff=0.05, max_retry_after=2.0, cache=False, time_budget=60.0)


@pytest.fixture(scope="module")
def server():
    with LinkServer() as running:
        yield running


@pytest.fixture(scope="module")
def other_host():
    with LinkServer() as running:
        yield running


def document(markdown: str):
    return parse(RawSource("notice.md", markdown.encode(), "markdown"))


def run(rule, markdown: str, links: LinkSettings = FAST, offline: bool = False):
    settings = Settings(links=links, offline=offline)
    checker = None if offline else LinkChecker(links, "notice-audit tests")
    try:
        return list(rule.check(document(markdown), CheckContext(settings, checker)))
    finally:
        if checker is not None:
            checker.close()


def by_line(findings):
    return {f.location.line: f for f in findings}


def test_status_codes_redirects_and_faults(server):
    paths = ["/ok", "/moved", "/moved-to-missing", "/missing", "/gone", "/error", "/reset", "/loop-a", "/to-file", "/no-head", "/bad-headers"]
    markdown = "\n\n".join(f"[{path}]({server.url(path)})" for path in paths)
    found = by_line(run(links_broken, markdown))
    line = {path: 1 + 2 * index for index, path in enumerate(paths)}
    assert line["/ok"] not in found and line["/moved"] not in found and line["/no-head"] not in found
    assert "HTTP 404" in found[line["/moved-to-missing"]].message and "redirects:" in found[line["/moved-to-missing"]].message
    assert "HTTP 404" in found[line["/missing"]].message
    assert "HTTP 410" in found[line["/gone"]].message
    assert "HTTP 500" in found[line["/error"]].message
    assert "connection reset" in found[line["/reset"]].message or "could not connect" in found[line["/reset"]].message
    assert "redirect loop" in found[line["/loop-a"]].message
    assert "file" in found[line["/to-file"]].message and "not followed" in found[line["/to-file"]].message
    assert found[line["/bad-headers"]].severity == "error"
    assert all(f.severity == "error" for f in found.values())
    assert found[line["/missing"]].location.column == 1


def test_retry_after_and_a_flaky_server_end_well(server):
    started = time.monotonic()
    findings = run(links_broken, f"[a]({server.url('/rate-limited')})\n\n[b]({server.url('/flaky')})")
    assert findings == []
    assert time.monotonic() - started >= 1.0  # Retry-After: 1 was waited for
    assert server.counts["/rate-limited"] >= 2 and server.counts["/flaky"] >= 2


def test_long_rate_limit_and_bot_protection_are_warnings(server):
    found = run(links_broken, f"[a]({server.url('/rate-limited-long')})\n\n[b]({server.url('/challenge')})\n\n[c]({server.url('/forbidden')})")
    severities = {f.location.line: f.severity for f in found}
    assert severities == {1: "warning", 3: "warning", 5: "error"}
    assert "could not verify" in found[0].message and "could not verify" in found[1].message


def test_slow_answer_times_out_with_retries(server):
    settings = replace(FAST, timeout=0.5, retries=1)
    started = time.monotonic()
    found = run(links_broken, f"[slow]({server.url('/slow')})", settings)
    assert len(found) == 1 and "timed out after 0.5 s" in found[0].message and "2 attempts" in found[0].message
    assert time.monotonic() - started < 4


@pytest.fixture
def https_on_443(tmp_path, monkeypatch):
    """https://127.0.0.1/ (port 443) answered by a TLS server on an ordinary port, reached through a real
    CONNECT proxy named in HTTPS_PROXY; its certificate is trusted for this test only."""
    authority = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(tls)
    bundle = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    with LinkServer(tls=tls) as secure, TunnelProxy(secure.server_address[1]) as proxy:
        for name in ("HTTPS_PROXY", "https_proxy"):
            monkeypatch.setenv(name, proxy.url)
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        secure.proxy = proxy
        yield secure


def test_insecure_links_where_https_answers(https_on_443):
    markdown = (
        "[served over https](http://127.0.0.1/page)\n\n"
        "[certificate is not for this name](http://localhost/page)\n\n"
        "[explicit port](http://127.0.0.1:8/page)\n\n"
        "[https answers 404](http://127.0.0.1/missing)\n\n"
        "[already https](https://127.0.0.1/page)"
    )
    found = run(links_insecure, markdown)
    assert [(f.location.line, f.location.column) for f in found] == [(1, 1)]
    assert "https://127.0.0.1/page" in found[0].message and found[0].severity == "warning"
    assert https_on_443.counts["/page"] >= 1
    assert "127.0.0.1:443" in https_on_443.proxy.tunnels  # the probe really asked for port 443
    assert run(links_insecure, markdown, replace(FAST, check_insecure=False)) == []
    assert run(links_insecure, markdown, offline=True) == []


def test_fragments_in_other_pages_and_in_the_notice(server):
    markdown = (
        "## How to complain\n\n"
        f"[ok]({server.url('/ids')}#complaints) [named]({server.url('/ids')}#rights) [bad]({server.url('/ids')}#nowhere)\n\n"
        "[here](#how-to-complain) [missing](#complaints-procedure)\n"
    )
    found = run(links_fragment, markdown)
    messages = sorted(f.message for f in found)
    assert len(found) == 2
    assert "#complaints-procedure, which is not a heading or id in this notice" in messages[0] + messages[1]
    assert any("#nowhere, which the page" in m for m in messages)


def test_own_fragments_are_checked_offline_too():
    found = run(links_fragment, "## Your rights\n\n[rights](#your-rights) [x](#nope)\n", offline=True)
    assert [f.evidence for f in found] == ["[x](#nope)"]


def test_endless_and_trickling_bodies_stop(server):
    settings = replace(FAST, max_body_bytes=200_000, timeout=0.3, retries=0)
    started = time.monotonic()
    found = run(links_fragment, f"[a]({server.url('/endless')}#x)", settings)
    assert found == []  # the id was found in the first bytes; reading stopped at the cap
    trickle = run(links_broken, f"[t]({server.url('/trickle')}#x)", settings)
    assert len(trickle) == 1 and "too slowly" in trickle[0].message
    assert time.monotonic() - started < 10


def test_per_host_concurrency_and_interval(server, other_host):
    slow = LinkServer(delay=0.2)
    with slow:
        links = "\n\n".join(f"[{i}]({slow.url('/ok')}?n={i})" for i in range(8))
        settings = replace(FAST, per_host_concurrency=2, concurrency=16)
        started = time.monotonic()
        assert run(links_broken, links, settings) == []
        elapsed = time.monotonic() - started
        # 8 requests, 2 at a time, 0.2 s each: at least 4 rounds.
        assert elapsed >= 0.8
        spaced = replace(FAST, min_interval=0.15)
        started = time.monotonic()
        run(links_broken, "\n\n".join(f"[{i}]({other_host.url('/ok')}?m={i})" for i in range(4)), spaced)
        assert time.monotonic() - started >= 0.45


def test_time_budget_turns_the_rest_into_warnings(server):
    settings = replace(FAST, time_budget=0.0)
    found = run(links_broken, f"[a]({server.url('/ok')})")
    found = run(links_broken, f"[a]({server.url('/ok')}?budget)", settings)
    assert len(found) == 1 and found[0].severity == "warning" and "time budget" in found[0].message


def test_cache_keeps_successes_only(server, tmp_path):
    settings = replace(FAST, cache=True, cache_path=str(tmp_path / "links.json"))
    markdown = f"[ok]({server.url('/ok')}?cache) [bad]({server.url('/missing')}?cache)"
    run(links_broken, markdown, settings)
    before = dict(server.counts)
    found = run(links_broken, markdown, settings)
    assert len(found) == 1 and "HTTP 404" in found[0].message
    assert server.counts["/ok?cache"] == before["/ok?cache"]  # served from the cache
    assert server.counts["/missing?cache"] > before["/missing?cache"]  # failures are checked again
    run(links_broken, markdown, replace(settings, cache=False))
    assert server.counts["/ok?cache"] > before["/ok?cache"]


def test_exclusions_and_offline(server):
    import re

    settings = replace(FAST, exclude=(re.compile(r"/missing"),))
    assert run(links_broken, f"[m]({server.url('/missing')})", settings) == []
    assert run(links_broken, f"[m]({server.url('/missing')})", offline=True) == []


def test_other_schemes_are_reported_not_opened():
    found = run(links_broken, "[f](file:///C:/notices/form.docx)\n\n[g](ftp://example.org/form.pdf)", offline=True)
    assert [(f.location.line, f.severity) for f in found] == [(1, "error"), (3, "warning")]


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("[a](#)", "points at a placeholder (#)"),
        ("[a]()", "has an empty target"),
        ("<a href=\"javascript:void(0)\">form</a>", "placeholder"),
        ("[a](https://example.com/form)", "placeholder"),
        ("[a](http://localhost:8000/form)", "placeholder"),
        ("[a](TBC)", "placeholder"),
    ],
)
def test_placeholders(markdown, expected):
    found = run(links_placeholder, markdown, offline=True)
    assert len(found) == 1 and expected in found[0].message


def test_a_template_expression_as_target_is_unfilled_only_in_a_page_as_served():
    source = '<p>Write to the <a href="{{ paths.COOKIES }}">consent</a> team.</p>\n'
    settings = CheckContext(Settings(offline=True))
    template = parse(RawSource("privacy.njk", source.encode(), "jinja"))
    served = parse(RawSource("https://www.example.gov.uk/privacy", source.encode(), "html"))
    assert next(template.links).templated and next(served.links).templated
    assert list(links_placeholder.check(template, settings)) == []  # filled when the template is rendered
    [finding] = links_placeholder.check(served, settings)
    assert finding.message == "Link “consent” points at an unfilled template value ({{ paths.COOKIES }})"


def test_real_targets_are_not_placeholders():
    assert run(links_placeholder, "[a](https://www.gov.uk/) [b](/contact) [c](#rights) [d](mailto:a@b.gov.uk)", offline=True) == []


@pytest.mark.parametrize(
    "address, bad",
    [
        ("dpo@riverside.gov.uk", False),
        ("first.last+tag@nhs.net", False),
        ("infocomplaints@islington.go.uk", True),
        ("dpo@riverside", True),
        ("dpo@@riverside.gov.uk", True),
        ("dpo@riverside..gov.uk", True),
    ],
)
def test_mailto_addresses(address, bad):
    found = run(links_mailto, f"Write to [us](mailto:{address}).", offline=True)
    assert bool(found) is bad


def test_email_addresses_in_text():
    found = run(links_mailto, "Email infocomplaints@islington.go.uk or dpo@riverside.gov.uk.\n\nOr dpo@riverside today.", offline=True)
    assert [(f.location.line, f.location.column, f.evidence) for f in found] == [
        (1, 7, "infocomplaints@islington.go.uk"),
        (3, 4, "dpo@riverside"),
    ]


@pytest.mark.parametrize(
    "number, bad",
    [
        ("023 9282 2251", False),
        ("0303 123 1113", False),
        ("+44 (0)303 123 1113", False),
        ("+44 20 7946 0000", False),
        ("0800 123456", False),
        ("016977 4444", False),
        ("111", False),
        ("+33 1 23 45 67 89", False),
        ("0303 123 113", True),
        ("023 9282 22511", True),
        ("0463 123 4567", True),
        ("call-us", True),
    ],
)
def test_tel_links(number, bad):
    found = run(links_tel, f"Call [us](tel:{number}).", offline=True)
    assert bool(found) is bad


def test_phone_numbers_in_text_need_a_cue():
    text = "Telephone: 0303 123 113 (local rate).\n\nCompany number 05798215.\n\nTel: 0303 123 1113."
    found = run(links_tel, text, offline=True)
    assert [(f.location.line, f.location.column) for f in found] == [(1, 12)]
    assert "10 digits" in found[0].message


def test_private_addresses_are_refused_when_asked(server):
    refuse = replace(FAST, private_addresses=False)
    before = server.counts["/ok"]
    found = run(links_broken, f"[a]({server.url('/ok')})", refuse)
    assert len(found) == 1 and found[0].severity == "warning"
    assert "points at 127.0.0.1, a private address (127.0.0.1), which --no-private-addresses refuses" in found[0].message
    assert server.counts["/ok"] == before  # not even one request
    assert run(links_broken, f"[a]({server.url('/ok')})") == []  # allowed by default, for local testing


def test_a_redirect_into_a_private_network_is_refused(server):
    port = server.server_address[1]
    trusted = replace(FAST, private_addresses=False, allow_private=(f"127.0.0.1:{port}",))
    found = run(links_broken, f"[a]({server.url('/to-private')})", trusted)
    assert len(found) == 1 and "redirects to 10.255.255.1, a private address (10.255.255.1)" in found[0].message
    assert run(links_broken, f"[a]({server.url('/ok')})", trusted) == []


def test_no_cookies_or_credentials_are_sent(server, tmp_path, monkeypatch):
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login someone password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    markdown = f"[a]({server.url('/with-cookie')})\n\n[b]({server.url('/echo-headers').replace('http://', 'http://user:pass@')})"
    assert run(links_broken, markdown, replace(FAST, concurrency=1)) == []
    assert server.last_headers == b"cookie=None;auth=None"


def test_links_go_through_the_proxy_the_environment_names(server, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    monkeypatch.setenv("http_proxy", server.url(""))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    before = server.counts["proxied"]
    assert run(links_broken, "[a](http://notice.example.invalid/ok)") == []
    assert server.counts["proxied"] > before


def test_tls_is_verified(tmp_path):
    authority = trustme.CA()  # a CA nobody trusts
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(tls)
    with LinkServer(tls=tls) as untrusted:
        found = run(links_broken, f"[a]({untrusted.url('/ok')})")
    assert len(found) == 1 and "TLS error: the certificate could not be verified" in found[0].message


def test_a_notice_with_more_links_than_the_limit(server):
    markdown = "\n\n".join(f"[{n}]({server.url('/ok')}?n={n})" for n in range(6))
    found = run(links_broken, markdown, replace(FAST, max_links=4))
    assert [(f.severity, f.message) for f in found] == [("info", "2 link(s) not checked: over the limit of 4 links per notice")]
