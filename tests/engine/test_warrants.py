"""Warrant economics (G-20) and the Hy-Tech short-sale cover test (HYT §4.26, M-CONV-2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.conversion_price import figure_fraction
from dealbook.engine.warrants import Delivery
from dealbook.engine.warrants import exercise_proceeds
from dealbook.engine.warrants import short_sale_cover
from dealbook.engine.warrants import warrant_shares_per_dollar
from dealbook.terms.conventions import Conventions
from dealbook.terms.limits import ShortSales

SHORT_SALES = ShortSales(permitted=False, cover_window=parse_duration("2 trading-days"))
CLOCK = DealClock.of(Conventions())


def test_g20_exercise_proceeds() -> None:
    # 2,500,000 x 0.01 = 25,000 per warrant; 50,000 for both
    warrant = exercise_proceeds(shares=2_500_000, exercise_price=Decimal("0.01"))
    initial = exercise_proceeds(
        shares=2_500_000, exercise_price=Decimal("0.01"), label="Initial Warrant"
    )
    assert warrant.value == Decimal("25000")
    assert initial.value == Decimal("25000")
    assert figure_fraction(warrant) + figure_fraction(initial) == 50_000


@pytest.mark.parametrize(
    ("shares", "principal", "expected"),
    [
        (900_000, "450000", Decimal(2)),  # G-20 Insynq, all closings
        (240_000, "120000", Decimal(2)),  # Insynq initial Closing
        (60_000, "30000", Decimal(2)),  # Insynq per Funding Date
        (5_000_000, "1000000", Decimal(5)),  # G-20 Amnis
        (2_500_000, "500000", Decimal(5)),  # SDS
        (1_750_000, "350000", Decimal(5)),  # Alpha
        (750_000, "150000", Decimal(5)),  # Bristol
        (5_000_000, "750000", Fraction(20, 3)),  # G-20 Hy-Tech: 6.666...
    ],
)
def test_g20_warrant_shares_per_dollar(
    shares: int, principal: str, expected: Decimal | Fraction
) -> None:
    figure = warrant_shares_per_dollar(warrant_shares=shares, principal=Decimal(principal))
    assert figure.value == expected
    assert type(figure.value) is type(expected)


def test_zero_principal_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="positive"):
        warrant_shares_per_dollar(warrant_shares=1, principal=Decimal(0))


Window = Literal["include-sale-day", "literal"]


@pytest.mark.parametrize(
    ("sale", "delivered", "window", "covered", "end"),
    [
        # Mon 2003-09-08: window ends 2 trading days later, Wed 09-10
        (date(2003, 9, 8), date(2003, 9, 8), "include-sale-day", True, date(2003, 9, 10)),
        (date(2003, 9, 8), date(2003, 9, 8), "literal", False, date(2003, 9, 10)),
        (date(2003, 9, 8), date(2003, 9, 10), "literal", True, date(2003, 9, 10)),
        (date(2003, 9, 8), date(2003, 9, 11), "include-sale-day", False, date(2003, 9, 10)),
        # Fri 2003-08-29: Labor Day 09-01 is not a trading day -> 09-02, 09-03
        (date(2003, 8, 29), date(2003, 9, 3), "literal", True, date(2003, 9, 3)),
        (date(2003, 8, 29), date(2003, 9, 1), "literal", True, date(2003, 9, 3)),
        (date(2003, 8, 29), date(2003, 9, 4), "include-sale-day", False, date(2003, 9, 3)),
        # a sale on Sat 2003-09-06 belongs to Mon 09-08
        (date(2003, 9, 6), date(2003, 9, 8), "include-sale-day", True, date(2003, 9, 10)),
        (date(2003, 9, 6), date(2003, 9, 8), "literal", False, date(2003, 9, 10)),
    ],
)
def test_short_sale_cover_window(
    sale: date, delivered: date, window: Window, covered: bool, end: date
) -> None:
    result = short_sale_cover(
        sale_day=sale,
        shares_sold=100_000,
        long_position=0,
        deliveries=(Delivery(day=delivered, shares=100_000),),
        short_sales=SHORT_SALES,
        conventions=Conventions(short_sale_window=window),
        clock=CLOCK,
    )
    assert result.covered is covered
    assert result.window_end == end
    assert f"hyt.short_sale_window={window}" in result.notices.assumptions


def test_long_position_and_partial_notices() -> None:
    result = short_sale_cover(
        sale_day=date(2003, 9, 8),
        shares_sold=100_000,
        long_position=40_000,
        deliveries=(
            Delivery(day=date(2003, 9, 9), shares=50_000),
            Delivery(day=date(2003, 9, 12), shares=50_000),  # too late
        ),
        short_sales=SHORT_SALES,
        conventions=Conventions(),
        clock=CLOCK,
    )
    assert result.uncovered.value == 60_000
    assert result.notices.value == 50_000
    assert not result.covered


def test_permitted_short_sales_are_always_covered() -> None:
    # AMN-SPA §2(f) expressly allows hedging and short positions
    hedging = ShortSales(permitted=True)
    result = short_sale_cover(
        sale_day=date(2003, 9, 8),
        shares_sold=100_000,
        long_position=0,
        deliveries=(),
        short_sales=hedging,
        conventions=Conventions(),
        clock=CLOCK,
    )
    assert result.covered


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 20), st.integers(0, 10**6), st.integers(0, 10**6))
def test_include_sale_day_covers_whatever_literal_covers(
    offset: int, sold: int, notice_shares: int
) -> None:
    sale = date(2003, 9, 8)
    delivery = Delivery(day=date.fromordinal(sale.toordinal() + offset - 3), shares=notice_shares)

    def covered(window: Window) -> bool:
        return short_sale_cover(
            sale_day=sale,
            shares_sold=sold,
            long_position=0,
            deliveries=(delivery,),
            short_sales=SHORT_SALES,
            conventions=Conventions(short_sale_window=window),
            clock=CLOCK,
        ).covered

    assert covered("include-sale-day") or not covered("literal")
