"""typos.punctuation: missing full stops where the siblings have them, doubled punctuation,
unbalanced brackets and quotes, and a space before a comma or full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from notice_audit.document import Block, BlockKind, Document
from notice_audit.finding import Finding
from notice_audit.language.lexicon import tables
from notice_audit.language.tokens import Token, block_tokens
from notice_audit.nlp import pipeline
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.punctuation",
    severity="warning",
    summary="A sentence without its full stop where its siblings have one, doubled punctuation, an unbalanced bracket or quote, or a space before a comma or full stop.",
    explanation=(
        "These are the traces of a sentence cut short or edited in a hurry (the Portsmouth notice ends a "
        "paragraph with 'retain it for the period we instruct'). A paragraph is reported when it ends without "
        "punctuation while most prose paragraphs of the notice have it; a list item when most of its sibling "
        "items end with punctuation and it does not (a list whose items have none, or only the last one, is a "
        "consistent style). Ellipses, web addresses, template code and a comma after an abbreviation's full stop "
        "('e.g.,', 'Ltd.,', initials 'J.K.,') are not punctuation mistakes."
    ),
    reference="UK GDPR Art 12(1) (clear and plain language); GOV.UK style guide on bullet points",
    hint="Add the missing full stop (or finish the sentence), remove the doubled mark, or close the bracket or quote.",
    example="...and retain it for the period we instruct -> ...and retain it for the period we instruct.",
)

_TERMINAL = re.compile(r"(?:[.!?:;…][)\]\"'”’]*|[;,] (?:and|or|but))\s*$")
_LABEL = re.compile(r"^\s*[\w'’ ]{1,30}:\s")  # "Tel: 0303 …", "Contact form: …"
_MAX_TITLE_LINE_WORDS = 8
_DOUBLED = re.compile(r",,|;;|::|,\.|\.,|;\.|\.;|,;|;,|:\.|\.:|(?<!\.)\.\.(?!\.)|\?\?|!!")
_ENUMERATOR = re.compile(r"(?:^|\s)(?:[a-z]|[ivx]{1,4}|\d{1,2})$")  # what stands before the ")" of "a)", "ii)", "3)"
_MIN_PROSE_WORDS = 6
_BRACKETS = {")": "(", "]": "["}


@lru_cache(maxsize=1)
def _abbreviation_ending() -> re.Pattern[str]:
    """Text that ends in an abbreviation's full stop ('e.g.', 'Ltd.', 'etc.'): a comma after it is no doubled mark."""
    known = {rule for rule in pipeline().tokenizer.rules if rule.endswith(".") and len(rule) > 1}
    known |= set(tables().abbreviations) | set(tables().final_abbreviations)
    alternatives = "|".join(re.escape(word) for word in sorted(known, key=len, reverse=True))
    # (and a name's initials: 'Nummenmaa L., Glerean E., Hietanen, J.K. (2014)')
    return re.compile(rf"(?<![\w.])(?:{alternatives}|(?:[A-Z]\.)+)$")


