"""Each input format becomes the same kind of Document, with exact source locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_audit.document import BlockKind
from notice_audit.errors import InputError
from notice_audit.ingest import load, parse
from notice_audit.ingest.source import RawSource
from notice_audit.last_updated import find_last_updated
from tests.conftest import BAD_FILES, CORPUS, FIXTURES

SAME = FIXTURES / "same-notice"
FORMATS = FIXTURES / "formats"


def block_with(document, text: str):
    return next(b for b in document.blocks if text in b.text)


def location_of(document, text: str):
    block = block_with(document, text)
    return block.locate(block.text.index(text))


def source_at(path: Path, location, length: int) -> str:
    line = path.read_text(encoding="utf-8").split("\n")[location.line - 1]
    return line[location.column - 1 : location.column - 1 + length]


def write_notice(tmp_path: Path, name: str, text: str) -> tuple[Path, object]:
    """A notice written to `name` under `tmp_path`, and what ingest reads from it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, load(str(path))


def kinds_and_texts(document) -> list[tuple[str, str]]:
    return [(block.kind.name, block.text) for block in document.blocks]


def assert_located(path: Path, document, *texts: str) -> None:
    """Each text is found in the document at the line and column where the source writes it."""
    for text in texts:
        assert source_at(path, location_of(document, text), len(text)) == text


def test_html_keeps_main_content_and_drops_page_chrome():
    document = load(str(SAME / "riverside-adult-care.html"))
    text = document.text
    assert "Riverside Borough Council is the data controller" in text
    for chrome in ("cookies to make this site work", "Bins and recycling", "Copyright", "analytics", "home page"):
        assert chrome not in text
    assert document.metadata["title"].startswith("Adult Social Care Privacy Notice")
    # the footer is kept apart, for the owner's name and address; the navigation and cookie banner are not
    chrome = " ".join(b.text for b in document.chrome)
    assert "Copyright" in chrome
    assert "Bins and recycling" not in chrome and "cookies to make this site work" not in chrome


def test_html_headings_lists_and_heading_path():
    document = load(str(SAME / "riverside-adult-care.html"))
    heading = block_with(document, "What information we hold")
    assert heading.kind is BlockKind.HEADING and heading.level == 2
    item = block_with(document, "health information and details")
    assert item.kind is BlockKind.LIST_ITEM
    assert item.heading_path == ("Adult Social Care Privacy Notice", "What information we hold")
    assert item.intro == "The personal information we hold about you may include:"


@pytest.mark.parametrize(
    "name, phrase",
    [
        ("riverside-adult-care.html", "We keep adult social care records"),
        ("riverside-adult-care.md", "We keep adult social care records"),
        ("riverside-adult-care.njk", "We keep adult social care records"),
        ("riverside-adult-care.html.erb", "You can ask us to correct"),
        ("riverside-adult-care.txt", "Our Data Protection Officer"),
        ("riverside-adult-care.md", "complaints@riverside"),
    ],
)
def test_locations_point_at_the_text_in_the_source(name, phrase):
    path = SAME / name
    location = location_of(load(str(path)), phrase)
    assert source_at(path, location, len(phrase)) == phrase


def test_html_entities_and_line_columns(tmp_path):
    path = tmp_path / "n.html"
    path.write_text("<main>\n  <p>Smith &amp; Jones Ltd\n     keeps data for <b>six</b> years.</p>\n</main>\n", encoding="utf-8")
    document = load(str(path))
    assert document.blocks[0].text == "Smith & Jones Ltd keeps data for six years."
    assert str(location_of(document, "keeps")) == "3:6"
    assert str(location_of(document, "six")) == "3:24"
    assert str(location_of(document, "Jones")) == "2:18"
    assert str(location_of(document, "&")) == "2:12"


def test_template_code_is_not_prose_and_lines_survive():
    path = SAME / "riverside-adult-care.njk"
    document = load(str(path))
    text = document.text
    assert "{%" not in text and "{{" not in text and "notice.updated_prefix" not in text
    assert "extends" not in text
    location = location_of(document, "This notice was last updated")
    assert source_at(path, location, 12) == "This notice "


def test_an_href_partly_template_code_is_templated_and_a_real_one_is_not(tmp_path):
    # 'mailto:{{contact_email}}' is filled when rendered; an address written out stays a checked link
    _, document = write_notice(
        tmp_path,
        "privacy.html",
        '<p>Write to us at <a href="mailto:{{contact_email}}">{{contact_email}}</a> or '
        '<a href="mailto:dpo@example.gov.uk">our DPO</a>.</p>\n',
    )
    templated, written = list(document.links)
    assert templated.templated and templated.target == "mailto:{{contact_email}}"
    assert not written.templated and written.target == "mailto:dpo@example.gov.uk"


def test_erb_translation_lookups_are_not_text():
    document = load(str(SAME / "riverside-adult-care.html.erb"))
    assert "t('.title')" not in document.text and "link_to" not in document.text
    assert "content_for" not in document.text


@pytest.mark.parametrize("name", ["notice.hbs", "notice.liquid", "notice.php"])
def test_template_hrefs_are_marked_as_templated(name):
    document = load(str(FORMATS / name))
    link = next(document.links)
    assert link.templated and link.text == "Data Protection Officer"
    assert "We keep permit records for 6 years." in document.text
    assert "{{" not in document.text and "<?" not in document.text


def test_razor_code_is_blanked_but_email_addresses_stay():
    document = load(str(FORMATS / "notice.cshtml"))
    assert "privacy@riverside.example.gov.uk" in document.text
    assert "ViewData" not in document.text and "@Model" not in document.text and "Model.ShowRetention" not in document.text
    assert "We keep permit records for 6 years." in document.text


def test_liquid_front_matter_becomes_metadata():
    document = load(str(FORMATS / "notice.liquid"))
    assert document.metadata["layout"] == "page"
    assert "layout: page" not in document.text


def test_script_strings_holding_html():
    document = load(str(FORMATS / "notice.tsx"))
    assert document.format == "script"
    assert "We keep permit records for 6 years." in document.text
    assert "import React" not in document.text and "${" not in document.text
    assert str(document.blocks[0].location) == "6:9"  # the config's own title is not rendered data


def test_markdown_links_tables_and_inline_html():
    path = FORMATS / "notice-with-tables.md"
    document = load(str(path))
    targets = [link.target for link in document.links]
    assert targets == [
        "https://riverside.example.gov.uk/retention",
        "https://ico.org.uk/",
        "http://www.example.org/help",
        "https://riverside.example.gov.uk/contact",
        "",
    ]
    cells = [(b.text, b.row) for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    # each cell knows its row: the header row, then the data row
    assert cells == [("Record", 1), ("How long we keep it", 1), ("Permit applications", 2), ("6 years after the permit ends", 2)]
    assert all(b.row == 0 for b in document.blocks if b.kind is not BlockKind.TABLE_CELL)
    escaped = block_with(document, "escaped")
    assert "(bracket) and & entity" in escaped.text
    assert source_at(path, location_of(document, "entity"), 6) == "entity"


def test_html_table_cells_know_their_row():
    source = (
        "<table>\n<tr><th>Purpose</th><th>Lawful basis</th></tr>\n"
        "<tr>\n  <td>Keeping the site secure</td>\n  <td>Legitimate interests</td>\n</tr>\n"
        "<tr><td>Keeping records the law requires</td><td>Legal obligation</td></tr>\n</table>\n<p>After the table.</p>\n"
    )
    document = parse(RawSource("n.html", source.encode(), "html"))
    assert [(b.text, b.row) for b in document.blocks] == [
        ("Purpose", 1), ("Lawful basis", 1),
        ("Keeping the site secure", 2), ("Legitimate interests", 2),  # a row spread over lines is still one row
        ("Keeping records the law requires", 3), ("Legal obligation", 3),
        ("After the table.", 0),
    ]


def test_markdown_front_matter_and_reference_link_location():
    document = load(str(FIXTURES / "good" / "complete-notice.md"))
    assert document.metadata["last_updated"] == "2026-09-01"
    ref = load(str(FORMATS / "notice-with-tables.md"))
    first = next(ref.links)
    assert str(first.location) == "3:9" and first.raw == "[retention schedule][schedule]"


@pytest.mark.corpus
def test_plain_text_with_markdown_links_and_headings():
    document = load(str(CORPUS / "portsmouth-children-families.txt"))
    assert document.format == "text"
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING]
    assert "How long do we keep hold of personal information?" in headings
    assert not any("SK9 5AF" in h or "0303" in h for h in headings)  # address and phone lines are not headings
    address = block_with(document, "PO1 2AL")
    assert address.kind is BlockKind.PARAGRAPH and str(address.location) == "59:1"


