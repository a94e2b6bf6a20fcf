"""Reading ease: Flesch reading ease and Flesch-Kincaid grade, for a notice and for each section.

The formulas are the standard ones (Flesch 1948; Kincaid et al. 1975) with a rule-based
syllable count; the ICO's own privacy notice aims at a reading age of about 14
(Flesch-Kincaid grade 9, reading ease about 60).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notice_audit.document import Block, BlockKind, Document, Sentence
from notice_audit.language.tokens import tokenize

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"(?:[^aeiouy]e|[^aeiouy]es|[^aeioudt]ed)$")
_PROSE_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def syllables(word: str) -> int:
    lower = word.lower().strip("'’")
    if len(lower) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(lower))
    if _SILENT_E.search(lower) and not lower.endswith(("le", "les")) and count > 1:
        count -= 1  # "make", "makes", "used" (but "table", "needed")
    return max(count, 1)


@dataclass
class Tally:
    sentences: int = 0
    words: int = 0
    syllables: int = 0

    def add(self, words: list[str]) -> None:
        self.sentences += 1
        self.words += len(words)
        self.syllables += sum(syllables(word) for word in words)

    @property
    def reading_ease(self) -> float | None:
        if not self.words:
            return None
        return round(206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words, 1)

    @property
    def grade(self) -> float | None:
        if not self.words:
            return None
        return round(0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1)

    @property
    def average_sentence_words(self) -> float | None:
        return round(self.words / self.sentences, 1) if self.sentences else None


@dataclass
class Section:
    heading: str
    block: Block | None  # the heading block, None for text before the first heading
    tally: Tally = field(default_factory=Tally)


@dataclass
class Readability:
    overall: Tally
    sections: list[Section]
    long_sentences: list[tuple[Sentence, int]]  # with their word counts

    @property
    def band(self) -> str | None:
        score = self.overall.reading_ease
        return describe(score) if score is not None else None

    def summary(self) -> ReadingSummary:
        return ReadingSummary(
            self.overall,
            self.band,
            tuple(
                SectionScore(s.heading, s.block.location.line if s.block else None, s.tally.words, s.tally.reading_ease)
                for s in self.sections
            ),
        )


@dataclass(frozen=True)
class SectionScore:
    heading: str
    line: int | None
    words: int
    reading_ease: float | None


@dataclass(frozen=True)
class ReadingSummary:
    """What a report keeps of a Readability: numbers only, no reference to the Document."""

    overall: Tally
    band: str | None
    sections: tuple[SectionScore, ...]


def describe(score: float) -> str:
    """Flesch's own bands."""
    for floor, label in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"), (30, "difficult")):
        if score >= floor:
            return label
    return "very difficult"


def measure(document: Document, max_sentence_words: int) -> Readability:
    """Reading ease of the notice and of each section (computed once per document and limit)."""
    return document.derived(("readability", max_sentence_words), lambda: _measure(document, max_sentence_words))


def _measure(document: Document, max_sentence_words: int) -> Readability:
    overall = Tally()
    sections: list[Section] = []
    current: Section | None = None
    long_sentences: list[tuple[Sentence, int]] = []
    heading_of = {}
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            current = Section(block.text, block)
            sections.append(current)
        heading_of[id(block)] = current
    for sentence in document.sentences():
        if sentence.block.kind not in _PROSE_KINDS:
            continue
        words = [token.text for token in tokenize(sentence.text) if token.is_word]
        if len(words) < 2:
            continue
        overall.add(words)
        section = heading_of.get(id(sentence.block))
        if section is None:
            section = Section("", None)
            sections.insert(0, section)
            for block in document.blocks:
                if heading_of[id(block)] is None:
                    heading_of[id(block)] = section
                else:
                    break
        section.tally.add(words)
        if len(words) > max_sentence_words:
            long_sentences.append((sentence, len(words)))
    return Readability(overall, [s for s in sections if s.tally.words], long_sentences)