def _ends_with_prose(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[-1].is_word


def _closed(block: Block) -> bool:
    return bool(_TERMINAL.search(block.text))


def _not_prose_ending(document: Document, block: Block, tokens: list[Token], following: Block | None) -> bool:
    """Endings that need no full stop: a link, a label line, a list introduction, a title or address block."""
    text = block.text.rstrip()
    if any(link.text.strip() and text.endswith(link.text.strip()) for link in block.links):
        return True
    if following is not None and following.kind is BlockKind.LIST_ITEM and following.intro and text.endswith(following.intro.rstrip()[-40:]):
        return True
    lines: dict[int, list[Token]] = {}
    for token in tokens:
        lines.setdefault(block.locate(token.start).line, []).append(token)
    last_line = list(lines.values())[-1]
    if _LABEL.match(text[last_line[0].start : last_line[-1].end]):
        return True
    return len(lines) > 1 and all(sum(t.is_word for t in line) <= _MAX_TITLE_LINE_WORDS for line in lines.values())


def _unterminated(document: Document) -> Iterator[tuple[Block, Token, str]]:
    blocks = document.blocks
    following = {id(block): (blocks[i + 1] if i + 1 < len(blocks) else None) for i, block in enumerate(blocks)}
    tokens_of = {id(block): block_tokens(document, block) for block in blocks}

    def open_end(block: Block) -> bool:
        tokens = tokens_of[id(block)]
        after = following[id(block)]
        return (
            _ends_with_prose(tokens)
            and not document.gap_after(block, tokens[-1].end, after.location if after else None)
            and not _not_prose_ending(document, block, tokens, after)
        )

    prose = [b for b in blocks if b.kind is BlockKind.PARAGRAPH and sum(t.is_word for t in tokens_of[id(b)]) >= _MIN_PROSE_WORDS]
    unfinished = [b for b in prose if open_end(b)]
    closed = sum(_closed(b) for b in prose)
    # Paragraphs that end in an address, a number or a bracket count neither way.
    if closed >= 3 and len(unfinished) <= closed / 3:
        for block in unfinished:
            yield block, tokens_of[id(block)][-1], "This paragraph ends without a full stop, unlike the others"
    for items in _lists(blocks):
        if len(items) < 3:
            continue
        closed = [_closed(item) for item in items]
        if sum(closed) < 2 or sum(closed) < 2 * len(items) / 3:
            continue  # no punctuation, or only on the last item: a consistent list style
        for item, has_stop in zip(items, closed):
            if not has_stop and open_end(item):
                yield item, tokens_of[id(item)][-1], "This list item ends without punctuation, unlike most of its siblings"


def _lists(blocks: list[Block]) -> Iterator[list[Block]]:
    """Runs of consecutive list items under the same heading and introduction."""
    current: list[Block] = []
    for block in blocks:
        if current and (block.kind is not BlockKind.LIST_ITEM or (block.intro, block.heading_path) != (current[0].intro, current[0].heading_path)):
            yield current
            current = []
        if block.kind is BlockKind.LIST_ITEM:
            current.append(block)
    if current:
        yield current


def _marks(document: Document, block: Block) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) for doubled punctuation, spaces before punctuation and unbalanced brackets."""
    tokens = block_tokens(document, block)
    for index, token in enumerate(tokens):
        if token.kind != "punct":
            continue
        doubled = _DOUBLED.search(token.text)
        if doubled and not (
            doubled.group()[0] == "." and _abbreviation_ending().search(block.text, 0, token.start + doubled.start() + 1)
        ):
            yield token.start + doubled.start(), token.start + doubled.end(), f"Doubled punctuation '{doubled.group()}'"
        previous = tokens[index - 1] if index else None
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            token.text[0] in ",." and previous is not None and previous.kind == "word"
            and token.start > previous.end and block.text[previous.end : token.start].isspace()
            and (following is None or following.start > token.end or following.kind == "punct")
            and not token.text.startswith("...")
            # a space left where template code stood ('…</span>}, any') is not in the page
            and not document.gap_between(block, previous.end, token.start)
        ):
            yield previous.end, token.start + 1, f"Space before '{token.text[0]}'"
    yield from _unbalanced(block)


def _unbalanced(block: Block) -> Iterator[tuple[int, int, str]]:
    text = re.sub(r"(?:https?://|www\.)\S+?(?=[)\].,;:!?]*(?:\s|$))", lambda m: " " * len(m.group()), block.text)
    stack: list[tuple[str, int]] = []
    for offset, char in enumerate(text):
        if char in "([":
            stack.append((char, offset))
        elif char in _BRACKETS:
            if stack and stack[-1][0] == _BRACKETS[char]:
                stack.pop()
            elif char == ")" and _ENUMERATOR.search(text, max(offset - 5, 0), offset):
                continue  # a list marker: "a) by post, b) by email"
            else:
                yield offset, offset + 1, f"'{char}' has no matching '{_BRACKETS[char]}'"
                return
    if stack:
        char, offset = stack[0]
        yield offset, offset + 1, f"'{char}' is never closed"
        return
    if text.count('"') % 2:
        offset = text.rfind('"')
        yield offset, offset + 1, "Unbalanced quotation mark '\"'"
    elif text.count("“") != text.count("”"):
        offset = text.find("“") if text.count("“") > text.count("”") else text.rfind("”")
        yield offset, offset + 1, "Unbalanced quotation marks “ ”"


def _evidence(block: Block, start: int, end: int) -> str:
    left = block.text.rfind(" ", 0, max(start - 12, 0)) + 1
    right = block.text.find(" ", min(end + 12, len(block.text)))
    return block.text[left : right if right != -1 else len(block.text)].strip()


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    for block, token, message in _unterminated(document):
        yield RULE.finding(message, block.locate(token.end), _evidence(block, token.start, token.end))
    for block in document.blocks:
        for start, end, message in _marks(document, block):
            yield RULE.finding(message, block.locate(start), _evidence(block, start, end))
