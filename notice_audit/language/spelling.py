"""Which words of a document the spelling check reports, shared by typos.spelling and typos.us_spelling."""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from notice_audit.document import Block, Document
from notice_audit.language.lexicon import Lexicon, tables, user_words
from notice_audit.language.settings import LanguageSettings
from notice_audit.language.suggest import suggestions
from notice_audit.language.tokens import Token, tokenize

_MIXED_CASE = re.compile(r"^.[^A-Z]*[A-Z]")  # a capital after the first letter: iPhone, FutureNHS, McDonald
_MIN_NAME_TYPO_LENGTH = 6  # short names (Xero, Asda) are too often one slip from a word


@dataclass(frozen=True)
class Misspelling:
    block: Block
    token: Token
    word: str
    suggestions: list[str]


@dataclass(frozen=True)
class UsSpelling:
    block: Block
    token: Token
    british: str


@lru_cache(maxsize=8)
def lexicon_for(settings: LanguageSettings) -> Lexicon:
    return Lexicon(user_words(settings.words, settings.wordlists))


def _candidates(document: Document) -> Iterator[tuple[Block, list[Token], int, str]]:
    for block in document.blocks:
        tokens = tokenize(block.text)
        for index, token in enumerate(tokens):
            if not token.is_word:
                continue
            word = token.text.strip("'’-")
            if len(word) < 2 or (word.isupper() and len(word) <= 8) or _MIXED_CASE.match(word):
                continue  # a letter, an acronym, a brand or a name written in mixed case
            yield block, tokens, index, word


def misspellings(document: Document, settings: LanguageSettings) -> list[Misspelling]:
    lexicon = lexicon_for(settings)
    us = tables().us_spellings
    unknown: list[tuple[Block, Token, str]] = []
    for block, tokens, index, word in _candidates(document):
        if word.lower() in us or lexicon.knows(word):
            continue
        token = tokens[index]
        if block.text.startswith(".", token.end) and lexicon.knows(word + "."):
            continue  # an abbreviation the dictionary lists with its full stop: etc., e.g.
        if "-" in word and all(lexicon.knows(part) for part in word.split("-") if part):
            continue
        if word[:1].isupper() and _in_a_name(tokens, index):
            continue  # "Ms Cherise Nassy", "Kestrel Valley": part of a run of capitalised words
        unknown.append((block, tokens[index], word))
    counts = Counter(word for _, _, word in unknown)
    found = []
    for block, token, word in unknown:
        proposals = suggestions(word, lexicon.knows)
        if word[:1].isupper() and not word.isupper():
            # A capitalised unknown word is taken for a name unless it is a likely slip of a
            # dictionary word and the document does not use it the same way again.
            if not proposals or len(word) < _MIN_NAME_TYPO_LENGTH or counts[word] > 1:
                continue
        found.append(Misspelling(block, token, word, proposals))
    return found


def _in_a_name(tokens: list[Token], index: int) -> bool:
    neighbours = (tokens[index - 1] if index else None, tokens[index + 1] if index + 1 < len(tokens) else None)
    return any(t is not None and t.is_word and t.text[:1].isupper() for t in neighbours)


def us_spellings(document: Document) -> list[UsSpelling]:
    table = tables()
    found = []
    for block, tokens, index, word in _candidates(document):
        lower = word.lower()
        british = table.us_spellings.get(lower)
        if british is None:
            continue
        if lower == "license":
            previous = next((t for t in reversed(tokens[:index]) if t.kind != "punct"), None)
            if previous is None or previous.lower not in table.license_as_noun_after:
                continue  # "license" is also the British verb
        found.append(UsSpelling(block, tokens[index], british if word.islower() else british.capitalize()))
    return found
