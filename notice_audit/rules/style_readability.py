"""style.readability: a notice or section that is hard to read, and sentences far longer than plain-language guidance."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import START, Document
from notice_audit.finding import Finding
from notice_audit.language.readability import describe, measure
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="style.readability",
    severity="info",
    summary="A notice or section whose reading ease is below the floor, or a sentence far longer than plain-language guidance.",
    explanation=(
        "UK GDPR Art 12(1) requires information 'in a concise, transparent, intelligible and easily accessible "
        "form, using clear and plain language', in particular for children. Reading ease is Flesch's score "
        "(0-100, higher is easier; 60-70 is plain English); the ICO's own notice aims at a reading age of about "
        "14. GOV.UK guidance keeps sentences to about 25 words. The floor (language.min_reading_ease, default "
        "30) and the longest sentence allowed (language.max_sentence_words, default 40) are set in "
        ".notice-audit.yaml; notices for children's services should set a higher floor. Sections shorter "
        "than 100 words are not scored on their own."
    ),
    reference="UK GDPR Art 12(1); ICO guidance 'The right to be informed'; GOV.UK content design: writing for GOV.UK",
    hint="Split long sentences, prefer short everyday words, and address the reader as 'you'.",
    example="A 62-word sentence -> two or three sentences of under 25 words",
)

_MIN_SECTION_WORDS = 100


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    settings = context.settings.language
    readability = measure(document, settings.max_sentence_words)
    floor = settings.min_reading_ease
    score = readability.overall.reading_ease
    if score is not None and score < floor:
        first = document.blocks[0].location if document.blocks else START
        grade = readability.overall.grade or 0
        yield RULE.finding(f"Reading ease {score:.0f} ({describe(score)}; grade {grade:.0f}) is below the floor of {floor:.0f}", first)
    for section in readability.sections:
        section_score = section.tally.reading_ease
        if section.block is not None and section_score is not None and section.tally.words >= _MIN_SECTION_WORDS and section_score < floor:
            yield RULE.finding(
                f"Section '{section.heading}' has reading ease {section_score:.0f} ({describe(section_score)}), below the floor of {floor:.0f}",
                section.block.location,
                section.heading,
            )
    for sentence, words in readability.long_sentences:
        evidence = sentence.text[:160] + ("…" if len(sentence.text) > 160 else "")
        yield RULE.finding(f"Sentence of {words} words (longest allowed: {settings.max_sentence_words})", sentence.location, evidence)
