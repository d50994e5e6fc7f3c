"""Generic capitalized phrases that are not defined terms."""

from __future__ import annotations

import pytest

from dealbook.ingest.lexicon import is_generic


@pytest.mark.parametrize(
    "phrase",
    [
        "Board of Directors",
        "Investment Company Act of 1940",
        "Form 8-K",
        "State of Delaware",
        "December",
        "1101 Broadway Plaza",
        "SunTrust Bank",
    ],
)
def test_generic(phrase: str) -> None:
    assert is_generic(phrase)


@pytest.mark.parametrize(
    "phrase", ["Commission", "Principal Market", "Borrower", "Initial Closing Date"]
)
def test_not_generic(phrase: str) -> None:
    assert not is_generic(phrase)


@pytest.mark.parametrize(
    "folded",
    [
        "securities act of 1933",
        "rule 144",
        "alpha capital aktiengesellschaft",
        "10-ksb",
        "1065 avenue of the americas",
        "state of delaware law",
        "eastern time",
        "new york courts",
    ],
)
def test_quick_test_passes_whatever_the_pattern_matches(folded: str) -> None:
    from dealbook.ingest.lexicon import _PATTERNS
    from dealbook.ingest.lexicon import _may_match

    assert _PATTERNS.match(folded) and _may_match(folded)


def test_quick_test_rejects_plain_terms() -> None:
    from dealbook.ingest.lexicon import _may_match

    assert not _may_match("additional debentures")
    assert not _may_match("initial closing date")
