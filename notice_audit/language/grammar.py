"""Word-class guesses the agreement rule needs, from the dictionary alone (no tagger)."""

from __future__ import annotations

from notice_audit.language.lexicon import LanguageTables, Lexicon


def plural_noun(word: str, lexicon: Lexicon, table: LanguageTables) -> str | None:
    """The singular of `word` when it reads as a regular or irregular plural, else None."""
    lower = word.lower()
    if lower in table.irregular_plurals:
        return {"children": "child", "people": "person", "women": "woman", "men": "man"}.get(lower, lower)
    if not lower.endswith("s") or lower in table.singular_ending_in_s or lower.endswith(table.singular_endings):
        return None
    for singular in (lower[:-3] + "y" if lower.endswith("ies") else None, lower[:-2] if lower.endswith("es") else None, lower[:-1]):
        if singular and len(singular) > 1 and singular in lexicon.words and singular not in table.uncountable:
            return singular
    return None


def singular_countable_noun(word: str, lexicon: Lexicon, table: LanguageTables) -> str | None:
    """The plural of `word` when it is a singular noun with a plural in the dictionary, else None."""
    lower = word.lower()
    if lower in table.uncountable or lower in table.irregular_plurals or lower not in lexicon.words:
        return None
    if lower.endswith("s") and not lower.endswith(("ss", "sh", "ch", "x", "z")):
        return None
    plurals = [lower + "es"] if lower.endswith(("ss", "sh", "ch", "x", "z")) else [lower + "s"]
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        plurals = [lower[:-1] + "ies"]
    return next((plural for plural in plurals if plural in lexicon.words), None)


def can_be_verb(word: str, lexicon: Lexicon) -> bool:
    """Whether the dictionary has an -ing form of `word` (or of its singular): 'include', 'records', 'comes'."""
    lower = word.lower()
    stems = {lower, lower[:-1] if lower.endswith("s") else lower, lower[:-2] if lower.endswith("es") else lower}
    if lower.endswith("ies"):
        stems.add(lower[:-3] + "y")
    for stem in stems:
        for form in (stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else "", stem + stem[-1:] + "ing"):
            if form and form in lexicon.words:
                return True
    return False


def starts_with_vowel_sound(word: str, lexicon: Lexicon, table: LanguageTables) -> bool | None:
    """Whether "an" (True) or "a" (False) belongs before `word`; None when it cannot be told."""
    if len(word) < 2 or not word[0].isalpha():
        return None
    letters = word.replace("-", "")
    spelt_out = sum(char.isupper() for char in letters) >= 2 or (len(word) > 2 and word[1] == "-" and len(word.split("-")[0]) == 1)
    if spelt_out:  # an acronym (NHS, MoU) or a letter-word (X-ray, U-turn): read letter by letter
        first = word[0].upper()
        if first not in table.letter_names_with_vowel_sound:
            return False  # B, C, D, U ("you")…: "a DPIA", "a UK address"
        if first in "AEIOU":
            return True  # a vowel whichever way it is read: "an ICO decision"
        # F, H, L, M, N, R, S, X read as letters start with a vowel sound ("an NHS number", "an X-ray");
        # an acronym read as a word does not ("a SEND pupil"). Only unpronounceable ones are sure.
        consonants_only = not any(vowel in letters.upper() for vowel in "AEIOUY")
        return True if consonants_only or word[1] == "-" else None
    lower = word.lower()
    if lower.startswith(table.an_before_consonant_sound):
        return True
    if lower.startswith(table.a_before_vowel_letter):
        return False
    return lower[0] in "aeiou"
