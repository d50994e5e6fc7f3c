"""Quantities: every quantity of spec §1 (per-deal facts) is found with its value and kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbook.ingest.document import Document
from dealbook.ingest.model import DurationKind
from dealbook.ingest.model import Quantity
from dealbook.ingest.model import QuantityKind
from dealbook.ingest.quantities import find_quantities
from dealbook.ingest.quantities import words_before

M, P, S, PC, R, DU, DT, T = (
    QuantityKind.MONEY, QuantityKind.PRICE, QuantityKind.SHARES, QuantityKind.PERCENT,
    QuantityKind.RATE, QuantityKind.DURATION, QuantityKind.DATE, QuantityKind.TIME,
)  # fmt: skip
D = Decimal

#: (seed, line, kind, value, detail): detail is a rate's period, a duration's kind of day,
#: a time's zone, or "" (the spec §1 line references; the value as the spec states it).
FACTS: list[tuple[str, int, QuantityKind, object, str]] = [
    # §1.1 Insynq
    ("ins-spa", 5, DT, date(2002, 9, 27), ""),
    ("ins-spa", 19, PC, D("0.12"), ""),
    ("ins-spa", 21, M, D(450000), ""),
    ("ins-spa", 25, P, D("0.001"), ""),
    ("ins-spa", 28, S, 900000, ""),
    ("ins-spa", 53, M, D(120000), ""),
    ("ins-spa", 54, S, 240000, ""),
    ("ins-spa", 73, T, "12:00 noon", "Eastern Standard Time"),
    ("ins-spa", 73, DT, date(2002, 9, 27), ""),
    ("ins-spa", 78, DU, 11, "months"),
    ("ins-spa", 82, M, D(30000), ""),
    ("ins-spa", 83, S, 60000, ""),
    ("ins-spa", 94, DU, 30, "days"),
    ("ins-spa", 96, DT, date(2002, 11, 29), ""),
    ("ins-spa", 201, R, D("0.03"), "month"),
    ("ins-spa", 306, S, 250000000, ""),
    ("ins-spa", 307, S, 66527503, ""),
    ("ins-spa", 307, S, 23722925, ""),
    ("ins-spa", 309, S, 159749572, ""),
    ("ins-spa", 311, S, 630000000, ""),
    ("ins-spa", 315, S, 10000000, ""),
    ("ins-spa", 316, S, 5000000, ""),
    ("ins-spa", 463, DT, date(2002, 5, 31), ""),
    ("ins-spa", 883, M, D(1162000), ""),
    ("ins-spa", 905, DU, 3, "business-days"),
    ("ins-spa", 908, R, D("0.15"), "annum"),
    ("ins-spa", 1014, DT, date(2002, 10, 11), ""),
    ("ins-spa", 1015, DT, date(2002, 11, 29), ""),
    ("ins-spa", 1402, M, D(60000), ""),
    ("ins-rra", 18, M, D(450000), ""),
    ("ins-rra", 22, S, 900000, ""),
    ("ins-rra", 81, DU, 10, "days"),
    ("ins-rra", 83, DU, 30, "days"),
    ("ins-rra", 129, DU, 90, "days"),
    ("ins-rra", 173, PC, D("0.02"), ""),
    ("ins-rra", 403, DU, 10, "consecutive-trading-days"),
    ("ins-rra", 404, DU, 20, "trading-days"),
    # §1.2 Amnis
    ("amn-spa", 6, DT, date(2003, 5, 9), ""),
    ("amn-spa", 23, M, D(1000000), ""),
    ("amn-spa", 26, P, D("0.0001"), ""),
    ("amn-spa", 29, S, 5000000, ""),
    ("amn-spa", 71, T, "12:00 noon", "Eastern Standard Time"),
    ("amn-spa", 161, R, D("0.02"), "month"),
    ("amn-spa", 162, R, D("0.03"), "month"),
    ("amn-spa", 288, S, 20000000, ""),
    ("amn-spa", 289, S, 400000000, ""),
    ("amn-spa", 290, S, 107941654, ""),
    ("amn-spa", 290, S, 2123845, ""),
    ("amn-spa", 292, S, 17619450, ""),
    ("amn-spa", 294, S, 252315051, ""),
    ("amn-spa", 300, S, 53453861, ""),
    ("amn-spa", 303, S, 124025785, ""),
    ("amn-spa", 308, S, 74835405, ""),
    ("amn-spa", 313, S, 295714286, ""),
    ("amn-spa", 428, DU, 3, "years"),
    ("amn-spa", 849, DU, 5, "business-days"),
    ("amn-spa", 851, R, D("0.15"), "annum"),
    ("amn-spa", 956, DT, date(2003, 8, 30), ""),
    ("amn-spa", 957, DT, date(2003, 11, 30), ""),
    ("amn-spa", 1272, DU, 1, "years"),
    ("amn-spa", 1356, M, D(500000), ""),
    ("amn-spa", 1377, M, D(350000), ""),
    ("amn-spa", 1402, M, D(150000), ""),
    # §1.3 Hy-Tech
    ("hyt", 152, DT, date(2003, 4, 28), ""),
    ("hyt", 159, M, D(750000), ""),
    ("hyt", 159, PC, D("0.01"), ""),
    ("hyt", 160, DT, date(2008, 4, 27), ""),
    ("hyt", 200, P, D("0.001"), ""),
    ("hyt", 229, DT, date(2003, 8, 28), ""),
    ("hyt", 238, S, 7500000, ""),
    ("hyt", 286, S, 2500000, ""),
    ("hyt", 287, P, D("0.01"), ""),
    ("hyt", 308, M, D(100000), ""),
    ("hyt", 436, M, D(750000), ""),
    ("hyt", 444, DU, 45, "calendar-days"),
    ("hyt", 532, DU, 5, "business-days"),
    ("hyt", 1210, DU, 10, "trading-days"),
    ("hyt", 1381, M, D(25000), ""),
    ("hyt", 1383, M, D(5000), ""),
    ("hyt", 1389, DU, 2, "years"),
    ("hyt", 1391, PC, D("0.04"), ""),
    ("hyt", 1412, DU, 5, "days"),
    ("hyt", 1440, DU, 20, "trading-days"),
    ("hyt", 1482, R, D("0.15"), "annum"),
    ("hyt", 1723, M, D("750000.00"), ""),
    ("hyt", 1770, P, D("0.001"), ""),
    ("hyt", 1770, S, 50000000, ""),
    ("hyt", 1774, S, 37916390, ""),
    ("hyt", 1774, DT, date(2003, 4, 21), ""),
    ("hyt", 1778, M, D(1000000), ""),
    ("hyt", 1778, S, 10000000, ""),
    ("hyt", 1783, M, D(700000), ""),
    ("hyt", 1785, DT, date(2002, 10, 9), ""),
    ("hyt", 1786, R, D("0.08"), "annum"),
    ("hyt", 1788, S, 350000, ""),
    ("hyt", 1789, P, D("2.00"), ""),
    ("hyt", 1789, S, 210000, ""),
    ("hyt", 1790, P, D("2.50"), ""),
    ("hyt", 1793, S, 2000000, ""),
    ("hyt", 1799, M, D(5000000), ""),
    ("hyt", 1802, S, 13888889, ""),
    ("hyt", 1802, DT, date(2003, 4, 4), ""),
    ("hyt", 1885, M, D("3677603.74"), ""),
    ("hyt", 1890, M, D(72000), ""),
]


def _value(quantity: Quantity) -> object:
    if quantity.kind is QuantityKind.TIME:
        return quantity.clock
    if quantity.amount is not None:
        return quantity.amount
    return quantity.count if quantity.count is not None else quantity.day


def _detail(quantity: Quantity) -> str:
    if quantity.kind is QuantityKind.RATE:
        return quantity.per
    if quantity.kind is QuantityKind.DURATION and quantity.duration is not None:
        return str(quantity.duration)
    return quantity.zone


@pytest.mark.parametrize(("seed", "line", "kind", "value", "detail"), FACTS)
def test_spec_section_1_quantity(
    seed_docs: dict[str, Document],
    seed: str,
    line: int,
    kind: QuantityKind,
    value: object,
    detail: str,
) -> None:
    doc = seed_docs[seed]
    found = [
        (_value(q), _detail(q))
        for q in doc.quantities
        if q.kind is kind
        and doc.line_range(q.start, q.end)[0] <= line <= doc.line_range(q.start, q.end)[1]
    ]
    assert (value, detail) in found, f"{seed} L{line}: {kind} {value} {detail}; found {found}"


def test_words_and_numerals_pairs() -> None:
    [money] = [
        q
        for q in find_quantities("up to Four Hundred Fifty Thousand Dollars ($450,000)")
        if q.kind is M
    ]
    assert (money.amount, money.words, money.words_value) == (
        D(450000),
        "Four Hundred Fifty Thousand Dollars",
        D(450000),
    )
    [shares] = find_quantities("Seven and a Half (7,500,000) shares")
    assert (shares.count, shares.words_value) == (7500000, D("7.5"))
    assert words_before("for thirty (30", 11) == ("thirty", 4)


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("within five (5) Business Days after", DurationKind.BUSINESS_DAYS, 5),
        ("forty-five (45) calendar days after", DurationKind.CALENDAR_DAYS, 45),
        ("ten (10) consecutive trading days", DurationKind.CONSECUTIVE_TRADING_DAYS, 10),
        ("twelve (12) month period", DurationKind.MONTHS, 12),
        ("five days after being placed", DurationKind.DAYS, 5),
    ],
)
def test_duration_kinds(text: str, kind: DurationKind, unit: int) -> None:
    [duration] = [q for q in find_quantities(text) if q.kind is DU]
    assert (duration.duration, duration.count) == (kind, unit)


def test_money_never_drops_thousands() -> None:
    """LexNLP reads "$450,000)" as 450; dealbook reads 450000 (and never a float)."""
    [money] = find_quantities("($450,000)")
    assert money.amount == D(450000) and isinstance(money.amount, Decimal)
