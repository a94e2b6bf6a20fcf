"""The long fuzz run: the properties of tests/test_fuzz.py, with random seeds, for a given time.

    python bench/fuzz.py [--minutes 30]

Cycles through every text format, random bytes and random links/dates, a batch of
examples at a time, until the time is up; stops at the first failure and prints it
(Hypothesis shrinks it to a small input first). Prints how many examples ran.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzzing import FORMATS, check_properties, encode, encodings, texts  # noqa: E402

BATCH = 200
counted = {"examples": 0}


def run_batch(name: str, fmt: str) -> None:
    @settings(max_examples=BATCH, deadline=10000, suppress_health_check=list(HealthCheck), database=None)
    @given(text=texts, encoding=encodings)
    def texts_case(text: str, encoding: str) -> None:
        counted["examples"] += 1
        check_properties(name, fmt, encode(text, encoding))

    texts_case()


def run_bytes() -> None:
    @settings(max_examples=BATCH, deadline=10000, suppress_health_check=list(HealthCheck), database=None)
    @given(data=st.binary(max_size=2000))
    def bytes_case(data: bytes) -> None:
        counted["examples"] += 1
        check_properties("notice.html", "html", data)
        check_properties("notice.txt", "text", data)

    bytes_case()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    args = parser.parse_args()
    started = time.monotonic()
    end = started + args.minutes * 60
    rounds = 0
    while time.monotonic() < end:
        for name, fmt in FORMATS:
            run_batch(name, fmt)
        run_bytes()
        rounds += 1
        print(f"round {rounds}: {counted['examples']} examples, {(time.monotonic() - started) / 60:.1f} min, no failure", flush=True)
    print(f"fuzzed for {(time.monotonic() - started) / 60:.1f} minutes: {counted['examples']} examples, no failure")


if __name__ == "__main__":
    main()
