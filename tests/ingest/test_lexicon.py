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
