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

from notice_audit.document import Document, Sentence

_PATTERN = re.compile(
    r"""
    (?P<other>
        (?:https?|ftp)://\S+ | www\.\S+            # web addresses
      | [\w.+'-]+@[\w-]+(?:\.[\w-]+)+              # email addresses
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


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(match.group(), match.start() + offset, match.end() + offset, match.lastgroup or "other")
        for match in _PATTERN.finditer(text)
    ]


def sentence_tokens(document: Document) -> Iterator[tuple[Sentence, list[Token]]]:
    """Each sentence of the document with its tokens (offsets in the sentence's block)."""
    for sentence in document.sentences():
        start = sentence.block.text.find(sentence.text, sentence.start)
        yield sentence, tokenize(sentence.text, start if start >= 0 else sentence.start)
