"""HTML: the main content of a page as blocks, with exact line and column for every text run.

The standard library's tokenizer reports the position of every tag, text run and
character reference, which a tree builder (BeautifulSoup, lxml) does not; a small
tolerant tree is built here from those events.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from notice_audit.document import (
    Block,
    BlockKind,
    Document,
    Link,
    Location,
)
from notice_audit.ingest.blocks import BlockCollector
from notice_audit.ingest.template import Masked, is_date_key

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
# (struck-out text, `<del>` and `<s>`, is shown as withdrawn: it is no longer what the notice says)
DROP = {"script", "style", "noscript", "template", "svg", "nav", "button", "select", "textarea", "iframe", "head", "object", "canvas", "del", "s", "strike"}
# Every element HTML defines (and a few obsolete ones still met). An unknown tag written in capitals
# ('retain your email until <DATE>') is template text left unfilled, not markup.
HTML_ELEMENTS = VOID | DROP | {
    "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big", "blink", "blockquote", "body",
    "caption", "center", "cite", "code", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
    "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "html", "i", "ins", "kbd", "label", "legend", "li", "main", "map", "mark",
    "marquee", "menu", "meter", "nobr", "optgroup", "option", "output", "p", "picture", "pre", "progress", "q", "rp", "rt",
    "ruby", "s", "samp", "search", "section", "slot", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "ol", "var", "video", "math",
}
_CAPITALS_TAG = re.compile(r"<[A-Z][A-Z0-9]*(?:[ _-][A-Z0-9]+)*>")
CHROME = {"header", "footer"}  # site chrome, dropped unless inside the chosen main content
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LIST_ITEMS = {"li", "dt", "dd"}
CELLS = {"td", "th"}
BLOCKS = {
    "p", "div", "section", "article", "main", "aside", "blockquote", "pre", "address", "caption",
    "figcaption", "figure", "tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "form", "fieldset",
    "details", "summary", "header", "footer", "body", "html", "legend", "hr", *HEADINGS, *LIST_ITEMS, *CELLS,
}
# An open <p> or <li> is closed by the start of these (HTML's implied end tags).
IMPLIED_CLOSE = {
    "p": {"p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "blockquote", "pre", "address"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "td": {"td", "th", "tr"},
    "th": {"td", "th", "tr"},
    "tr": {"tr"},
}
COOKIE_BANNER = re.compile(r"cookie[-_ ]?(banner|consent|notice|message|bar)|consent[-_]banner|gdpr[-_]banner", re.IGNORECASE)
MAX_DEPTH = 512
MAX_MARKDOWN_NESTING = 8  # Markdown read inside HTML inside Markdown, at most this deep; deeper is plain text
_MARKDOWN_NESTING = [0]


@dataclass
class Text:
    text: str
    location: Location


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    location: Location
    raw_tag: str = ""  # as written: `LegalSection`, not `legalsection`
    start_tag: str = ""  # the start tag's source text
    children: list[Element | Text] = field(default_factory=list)
    parent: Element | None = None
    too_deep: Location | None = None  # on the root: where nesting first passed MAX_DEPTH


class _TreeBuilder(HTMLParser):
    def __init__(self, line_offset: int, page: int | None) -> None:
        super().__init__(convert_charrefs=False)
        self.root = Element("#root", {}, Location(1, 1))
        self.stack = [self.root]
        self.line_offset = line_offset
        self.page = page
        self._join_next = False  # the text after an autolink goes on the text before it

    def parse_html_declaration(self, i: int) -> int:
        # html.parser raises AssertionError on some malformed declarations ("<![0"): read them as text.
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 2])
            return i + 2

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_bogus_comment(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 2])
            return i + 2

    def _here(self) -> Location:
        line, column = self.getpos()
        return Location(line + self.line_offset, column + 1, self.page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start_tag = self.get_starttag_text() or ""
        if is_placeholder_tag(start_tag):
            self.handle_data(start_tag)
            return
        if AUTOLINK.fullmatch(start_tag):
            # Kept as written, inside the text around it, so that Markdown read from that text sees its autolink.
            self._join_text(start_tag)
            self._join_next = True
            return
        closers = [t for t, closed_by in IMPLIED_CLOSE.items() if tag in closed_by]
        while self.stack[-1].tag in closers:
            self.stack.pop()
        raw_tag = re.match(r"<\s*([^\s/>]+)", start_tag)
        element = Element(
            tag, {k: v or "" for k, v in attrs}, self._here(), raw_tag.group(1) if raw_tag else tag, start_tag, parent=self.stack[-1]
        )
        self.stack[-1].children.append(element)
        if not _is_void(element) and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)
        elif not _is_void(element) and self.root.too_deep is None:
            self.root.too_deep = element.location

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.stack[-1].tag == tag and not _is_void(self.stack[-1]):
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._join_next:
            self._join_next = False
            self._join_text(data)
            return
        self.stack[-1].children.append(Text(data, self._here()))

    def _join_text(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], Text):
            children[-1] = Text(children[-1].text + data, children[-1].location)
        else:
            children.append(Text(data, self._here()))

    def handle_entityref(self, name: str) -> None:
        self.stack[-1].children.append(Text(html.unescape(f"&{name};"), self._here()))

    def handle_charref(self, name: str) -> None:
        self.stack[-1].children.append(Text(html.unescape(f"&#{name};"), self._here()))


def is_placeholder_tag(tag_text: str) -> bool:
    """'<DATE>', '<COMPANY NAME>': a template's field left unfilled, written in capitals, not an element HTML knows."""
    return _CAPITALS_TAG.fullmatch(tag_text) is not None and tag_text[1:-1].split()[0].lower() not in HTML_ELEMENTS


