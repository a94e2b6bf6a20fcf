"""Property-based tests over every text ingest format and the whole check path (a bounded run; bench/fuzz.py runs long)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import FORMATS, check_properties, encode, encodings, texts

BOUNDED = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@pytest.mark.parametrize(("name", "fmt"), FORMATS)
@BOUNDED
@given(text=texts, encoding=encodings)
def test_every_format_survives_hostile_text(name, fmt, text, encoding):
    check_properties(name, fmt, encode(text, encoding))


@BOUNDED
@given(data=st.binary(max_size=400))
def test_random_bytes_are_refused_cleanly_or_audited(data):
    check_properties("notice.html", "html", data)
    check_properties("notice.md", "markdown", data)


@BOUNDED
@given(target=st.text(max_size=80), label=st.text(max_size=20), date=st.text(max_size=25))
def test_random_link_targets_and_dates(target, label, date):
    escaped = target.replace(")", "%29").replace("\n", " ")
    text = f"# Notice\n\nSee [{label or 'x'}]({escaped}) and <a href=\"{target.replace(chr(34), '')}\">here</a>.\n\nLast updated: {date}\n"
    check_properties("notice.md", "markdown", text.encode("utf-8", errors="replace"))


@pytest.mark.parametrize("text", ["<p><![0", "<![", "<!x y", "<![if x]>", "<p>\n<![0\n# heading\n- item\n</p>"])
@pytest.mark.parametrize(("name", "fmt"), [("notice.md", "markdown"), ("notice.html", "html"), ("notice.njk", "jinja")])
def test_malformed_declarations_found_by_the_long_fuzz_run(name, fmt, text):
    """html.parser raises AssertionError on some '<![' declarations; they are read as text."""
    check_properties(name, fmt, f"{text} We are the data controller.".encode())


def test_markdown_inside_html_inside_markdown_has_a_floor():
    from notice_audit.ingest import html

    text = "We are the controller."
    for level in range(40):
        text = f"<div>\n\n## Part {level}\n\n- item {level}\n\n{text}\n\n</div>"
    check_properties("notice.md", "markdown", text.encode())
    assert html._MARKDOWN_NESTING == [0]
