"""The words the language rules know: the bundled en_GB dictionary, the domain word
lists and language tables in `checks/`, and the user's own words.

Everything is loaded once per process, and only when a language rule runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from notice_audit.errors import ConfigError
from notice_audit.yamlio import load_yaml

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class LanguageTables:
    """`checks/language.yaml`: the tables the grammar rules read."""

    us_spellings: dict[str, str]
    license_as_noun_after: frozenset[str]
    singular_determiners: frozenset[str]
    plural_determiners: frozenset[str]
    singular_ending_in_s: frozenset[str]
    singular_endings: tuple[str, ...]
    irregular_plurals: frozenset[str]
    uncountable: frozenset[str]
    noun_phrase_end: frozenset[str]
    plural_verbs: frozenset[str]
    prepositions: frozenset[str]
    an_before_consonant_sound: tuple[str, ...]
    a_before_vowel_letter: tuple[str, ...]
    an_tolerated: tuple[str, ...]
    letter_names_with_vowel_sound: str
    allowed_repeats: frozenset[str]
    allowed_repeated_phrases: tuple[tuple[str, ...], ...]
    coordinators: frozenset[str]
    placeholders: tuple[re.Pattern[str], ...]  # template text left in place: '[Insert name]', 'TBC'
    abbreviations: tuple[str, ...]  # 'Art.', 'Sch.': a full stop that ends no sentence
    final_abbreviations: tuple[str, ...]  # 'etc.': a full stop that may end a sentence too


def _words_of(text: str) -> set[str]:
    return {line.strip().translate(APOSTROPHES) for line in text.splitlines() if line.strip() and not line.startswith("#")}


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Every word form of the bundled Hunspell en_GB dictionary (see tools/build_wordlist.py)."""
    text = resources.files("notice_audit").joinpath("dictionaries", "en_GB.words").read_text(encoding="utf-8")
    return frozenset(text.split("\n"))


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """`checks/words/*.txt`: the vocabulary of notices that a general dictionary lacks."""
    words: set[str] = set()
    for entry in resources.files("notice_audit.checks").joinpath("words").iterdir():
        if entry.name.endswith(".txt"):
            words |= _words_of(entry.read_text(encoding="utf-8"))
    return frozenset(words)


@lru_cache(maxsize=8)
def user_words(words: tuple[str, ...], wordlists: tuple[str, ...]) -> frozenset[str]:
    known = {word.translate(APOSTROPHES) for word in words}
    for path in wordlists:
        try:
            known |= _words_of(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read the word list ({error})") from None
    return frozenset(known)


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or [])


@lru_cache(maxsize=1)
def tables() -> LanguageTables:
    text = resources.files("notice_audit.checks").joinpath("language.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    agreement = data["agreement"]
    articles = data["articles"]
    repeats = data["repeats"]
    return LanguageTables(
        us_spellings={str(k).lower(): str(v) for k, v in data["us_spellings"].items() if v},
        license_as_noun_after=_lower_set(data["license_as_noun_after"]),
        singular_determiners=_lower_set(agreement["singular_determiners"]),
        plural_determiners=_lower_set(agreement["plural_determiners"]),
        singular_ending_in_s=_lower_set(agreement["singular_ending_in_s"]),
        singular_endings=tuple(agreement["singular_endings"]),
        irregular_plurals=_lower_set(agreement["irregular_plurals"]),
        uncountable=_lower_set(agreement["uncountable"]),
        noun_phrase_end=_lower_set(agreement["noun_phrase_end"]),
        plural_verbs=_lower_set(agreement["plural_verbs"]),
        prepositions=_lower_set(agreement["prepositions"]),
        an_before_consonant_sound=tuple(str(p).lower() for p in articles["an_before_consonant_letter"]),
        a_before_vowel_letter=tuple(str(p).lower() for p in articles["a_before_vowel_letter"]),
        an_tolerated=tuple(str(p).lower() for p in articles["an_tolerated"]),
        letter_names_with_vowel_sound=str(articles["letter_names_with_vowel_sound"]).upper(),
        allowed_repeats=_lower_set(repeats["allowed_words"]),
        allowed_repeated_phrases=tuple(tuple(str(p).lower().split()) for p in repeats["allowed_phrases"]),
        coordinators=_lower_set(repeats["coordinators"]),
        placeholders=tuple(re.compile(str(p), re.IGNORECASE) for p in data.get("placeholders") or ()),
        abbreviations=tuple(str(a) for a in data.get("abbreviations") or ()),
        final_abbreviations=tuple(str(a) for a in data.get("final_abbreviations") or ()),
    )


_CAPITALISED = re.compile(r"^[A-Z][a-z'’]+$")


class Lexicon:
    """Is this word known? The dictionary, the domain lists and the user's words, with Hunspell's case rules."""

    def __init__(self, extra: frozenset[str] = frozenset()) -> None:
        self.words = dictionary_words()
        self.domain = domain_words() | extra
        self.domain_lower = frozenset(word.lower() for word in self.domain)

    def knows(self, word: str) -> bool:
        word = word.translate(APOSTROPHES)
        if word in self.words or word in self.domain or word.lower() in self.domain_lower:
            return True
        lower = word.lower()
        # A capitalised word (sentence start, heading) may be a lowercase dictionary word;
        # an all-capitals word may be either.
        if (_CAPITALISED.match(word) or word.isupper()) and (lower in self.words or lower.capitalize() in self.words):
            return True
        for ending in ("'s", "s'", "'"):  # possessives the dictionary does not list
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                return self.knows(word[: -len(ending)])
        return False