# Markdown's autolinks in a template that renders Markdown: '<dataprotection@communities.gov.uk>', '<https://ico.org.uk>'
AUTOLINK = re.compile(r"<(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s<>]+)>")


def parse_tree(text: str, line_offset: int = 0, page: int | None = None) -> Element:
    builder = _TreeBuilder(line_offset, page)
    builder.feed(text)
    builder.close()
    return builder.root


def ingest_html(source: str, text: str, masked: Masked | None = None, format_name: str = "html") -> Document:
    """`text` is the HTML to read (template code already blanked); `masked` tells which parts were code."""
    root = parse_tree(text)
    metadata = _metadata(root)
    if masked is not None:
        for index, literal in enumerate(masked.literals):
            metadata[f"template_literal_{index}"] = literal
        for key, value in masked.metadata.items():
            metadata.setdefault(key, value)
    collector = BlockCollector()
    content = _main_content(root)
    walker = _Walker(collector, text, masked, inside_main=content is not root)
    # A React page's data (printed where the source holds it, see script.py) is rendered inside its
    # <main>, though the source sets it out above: read it in source order around the main content.
    data = _printed_outside(root, content, masked)
    starts = (content.location.line, content.location.column)
    walker.walk(Element("#data", {}, root.location, children=[e for e in data if (e.location.line, e.location.column) < starts]))
    walker.walk(content)
    walker.walk(Element("#data", {}, root.location, children=[e for e in data if (e.location.line, e.location.column) > starts]))
    collector.flush()
    chrome = _chrome_blocks(root, content, text)
    if metadata.get("title") and not any(b.kind is BlockKind.HEADING for b in collector.blocks[:1]):
        metadata.setdefault("page_title", metadata["title"])
    anchors = {e.attrs[key] for e in _iter(root) for key in ("id", "name") if e.attrs.get(key) and (key == "id" or e.tag == "a")}
    document = Document(source=source, format=format_name, blocks=collector.blocks, metadata=metadata, anchors=anchors, chrome=chrome)
    if root.too_deep is not None:
        document.notes.append((root.too_deep, f"elements are nested more than {MAX_DEPTH} deep; deeper elements were read as siblings"))
    return document


def blocks_from_html(text: str, line_offset: int, collector: BlockCollector) -> None:
    """HTML embedded in another format (a Markdown HTML block): add its blocks to `collector`."""
    _Walker(collector, text, None, inside_main=True).walk(parse_tree(text, line_offset))


_COMPONENT_TEXT_ATTRIBUTES = (
    ("title", BlockKind.HEADING),
    ("heading", BlockKind.HEADING),
    ("intro", BlockKind.PARAGRAPH),
    ("description", BlockKind.PARAGRAPH),
    ("subtitle", BlockKind.PARAGRAPH),
)


