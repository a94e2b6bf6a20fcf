"""Words with their offsets, for the language rules.

Text that is not prose (web and email addresses, domain names, numbers and
reference codes, file names, template gaps) becomes an `other` token: never
spell-checked, and it breaks the adjacency that repeated-word and agreement
checks rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from notice_audit.document import Block, Document, Sentence

_PATTERN = re.compile(
    r"""
    (?P<other>
        (?:https?|ftp)://\S+ | www\.\S+            # web addresses
      | [\w.+'-]+@[\w-]+(?:\.[\w-]+)+              # email addresses
      | [\w-]+(?:\.[\w-]+)*\.(?:md|html?|pdf|docx?|xlsx?|pptx?|odt|rtf|csv|txt|json|xml|php|aspx?|jpe?g|png|gif|svg|zip)\b  # file names: retention-policy.md
      | [^\W_]+(?:[.\\/][\w-]+)+\b/?             # domains, file names, paths, e.g., i.e.
      | @\w+ | \#\w+                             # handles and tags
      | [\w'’-]*\d[\w'’/-]*                      # numbers, dates, postcodes, reference codes
      | [^\W\d_]+_\w*                            # identifiers
    )
  | (?P<word>[^\W\d_]+(?:['’‘ʼ-][^\W\d_]+)*['’]?)
  | (?P<punct>[^\w\s]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the block's text
    end: int
    kind: str  # "word", "punct" or "other"

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


# Enough for one notice's blocks and sentences; small so that a long batch stays flat in memory.
@lru_cache(maxsize=1024)
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    return tuple(
        Token(match.group(), match.start() + offset, match.end() + offset, match.lastgroup or "other")
        for match in _PATTERN.finditer(text)
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`, offsets shifted by `offset`; several rules ask for the same text, so it is cached."""
    return list(_tokens(text, offset))


def with_gaps(document: Document, block: Block, tokens: list[Token]) -> list[Token]:
    """`tokens` with an empty `other` token wherever template code stood between two of them."""
    if not document.gaps or not tokens:
        return tokens
    marked = [tokens[0]]
    for previous, token in zip(tokens, tokens[1:]):
        if document.gap_between(block, previous.end, token.start):
            marked.append(Token("", previous.end, previous.end, "other"))
        marked.append(token)
    return marked


def block_tokens(document: Document, block: Block) -> list[Token]:
    return with_gaps(document, block, tokenize(block.text))


def sentence_tokens(document: Document) -> Iterator[tuple[Sentence, list[Token]]]:
    """Each sentence of the document with its tokens (offsets in the sentence's block)."""
    for sentence in document.sentences():
        start = sentence.block.text.find(sentence.text, sentence.start)
        tokens = tokenize(sentence.text, start if start >= 0 else sentence.start)
        yield sentence, with_gaps(document, sentence.block, tokens)
