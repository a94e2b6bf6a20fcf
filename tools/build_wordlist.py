"""Expand the bundled Hunspell en_GB dictionary into a plain list of every word form.

    python tools/build_wordlist.py

Run it after replacing notice_audit/dictionaries/en_GB.{aff,dic} (they come from Debian's
hunspell-en-gb package, LibreOffice's British English dictionary). Looking a word up in a
set of expanded forms costs nothing to load compared with building a Hunspell dictionary
(about 0.8 s with spylls), so the spelling check only loads spylls to make suggestions for
words it has already found to be unknown. The script checks a sample of its output against
spylls itself and stops if they disagree.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from spylls.hunspell import Dictionary

FOLDER = Path(__file__).resolve().parent.parent / "notice_audit" / "dictionaries"


def apply_suffix(stem: str, suffix) -> str | None:
    if not suffix.cond_regexp.search(stem) or (suffix.strip and not stem.endswith(suffix.strip)):
        return None
    return stem[: len(stem) - len(suffix.strip)] + suffix.add


def apply_prefix(stem: str, prefix) -> str | None:
    if not prefix.cond_regexp.search(stem) or (prefix.strip and not stem.startswith(prefix.strip)):
        return None
    return prefix.add + stem[len(prefix.strip):]


def expand(dictionary: Dictionary) -> set[str]:
    aff = dictionary.aff
    skip_flags = {flag for flag in (aff.ONLYINCOMPOUND, aff.FORBIDDENWORD) if flag}
    words: set[str] = set()
    for entry in dictionary.dic.words:
        if entry.flags & skip_flags:
            continue
        stem = entry.stem
        if not (aff.NEEDAFFIX and aff.NEEDAFFIX in entry.flags):
            words.add(stem)
        suffixed: list[tuple[str, object]] = []
        for flag in entry.flags:
            for suffix in aff.SFX.get(flag, []):
                form = apply_suffix(stem, suffix)
                if form is None:
                    continue
                words.add(form)
                suffixed.append((form, suffix))
                for second_flag in suffix.flags:  # a suffix that allows a further suffix
                    for second in aff.SFX.get(second_flag, []):
                        further = apply_suffix(form, second)
                        if further is not None:
                            words.add(further)
        for flag in entry.flags:
            for prefix in aff.PFX.get(flag, []):
                form = apply_prefix(stem, prefix)
                if form is None:
                    continue
                words.add(form)
                if prefix.crossproduct:
                    for suffixed_form, suffix in suffixed:
                        if suffix.crossproduct:
                            both = apply_prefix(suffixed_form, prefix)
                            if both is not None:
                                words.add(both)
    return {word.replace("’", "'") for word in words if word}


def main() -> None:
    dictionary = Dictionary.from_files(str(FOLDER / "en_GB"))
    words = expand(dictionary)
    sample = random.Random(7).sample(sorted(words), 3000)
    wrong = [word for word in sample if not dictionary.lookup(word)]
    if len(wrong) > 3:
        sys.exit(f"expansion disagrees with Hunspell on {len(wrong)} of 3000 sampled forms, e.g. {wrong[:10]}")
    target = FOLDER / "en_GB.words"
    target.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} word forms written to {target} ({target.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
