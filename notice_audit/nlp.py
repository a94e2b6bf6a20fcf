"""The one shared spaCy pipeline: loaded lazily, once per process.

Only rule-based components are used (`spacy.blank("en")` with the sentencizer),
so nothing is ever downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from notice_audit.document import Block, Sentence

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(blocks: list[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block, doc in zip(blocks, pipeline().pipe(block.text for block in blocks)):
        for span in doc.sents:
            text = span.text.strip()
            if text:
                sentences.append(Sentence(text=text, block=block, start=span.start_char))
    return sentences
