"""`notice-audit init`: a commented .notice-audit.yaml with every option at its default."""

from __future__ import annotations

from notice_audit.config import Settings
from notice_audit.language.settings import LanguageSettings
from notice_audit.linkcheck.settings import LinkSettings


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def default_config() -> str:
    settings, links, language = Settings(), LinkSettings(), LanguageSettings()
    accept = f"[{links.accept[0]}-{links.accept[-1]}]" if list(links.accept) == list(range(links.accept[0], links.accept[-1] + 1)) else str(list(links.accept))
    return f"""\
# notice-audit configuration. Every option is shown at its default; delete what you
# do not change. notice-audit finds this file in the current folder or a parent
# (or reads [tool.notice-audit] in pyproject.toml); --config names another.

# Exit 1 when a finding reaches this severity: error, warning or never.
fail_on: {settings.fail_on}

# Report only these rule ids or prefixes (empty: all), and never these.
select: []
ignore: []

# Change a rule's severity, or switch it off: error, warning, info or off.
# A prefix applies to every rule under it; the longest match wins.
rules: {{}}
#  typos.us_spelling: off
#  checklist.complaint_controller: error

# Your own checklist files, merged over the built-in UK GDPR checklist.
checklists: []

# Never use the network (also NOTICE_AUDIT_OFFLINE=1, or --offline).
offline: {str(settings.offline).lower()}

# The largest notice read, in megabytes.
max_input_mb: {settings.max_input_mb}

dates:
  # A notice whose own date is older than this is stale (dates.stale): months or years.
  max_age: {settings.max_age_months} months

law:
  # Your own outdated-law entries (same shape as checks/outdated-law.yaml).
  files: []

language:
  # Words the spelling check accepts, and files of words (one a line, # for comments).
  words: []
  wordlists: []
  # style.readability: the Flesch reading-ease floor and the longest sentence allowed.
  min_reading_ease: {_seconds(language.min_reading_ease)}
  max_sentence_words: {language.max_sentence_words}

links:
  timeout: {_seconds(links.timeout)}            # seconds for one request
  retries: {links.retries}             # extra attempts after a timeout, a reset, 429 or 5xx
  backoff: {_seconds(links.backoff)}          # first retry delay in seconds; doubles each time
  max_retry_after: {_seconds(links.max_retry_after)}    # longest Retry-After honoured (seconds)
  max_redirects: {links.max_redirects}
  concurrency: {links.concurrency}         # requests in flight at once
  per_host_concurrency: {links.per_host_concurrency}
  min_interval: {_seconds(links.min_interval)}        # seconds between two requests to one host
  time_budget: {_seconds(links.time_budget)}       # seconds for all link checks of a run
  max_links: {links.max_links}          # per notice
  max_body_bytes: {links.max_body_bytes}  # read to look for #fragments
  accept: {accept}      # status codes that count as working
  exclude: []             # regular expressions of URLs never fetched
  cache: {str(links.cache).lower()}             # successes only; --no-cache skips it
  cache_max_age: {_seconds(links.cache_max_age)}
  # cache_path: links.json   # default: the user cache folder
  check_insecure: {str(links.check_insecure).lower()}    # links.insecure: try https:// for http:// links
  # user_agent: notice-audit/VERSION (+https://pypi.org/project/notice-audit/)
"""
