"""Numbers in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dealbook.ingest.numwords import is_number_word
from dealbook.ingest.numwords import words_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Nine Hundred Thousand", Decimal(900000)),
        ("Seven Hundred and Fifty Thousand Dollars", Decimal(750000)),
        ("One Hundred Twenty Thousand", Decimal(120000)),
        ("two hundred seventy", Decimal(270)),
        ("Five Million United States dollars", Decimal(5000000)),
        ("seventh", Decimal(7)),
        ("Seven and a Half", Decimal("7.5")),
    ],
)
def test_words_value(words: str, value: Decimal) -> None:
    assert words_value(words) == value


def test_not_numbers() -> None:
    assert words_value("the Buyers") is None
    assert is_number_word("forty-five") and not is_number_word("Buyer")