# What a UI library's components render (MUI, Chakra, Mantine): `<Typography variant="h5">` is a heading,
# `<List>`/`<ListItem>` a list, `<Typography paragraph>`, `<Box>` and `<Paper>` blocks of text.
_COMPONENT_TAGS = {
    "list": "ul", "listitem": "li", "typography": "p", "text": "p", "paragraph": "p", "alert": "p",
    "heading": "h2", "title": "h2",
    **dict.fromkeys((
        "box", "paper", "container", "grid", "stack", "hstack", "vstack", "flex", "center", "simplegrid", "card",
        "cardcontent", "cardheader", "cardbody", "accordion", "accordionsummary", "accordiondetails", "accordionitem",
        "accordionbutton", "accordionpanel", "listitemtext", "dialogcontent", "section",
    ), "div"),
}
_HEADING_ATTRIBUTES = ("component", "as", "variant", "order", "level")  # what it renders before how it looks


def _html_tag(element: Element) -> str:
    """The HTML element a component stands for, by its heading attribute or its name; an HTML element's own tag."""
    if not _is_component(element):
        return element.tag
    for name in _HEADING_ATTRIBUTES:
        value = element.attrs.get(name, "").strip().lower()
        if value in HEADINGS or (name in ("component", "as") and value in HTML_ELEMENTS):
            return value
        if name in ("order", "level") and value.isdigit() and element.tag in ("heading", "title") and 1 <= int(value) <= 6:
            return f"h{value}"
    if element.tag in _COMPONENT_TAGS:
        return _COMPONENT_TAGS[element.tag]
    # the page's own item component, straight inside a list: `<ul><Bullet>Ask for a copy …</Bullet></ul>`
    if element.tag not in HTML_ELEMENTS and element.parent is not None and _html_tag(element.parent) in ("ul", "ol"):
        return "li"
    return element.tag


def _is_component(element: Element) -> bool:
    """A custom component (`<LegalSection>`, `<x-prose-page>`), not an HTML element."""
    return element.raw_tag[:1].isupper() or "-" in element.tag


def _is_void(element: Element) -> bool:
    """An element with no content: `<link rel=…>` is, Next.js's `<Link href=…>…</Link>` is not."""
    return element.tag in VOID and not element.raw_tag[:1].isupper()


def _is_link_component(element: Element) -> bool:
    """A router's link component (`<Link href="#where">`, `<RouterLink to="/contact">`): a link like `<a>`."""
    return _is_component(element) and element.raw_tag.endswith("Link") and ("href" in element.attrs or "to" in element.attrs)


def _attribute_location(element: Element, name: str) -> Location:
    """Where an attribute's value starts, counted from the tag's own position."""
    match = re.search(rf"\b{name}\s*=\s*[\"']", element.start_tag, re.IGNORECASE)
    if match is None:
        return element.location
    before = element.start_tag[: match.end()]
    newlines = before.count("\n")
    if newlines:
        return Location(element.location.line + newlines, len(before) - before.rfind("\n"), element.location.page)
    return Location(element.location.line, element.location.column + len(before), element.location.page)


def _metadata(root: Element) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for element in _iter(root):
        if element.tag == "meta":
            key = element.attrs.get("name") or element.attrs.get("property") or element.attrs.get("itemprop")
            if key and element.attrs.get("content"):
                metadata[key.lower()] = element.attrs["content"]
        elif element.tag == "title" and "title" not in metadata:
            metadata["title"] = " ".join(t.text for t in element.children if isinstance(t, Text)).strip()
        elif element.tag == "time" and element.attrs.get("datetime"):
            metadata.setdefault("time_datetime", element.attrs["datetime"])
        elif _is_component(element):
            # <x-prose-page updated="6 October 2026">, <LegalPage lastUpdated="…">
            for name, value in element.attrs.items():
                if value and is_date_key(name):
                    metadata.setdefault("updated", value)
    return metadata


def _iter(element: Element):
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from _iter(child)


