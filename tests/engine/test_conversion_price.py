"""Conversion Price formulas: fixed, discount to the average of the lowest N of M, min/max, floor."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.registry import get_calendar
from dealbook.core.numbers import exact
from dealbook.core.source import ClauseRef
from dealbook.engine.conversion_price import PriceHistory
from dealbook.engine.conversion_price import evaluate_price
from dealbook.engine.conversion_price import history_from_rows
from dealbook.engine.conversion_price import window_days
from dealbook.terms.base import Assumption
from dealbook.terms.base import CitedPrice
from dealbook.terms.securities import DiscountToAverage
from dealbook.terms.securities import FixedPrice
from dealbook.terms.securities import Floor
from dealbook.terms.securities import GreaterOf
from dealbook.terms.securities import LesserOf
from dealbook.terms.securities import PriceField

NYSE = get_calendar("nyse")

# Trading days 2003-08-25 .. 2003-09-05 on NYSE (Labor Day 2003-09-01 closed).
DAYS = [
    date(2003, 8, 25),
    date(2003, 8, 26),
    date(2003, 8, 27),
    date(2003, 8, 28),
    date(2003, 8, 29),
    date(2003, 9, 2),
    date(2003, 9, 3),
    date(2003, 9, 4),
    date(2003, 9, 5),
]
CLOSES = ["0.010", "0.012", "0.009", "0.011", "0.015", "0.008", "0.013", "0.014", "0.007"]
HISTORY: PriceHistory = {
    PriceField.CLOSE: {d: Decimal(p) for d, p in zip(DAYS, CLOSES, strict=True)},
}


def fixed(value: str) -> FixedPrice:
    return FixedPrice(kind="fixed", price=CitedPrice(value=Decimal(value)))


def discount(
    multiplier: str, lowest: int, of_last: int, *, include: bool = False
) -> DiscountToAverage:
    return DiscountToAverage(
        kind="discount-to-average",
        multiplier=Decimal(multiplier),
        lowest=lowest,
        of_last=of_last,
        include_conversion_date=include,
    )


def test_fixed_price_carries_its_citation_and_assumption() -> None:
    # G-12 HYP: a Conversion Price of 0.007 supplied as an assumption.
    block = FixedPrice(
        kind="fixed",
        price=CitedPrice(value=Decimal("0.007"), assumption=Assumption(id="cp", rationale="HYP")),
    )
    result = evaluate_price(
        block, on=date(2003, 9, 8), history={}, clauses=(ClauseRef(doc="spa", section="4(h)"),)
    )
    assert result.ok
    assert result.price == Decimal("0.007")
    assert result.days_used == ()
    assert [str(c) for c in result.figure.clauses] == ["spa:4(h)"]
    assert result.figure.assumptions == ("assumed:cp",)


@pytest.mark.parametrize(
    ("block", "on", "expected", "days"),
    [
        # last 5 before 09-05 (excluded): 08-28 .. 09-04 = .011 .015 .008 .013 .014;
        # lowest 2 = .008, .011 -> average .0095; x 50% = .00475
        (discount("0.5", 2, 5), date(2003, 9, 5), Decimal("0.00475"), DAYS[3:8]),
        # including 09-05: 08-29 .. 09-05 = .015 .008 .013 .014 .007; lowest 2 = .007 .008
        (discount("0.5", 2, 5, include=True), date(2003, 9, 5), Decimal("0.00375"), DAYS[4:9]),
        # lowest 3 of last 3 before 09-02: .009 .011 .015 -> 0.035 / 3 (no finite decimal)
        (discount("1", 3, 3), date(2003, 9, 2), Fraction(7, 600), DAYS[2:5]),
        # 80% of the single lowest of 9 (through 09-05): 0.007 x 0.8
        (discount("0.8", 1, 9, include=True), date(2003, 9, 5), Decimal("0.0056"), DAYS),
    ],
)
def test_discount_to_average(
    block: DiscountToAverage, on: date, expected: Decimal | Fraction, days: list[date]
) -> None:
    for trading in (None, NYSE):
        result = evaluate_price(block, on=on, history=HISTORY, trading=trading)
        assert result.ok, result.problem
        assert result.price == expected
        assert type(result.price) is type(expected)
        assert result.days_used == tuple(days)


def test_discount_explains_the_days_it_used() -> None:
    result = evaluate_price(discount("0.5", 2, 5), on=date(2003, 9, 5), history=HISTORY)
    text = result.figure.explain()
    assert "close 2003-09-02 = 0.008" in text
    assert "close 2003-08-28 = 0.011" in text
    assert "conversion_price.window=excludes-conversion-date" in result.figure.assumptions


def test_conversion_on_a_holiday_with_calendar_uses_the_preceding_trading_days() -> None:
    # 2003-09-01 is Labor Day: "including the conversion date" falls back to 08-29.
    result = evaluate_price(
        discount("1", 1, 2, include=True), on=date(2003, 9, 1), history=HISTORY, trading=NYSE
    )
    assert result.days_used == (date(2003, 8, 28), date(2003, 8, 29))
    assert result.price == Decimal("0.011")


@pytest.mark.parametrize(
    ("history", "with_calendar", "problem"),
    [
        ({PriceField.CLOSE: {DAYS[0]: Decimal("0.01")}}, False, "the history has 1"),
        ({}, False, "need 5 trading days before 2003-09-05, the history has 0"),
        (
            {PriceField.CLOSE: {d: Decimal("0.01") for d in DAYS if d != date(2003, 9, 2)}},
            True,
            "no close price for trading day(s) 2003-09-02",
        ),
    ],
)
def test_insufficient_history_is_a_result_not_an_exception(
    history: PriceHistory, with_calendar: bool, problem: str
) -> None:
    result = evaluate_price(
        discount("0.5", 2, 5),
        on=date(2003, 9, 5),
        history=history,
        trading=NYSE if with_calendar else None,
    )
    assert not result.ok
    assert result.figure.value is None
    assert result.problem is not None and problem in result.problem
    with pytest.raises(ValueError, match="not available"):
        _ = result.price


def test_lowest_more_than_window_is_reported() -> None:
    result = evaluate_price(discount("0.5", 6, 5), on=date(2003, 9, 5), history=HISTORY)
    assert result.problem == "the formula asks for the lowest 6 of only 5 days"


def test_lesser_greater_and_floor() -> None:
    average = discount("0.5", 2, 5)  # 0.00475 on 2003-09-05 (see above)
    on = date(2003, 9, 5)
    lesser = LesserOf(kind="lesser-of", of=(fixed("0.005"), average))
    greater = GreaterOf(kind="greater-of", of=(fixed("0.005"), average))
    floored = Floor(kind="floor", minimum=CitedPrice(value=Decimal("0.006")), of=average)
    assert evaluate_price(lesser, on=on, history=HISTORY).price == Decimal("0.00475")
    assert evaluate_price(greater, on=on, history=HISTORY).price == Decimal("0.005")
    assert evaluate_price(floored, on=on, history=HISTORY).price == Decimal("0.006")
    result = evaluate_price(lesser, on=on, history=HISTORY)
    assert result.days_used == tuple(DAYS[3:8])


def test_combination_with_insufficient_part_is_insufficient() -> None:
    lesser = LesserOf(kind="lesser-of", of=(fixed("0.005"), discount("0.5", 2, 50)))
    result = evaluate_price(lesser, on=date(2003, 9, 5), history=HISTORY)
    assert not result.ok
    assert result.problem == "need 50 trading days before 2003-09-05, the history has 8"


def test_window_days_from_calendar_ignores_history() -> None:
    days, problem = window_days([], on=date(2003, 9, 2), count=2, include_on=False, trading=NYSE)
    assert problem is None
    assert days == (date(2003, 8, 28), date(2003, 8, 29))


def test_exact_keeps_fractions_without_finite_expansion() -> None:
    assert exact(Fraction(19, 4000)) == Decimal("0.00475")
    assert exact(Fraction(7, 600)) == Fraction(7, 600)
    assert exact(Fraction(1, 2**200)) == Fraction(1, 2**200)  # beyond 50 digits: kept exact


prices = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("10"), places=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(prices, min_size=9, max_size=9), st.integers(1, 5), prices)
def test_properties_of_price_blocks(values: list[Decimal], lowest: int, floor: Decimal) -> None:
    history: PriceHistory = {PriceField.CLOSE: dict(zip(DAYS, values, strict=True))}
    on = date(2003, 9, 8)
    block = discount("0.5", lowest, 5)
    price = evaluate_price(block, on=on, history=history).price
    window = values[4:9]
    # between half the smallest and half the largest price of the window
    assert Fraction(min(window)) / 2 <= price <= Fraction(max(window)) / 2
    # raising every price never lowers the Conversion Price
    raised: PriceHistory = {PriceField.CLOSE: {d: v + 1 for d, v in zip(DAYS, values, strict=True)}}
    assert evaluate_price(block, on=on, history=raised).price >= price
    floored = Floor(kind="floor", minimum=CitedPrice(value=floor), of=block)
    assert evaluate_price(floored, on=on, history=history).price == max(
        Fraction(floor), Fraction(price)
    )
    lesser = LesserOf(kind="lesser-of", of=(fixed(str(floor)), block))
    greater = GreaterOf(kind="greater-of", of=(fixed(str(floor)), block))
    low = evaluate_price(lesser, on=on, history=history).price
    high = evaluate_price(greater, on=on, history=history).price
    assert low <= price <= high
    assert low <= floor <= high


@dataclasses.dataclass(frozen=True)
class Row:
    date: date
    close: Decimal
    low: Decimal | None = None


def test_history_from_rows_feeds_the_formula() -> None:
    rows = [
        Row(date=d, close=Decimal(p), low=Decimal(p) - Decimal("0.001"))
        for d, p in zip(DAYS, CLOSES, strict=True)
    ]
    rows[0] = Row(date=DAYS[0], close=Decimal("0.010"))  # no low price that day
    history = history_from_rows(rows)
    assert history[PriceField.CLOSE] == HISTORY[PriceField.CLOSE]
    assert DAYS[0] not in history[PriceField.LOW]
    assert history[PriceField.VWAP] == {}
    low_block = DiscountToAverage(
        kind="discount-to-average",
        multiplier=Decimal("0.5"),
        lowest=2,
        of_last=5,
        price_field=PriceField.LOW,
    )
    # lows 0.007 and 0.010 before 2003-09-05 -> average 0.0085 x 50%
    assert evaluate_price(low_block, on=date(2003, 9, 5), history=history).price == Decimal(
        "0.00425"
    )
