"""typos.agreement: a determiner that disagrees with its noun ("another organisations", "these record", "a organisation")."""

from __future__ import annotations

from collections.abc import Iterator

from notice_audit.document import Document
from notice_audit.finding import Finding
from notice_audit.language.grammar import can_be_verb, plural_noun, singular_countable_noun, starts_with_vowel_sound
from notice_audit.language.lexicon import LanguageTables, Lexicon, tables
from notice_audit.language.spelling import lexicon_for
from notice_audit.language.tokens import Token, sentence_tokens
from notice_audit.rules.base import Rule
from notice_audit.rules.context import CheckContext

RULE = Rule(
    id="typos.agreement",
    severity="warning",
    summary="A determiner that disagrees with its noun ('another organisations', 'these record') or 'a'/'an' before the wrong sound.",
    explanation=(
        "Number disagreement is the usual trace of an edit that changed one word and not the other. A plural "
        "after a, an, every, another, each or this, or a singular after these, those, many, several or both, is "
        "reported only where the words around it show it is the noun phrase (a plural used as a modifier, as "
        "in 'a records officer', is fine; 'each applies to' is a pronoun and a verb). 'a' and 'an' follow the "
        "sound, not the letter: an hour, a user, a one-off, an NHS number, a UK address, a DPIA. The word "
        "lists are in checks/language.yaml."
    ),
    reference="UK GDPR Art 12(1) (clear and plain language)",
    hint="Make the determiner and the noun agree, or use 'a'/'an' as the next word sounds.",
    example="people from another organisations -> people from other organisations; a organisation -> an organisation",
)

_ARTICLES = ("a", "an")
_ALWAYS_DETERMINERS = ("a", "an", "every")  # never stand alone as pronouns
_CORRELATIVES = {"both": "and", "either": "or", "neither": "nor"}
_AUXILIARIES = frozenset({"are", "were", "is", "was", "have", "has", "will", "would", "may", "might", "can", "could", "should", "must", "shall"})


def _next_word(tokens: list[Token], index: int) -> Token | None:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following if following is not None and following.is_word else None


def _ends_noun_phrase(tokens: list[Token], index: int, table: LanguageTables) -> bool:
    """The word at `index` is the head of its phrase: punctuation, the end, or a function word follows."""
    if index + 1 >= len(tokens):
        return True
    following = tokens[index + 1]
    return not following.is_word or following.lower in table.noun_phrase_end


def _disagreement(tokens: list[Token], index: int, lexicon: Lexicon, table: LanguageTables) -> str | None:
    determiner = tokens[index]
    noun = _next_word(tokens, index)
    lower = determiner.lower
    if noun is None or not (determiner.text.islower() or index == 0):
        return None  # "Schedule A applies", "Plan A"
    if lower in _ARTICLES:
        vowel = starts_with_vowel_sound(noun.text, lexicon, table)
        tolerated = lower == "an" and noun.lower.startswith(table.an_tolerated)
        if vowel is not None and not tolerated and (lower == "an") != vowel:
            return f"'{determiner.text} {noun.text}': use '{'an' if vowel else 'a'}' before a {'vowel' if vowel else 'consonant'} sound"
    if not noun.text.islower():
        return None  # names and acronyms have no number to agree
    ends = _ends_noun_phrase(tokens, index + 1, table)
    after = tokens[index + 2].lower if index + 2 < len(tokens) and tokens[index + 2].is_word else ""
    before = tokens[index - 1].lower if index > 0 and tokens[index - 1].is_word else ""
    # A word that can stand alone ("each applies", "these include") is a determiner when a
    # preposition comes before it, an auxiliary verb follows its noun, or the noun cannot be a verb.
    settled = (
        lower in _ALWAYS_DETERMINERS or before in table.prepositions or after in _AUXILIARIES
        or after == "such" or not can_be_verb(noun.text, lexicon)
    )
    if lower == "this" and can_be_verb(noun.text, lexicon):  # "much of this comes from"
        settled = after in table.plural_verbs
    if lower in _CORRELATIVES and after == _CORRELATIVES[lower]:
        return None  # "both electronic and paper", "either party or"
    if not (ends and settled) or (lower in ("each", "both") and before in _AUXILIARIES):
        return None  # "... are each controllers": a quantifier floated after the verb
    if lower in table.singular_determiners and lower not in ("a", "an"):
        singular = plural_noun(noun.text, lexicon, table)
        if singular:
            return f"'{determiner.text} {noun.text}': '{determiner.text}' takes a singular noun ('{determiner.text} {singular}')"
    if lower in ("a", "an"):
        singular = plural_noun(noun.text, lexicon, table)
        if singular:
            return f"'{determiner.text} {noun.text}': '{determiner.text}' takes a singular noun"
    if lower in table.plural_determiners:
        plural = singular_countable_noun(noun.text, lexicon, table)
        if plural:
            return f"'{determiner.text} {noun.text}': '{determiner.text}' takes a plural noun ('{determiner.text} {plural}')"
    return None


def check(document: Document, context: CheckContext) -> Iterator[Finding]:
    lexicon = lexicon_for(context.settings.language)
    table = tables()
    determiners = table.singular_determiners | table.plural_determiners
    for sentence, tokens in sentence_tokens(document):
        for index, token in enumerate(tokens):
            if token.is_word and token.lower in determiners:
                problem = _disagreement(tokens, index, lexicon, table)
                if problem:
                    noun = tokens[index + 1]
                    yield RULE.finding(f"Agreement: {problem}", sentence.block.locate(token.start), sentence.block.text[token.start : noun.end])
