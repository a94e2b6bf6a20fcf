"""The one shared spaCy pipeline: loaded lazily, once per process.

Only rule-based components are used (`spacy.blank("en")` with the sentencizer, and the
abbreviations of `checks/language.yaml` as tokenizer exceptions), so nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from notice_audit.document import Block, Sentence

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import spacy

    from spacy.symbols import ORTH

    from notice_audit.language.lexicon import tables

    nlp = spacy.blank("en")
    for abbreviation in tables().abbreviations:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(blocks: list[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block, doc in zip(blocks, pipeline().pipe(block.text for block in blocks)):
        for span in doc.sents:
            for start, end in _lines(block, span.start_char, span.end_char):
                piece = block.text[start:end]
                text = piece.strip()
                if text:
                    sentences.append(Sentence(text=text, block=block, start=start + len(piece) - len(piece.lstrip())))
    return sentences


# A line that runs on into the next: 'write to us at<br>Town Hall', 'name,<br>address'.
_RUNS_ON = re.compile(r"(?:[,;:(&/–-]|\b(?:and|or|the|a|an|of|to|at|in|on|for|by|with|from|our|your))\s*$", re.IGNORECASE)
_STARTS_LINE = re.compile(r"\s*(?:[A-Z0-9•●▪(\[*-]|\w+:)")


def _lines(block: Block, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence's span, cut at the hard line breaks that end a line of its own
    ('Name: Meenal Patel<br>E-mail: …'), not at those that wrap a sentence."""
    pieces: list[tuple[int, int]] = []
    for cut in block.line_breaks:
        if start < cut < end and not _RUNS_ON.search(block.text[start:cut]) and _STARTS_LINE.match(block.text, cut):
            pieces.append((start, cut))
            start = cut
    pieces.append((start, end))
    return pieces
