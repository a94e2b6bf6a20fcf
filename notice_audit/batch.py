"""Batch runs: folders, lists of sources and sitemaps, audited in parallel worker processes.

Workers parse and audit; the parent process only gathers NoticeReports (no Documents),
so memory stays flat as the number of notices grows. When links are checked over the
network, the parent fetches every URL of every notice once, with one link checker (one
cache, per-host limits across the whole run), and the workers answer the link rules
from those results.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from notice_audit.changed import is_notice_file
from notice_audit.config import Settings
from notice_audit.errors import InputError, NoticeAuditError
from notice_audit.report import NoticeReport

SKIP_FOLDERS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", "_site", "vendor"}
NOTICE_LIKE = re.compile(r"privacy|gdpr|data[-_ ]?protection|fair[-_ ]?processing|(?:^|[-_/])notices?(?:[-_/.]|$)|cookie", re.IGNORECASE)
MAX_SITEMAPS = 50


def expand(
    sources: list[str],
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    from_files: list[str] | None = None,
    every_page: bool = False,
    read_url: Callable[[str], bytes] | None = None,
) -> tuple[list[str], list[str]]:
    """Files, folders (recursive), lists of sources, sitemaps and URLs, as one ordered list without repeats,
    and a one-line problem for each folder or sitemap that held no notice."""
    listed = list(sources)
    for list_file in from_files or []:
        try:
            lines = Path(list_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise NoticeAuditError(f"{list_file}: cannot read the list of sources ({error})") from None
        listed += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    found: list[str] = []
    problems: list[str] = []
    for source in listed:
        if _is_sitemap(source):
            pages = sitemap_urls(source, every_page, read_url)
            if not pages:
                problems.append(f"{source}: the sitemap lists no page that looks like a privacy notice (use --all for every page)")
        elif source != "-" and "://" not in source and Path(source).is_dir():
            pages = _walk(Path(source), include or [], exclude or [])
            if not pages:
                problems.append(f"{source}: the folder holds no notice files" + (" matching --include" if include else ""))
        else:
            pages = [source]
        found += pages
    return list(dict.fromkeys(found)), problems


def _walk(folder: Path, include: list[str], exclude: list[str]) -> list[str]:
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if f not in SKIP_FOLDERS and not f.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if include:
                if not any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in include):
                    continue
            elif not is_notice_file(path):
                continue
            if any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in exclude):
                continue
            found.append(str(path))
    return found


def _is_sitemap(source: str) -> bool:
    name = urlsplit(source).path if "://" in source else source
    return "sitemap" in Path(name).name.lower() and Path(name).suffix.lower() in (".xml", ".gz", "")


def sitemap_urls(source: str, every_page: bool, read_url: Callable[[str], bytes] | None) -> list[str]:
    """The page URLs of a sitemap (or sitemap index), keeping those that look like privacy notices unless every_page."""
    pending, seen, pages = [source], set(), []
    while pending and len(seen) < MAX_SITEMAPS:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        root = _parse_sitemap(current, read_url)
        for element in root.iter():
            if not element.tag.endswith("loc") or not (element.text or "").strip():
                continue
            url = element.text.strip()
            if root.tag.endswith("sitemapindex"):
                pending.append(url)
            elif every_page or NOTICE_LIKE.search(urlsplit(url).path):
                pages.append(url)
    return pages


def _parse_sitemap(source: str, read_url: Callable[[str], bytes] | None) -> ElementTree.Element:
    try:
        if "://" in source:
            if read_url is None:
                raise NoticeAuditError(f"{source}: reading a sitemap from the web needs the network (not --offline)")
            data = read_url(source)
        else:
            data = Path(source).read_bytes()
        if data[:2] == b"\x1f\x8b":
            import gzip

            data = gzip.decompress(data)
        # Sitemaps are plain XML without a DTD; refuse entity tricks outright.
        if b"<!DOCTYPE" in data[:2048] or b"<!ENTITY" in data[:4096]:
            raise NoticeAuditError(f"{source}: a sitemap with a DOCTYPE or entities is not read")
        return ElementTree.fromstring(data)
    except (OSError, ElementTree.ParseError) as error:
        raise NoticeAuditError(f"{source}: cannot read the sitemap ({error})") from None


# --- workers -------------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _start_worker(settings: Settings, input_format: str | None, link_results: dict | None) -> None:
    from notice_audit.checklist.model import load_checklist
    from notice_audit.rules.context import CheckContext, PrecomputedChecker

    checker = PrecomputedChecker(link_results) if link_results is not None else None
    _WORKER.update(
        settings=settings,
        input_format=input_format,
        checklist=load_checklist(settings.checklists),
        context=CheckContext(settings, checker),
    )


def _audit_in_worker(source: str) -> NoticeReport | str:
    from notice_audit.audit import audit_document
    from notice_audit.ingest import load

    settings = _WORKER["settings"]
    try:
        document = load(source, _WORKER["input_format"], settings.offline, settings.max_input_mb * 1024 * 1024)
        return audit_document(document, _WORKER["checklist"], settings, _WORKER["context"])
    except NoticeAuditError as error:
        return str(error)
    except Exception as error:  # a bug must not stop the batch or show a traceback
        return f"{source}: internal error ({type(error).__name__}: {error}); set NOTICE_AUDIT_DEBUG=1 for details"


def _urls_in_worker(source: str) -> dict[str, bool]:
    from notice_audit.ingest import load
    from notice_audit.rules.context import https_candidates, wanted_urls

    settings = _WORKER["settings"]
    try:
        document = load(source, _WORKER["input_format"], settings.offline, settings.max_input_mb * 1024 * 1024)
    except (NoticeAuditError, InputError):
        return {}
    urls = wanted_urls(document, settings)
    if settings.links.check_insecure:
        for url in https_candidates(document):
            urls.setdefault(url, False)
    return urls


def _warm_up(settings: Settings) -> None:
    """Load what every worker needs before forking, so that workers share it instead of each loading it."""
    from notice_audit.checklist.model import load_checklist
    from notice_audit.language.lexicon import dictionary_words, domain_words, tables
    from notice_audit.law import knowledge_base
    from notice_audit.nlp import pipeline

    pipeline()
    load_checklist(settings.checklists)
    dictionary_words()
    domain_words()
    tables()
    knowledge_base(settings.law_files)


def _pool(jobs: int, settings: Settings, input_format: str | None, link_results: dict | None) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else methods[0])
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(settings, input_format, link_results))


def audit_many(
    sources: list[str],
    settings: Settings,
    input_format: str | None,
    jobs: int,
    on_progress: Callable[[str], None] | None = None,
    checker_factory: Callable[[], object] | None = None,
) -> Iterator[NoticeReport | str]:
    """Audit sources in `jobs` processes, yielding each NoticeReport (or a one-line error) in source order."""
    _warm_up(settings)
    link_results = None
    if not settings.offline and checker_factory is not None:
        # Fetch every notice's links once, in this process, with one checker for the whole run.
        urls: dict[str, bool] = {}
        with _pool(jobs, settings, input_format, None) as pool:
            for found in pool.map(_urls_in_worker, sources, chunksize=4):
                for url, needs_body in found.items():
                    urls[url] = urls.get(url, False) or needs_body
        checker = checker_factory()
        try:
            link_results = checker.check(urls, progress=on_progress is not None)
        finally:
            checker.close()
    chunk = max(1, min(16, len(sources) // (jobs * 4) or 1))
    with _pool(jobs, settings, input_format, link_results) as pool:
        for source, result in zip(sources, pool.map(_audit_in_worker, sources, chunksize=chunk)):
            if on_progress is not None:
                on_progress(source)
            yield result