def _printed_outside(root: Element, content: Element, masked: Masked | None) -> list[Element]:
    """The blocks holding a printed value alone that lie outside the main content."""
    if content is root or masked is None or not masked.values:
        return []
    inside = {id(e) for e in _iter(content)}
    return [
        e for e in _iter(root)
        if id(e) not in inside and e.tag == "div" and len(e.children) == 1
        and isinstance(e.children[0], Text) and e.children[0].text.strip() in masked.values
    ]


def _chrome_blocks(root: Element, content: Element, text: str) -> list[Block]:
    """The blocks of the page's header and footer, when a main content was chosen without them."""
    if content is root:
        return []
    inside = {id(e) for e in _iter(content)}
    # (a header that wraps the main content is no chrome around it)
    outermost = [e for e in _iter(root) if e.tag in CHROME and id(e) not in inside and not any(d is content for d in _iter(e))]
    nested = {id(d) for e in outermost for d in _iter(e) if d is not e}
    collector = BlockCollector()
    _Walker(collector, text, None, inside_main=True).walk(
        Element("#chrome", {}, root.location, children=[e for e in outermost if id(e) not in nested])
    )
    collector.flush()
    return collector.blocks


def _main_content(root: Element) -> Element:
    """The page's main content: <main>, role=main, or a single <article>; else the whole page."""
    mains = [e for e in _iter(root) if e.tag == "main" or e.attrs.get("role") == "main"]
    if mains:
        return _with_title(mains[0])
    # (an article with no words of its own is the template a page's data is mapped through, not its content)
    articles = [e for e in _iter(root) if e.tag == "article" and _has_words(e)]
    if len(articles) == 1:
        return articles[0]
    return root


def _has_words(element: Element) -> bool:
    return any(isinstance(child, Text) and child.text.strip() for child in element.children) or any(
        _has_words(child) for child in element.children if isinstance(child, Element)
    )


def _ancestors(element: Element) -> list[Element]:
    """`element`'s ancestors, the root first."""
    chain: list[Element] = []
    while element.parent is not None:
        element = element.parent
        chain.append(element)
    return chain[::-1]


def _with_title(main: Element) -> Element:
    """A <main> that leaves out the page's one title (a hero with the h1 and 'Last updated' above a content
    column) widened to the smallest element holding both: the notice starts at its title."""
    if any(e.tag == "h1" for e in _iter(main)):
        return main
    root = _ancestors(main)[0] if main.parent is not None else main
    titles = [e for e in _iter(root) if e.tag == "h1" and not any(a.tag in CHROME | DROP for a in _ancestors(e))]
    if len(titles) != 1:
        return main
    common = main
    for mine, theirs in zip(_ancestors(main), _ancestors(titles[0])):
        if mine is not theirs:
            break
        common = mine
    return common


