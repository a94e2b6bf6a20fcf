from __future__ import annotations

from pathlib import Path

import pytest

from notice_audit.checklist.model import load_checklist
from notice_audit.config import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
PORTSMOUTH = CORPUS / "portsmouth-children-families.txt"

# fixtures/bad/<name> and the reason each must be refused with.
BAD_FILES = [
    ("empty.md", "has no text to audit"),
    ("invalid-utf8.txt", "is not valid UTF-8"),
    ("not-a-notice.png", "a binary file"),
    ("scanned.pdf", "no text layer"),
    ("broken.docx", "not a readable DOCX"),
]


@pytest.fixture(scope="session")
def checklist():
    return load_checklist()


@pytest.fixture(scope="session")
def offline_settings() -> Settings:
    return Settings(offline=True)


def pytest_collection_modifyitems(config, items):
    if not PORTSMOUTH.exists():
        skip = pytest.mark.skip(reason="../shared/corpus is not beside this checkout")
        for item in items:
            if "corpus" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _no_network_and_private_cache(tmp_path_factory):
    """Tests never reach the internet, and never touch the user's link cache.

    Tests of the link checker turn the network back on explicitly, against servers on 127.0.0.1.
    """
    import os

    saved = {key: os.environ.get(key) for key in ("NOTICE_AUDIT_OFFLINE", "XDG_CACHE_HOME")}
    os.environ["NOTICE_AUDIT_OFFLINE"] = "1"
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
