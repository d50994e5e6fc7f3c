"""Share reservation (INS/AMN-SPA §4(h), §3(c); HYT Sch. 3.1(c)): G-10, G-11, G-12, G-28."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbook.calendars.conventions import CalendarName
from dealbook.calendars.duration import parse_duration
from dealbook.core.figure import Figure
from dealbook.core.numbers import Rounding
from dealbook.engine.clock import DealClock
from dealbook.engine.reserve import approval_clock
from dealbook.engine.reserve import capacity_after
from dealbook.engine.reserve import conversion_shares
from dealbook.engine.reserve import headroom
from dealbook.engine.reserve import implied_conversion_price
from dealbook.engine.reserve import minimum_authorized
from dealbook.engine.reserve import pro_rata_allocation
from dealbook.engine.reserve import reserve_list_due
from dealbook.engine.reserve import reserve_list_issuable
from dealbook.engine.reserve import reserve_list_schedule
from dealbook.engine.reserve import reserve_shortfall
from dealbook.engine.reserve import reserved_amount
from dealbook.loading.bundled import load_bundled
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.deal import Deal
from dealbook.terms.parties import Capitalization
from dealbook.terms.parties import ReserveLine
from dealbook.terms.reserves import ReserveList

LIST = ReserveList(
    due_after_month_end=parse_duration("5 business-days"),
    cite=(Citation(doc="spa", section="4(h)"),),
)
FED = DealClock.of(Conventions())
WEEKDAYS = DealClock.of(Conventions(business_day_calendar=CalendarName.WEEKDAYS))


def _cap(authorized: int, outstanding: int, *reserves: int) -> Capitalization:
    return Capitalization(
        as_of=date(2003, 5, 9),
        par_value=Decimal("0.001"),
        authorized_common=authorized,
        outstanding_common=outstanding,
        reserves=tuple(
            ReserveLine(id=f"line-{i}", label=f"reserve {i}", shares=shares)
            for i, shares in enumerate(reserves)
        ),
    )


INSYNQ = _cap(250_000_000, 66_527_503, 23_722_925, 159_749_572)
# Amnis §3(c): options and other reserves, plus earlier financings 53,453,861 + 124,025,785 + 74,835,405
AMNIS = _cap(400_000_000, 107_941_654, 2_123_845, 17_619_450, 53_453_861, 124_025_785, 74_835_405)
HYTECH = _cap(50_000_000, 37_916_390)


@pytest.mark.parametrize(
    ("rounding", "expected"),
    [
        # G-12: 2 x (1,000,000 / 0.007 + 5,000,000) = 295,714,285.714..., rounded up = 295,714,286
        (Rounding.UP, 295_714_286),
        (Rounding.DOWN, 295_714_285),
    ],
)
def test_g12_amnis_reserved_amount(rounding: Rounding, expected: int) -> None:
    figure = reserved_amount(
        principal=Decimal(1_000_000),
        conversion_price=Decimal("0.007"),
        warrant_shares=5_000_000,
        multiple=Decimal(2),
        rounding=rounding,
    )
    assert figure.value == expected
    assert figure.inputs[0].value == Fraction(1_000_000_000, 7)  # 142,857,142.857...


def test_g12_insynq_with_conversion_price_0_005() -> None:
    # G-12: 450,000 / 0.005 = 90,000,000; 2 x (90,000,000 + 900,000) = 181,800,000
    assert conversion_shares(Decimal(450_000), Decimal("0.005")).value == Decimal(90_000_000)
    figure = reserved_amount(
        principal=Decimal(450_000),
        conversion_price=Decimal("0.005"),
        warrant_shares=900_000,
        multiple=Decimal(2),
    )
    assert figure.value == 181_800_000
    # G-12 monthly-list item (2): 90,000,000 + 900,000 + (450,000 x 0.12) / 0.005 = 101,700,000
    item = reserve_list_issuable(
        principal=Decimal(450_000),
        conversion_price=Decimal("0.005"),
        warrant_shares=900_000,
        coupon=Decimal("0.12"),
        terms=LIST,
        rounding=Rounding.DOWN,
    )
    assert item.value == 101_700_000
    assert item.inputs[2].value == Decimal(10_800_000)


def test_g12_insynq_implied_price_is_exact() -> None:
    # G-12: 630,000,000 / 2 - 900,000 = 314,100,000; 450,000 / 314,100,000 = 0.0014326...
    figure = implied_conversion_price(
        reserved=630_000_000,
        multiple=Decimal(2),
        principal=Decimal(450_000),
        warrant_shares=900_000,
    )
    assert figure.value == Fraction(450_000, 314_100_000)
    assert isinstance(figure.value, Fraction)
    assert str(Decimal(1) / Decimal(698))[:9] == "0.0014326"
    with pytest.raises(ValueError, match="no price"):
        implied_conversion_price(
            reserved=1_800_000, multiple=Decimal(2), principal=Decimal(1), warrant_shares=900_000
        )


def test_g10_insynq_headroom_and_need() -> None:
    # G-10: 66,527,503 + 23,722,925 + 159,749,572 = 250,000,000 = authorized: headroom 0;
    # with the deal's 630,000,000: 880,000,000 needed.
    assert headroom(INSYNQ).value == 0
    need = Figure(label="deal reserve", value=630_000_000, unit="shares")
    assert minimum_authorized(INSYNQ, need).value == 880_000_000


def test_g10_amnis_headroom_need_and_shortfall() -> None:
    # G-10: 107,941,654 + 2,123,845 + 17,619,450 + 252,315,051 = 380,000,000; headroom 20,000,000
    room = headroom(AMNIS)
    assert room.value == 20_000_000
    need = reserved_amount(
        principal=Decimal(1_000_000),
        conversion_price=Decimal("0.007"),
        warrant_shares=5_000_000,
        multiple=Decimal(2),
    )
    assert minimum_authorized(AMNIS, need).value == 675_714_286
    status = reserve_shortfall(need, 20_000_000, conventions=Conventions())
    assert status.shortfall.value == 275_714_286
    assert status.starts_clock


def test_g10_hytech_unissued_and_escrow() -> None:
    # G-10: 50,000,000 - 37,916,390 = 12,083,610; less 7,500,000 + 2,500,000 escrow = 2,083,610
    room = headroom(HYTECH)
    assert room.value == 12_083_610
    escrow = [("Escrow Shares", 7_500_000), ("Initial Warrant Escrow Shares", 2_500_000)]
    assert capacity_after(room, escrow).value == 2_083_610
    # Schedule 1 certificates total 12,500,000 and exceed the unissued shares by 416,390
    assert capacity_after(room, [("Schedule 1 certificates", 12_500_000)]).value == -416_390
    # with the 2,000,000-share note settlement too: 83,610 left
    assert capacity_after(room, [*escrow, ("note settlement", 2_000_000)]).value == 83_610


def test_g11_amnis_pro_rata_allocation() -> None:
    # G-11: 20,000,000 x 0.50 / 0.35 / 0.15
    split = pro_rata_allocation(
        20_000_000,
        {"sds": Decimal(500_000), "alpha": Decimal(350_000), "bristol": Decimal(150_000)},
    )
    assert {k: v.value for k, v in split.items()} == {
        "sds": 10_000_000,
        "alpha": 7_000_000,
        "bristol": 3_000_000,
    }
    with pytest.raises(ValueError, match="positive"):
        pro_rata_allocation(1, {"nobody": Decimal(0)})


@pytest.mark.parametrize(
    ("reading", "available", "starts"),
    [
        ("below", 20_000_000, True),  # fewer shares than required: the real shortfall
        ("below", 300_000_000, False),
        ("literal-exceeds", 20_000_000, False),  # D-INS-3: the clause as written is inverted
        ("literal-exceeds", 300_000_000, True),
    ],
)
def test_shortfall_readings(
    reading: Literal["below", "literal-exceeds"], available: int, starts: bool
) -> None:
    need = Figure(label="Reserved Amount", value=295_714_286, unit="shares")
    status = reserve_shortfall(
        need, available, conventions=Conventions(reserve_shortfall_reading=reading)
    )
    assert status.starts_clock is starts
    assert status.shortfall.value == max(295_714_286 - available, 0)
    assert f"reserve.shortfall_reading={reading}" in status.shortfall.assumptions


@pytest.mark.parametrize(
    ("gate", "approval", "start", "penalty"),
    [
        # the clock runs from the shortfall: SLDA from shortfall + 30 D
        ("measure-and-penalize", None, date(2003, 1, 15), date(2003, 2, 14)),
        # measured only before the Stockholder Approval: no clock yet
        ("measure-only", None, None, None),
        # approval after the shortfall: the clock starts on the approval date
        ("measure-only", date(2003, 3, 1), date(2003, 3, 1), date(2003, 3, 31)),
        # approval before the shortfall: the clock starts on the shortfall date
        ("measure-only", date(2002, 11, 29), date(2003, 1, 15), date(2003, 2, 14)),
    ],
)
def test_approval_clock(
    gate: Literal["measure-only", "measure-and-penalize"],
    approval: date | None,
    start: date | None,
    penalty: date | None,
) -> None:
    conventions = Conventions(reserve_gate_before_approval=gate)
    result = approval_clock(
        shortfall_on=date(2003, 1, 15),
        stockholder_approval_on=approval,
        window=parse_duration("30 days"),
        clock=DealClock.of(conventions),
        conventions=conventions,
    )
    assert result.clock_start.value == start
    assert result.penalty_from.value == penalty
    assert f"reserve.gate_before_approval={gate}" in result.clock_start.assumptions


G28 = [
    ((2002, 9), date(2002, 10, 7), date(2002, 10, 7)),
    ((2002, 10), date(2002, 11, 7), date(2002, 11, 7)),
    ((2002, 11), date(2002, 12, 6), date(2002, 12, 6)),  # Nov ends on Saturday 11-30
    ((2002, 12), date(2003, 1, 8), date(2003, 1, 7)),  # New Year's Day skipped on the Fed calendar
    ((2003, 1), date(2003, 2, 7), date(2003, 2, 7)),
    ((2003, 2), date(2003, 3, 7), date(2003, 3, 7)),
]


@pytest.mark.parametrize(("month", "fed", "weekdays"), G28)
def test_g28_reserve_list_due_dates(month: tuple[int, int], fed: date, weekdays: date) -> None:
    assert reserve_list_due(*month, terms=LIST, clock=FED).value == fed
    assert reserve_list_due(*month, terms=LIST, clock=WEEKDAYS).value == weekdays


def test_g28_schedule_from_the_closing_month() -> None:
    schedule = reserve_list_schedule(
        closing=date(2002, 9, 27), through=date(2003, 2, 28), terms=LIST, clock=FED
    )
    assert [f.value for f in schedule] == [fed for _, fed, _ in G28]
    later = ReserveList(
        due_after_month_end=parse_duration("5 business-days"), first_month="month-after-closing"
    )
    schedule = reserve_list_schedule(
        closing=date(2002, 9, 27), through=date(2003, 2, 28), terms=later, clock=FED
    )
    assert [f.value for f in schedule] == [fed for _, fed, _ in G28[1:]]


prices = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1"), places=3)


@given(price=prices, warrants=st.integers(min_value=0, max_value=10_000_000))
def test_reserved_amount_is_at_least_the_multiple(price: Decimal, warrants: int) -> None:
    figure = reserved_amount(
        principal=Decimal(1_000_000),
        conversion_price=price,
        warrant_shares=warrants,
        multiple=Decimal(2),
    )
    assert isinstance(figure.value, int)
    exact = 2 * (Fraction(1_000_000) / Fraction(price) + warrants)
    assert exact <= figure.value < exact + 1


@given(
    available=st.integers(min_value=0, max_value=10**9),
    need=st.integers(min_value=0, max_value=10**9),
)
def test_shortfall_is_never_negative(available: int, need: int) -> None:
    status = reserve_shortfall(
        Figure(label="need", value=need), available, conventions=Conventions()
    )
    assert status.shortfall.value == max(need - available, 0)
    assert status.starts_clock is (available < need)


def _bundled(deal_id: str) -> Deal:
    deal, diagnostics = load_bundled(deal_id)
    assert deal is not None, [d.format() for d in diagnostics]
    return deal


def test_g10_and_g28_with_the_bundled_deals() -> None:
    insynq, amnis = _bundled("insynq-2002"), _bundled("amnis-2003")
    assert headroom(insynq.capitalization).value == 0  # G-10
    assert headroom(amnis.capitalization).value == 20_000_000  # G-10
    assert insynq.reservation is not None
    terms = insynq.reservation.reserve_list
    assert terms is not None
    clock = DealClock.of(insynq.conventions)
    assert reserve_list_due(2002, 12, terms=terms, clock=clock).value == date(2003, 1, 8)  # G-28
