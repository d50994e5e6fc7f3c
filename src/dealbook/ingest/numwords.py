"""Numbers written in words, as agreements pair them with numerals.

"Four Hundred Fifty Thousand Dollars ($450,000)", "Two and a Half Million (2,500,000)",
"two hundredths (.02)", "forty-five (45)". :func:`words_value` reads the words as an
exact Decimal, so that lint can compare them with the numerals; "Seven and a Half
(7,500,000)" reads 7.5 (defect D-HYT-3: "Million" is missing).

>>> words_value("Four Hundred Fifty Thousand")
Decimal('450000')
>>> words_value("Two and a Half Million")
Decimal('2500000.0')
>>> words_value("Seven and a Half")
Decimal('7.5')
>>> words_value("two hundredths")
Decimal('0.02')
>>> words_value("forty-five"), words_value("Dollars")
(Decimal('45'), None)
"""

from __future__ import annotations

import re
from decimal import Decimal

from dealbook.core.numbers import divide

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
}
_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_DIVISORS = {"tenths": 10, "hundredths": 100, "thousandths": 1000}
NUMBER_WORDS = frozenset(
    [*_UNITS, *_ORDINALS, *_SCALES, *_FRACTIONS, *_DIVISORS, "hundred", "and", "a", "one-half"]
)
_TOKEN = re.compile(r"[A-Za-z]+")
_UNIT_TOKENS = frozenset(
    [
        "dollars",
        "dollar",
        "percent",
        "per",
        "cent",
        "united",
        "states",
        "us",
        "lawful",
        "money",
        "of",
        "the",
    ]
)


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a number ("Hundred", "forty-five", "and")."""
    return all(part.lower() in NUMBER_WORDS for part in word.split("-") if part)


def words_value(text: str) -> Decimal | None:
    """The value of a number in words, or None when the text holds no number word."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not any(t in _UNITS or t in _ORDINALS for t in tokens):
        return None
    total = Decimal(0)
    current = Decimal(0)
    divisor = 1
    for token in tokens:
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _ORDINALS:
            current += _ORDINALS[token]
        elif token == "hundred":
            current = (current or Decimal(1)) * 100
        elif token in _SCALES:
            total += (current or Decimal(1)) * _SCALES[token]
            current = Decimal(0)
        elif token in _FRACTIONS:
            current += _FRACTIONS[token]
        elif token in _DIVISORS:
            divisor = _DIVISORS[token]
        elif token in ("and", "a") or token in _UNIT_TOKENS:
            continue
        else:
            return None
    value = total + current
    return divide(value, divisor) if divisor != 1 else value
