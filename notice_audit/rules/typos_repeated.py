"""typos.repeated: a word written twice ("the the") or a phrase left behind by an edit ("as this information as this helps")."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.language.lexicon import LanguageTables, tables
from notice_audit.language.tokens import Token, sentence_tokens
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.repeated",
    severity="warning",
    summary="A repeated word ('the the') or a duplicated phrase ('as this information as this helps').",
    explanation=(
        "Doubled words and phrases are the commonest traces of editing and are easy to read past. Only words "
        "in one sentence are compared, so a heading and the sentence under it never count; grammatical "
        "doubles ('had had', 'that that', 'what it is is') and set phrases ('from time to time', 'as well "
        "as') are allowed (the lists are in checks/language.yaml). A pair of words that comes back within "
        "three words is reported unless it starts with 'and', 'or', a preposition or a similar word, which "
        "usually means a deliberate parallel ('with the police and with the courts')."
    ),
    reference="UK GDPR Art 12(1) (concise, intelligible, clear and plain language)",
    hint="Delete the repeated word or phrase, or rewrite the sentence.",
    example="We may ask for your ethnic origin as this information as this helps us -> as this information helps us",
)

_MAX_GAP = {2: 1, 3: 3}
_CONJUNCTIONS = frozenset({"and", "or", "nor", "but"})  # words allowed between the two copies of a 2- or 3-word phrase


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Stretches of words with no punctuation or non-prose token between them."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.is_word:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _allowed(words: list[str], table: LanguageTables) -> bool:
    text = f" {' '.join(words)} "
    return any(f" {' '.join(phrase)} " in text for phrase in table.allowed_repeated_phrases)


def _repeats(run: list[Token], table: LanguageTables) -> Iterator[tuple[Token, Token, str]]:
    """(first token, last token, what is repeated) for each repetition in a run of words."""
    words = [token.lower for token in run]
    reported_until = -1
    for i in range(1, len(words)):
        if (
            words[i] == words[i - 1]
            and words[i] not in table.allowed_repeats
            and not (run[i].text[:1].isupper() and not run[i - 1].text[:1].isupper())
        ):
            yield run[i - 1], run[i], f"'{run[i].text}' twice"
            reported_until = i
    for size in (3, 2):
        for i in range(len(words) - size):
            phrase = words[i : i + size]
            if i <= reported_until or len(set(phrase)) == 1:
                continue
            for j in range(i + size, min(i + size + _MAX_GAP[size], len(words) - size) + 1):
                if words[j : j + size] != phrase:
                    continue
                between = words[i + size : j]
                if size == 2 and between and (phrase[0] in table.coordinators or phrase[-1] in table.coordinators or set(between) & table.coordinators):
                    break  # a deliberate parallel: "such sites and such sites", "a class with a class code"
                if size == 3 and set(between) & _CONJUNCTIONS:
                    break  # "the right to restrict processing and the right to object"
                if run[j].text[:1].isupper() and not run[i].text[:1].isupper():
                    break  # a boundary the text lost, such as a heading run into its first sentence
                if _allowed(words[i : j + size], table):
                    break
                yield run[i], run[j + size - 1], f"'{' '.join(t.text for t in run[i:i + size])}' twice"
                reported_until = j + size - 1
                break


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    table = tables()
    for sentence, tokens in sentence_tokens(document):
        block = sentence.block
        for run in _runs(tokens):
            for first, last, what in _repeats(run, table):
                yield RULE.finding(f"Repeated: {what}", block.locate(first.start), block.text[first.start : last.end])
