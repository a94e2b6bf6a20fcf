"""Language rules: findings per 1,000 words, recall of injected errors, and speed.

    python bench/language.py [--list] [--seed N]

1. Runs the language rules (typos.*, style.*) over every notice in ../shared/corpus/
   and in fixtures/, and prints findings per 1,000 words (--list prints every typos
   finding, for review).
2. Injects errors into plain-text copies of the real notices with a fixed seed:
   swapped letters, dropped letters, doubled words, agreement errors (a determiner made
   to disagree with its noun, 'a'/'an' swapped). Each copy holds one kind of error, at
   most one per paragraph; an error counts as found when a finding of the expected rule
   is on its line. Prints recall per kind and overall.
3. Times the language rules on a 10,000-word notice made of the corpus notices' text.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notice_audit.config import Settings  # noqa: E402
from notice_audit.document import Document  # noqa: E402
from notice_audit.errors import InputError  # noqa: E402
from notice_audit.ingest import load, parse  # noqa: E402
from notice_audit.ingest.source import RawSource  # noqa: E402
from notice_audit.language.grammar import plural_noun, singular_countable_noun  # noqa: E402
from notice_audit.language.lexicon import Lexicon, tables  # noqa: E402
from notice_audit.rules import QUALITY_RULES  # noqa: E402
from notice_audit.rules.context import CheckContext  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LANGUAGE_RULES = [m for m in QUALITY_RULES if m.RULE.id.startswith(("typos.", "style."))]
SKIP = {".yaml", ".py", ".json"}
INJECTIONS_PER_COPY = 6
WORD = re.compile(r"(?<![\w'’@./-])[a-z]{5,}(?![\w'’@/-])")


def notices(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in SKIP and p.name != "README.md" and "bad" not in p.parts)


def language_findings(document: Document, rules=LANGUAGE_RULES):
    context = CheckContext(Settings(offline=True))
    return [finding for module in rules for finding in module.check(document, context)]


def survey(paths: list[Path], show: bool) -> None:
    totals: Counter = Counter()
    words = 0
    for path in paths:
        try:
            document = load(str(path), offline=True)
        except InputError:
            continue
        findings = language_findings(document)
        words += document.word_count
        kinds = Counter("style" if f.rule.startswith("style.") else "typos" for f in findings)
        totals.update(kinds)
        totals["notices"] += 1
        if show:
            for f in findings:
                if f.rule.startswith("typos."):
                    print(f"  {path.name}:{f.location}: {f.rule} {f.message} | {f.evidence[:70]}")
    per_k = 1000 / max(words, 1)
    print(
        f"  {totals['notices']} notices, {words} words: typos findings {totals['typos']} "
        f"({totals['typos'] * per_k:.2f} per 1,000 words); style findings {totals['style']} ({totals['style'] * per_k:.2f} per 1,000 words)"
    )


@dataclass
class Injection:
    line: int
    rules: tuple[str, ...]


def plain_copy(document: Document) -> str:
    return "\n\n".join(block.text.replace("\n", " ") for block in document.blocks) + "\n"


def inject(text: str, kind: str, rng: random.Random, lexicon: Lexicon) -> tuple[str, list[Injection]]:
    """At most INJECTIONS_PER_COPY errors of one kind, each in a different paragraph."""
    paragraphs = text.split("\n\n")
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    made = 0
    lines: dict[int, tuple[str, ...]] = {}
    for index in order:
        if made >= INJECTIONS_PER_COPY:
            break
        changed = INJECTORS[kind](paragraphs[index], rng, lexicon)
        if changed is not None:
            paragraphs[index], rules = changed
            lines[index] = rules
            made += 1
    injections = [Injection(1 + 2 * index, rules) for index, rules in lines.items()]
    return "\n\n".join(paragraphs), injections


def _replace_word(paragraph: str, rng: random.Random, change: Callable[[str], str | None]) -> str | None:
    matches = list(WORD.finditer(paragraph))
    rng.shuffle(matches)
    for match in matches[:20]:
        changed = change(match.group())
        if changed is not None:
            return paragraph[: match.start()] + changed + paragraph[match.end() :]
    return None


def swap_letters(paragraph: str, rng: random.Random, lexicon: Lexicon):
    def change(word: str) -> str | None:
        i = rng.randrange(1, len(word) - 2)
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        return swapped if swapped != word and not lexicon.knows(swapped) and lexicon.knows(word) else None

    result = _replace_word(paragraph, rng, change)
    return (result, ("typos.spelling",)) if result else None


def drop_letter(paragraph: str, rng: random.Random, lexicon: Lexicon):
    def change(word: str) -> str | None:
        i = rng.randrange(1, len(word))
        dropped = word[:i] + word[i + 1 :]
        return dropped if not lexicon.knows(dropped) and lexicon.knows(word) else None

    result = _replace_word(paragraph, rng, change)
    return (result, ("typos.spelling",)) if result else None


def double_word(paragraph: str, rng: random.Random, lexicon: Lexicon):
    words = list(re.finditer(r"(?<![\w'’@./-])[a-z]{2,}(?![\w'’@/:-])", paragraph))
    allowed = tables().allowed_repeats
    words = [m for m in words if m.group() not in allowed]
    if not words:
        return None
    match = rng.choice(words)
    return paragraph[: match.end()] + " " + match.group() + paragraph[match.end() :], ("typos.repeated",)


# A determiner and the noun that ends its phrase: punctuation or one of these words follows,
# so the word changed is the head noun, not a modifier ("a records officer") or an adjective.
_DETERMINED = re.compile(
    r"\b(a|an|another|each|every|these|those|many|several)\s+([a-z]{3,})"
    r"(?=\s*[.,;:)]|\s+(?:of|to|for|in|on|with|and|or|is|are|was|were|will|may|can|that|which|who)\b)"
)


def break_agreement(paragraph: str, rng: random.Random, lexicon: Lexicon):
    table = tables()
    matches = list(_DETERMINED.finditer(paragraph))
    rng.shuffle(matches)
    for match in matches:
        determiner, noun = match.group(1), match.group(2)
        if determiner in ("a", "an") and rng.random() < 0.5:
            other = "an" if determiner == "a" else "a"
            wrong = f"{other} {noun}"
        elif determiner in table.plural_determiners:
            singular = plural_noun(noun, lexicon, table)
            if singular is None:
                continue
            wrong = f"{determiner} {singular}"
        else:
            plural = singular_countable_noun(noun, lexicon, table)
            if plural is None:
                continue
            wrong = f"{determiner} {plural}"
        return paragraph[: match.start()] + wrong + paragraph[match.end() :], ("typos.agreement",)
    return None


INJECTORS = {"swapped letters": swap_letters, "dropped letter": drop_letter, "doubled word": double_word, "agreement": break_agreement}


def recall(paths: list[Path], seed: int, show: bool) -> None:
    rng = random.Random(seed)
    lexicon = Lexicon()
    found_by_kind: Counter = Counter()
    made_by_kind: Counter = Counter()
    for path in paths:
        try:
            clean = plain_copy(load(str(path), offline=True))
        except InputError:
            continue
        for kind in INJECTORS:
            text, injections = inject(clean, kind, rng, lexicon)
            document = parse(RawSource(f"{path.stem}-{kind}.txt", text.encode(), "text"))
            findings = language_findings(document, [m for m in LANGUAGE_RULES if m.RULE.id.startswith("typos.")])
            on_line = {(f.location.line, f.rule) for f in findings}
            for injection in injections:
                made_by_kind[kind] += 1
                if any((injection.line, rule) in on_line for rule in injection.rules):
                    found_by_kind[kind] += 1
                elif show:
                    print(f"  missed {kind} in {path.name}, line {injection.line}: {text.splitlines()[injection.line - 1][:160]}")
    for kind in INJECTORS:
        made, found = made_by_kind[kind], found_by_kind[kind]
        print(f"  {kind:16} {found:4}/{made:<4} recall {found / max(made, 1):.3f}")
    made, found = sum(made_by_kind.values()), sum(found_by_kind.values())
    print(f"  {'all':16} {found:4}/{made:<4} recall {found / max(made, 1):.3f}")


def speed(paths: list[Path]) -> None:
    pieces: list[str] = []
    words = 0
    for path in paths:
        try:
            text = plain_copy(load(str(path), offline=True))
        except InputError:
            continue
        pieces.append(text)
        words += len(text.split())
    text = "\n\n".join(pieces)
    while words < 10_000:
        text += "\n\n" + text
        words *= 2
    kept = " ".join(text.split(" ")[:10_000]) + "\n"
    document = parse(RawSource("ten-thousand-words.txt", kept.encode(), "text"))
    document.sentences()  # split once, as an audit does before the rules run
    started = time.perf_counter()
    language_findings(document)
    first = time.perf_counter() - started
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        language_findings(document)
        timings.append(time.perf_counter() - started)
    print(f"  {document.word_count} words: first run {first * 1000:.0f} ms (loads the word lists), then {min(timings) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every typos finding and every missed injection")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    real = notices(CORPUS)
    # typos-notice.md is written full of mistakes on purpose (the tests count them).
    ours = [p for p in notices(ROOT / "fixtures") if p.name != "typos-notice.md"]
    print("Speed of the language rules")
    speed(real)
    print("Real notices (../shared/corpus)")
    survey(real, args.list)
    print("Fixtures (notices written for the tests)")
    survey(ours, args.list)
    print(f"Recall of injected errors (seed {args.seed}, copies of the real notices)")
    recall(real, args.seed, args.list)


if __name__ == "__main__":
    main()