@pytest.mark.corpus
def test_markdown_inside_a_django_template():
    document = load(str(CORPUS / "democracy-club-privacy.html"))
    privacy = block_with(document, "Privacy, in detail")
    assert privacy.kind is BlockKind.HEADING and str(privacy.location) == "21:4"


def test_pdf_pages_headings_and_list_items():
    document = load(str(SAME / "riverside-adult-care.pdf"))
    heading = block_with(document, "What information we hold")
    assert heading.kind is BlockKind.HEADING and heading.location.page == 1
    item = block_with(document, "your name, address and date of birth")
    assert item.kind is BlockKind.LIST_ITEM and item.intro.endswith("may include:")
    assert item.location.page == 1 and item.location.line > heading.location.line


def test_docx_paragraph_numbers_styles_and_hyperlinks(tmp_path):
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Privacy notice", level=1)
    paragraph = document.add_paragraph("Use the ")
    rel = paragraph.part.relate_to("https://riverside.example.gov.uk/form", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "access form"
    run.append(text)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)
    document.add_paragraph("your name", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Records"
    table.cell(0, 1).text = "6 years"
    table.cell(1, 0).text = "Enquiries"
    table.cell(1, 1).text = "1 year"
    path = tmp_path / "n.docx"
    document.save(path)
    parsed = load(str(path))
    kinds = [(b.kind, b.text, str(b.location)) for b in parsed.blocks]
    assert kinds == [
        (BlockKind.HEADING, "Privacy notice", "1:1"),
        (BlockKind.PARAGRAPH, "Use the access form", "2:1"),
        (BlockKind.LIST_ITEM, "your name", "3:1"),
        (BlockKind.TABLE_CELL, "Records", "4:1"),
        (BlockKind.TABLE_CELL, "6 years", "5:1"),
        (BlockKind.TABLE_CELL, "Enquiries", "6:1"),
        (BlockKind.TABLE_CELL, "1 year", "7:1"),
    ]
    assert [b.row for b in parsed.blocks] == [0, 0, 0, 1, 1, 2, 2]
    link = next(parsed.links)
    assert link.target == "https://riverside.example.gov.uk/form" and link.text == "access form" and str(link.location) == "2:9"


@pytest.mark.parametrize("name, problem", BAD_FILES)
def test_bad_files_give_one_clear_reason(name, problem):
    with pytest.raises(InputError) as caught:
        load(str(FIXTURES / "bad" / name))
    assert problem in str(caught.value) and name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(str(tmp_path / "nope.md"))
    with pytest.raises(InputError, match="is a directory"):
        load(str(tmp_path))


def test_docx_zip_bomb_is_refused_before_reading(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    with pytest.raises(InputError, match="would decompress to"):
        load(str(path))


def test_content_sniffing_without_an_extension():
    assert parse(RawSource("-", b"<p>We are the controller.</p>", "html")).format == "html"
    from notice_audit.ingest.source import sniff_format

    assert sniff_format(b"%PDF-1.7") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><p>x</p>") == "html"
    assert sniff_format(b"# Privacy\n\nText") == "markdown"
    assert sniff_format(b"Privacy notice\n\nWe keep data.") == "text"


def test_crlf_and_bom_keep_line_numbers(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes("\ufeff# Notice\r\n\r\nWe keep records for 6 years.\r\n".encode("utf-8"))
    document = load(str(path))
    assert str(location_of(document, "records")) == "3:9"


def test_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "n.html"
    path.write_bytes('<meta charset="windows-1252"><p>Caf\xe9 records \x96 kept for 6 years.</p>'.encode("latin-1"))
    assert "Café records – kept" in load(str(path)).text


def test_jsx_markup_is_read_and_code_is_not():
    path = FORMATS / "PrivacyPage.jsx"
    document = load(str(path))
    text = document.text
    assert "Riverside Borough Council is the data controller." in text
    assert "We keep permit records for 6 years." in text  # JSX inside a {cond && (...)} expression
    assert "import" not in text and "EMAIL" not in text and "showRetention" not in text and "JSX comment" not in text
    heading = document.blocks[0]
    assert heading.kind is BlockKind.HEADING and heading.text == "Who we are" and str(heading.location) == "9:21"
    assert source_at(path, location_of(document, "We keep permit"), 14) == "We keep permit"
    templated, static = list(document.links)
    assert templated.templated and templated.target == "`/privacy/${slug}`"
    assert static.target == "/cookies" and not static.templated


def test_a_pages_data_strings_are_read_where_they_are_written():
    # React pages often keep the notice in data: [{ title: "…", content: "…" }] rendered by .map().
    path = FORMATS / "PrivacySections.tsx"
    document = load(str(path))
    kinds = [(b.kind.name, b.text) for b in document.blocks]
    assert kinds[:8] == [
        ("HEADING", "Who we are"),
        ("PARAGRAPH", "Riverside Borough Council is the data controller. Write to us at Town Hall, Riverside RV1 1AA."),
        ("HEADING", "What we collect"),
        ("PARAGRAPH", "We collect the following information:"),
        ("LIST_ITEM", "your name and address"),
        ("LIST_ITEM", "details of your permit application"),
        ("HEADING", "How long we keep it"),
        ("LIST_ITEM", "We keep permit records for 6 years."),
    ]
    # an array of paragraphs stays paragraphs; an array of items is a list
    assert [(b.kind.name, b.text[:20]) for b in document.blocks[8:12]] == [
        ("LIST_ITEM", "We delete enquiries "), ("HEADING", "Your rights"),
        ("PARAGRAPH", "You have the right t"), ("PARAGRAPH", "You can complain to "),
    ]
    item = block_with(document, "details of your permit")
    assert item.intro == "We collect the following information:" and item.heading_path[-1] == "What we collect"
    for text in ("details of your permit", "We delete enquiries", "Riverside Borough Council", "How long"):
        assert source_at(path, location_of(document, text), len(text)) == text
    # a constant the JSX prints, and nothing of the code: keys, ids, classes, imports, conditions
    assert "Last updated: 3 March 2026" in document.text
    # an object's strings are printed where the JSX names them
    assert "Questions? Write to Riverside Borough Council at privacy@riverside.example.gov.uk." in document.text
    assert block_with(document, "privacy@riverside").text == "📧 privacy@riverside.example.gov.uk"  # a line of contact details
    assert not any(word in document.text for word in ("who-we-are", "text-3xl", "lucide", "Shield", "sections.length"))


def test_every_element_of_a_long_data_array_is_read():
    sentences = [f"Paragraph {n} of the notice says something long enough to need its own line here." for n in range(12)]
    source = "const sections = [\n  {\n    title: \"Your rights\",\n    content: [\n" + "".join(
        f'      "{sentence}",\n' for sentence in sentences
    ) + "    ],\n  },\n];\nexport default () => <main>{sections.map((s) => <p>{s.title}</p>)}</main>;\n"
    document = parse(RawSource("p.tsx", source.encode(), "script"))
    assert [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH] == sentences


def test_a_contact_card_in_a_pages_data_is_read():
    # `{ type: "contact", data: { name, email, address: [...] } }` rendered by a component: the email and
    # postcode are the notice's contact routes; a lone town name and the card's type are not prose
    source = (
        "export const CONFIG = {\n  sections: [{\n    title: \"Contact us\",\n    content: [\n"
        "      \"You can also contact our Data Protection Officer (DPO):\",\n"
        "      { type: 'contact', data: { name: 'Data Protection Officer', email: 'dpo@example.gov.uk',\n"
        "        address: ['1 Victoria Street', 'London', 'SW1H 0ET'] } },\n    ],\n  }],\n};\n"
    )
    document = parse(RawSource("privacy.ts", source.encode(), "script"))
    texts = [b.text for b in document.blocks]
    assert "dpo@example.gov.uk" in texts and "SW1H 0ET" in texts and "1 Victoria Street" in texts
    assert "London" not in texts and "contact" not in texts


@pytest.mark.parametrize(
    "name, fmt, source",
    [
        ("n.md", "markdown", "We keep your name. ~~We use Wix.com to host the forms.~~ We delete it after a year."),
        ("n.html", "html", "<p>We keep your name. <del>We use Wix.com to host the forms.</del> We delete it after a year.</p>"),
        ("n.html", "html", "<p>We keep your name. <s>We use Wix.com to host the forms.</s> We delete it after a year.</p>"),
    ],
)
def test_struck_out_text_is_withdrawn(name, fmt, source):
    # struck-out text is shown as deleted: the reader is told it no longer holds
    document = parse(RawSource(name, source.encode(), fmt))
    assert "Wix" not in document.text
    assert "We keep your name." in document.text and "We delete it after a year." in document.text
    # what follows the struck text keeps its place in the source
    assert location_of(document, "We delete").column == source.index("We delete") + 1


def test_a_date_a_template_sets_is_its_date():
    # `{% set dateUpdated = 'August 2018' %}`, printed by a layout this file does not hold
    source = b"{% set pageTitle = 'Privacy' %}\n{% set dateUpdated = 'August 2018' %}\n{% extends 'layout.njk' %}\n<p>We keep your email for 2 years.</p>\n"
    document = parse(RawSource("privacy.njk", source, "jinja"))
    assert find_last_updated(document).date.isoformat() == "2018-08-01"
    # a name that is no date, or a date name holding words, gives no date
    for other in (b"{% set pageDate = 'August 2018' %}", b"{% set dateUpdated = 'soon' %}"):
        plain = parse(RawSource("privacy.njk", source.replace(b"{% set dateUpdated = 'August 2018' %}", other), "jinja"))
        assert find_last_updated(plain) is None or find_last_updated(plain).date is None


def test_a_php_variable_the_page_sets_is_printed_where_it_is_echoed(tmp_path):
    # `$last_updated = '01 June 2026';` then `<?php echo $last_updated; ?>`, `<?= $owner ?>` or Blade's `{{ $owner }}`;
    # a variable set from code (`$title = $page['title'] ?? …`) prints nothing
    _, document = write_notice(tmp_path, "privacy.php", (
        "<?php\n$owner = 'Swamitime Solutions Ltd';\n$last_updated = '01 June 2026';\n$title = $page['title'] ?? 'Privacy';\n?>\n"
        "<p><?= $owner ?> is the controller.</p>\n<p>This page was last updated on <strong><?php echo $last_updated; ?></strong>.</p>\n"
        "<p>Page: <?php echo $title; ?></p>\n"
    ))
    assert [text for _, text in kinds_and_texts(document)] == [
        "Swamitime Solutions Ltd is the controller.", "This page was last updated on 01 June 2026.", "Page:",
    ]
    assert find_last_updated(document).date.isoformat() == "2026-06-01"
    _, blade = write_notice(tmp_path, "privacy.blade.php", "@php $owner = 'Acme Ltd'; @endphp\n<p>{{ $owner }} is the controller.</p>\n")
    assert kinds_and_texts(blade) == [("PARAGRAPH", "Acme Ltd is the controller.")]


def test_a_date_in_a_pages_data_is_its_date():
    # `updated: "…"` beside the notice's sections, rendered by a page this file does not hold
    source = (
        'export const PRIVACY = {\n  title: "Privacy policy",\n  updated: "2026-09-21",\n'
        '  sections: [{ heading: "Your rights", body: ["You have the right to a copy of your data."] }],\n};\n'
    )
    document = parse(RawSource("legal.ts", source.encode(), "script"))
    assert document.metadata["updated"] == "2026-09-21"
    assert find_last_updated(document).date.isoformat() == "2026-09-21"
    # a key that is no date, or a date key holding words, gives no date
    for other in ('  label: "2026-09-21",\n', '  updated: "weekly",\n'):
        plain = parse(RawSource("legal.ts", source.replace('  updated: "2026-09-21",\n', other).encode(), "script"))
        assert "updated" not in plain.metadata


def test_data_printed_under_a_heading_nests_below_it():
    # the rights as cards: {[{ title: "Request access", desc: "to your personal data" }].map(...)} under an h2
    source = b"""export default () => (
  <main>
    <h2>Your legal rights</h2>
    {[
      { title: "Request access", desc: "to your personal data (a subject access request)." },
      { title: "Request erasure", desc: "of your personal data." },
    ].map((r) => <div><h3>{r.title}</h3><p>{r.desc}</p></div>)}
    <h2>Cookies</h2>
  </main>
);
"""
    document = parse(RawSource("p.tsx", source, "script"))
    cards = [(b.kind.name, b.text, b.heading_path) for b in document.blocks]
    assert cards[1:5] == [
        ("HEADING", "Request access", ("Your legal rights",)),
        ("PARAGRAPH", "to your personal data (a subject access request).", ("Your legal rights", "Request access")),
        ("HEADING", "Request erasure", ("Your legal rights",)),
        ("PARAGRAPH", "of your personal data.", ("Your legal rights", "Request erasure")),
    ]
    assert cards[5][:2] == ("HEADING", "Cookies") and cards[5][2] == ()


def test_blade_directives_and_echoes_are_blanked():
    document = load(str(FORMATS / "notice.blade.php"))
    assert document.format == "blade"
    text = document.text
    assert "@if" not in text and "@endif" not in text and "route(" not in text and "extraHtml" not in text
    # a `@php … @endphp` block is code, not a paragraph of prose
    assert "$sections" not in text and "Who is responsible" not in text and "@endphp" not in text
    assert "privacy@riverside.example.gov.uk" in text  # an e-mail address is not a directive
    assert document.blocks[0].text == "Privacy notice" and document.blocks[0].kind is BlockKind.HEADING
    assert next(document.links).templated


def test_values_a_template_sets_for_itself_are_printed_where_it_prints_them():
    path = FORMATS / "set-variables.njk"
    document = load(str(path))
    text = document.text
    assert "The Rural Payments Agency is the data controller for this service." in text
    assert "Write to us at Rural Payments Agency, PO Box 352, Worksop, S80 9FG." in text
    assert "monitors the Rural Payments Agency's use of personal information." in text
    # A value's words sit at the expression that prints them; the words after it where they are.
    assert source_at(path, location_of(document, "Rural Payments Agency is"), 2) == "{{"
    assert source_at(path, location_of(document, "is the data controller"), 6) == "is the"
    assert source_at(path, location_of(document, "'s use of personal"), 6) == "'s use"
    link = next(link for link in document.links if link.text == "contact form")
    assert link.target == "https://www.example.gov.uk/rpa/contact" and not link.templated
    # A variable set after its use in the file still counts (Jinja evaluates top-level sets first).
    assert "Last updated: 3 June 2025" in text
    # Markup in a value, or a name the file never sets, stays blank.
    assert "Beta" not in text and "strong" not in text and "service_name" not in text
    everything = text + "".join(f"{link.text}{link.target}" for link in document.links) + "".join(document.metadata.values())
    assert not any("\ue000" <= char <= "\uf8ff" for char in everything)


def test_erb_locals_are_printed_too(tmp_path):
    path = tmp_path / "notice.html.erb"
    path.write_text('<% owner = "Harbour Port Authority" %>\n<p><%= owner %> is the data controller.</p>\n<p><%= @owner %> stays code.</p>\n', encoding="utf-8")
    text = load(str(path)).text
    assert "Harbour Port Authority is the data controller." in text and "stays code." in text
    assert text.count("Harbour Port Authority") == 1


def test_translation_tags_print_their_words():
    path = FORMATS / "django-trans.html"
    document = load(str(path))
    text = document.text
    assert "The Ministry of Harbours is the data controller for the ‘Book a mooring’ service." in text
    assert "We use your name and boat details to allocate moorings." in text
    assert "You can ask for a copy of your information." in text and "Email: moorings@example.gov.uk" in text
    assert source_at(path, location_of(document, "The Ministry of Harbours"), 8) == "{% trans"
    # `{% blocktrans with url='…' %}` names the link's target; `{% trans … as name %}` prints nothing itself.
    link = next(link for link in document.links if link.text == "GOV.UK Pay")
    assert link.target == "https://pay.example.gov.uk/privacy"
    assert "Moorings staff see your booking." not in text


@pytest.mark.parametrize("name", ["notice.jsp", "notice.ftl", "notice.ascx"])
def test_jsp_freemarker_and_aspnet_code_is_blanked(name):
    path = FORMATS / name
    document = load(str(path))
    text = document.text
    assert "The Harbour Licensing Agency keeps licence records for 6 years." in text
    assert "${" not in text and "<%" not in text and "<#" not in text and "contactEmail" not in text
    assert "Hard-coded" not in text and "FreeMarker page" not in text
    assert "Holder" not in text and "AddressLine1" not in text and "by Email" not in text
    assert source_at(path, location_of(document, "keeps licence records"), 5) == "keeps"


def test_rails_helpers_and_components_print_their_literals():
    path = FORMATS / "rails-components.html.erb"
    document = load(str(path))
    kinds = [(block.kind, block.text) for block in document.blocks]
    assert (BlockKind.PARAGRAPH, "The Harbour Booking service is provided by the Harbour Licensing Agency (HLA).") in kinds
    assert (BlockKind.HEADING, "What data we collect") in kinds and (BlockKind.HEADING, "Contact us") in kinds
    items = [block for block in document.blocks if block.kind is BlockKind.LIST_ITEM]
    assert [item.text for item in items] == ["name and email address", "boat registration number"]
    assert items[0].intro == "We collect your:" and items[0].heading_path == ("What data we collect",)
    contact = next(block for block in document.blocks if block.kind is BlockKind.HEADING and block.text == "Contact us")
    assert contact.level == 3 and contact.heading_path == ("What data we collect",)
    assert source_at(path, contact.location, 3) == "<%="
    # Emails printed by mail_to, on their own or inline; a table component is not guessed at.
    assert "privacy@harbours.example.gov.uk" in document.text and "Or write to us: post@harbours.example.gov.uk." in document.text
    assert "session" not in document.text and "Name" not in document.text


def test_router_link_components_are_links_and_html_link_tags_stay_empty():
    jsx = b"""export default function Page() {
  return (
    <section>
      <ul>
        <li><Link href="#where">Where we get personal information from</Link></li>
        <li><RouterLink to="/contact">Contact us</RouterLink></li>
      </ul>
      <p>We keep records for 6 years.</p>
    </section>
  );
}
"""
    document = parse(RawSource("Page.jsx", jsx, "script"))
    where, contact = list(document.links)
    assert (where.text, where.target) == ("Where we get personal information from", "#where")
    assert (contact.text, contact.target) == ("Contact us", "/contact")
    assert document.blocks[0].is_contents_entry and not document.blocks[1].is_contents_entry
    html = b'<link rel="stylesheet" href="/site.css"><p>We keep records for 6 years.</p>'
    page = parse(RawSource("n.html", html, "html"))
    assert [b.text for b in page.blocks] == ["We keep records for 6 years."] and not list(page.links)


def test_a_list_nested_under_an_item_is_introduced_by_that_item():
    markdown = b"""Our lawful bases are:

- Legitimate interests - it benefits you and us. Our legitimate interests are:
  - keeping track of who attends our workshops
- Consent
"""
    document = parse(RawSource("n.md", markdown, "markdown"))
    nested = next(b for b in document.blocks if b.text.startswith("keeping track"))
    assert nested.intro == "Our legitimate interests are:"
    consent = next(b for b in document.blocks if b.text == "Consent")
    assert consent.intro == "Our lawful bases are:"


def test_hard_line_breaks_end_a_line_of_its_own_but_not_a_wrapped_sentence():
    html = b"<p>Website Privacy Notice<br>Name: Meenal Patel<br>E-mail: hello@example.co.uk</p><p>Write to us at<br>Town Hall, Riverside.</p>"
    document = parse(RawSource("n.html", html, "html"))
    assert [s.text for s in document.sentences()] == [
        "Website Privacy Notice", "Name: Meenal Patel", "E-mail: hello@example.co.uk", "Write to us at Town Hall, Riverside.",
    ]
    sentence = document.sentences()[1]
    assert str(sentence.location) == "1:30"  # 'Name' where the source has it
    # A Markdown hard break (backslash) is a line break; a soft break is a space.
    markdown = b"Name: Hartley Opticians\\\nEmail: eyes@example.org\n\nWe keep your records\nfor ten years.\n"
    assert [s.text for s in parse(RawSource("n.md", markdown, "markdown")).sentences()] == [
        "Name: Hartley Opticians", "Email: eyes@example.org", "We keep your records for ten years.",
    ]


def test_a_template_field_in_capitals_is_text_not_an_element():
    # '<DATE>' left unfilled would vanish as an unknown element; '<B>' and '<P>' stay markup
    html = b"<p>We keep your email until <DATE>. Issued by <COMPANY NAME>.</p><P>Old <B>markup</B>.</P>"
    document = parse(RawSource("n.html", html, "html"))
    assert [b.text for b in document.blocks] == ["We keep your email until <DATE>. Issued by <COMPANY NAME>.", "Old markup."]
    assert str(block_with(document, "We keep").locate(25)) == "1:29"
    markdown = parse(RawSource("n.md", b"We keep your email until <DATE>.\n", "markdown"))
    assert [b.text for b in markdown.blocks] == ["We keep your email until <DATE>."]


def test_an_abbreviations_full_stop_ends_no_sentence():
    markdown = b"Consent (Art. 6(1)(a)): our newsletter. Legitimate interests (Art. 6(1)(f)): keeping the site secure.\n\nSee para. 4 of Sch. 1 to the Act.\n"
    assert [s.text for s in parse(RawSource("n.md", markdown, "markdown")).sentences()] == [
        "Consent (Art. 6(1)(a)): our newsletter.", "Legitimate interests (Art. 6(1)(f)): keeping the site secure.",
        "See para. 4 of Sch. 1 to the Act.",
    ]


def test_wide_spacing_after_a_list_number_is_read_as_the_items_text():
    # CommonMark reads text five or more spaces after '1.' as code inside the item; it is a contents line here
    markdown = b"1.       Who we are\n\n2.       How we collect information about you\n\n### 1.       Who we are\n\nWe are Mind.\n"
    document = parse(RawSource("n.md", markdown, "markdown"))
    assert [b.text for b in document.blocks] == ["Who we are", "How we collect information about you", "1. Who we are", "We are Mind."]
    assert str(block_with(document, "How we collect").location) == "3:10"


def test_data_strings_with_semicolons_and_escaped_quotes_are_prose():
    # 'access …; have it corrected; …' is punctuation, not a statement separator; \' is a quote
    source = rb"""const sections = [
  {
    title: "Your rights",
    body: [
      'You have the right to: access your data; have it corrected; have it erased.',
      'You can complain to the Information Commissioner\'s Office (ico.org.uk); in the EU, to your regulator.',
      'color:red;font-weight:bold',
    ],
  },
];
export default () => <><h1>Privacy</h1><main>{sections.map((s) => <p>{s.title}</p>)}</main></>;
"""
    document = parse(RawSource("p.tsx", source, "script"))
    assert "<>" not in document.text and "</>" not in document.text  # a fragment is no text
    assert [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH] == [
        "You have the right to: access your data; have it corrected; have it erased.",
        "You can complain to the Information Commissioner's Office (ico.org.uk); in the EU, to your regulator.",
    ]


def test_indented_prose_in_markdown_is_read_and_indented_code_is_not():
    # Text converted from HTML indents its lists by four spaces, which CommonMark reads as code.
    markdown = b"""We may receive information about you:

      * from third parties, including credit reference agencies;

      * specifically from landlords.

Install the widget:

    curl -s https://example.org/widget.js | sh
    export WIDGET_KEY=abc123
"""
    document = parse(RawSource("n.md", markdown, "markdown"))
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == ["from third parties, including credit reference agencies;", "specifically from landlords."]
    assert items[0].intro == "We may receive information about you:"
    assert str(items[1].locate(0)) == "5:9"  # where 'specifically' is in the source
    assert not any("curl" in b.text or "WIDGET" in b.text for b in document.blocks)
    # an address block indented by a tab is prose too
    address = parse(RawSource("n.md", b"Write to us at:\n\n\tData Controller\n\tNutrition Associates\n\t91 Wimpole St\n", "markdown"))
    block = block_with(address, "Data Controller")
    assert block.text == "Data Controller Nutrition Associates 91 Wimpole St"
    assert str(block.locate(0)) == "3:2"


def test_a_components_data_attributes_are_read_where_they_are_written():
    # Component libraries render lists and tables from their attributes: <UL items={[…]} />, <Table rows={[…]} />.
    path = FORMATS / "DataComponents.tsx"
    document = load(str(path))
    blocks = [(b.kind.name, b.text) for b in document.blocks]
    assert ("LIST_ITEM", "your name and address") in blocks and ("LIST_ITEM", "details of the visits you book") in blocks
    item = block_with(document, "your name and address")
    assert item.intro == "When you book a visit, we collect:" and item.heading_path == ("Who we are",)
    # each row of a table's data is one row of cells, as a <tr> is
    basis = block_with(document, "Legitimate interests (Article 6(1)(f))")
    purpose = block_with(document, "Improve the service")
    assert basis.kind is BlockKind.TABLE_CELL and basis.row == purpose.row != block_with(document, "Book your visits").row
    assert block_with(document, "Why").kind is BlockKind.TABLE_CELL  # a one-word cell is a cell
    # a component's title is a heading; JSX and constants inside its data are read too
    assert ("HEADING", "How long we keep it") in blocks
    assert block_with(document, "We keep visit records").heading_path[-1] == "How long we keep it"
    assert "privacy@riverside.example.co.uk" in document.text and "Town Hall, Riverside RV1 1AA" in document.text
    for text in ("your name and address", "Legitimate interests", "How long we keep it", "Why"):
        assert source_at(path, location_of(document, text), len(text)) == text
    # a chart's numbers and labels, the tags and the keys are no text
    assert not any(word in document.text for word in ("jan", "feb", "KV", "rows", "items", "Chart"))


def test_a_ui_librarys_components_are_read_as_the_html_they_render():
    # MUI and Chakra pages: <Typography variant="h5"> is a heading, <List>/<ListItem> a list, <Typography> a paragraph.
    document = load(str(FORMATS / "MuiNotice.tsx"))
    blocks = [(b.kind.name, b.level, b.text) for b in document.blocks]
    assert blocks == [
        ("HEADING", 1, "Privacy notice"),  # what it renders (component="h1") before how it looks (variant="h4")
        ("PARAGRAPH", 0, "Riverside Care Ltd is the data controller. Email privacy@riverside.example.co.uk."),
        ("HEADING", 5, "Your rights"),
        ("PARAGRAPH", 0, "You have the right to:"),
        ("LIST_ITEM", 0, "ask for a copy of your data"),
        ("LIST_ITEM", 0, "ask us to correct it"),
        ("PARAGRAPH", 0, "We reply within one month of your request."),  # <Text as="strong"> stays inline
    ]
    assert block_with(document, "ask us to correct").intro == "You have the right to:"


def test_each_markdown_table_cell_is_located_in_its_own_column(tmp_path):
    # the cells of a row share one source line: '[location]' is found in the third cell, not at the row's first '['
    path, document = write_notice(
        tmp_path,
        "notice.md",
        "| Sub-processor | Purpose | Location |\n| --- | --- | --- |\n"
        "| [Email provider] | Sending sign-in links to teachers | [location] |\n"
        "| Supabase | Hosting | London, in the UK region |\n",
    )
    for text in ("[location]", "teachers", "[Email provider]", "London", "UK region"):
        assert source_at(path, location_of(document, text), len(text)) == text


def test_a_pages_own_item_component_inside_a_list_is_a_list_item(tmp_path):
    # `const Bullet = ({ children }) => <li …>{children}</li>`, used as `<ul><Bullet>…</Bullet></ul>`
    _, document = write_notice(
        tmp_path,
        "Privacy.tsx",
        "const Bullet = ({ children }: { children: ReactNode }) => <li className=\"pl-7\">{children}</li>;\n"
        "export const Privacy = () => (\n  <main>\n    <p>Under UK GDPR you have the right to:</p>\n"
        "    <ul className=\"list-none\">\n      <Bullet>Ask for a copy of the personal data we hold about you</Bullet>\n"
        "      <Bullet>Ask us to correct information that is inaccurate</Bullet>\n    </ul>\n  </main>\n);\n",
    )
    items = [b.text for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == ["Ask for a copy of the personal data we hold about you", "Ask us to correct information that is inaccurate"]
    assert block_with(document, "Ask us to correct").intro == "Under UK GDPR you have the right to:"


def test_markdown_autolinks_in_a_template_are_links_not_tags(tmp_path):
    # A GOV.UK template sets its body as Markdown and renders it with `govukMarkdown`: '<dpo@…>' is an autolink.
    path, document = write_notice(
        tmp_path,
        "privacy-notice.njk",
        '{% set body %}We collect your name for research.\n\n'
        'If you are unhappy, contact the Data Protection Officer at: <dataprotection@communities.example.gov.uk>.\n\n'
        'You can complain to the ICO at <https://ico.org.uk/concerns>.{% endset %}\n'
        '{% block content %}{{ body | govukMarkdown | safe }}{% endblock %}\n',
    )
    block = block_with(document, "Data Protection Officer")
    assert block.text.endswith("Officer at: dataprotection@communities.example.gov.uk.")
    assert [link.target for link in block.links] == ["mailto:dataprotection@communities.example.gov.uk"]
    assert source_at(path, location_of(document, "dataprotection@"), 15) == "dataprotection@"
    assert [link.target for link in block_with(document, "complain").links] == ["https://ico.org.uk/concerns"]


@pytest.mark.parametrize("name", ["privacy.astro", "Privacy.svelte", "PrivacyNotice.vue"])
def test_single_file_components_are_read_as_markup_with_their_code_blank(name):
    # Astro's code fence, Svelte's and Vue's <script> and <style> blocks are code; the rest is markup.
    path = FORMATS / name
    document = load(str(path))
    assert document.format == "component"
    text = document.text
    assert not any(code in text for code in ("import", "const", "color:", "margin:", "max-width", "{", "}", "#each", "<br>"))
    heading = document.blocks[0]
    assert heading.kind is BlockKind.HEADING and heading.text == "Privacy notice"  # '{{ title }}' printed in Vue
    for written in ("Last updated:", "Riverside Plumbing Ltd", "Your rights", "How long we keep it", "Invoices are kept"):
        if written in path.read_text(encoding="utf-8"):
            assert source_at(path, location_of(document, written), len(written)) == written


def test_a_constant_array_mapped_to_list_items_is_read_as_a_list():
    # `{rights.map((right) => <li>{right}</li>)}` over `const rights = [...]`, and Svelte's `{#each rights as right}`
    for name, count in (("privacy.astro", 3), ("Privacy.svelte", 2)):
        document = load(str(FORMATS / name))
        items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
        assert [b.text for b in items][:2] == ["ask for a copy of your data", "ask us to correct it"] and len(items) == count
        assert all(b.intro == "You have the right to:" and b.heading_path[-1] == "Your rights" for b in items)
        assert "Last updated: 4 March 2025" in document.text


def test_a_component_named_like_a_void_element_still_holds_its_children(tmp_path):
    # `<Link>` is Next.js's link, not HTML's void `<link>`: the markup after it is still read.
    path = tmp_path / "Privacy.tsx"
    path.write_text(
        'export default function P() {\n  return (\n    <Container>\n      <Link href="/">Home</Link>\n'
        '      <h1>Privacy notice</h1>\n      <p>Riverside Council is the data controller.</p>\n    </Container>\n  );\n}\n',
        encoding="utf-8",
    )
    assert [b.text for b in load(str(path)).blocks] == ["Home", "Privacy notice", "Riverside Council is the data controller."]


def test_an_array_written_in_place_and_mapped_is_read(tmp_path):
    # `{[['Company', 'Vale and Mercer Ltd'], …].map(([k, v]) => <tr>…)}`: each row one line; plain strings items
    path = tmp_path / "Privacy.tsx"
    path.write_text((
        "export default function P() {\n  return (\n    <main>\n      <h2>Who we are</h2>\n      <table><tbody>\n"
        "        {[['Company', 'Vale and Mercer Ltd'], ['Email', 'privacy@valeandmercer.example.co.uk']].map(([k, v]) => (\n"
        "          <tr key={k}><th>{k}</th><td>{v}</td></tr>\n        ))}\n      </tbody></table>\n"
        "      <p>We use cookies:</p>\n      <ul>{['to keep the site secure', 'to count visits'].map((item) => <li key={item}>{item}</li>)}</ul>\n"
        "      <p>{[1, 2].map((n) => <span key={n}>{n}</span>)}</p>\n    </main>\n  );\n}\n"), encoding="utf-8")
    blocks = [(b.kind.name, b.text) for b in load(str(path)).blocks]
    assert blocks == [
        ("HEADING", "Who we are"),
        ("LIST_ITEM", "Company: Vale and Mercer Ltd"),
        ("LIST_ITEM", "Email: privacy@valeandmercer.example.co.uk"),
        ("PARAGRAPH", "We use cookies:"),
        ("LIST_ITEM", "to keep the site secure"),
        ("LIST_ITEM", "to count visits"),
    ]


def test_an_object_arrays_strings_the_markup_prints_are_read(tmp_path):
    # `{[{ name: 'Resend', role: '…', location: 'USA (…)' }].map(p => <div>{p.name}<p>{p.role}</p></div>)}`: the keys
    # the markup prints as text are words whatever they are called; a key only used as an attribute (`href={p.link}`) is not
    path = tmp_path / "Privacy.tsx"
    path.write_text((
        "export default function P() {\n  return (\n    <main>\n      <h2>Our processors</h2>\n"
        "      {[\n        { name: 'Resend', role: 'Transactional email delivery', location: 'USA (Standard Contractual Clauses apply)',"
        " link: 'https://resend.com/legal/privacy-policy' },\n      ].map(p => (\n"
        "        <div key={p.name}><span>{p.name}</span><span>{p.location}</span><a href={p.link}>Policy</a><p>{p.role}</p></div>\n"
        "      ))}\n    </main>\n  );\n}\n"), encoding="utf-8")
    document = load(str(path))
    texts = [b.text for b in document.blocks]
    for printed in ("Resend", "Transactional email delivery", "USA (Standard Contractual Clauses apply)"):
        assert printed in texts
        assert source_at(path, location_of(document, printed), len(printed)) == printed
    assert not any("resend.com/legal" in text for text in texts)


def test_keys_printed_only_in_a_contents_nav_are_not_read(tmp_path):
    # `const sections = [{ id: 'sec-06', t: 'International transfers' }]` printed as `{s.t}` in the page's
    # `<nav>` is the table of contents, not a statement; the same key printed in the body is read
    contents = (
        "const sections = [{ id: 'sec-06', t: 'International transfers' }];\n"
        "export default function P() {\n  return (\n    <div>\n"
        "      <nav aria-label=\"On this page\">{sections.map((s) => <a href={`#${s.id}`}>{s.t}</a>)}</nav>\n"
        "      <main><h2 id=\"sec-06\">International transfers</h2><p>We use the IDTA.</p></main>\n"
        "    </div>\n  );\n}\n"
    )
    _, document = write_notice(tmp_path, "Nav.tsx", contents)
    assert kinds_and_texts(document) == [("HEADING", "International transfers"), ("PARAGRAPH", "We use the IDTA.")]
    path, document = write_notice(tmp_path, "Body.tsx", contents.replace("<main>", "<main>{sections.map((s) => <p>{s.t}</p>)}"))
    assert ("PARAGRAPH", "International transfers") in kinds_and_texts(document)
    assert_located(path, document, "International transfers")


def test_a_main_column_without_the_pages_title_is_read_with_it(tmp_path):
    # a hero with the h1 and 'Last updated' above a grid whose <main> holds the sections: the notice starts at its
    # title; a site header's h1 and the footer stay out, and a <main> holding its own h1 is read alone
    hero = (
        "<header><h1>Acme</h1></header><div class=\"wrap\"><div class=\"hero\"><h1>Privacy Policy</h1>"
        "<p>Last updated: 5 June 2026</p></div><div class=\"grid\"><aside><nav><a href=\"#a\">Who we are</a></nav></aside>"
        "<main><h2 id=\"a\">Who we are</h2><p>Acme Ltd is the controller.</p></main></div></div><footer><p>Copyright Acme</p></footer>"
    )
    _, document = write_notice(tmp_path, "hero.html", hero)
    assert kinds_and_texts(document) == [
        ("HEADING", "Privacy Policy"), ("PARAGRAPH", "Last updated: 5 June 2026"),
        ("HEADING", "Who we are"), ("PARAGRAPH", "Acme Ltd is the controller."),
    ]
    _, document = write_notice(tmp_path, "two-titles.html", hero.replace("<header><h1>Acme</h1></header>", "<div><h1>Acme</h1></div>"))
    assert kinds_and_texts(document) == [("HEADING", "Who we are"), ("PARAGRAPH", "Acme Ltd is the controller.")]
    _, document = write_notice(tmp_path, "own-title.html", hero.replace("<main>", "<main><h1>Privacy</h1>"))
    assert [text for _, text in kinds_and_texts(document)][:2] == ["Privacy", "Who we are"]


def test_html_template_literals_print_constants_helpers_data_and_nested_templates(tmp_path):
    # a static site's page module: HTML in template literals, `${updated}` a constant, `${table([…], [[…]])}`
    # a helper given the rows, `${lead ? `<p>${lead}</p>` : ""}` a template inside a template
    module = (
        'const updated = "13 September 2026";\n'
        "const table = (headings, rows) => `<table>${rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;\n"
        "const wrap = (body) => `<section>${body.lead ? `<p class=\"lead\">${body.lead}</p>` : \"\"}${body.content}</section>`;\n"
        "export const privacy = wrap({\n  content: `\n<h2>How long we keep things</h2>\n${table(\n"
        '  ["What", "How long"],\n  [\n    ["Technical logs", "30 days"],\n    ["Your account", "<strong>12 months</strong> after you last sign in"],\n  ],\n)}\n'
        "<p>Last updated: ${updated}</p>`,\n});\n"
    )
    path, document = write_notice(tmp_path, "pages.mjs", module)
    assert kinds_and_texts(document) == [
        ("HEADING", "How long we keep things"),
        ("TABLE_CELL", "What"), ("TABLE_CELL", "How long"),
        ("TABLE_CELL", "Technical logs"), ("TABLE_CELL", "30 days"),
        ("TABLE_CELL", "Your account"), ("TABLE_CELL", "12 months after you last sign in"),
        ("PARAGRAPH", "Last updated: 13 September 2026"),
    ]
    cells = [block for block in document.blocks if block.kind is BlockKind.TABLE_CELL]
    assert [block.row for block in cells] == [1, 1, 2, 2, 3, 3]
    assert [block.column for block in cells] == ["", "", "What", "How long", "What", "How long"]
    assert_located(path, document, "Technical logs", "30 days", "How long")
    # a helper given one flat list prints its items
    _, document = write_notice(tmp_path, "list.mjs", module.replace('["What", "How long"],\n  [\n    ["Technical logs", "30 days"],\n    ["Your account", "<strong>12 months</strong> after you last sign in"],\n  ],\n', '["to keep the site secure", "to count visits"],\n'))
    assert ("LIST_ITEM", "to keep the site secure") in kinds_and_texts(document)
    assert ("LIST_ITEM", "to count visits") in kinds_and_texts(document)


def test_an_article_the_data_is_mapped_through_is_not_the_pages_content(tmp_path):
    # `{policy.map((s) => <article><h2>{s.heading}</h2>…</article>)}`: the one <article> is a template with no words
    # of its own; the page around it (its date, its contact box) is still read, and a real article still chosen
    page = (
        "const lastUpdated = '24 November 2024';\n"
        "const policy = [{ heading: 'Who we are', paragraphs: ['Acme Ltd is the controller.'] }];\n"
        "export default function P() {\n  return (\n    <div>\n      <p>Last updated</p>\n      <p>{lastUpdated}</p>\n"
        "      {policy.map((s) => (\n        <article key={s.heading}><h2>{s.heading}</h2>{s.paragraphs.map((p) => <p>{p}</p>)}</article>\n      ))}\n"
        "      <div><h3>Need assistance?</h3><p>Email privacy@acme.example.</p></div>\n    </div>\n  );\n}\n"
    )
    _, document = write_notice(tmp_path, "Privacy.jsx", page)
    texts = [text for _, text in kinds_and_texts(document)]
    assert "24 November 2024" in texts and "Acme Ltd is the controller." in texts and "Email privacy@acme.example." in texts
    _, document = write_notice(tmp_path, "page.html", "<div><p>Site news</p><article><p>Acme Ltd is the controller.</p></article></div>")
    assert kinds_and_texts(document) == [("PARAGRAPH", "Acme Ltd is the controller.")]


def test_content_blocks_named_by_element_and_string_children_are_read(tmp_path):
    # `{ h: "1. Who we are" }, { p: "…" }, { ul: ["…", "…"] }` rendered by an imported component, and JSX that
    # prints a string literal as it stands: `<p>{"We are the data controller. Email "}<a …>…</a>{"."}</p>`
    page = (
        'const blocks = [\n  { h: "1. Who we are" },\n'
        '  { node: (<p>{"Acme Ltd is the data controller. You can reach us at "}<a href="mailto:a@acme.example">a@acme.example</a>{"."}</p>) },\n'
        '  { h: "2. What we collect" },\n  { p: "Depending on how you use the site, we may collect:" },\n'
        '  { ul: ["your name and email address", "your delivery address"] },\n];\n'
        "export default function P() {\n  return <LegalPage title=\"Privacy\" blocks={blocks} />;\n}\n"
    )
    path, document = write_notice(tmp_path, "page.tsx", page)
    assert kinds_and_texts(document) == [
        ("HEADING", "1. Who we are"),
        ("PARAGRAPH", "Acme Ltd is the data controller. You can reach us at a@acme.example."),
        ("HEADING", "2. What we collect"),
        ("PARAGRAPH", "Depending on how you use the site, we may collect:"),
        ("LIST_ITEM", "your name and email address"), ("LIST_ITEM", "your delivery address"),
        ("HEADING", "Privacy"),  # the component's own title
    ]
    assert_located(path, document, "Acme Ltd is the data controller.", "your delivery address", "2. What we collect")


def test_a_table_cell_knows_its_columns_header(tmp_path):
    # 'Contributor / payments provider' under 'Source' says where the data comes from; a cell with two paragraphs
    # stays in one column; a table whose first row is sentences has no headers; a new table has its own.
    html = tmp_path / "notice.html"
    html.write_text(
        "<h2>Data</h2><table><tr><th>Category</th><th>Source</th></tr>"
        "<tr><td><p>Account data</p><p>Name and email</p></td><td>Contributor / payments provider</td></tr></table>"
        "<p>Between the tables.</p>"
        "<table><tr><td>We keep it.</td><td>Six years.</td></tr><tr><td>Invoices</td><td>HMRC</td></tr></table>",
        encoding="utf-8",
    )
    columns = {b.text: b.column for b in load(str(html)).blocks if b.kind is BlockKind.TABLE_CELL}
    assert columns == {
        "Category": "", "Source": "", "Account data": "Category", "Name and email": "Category",
        "Contributor / payments provider": "Source", "We keep it.": "", "Six years.": "", "Invoices": "", "HMRC": "",
    }
    markdown = tmp_path / "notice.md"
    markdown.write_text("| Data | How long we keep it |\n|---|---|\n| Invoices | Six years |\n", encoding="utf-8")
    assert [(b.text, b.column) for b in load(str(markdown)).blocks if b.row > 1] == [("Invoices", "Data"), ("Six years", "How long we keep it")]
    import docx

    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("Data", "Source", "Referral details", "Your GP")):
        cell.text = text
    word.save(str(tmp_path / "notice.docx"))
    assert [(b.text, b.column) for b in load(str(tmp_path / "notice.docx")).blocks if b.row > 1] == [("Referral details", "Data"), ("Your GP", "Source")]


def test_a_markdown_constant_a_renderer_prints_is_read_as_markdown_where_it_is_written(tmp_path):
    # `const text = \`## What data do we collect?\n\n…\``, printed by `<ReactMarkdown>{text}</ReactMarkdown>`: headings,
    # paragraphs, links and bold, each located in the constant, not at `{text}`
    path, document = write_notice(
        tmp_path,
        "privacy.tsx",
        "import ReactMarkdown from 'react-markdown';\n\nconst text = `**Who we are:** We are Riverside Prom Committee.\n\n"
        "## What data do we collect?\nYour name and email address.\n\n## Contact\nEmail [us](mailto:prom@example.org) today.`;\n\n"
        "export default function Privacy() {\n  return <main><h1>Privacy Policy</h1><ReactMarkdown>{text}</ReactMarkdown></main>;\n}\n",
    )
    assert kinds_and_texts(document) == [
        ("HEADING", "Privacy Policy"),
        ("PARAGRAPH", "Who we are: We are Riverside Prom Committee."),
        ("HEADING", "What data do we collect?"),
        ("PARAGRAPH", "Your name and email address."),
        ("HEADING", "Contact"),
        ("PARAGRAPH", "Email us today."),
    ]
    assert document.blocks[3].heading_path[-1] == "What data do we collect?"
    assert_located(path, document, "We are Riverside", "What data do we collect?", "Your name and email address.")
    link = document.blocks[-1].links[0]
    assert (link.text, link.target) == ("us", "mailto:prom@example.org")
    assert source_at(path, link.location, len(link.raw)) == link.raw


def test_a_translations_default_text_is_read_where_it_is_written(tmp_path):
    # i18next's `t(key, default)` (here renamed `translate`) and `{ defaultValue: … }`: the English default is the text;
    # a lookup by key alone prints nothing we can read
    path, document = write_notice(
        tmp_path,
        "Privacy.jsx",
        "const Page = () => {\n  const { t: translate } = useTranslation();\n  return (\n    <main>\n"
        "      <h1>{translate(\"privacy.title\", \"Website Privacy Notice\")}</h1>\n"
        "      <p>\n        {translate(\n          \"privacy.who\",\n          \"The portal is run by the London Data Service.\"\n        )}\n      </p>\n"
        "      <p>{t('privacy.keep', { defaultValue: 'We keep your preference for 10 years.' })}</p>\n"
        "      <p>{t('privacy.contact')}</p>\n    </main>\n  );\n};\n",
    )
    assert kinds_and_texts(document) == [
        ("HEADING", "Website Privacy Notice"),
        ("PARAGRAPH", "The portal is run by the London Data Service."),
        ("PARAGRAPH", "We keep your preference for 10 years."),
    ]
    assert_located(path, document, "The portal is run", "We keep your preference")


def test_react_intl_default_messages_are_read_where_they_are_written(tmp_path):
    # `<FormattedMessage id="…" defaultMessage="…" />`, also as `defaultMessage={'…'}`: the default is the text
    path, document = write_notice(
        tmp_path,
        "Privacy.tsx",
        "export default function Privacy() {\n  return (\n    <main>\n"
        "      <h2><FormattedMessage id=\"privacy.title\" defaultMessage=\"Personal Information\" /></h2>\n"
        "      <p>\n        <FormattedMessage\n          id=\"privacy.content\"\n"
        "          defaultMessage=\"We collect your name and email address.\"\n        />\n      </p>\n"
        "      <p><FormattedMessage id=\"privacy.keep\" defaultMessage={'We keep it for 2 years.'} /></p>\n"
        "      <p className={'lead'}><FormattedMessage id=\"privacy.contact\" /></p>\n    </main>\n  );\n}\n",
    )
    assert kinds_and_texts(document) == [
        ("HEADING", "Personal Information"),
        ("PARAGRAPH", "We collect your name and email address."),
        ("PARAGRAPH", "We keep it for 2 years."),
    ]
    assert_located(path, document, "Personal Information", "We collect your name", "We keep it")


def test_documentation_site_directives_are_not_text(tmp_path):
    # Nuxt Content's `::hero{…}` … `::` and VitePress/Docusaurus `:::tip` … `:::` containers, and an inline
    # component `:badge[New]{…}` (its words kept): the notice's words keep their lines and columns
    path, document = write_notice(
        tmp_path,
        "privacy.md",
        "::hero{eyebrow=\"Privacy\" title=\"Privacy notice\"}\n::\n\n::marketing-section{band=\"white\"}\n\n## Your rights\n\n"
        "You can ask for a copy of your data. :badge[New]{color=\"green\"}\n\n:::tip Good to know\nWe never sell your data.\n:::\n\n"
        "We keep records for 6 years, from 10:30 on the day we close them.\n\n::\n",
    )
    assert kinds_and_texts(document) == [
        ("HEADING", "Your rights"),
        ("PARAGRAPH", "You can ask for a copy of your data. New"),
        ("PARAGRAPH", "We never sell your data."),
        ("PARAGRAPH", "We keep records for 6 years, from 10:30 on the day we close them."),
    ]
    assert source_at(path, location_of(document, "We never sell"), 13) == "We never sell"


def test_an_attribute_built_from_the_files_own_constants_is_its_value(tmp_path):
    # `href={`mailto:${CONTACT_EMAIL}`}` and `href={SITE}` over constants the file sets render real targets;
    # a name the file does not set (an import) leaves the target a template expression
    path = tmp_path / "Privacy.tsx"
    path.write_text(
        "import { SITE_EMAIL } from '@/lib/constants';\nconst CONTACT_EMAIL = 'support@dottie.example';\nconst SITE = 'https://dottie.example';\n\n"
        "export default function P() {\n  return (\n    <main>\n"
        "      <p>Email <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a> or visit <a href={SITE}>our site</a>.</p>\n"
        "      <p>Or write to <a href={`mailto:${SITE_EMAIL}`}>the team</a>.</p>\n    </main>\n  );\n}\n",
        encoding="utf-8",
    )
    links = {link.text: link for block in load(str(path)).blocks for link in block.links}
    assert links["support@dottie.example"].target == "mailto:support@dottie.example" and not links["support@dottie.example"].templated
    assert links["our site"].target == "https://dottie.example"
    assert links["the team"].templated


def test_a_page_in_two_languages_reads_in_english_where_it_is_written(tmp_path):
    # `{isPt ? "…" : "…"}` as a child, a template literal, an attribute and a data value: the English string is the
    # text, whichever side of the condition it stands; the other language is not read at all
    path, document = write_notice(
        tmp_path,
        "Privacy.tsx",
        "const CLINIC = 'Bruno Physio';\nconst sections = [\n"
        "  { title: isPt ? \"Base legal\" : \"Legal basis\", basis: isPt ? \"Interesse legítimo\" : \"Legitimate interests\" },\n"
        "  { title: lang === 'en' ? 'Retention' : 'Retenção', basis: lang === 'en' ? 'We keep notes for 8 years.' : 'Guardamos as notas por 8 anos.' },\n"
        "];\n\nexport default function Privacy({ isPt }) {\n  return (\n    <main>\n"
        "      <h1>{isPt ? \"Política de Privacidade\" : \"Privacy Policy\"}</h1>\n"
        "      <p>{isPt ? `${CLINIC} é o responsável pelos seus dados.` : `${CLINIC} is the controller of your data.`}</p>\n"
        "      <Section title={isPt ? \"Seus direitos\" : \"Your rights\"}><p>{isPt ? \"Pode pedir uma cópia.\" : \"You can ask for a copy.\"}</p></Section>\n"
        "      <p>{!isEnglish ? \"Não vendemos os seus dados.\" : \"We do not sell your data.\"}</p>\n"
        "      <p>{flag ? \"We never sell your data.\" : \"Nunca vendemos os seus dados.\"}</p>\n"
        "      {sections.map((s) => <div><h2>{s.title}</h2><p>{s.basis}</p></div>)}\n    </main>\n  );\n}\n",
    )
    assert kinds_and_texts(document) == [
        ("HEADING", "Legal basis"),  # `isPt ?` tests for the other language, so English is the second string
        ("PARAGRAPH", "Legitimate interests"),
        ("HEADING", "Retention"),  # `lang === 'en' ?` tests for English: the first; 'en' itself is no text
        ("PARAGRAPH", "We keep notes for 8 years."),
        ("HEADING", "Privacy Policy"),
        ("PARAGRAPH", "Bruno Physio is the controller of your data."),
        ("PARAGRAPH", "You can ask for a copy."),
        ("PARAGRAPH", "We do not sell your data."),  # `!isEnglish`: not English first, so the second
        ("PARAGRAPH", "We never sell your data."),  # a condition that names no language: the string that reads as English
    ]
    assert_located(path, document, "Privacy Policy", "is the controller", "You can ask for a copy.", "Legitimate interests")
