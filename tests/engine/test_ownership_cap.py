"""The 5% Limitation on Conversion (HYT §4.18, M-CONV-1), golden G-16."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from dealbook.calendars.duration import parse_duration
from dealbook.core.numbers import quantize
from dealbook.engine.clock import DealClock
from dealbook.engine.ownership_cap import CapStatus
from dealbook.engine.ownership_cap import DeclaredDefault
from dealbook.engine.ownership_cap import conversion_limit
from dealbook.engine.ownership_cap import max_conversion_shares
from dealbook.engine.ownership_cap import ownership_after
from dealbook.engine.ownership_cap import revocation_deadline
from dealbook.terms.conventions import Conventions
from dealbook.terms.limits import OwnershipCap

CAP = OwnershipCap(
    percent=Decimal("0.05"),
    waiver_notice=parse_duration("75 days"),
    revocation_window=parse_duration("1 business-days"),
)
CONVENTIONS = Conventions()
CLOCK = DealClock.of(CONVENTIONS)
O_SCHEDULE = 37_916_390  # Sch. 3.1(c), outstanding at 2003-04-21
ESCROW = 10_000_000  # 7,500,000 Escrow Shares + 2,500,000 Initial Warrant Escrow Shares
AS_OF = date(2003, 10, 1)
FIVE_PERCENT = Fraction(1, 20)


@pytest.mark.parametrize(
    ("outstanding", "owned", "q_max"),
    [
        (37_916_390, 0, 1_995_599),  # G-16: escrow ignored
        (47_916_390, 0, 2_521_915),  # G-16: escrow outstanding, not owned
        (47_916_390, 10_000_000, 0),  # G-16: escrow outstanding and owned
    ],
)
def test_g16_q_max(outstanding: int, owned: int, q_max: int) -> None:
    assert (
        max_conversion_shares(percent=Decimal("0.05"), outstanding=outstanding, owned=owned)
        == q_max
    )


def test_g16_percentage_checks_are_exact() -> None:
    # 1,995,599 / 39,911,989 = 4.99999887% <= 5%; 1,995,600 / 39,911,990 = 5.0000013% > 5%
    at_cap = ownership_after(owned=0, outstanding=O_SCHEDULE, shares=1_995_599)
    over = ownership_after(owned=0, outstanding=O_SCHEDULE, shares=1_995_600)
    assert at_cap == Fraction(1_995_599, 39_911_989)
    assert over == Fraction(1_995_600, 39_911_990)
    assert at_cap <= FIVE_PERCENT < over
    pct = Decimal(at_cap.numerator * 100) / Decimal(at_cap.denominator)
    assert quantize(pct, "0.00000001", "half_up") == Decimal("4.99999887")
    pct_over = Decimal(over.numerator * 100) / Decimal(over.denominator)
    assert quantize(pct_over, "0.0000001", "half_up") == Decimal("5.0000013")
    # escrow outstanding: 2,521,915 / 50,438,305 <= 5% < 2,521,916 / 50,438,306
    assert Fraction(2_521_915, 50_438_305) <= FIVE_PERCENT < Fraction(2_521_916, 50_438_306)
    # escrow owned: B = 10,000,000 > 0.05 x 47,916,390 = 2,395,819.5, so nothing is allowed
    assert Fraction(10_000_000) > FIVE_PERCENT * 47_916_390 == Fraction(4_791_639, 2)


@pytest.mark.parametrize(
    ("outstanding_reading", "owned_reading", "q_max", "o", "b"),
    [
        (False, False, 1_995_599, 37_916_390, 0),
        (True, False, 2_521_915, 47_916_390, 0),  # the default readings
        (True, True, 0, 47_916_390, 10_000_000),
    ],
)
def test_g16_escrow_readings(
    outstanding_reading: bool, owned_reading: bool, q_max: int, o: int, b: int
) -> None:
    conventions = Conventions(
        escrow_shares_outstanding=outstanding_reading, escrow_shares_owned=owned_reading
    )
    result = conversion_limit(
        cap=CAP,
        outstanding_ex_escrow=O_SCHEDULE,
        owned_ex_escrow=0,
        escrow_shares=ESCROW,
        conventions=conventions,
        clock=CLOCK,
        as_of=AS_OF,
    )
    assert result.status is CapStatus.APPLIES
    assert result.limit.value == q_max
    assert result.outstanding.value == o
    assert result.owned.value == b
    assumptions = result.limit.all_assumptions()
    assert f"hyt.escrow_outstanding={str(outstanding_reading).lower()}" in assumptions
    assert f"hyt.escrow_owned={str(owned_reading).lower()}" in assumptions
    assert [str(c) for c in result.limit.clauses] == ["hyt:4.18"]


def test_exactly_the_cap_is_allowed_unless_the_cap_bars_reaching_it() -> None:
    # O = 95, B = 0, 5%: q = 5 gives 5 / 100 = exactly 5%, allowed ("more than" is barred).
    assert max_conversion_shares(percent=Decimal("0.05"), outstanding=95, owned=0) == 5
    assert ownership_after(owned=0, outstanding=95, shares=5) == FIVE_PERCENT
    at_or_above = max_conversion_shares(
        percent=Decimal("0.05"), outstanding=95, owned=0, strictly_more_than=False
    )
    assert at_or_above == 4


def limit(**kwargs: object) -> tuple[CapStatus, object]:
    result = conversion_limit(
        cap=CAP,
        outstanding_ex_escrow=O_SCHEDULE,
        owned_ex_escrow=0,
        escrow_shares=ESCROW,
        conventions=CONVENTIONS,
        clock=CLOCK,
        **kwargs,  # type: ignore[arg-type]  # table-driven keyword arguments
    )
    return result.status, result.limit.value


@pytest.mark.parametrize(
    ("kwargs", "status", "value"),
    [
        # waiver notice 2003-10-01 + 75 days = 2003-12-15
        (
            {"as_of": date(2003, 12, 14), "waiver_notice": date(2003, 10, 1)},
            CapStatus.APPLIES,
            2_521_915,
        ),
        ({"as_of": date(2003, 12, 15), "waiver_notice": date(2003, 10, 1)}, CapStatus.WAIVED, None),
        (
            {
                "as_of": date(2003, 12, 15),
                "waiver_notice": date(2003, 10, 1),
                "waived_shares": 1_000_000,
            },
            CapStatus.PARTLY_WAIVED,
            3_521_915,
        ),
        ({"as_of": AS_OF, "forced": True}, CapStatus.FORCED, None),
        # declared default with no cure period: void from the declaration
        ({"as_of": AS_OF, "default": DeclaredDefault(declared=AS_OF)}, CapStatus.LAPSED, None),
        # cure period to 2003-10-08: still in force on the deadline, void the day after
        (
            {
                "as_of": date(2003, 10, 8),
                "default": DeclaredDefault(declared=AS_OF, cure_deadline=date(2003, 10, 8)),
            },
            CapStatus.APPLIES,
            2_521_915,
        ),
        (
            {
                "as_of": date(2003, 10, 9),
                "default": DeclaredDefault(declared=AS_OF, cure_deadline=date(2003, 10, 8)),
            },
            CapStatus.LAPSED,
            None,
        ),
        # cured in time: the cap stays
        (
            {
                "as_of": date(2004, 1, 1),
                "default": DeclaredDefault(
                    declared=AS_OF, cure_deadline=date(2003, 10, 8), cured=date(2003, 10, 7)
                ),
            },
            CapStatus.APPLIES,
            2_521_915,
        ),
        # cured late: void from the day after the deadline, permanently
        (
            {
                "as_of": date(2004, 1, 1),
                "default": DeclaredDefault(
                    declared=AS_OF, cure_deadline=date(2003, 10, 8), cured=date(2003, 10, 20)
                ),
            },
            CapStatus.LAPSED,
            None,
        ),
    ],
)
def test_waiver_lapse_and_forced_conversions(
    kwargs: dict[str, object], status: CapStatus, value: int | None
) -> None:
    assert limit(**kwargs) == (status, value)


def test_revocation_deadline_is_one_business_day() -> None:
    # Company notice received Fri 2003-08-29; Mon 2003-09-01 is Labor Day -> Tue 2003-09-02
    figure = revocation_deadline(company_notice_receipt=date(2003, 8, 29), cap=CAP, clock=CLOCK)
    assert figure.value == date(2003, 9, 2)
    no_window = OwnershipCap(percent=Decimal("0.05"))
    assert (
        revocation_deadline(company_notice_receipt=AS_OF, cap=no_window, clock=CLOCK).value is None
    )


def test_cap_of_100_percent_is_refused() -> None:
    with pytest.raises(ValueError, match="below 100%"):
        max_conversion_shares(percent=Decimal(1), outstanding=1, owned=0)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 10**9),
    st.integers(0, 10**8),
    st.integers(1, 99),
    st.booleans(),
)
def test_q_max_is_the_largest_allowed(outstanding: int, owned: int, pct: int, strict: bool) -> None:
    p = Fraction(pct, 100)
    q = max_conversion_shares(
        percent=Decimal(pct) / 100, outstanding=outstanding, owned=owned, strictly_more_than=strict
    )
    assert q >= 0

    def allowed(n: int) -> bool:
        share = ownership_after(owned=owned, outstanding=outstanding, shares=n)
        return share <= p if strict else share < p

    if q > 0:
        assert allowed(q)
    assert not allowed(q + 1)
