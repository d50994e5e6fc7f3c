"""Anchored scanning: the same matches as ``finditer``/``search``, tried only at literal needles."""

from __future__ import annotations

import random
import re

import pytest

from dealbook.ingest.scan import anchored_finditer
from dealbook.ingest.scan import anchored_search
from dealbook.ingest.scan import ascii_lower
from dealbook.ingest.scan import find_all
from dealbook.ingest.scan import find_any
from dealbook.ingest.scan import find_cased
from dealbook.ingest.scan import finditer_lines
from dealbook.ingest.scan import line_starts_of
from dealbook.ingest.scan import lines_with


def test_find_all_returns_every_occurrence_overlapping_included() -> None:
    assert find_all("aaaa", "aa") == [0, 1, 2]  # "aa" overlaps itself: str.find path
    assert find_all("per Per per", "per") == [0, 8]  # literal pattern path
    assert find_all("1920 2019", "19") == [0, 7]
    assert find_all("x%y%", "%") == [1, 3]
    assert find_all("abcabc", "bc", 2, 6) == [4]
    assert find_all("abc", "zz") == []


def test_find_any_merges_sorted_and_unique() -> None:
    assert find_any("Share share SHARE", ("share", "Share", "SHARE")) == [0, 6, 12]
    assert find_any("a(b)c(", "()") == [1, 3, 5]


def test_find_cased_finds_exact_case_variants_through_the_lowered_text() -> None:
    text = "five days, Five DAYS, two dAys and a Day"
    needles = ("day", "Day", "DAY")
    lowered = ascii_lower(text)
    assert lowered is not None
    assert find_cased(text, needles, lowered) == [5, 16, 37]  # "dAys" is not a needle
    assert find_cased(text, needles, lowered) == find_any(text, needles)
    assert find_cased(text, needles) == find_any(text, needles)  # without the lowered text


def test_ascii_lower_only_for_ascii_text() -> None:
    assert ascii_lower("ABC def") == "abc def"
    assert ascii_lower("\u0130stanbul") is None  # lower() would change the length


def test_lines_with_and_line_starts_of() -> None:
    text = "one\n  two three\nfour"
    assert lines_with(text, [0, 6, 10, 17]) == [0, 4, 16]
    assert line_starts_of(text, [6, 10, 16]) == [4, 16]  # "three" has text before it


def test_anchored_finditer_matches_finditer_when_starts_cover_every_match() -> None:
    pattern = re.compile(r"%|[pP](?:ercent|ERCENT|er\s+cent)(?![A-Za-z])")
    text = "five percent (5%), Per  cent, PERCENT, pERCENT, percentage, 7 %"
    starts = find_any(text, ("%", "per", "Per", "pER", "PER"))
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in anchored_finditer(pattern, text, starts)] == expected
    assert expected == [(5, 12), (15, 16), (19, 28), (30, 37), (39, 46), (62, 63)]


def test_anchored_finditer_keeps_finditer_non_overlap_and_bounds() -> None:
    pattern = re.compile(r"(?:19|20)\d\d(?!\d)")
    text = "1920 2019 20199 1999"
    starts = find_any(text, ("19", "20"))
    assert [m.group(0) for m in anchored_finditer(pattern, text, starts)] == [
        "1920",
        "2019",
        "1999",
    ]
    assert [m.group(0) for m in anchored_finditer(pattern, text, starts, 3, 15)] == ["2019"]


def test_anchored_search_is_the_first_match() -> None:
    pattern = re.compile(r"ab+")
    assert anchored_search(pattern, "xxabbxab", [2, 6]) is not None
    found = anchored_search(pattern, "xxabbxab", [2, 6], 3)
    assert found is not None and found.span() == (6, 8)
    assert anchored_search(pattern, "xxabbxab", [0, 1]) is None


@pytest.mark.parametrize("seed", range(20))
def test_anchored_finditer_equals_finditer_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    pattern = re.compile(r"(?:shares?|Shares?|SHARES?)(?![A-Za-z])")
    words = ["share", "Shares", "SHARES", "shareholder", "sHare", "x", "  ", "\n", "Share"]
    text = "".join(rng.choice(words) for _ in range(200))
    lowered = ascii_lower(text)
    starts = find_cased(text, ("share", "Share", "SHARE"), lowered)
    assert [m.span() for m in anchored_finditer(pattern, text, starts)] == [
        m.span() for m in pattern.finditer(text)
    ]


def test_finditer_lines_tries_only_lines_holding_a_needle() -> None:
    pattern = re.compile(r"^[ \t]*IN[ \t]+WITNESS[ \t]+WHEREOF", re.M | re.I)
    text = "Preamble\n  In Witness Whereof, the parties\nwitness\nIN  WITNESS WHEREOF\n"
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in finditer_lines(pattern, text, ("witness",))] == expected
    assert len(expected) == 2
    # Text that is not ASCII is scanned by the pattern itself.
    other = "\u00e9t\u00e9\n IN WITNESS WHEREOF"
    assert [m.span() for m in finditer_lines(pattern, other, ("witness",))] == [(4, 23)]
    # Bounds as for finditer(pos, endpos).
    assert [m.span() for m in finditer_lines(pattern, text, ("witness",), 12)] == expected[1:]


def test_ascii_lower_shares_one_copy_per_text() -> None:
    text = "".join(["Shared ", "TEXT"])
    first = ascii_lower(text)
    assert first == "shared text"
    assert ascii_lower(text) is first
    assert ascii_lower("".join(["Other ", "TEXT"])) == "other text"
