"""Lock-up, participation clocks, pro-rata shares and the finder fee (G-19, G-23, G-24)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.conventions import WithinCounting
from dealbook.calendars.duration import parse_duration
from dealbook.engine.clock import DealClock
from dealbook.engine.offerings import earliest_offering_closing
from dealbook.engine.offerings import finder_fee
from dealbook.engine.offerings import finder_fee_window_end
from dealbook.engine.offerings import lockup_end
from dealbook.engine.offerings import option_expiry
from dealbook.engine.offerings import participation_window_end
from dealbook.engine.offerings import pro_rata_shares
from dealbook.terms.base import Citation
from dealbook.terms.conventions import Conventions
from dealbook.terms.offerings import FinderFee
from dealbook.terms.offerings import Lockup
from dealbook.terms.offerings import Participation

CONVENTIONS = Conventions()
CLOCK = DealClock.of(CONVENTIONS)
LOCKUP = Lockup(
    after_closing=parse_duration("270 days"),
    after_effectiveness=parse_duration("180 days"),
    cite=(Citation(doc="spa", section="4(e)"),),
)
PARTICIPATION = Participation(
    notice_before_closing=parse_duration("20 business-days"),
    option_window=parse_duration("15 days"),
    lasts_after_lockup=parse_duration("2 years"),
)
FEE = FinderFee(rate=Decimal("0.04"), window=parse_duration("2 years"))
INSYNQ_CLOSING = date(2002, 9, 27)
AMNIS_CLOSING = date(2003, 5, 9)


@pytest.mark.parametrize(
    ("closing", "effective", "no_sale_days", "expected"),
    [
        # G-23 Insynq: RS effective 2003-12-07 (HYP, at the deadline) + 180 D = 2004-06-04,
        # later than 2002-09-27 + 270 D = 2003-06-24
        (INSYNQ_CLOSING, date(2003, 12, 7), 0, date(2004, 6, 4)),
        # ... plus 10 days in which sales cannot be made: 2004-06-14
        (INSYNQ_CLOSING, date(2003, 12, 7), 10, date(2004, 6, 14)),
        # an early effectiveness (2002-12-01 + 180 D = 2003-05-30): the closing leg 2003-06-24 wins
        (INSYNQ_CLOSING, date(2002, 12, 1), 0, date(2003, 6, 24)),
        # G-23 Amnis: the RS term is unknown, so the end is open
        (AMNIS_CLOSING, None, 0, None),
    ],
)
def test_g23_lockup_end(
    closing: date, effective: date | None, no_sale_days: int, expected: date | None
) -> None:
    figure = lockup_end(
        closing=closing,
        lockup=LOCKUP,
        clock=CLOCK,
        effective=effective,
        days_without_sales=no_sale_days,
    )
    assert figure.value == expected
    assert [str(c) for c in figure.clauses] == ["spa:4(e)"]


@pytest.mark.parametrize(
    ("closing", "leg"),
    [(INSYNQ_CLOSING, date(2003, 6, 24)), (AMNIS_CLOSING, date(2004, 2, 3))],  # G-23, G-29
)
def test_g23_closing_leg(closing: date, leg: date) -> None:
    figure = lockup_end(closing=closing, lockup=LOCKUP, clock=CLOCK)
    assert figure.inputs[0].value == leg


def test_lockup_without_effectiveness_leg_is_the_closing_leg() -> None:
    closing_only = Lockup(after_closing=parse_duration("270 days"))
    figure = lockup_end(closing=AMNIS_CLOSING, lockup=closing_only, clock=CLOCK)
    assert figure.value == date(2004, 2, 3)


def test_g23_participation_window_ends_two_years_after_lockup() -> None:
    end = lockup_end(
        closing=INSYNQ_CLOSING, lockup=LOCKUP, clock=CLOCK, effective=date(2003, 12, 7)
    )
    window = participation_window_end(lockup_ends=end, participation=PARTICIPATION, clock=CLOCK)
    assert window.value == date(2006, 6, 4)
    open_end = lockup_end(closing=AMNIS_CLOSING, lockup=LOCKUP, clock=CLOCK)
    pending = participation_window_end(
        lockup_ends=open_end, participation=PARTICIPATION, clock=CLOCK
    )
    assert pending.value is None


@pytest.mark.parametrize(
    ("notice", "earliest", "expiry"),
    [
        # Fri 2003-08-01 + 20 BD: 08-04..08-29 (four full weeks) -> 2003-08-29; + 15 D -> 08-16
        (date(2003, 8, 1), date(2003, 8, 29), date(2003, 8, 16)),
        # Fri 2003-08-15 + 20 BD with Labor Day 09-01 skipped: 08-18..08-29 (10),
        # 09-02..09-05 (14), 09-08..09-12 (19), 09-15 (20); + 15 D -> 08-30
        (date(2003, 8, 15), date(2003, 9, 15), date(2003, 8, 30)),
    ],
)
def test_future_offering_clocks(notice: date, earliest: date, expiry: date) -> None:
    closing = earliest_offering_closing(notice=notice, participation=PARTICIPATION, clock=CLOCK)
    option = option_expiry(notice=notice, participation=PARTICIPATION, clock=CLOCK)
    assert closing.value == earliest
    assert option.value == expiry


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        # G-24 Insynq after the initial Closing: 60,000 / 120,000 each
        (
            {
                "ajw-partners": Decimal(60_000),
                "new-millennium": Decimal(60_000),
                "ajw-offshore": Decimal(0),
                "ajw-qualified": Decimal(0),
            },
            {
                "ajw-partners": Fraction(1, 2),
                "new-millennium": Fraction(1, 2),
                "ajw-offshore": Fraction(0),
                "ajw-qualified": Fraction(0),
            },
        ),
        # G-24 Amnis: 50%, 35%, 15%
        (
            {"sds": Decimal(500_000), "alpha": Decimal(350_000), "bristol": Decimal(150_000)},
            {"sds": Fraction(1, 2), "alpha": Fraction(7, 20), "bristol": Fraction(3, 20)},
        ),
    ],
)
def test_g24_pro_rata_shares(principal: dict[str, Decimal], expected: dict[str, Fraction]) -> None:
    shares = pro_rata_shares(principal)
    assert {holder: figure.value for holder, figure in shares.items()} == expected


def test_pro_rata_without_principal_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="principal"):
        pro_rata_shares({"a": Decimal(0)})


def test_g19_finder_fee_window_end() -> None:
    # 2003-04-28 + 2 years (G-14)
    window = finder_fee_window_end(signing=date(2003, 4, 28), fee=FEE, clock=CLOCK)
    assert window.value == date(2005, 4, 28)
    assert [str(c) for c in window.clauses] == ["hyt:4.28"]


@pytest.mark.parametrize(
    ("financing", "within", "expected"),
    [
        # G-19: 0.04 x 1,000,000 = 40,000
        (date(2004, 6, 1), WithinCounting.INCLUSIVE, Decimal("40000")),
        (date(2005, 4, 28), WithinCounting.INCLUSIVE, Decimal("40000")),
        (date(2005, 4, 28), WithinCounting.EXCLUSIVE, Decimal("0")),
        (date(2005, 4, 29), WithinCounting.INCLUSIVE, Decimal("0")),
        (date(2003, 4, 27), WithinCounting.INCLUSIVE, Decimal("0")),
    ],
)
def test_g19_finder_fee(financing: date, within: WithinCounting, expected: Decimal) -> None:
    figure = finder_fee(
        amount=Decimal(1_000_000),
        financing_date=financing,
        signing=date(2003, 4, 28),
        fee=FEE,
        clock=CLOCK,
        conventions=Conventions(within=within),
    )
    assert figure.value == expected
    assert f"count.within_n_days={within}" in figure.assumptions


amounts = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d"]),
    st.decimals(min_value=Decimal(0), max_value=Decimal(10**7), places=2),
    min_size=1,
)


@settings(max_examples=100, deadline=None)
@given(amounts)
def test_pro_rata_shares_sum_to_one(principal: dict[str, Decimal]) -> None:
    if sum(principal.values()) == 0:
        return
    shares = pro_rata_shares(principal)
    values = [figure.value for figure in shares.values()]
    assert all(isinstance(v, Fraction) and 0 <= v <= 1 for v in values)
    assert sum((v for v in values if isinstance(v, Fraction)), Fraction(0)) == 1


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 400), st.integers(0, 60))
def test_lockup_end_never_before_either_leg(offset: int, no_sale: int) -> None:
    effective = date.fromordinal(INSYNQ_CLOSING.toordinal() + offset)
    end = lockup_end(
        closing=INSYNQ_CLOSING,
        lockup=LOCKUP,
        clock=CLOCK,
        effective=effective,
        days_without_sales=no_sale,
    ).value
    assert isinstance(end, date)
    assert end >= date(2003, 6, 24)
    assert (end - effective).days >= 180 + no_sale
