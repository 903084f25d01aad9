"""Benchmark the cleaner's speed on ordinary pages and on input shapes that make careless
regular expressions or loops quadratic.

    python bench/clean_speed.py [--size N]

For each shape the cleaner runs on N and on 4N units (pages, lines or characters) and the
report prints both times and their ratio. Target: linear time, a ratio near 4 (at most 6,
for noise) on every shape; ordinary pages >= 20 pages/s. A shape whose ratio is above 6 is
flagged "SUPERLINEAR": one overlong line or page could then hold up a worker for minutes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bilag.pipeline.clean import clean_pages  # noqa: E402

GROWTH = 4
MAX_RATIO = 6.0
_WORD_TEXT = """
    the refugees said that police in the city had arrested several men on Monday and
    comments are not the opinion of users share follow cookie consent sign up newsletter
    """
WORDS = _WORD_TEXT.split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def ordinary_pages(rng: random.Random, n: int) -> list[str]:
    return ["\n".join(sentence(rng, 14) for _ in range(60)) for _ in range(n)]


def short_lines(rng: random.Random, n: int) -> list[str]:
    return ["\n".join(sentence(rng, 3) for _ in range(n * 50))]


def number_table(rng: random.Random, n: int) -> list[str]:
    rows = (" ".join(str(rng.randint(1, 9999)) for _ in range(12)) for _ in range(n * 50))
    return ["\n".join(rows)]


def one_long_line(rng: random.Random, n: int) -> list[str]:
    return [sentence(rng, n * 500)]


def dotted_numbers(rng: random.Random, n: int) -> list[str]:
    return ["1.2.3.4 " * (n * 100)]


def letters_without_spaces(rng: random.Random, n: int) -> list[str]:
    return ["a" * (n * 1000)]


def hyphen_at_every_line(rng: random.Random, n: int) -> list[str]:
    return ["-\n".join(["abc"] * (n * 100))]


SHAPES: dict[str, Callable[[random.Random, int], list[str]]] = {
    "ordinary pages (60 lines)": ordinary_pages,
    "one page of short lines": short_lines,
    "one page of a number table": number_table,
    "one line of prose": one_long_line,
    "one line of dotted numbers": dotted_numbers,
    "one word without spaces": letters_without_spaces,
    "a hyphen at every line end": hyphen_at_every_line,
}


def timed(pages: list[str]) -> float:
    start = time.perf_counter()
    clean_pages(pages)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20, help="units of the smaller run (20)")
    args = parser.parse_args()
    small, large = args.size, args.size * GROWTH
    print(f"{'shape':30} {'N=' + str(small):>10} {'N=' + str(large):>10} {'ratio':>7}")
    for name, make in SHAPES.items():
        first = timed(make(random.Random(1), small))
        second = timed(make(random.Random(1), large))
        ratio = second / first if first else float("inf")
        flag = "  SUPERLINEAR" if ratio > MAX_RATIO else ""
        print(f"{name:30} {first:9.2f}s {second:9.2f}s {ratio:7.1f}{flag}")
        if make is ordinary_pages:
            print(f"{'':30} {large / second:9.0f} pages/s")


if __name__ == "__main__":
    main()
