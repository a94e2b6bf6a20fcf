"""Spelling suggestions: dictionary words one edit away (Damerau-Levenshtein distance 1).

Typing slips are almost always one edit: a swapped, dropped, doubled or wrong letter.
Candidates are ranked by how likely the slip is, not by word frequency (no frequency
list ships with the dictionary).
"""

from __future__ import annotations

from collections.abc import Callable

LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POSITION = {char: (row, col) for row, keys in enumerate(_ROWS) for col, char in enumerate(keys)}


def _adjacent(a: str, b: str) -> bool:
    if a not in _KEY_POSITION or b not in _KEY_POSITION:
        return False
    (ra, ca), (rb, cb) = _KEY_POSITION[a], _KEY_POSITION[b]
    return abs(ra - rb) <= 1 and abs(ca - cb) <= 1


def one_edit_away(word: str) -> dict[str, float]:
    """Every string one edit from `word`, with a cost: lower is a likelier slip."""
    candidates: dict[str, float] = {}

    def add(candidate: str, cost: float) -> None:
        if candidate and candidate != word and cost < candidates.get(candidate, 9.0):
            candidates[candidate] = cost

    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            doubled = i > 0 and word[i - 1] == right[0]
            add(left + right[1:], 0.5 if doubled else 1.0)  # deletion
            if len(right) > 1:
                add(left + right[1] + right[0] + right[2:], 0.4)  # transposition
            for char in LETTERS:
                if char != right[0]:
                    add(left + char + right[1:], 0.8 if _adjacent(char, right[0]) else 1.2)  # replacement
        for char in LETTERS:
            doubled = bool(right) and right[0] == char or bool(left) and left[-1] == char
            add(left + char + right, 0.6 if doubled else 0.9)  # insertion: a dropped letter is the commonest slip
    return candidates


def suggestions(word: str, known: Callable[[str], bool], limit: int = 3) -> list[str]:
    """Dictionary words one edit from `word`, likeliest first, in the word's own case pattern."""
    lower = word.lower()
    found = [(cost, candidate) for candidate, cost in one_edit_away(lower).items() if known(candidate)]
    # Keeping the first letter is likelier than changing it.
    found.sort(key=lambda pair: (pair[0] + (0.3 if pair[1][:1] != lower[:1] else 0.0), pair[1]))
    return [_same_case(word, candidate) for _, candidate in found[:limit]]


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