class _Walker:
    def __init__(self, collector: BlockCollector, source_text: str, masked: Masked | None, inside_main: bool) -> None:
        self.collector = collector
        self.masked = masked
        self.inside_main = inside_main
        self.source_text = source_text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source_text)]

    def walk(self, element: Element, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0) -> None:
        for child in element.children:
            if isinstance(child, Text):
                self._text(child)
                continue
            tag = _html_tag(child)
            if tag in DROP or self._is_banner(child) or (tag in CHROME and not self.inside_main):
                continue
            if tag == "br":
                self.collector.add_line_break()
            elif tag == "a" or _is_link_component(child):
                self._link(child)
            elif tag == "tr":
                with self.collector.table_row():
                    self.walk(child, kind, level)
                self.collector.start(kind, level)
            elif tag in ("ul", "ol", "dl"):
                self.collector.flush()
                with self.collector.list_context():
                    self.walk(child, BlockKind.LIST_ITEM)
                self.collector.flush()
            elif tag == "dd":
                # A definition is read with its term, like a list item under its intro.
                term = self.collector.last_text
                self.collector.flush()
                with self.collector.list_context(intro=term):
                    self.collector.start(BlockKind.LIST_ITEM)
                    self.walk(child, BlockKind.LIST_ITEM)
                    self.collector.flush()
            elif child.attrs.get("defaultmessage", "").strip() and not child.children:
                # react-intl's `<FormattedMessage id="…" defaultMessage="We collect …" />` prints its default
                self.collector.add_text(" ".join(child.attrs["defaultmessage"].split()), _attribute_location(child, "defaultmessage"))
            elif _is_component(child) and self._component_text(child):
                self.walk(child, kind, level)
                self.collector.flush()
            elif tag in BLOCKS:
                self.collector.flush()
                child_kind, child_level = kind, 0
                if tag in HEADINGS:
                    child_kind, child_level = BlockKind.HEADING, HEADINGS[tag]
                elif tag in LIST_ITEMS:
                    child_kind = BlockKind.LIST_ITEM
                elif tag in CELLS:
                    child_kind = BlockKind.TABLE_CELL
                    self.collector.start_cell()
                elif tag in ("p", "blockquote", "address", "caption", "figcaption", "summary", "legend"):
                    child_kind = BlockKind.PARAGRAPH if kind is BlockKind.PARAGRAPH else kind
                self.collector.start(child_kind, child_level)
                self.walk(child, child_kind, child_level)
                self.collector.flush()
                self.collector.start(kind, level)
            else:
                self.walk(child, kind, level)

    def _text(self, node: Text) -> None:
        from notice_audit.ingest.markdown import collect_markdown, looks_like_markdown

        # Markdown inside HTML inside Markdown…: a crafted file could nest these without end.
        if "\n" in node.text and _MARKDOWN_NESTING[0] < MAX_MARKDOWN_NESTING and looks_like_markdown(node.text):
            self.collector.flush()
            _MARKDOWN_NESTING[0] += 1
            try:
                collect_markdown(node.text, self.collector, line_offset=node.location.line - 1)
            finally:
                _MARKDOWN_NESTING[0] -= 1
        else:
            self.collector.add_text(node.text, node.location)

    def _component_text(self, element: Element) -> bool:
        """A React/Vue/web component's `title="…"` is its section heading (and `intro="…"` a paragraph).

        Returns True when the component carried such text (already added as blocks).
        """
        found = False
        for name, kind in _COMPONENT_TEXT_ATTRIBUTES:
            value = element.attrs.get(name, "").strip()
            if not value:
                continue
            found = True
            self.collector.add_block(kind, value, _attribute_location(element, name), level=2 if kind is BlockKind.HEADING else 0)
            self.collector.start(BlockKind.PARAGRAPH)
        return found

    def _is_banner(self, element: Element) -> bool:
        marker = f"{element.attrs.get('id', '')} {element.attrs.get('class', '')}"
        return bool(COOKIE_BANNER.search(marker))

    def _link(self, element: Element) -> None:
        start = self.collector.mark()
        self.walk(element)
        text = self.collector.text_since(start)
        href = element.attrs.get("href", element.attrs.get("to"))
        target = None if href is None else href.strip()
        templated = False
        if (
            href is not None and self.masked is not None and (not target or _BLANKED.search(href))
            and not any(marker in href for marker in self.masked.values)
        ):
            # all of it template code, or part (`mailto:{{ contact_email }}` leaves 'mailto:' and blanks), unless
            # the template gives the value itself (a marker stands where it is printed)
            original = self._original_href(element)
            if original and original != target:
                templated, target = True, original
        raw = f'<a href="{target}">{text}</a>' if target is not None else f"<a>{text}</a>"
        self.collector.add_link(Link(text=text, target=target, location=element.location, raw=raw, templated=templated))

    def _original_href(self, element: Element) -> str:
        """The href as written, template expression included, read from the unmasked source.

        Masking keeps every character in place, so the attribute found in the masked
        start tag has the same span in the original.
        """
        if self.masked is None:
            return ""
        offset = self.line_starts[element.location.line - 1] + element.location.column - 1
        match = _HREF.match(self.source_text, offset)
        return self.masked.original[match.start(1) + 1 : match.end(1) - 1].strip() if match else ""


_BLANKED = re.compile(r"\S\s{2,}|\S\s+$")  # where masking blanked template code inside an attribute value
_HREF = re.compile(r"<(?:a|\w*Link)\b[^>]*?\b(?:href|to)\s*=\s*(\"[^\"]*\"|'[^']*')", re.IGNORECASE | re.DOTALL)
