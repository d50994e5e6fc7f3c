"""Term keys, use patterns, capitalized runs and the use finder."""

from __future__ import annotations

import re

import pytest

from dealbook.ingest.terms import UseFinder
from dealbook.ingest.terms import capitalized_runs
from dealbook.ingest.terms import singular_key
from dealbook.ingest.terms import term_key
from dealbook.ingest.terms import use_pattern


@pytest.mark.parametrize(
    ("plural", "single"), [("securities", "security"), ("buyers", "buyer"), ("class", "class")]
)
def test_singular_key(plural: str, single: str) -> None:
    assert singular_key(plural) == single


def test_use_pattern_case_rules() -> None:
    pattern = re.compile(use_pattern("NOTICE OF CONVERSION"))
    assert pattern.fullmatch("Notice of Conversion") and pattern.fullmatch("NOTICE OF CONVERSION")
    assert not pattern.fullmatch("notice of conversion")


def test_finder_longest_term_possessives_and_plurals() -> None:
    finder = UseFinder(
        ["Buyers", "Registration Rights Agreement", "Agreement", "Officer's Certificate", "Company"]
    )
    text = "the Buyer's Registration Rights Agreement, each Buyer, the Officer's Certificate and the Company's"
    found = [(key, text[s:e]) for key, s, e in finder.find(text)]
    assert found == [
        ("buyers", "Buyer"),
        ("registration rights agreement", "Registration Rights Agreement"),
        ("buyers", "Buyer"),
        ("officer's certificate", "Officer's Certificate"),
        ("company", "Company"),
    ]
    assert finder.key_of("Buyers") == "buyers" and term_key(' "Closing  Date," ') == "closing date"


def test_runs_stop_at_blank_lines() -> None:
    text = "OUTSTANDING CAPITALIZATION\n\nCommon Stock - 37,916,390"
    assert [text[s:e] for s, e in capitalized_runs(text)] == [
        "OUTSTANDING CAPITALIZATION",
        "Common Stock",
        "37",
        "916",
        "390",
    ]
