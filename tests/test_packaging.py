"""What `pip install .` ships: every package and the data files the rules load."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_is_listed():
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "notice_audit").rglob("__init__.py")
    }
    assert on_disk | {"notice_audit.checks"} == set(SETUPTOOLS["packages"])


def test_data_files_are_shipped():
    data = SETUPTOOLS["package-data"]
    assert {"dictionaries/en_GB.words", "dictionaries/README*", "schemas/*.json"} <= set(data["notice_audit"])
    assert {"*.yaml", "words/*.txt"} <= set(data["notice_audit.checks"])
    for name in ("en_GB.words", "en_GB.aff", "en_GB.dic", "README_en_GB.txt"):
        assert (ROOT / "notice_audit" / "dictionaries" / name).is_file()
    assert list((ROOT / "checks" / "words").glob("*.txt"))
